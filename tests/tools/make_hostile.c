/*
 * make_hostile: writes the hostile and broken files that the tests feed to
 * photoconsent, into the folder given as the only argument.
 *
 * Each is built byte by byte here rather than committed, so that what each
 * file holds, and why it is hostile, can be read below. Every one must give
 * a clear per-file error and never a crash, a hang or unbounded memory.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bytes {
	unsigned char *p;
	size_t len, alloc;
};

static void put(struct bytes *b, const void *data, size_t len)
{
	if (b->len + len > b->alloc) {
		size_t alloc = b->alloc ? b->alloc : 4096;
		while (alloc < b->len + len)
			alloc *= 2;
		unsigned char *p = realloc(b->p, alloc);
		if (!p) {
			perror("make_hostile");
			exit(1);
		}
		b->p = p;
		b->alloc = alloc;
	}
	if (len)
		memcpy(b->p + b->len, data, len);
	b->len += len;
}

static void put_str(struct bytes *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_u16be(struct bytes *b, unsigned v)
{
	unsigned char c[2] = { (unsigned char)(v >> 8), (unsigned char)v };
	put(b, c, 2);
}

static void put_u32be(struct bytes *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
	                       (unsigned char)(v >> 8), (unsigned char)v };
	put(b, c, 4);
}

static void put_u16le(struct bytes *b, unsigned v)
{
	unsigned char c[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
	put(b, c, 2);
}

static void put_u32le(struct bytes *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)v, (unsigned char)(v >> 8),
	                       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
	put(b, c, 4);
}

/* A segment: marker, length (payload + 2), payload. */
static void segment(struct bytes *b, int marker, const void *payload, size_t len)
{
	unsigned char m[2] = { 0xFF, (unsigned char)marker };
	put(b, m, 2);
	put_u16be(b, (unsigned)(len + 2));
	put(b, payload, len);
}

/* A tiny but complete frame after the metadata: SOF0, SOS, EOI. The walk
 * stops at SOS, so the scan data need not decode. */
static void frame(struct bytes *b)
{
	static const unsigned char sof[] = { 8, 0, 16, 0, 16, 1, 1, 0x11, 0 };
	segment(b, 0xC0, sof, sizeof(sof));
	static const unsigned char sos[] = { 1, 1, 0, 0, 63, 0 };
	segment(b, 0xDA, sos, sizeof(sos));
	static const unsigned char tail[] = { 0x00, 0x00, 0xFF, 0xD9 };
	put(b, tail, sizeof(tail));
}

static void soi(struct bytes *b)
{
	static const unsigned char s[] = { 0xFF, 0xD8 };
	put(b, s, 2);
}

static void xmp_segment(struct bytes *b, const char *packet)
{
	struct bytes p = { 0 };
	put(&p, "http://ns.adobe.com/xap/1.0/", 29); /* with its NUL */
	put_str(&p, packet);
	segment(b, 0xE1, p.p, p.len);
	free(p.p);
}

static const char *dir;

static void save(const char *name, struct bytes *b)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || (b->len && fwrite(b->p, 1, b->len, f) != b->len) || fclose(f)) {
		perror(path);
		exit(1);
	}
	free(b->p);
	memset(b, 0, sizeof(*b));
}

#define XMP_HEAD "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF " \
	"xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
#define XMP_TAIL "</rdf:RDF></x:xmpmeta>"
#define GUID "0123456789ABCDEF0123456789ABCDEF"

/* An EXIF APP1 payload: little-endian TIFF, IFD0 at `ifd0`, the given
 * entries (12 bytes each) and next-IFD pointer. */
static void exif_payload(struct bytes *p, uint32_t ifd0_offset)
{
	put(p, "Exif\0\0", 6);
	put(p, "II*\0", 4);
	put_u32le(p, ifd0_offset);
}

static void ifd_entry(struct bytes *p, unsigned tag, unsigned type, uint32_t count,
                      uint32_t value)
{
	put_u16le(p, tag);
	put_u16le(p, type);
	put_u32le(p, count);
	put_u32le(p, value);
}

static void extended_chunk(struct bytes *b, uint32_t full, uint32_t offset,
                           const char *data, size_t len)
{
	struct bytes p = { 0 };
	put(&p, "http://ns.adobe.com/xmp/extension/", 35);
	put_str(&p, GUID);
	put_u32be(&p, full);
	put_u32be(&p, offset);
	put(&p, data, len);
	segment(b, 0xE1, p.p, p.len);
	free(p.p);
}

static const char MAIN_WITH_EXTENSION[] = XMP_HEAD
	"<rdf:Description xmlns:xmpNote='http://ns.adobe.com/xmp/note/' "
	"xmpNote:HasExtendedXMP='" GUID "'/>" XMP_TAIL;

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: make_hostile DIR\n", stderr);
		return 64;
	}
	dir = argv[1];
	struct bytes b = { 0 }, p = { 0 };

	/* A zero-length file. */
	save("empty.jpg", &b);

	/* A JPEG cut off in the middle of its XMP segment. */
	soi(&b);
	{
		struct bytes x = { 0 };
		put(&x, "http://ns.adobe.com/xap/1.0/", 29);
		put_str(&x, XMP_HEAD "<rdf:Description/>" XMP_TAIL);
		while (x.len < 2000)
			put_str(&x, " ");
		segment(&b, 0xE1, x.p, x.len);
		free(x.p);
	}
	b.len -= 1500;
	save("truncated-in-segment.jpg", &b);

	/* A PNG and a text file, named .jpg. */
	put(&b, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 29);
	save("png-named.jpg", &b);
	put_str(&b, "Sports day photos are in the shared drive.\n");
	save("text-named.jpg", &b);

	/* EXIF whose IFD0 offset points far outside the segment. */
	soi(&b);
	exif_payload(&p, 0x7FFFFFF0u);
	segment(&b, 0xE1, p.p, p.len);
	free(p.p);
	memset(&p, 0, sizeof(p));
	frame(&b);
	save("exif-offset-outside.jpg", &b);

	/* EXIF whose IFDs form a loop: IFD0's next IFD is IFD0 itself, and its
	 * EXIF sub-IFD pointer points back at IFD0 too. */
	soi(&b);
	exif_payload(&p, 8);
	put_u16le(&p, 2);
	ifd_entry(&p, 0x0112, 3, 1, 6);        /* Orientation */
	ifd_entry(&p, 0x8769, 4, 1, 8);        /* ExifIFD -> IFD0 */
	put_u32le(&p, 8);                      /* next IFD -> IFD0 */
	segment(&b, 0xE1, p.p, p.len);
	free(p.p);
	memset(&p, 0, sizeof(p));
	frame(&b);
	save("exif-ifd-loop.jpg", &b);

	/* XMP that is not well-formed XML. */
	soi(&b);
	xmp_segment(&b, XMP_HEAD "<rdf:Description><dc:subject xmlns:dc="
	                "'http://purl.org/dc/elements/1.1/'><rdf:Bag><rdf:li>Amy Jones"
	                "</rdf:Bag></dc:subject></rdf:Description>" XMP_TAIL);
	frame(&b);
	save("xmp-malformed.jpg", &b);

	/* "Billion laughs": nested entity definitions that would expand to
	 * gigabytes if a parser obeyed them. */
	soi(&b);
	{
		struct bytes x = { 0 };
		put_str(&x, "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
		put_str(&x, "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>");
		for (int i = 2; i <= 9; i++) {
			char line[200];
			snprintf(line, sizeof(line), "<!ENTITY lol%d '", i);
			put_str(&x, line);
			for (int k = 0; k < 10; k++) {
				snprintf(line, sizeof(line), "&lol%d;", i - 1);
				put_str(&x, line);
			}
			put_str(&x, "'>");
		}
		put_str(&x, "]>" XMP_HEAD "<rdf:Description xmlns:dc='http://purl.org/dc/"
		            "elements/1.1/'><dc:subject><rdf:Bag><rdf:li>&lol9;</rdf:li>"
		            "</rdf:Bag></dc:subject></rdf:Description>" XMP_TAIL);
		put(&x, "", 1);
		xmp_segment(&b, (const char *)x.p);
		free(x.p);
	}
	frame(&b);
	save("xmp-billion-laughs.jpg", &b);

	/* XMP nested 6,000 elements deep. */
	soi(&b);
	{
		struct bytes x = { 0 };
		put_str(&x, XMP_HEAD "<rdf:Description>");
		for (int i = 0; i < 6000; i++)
			put_str(&x, "<a>");
		for (int i = 0; i < 6000; i++)
			put_str(&x, "</a>");
		put_str(&x, "</rdf:Description>" XMP_TAIL);
		put(&x, "", 1);
		xmp_segment(&b, (const char *)x.p);
		free(x.p);
	}
	frame(&b);
	save("xmp-deep-nesting.jpg", &b);

	/* IPTC IIM whose Keywords dataset claims 5,000 bytes in a segment that
	 * holds a few dozen. */
	soi(&b);
	{
		struct bytes iim = { 0 };
		put(&iim, "\x1c\x02\x19", 3);
		put_u16be(&iim, 5000);
		put_str(&iim, "Amy Jones");
		put(&p, "Photoshop 3.0", 14);
		put(&p, "8BIM\x04\x04\0\0", 8);
		put_u32be(&p, (uint32_t)iim.len);
		put(&p, iim.p, iim.len);
		if (iim.len & 1)
			put(&p, "", 1);
		segment(&b, 0xED, p.p, p.len);
		free(iim.p);
		free(p.p);
		memset(&p, 0, sizeof(p));
	}
	frame(&b);
	save("iim-past-segment.jpg", &b);

	/* 50,000 empty APP15 segments before the image. */
	soi(&b);
	for (int i = 0; i < 50000; i++)
		segment(&b, 0xEF, NULL, 0);
	frame(&b);
	save("many-segments.jpg", &b);

	/* ExtendedXMP whose two chunks overlap. */
	soi(&b);
	xmp_segment(&b, MAIN_WITH_EXTENSION);
	{
		char data[200];
		memset(data, ' ', sizeof(data));
		extended_chunk(&b, 300, 0, data, 200);
		extended_chunk(&b, 300, 150, data, 150);
	}
	frame(&b);
	save("extxmp-overlap.jpg", &b);

	/* ExtendedXMP with a chunk that runs past the declared total length. */
	soi(&b);
	xmp_segment(&b, MAIN_WITH_EXTENSION);
	{
		char data[200];
		memset(data, ' ', sizeof(data));
		extended_chunk(&b, 250, 0, data, 200);
		extended_chunk(&b, 250, 200, data, 200);
	}
	frame(&b);
	save("extxmp-past-length.jpg", &b);

	/* A segment whose length field is below the minimum of 2. */
	soi(&b);
	put(&b, "\xff\xe1\x00\x01", 4);
	frame(&b);
	save("segment-length-1.jpg", &b);

	/* Nothing after the start-of-image marker. */
	soi(&b);
	save("soi-only.jpg", &b);

	/* The limits of the README, each passed by one. */

	/* Nine XMP packets, one past the eight kept. */
	soi(&b);
	for (int i = 0; i < 9; i++)
		xmp_segment(&b, XMP_HEAD "<rdf:Description/>" XMP_TAIL);
	frame(&b);
	save("xmp-nine-packets.jpg", &b);

	/* 4097 ExtendedXMP segments of one byte each, one past the 4096 read. */
	soi(&b);
	xmp_segment(&b, MAIN_WITH_EXTENSION);
	for (uint32_t i = 0; i < 4097; i++)
		extended_chunk(&b, 4097, i, " ", 1);
	frame(&b);
	save("extxmp-too-many-chunks.jpg", &b);

	/* Photoshop APP13 data past 4 MiB: 65 segments of 65000 bytes. */
	soi(&b);
	{
		static unsigned char filler[65000];
		for (int i = 0; i < 65; i++) {
			struct bytes a = { 0 };
			put(&a, "Photoshop 3.0", 14); /* with its NUL */
			put(&a, filler, sizeof(filler));
			segment(&b, 0xED, a.p, a.len);
			free(a.p);
		}
	}
	frame(&b);
	save("app13-past-4mib.jpg", &b);

	/* 10001 empty Photoshop resources, one past the 10000 read, over
	 * two APP13 segments (their data is one stream). */
	soi(&b);
	{
		struct bytes r = { 0 };
		for (int i = 0; i < 10001; i++) {
			put_str(&r, "8BIM");
			put_u16be(&r, 0x0400); /* not IPTC */
			put_u16be(&r, 0);      /* an empty name, padded to even */
			put_u32be(&r, 0);      /* no data */
		}
		size_t half = r.len / 2;
		for (int part = 0; part < 2; part++) {
			struct bytes a = { 0 };
			put(&a, "Photoshop 3.0", 14);
			put(&a, r.p + (part ? half : 0), part ? r.len - half : half);
			segment(&b, 0xED, a.p, a.len);
			free(a.p);
		}
		free(r.p);
	}
	frame(&b);
	save("app13-too-many-resources.jpg", &b);
	return 0;
}
