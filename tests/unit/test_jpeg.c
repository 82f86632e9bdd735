#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "read/jpeg.h"
#include "photoconsent/photoconsent.h"

/* A JPEG under construction, in memory. */
static unsigned char img[1 << 20];
static size_t img_len;
static struct pc__facts facts;
static struct pc__jpeg jpeg;

static void setup(void)
{
	img_len = 0;
	pc__facts_init(&facts);
	memset(&jpeg, 0, sizeof(jpeg));
}

static void teardown(void)
{
	pc__jpeg_release(&jpeg);
	pc__facts_release(&facts);
}

TestSuite(jpeg, .init = setup, .fini = teardown);

static void raw(const void *p, size_t n)
{
	cr_assert(img_len + n <= sizeof(img));
	if (n)
		memcpy(img + img_len, p, n);
	img_len += n;
}

static void seg(int marker, const void *payload, size_t n)
{
	unsigned char h[4] = { 0xFF, (unsigned char)marker,
	                       (unsigned char)((n + 2) >> 8), (unsigned char)(n + 2) };
	raw(h, 4);
	raw(payload, n);
}

static void sof_sos(void)
{
	static const unsigned char sof[] = { 8, 0, 120, 0, 160, 1, 1, 0x11, 0 };
	seg(0xC0, sof, sizeof(sof));
	static const unsigned char sos[] = { 1, 1, 0, 0, 63, 0 };
	seg(0xDA, sos, sizeof(sos));
}

static int walk(void)
{
	return pc__jpeg_read_memory(&jpeg, &facts, img, img_len);
}

static int has_error(const char *fragment)
{
	for (size_t i = 0; i < facts.errors.n; i++)
		if (strstr(facts.errors.v[i], fragment))
			return 1;
	return 0;
}

static void show_errors(void)
{
	for (size_t i = 0; i < facts.errors.n; i++)
		cr_log_info("error: %s", facts.errors.v[i]);
}

#define XMP_ID "http://ns.adobe.com/xap/1.0/"

Test(jpeg, keeps_exif_xmp_and_photoshop_segments_and_the_size)
{
	raw("\xff\xd8", 2);
	seg(0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0", 14);
	seg(0xE1, "Exif\0\0II*\0\x08\0\0\0\0\0", 16);
	seg(0xE1, XMP_ID "\0<x:xmpmeta/>", sizeof(XMP_ID) + 12);
	seg(0xED, "Photoshop 3.0\0" "8BIM", 18);
	seg(0xED, "Photoshop 3.0\0" "\x04\x04", 16);
	sof_sos();
	cr_assert_eq(walk(), 0);
	show_errors();
	cr_expect_eq(facts.errors.n, 0);
	cr_expect_eq(jpeg.exif_len, 16);
	cr_assert_eq(jpeg.xmp_count, 1);
	cr_expect_str_eq(jpeg.xmp[0], "<x:xmpmeta/>");
	cr_expect_eq(jpeg.app13_len, 6, "two APP13 segments are joined");
	cr_expect_eq(memcmp(jpeg.app13, "8BIM\x04\x04", 6), 0);
	cr_expect_eq(jpeg.width, 160);
	cr_expect_eq(jpeg.height, 120);
}

Test(jpeg, stops_at_start_of_scan)
{
	raw("\xff\xd8", 2);
	sof_sos();
	seg(0xE1, XMP_ID "\0<late/>", sizeof(XMP_ID) + 7);
	cr_assert_eq(walk(), 0);
	cr_expect_eq(jpeg.xmp_count, 0, "nothing after SOS is metadata");
	cr_expect_eq(facts.errors.n, 0);
}

Test(jpeg, every_xmp_packet_is_kept)
{
	raw("\xff\xd8", 2);
	seg(0xE1, XMP_ID "\0<first/>", sizeof(XMP_ID) + 8);
	seg(0xE1, XMP_ID "\0<second/>", sizeof(XMP_ID) + 9);
	sof_sos();
	cr_assert_eq(walk(), 0);
	cr_assert_eq(jpeg.xmp_count, 2);
	cr_expect_str_eq(jpeg.xmp[0], "<first/>");
	cr_expect_str_eq(jpeg.xmp[1], "<second/>");
}

Test(jpeg, fill_bytes_before_a_marker_are_allowed)
{
	raw("\xff\xd8\xff\xff", 4);
	sof_sos();
	cr_assert_eq(walk(), 0);
	cr_expect_eq(facts.errors.n, 0);
	cr_expect_eq(jpeg.width, 160);
}

Test(jpeg, empty_input_says_so)
{
	cr_expect_eq(walk(), PC_EFORMAT);
	cr_expect(has_error("file is empty"));
}

Test(jpeg, png_is_named)
{
	raw("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
	cr_expect_eq(walk(), PC_EFORMAT);
	cr_expect(has_error("not a JPEG file: it looks like a PNG image"));
}

Test(jpeg, text_is_named)
{
	raw("hello, world\n", 13);
	cr_expect_eq(walk(), PC_EFORMAT);
	cr_expect(has_error("looks like text"));
}

Test(jpeg, segment_cut_short_names_its_offset_and_size)
{
	raw("\xff\xd8", 2);
	unsigned char head[4] = { 0xFF, 0xE1, 0x07, 0xD0 }; /* declares 2000 */
	raw(head, 4);
	raw(XMP_ID "\0<x:xmpmeta", sizeof(XMP_ID) + 11);
	cr_assert_eq(walk(), 0);
	show_errors();
	cr_expect(has_error("file ends inside the APP1 segment at byte 2: it declares 1998 bytes"));
	cr_expect_eq(jpeg.xmp_count, 0);
}

Test(jpeg, end_of_file_before_image_data)
{
	raw("\xff\xd8", 2);
	seg(0xFE, "a comment", 9);
	cr_assert_eq(walk(), 0);
	cr_expect(has_error("file ends at byte 15 before the image data"));
}

Test(jpeg, impossible_segment_length)
{
	raw("\xff\xd8\xff\xe1\x00\x01", 6);
	cr_assert_eq(walk(), 0);
	cr_expect(has_error("APP1 segment at byte 2 declares an impossible length of 1 bytes"));
}

Test(jpeg, garbage_where_a_marker_should_be)
{
	raw("\xff\xd8\x12\x34", 4);
	cr_assert_eq(walk(), 0);
	cr_expect(has_error("expected a marker at byte 2 but found 0x12"));
}

Test(jpeg, thousands_of_segments_are_cut_off)
{
	raw("\xff\xd8", 2);
	for (int i = 0; i < PC__JPEG_MAX_SEGMENTS + 10; i++)
		seg(0xEF, NULL, 0);
	sof_sos();
	cr_assert_eq(walk(), 0);
	cr_expect(has_error("more than 10000 segments"));
}

Test(jpeg, extended_xmp_chunks_are_kept_with_their_offsets)
{
	raw("\xff\xd8", 2);
	unsigned char p[200];
	size_t n = 0;
	memcpy(p, "http://ns.adobe.com/xmp/extension/", 35);
	n = 35;
	memcpy(p + n, "0123456789ABCDEF0123456789ABCDEF", 32);
	n += 32;
	memcpy(p + n, "\0\0\0\x0a\0\0\0\x05", 8); /* full 10, offset 5 */
	n += 8;
	memcpy(p + n, "world", 5);
	n += 5;
	seg(0xE1, p, n);
	sof_sos();
	cr_assert_eq(walk(), 0);
	cr_assert_eq(jpeg.chunk_count, 1);
	/* A count of 1 comes with the array, which the analyzer cannot see
	 * from this file. */
	/* NOLINTBEGIN(clang-analyzer-core.NullDereference) */
	cr_expect_str_eq(jpeg.chunks[0].guid, "0123456789ABCDEF0123456789ABCDEF");
	cr_expect_eq(jpeg.chunks[0].full_length, 10);
	cr_expect_eq(jpeg.chunks[0].offset, 5);
	cr_expect_eq(jpeg.chunks[0].len, 5);
	/* NOLINTEND(clang-analyzer-core.NullDereference) */
	cr_expect_eq(memcmp(jpeg.chunks[0].data, "world", 5), 0);
}

Test(jpeg, extended_xmp_segment_too_short)
{
	raw("\xff\xd8", 2);
	seg(0xE1, "http://ns.adobe.com/xmp/extension/\0" "0123", 39);
	sof_sos();
	cr_assert_eq(walk(), 0);
	cr_expect(has_error("too short"));
	cr_expect_eq(jpeg.chunk_count, 0);
}
