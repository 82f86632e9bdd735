#include "read/xmp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "photoconsent/photoconsent.h"
#include "base/buf.h"
#include "base/text.h"
#include "read/xmp_rdf.h"

/* Lists that reached PC__FACTS_MAX_ITEMS in this packet: each is reported
 * once, then left alone. */
#define FULL_PERSONS (1u << 0)
#define FULL_EVENTS (1u << 1)
#define FULL_REGIONS (1u << 2)
#define FULL_KEYWORDS(field) (1u << (3 + (field)))

/* The XMP dates, most preferred first. */
enum { DATE_EXIF, DATE_PHOTOSHOP, DATE_XMP, DATE_COUNT };

static const char *const date_names[DATE_COUNT] = {
	"exif:DateTimeOriginal", "photoshop:DateCreated", "xmp:CreateDate",
};

struct reader {
	struct pc__facts *facts;
	const char *what;
	char *guid;                   /* where HasExtendedXMP goes; NULL: not asked */
	int guid_seen;
	const char *dates[DATE_COUNT]; /* first of each, owned by the document */
	unsigned full;
	struct pc__buf other_languages; /* dc:description, dc:title beyond x-default */
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* At most 40 bytes of a value for a message, cut between characters so the
 * message stays valid UTF-8, with "..." when cut. */
static const char *excerpt(char out[48], const char *s)
{
	size_t n = strlen(s);
	int cut = n > 40;
	if (cut) {
		n = 40;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	memcpy(out + n, cut ? "..." : "", cut ? 4 : 1);
	return out;
}

/* A copy for the facts, through text.h like every string they hold. */
static char *copy_text(const char *s)
{
	return pc__text_from_utf8(s, strlen(s));
}

/*
 * A decimal number and nothing else ("0.5", "5e-01", "-3"). strtod alone
 * would also take "nan", "inf", hex floats and leading space, none of
 * which a tool writes for a coordinate.
 */
static int parse_number(const char *s, double *out)
{
	const char *p = s;
	int digits = 0;
	char *end;
	if (!s)
		return -1;
	if (*p == '+' || *p == '-')
		p++;
	for (; is_digit(*p); p++)
		digits++;
	if (*p == '.')
		for (p++; is_digit(*p); p++)
			digits++;
	if (!digits)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!is_digit(*p))
			return -1;
		while (is_digit(*p))
			p++;
	}
	if (*p)
		return -1;
	double v = strtod(s, &end);
	/* A locale with a decimal comma stops strtod at the '.'. */
	if (end != p || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/* stDim:w and stDim:h are only of use when they are positive. */
static double positive(const char *s)
{
	double v;
	return parse_number(s, &v) == 0 && v > 0 ? v : 0;
}

/* MPReg:Rectangle: four numbers separated by commas and/or spaces. */
static int parse_rectangle(const char *s, double v[4])
{
	size_t n = 0;
	if (!s)
		return -1;
	for (;;) {
		s += strspn(s, ", ");
		if (!*s)
			break;
		size_t len = strcspn(s, ", ");
		char tok[64];
		if (n == 4 || len >= sizeof(tok))
			return -1;
		memcpy(tok, s, len);
		tok[len] = '\0';
		if (parse_number(tok, &v[n]) != 0)
			return -1;
		n++;
		s += len;
	}
	return n == 4 ? 0 : -1;
}

/* Exactly `n` digits at s; stops at the NUL of a short string. */
static int read_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/*
 * An XMP date (ISO 8601: "2026", "2026-07", "2026-07-03",
 * "2026-07-03T10:15", "2026-07-03T10:15:00.5+01:00") as "YYYY", "YYYY-MM",
 * "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS": as much as is given, seconds 00
 * when absent, fractions and the zone dropped (the wall-clock time is what
 * a school day is measured in). EXIF's "2026:07:03 10:15:00", which some
 * tools copy into XMP, is read too. -1 when it is not a real date.
 */
static int normalise_date(const char *s, char out[32])
{
	int year, month, day, hour, minute, second = 0, zh, zm;
	char sep;
	if (read_digits(s, 4, &year) != 0 || year == 0)
		return -1;
	s += 4;
	if (!*s) {
		snprintf(out, 32, "%04d", year);
		return 0;
	}
	sep = *s;
	if ((sep != '-' && sep != ':') || read_digits(s + 1, 2, &month) != 0 ||
	    month < 1 || month > 12)
		return -1;
	s += 3;
	if (!*s) {
		snprintf(out, 32, "%04d-%02d", year, month);
		return 0;
	}
	if (*s != sep || read_digits(s + 1, 2, &day) != 0 || day < 1 ||
	    day > days_in_month(year, month))
		return -1;
	s += 3;
	if (!*s) {
		snprintf(out, 32, "%04d-%02d-%02d", year, month, day);
		return 0;
	}
	if ((*s != 'T' && *s != ' ') || read_digits(s + 1, 2, &hour) != 0 || s[3] != ':' ||
	    read_digits(s + 4, 2, &minute) != 0 || hour > 23 || minute > 59)
		return -1;
	s += 6;
	if (*s == ':') {
		if (read_digits(s + 1, 2, &second) != 0 || second > 59)
			return -1;
		s += 3;
		if (*s == '.' || *s == ',') {
			s++;
			if (!is_digit(*s))
				return -1;
			while (is_digit(*s))
				s++;
		}
	}
	if (*s == 'Z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		/* Some cameras write a one-digit zone hour ("+1:00"). */
		if (read_digits(s + 1, 2, &zh) == 0)
			s += 3;
		else if (read_digits(s + 1, 1, &zh) == 0)
			s += 2;
		else
			return -1;
		if (zh > 23)
			return -1;
		if (*s == ':')
			s++;
		if (*s) {
			if (read_digits(s, 2, &zm) != 0 || zm > 59)
				return -1;
			s += 2;
		}
	}
	if (*s)
		return -1;
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute,
	         second);
	return 0;
}

/* Appends a copy of `text` (if any) to a list, reporting once when full. */
static int take(struct reader *rd, struct pc__strvec *sv, unsigned bit, const char *label,
                const char *text)
{
	if (!text || (rd->full & bit))
		return 0;
	int err = pc__strvec_take(sv, copy_text(text));
	if (err == PC_ETOOBIG) {
		rd->full |= bit;
		return pc__facts_error(rd->facts, "%s has more than %d %s; the rest are not read",
		                       rd->what, PC__FACTS_MAX_ITEMS, label);
	}
	return err;
}

static int take_all(struct reader *rd, const struct pc__xmp_node *prop, struct pc__strvec *sv,
                    unsigned bit, const char *label)
{
	for (const struct pc__xmp_node *item = pc__xmp_item(prop, NULL); item;
	     item = pc__xmp_item(prop, item))
		if (take(rd, sv, bit, label, pc__xmp_text(item)) != 0)
			return PC_ENOMEM;
	return 0;
}

/* Copies an optional text; 0 with *out NULL when there is none. */
static int optional_text(char **out, const char *text)
{
	*out = NULL;
	if (!text)
		return 0;
	*out = copy_text(text);
	if (!*out)
		return PC_ENOMEM;
	if (!**out) {
		free(*out);
		*out = NULL;
	}
	return 0;
}

static int add_region(struct reader *rd, struct pc__raw_region *region)
{
	if (rd->full & FULL_REGIONS) {
		free(region->name);
		free(region->type);
		return 0;
	}
	int err = pc__facts_add_region(rd->facts, region);
	if (err == PC_ETOOBIG) {
		rd->full |= FULL_REGIONS;
		return pc__facts_error(rd->facts, "%s has more than %d regions; the rest are not read",
		                       rd->what, PC__FACTS_MAX_ITEMS);
	}
	return err;
}

/* mwg-rs:Regions: AppliedToDimensions and a RegionList of Name, Type, Area. */
static int read_mwg_regions(struct reader *rd, const struct pc__xmp_node *info)
{
	const struct pc__xmp_node *applied = pc__xmp_field(info, PC__XK_MWG_APPLIED);
	const struct pc__xmp_node *list = pc__xmp_field(info, PC__XK_MWG_REGION_LIST);
	double applied_w = positive(pc__xmp_text(pc__xmp_field(applied, PC__XK_DIM_W)));
	double applied_h = positive(pc__xmp_text(pc__xmp_field(applied, PC__XK_DIM_H)));

	for (const struct pc__xmp_node *item = pc__xmp_item(list, NULL); item;
	     item = pc__xmp_item(list, item)) {
		struct pc__raw_region r;
		const struct pc__xmp_node *area = pc__xmp_field(item, PC__XK_MWG_AREA);
		const char *unit = pc__xmp_text(pc__xmp_field(area, PC__XK_AREA_UNIT));

		memset(&r, 0, sizeof(r));
		r.source = PC_SOURCE_MWG_REGION;
		r.applied_w = applied_w;
		r.applied_h = applied_h;
		r.pixel_unit = unit && strcasecmp(unit, "pixel") == 0;
		r.has_area =
			parse_number(pc__xmp_text(pc__xmp_field(area, PC__XK_AREA_X)), &r.x) == 0 &&
			parse_number(pc__xmp_text(pc__xmp_field(area, PC__XK_AREA_Y)), &r.y) == 0 &&
			parse_number(pc__xmp_text(pc__xmp_field(area, PC__XK_AREA_W)), &r.w) == 0 &&
			parse_number(pc__xmp_text(pc__xmp_field(area, PC__XK_AREA_H)), &r.h) == 0;
		if (!r.has_area)
			r.x = r.y = r.w = r.h = 0;
		if (optional_text(&r.name, pc__xmp_text(pc__xmp_field(item, PC__XK_MWG_NAME))) != 0 ||
		    optional_text(&r.type, pc__xmp_text(pc__xmp_field(item, PC__XK_MWG_TYPE))) != 0) {
			free(r.name);
			return PC_ENOMEM;
		}
		if (add_region(rd, &r) == PC_ENOMEM)
			return PC_ENOMEM;
	}
	return 0;
}

/* MP:RegionInfo: MPRI:Regions of PersonDisplayName and Rectangle. */
static int read_mp_regions(struct reader *rd, const struct pc__xmp_node *info)
{
	const struct pc__xmp_node *list = pc__xmp_field(info, PC__XK_MPRI_REGIONS);
	for (const struct pc__xmp_node *item = pc__xmp_item(list, NULL); item;
	     item = pc__xmp_item(list, item)) {
		struct pc__raw_region r;
		double v[4];
		memset(&r, 0, sizeof(r));
		r.source = PC_SOURCE_MP_REGION;
		if (parse_rectangle(pc__xmp_text(pc__xmp_field(item, PC__XK_MPREG_RECTANGLE)),
		                    v) == 0) {
			r.has_area = 1;
			r.x = v[0];
			r.y = v[1];
			r.w = v[2];
			r.h = v[3];
		}
		if (optional_text(&r.name, pc__xmp_text(pc__xmp_field(item, PC__XK_MPREG_NAME))) != 0)
			return PC_ENOMEM;
		if (add_region(rd, &r) == PC_ENOMEM)
			return PC_ENOMEM;
	}
	return 0;
}

static int read_persons_with_details(struct reader *rd, const struct pc__xmp_node *prop)
{
	for (const struct pc__xmp_node *item = pc__xmp_item(prop, NULL); item;
	     item = pc__xmp_item(prop, item)) {
		/* PersonName is a language alternative since IPTC Extension
		 * 1.2 and plain text before; pc__xmp_text reads both. */
		const char *name = pc__xmp_text(pc__xmp_field(item, PC__XK_IPTC_PERSON_NAME));
		if (take(rd, &rd->facts->persons_in_image, FULL_PERSONS,
		         "people in Iptc4xmpExt:PersonInImage", name) != 0)
			return PC_ENOMEM;
	}
	return 0;
}

static int read_orientation(struct reader *rd, const char *text)
{
	char quote[48];
	int v = 0;
	size_t i;
	/* EXIF was read first and wins. */
	if (!text || rd->facts->orientation)
		return 0;
	for (i = 0; i < 3 && text[i]; i++) {
		if (!is_digit(text[i]))
			break;
		v = v * 10 + (text[i] - '0');
	}
	if (i == 0 || text[i] || v < 1 || v > 8)
		return pc__facts_error(rd->facts, "%s tiff:Orientation '%s' is not 1 to 8; ignored",
		                       rd->what, excerpt(quote, text));
	rd->facts->orientation = v;
	return 0;
}

static int read_extended_guid(struct reader *rd, const char *text)
{
	char quote[48];
	size_t len, i;
	if (!rd->guid || rd->guid_seen || !text)
		return 0;
	rd->guid_seen = 1;
	len = strlen(text);
	for (i = 0; i < len; i++)
		if ((unsigned char)text[i] <= ' ' || (unsigned char)text[i] > '~')
			break;
	if (len != 32 || i != len)
		return pc__facts_error(rd->facts,
		                       "%s xmpNote:HasExtendedXMP '%s' is not a 32-character "
		                       "digest; its ExtendedXMP is not read",
		                       rd->what, excerpt(quote, text));
	memcpy(rd->guid, text, 33);
	return 0;
}

/* A simple text, or a language alternative's x-default, into `field`. */
static int read_text(struct pc__facts *facts, const struct pc__xmp_node *prop,
                     enum pc__textfield field)
{
	char *s = NULL;
	if (optional_text(&s, pc__xmp_text(prop)) != 0)
		return PC_ENOMEM;
	return s ? pc__facts_set_text(facts, field, s) : 0;
}

/* A caption or title in several languages: each one may name a child,
 * not only the one shown as the caption. */
static int read_other_languages(struct reader *rd, const struct pc__xmp_node *prop)
{
	const char *shown = pc__xmp_text(prop);
	for (const struct pc__xmp_node *item = pc__xmp_item(prop, NULL); item;
	     item = pc__xmp_item(prop, item)) {
		const char *t = pc__xmp_text(item);
		if (!t || (shown && !strcmp(t, shown)))
			continue;
		/* A caption in any language may name a child: one cut short is
		 * a photo not read whole. */
		if (rd->other_languages.len > PC__XMP_MAX_TEXT)
			return pc__facts_error(rd->facts, "%s has more than %u KiB of captions and "
			                       "titles in other languages; the rest are not read",
			                       rd->what, PC__XMP_MAX_TEXT / 1024);
		if ((rd->other_languages.len && pc__buf_puts(&rd->other_languages, " / ")) ||
		    pc__buf_puts(&rd->other_languages, t))
			return PC_ENOMEM;
	}
	return 0;
}

static int read_property(struct reader *rd, const struct pc__xmp_node *prop)
{
	struct pc__facts *facts = rd->facts;
	switch ((enum pc__xmp_key)prop->key) {
	case PC__XK_MWG_REGIONS:
	case PC__XK_MWG_REGION_INFO:
		return read_mwg_regions(rd, prop);
	case PC__XK_MP_REGION_INFO:
		return read_mp_regions(rd, prop);
	case PC__XK_IPTC_PERSON:
		return take_all(rd, prop, &facts->persons_in_image, FULL_PERSONS,
		                "people in Iptc4xmpExt:PersonInImage");
	case PC__XK_IPTC_PERSON_DETAILS:
		return read_persons_with_details(rd, prop);
	case PC__XK_IPTC_EVENT:
		/* One event, as a language alternative or plain text. */
		return take(rd, &facts->events, FULL_EVENTS, "Iptc4xmpExt:Event values",
		            pc__xmp_text(prop));
	case PC__XK_DC_SUBJECT:
		return take_all(rd, prop, &facts->keywords[PC__KW_DC_SUBJECT],
		                FULL_KEYWORDS(PC__KW_DC_SUBJECT), "dc:subject keywords");
	case PC__XK_DIGIKAM_TAGS:
		return take_all(rd, prop, &facts->keywords[PC__KW_DIGIKAM],
		                FULL_KEYWORDS(PC__KW_DIGIKAM), "digiKam:TagsList tags");
	case PC__XK_LR_HIERARCHICAL:
		return take_all(rd, prop, &facts->keywords[PC__KW_LR], FULL_KEYWORDS(PC__KW_LR),
		                "lr:hierarchicalSubject keywords");
	case PC__XK_MS_KEYWORDS:
		return take_all(rd, prop, &facts->keywords[PC__KW_MS], FULL_KEYWORDS(PC__KW_MS),
		                "MicrosoftPhoto:LastKeywordXMP keywords");
	case PC__XK_OTHER_KEYWORDS:
		return take_all(rd, prop, &facts->keywords[PC__KW_OTHER], FULL_KEYWORDS(PC__KW_OTHER),
		                "catalogue keywords");
	case PC__XK_DC_DESCRIPTION:
	case PC__XK_DC_TITLE:
		if (read_other_languages(rd, prop))
			return PC_ENOMEM;
		return read_text(facts, prop, prop->key == PC__XK_DC_DESCRIPTION
		                              ? PC__TEXT_XMP_DESCRIPTION : PC__TEXT_XMP_TITLE);
	case PC__XK_PHOTOSHOP_HEADLINE:
		return read_text(facts, prop, PC__TEXT_XMP_HEADLINE);
	case PC__XK_EXIF_USER_COMMENT:
		return read_text(facts, prop, PC__TEXT_XMP_USER_COMMENT);
	case PC__XK_EXIF_DATE_ORIGINAL:
	case PC__XK_PHOTOSHOP_DATE_CREATED:
	case PC__XK_XMP_CREATE_DATE: {
		int i = prop->key == PC__XK_EXIF_DATE_ORIGINAL    ? DATE_EXIF
		        : prop->key == PC__XK_PHOTOSHOP_DATE_CREATED ? DATE_PHOTOSHOP
		                                                     : DATE_XMP;
		if (!rd->dates[i])
			rd->dates[i] = pc__xmp_text(prop);
		return 0;
	}
	case PC__XK_EXIF_GPS_LATITUDE:
		if (pc__xmp_text(prop))
			facts->gps = 1;
		return 0;
	case PC__XK_TIFF_ORIENTATION:
		return read_orientation(rd, pc__xmp_text(prop));
	case PC__XK_NOTE_EXTENDED:
		return read_extended_guid(rd, pc__xmp_text(prop));
	default:
		return 0;
	}
}

/*
 * The preferred date is chosen once the whole packet is read, so the order
 * the tool wrote them in does not matter. An invalid date is reported
 * (an event found by capture date depends on it) and the next one tried.
 */
static int set_date(struct reader *rd)
{
	for (int i = 0; i < DATE_COUNT; i++) {
		char norm[32], quote[48];
		if (!rd->dates[i])
			continue;
		if (normalise_date(rd->dates[i], norm) != 0) {
			if (pc__facts_error(rd->facts, "%s %s '%s' is not a valid date; ignored",
			                    rd->what, date_names[i], excerpt(quote, rd->dates[i])) != 0)
				return PC_ENOMEM;
			continue;
		}
		char *s = strdup(norm);
		if (!s)
			return PC_ENOMEM;
		return pc__facts_set_date(rd->facts, PC__DATE_XMP, s);
	}
	return 0;
}

int pc__xmp_read(struct pc__facts *facts, const char *data, size_t len,
                 const char *what, char extended_guid[33])
{
	int ret = PC_ENOMEM;
	struct pc__xmp_doc *doc = NULL;
	struct reader rd;

	memset(&rd, 0, sizeof(rd));
	rd.facts = facts;
	rd.what = what ? what : "XMP";
	rd.guid = extended_guid;
	pc__buf_init(&rd.other_languages, 0);
	if (extended_guid)
		extended_guid[0] = '\0';
	if (!data)
		len = 0;

	if (pc__xmp_doc_parse(&doc, facts, data ? data : "", len, rd.what) != 0)
		goto done;
	for (const struct pc__xmp_node *prop = pc__xmp_next_property(doc, NULL); prop;
	     prop = pc__xmp_next_property(doc, prop))
		if (read_property(&rd, prop) != 0)
			goto done;
	if (set_date(&rd) != 0)
		goto done;
	if (rd.other_languages.len) {
		char *other = copy_text(rd.other_languages.data);
		if (!other || pc__facts_set_text(facts, PC__TEXT_XMP_OTHER_LANGUAGES, other))
			goto done;
	}
	ret = 0;
done:
	pc__buf_release(&rd.other_languages);
	pc__xmp_doc_free(doc);
	return ret;
}
