/*
 * test_iptc.c: IIM datasets and Photoshop resource blocks built byte by
 * byte, read into facts.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "read/facts.h"
#include "read/iptc.h"

struct bytes {
	unsigned char d[8192];
	size_t len;
};

static void add(struct bytes *b, const void *data, size_t n)
{
	cr_assert_leq(b->len + n, sizeof(b->d));
	memcpy(b->d + b->len, data, n);
	b->len += n;
}

static void add_byte(struct bytes *b, unsigned v)
{
	unsigned char c = (unsigned char)v;
	add(b, &c, 1);
}

static void add_be(struct bytes *b, unsigned long v, int n)
{
	while (n--)
		add_byte(b, (unsigned)(v >> (8 * n)) & 0xFF);
}

/* One IIM dataset: 0x1C, record, number, 2-byte length, data. */
static void dataset(struct bytes *b, unsigned record, unsigned number, const void *data, size_t n)
{
	add_byte(b, 0x1C);
	add_byte(b, record);
	add_byte(b, number);
	add_be(b, n, 2);
	add(b, data, n);
}

static void dataset_str(struct bytes *b, unsigned record, unsigned number, const char *s)
{
	dataset(b, record, number, s, strlen(s));
}

/* A dataset with an extended length: 0x8000 | the count of length bytes. */
static void dataset_extended(struct bytes *b, unsigned record, unsigned number,
                             const void *data, size_t n, int length_bytes)
{
	add_byte(b, 0x1C);
	add_byte(b, record);
	add_byte(b, number);
	add_be(b, 0x8000u | (unsigned)length_bytes, 2);
	add_be(b, n, length_bytes);
	add(b, data, n);
}

/* One Photoshop resource: signature, id, Pascal name padded to even,
 * 4-byte size, data padded to even. */
static void resource(struct bytes *b, const char *sig, unsigned id, const char *name,
                     const void *data, size_t n)
{
	add(b, sig, 4);
	add_be(b, id, 2);
	size_t nl = strlen(name);
	add_byte(b, (unsigned)nl);
	add(b, name, nl);
	if ((1 + nl) & 1)
		add_byte(b, 0);
	add_be(b, n, 4);
	add(b, data, n);
	if (n & 1)
		add_byte(b, 0);
}

static void read_iim(struct pc__facts *f, const struct bytes *b)
{
	pc__facts_init(f);
	cr_assert_eq(pc__iptc_read_iim(f, b->d, b->len), 0);
}

static void read_photoshop(struct pc__facts *f, const struct bytes *b)
{
	pc__facts_init(f);
	cr_assert_eq(pc__iptc_read_photoshop(f, b->d, b->len), 0);
}

static const char *first_error(const struct pc__facts *f)
{
	return f->errors.n ? f->errors.v[0] : "(none)";
}

Test(iptc, keywords_repeated)
{
	struct bytes b = { .len = 0 };
	dataset(&b, 2, 0, "\0\4", 2); /* record version */
	dataset_str(&b, 2, 25, "Amy Jones");
	dataset_str(&b, 2, 25, "People|Year 4|Chloe Davies");
	dataset_str(&b, 2, 25, "  Sports Day  ");
	dataset_str(&b, 2, 25, "");
	struct pc__facts f;
	read_iim(&f, &b);
	const struct pc__strvec *k = &f.keywords[PC__KW_IPTC];
	cr_assert_eq(k->n, 3);
	cr_assert_str_eq(k->v[0], "Amy Jones");
	cr_assert_str_eq(k->v[1], "People|Year 4|Chloe Davies");
	cr_assert_str_eq(k->v[2], "Sports Day");
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	pc__facts_release(&f);
}

Test(iptc, utf8_declared_after_the_keywords)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 25, "\xC5\x81ukasz Nowak");
	dataset_str(&b, 2, 25, "Zo\xEB"); /* not UTF-8, though declared so */
	dataset_str(&b, 1, 90, "\x1b%G");
	struct pc__facts f;
	read_iim(&f, &b);
	const struct pc__strvec *k = &f.keywords[PC__KW_IPTC];
	cr_assert_eq(k->n, 2);
	cr_assert_str_eq(k->v[0], "Łukasz Nowak");
	/* Declared UTF-8 is taken at its word: not guessed as Latin-1. */
	cr_assert_str_eq(k->v[1], "Zo\xEF\xBF\xBD");
	pc__facts_release(&f);
}

Test(iptc, latin1_without_coded_character_set)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 25, "Zo\xEB Martin");
	dataset_str(&b, 2, 120, "Ren\xE9""e and Zo\xEB at the f\xEAte");
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_str_eq(f.keywords[PC__KW_IPTC].v[0], "Zoë Martin");
	cr_assert_str_eq(f.texts[PC__TEXT_IPTC_CAPTION], "Renée and Zoë at the fête");
	pc__facts_release(&f);
}

Test(iptc, utf8_without_coded_character_set_is_guessed)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 25, "Zo\xC3\xAB Martin");
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_str_eq(f.keywords[PC__KW_IPTC].v[0], "Zoë Martin");
	pc__facts_release(&f);
}

Test(iptc, other_coded_character_set_is_guessed)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 1, 90, "\x1b-A"); /* ISO 8859-1 */
	dataset_str(&b, 2, 25, "Zo\xEB");
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_str_eq(f.keywords[PC__KW_IPTC].v[0], "Zoë");
	pc__facts_release(&f);
}

Test(iptc, caption_first_wins)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 120, "Year 2 nativity, Amy Jones as Mary");
	dataset_str(&b, 2, 120, "second caption");
	dataset_str(&b, 2, 5, "Object name is not read");
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_str_eq(f.texts[PC__TEXT_IPTC_CAPTION], "Year 2 nativity, Amy Jones as Mary");
	pc__facts_release(&f);
}

static void date_time(struct pc__facts *f, const char *date, const char *time)
{
	struct bytes b = { .len = 0 };
	if (time)
		dataset_str(&b, 2, 60, time); /* order does not matter */
	if (date)
		dataset_str(&b, 2, 55, date);
	read_iim(f, &b);
}

Test(iptc, date_and_time_created)
{
	static const struct {
		const char *date, *time, *expected;
	} cases[] = {
		{ "20260314", "103005+0100", "2026-03-14T10:30:05" },
		{ "20260314", "103005", "2026-03-14T10:30:05" },
		{ "20240229", "235959-0500", "2024-02-29T23:59:59" },
		{ "20260314", NULL, "2026-03-14" },
		{ "20260314", "25:00:00", "2026-03-14" },
		{ "20260314", "246000+0000", "2026-03-14" },
		{ "20260314", "1030", "2026-03-14" },
		{ "00000000", "103005", NULL },
		{ "20260000", NULL, NULL },
		{ "20250229", NULL, NULL },
		{ "2026-03-14", NULL, NULL },
		{ "2026000 0", NULL, NULL },
		{ NULL, "103005", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pc__facts f;
		date_time(&f, cases[i].date, cases[i].time);
		if (cases[i].expected)
			cr_assert_str_eq(f.dates[PC__DATE_IPTC], cases[i].expected, "case %zu", i);
		else
			cr_assert_null(f.dates[PC__DATE_IPTC], "case %zu gave %s", i, f.dates[PC__DATE_IPTC]);
		pc__facts_release(&f);
	}
}

Test(iptc, dataset_length_past_end)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 25, "Amy Jones");
	size_t at = b.len;
	add(&b, "\x1c\x02\x19\x13\x88", 5); /* 2:25, 5000 bytes */
	add(&b, "only forty bytes follow this header.....", 40);
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_eq(at, 14);
	cr_assert_eq(f.errors.n, 1);
	cr_assert_str_eq(f.errors.v[0], "IPTC dataset 2:25 at byte 14 claims 5000 bytes, only 40 remain");
	/* What came before is kept. */
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 1);
	pc__facts_release(&f);
}

Test(iptc, dataset_header_cut_short)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 25, "Amy Jones");
	add(&b, "\x1c\x02\x19", 3);
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_str_eq(first_error(&f), "IPTC dataset at byte 14 is cut short");
	pc__facts_release(&f);
}

Test(iptc, extended_length_dataset)
{
	char caption[300];
	memset(caption, 'a', sizeof(caption));
	memcpy(caption, "Long caption", 12);
	caption[sizeof(caption) - 1] = 'z';
	struct bytes b = { .len = 0 };
	dataset_extended(&b, 2, 120, caption, sizeof(caption), 4);
	dataset_str(&b, 2, 25, "after");
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(strlen(f.texts[PC__TEXT_IPTC_CAPTION]), 300);
	cr_assert_eq(f.texts[PC__TEXT_IPTC_CAPTION][299], 'z');
	cr_assert_str_eq(f.keywords[PC__KW_IPTC].v[0], "after");
	pc__facts_release(&f);
}

Test(iptc, extended_length_too_long_or_past_end)
{
	struct bytes b = { .len = 0 };
	add(&b, "\x1c\x02\x78\x80\x05\0\0\0\0\x10xxxxxxxxxxxxxxxx", 26);
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_str_eq(first_error(&f),
	                 "IPTC dataset 2:120 at byte 0 has a 5-byte extended length; 1 to 4 are allowed");
	pc__facts_release(&f);

	b.len = 0;
	add(&b, "\x1c\x02\x78\x80\x04\xFF\xFF\xFF\xFFxx", 11);
	read_iim(&f, &b);
	cr_assert_str_eq(first_error(&f), "IPTC dataset 2:120 at byte 0 claims 4294967295 bytes, only 2 remain");
	pc__facts_release(&f);
}

Test(iptc, trailing_zero_padding_is_fine_junk_is_not)
{
	struct bytes b = { .len = 0 };
	dataset_str(&b, 2, 25, "Amy Jones");
	add(&b, "\0\0\0\0\0\0\0", 7);
	struct pc__facts f;
	read_iim(&f, &b);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 1);
	pc__facts_release(&f);

	add(&b, "\x42", 1);
	read_iim(&f, &b);
	cr_assert_str_eq(first_error(&f),
	                 "IPTC data has a stray byte 0x00 at byte 14 where a dataset should start");
	pc__facts_release(&f);
}

static void iim_sample(struct bytes *iim)
{
	iim->len = 0;
	dataset_str(iim, 1, 90, "\x1b%G");
	dataset_str(iim, 2, 25, "Amy Jones");
	dataset_str(iim, 2, 120, "Sports day"); /* odd total length */
}

Test(iptc, photoshop_odd_name_and_data_padding)
{
	struct bytes iim, ps = { .len = 0 };
	iim_sample(&iim);
	cr_assert(iim.len & 1);
	resource(&ps, "8BIM", 0x03ED, "", "\0\x48\0\x01\0\x01\0\x48\0\x01\0\x01\0\x01", 15);
	resource(&ps, "8BIM", 0x0400, "ab", "x", 1);   /* 1 + 2: padded name */
	resource(&ps, "8BIM", 0x0401, "abc", "yz", 2); /* 1 + 3: even, no pad */
	resource(&ps, "8BIM", 0x0404, "", iim.d, iim.len);
	resource(&ps, "8BIM", 0x0425, "", "0123456789abcdef", 16);
	struct pc__facts f;
	read_photoshop(&f, &ps);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 1);
	cr_assert_str_eq(f.texts[PC__TEXT_IPTC_CAPTION], "Sports day");
	pc__facts_release(&f);
}

Test(iptc, photoshop_other_signatures_and_missing_last_pad)
{
	struct bytes iim, ps = { .len = 0 };
	iim_sample(&iim);
	resource(&ps, "PHUT", 0x0BB7, "", "abc", 3);
	resource(&ps, "8BIM", 0x0404, "", iim.d, iim.len);
	ps.len--; /* the last resource's pad byte */
	struct pc__facts f;
	read_photoshop(&f, &ps);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 1);
	pc__facts_release(&f);
}

Test(iptc, photoshop_resource_past_end)
{
	struct bytes iim, ps = { .len = 0 };
	iim_sample(&iim);
	resource(&ps, "8BIM", 0x0400, "", "ab", 2);
	size_t at = ps.len;
	resource(&ps, "8BIM", 0x0404, "", iim.d, iim.len);
	ps.d[at + 8] = 0x01; /* 16 MiB more: far past the end */
	struct pc__facts f;
	read_photoshop(&f, &ps);
	char expected[128];
	snprintf(expected, sizeof(expected),
	         "Photoshop resource 0x0404 runs past the end of APP13 (size %zu at byte 14)",
	         0x1000000 + iim.len);
	cr_assert_eq(at, 14);
	cr_assert_str_eq(first_error(&f), expected);
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 0);
	pc__facts_release(&f);
}

Test(iptc, photoshop_without_iptc_resource)
{
	struct bytes ps = { .len = 0 };
	resource(&ps, "8BIM", 0x03ED, "", "\0\x48\0\x01\0\x01\0\x48\0\x01\0\x01\0\x01", 15);
	resource(&ps, "8BIM", 0x040C, "thumbnail", "\xff\xd8\xff\xd9", 4);
	add(&ps, "\0\0\0\0", 4);
	struct pc__facts f;
	read_photoshop(&f, &ps);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(f.keywords[PC__KW_IPTC].n, 0);
	cr_assert_null(f.texts[PC__TEXT_IPTC_CAPTION]);
	pc__facts_release(&f);
}

Test(iptc, photoshop_junk_and_cut_header)
{
	struct bytes ps = { .len = 0 };
	resource(&ps, "8BIM", 0x0400, "", "ab", 2);
	add(&ps, "JUNKJUNKJUNK", 12);
	struct pc__facts f;
	read_photoshop(&f, &ps);
	cr_assert_str_eq(first_error(&f), "APP13 has no Photoshop resource signature at byte 14");
	pc__facts_release(&f);

	ps.len = 0;
	resource(&ps, "8BIM", 0x0400, "", "ab", 2);
	add(&ps, "8BIM\x04\x04\x00\x00\x00", 9);
	read_photoshop(&f, &ps);
	cr_assert_str_eq(first_error(&f), "Photoshop resource at byte 14 in APP13 is cut short");
	pc__facts_release(&f);
}

Test(iptc, every_cut_is_survived)
{
	struct bytes iim, ps = { .len = 0 };
	iim_sample(&iim);
	dataset_str(&iim, 2, 55, "20260314");
	dataset_extended(&iim, 2, 25, "Chloe", 5, 2);
	resource(&ps, "8BIM", 0x0400, "ab", "x", 1);
	resource(&ps, "8BIM", 0x0404, "", iim.d, iim.len);
	for (size_t cut = 0; cut < ps.len; cut++) {
		struct pc__facts f;
		pc__facts_init(&f);
		cr_assert_eq(pc__iptc_read_photoshop(&f, ps.d, cut), 0);
		pc__facts_release(&f);
	}
	for (size_t cut = 0; cut < iim.len; cut++) {
		struct pc__facts f;
		pc__facts_init(&f);
		cr_assert_eq(pc__iptc_read_iim(&f, iim.d, cut), 0);
		pc__facts_release(&f);
	}
}
