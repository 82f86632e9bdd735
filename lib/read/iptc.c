/*
 * iptc.c: IPTC IIM datasets, inside Photoshop's image resources in APP13.
 *
 * Both layers are length-prefixed records read from untrusted bytes: every
 * length is checked against what remains before it is used, a length that
 * runs past the end is reported with its numbers and ends the walk (what
 * follows cannot be found reliably), and the walks are linear in the input.
 */
#include "read/iptc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"
#include "base/text.h"

/* Past this many resources a Photoshop block is not a real one; walking
 * on would only make a hostile file slow. */
#define MAX_RESOURCES 10000

#define RESOURCE_IPTC 0x0404

/* What a walk step found. */
enum {
	STEP_END = 0,  /* no more records (possibly after zero padding) */
	STEP_NEXT = 1, /* a record was read */
	STEP_STOP = 2  /* damage: recorded (when facts were given), walk ends */
};

static int all_zero(const unsigned char *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (d[i])
			return 0;
	return 1;
}

/* Records a problem when `facts` is given: STEP_STOP, or PC_ENOMEM. */
static int stop(int err)
{
	return err ? PC_ENOMEM : STEP_STOP;
}

/* ---------------------------------------------------------------- IIM */

struct dataset {
	unsigned record, number;
	size_t at; /* offset of its 0x1C tag marker */
	const unsigned char *data;
	size_t len;
};

/*
 * Reads the dataset at *pos: 0x1C, record, dataset number, a 2-byte
 * length, or (high bit set) the count of length bytes that follow. With
 * `facts` NULL nothing is recorded (the first pass only looks for 1:90).
 * STEP_NEXT, STEP_END, STEP_STOP or PC_ENOMEM.
 */
static int next_dataset(struct pc__facts *facts, const unsigned char *d, size_t len,
                        size_t *pos, struct dataset *ds)
{
	size_t at = *pos;
	size_t left = len - at;
	if (!left || all_zero(d + at, left))
		return STEP_END; /* writers pad the IIM with NULs */
	if (d[at] != 0x1C)
		return facts ? stop(pc__facts_error(facts,
			"IPTC data has a stray byte 0x%02x at byte %zu where a dataset should start",
			d[at], at)) : STEP_STOP;
	if (left < 5)
		return facts ? stop(pc__facts_error(facts,
			"IPTC dataset at byte %zu is cut short", at)) : STEP_STOP;

	ds->at = at;
	ds->record = d[at + 1];
	ds->number = d[at + 2];
	size_t size = ((size_t)d[at + 3] << 8) | d[at + 4];
	size_t start = at + 5;
	if (size & 0x8000) {
		size_t n = size & 0x7FFF;
		/* Four bytes already allow 4 GiB, far past any APP13. */
		if (n < 1 || n > 4)
			return facts ? stop(pc__facts_error(facts,
				"IPTC dataset %u:%u at byte %zu has a %zu-byte extended length; 1 to 4 are allowed",
				ds->record, ds->number, at, n)) : STEP_STOP;
		if (n > len - start)
			return facts ? stop(pc__facts_error(facts,
				"IPTC dataset at byte %zu is cut short", at)) : STEP_STOP;
		size = 0;
		for (size_t i = 0; i < n; i++)
			size = (size << 8) | d[start + i];
		start += n;
	}
	if (size > len - start)
		return facts ? stop(pc__facts_error(facts,
			"IPTC dataset %u:%u at byte %zu claims %zu bytes, only %zu remain",
			ds->record, ds->number, at, size, len - start)) : STEP_STOP;
	ds->data = d + start;
	ds->len = size;
	*pos = start + size;
	return STEP_NEXT;
}

/*
 * 1:90 CodedCharacterSet: ISO 2022 escape sequences. ESC % G (and the
 * ESC % / G, H, I forms) say UTF-8. Anything else is read as if there were
 * no 1:90 (UTF-8 when valid, else Latin-1): in practice the other value
 * written is ESC - A, Latin-1, and Latin-1 text with accents is almost
 * never valid UTF-8, so the guess lands on Latin-1 for it anyway.
 */
static int says_utf8(const struct dataset *ds)
{
	const unsigned char *s = ds->data;
	if (ds->len == 3 && !memcmp(s, "\x1b%G", 3))
		return 1;
	return ds->len == 4 && !memcmp(s, "\x1b%/", 3) && s[3] >= 'G' && s[3] <= 'I';
}

static char *iim_text(const struct dataset *ds, int utf8)
{
	return utf8 ? pc__text_from_utf8((const char *)ds->data, ds->len)
	            : pc__text_guess((const char *)ds->data, ds->len);
}

static int digits(const unsigned char *s, size_t n, unsigned *out)
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

/* Length without trailing NULs and spaces, which some writers add. */
static size_t trimmed_len(const struct dataset *ds)
{
	size_t n = ds->len;
	while (n && (ds->data[n - 1] == '\0' || ds->data[n - 1] == ' '))
		n--;
	return n;
}

/*
 * 2:55 "YYYYMMDD", with 2:60 "HHMMSS" and an optional "+HHMM" offset,
 * into out as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (local time, as EXIF
 * dates are; the offset is dropped). IIM writes unknown parts as 00
 * ("20260000"): such a date, "00000000" or anything malformed gives
 * nothing; a malformed time gives the date alone. 1 when out holds a date.
 */
static int iptc_date(const struct dataset *date_ds, const struct dataset *time_ds, char out[20])
{
	unsigned y, mo, d, h, mi, s;
	if (!date_ds || trimmed_len(date_ds) != 8 || !digits(date_ds->data, 4, &y) ||
	    !digits(date_ds->data + 4, 2, &mo) || !digits(date_ds->data + 6, 2, &d))
		return 0;
	if (y == 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return 0;
	const unsigned char *p = date_ds->data;
	memcpy(out, p, 4);
	out[4] = '-';
	memcpy(out + 5, p + 4, 2);
	out[7] = '-';
	memcpy(out + 8, p + 6, 2);
	out[10] = '\0';

	size_t tn = time_ds ? trimmed_len(time_ds) : 0;
	if ((tn != 6 && tn != 11) || !digits(time_ds->data, 2, &h) ||
	    !digits(time_ds->data + 2, 2, &mi) || !digits(time_ds->data + 4, 2, &s) ||
	    h > 23 || mi > 59 || s > 59)
		return 1;
	unsigned oh, om;
	if (tn == 11 && ((time_ds->data[6] != '+' && time_ds->data[6] != '-') ||
	                 !digits(time_ds->data + 7, 2, &oh) || !digits(time_ds->data + 9, 2, &om)))
		return 1;
	p = time_ds->data;
	out[10] = 'T';
	memcpy(out + 11, p, 2);
	out[13] = ':';
	memcpy(out + 14, p + 2, 2);
	out[16] = ':';
	memcpy(out + 17, p + 4, 2);
	out[19] = '\0';
	return 1;
}

/* 2:25 Keywords (and 2:20 Supplemental Categories): one per dataset,
 * into `field`. 0, or PC_ENOMEM. */
static int add_keyword(struct pc__facts *facts, const struct dataset *ds, int utf8, int *full,
                       enum pc__kwfield field)
{
	if (*full)
		return 0;
	int r = pc__strvec_take(&facts->keywords[field], iim_text(ds, utf8));
	if (r == PC_ETOOBIG) {
		*full = 1;
		return pc__facts_error(facts, "IPTC has more than %d %s; the rest were dropped",
		                       PC__FACTS_MAX_ITEMS, field == PC__KW_IPTC ? "keywords"
		                                                             : "categories");
	}
	return r;
}

int pc__iptc_read_iim(struct pc__facts *facts, const unsigned char *data, size_t len)
{
	int ret = PC_ENOMEM;
	struct dataset ds, date_ds, time_ds;
	memset(&date_ds, 0, sizeof(date_ds));
	memset(&time_ds, 0, sizeof(time_ds));
	int have_date = 0, have_time = 0, utf8 = 0, full = 0, full_other = 0, r;
	size_t pos = 0;

	/* First pass: the character set, which may come after the text it
	 * describes. Damage is left for the second pass to report. */
	while (next_dataset(NULL, data, len, &pos, &ds) == STEP_NEXT) {
		if (ds.record == 1 && ds.number == 90) {
			utf8 = says_utf8(&ds);
			break;
		}
	}

	pos = 0;
	while ((r = next_dataset(facts, data, len, &pos, &ds)) == STEP_NEXT) {
		if (ds.record != 2)
			continue;
		switch (ds.number) {
		case 25:
			if (add_keyword(facts, &ds, utf8, &full, PC__KW_IPTC))
				goto done;
			break;
		case 120:
		case 5:
		case 105: {
			/* Caption, Object Name (title), Headline. */
			enum pc__textfield field = ds.number == 120 ? PC__TEXT_IPTC_CAPTION
			                         : ds.number == 5 ? PC__TEXT_IPTC_OBJECT_NAME
			                                          : PC__TEXT_IPTC_HEADLINE;
			char *s = iim_text(&ds, utf8);
			if (!s || pc__facts_set_text(facts, field, s))
				goto done;
			break;
		}
		case 20:
			/* Supplemental Categories: keywords by another name. */
			if (add_keyword(facts, &ds, utf8, &full_other, PC__KW_OTHER))
				goto done;
			break;
		case 55:
			if (!have_date)
				date_ds = ds;
			have_date = 1;
			break;
		case 60:
			if (!have_time)
				time_ds = ds;
			have_time = 1;
			break;
		default:
			break;
		}
	}
	if (r < 0)
		goto done;

	char iso[20];
	if (iptc_date(have_date ? &date_ds : NULL, have_time ? &time_ds : NULL, iso)) {
		char *s = strdup(iso);
		if (!s || pc__facts_set_date(facts, PC__DATE_IPTC, s))
			goto done;
	}
	ret = 0;
done:
	return ret;
}

/* ---------------------------------------------------------- Photoshop */

/* "8BIM" is Photoshop's; the others come from older or other writers
 * and are accepted by exiftool too. */
static int resource_signature(const unsigned char *d)
{
	static const char sigs[][5] = { "8BIM", "PHUT", "AgHg", "DCSR", "MeSa" };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (!memcmp(d, sigs[i], 4))
			return 1;
	return 0;
}

int pc__iptc_read_photoshop(struct pc__facts *facts, const unsigned char *data, size_t len)
{
	int ret = PC_ENOMEM;
	size_t pos = 0;
	int found = 0;

	for (size_t count = 0; pos < len; count++) {
		size_t at = pos, left = len - pos;
		if (all_zero(data + at, left))
			break; /* padding after the last resource */
		if (count == MAX_RESOURCES) {
			if (pc__facts_error(facts, "APP13 has more than %d Photoshop resources; the rest were not read",
			                    MAX_RESOURCES))
				goto done;
			break;
		}
		if (left < 4 || !resource_signature(data + at)) {
			if (pc__facts_error(facts, "APP13 has no Photoshop resource signature at byte %zu", at))
				goto done;
			break;
		}
		/* Signature, id, a Pascal-string name padded to an even
		 * length (with its length byte), then a 4-byte size. */
		size_t name = left >= 7 ? (1 + (size_t)data[at + 6] + 1) & ~(size_t)1 : 0;
		if (left < 7 || left - 6 < name + 4) {
			if (pc__facts_error(facts, "Photoshop resource at byte %zu in APP13 is cut short", at))
				goto done;
			break;
		}
		unsigned id = ((unsigned)data[at + 4] << 8) | data[at + 5];
		size_t p = at + 6 + name;
		size_t size = ((size_t)data[p] << 24) | ((size_t)data[p + 1] << 16) |
		              ((size_t)data[p + 2] << 8) | data[p + 3];
		size_t start = p + 4;
		if (size > len - start) {
			if (pc__facts_error(facts,
			                    "Photoshop resource 0x%04x runs past the end of APP13 (size %zu at byte %zu)",
			                    id, size, at))
				goto done;
			break;
		}
		/* Photoshop writes one IPTC block; a second would only repeat
		 * keywords. */
		if (id == RESOURCE_IPTC && !found) {
			found = 1;
			if (pc__iptc_read_iim(facts, data + start, size))
				goto done;
		}
		/* Data is padded to an even length; the last resource may
		 * lack its pad byte. */
		pos = start + size;
		if (size & 1)
			pos += pos < len;
	}
	ret = 0;
done:
	return ret;
}
