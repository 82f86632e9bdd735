/*
 * exif.c: the consent-relevant EXIF fields, read with libexif.
 *
 * libexif does the parsing and is careful with hostile offsets, but it
 * drops what it cannot read quietly: most of its complaints (a tag past
 * the end, a loop of IFDs) are logged at debug level amid chatter, and a
 * bad TIFF header or IFD0 offset is not logged at all. So before handing
 * the segment over, a short walk over the IFD offsets (no values) tells a
 * damaged segment from a clean one and says what is wrong; libexif's own
 * corrupt-data messages are the fallback. Values are then taken only from
 * what libexif loaded, each bounded by the entry's own size.
 */
#include "read/exif.h"

#include <inttypes.h>
#include <libexif/exif-data.h>
#include <libexif/exif-log.h>
#include <libexif/exif-utils.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"
#include "base/text.h"

/* libexif reads no further than this many bytes of a segment (a JPEG
 * segment cannot be longer); the offset walk looks at the same bytes. */
#define EXIF_MAX_LEN 0xFFFE

/* What the offset walk found. */
enum {
	TIFF_CLEAN = 0,
	TIFF_DAMAGED = 1,   /* an error is recorded; libexif still reads what it can */
	TIFF_NO_HEADER = 2  /* an error is recorded; nothing to read */
};

/* IFD0, IFD1, EXIF, GPS, Interoperability: each is walked at most once,
 * as libexif loads each at most once. */
#define MAX_IFDS 5

struct tiff {
	const unsigned char *d; /* from the TIFF header on: offsets count from here */
	size_t len;
	ExifByteOrder order;
	struct {
		uint32_t off;
		const char *name;
	} seen[MAX_IFDS];
	size_t nseen;
	/* A pointer the walk does not follow (see check_ifd) at or past
	 * the end. libexif calls that corrupt data, but nothing we read is
	 * lost: its complaint would be a false alarm. */
	int stray_pointer;
};

static unsigned get16(const struct tiff *t, size_t at)
{
	return exif_get_short(t->d + at, t->order);
}

static uint32_t get32(const struct tiff *t, size_t at)
{
	return exif_get_long(t->d + at, t->order);
}

/* The sub-IFD a pointer tag leads to; libexif follows these from any IFD. */
static const char *sub_ifd_name(unsigned tag)
{
	switch (tag) {
	case 0x8769:
		return "EXIF";
	case 0x8825:
		return "GPS";
	case 0xA005:
		return "Interoperability";
	default:
		return NULL;
	}
}

static int seen_name(const struct tiff *t, const char *name)
{
	for (size_t i = 0; i < t->nseen; i++)
		if (!strcmp(t->seen[i].name, name))
			return 1;
	return 0;
}

static int seen_offset(const struct tiff *t, uint32_t off)
{
	for (size_t i = 0; i < t->nseen; i++)
		if (t->seen[i].off == off)
			return 1;
	return 0;
}

/* Records a problem the walk found: TIFF_DAMAGED, or PC_ENOMEM. */
static int damaged(int err)
{
	return err ? PC_ENOMEM : TIFF_DAMAGED;
}

/*
 * Checks the IFD `name` at `off` and the sub-IFDs it points to. Sets
 * *next (when not NULL) to its next-IFD offset, 0 when it has none.
 * TIFF_CLEAN, TIFF_DAMAGED (recorded) or PC_ENOMEM. Recursion is at most
 * MAX_IFDS deep, since each IFD is walked once.
 */
/* NOLINTNEXTLINE(misc-no-recursion): bounded, as said above */
static int check_ifd(struct pc__facts *facts, struct tiff *t, const char *name,
                     uint32_t off, uint32_t *next)
{
	if (next)
		*next = 0;
	if (t->len < 2 || off > t->len - 2)
		return damaged(pc__facts_error(facts,
			"EXIF IFD '%s' at byte %" PRIu32 " is outside the segment (%zu bytes of TIFF data)",
			name, off, t->len));
	for (size_t i = 0; i < t->nseen; i++)
		if (t->seen[i].off == off)
			return damaged(pc__facts_error(facts,
				"EXIF IFD '%s' at byte %" PRIu32 " is IFD '%s' again: a loop of IFDs",
				name, off, t->seen[i].name));
	if (t->nseen == MAX_IFDS)
		return TIFF_CLEAN;
	t->seen[t->nseen].off = off;
	t->seen[t->nseen].name = name;
	t->nseen++;

	unsigned n = get16(t, off);
	size_t room = (t->len - off - 2) / 12;
	if (n > room)
		return damaged(pc__facts_error(facts,
			"EXIF IFD '%s' at byte %" PRIu32 " has %u entries, only %zu fit in the segment",
			name, off, n, room));

	for (unsigned i = 0; i < n; i++) {
		size_t p = off + 2 + 12 * (size_t)i;
		unsigned tag = get16(t, p);
		const char *sub = sub_ifd_name(tag);
		/* We never read the thumbnail, and writers that strip it often
		 * leave "offset = end, length 0" behind. A sub-IFD pointer with
		 * no components is how some writers say "no such IFD" (exiftool
		 * reads it so too); its value field holds leftovers. */
		if (tag == 0x0201 || tag == 0x0202 || (sub && get32(t, p + 4) == 0)) {
			if (get32(t, p + 8) >= t->len)
				t->stray_pointer = 1;
			continue;
		}
		if (sub) {
			uint32_t child = get32(t, p + 8);
			/* A second pointer to a kind of IFD already walked is
			 * only damage when it makes a loop; libexif ignores it. */
			int r = TIFF_CLEAN;
			if (!seen_name(t, sub) || seen_offset(t, child))
				r = check_ifd(facts, t, sub, child, NULL);
			if (r)
				return r;
			continue;
		}
		uint64_t size = (uint64_t)exif_format_get_size((ExifFormat)get16(t, p + 2)) *
		                get32(t, p + 4);
		if (size <= 4) /* in the entry itself, or a format nobody reads */
			continue;
		uint32_t voff = get32(t, p + 8);
		if (voff > t->len || size > t->len - voff)
			return damaged(pc__facts_error(facts,
				"EXIF tag 0x%04x in IFD '%s' claims %" PRIu64 " bytes at byte %" PRIu32
				", past the end of the segment (%zu bytes of TIFF data)",
				tag, name, size, voff, t->len));
	}
	size_t end = off + 2 + 12 * (size_t)n;
	if (next && t->len - end >= 4)
		*next = get32(t, end);
	return TIFF_CLEAN;
}

/* Walks the TIFF header, IFD0, its sub-IFDs and IFD1 (all libexif reads)
 * in `t`, whose `d` and `len` are set: TIFF_CLEAN, TIFF_DAMAGED,
 * TIFF_NO_HEADER (each recorded) or PC_ENOMEM. */
static int check_tiff(struct pc__facts *facts, struct tiff *t)
{
	if (t->len >= 8 && !memcmp(t->d, "II*\0", 4))
		t->order = EXIF_BYTE_ORDER_INTEL;
	else if (t->len >= 8 && !memcmp(t->d, "MM\0*", 4))
		t->order = EXIF_BYTE_ORDER_MOTOROLA;
	else
		return pc__facts_error(facts, "EXIF segment has no valid TIFF header") ?
			PC_ENOMEM : TIFF_NO_HEADER;

	uint32_t ifd1 = 0;
	int r = check_ifd(facts, t, "IFD0", get32(t, 4), &ifd1);
	if (r == TIFF_CLEAN && ifd1)
		r = check_ifd(facts, t, "IFD1", ifd1, NULL);
	return r;
}

/* What libexif said while loading. */
struct log_ctx {
	char first[256]; /* its first corrupt-data message, "" when none */
	int no_memory;
};

__attribute__((format(printf, 4, 0)))
static void on_log(ExifLog *log, ExifLogCode code, const char *domain,
                   const char *format, va_list args, void *data)
{
	struct log_ctx *ctx = data;
	(void)log;
	if (code == EXIF_LOG_CODE_NO_MEMORY) {
		ctx->no_memory = 1;
		return;
	}
	/* Only the main parser ("ExifData") counts: maker notes are vendor
	 * blobs we never read, and tools that edit a photo often break their
	 * inner offsets without harming anything we use. */
	if (code != EXIF_LOG_CODE_CORRUPT_DATA || !domain || strcmp(domain, "ExifData") ||
	    ctx->first[0])
		return;
	vsnprintf(ctx->first, sizeof(ctx->first), format, args);
	/* Our messages are sentence fragments: no full stop, one line. */
	size_t n = strlen(ctx->first);
	while (n && strchr(".!\n ", ctx->first[n - 1]))
		ctx->first[--n] = '\0';
}

static ExifEntry *find(ExifData *ed, ExifIfd ifd, unsigned tag)
{
	ExifEntry *e = exif_content_get_entry(ed->ifd[ifd], (ExifTag)tag);
	return e && e->data && e->size ? e : NULL;
}

/* Takes ownership of `s`; NULL (out of memory) gives PC_ENOMEM. */
static int set_text(struct pc__facts *facts, enum pc__textfield field, char *s)
{
	return s ? pc__facts_set_text(facts, field, s) : PC_ENOMEM;
}

static int digits(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 1;
}

static unsigned days_in_month(unsigned y, unsigned m)
{
	static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Only `chars` in the n bytes at s. */
static int only(const char *s, size_t n, const char *chars)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(chars, s[i]))
			return 0;
	return 1;
}

/*
 * EXIF "YYYY:MM:DD HH:MM:SS" into out as "YYYY-MM-DDTHH:MM:SS". The spec
 * writes unknown parts as spaces: an unknown date gives nothing, a known
 * date with a blank time gives "YYYY-MM-DD" (still enough to find the
 * event). Impossible dates and the "0000:00:00 00:00:00" placeholder give
 * nothing. 1 when out holds a date.
 */
static int exif_date(const unsigned char *raw, size_t len, char out[20])
{
	char s[19];
	size_t n = strnlen((const char *)raw, len);
	if (n > sizeof(s)) {
		if (!only((const char *)raw + sizeof(s), n - sizeof(s), " "))
			return 0; /* more than a date */
		n = sizeof(s);
	}
	if (n < 10)
		return 0;
	memcpy(s, raw, n);
	unsigned y, mo, d, h = 0, mi = 0, sec = 0;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d) ||
	    (s[4] != ':' && s[4] != '-') || s[7] != s[4])
		return 0;
	if (y == 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return 0;
	int has_time = 0;
	if (n > 10 && !only(s + 10, n - 10, " :")) {
		if (n != 19 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' ||
		    !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi) || !digits(s + 17, 2, &sec))
			return 0;
		if (h > 23 || mi > 59 || sec > 59)
			return 0;
		has_time = 1;
	}
	/* The digits are checked: copy them into ISO 8601 shape. */
	memcpy(out, s, 10);
	out[4] = out[7] = '-';
	if (has_time) {
		memcpy(out + 10, s + 10, 9);
		out[10] = 'T';
		out[19] = '\0';
	} else {
		out[10] = '\0';
	}
	return 1;
}

/*
 * One of GPSLatitude / GPSLongitude: usable when it is RATIONAL degrees
 * (then minutes, seconds) with a real denominator, no more than `max`
 * degrees. Sets *nonzero when any part is not zero. Minutes and seconds
 * of 0/0 are common ("unknown") and count as zero.
 */
static int gps_coordinate(ExifEntry *e, ExifByteOrder order, unsigned max, int *nonzero)
{
	if (!e || e->format != EXIF_FORMAT_RATIONAL || e->components < 1 || e->size < 8)
		return 0;
	size_t parts = e->size / 8;
	if (parts > e->components)
		parts = e->components;
	if (parts > 3)
		parts = 3;
	for (size_t i = 0; i < parts; i++) {
		ExifRational r = exif_get_rational(e->data + 8 * i, order);
		if (i == 0 && (!r.denominator || r.numerator / r.denominator > max))
			return 0;
		if (r.numerator && r.denominator)
			*nonzero = 1;
	}
	return 1;
}

/*
 * A position is present when GPSLatitude and GPSLongitude are both
 * usable and not both exactly zero. A GPS IFD with only a version, a time
 * or a status in it says nothing about where the photo was taken, and
 * cameras without a fix write 0/1 everywhere ("null island").
 */
static int has_gps_position(ExifData *ed, ExifByteOrder order)
{
	int nonzero = 0;
	return gps_coordinate(find(ed, EXIF_IFD_GPS, EXIF_TAG_GPS_LATITUDE), order, 90, &nonzero) &&
	       gps_coordinate(find(ed, EXIF_IFD_GPS, EXIF_TAG_GPS_LONGITUDE), order, 180, &nonzero) &&
	       nonzero;
}

/* XPKeywords: UTF-16LE, "a; b; c". 0 or PC_ENOMEM. */
static int read_xp_keywords(struct pc__facts *facts, ExifEntry *e)
{
	int ret = PC_ENOMEM;
	char *all = pc__text_from_utf16le(e->data, e->size);
	if (!all)
		goto done;
	/* ';' is one byte in UTF-8 and never inside a longer sequence. */
	for (const char *p = all; *p;) {
		size_t n = strcspn(p, ";");
		int r = pc__strvec_take(&facts->keywords[PC__KW_XP], pc__text_from_utf8(p, n));
		if (r == PC_ETOOBIG) {
			if (pc__facts_error(facts, "EXIF XPKeywords has more than %d keywords; the rest were dropped",
			                    PC__FACTS_MAX_ITEMS))
				goto done;
			break;
		}
		if (r)
			goto done;
		p += n;
		if (*p)
			p++;
	}
	ret = 0;
done:
	free(all);
	return ret;
}

/*
 * UTF-16 with no byte-order mark, in the file's byte order says the spec;
 * Windows and many other writers use little-endian whatever the file.
 * Text in Latin script has a zero high byte in most code units, so which
 * half of the pairs holds the zeros settles it; otherwise trust the file.
 */
static int utf16_big_endian(const unsigned char *s, size_t n, ExifByteOrder order)
{
	size_t high_zero_be = 0, high_zero_le = 0;
	for (size_t i = 0; i + 1 < n; i += 2) {
		if (!s[i] && s[i + 1])
			high_zero_be++;
		else if (s[i] && !s[i + 1])
			high_zero_le++;
	}
	if (high_zero_be != high_zero_le)
		return high_zero_be > high_zero_le;
	return order == EXIF_BYTE_ORDER_MOTOROLA;
}

static char *from_utf16(const unsigned char *s, size_t n, ExifByteOrder order)
{
	int be;
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		be = 0;
		s += 2, n -= 2;
	} else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		be = 1;
		s += 2, n -= 2;
	} else {
		be = utf16_big_endian(s, n, order);
	}
	if (!be)
		return pc__text_from_utf16le(s, n);
	unsigned char *swapped = malloc(n ? n : 1);
	if (!swapped)
		return NULL;
	for (size_t i = 0; i + 1 < n; i += 2) {
		swapped[i] = s[i + 1];
		swapped[i + 1] = s[i];
	}
	char *text = pc__text_from_utf16le(swapped, n & ~(size_t)1);
	free(swapped);
	return text;
}

/*
 * UserComment: an 8-byte character code, then the text. Sets *out to the
 * text, or NULL when there is none we can read (JIS, which no school
 * camera writes, and binary junk). 0 or PC_ENOMEM.
 */
static int user_comment(char **out, const unsigned char *d, size_t n, ExifByteOrder order)
{
	*out = NULL;
	if (n < 8)
		return 0;
	const char *text = (const char *)d + 8;
	if (!memcmp(d, "ASCII\0\0\0", 8) || !memcmp(d, "\0\0\0\0\0\0\0\0", 8)) {
		/* "Undefined" text is in practice what ASCII turns out to be:
		 * whatever the camera's or tool's locale wrote. */
		*out = pc__text_guess(text, n - 8);
	} else if (!memcmp(d, "UNICODE\0", 8)) {
		*out = from_utf16(d + 8, n - 8, order);
	} else if (!memcmp(d, "JIS\0\0\0\0\0", 8)) {
		return 0;
	} else {
		/* Some tools write the text with no code at all; a code of
		 * binary bytes is something else, not text. */
		for (size_t i = 0; i < 8; i++)
			if (d[i] < 0x20 || d[i] > 0x7E)
				return 0;
		*out = pc__text_guess((const char *)d, n);
	}
	return *out ? 0 : PC_ENOMEM;
}

/* The first value of an integer entry. The spec says SHORT, but some
 * writers (Fujifilm's, for one) use other integer types for Orientation;
 * exiftool reads them all, and so do we. 1 when *out was set. */
static int first_integer(const ExifEntry *e, ExifByteOrder order, long *out)
{
	if (e->components < 1 || e->size < exif_format_get_size(e->format))
		return 0;
	switch (e->format) {
	case EXIF_FORMAT_BYTE:
		*out = e->data[0];
		return 1;
	case EXIF_FORMAT_SBYTE:
		/* SBYTE is signed by definition: the sign extension is wanted. */
		/* NOLINTNEXTLINE(bugprone-signed-char-misuse,cert-str34-c) */
		*out = (signed char)e->data[0];
		return 1;
	case EXIF_FORMAT_SHORT:
		*out = exif_get_short(e->data, order);
		return 1;
	case EXIF_FORMAT_SSHORT:
		*out = exif_get_sshort(e->data, order);
		return 1;
	case EXIF_FORMAT_LONG:
		*out = (long)exif_get_long(e->data, order);
		return 1;
	case EXIF_FORMAT_SLONG:
		*out = exif_get_slong(e->data, order);
		return 1;
	default:
		return 0;
	}
}

/* Takes the fields we use from what libexif loaded. 0 or PC_ENOMEM. */
static int read_fields(struct pc__facts *facts, ExifData *ed)
{
	ExifByteOrder order = exif_data_get_byte_order(ed);
	ExifEntry *e;
	char date[20];

	/* Some writers put it in IFD0; exiftool finds it there too. */
	e = find(ed, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
	if (!e)
		e = find(ed, EXIF_IFD_0, EXIF_TAG_DATE_TIME_ORIGINAL);
	if (e && exif_date(e->data, e->size, date)) {
		char *s = strdup(date);
		if (!s || pc__facts_set_date(facts, PC__DATE_EXIF_ORIGINAL, s))
			return PC_ENOMEM;
	}

	if (has_gps_position(ed, order))
		facts->gps = 1;

	e = find(ed, EXIF_IFD_0, EXIF_TAG_IMAGE_DESCRIPTION);
	if (e && set_text(facts, PC__TEXT_EXIF_DESCRIPTION,
	                  pc__text_guess((const char *)e->data, e->size)))
		return PC_ENOMEM;

	e = find(ed, EXIF_IFD_0, EXIF_TAG_XP_KEYWORDS);
	if (e && read_xp_keywords(facts, e))
		return PC_ENOMEM;

	e = find(ed, EXIF_IFD_0, EXIF_TAG_XP_SUBJECT);
	if (e && set_text(facts, PC__TEXT_XP_SUBJECT, pc__text_from_utf16le(e->data, e->size)))
		return PC_ENOMEM;
	/* Windows Explorer's Title and Comments: as likely to name a child. */
	e = find(ed, EXIF_IFD_0, EXIF_TAG_XP_TITLE);
	if (e && set_text(facts, PC__TEXT_XP_TITLE, pc__text_from_utf16le(e->data, e->size)))
		return PC_ENOMEM;
	e = find(ed, EXIF_IFD_0, EXIF_TAG_XP_COMMENT);
	if (e && set_text(facts, PC__TEXT_XP_COMMENT, pc__text_from_utf16le(e->data, e->size)))
		return PC_ENOMEM;

	e = find(ed, EXIF_IFD_EXIF, EXIF_TAG_USER_COMMENT);
	if (e) {
		char *s;
		if (user_comment(&s, e->data, e->size, order))
			return PC_ENOMEM;
		if (s && set_text(facts, PC__TEXT_EXIF_USER_COMMENT, s))
			return PC_ENOMEM;
	}

	/* EXIF outranks XMP's tiff:Orientation, so it overwrites. */
	long v = 0;
	e = find(ed, EXIF_IFD_0, EXIF_TAG_ORIENTATION);
	if (e && first_integer(e, order, &v) && v >= 1 && v <= 8)
		facts->orientation = (int)v;
	return 0;
}

int pc__exif_read(struct pc__facts *facts, const unsigned char *data, size_t len)
{
	int ret = PC_ENOMEM;
	ExifData *ed = NULL;
	ExifLog *log = NULL;
	struct log_ctx ctx;
	memset(&ctx, 0, sizeof(ctx));

	if (len < 6 || memcmp(data, "Exif\0\0", 6)) {
		/* jpeg.c only hands over segments that start so; say it
		 * anyway rather than let libexif hunt for JPEG markers. */
		ret = pc__facts_error(facts, "EXIF segment does not start with 'Exif'");
		goto done;
	}
	if (len > EXIF_MAX_LEN)
		len = EXIF_MAX_LEN;

	struct tiff t;
	memset(&t, 0, sizeof(t));
	t.d = data + 6;
	t.len = len - 6;
	int shape = check_tiff(facts, &t);
	if (shape < 0)
		goto done;
	if (shape == TIFF_NO_HEADER) {
		ret = 0;
		goto done;
	}

	ed = exif_data_new();
	log = exif_log_new();
	if (!ed || !log)
		goto done;
	exif_log_set_func(log, on_log, &ctx);
	exif_data_log(ed, log);
	/* FOLLOW_SPECIFICATION would "fix" the data after loading: add
	 * mandatory tags with made-up defaults and drop others. We only read,
	 * and want what the file says. "Unknown" tags stay too: libexif
	 * drops a tag found outside the IFD its table lists it in, and some
	 * writers put DateTimeOriginal in IFD0. */
	exif_data_unset_option(ed, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
	exif_data_unset_option(ed, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
	exif_data_load_data(ed, data, (unsigned)len);
	if (ctx.no_memory)
		goto done;

	/* When the walk already named the damage, libexif's message would
	 * only say the same thing less clearly. */
	if (shape == TIFF_CLEAN && !t.stray_pointer && ctx.first[0] &&
	    pc__facts_error(facts, "EXIF is damaged: %s", ctx.first))
		goto done;

	ret = read_fields(facts, ed);
done:
	if (ed)
		exif_data_unref(ed);
	if (log)
		exif_log_unref(log);
	return ret;
}
