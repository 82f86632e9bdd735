/*
 * test_exif.c: EXIF segments built byte by byte, read into facts.
 *
 * A small builder writes "Exif\0\0", a TIFF header and IFDs in either byte
 * order, so each test shows the structure it feeds in; the hostile cases
 * then bend one offset of an otherwise good segment.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

#include "read/exif.h"
#include "read/facts.h"

enum {
	FMT_BYTE = 1,
	FMT_ASCII = 2,
	FMT_SHORT = 3,
	FMT_LONG = 4,
	FMT_RATIONAL = 5,
	FMT_UNDEFINED = 7,
	FMT_SLONG = 9
};

enum {
	TAG_IMAGE_DESCRIPTION = 0x010E,
	TAG_ORIENTATION = 0x0112,
	TAG_EXIF_IFD = 0x8769,
	TAG_GPS_IFD = 0x8825,
	TAG_DATE_TIME_ORIGINAL = 0x9003,
	TAG_USER_COMMENT = 0x9286,
	TAG_XP_KEYWORDS = 0x9C9E,
	TAG_XP_SUBJECT = 0x9C9F,
	TAG_GPS_VERSION = 0x0000,
	TAG_GPS_LATITUDE_REF = 0x0001,
	TAG_GPS_LATITUDE = 0x0002,
	TAG_GPS_LONGITUDE_REF = 0x0003,
	TAG_GPS_LONGITUDE = 0x0004
};

struct seg {
	unsigned char d[8192];
	size_t len; /* bytes written, "Exif\0\0" included */
	int be;
};

/* One IFD entry. `bytes` is the value as stored (NULL: `num`, a SHORT
 * or LONG written in the segment's byte order, or a sub-IFD offset). */
struct ent {
	unsigned tag, format;
	uint32_t count;
	const void *bytes;
	uint32_t num;
};

/* TIFF offsets count from the byte-order mark, just after "Exif\0\0". */
static uint32_t here(const struct seg *s)
{
	return (uint32_t)(s->len - 6);
}

static void put16(struct seg *s, uint32_t off, unsigned v)
{
	unsigned char *p = s->d + 6 + off;
	p[s->be ? 0 : 1] = (unsigned char)(v >> 8);
	p[s->be ? 1 : 0] = (unsigned char)v;
}

static void put32(struct seg *s, uint32_t off, uint32_t v)
{
	unsigned char *p = s->d + 6 + off;
	for (int i = 0; i < 4; i++)
		p[s->be ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

/* IFD0's offset, in the TIFF header. */
static void set_ifd0(struct seg *s, uint32_t off)
{
	put32(s, 4, off);
}

static void seg_init(struct seg *s, int be)
{
	memset(s, 0, sizeof(*s));
	s->be = be;
	memcpy(s->d, "Exif\0\0", 6);
	memcpy(s->d + 6, be ? "MM\0*" : "II*\0", 4);
	s->len = 14;
	set_ifd0(s, 8);
}

static uint32_t format_size(unsigned format)
{
	switch (format) {
	case FMT_SHORT:
		return 2;
	case FMT_LONG:
	case FMT_SLONG:
		return 4;
	case FMT_RATIONAL:
		return 8;
	default:
		return 1;
	}
}

/* Appends an IFD (entries, next-IFD offset, then values longer than 4
 * bytes) and returns its offset. */
static uint32_t add_ifd(struct seg *s, const struct ent *e, size_t n, uint32_t next)
{
	uint32_t off = here(s);
	uint32_t data = off + 2 + 12 * (uint32_t)n + 4;
	put16(s, off, (unsigned)n);
	for (size_t i = 0; i < n; i++) {
		uint32_t p = off + 2 + 12 * (uint32_t)i;
		uint32_t size = format_size(e[i].format) * e[i].count;
		put16(s, p, e[i].tag);
		put16(s, p + 2, e[i].format);
		put32(s, p + 4, e[i].count);
		if (!e[i].bytes) {
			if (e[i].format == FMT_SHORT)
				put16(s, p + 8, e[i].num);
			else
				put32(s, p + 8, e[i].num);
		} else if (size <= 4) {
			memcpy(s->d + 6 + p + 8, e[i].bytes, size);
		} else {
			cr_assert_lt(6 + data + size, sizeof(s->d));
			memcpy(s->d + 6 + data, e[i].bytes, size);
			put32(s, p + 8, data);
			data += size + (size & 1);
		}
	}
	put32(s, off + 2 + 12 * (uint32_t)n, next);
	s->len = 6 + data;
	return off;
}

/* RATIONALs in the segment's byte order: v holds numerator, denominator
 * pairs. */
static void rationals(const struct seg *s, unsigned char *out, const uint32_t *v, size_t pairs)
{
	struct seg tmp;
	tmp.be = s->be;
	for (size_t i = 0; i < 2 * pairs; i++) {
		put32(&tmp, (uint32_t)(4 * i), v[i]);
		memcpy(out + 4 * i, tmp.d + 6 + 4 * i, 4);
	}
}

/* Valid UTF-8 to UTF-16 with a NUL terminator, as Windows writes XP
 * fields. Returns the byte count. */
static size_t utf16(unsigned char *out, const char *in, int be)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t n = 0;
	for (;;) {
		uint32_t c = *s;
		if (c >= 0xF0) {
			c = ((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
			s += 4;
		} else if (c >= 0xE0) {
			c = ((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
			s += 3;
		} else if (c >= 0xC0) {
			c = ((c & 0x1F) << 6) | (s[1] & 0x3Fu);
			s += 2;
		} else {
			s += 1;
		}
		uint32_t units[2] = { c, 0 };
		int k = 1;
		if (c >= 0x10000) {
			units[0] = 0xD800 + ((c - 0x10000) >> 10);
			units[1] = 0xDC00 + ((c - 0x10000) & 0x3FF);
			k = 2;
		}
		for (int i = 0; i < k; i++) {
			out[n + (be ? 0 : 1)] = (unsigned char)(units[i] >> 8);
			out[n + (be ? 1 : 0)] = (unsigned char)units[i];
			n += 2;
		}
		if (!c)
			return n;
	}
}

static void read_seg(struct pc__facts *f, const struct seg *s)
{
	pc__facts_init(f);
	cr_assert_eq(pc__exif_read(f, s->d, s->len), 0);
}

static int has_error(const struct pc__facts *f, const char *needle)
{
	for (size_t i = 0; i < f->errors.n; i++)
		if (strstr(f->errors.v[i], needle))
			return 1;
	return 0;
}

static const char *first_error(const struct pc__facts *f)
{
	return f->errors.n ? f->errors.v[0] : "(none)";
}

/* IFD0 (the given entries plus a pointer) -> EXIF IFD with `exif`. */
static void build_with_exif(struct seg *s, const struct ent *ifd0, size_t n0,
                            const struct ent *exif, size_t ne)
{
	uint32_t sub = add_ifd(s, exif, ne, 0);
	struct ent all[16];
	cr_assert_lt(n0, 15);
	if (n0)
		memcpy(all, ifd0, n0 * sizeof(*all));
	all[n0] = (struct ent){ TAG_EXIF_IFD, FMT_LONG, 1, NULL, sub };
	set_ifd0(s, add_ifd(s, all, n0 + 1, 0));
}

static void date_only(struct pc__facts *f, const char *value)
{
	struct seg s;
	seg_init(&s, 0);
	struct ent exif[] = { { TAG_DATE_TIME_ORIGINAL, FMT_ASCII, (uint32_t)strlen(value) + 1, value, 0 } };
	build_with_exif(&s, NULL, 0, exif, 1);
	read_seg(f, &s);
}

Test(exif, date_time_original_normalised)
{
	struct pc__facts f;
	date_only(&f, "2026:03:14 10:30:05");
	cr_assert_str_eq(f.dates[PC__DATE_EXIF_ORIGINAL], "2026-03-14T10:30:05");
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	pc__facts_release(&f);

	date_only(&f, "2024:02:29 23:59:59");
	cr_assert_str_eq(f.dates[PC__DATE_EXIF_ORIGINAL], "2024-02-29T23:59:59");
	pc__facts_release(&f);
}

Test(exif, date_time_original_misplaced_in_ifd0)
{
	struct seg s;
	seg_init(&s, 1);
	struct ent ifd0[] = { { TAG_DATE_TIME_ORIGINAL, FMT_ASCII, 20, "2006:05:27 12:37:03", 0 } };
	add_ifd(&s, ifd0, 1, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_str_eq(f.dates[PC__DATE_EXIF_ORIGINAL], "2006-05-27T12:37:03");
	pc__facts_release(&f);
}

Test(exif, date_blank_time_keeps_the_day)
{
	struct pc__facts f;
	date_only(&f, "2026:07:01   :  :  ");
	cr_assert_str_eq(f.dates[PC__DATE_EXIF_ORIGINAL], "2026-07-01");
	pc__facts_release(&f);
}

Test(exif, date_placeholders_and_impossible_dates_give_none)
{
	static const char *const bad[] = {
		"0000:00:00 00:00:00", "    :  :     :  :  ", "2026:02:30 10:00:00",
		"2025:02:29 10:00:00", "2026:13:01 10:00:00", "2026:03:14 24:00:00",
		"2026:03:14 10:61:00", "2026:03:14 10:00", "2026:03:14 10:00:00 extra",
		"2026/03/14 10:00:00", "garbage",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct pc__facts f;
		date_only(&f, bad[i]);
		cr_assert_null(f.dates[PC__DATE_EXIF_ORIGINAL], "'%s' gave '%s'", bad[i],
		               f.dates[PC__DATE_EXIF_ORIGINAL]);
		pc__facts_release(&f);
	}
}

/* IFD0 -> GPS IFD with the given entries. */
static void gps_with(struct pc__facts *f, const struct ent *gps, size_t n)
{
	struct seg s;
	seg_init(&s, 0);
	uint32_t g = add_ifd(&s, gps, n, 0);
	struct ent ifd0[] = { { TAG_GPS_IFD, FMT_LONG, 1, NULL, g } };
	set_ifd0(&s, add_ifd(&s, ifd0, 1, 0));
	read_seg(f, &s);
}

Test(exif, gps_position_present)
{
	struct seg s;
	seg_init(&s, 0);
	unsigned char lat[24], lon[24];
	rationals(&s, lat, (const uint32_t[]){ 51, 1, 30, 1, 1234, 100 }, 3);
	rationals(&s, lon, (const uint32_t[]){ 0, 1, 7, 1, 3900, 100 }, 3);
	struct ent gps[] = {
		{ TAG_GPS_VERSION, FMT_BYTE, 4, "\2\2\0\0", 0 },
		{ TAG_GPS_LATITUDE_REF, FMT_ASCII, 2, "N", 0 },
		{ TAG_GPS_LATITUDE, FMT_RATIONAL, 3, lat, 0 },
		{ TAG_GPS_LONGITUDE_REF, FMT_ASCII, 2, "W", 0 },
		{ TAG_GPS_LONGITUDE, FMT_RATIONAL, 3, lon, 0 },
	};
	struct pc__facts f;
	gps_with(&f, gps, 5);
	cr_assert_eq(f.gps, 1);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	pc__facts_release(&f);
}

Test(exif, gps_without_a_position)
{
	struct seg s;
	seg_init(&s, 0);
	unsigned char zero[24], half[24];
	rationals(&s, zero, (const uint32_t[]){ 0, 1, 0, 1, 0, 1 }, 3);
	rationals(&s, half, (const uint32_t[]){ 51, 0, 30, 1, 0, 1 }, 3);
	struct pc__facts f;

	/* Only a version: a GPS unit with no fix. */
	struct ent version[] = { { TAG_GPS_VERSION, FMT_BYTE, 4, "\2\2\0\0", 0 } };
	gps_with(&f, version, 1);
	cr_assert_eq(f.gps, 0);
	pc__facts_release(&f);

	/* Zeros everywhere: the "null island" placeholder. */
	struct ent zeros[] = {
		{ TAG_GPS_LATITUDE, FMT_RATIONAL, 3, zero, 0 },
		{ TAG_GPS_LONGITUDE, FMT_RATIONAL, 3, zero, 0 },
	};
	gps_with(&f, zeros, 2);
	cr_assert_eq(f.gps, 0);
	pc__facts_release(&f);

	/* Latitude alone, or with a zero denominator in its degrees. */
	struct ent lat_only[] = { { TAG_GPS_LATITUDE, FMT_RATIONAL, 3, half, 0 },
	                          { TAG_GPS_LONGITUDE, FMT_RATIONAL, 3, zero, 0 } };
	gps_with(&f, lat_only, 2);
	cr_assert_eq(f.gps, 0);
	pc__facts_release(&f);

	/* No GPS IFD at all. */
	struct seg none;
	seg_init(&none, 0);
	struct ent ifd0[] = { { TAG_ORIENTATION, FMT_SHORT, 1, NULL, 1 } };
	add_ifd(&none, ifd0, 1, 0);
	read_seg(&f, &none);
	cr_assert_eq(f.gps, 0);
	pc__facts_release(&f);
}

Test(exif, xp_keywords_utf16le_split)
{
	struct seg s;
	seg_init(&s, 0);
	unsigned char kw[512];
	size_t n = utf16(kw, "Łukasz Nowak; People/Year 3/Amy Jones;  ; Zoë 😀 ;Sports Day", 0);
	struct ent ifd0[] = { { TAG_XP_KEYWORDS, FMT_BYTE, (uint32_t)n, kw, 0 } };
	add_ifd(&s, ifd0, 1, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	const struct pc__strvec *k = &f.keywords[PC__KW_XP];
	cr_assert_eq(k->n, 4);
	cr_assert_str_eq(k->v[0], "Łukasz Nowak");
	cr_assert_str_eq(k->v[1], "People/Year 3/Amy Jones");
	cr_assert_str_eq(k->v[2], "Zoë 😀");
	cr_assert_str_eq(k->v[3], "Sports Day");
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	pc__facts_release(&f);
}

Test(exif, xp_subject_and_image_description)
{
	struct seg s;
	seg_init(&s, 0);
	unsigned char subj[128];
	size_t n = utf16(subj, "Nativity play, Year 2", 0);
	const char desc[] = "  OLYMPUS DIGITAL CAMERA         ";
	struct ent ifd0[] = {
		{ TAG_IMAGE_DESCRIPTION, FMT_ASCII, sizeof(desc), desc, 0 },
		{ TAG_XP_SUBJECT, FMT_BYTE, (uint32_t)n, subj, 0 },
	};
	add_ifd(&s, ifd0, 2, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_str_eq(f.texts[PC__TEXT_XP_SUBJECT], "Nativity play, Year 2");
	/* A placeholder is still what the file says; people.c decides. */
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_DESCRIPTION], "OLYMPUS DIGITAL CAMERA");
	pc__facts_release(&f);
}

Test(exif, blank_image_description_gives_nothing)
{
	struct seg s;
	seg_init(&s, 0);
	const char desc[] = "                                ";
	struct ent ifd0[] = { { TAG_IMAGE_DESCRIPTION, FMT_ASCII, sizeof(desc), desc, 0 } };
	add_ifd(&s, ifd0, 1, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_null(f.texts[PC__TEXT_EXIF_DESCRIPTION]);
	pc__facts_release(&f);
}

static void comment_only(struct pc__facts *f, int be, const void *value, size_t n)
{
	struct seg s;
	seg_init(&s, be);
	struct ent exif[] = { { TAG_USER_COMMENT, FMT_UNDEFINED, (uint32_t)n, value, 0 } };
	build_with_exif(&s, NULL, 0, exif, 1);
	read_seg(f, &s);
}

Test(exif, user_comment_ascii_and_undefined)
{
	struct pc__facts f;
	const char ascii[] = "ASCII\0\0\0Amy Jones at the fair   ";
	comment_only(&f, 0, ascii, sizeof(ascii) - 1);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "Amy Jones at the fair");
	pc__facts_release(&f);

	/* Undefined code, Latin-1 bytes as careless tools write them. */
	const char undef[] = "\0\0\0\0\0\0\0\0Zo\xEB on stage";
	comment_only(&f, 0, undef, sizeof(undef) - 1);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "Zoë on stage");
	pc__facts_release(&f);
}

Test(exif, user_comment_unicode_byte_orders)
{
	struct pc__facts f;
	unsigned char v[256];

	/* Little-endian in an II file. */
	memcpy(v, "UNICODE\0", 8);
	size_t n = utf16(v + 8, "Łukasz on sports day", 0);
	comment_only(&f, 0, v, 8 + n);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "Łukasz on sports day");
	pc__facts_release(&f);

	/* Big-endian in an MM file, as the spec says. */
	n = utf16(v + 8, "Amy Jones", 1);
	comment_only(&f, 1, v, 8 + n);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "Amy Jones");
	pc__facts_release(&f);

	/* Little-endian in an MM file, as Windows writes it anyway. */
	n = utf16(v + 8, "Amy Jones", 0);
	comment_only(&f, 1, v, 8 + n);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "Amy Jones");
	pc__facts_release(&f);

	/* A byte-order mark wins over the file's order; non-Latin text has
	 * no zero bytes to go by. */
	v[8] = 0xFE;
	v[9] = 0xFF;
	n = utf16(v + 10, "אבג", 1);
	comment_only(&f, 0, v, 10 + n);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "אבג");
	pc__facts_release(&f);

	/* Without a mark, such text follows the file's order. */
	n = utf16(v + 8, "אבג", 1);
	comment_only(&f, 1, v, 8 + n);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "אבג");
	pc__facts_release(&f);
}

Test(exif, user_comment_blank_jis_and_binary_give_nothing)
{
	static const char *const values[] = {
		"ASCII\0\0\0                ",
		"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
		"UNICODE\0 \0 \0 \0\0\0",
		"JIS\0\0\0\0\0\x1b$B$3$s\x1b(B",
		"\x01\x02\x03\x04\x05\x06\x07\x08 binary",
	};
	static const size_t lens[] = { 24, 20, 14, 19, 15 };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct pc__facts f;
		comment_only(&f, 0, values[i], lens[i]);
		cr_assert_null(f.texts[PC__TEXT_EXIF_USER_COMMENT], "value %zu gave '%s'", i,
		               f.texts[PC__TEXT_EXIF_USER_COMMENT]);
		cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
		pc__facts_release(&f);
	}
}

Test(exif, orientation)
{
	/* Fujifilm writes SLONG; out-of-range values mean nothing. */
	static const unsigned formats[] = { FMT_SHORT, FMT_SLONG, FMT_LONG, FMT_SHORT, FMT_SHORT, FMT_SLONG };
	static const uint32_t values[] = { 6, 6, 8, 0, 9, 0xFFFFFFFFu };
	static const int expected[] = { 6, 6, 8, 0, 0, 0 };
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct seg s;
		seg_init(&s, 0);
		struct ent ifd0[] = { { TAG_ORIENTATION, formats[i], 1, NULL, values[i] } };
		add_ifd(&s, ifd0, 1, 0);
		struct pc__facts f;
		read_seg(&f, &s);
		cr_assert_eq(f.orientation, expected[i], "case %zu", i);
		pc__facts_release(&f);
	}
}

Test(exif, big_endian_file)
{
	struct seg s;
	seg_init(&s, 1);
	unsigned char kw[128], lat[24], lon[24];
	size_t n = utf16(kw, "Amy Jones;Events/Sports Day 2026", 0); /* XP is LE always */
	rationals(&s, lat, (const uint32_t[]){ 51, 1, 30, 1, 1234, 100 }, 3);
	rationals(&s, lon, (const uint32_t[]){ 1, 1, 7, 1, 3900, 100 }, 3);
	struct ent gps[] = {
		{ TAG_GPS_LATITUDE, FMT_RATIONAL, 3, lat, 0 },
		{ TAG_GPS_LONGITUDE, FMT_RATIONAL, 3, lon, 0 },
	};
	uint32_t g = add_ifd(&s, gps, 2, 0);
	struct ent exif[] = { { TAG_DATE_TIME_ORIGINAL, FMT_ASCII, 20, "2026:06:30 14:05:00", 0 } };
	uint32_t e = add_ifd(&s, exif, 1, 0);
	struct ent ifd0[] = {
		{ TAG_IMAGE_DESCRIPTION, FMT_ASCII, 10, "Year 3 PE", 0 },
		{ TAG_ORIENTATION, FMT_SHORT, 1, NULL, 8 },
		{ TAG_EXIF_IFD, FMT_LONG, 1, NULL, e },
		{ TAG_GPS_IFD, FMT_LONG, 1, NULL, g },
		{ TAG_XP_KEYWORDS, FMT_BYTE, (uint32_t)n, kw, 0 },
	};
	set_ifd0(&s, add_ifd(&s, ifd0, 5, 0));
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_eq(f.orientation, 8);
	cr_assert_eq(f.gps, 1);
	cr_assert_str_eq(f.dates[PC__DATE_EXIF_ORIGINAL], "2026-06-30T14:05:00");
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_DESCRIPTION], "Year 3 PE");
	cr_assert_eq(f.keywords[PC__KW_XP].n, 2);
	cr_assert_str_eq(f.keywords[PC__KW_XP].v[1], "Events/Sports Day 2026");
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	pc__facts_release(&f);
}

/* ------------------------------------------------------------ hostile */

Test(exif, ifd0_offset_outside_segment)
{
	struct seg s;
	seg_init(&s, 0);
	struct ent ifd0[] = { { TAG_ORIENTATION, FMT_SHORT, 1, NULL, 6 } };
	add_ifd(&s, ifd0, 1, 0);
	set_ifd0(&s, 0xFFFFFFF0u);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "IFD 'IFD0' at byte 4294967280 is outside the segment"), "%s",
	          first_error(&f));
	cr_assert_eq(f.orientation, 0);
	pc__facts_release(&f);
}

Test(exif, ifd0_next_pointer_loops_to_itself)
{
	struct seg s;
	seg_init(&s, 0);
	const char desc[] = "Sports day";
	struct ent ifd0[] = { { TAG_IMAGE_DESCRIPTION, FMT_ASCII, sizeof(desc), desc, 0 } };
	add_ifd(&s, ifd0, 1, here(&s));
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "IFD 'IFD1' at byte 8 is IFD 'IFD0' again: a loop"), "%s",
	          first_error(&f));
	/* What is there is still read. */
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_DESCRIPTION], "Sports day");
	pc__facts_release(&f);
}

Test(exif, exif_pointer_back_to_ifd0)
{
	struct seg s;
	seg_init(&s, 0);
	uint32_t self = here(&s);
	struct ent ifd0[] = {
		{ TAG_ORIENTATION, FMT_SHORT, 1, NULL, 3 },
		{ TAG_EXIF_IFD, FMT_LONG, 1, NULL, self },
	};
	add_ifd(&s, ifd0, 2, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "IFD 'EXIF' at byte 8 is IFD 'IFD0' again"), "%s", first_error(&f));
	cr_assert_eq(f.orientation, 3);
	pc__facts_release(&f);
}

Test(exif, exif_and_gps_pointing_at_each_other)
{
	struct seg s;
	seg_init(&s, 0);
	/* EXIF IFD at 8 points to the GPS IFD, which points back. */
	uint32_t exif_at = here(&s);
	uint32_t gps_at = exif_at + 2 + 12 + 4;
	struct ent exif[] = { { TAG_GPS_IFD, FMT_LONG, 1, NULL, gps_at } };
	add_ifd(&s, exif, 1, 0);
	struct ent gps[] = { { TAG_EXIF_IFD, FMT_LONG, 1, NULL, exif_at } };
	cr_assert_eq(add_ifd(&s, gps, 1, 0), gps_at);
	struct ent ifd0[] = { { TAG_EXIF_IFD, FMT_LONG, 1, NULL, exif_at } };
	set_ifd0(&s, add_ifd(&s, ifd0, 1, 0));
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "a loop of IFDs"), "%s", first_error(&f));
	pc__facts_release(&f);
}

Test(exif, sub_ifd_pointer_outside_segment)
{
	struct seg s;
	seg_init(&s, 0);
	struct ent ifd0[] = { { TAG_GPS_IFD, FMT_LONG, 1, NULL, 60000 } };
	add_ifd(&s, ifd0, 1, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "IFD 'GPS' at byte 60000 is outside the segment"), "%s",
	          first_error(&f));
	cr_assert_eq(f.gps, 0);
	pc__facts_release(&f);
}

Test(exif, harmless_stray_pointers_are_no_damage)
{
	struct seg s;
	seg_init(&s, 0);
	/* IFD1 with a stripped thumbnail: offset past the end, length 0
	 * (exiftool's own sample images have "offset = end"). */
	struct ent ifd1[] = {
		{ 0x0201, FMT_LONG, 1, NULL, 0x7FFF0000u },
		{ 0x0202, FMT_LONG, 1, NULL, 0 },
	};
	uint32_t i1 = add_ifd(&s, ifd1, 2, 0);
	/* A GPS pointer with no components, its value field left over. */
	struct ent ifd0[] = {
		{ TAG_ORIENTATION, FMT_SHORT, 1, NULL, 6 },
		{ TAG_GPS_IFD, FMT_LONG, 0, NULL, 0xFFFFFF00u },
	};
	set_ifd0(&s, add_ifd(&s, ifd0, 2, i1));
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(f.orientation, 6);
	cr_assert_eq(f.gps, 0);
	pc__facts_release(&f);
}

/* libexif follows pointers whatever their count; 0.6.24 breaks such a
 * loop only by its recursion budget, and says so. */
Test(exif, loop_through_empty_pointers_reported_by_libexif)
{
	struct seg s;
	seg_init(&s, 0);
	uint32_t exif_at = here(&s);
	uint32_t gps_at = exif_at + 2 + 12 + 4;
	struct ent exif[] = { { TAG_GPS_IFD, FMT_LONG, 0, NULL, gps_at } };
	add_ifd(&s, exif, 1, 0);
	struct ent gps[] = { { TAG_EXIF_IFD, FMT_LONG, 0, NULL, exif_at } };
	cr_assert_eq(add_ifd(&s, gps, 1, 0), gps_at);
	struct ent ifd0[] = { { TAG_EXIF_IFD, FMT_LONG, 1, NULL, exif_at } };
	set_ifd0(&s, add_ifd(&s, ifd0, 1, 0));
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_eq(f.errors.n, 1, "%s", first_error(&f));
	cr_assert(has_error(&f, "EXIF is damaged: Deep/expensive recursion detected"), "%s",
	          first_error(&f));
	pc__facts_release(&f);
}

Test(exif, huge_component_count)
{
	struct seg s;
	seg_init(&s, 0);
	const char comment[] = "ASCII\0\0\0hello";
	struct ent exif[] = { { TAG_USER_COMMENT, FMT_UNDEFINED, sizeof(comment), comment, 0 } };
	build_with_exif(&s, NULL, 0, exif, 1);
	/* The EXIF IFD is at 8: its one entry's count is at 8 + 2 + 4. */
	put32(&s, 8 + 2 + 4, 0xFFFFFFFFu);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "EXIF tag 0x9286 in IFD 'EXIF' claims 4294967295 bytes"), "%s",
	          first_error(&f));
	cr_assert_null(f.texts[PC__TEXT_EXIF_USER_COMMENT]);
	pc__facts_release(&f);
}

/* A segment with most of what we read, to cut and bend. */
static void full_segment(struct seg *s, int be)
{
	seg_init(s, be);
	unsigned char kw[128], lat[24];
	size_t n = utf16(kw, "Amy Jones;Łukasz Nowak", 0);
	rationals(s, lat, (const uint32_t[]){ 51, 1, 30, 1, 1234, 100 }, 3);
	struct ent gps[] = {
		{ TAG_GPS_LATITUDE, FMT_RATIONAL, 3, lat, 0 },
		{ TAG_GPS_LONGITUDE, FMT_RATIONAL, 3, lat, 0 },
	};
	uint32_t g = add_ifd(s, gps, 2, 0);
	const char comment[] = "ASCII\0\0\0Amy on the climbing frame";
	struct ent exif[] = {
		{ TAG_DATE_TIME_ORIGINAL, FMT_ASCII, 20, "2026:06:30 14:05:00", 0 },
		{ TAG_USER_COMMENT, FMT_UNDEFINED, sizeof(comment) - 1, comment, 0 },
	};
	uint32_t e = add_ifd(s, exif, 2, 0);
	struct ent ifd0[] = {
		{ TAG_IMAGE_DESCRIPTION, FMT_ASCII, 10, "Year 3 PE", 0 },
		{ TAG_ORIENTATION, FMT_SHORT, 1, NULL, 6 },
		{ TAG_EXIF_IFD, FMT_LONG, 1, NULL, e },
		{ TAG_GPS_IFD, FMT_LONG, 1, NULL, g },
		{ TAG_XP_KEYWORDS, FMT_BYTE, (uint32_t)n, kw, 0 },
	};
	set_ifd0(s, add_ifd(s, ifd0, 5, 0));
}

Test(exif, full_segment_reads_clean)
{
	struct seg s;
	full_segment(&s, 0);
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert_eq(f.errors.n, 0, "%s", first_error(&f));
	cr_assert_eq(f.gps, 1);
	cr_assert_eq(f.orientation, 6);
	cr_assert_str_eq(f.texts[PC__TEXT_EXIF_USER_COMMENT], "Amy on the climbing frame");
	cr_assert_eq(f.keywords[PC__KW_XP].n, 2);
	pc__facts_release(&f);
}

Test(exif, truncated_segment)
{
	struct seg s;
	full_segment(&s, 0);
	/* IFD0 comes last, then its values: cut into the values, then into
	 * its entries. */
	s.len -= 40;
	struct pc__facts f;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "EXIF tag 0x9c9e in IFD 'IFD0' claims 46 bytes at byte"), "%s",
	          first_error(&f));
	pc__facts_release(&f);

	s.len -= 40;
	read_seg(&f, &s);
	cr_assert(has_error(&f, "IFD 'IFD0' at byte"), "%s", first_error(&f));
	cr_assert(has_error(&f, "has 5 entries, only 3 fit"), "%s", first_error(&f));
	/* Entries before the cut are still read. */
	cr_assert_eq(f.orientation, 6);
	pc__facts_release(&f);
}

Test(exif, every_cut_and_bent_byte_is_survived)
{
	for (int be = 0; be < 2; be++) {
		struct seg good;
		full_segment(&good, be);
		for (size_t cut = 0; cut <= good.len; cut++) {
			struct pc__facts f;
			pc__facts_init(&f);
			cr_assert_eq(pc__exif_read(&f, good.d, cut), 0);
			/* Cut short of IFD0's last byte, the damage shows. */
			if (cut < good.len - 10)
				cr_assert_gt(f.errors.n, 0, "cut at %zu", cut);
			pc__facts_release(&f);
		}
		static const unsigned char bends[] = { 0x00, 0x01, 0x08, 0x7F, 0x80, 0xFF };
		for (size_t i = 6; i < good.len; i++) {
			for (size_t b = 0; b < sizeof(bends); b++) {
				struct seg s = good;
				s.d[i] = bends[b];
				struct pc__facts f;
				pc__facts_init(&f);
				cr_assert_eq(pc__exif_read(&f, s.d, s.len), 0);
				pc__facts_release(&f);
			}
		}
	}
}

Test(exif, no_tiff_header)
{
	static const char *const bad[] = { "Exif\0\0XX*\0\0\0\0\x08", "Exif\0\0II+\0\x08\0\0\0", "Exif\0\0II" };
	static const size_t lens[] = { 14, 14, 8 };
	for (size_t i = 0; i < 3; i++) {
		struct pc__facts f;
		pc__facts_init(&f);
		cr_assert_eq(pc__exif_read(&f, (const unsigned char *)bad[i], lens[i]), 0);
		cr_assert(has_error(&f, "no valid TIFF header"), "%zu: %s", i, first_error(&f));
		pc__facts_release(&f);
	}
}

Test(exif, not_an_exif_segment)
{
	struct pc__facts f;
	pc__facts_init(&f);
	cr_assert_eq(pc__exif_read(&f, (const unsigned char *)"http://ns.adobe.com/xap/1.0/", 28), 0);
	cr_assert(has_error(&f, "does not start with 'Exif'"), "%s", first_error(&f));
	pc__facts_release(&f);

	pc__facts_init(&f);
	cr_assert_eq(pc__exif_read(&f, (const unsigned char *)"Exif\0\0", 6), 0);
	cr_assert(has_error(&f, "no valid TIFF header"), "%s", first_error(&f));
	pc__facts_release(&f);
}
