/*
 * facts.h: what the metadata parsers found in one photo, before any rule
 * is applied.
 *
 * Each parser (exif.c, xmp.c, iptc.c) only appends to a `struct pc__facts`;
 * people.c then applies PRODUCT.md's rules (which regions are people, person
 * roots, leaf paths, merging) to turn these into the photo's persons, events
 * and keywords. Keeping the two apart lets the rules be tested on facts
 * built by hand.
 *
 * Invariants: every string is owned by the facts, valid UTF-8 with no
 * control characters and no space at either end (made by text.h), and
 * never empty (parsers drop empty values). Lists are bounded by
 * PC__FACTS_MAX_ITEMS entries each; past that a parser records one error
 * and drops the rest.
 */
#ifndef PC_FACTS_H
#define PC_FACTS_H

#include <stddef.h>

#define PC__FACTS_MAX_ITEMS 4096
#define PC__FACTS_MAX_ERRORS 32

struct pc__strvec {
	char **v;
	size_t n;
	size_t alloc;
};

/* Takes ownership of `s` (freed on failure too). 0, PC_ETOOBIG when the
 * list is full, PC_ENOMEM when out of memory. An empty `s` is freed and
 * ignored. */
int pc__strvec_take(struct pc__strvec *sv, char *s);
void pc__strvec_release(struct pc__strvec *sv);

/* The keyword fields, each with its own path separators. */
enum pc__kwfield {
	PC__KW_DC_SUBJECT,   /* dc:subject: '/' and '|' */
	PC__KW_DIGIKAM,      /* digiKam:TagsList: '/' */
	PC__KW_LR,           /* lr:hierarchicalSubject: '|' */
	PC__KW_MS,           /* MicrosoftPhoto:LastKeywordXMP: '/' */
	PC__KW_IPTC,         /* IPTC IIM 2:25: '/' and '|' */
	PC__KW_XP,           /* EXIF XPKeywords, already split at ';': '/' and '|' */
	PC__KW_OTHER,        /* the less common ones: mediapro:CatalogSets,
	                        photoshop:SupplementalCategories, IPTC IIM 2:20,
	                        lr:weightedFlatSubject: '/' and '|' */
	PC__KW_COUNT
};

/* A region as written, before it is mapped to the displayed image. */
struct pc__raw_region {
	char *name;        /* NULL when the region has no name */
	char *type;        /* MWG Type ("Face", "Pet", ...); NULL when absent */
	unsigned source;   /* PC_SOURCE_MWG_REGION or PC_SOURCE_MP_REGION */
	int has_area;      /* whether x, y, w, h were read and are numbers */
	double x, y, w, h; /* MWG: centre-based; MP: top-left based */
	int pixel_unit;    /* MWG stArea:unit is "pixel", not "normalized" */
	double applied_w, applied_h; /* MWG AppliedToDimensions; 0 if absent */
};

/* Free-text fields, in the order the caption prefers them; titles and
 * headlines come after every caption, since any of them may name a child
 * but none is the caption when a caption is there. */
enum pc__textfield {
	PC__TEXT_XMP_DESCRIPTION,
	PC__TEXT_IPTC_CAPTION,
	PC__TEXT_EXIF_DESCRIPTION,
	PC__TEXT_XP_SUBJECT,
	PC__TEXT_EXIF_USER_COMMENT,
	PC__TEXT_XMP_USER_COMMENT,   /* exif:UserComment in XMP */
	PC__TEXT_XMP_TITLE,          /* dc:title */
	PC__TEXT_XMP_HEADLINE,       /* photoshop:Headline */
	PC__TEXT_IPTC_OBJECT_NAME,   /* IIM 2:05 */
	PC__TEXT_IPTC_HEADLINE,      /* IIM 2:105 */
	PC__TEXT_XP_TITLE,           /* EXIF XPTitle */
	PC__TEXT_XP_COMMENT,         /* EXIF XPComment */
	PC__TEXT_XMP_OTHER_LANGUAGES, /* the other languages of dc:description
	                                and dc:title, joined by " / " */
	PC__TEXT_COUNT
};

/* Dates taken, in order of preference; each ISO 8601: "YYYY-MM-DDTHH:MM:SS",
 * "YYYY-MM-DD", or as much as XMP gave ("YYYY-MM", "YYYY"). */
enum pc__datefield {
	PC__DATE_EXIF_ORIGINAL, /* EXIF DateTimeOriginal */
	PC__DATE_XMP,           /* exif:DateTimeOriginal, photoshop:DateCreated, xmp:CreateDate */
	PC__DATE_IPTC,          /* IIM 2:55 (+ 2:60) */
	PC__DATE_COUNT
};

struct pc__facts {
	struct pc__strvec keywords[PC__KW_COUNT];
	struct pc__strvec persons_in_image; /* PersonInImage, PersonInImageWDetails names */
	struct pc__strvec events;           /* Iptc4xmpExt:Event */
	struct pc__raw_region *regions;
	size_t region_count;
	size_t region_alloc;
	char *texts[PC__TEXT_COUNT];        /* first value found wins */
	char *dates[PC__DATE_COUNT];        /* first value found wins */
	int gps;                            /* a GPS position is present */
	int orientation;                    /* EXIF, else tiff:Orientation; 0 unknown */
	unsigned width, height;             /* stored size, from the SOF marker */
	int other_image;                    /* not a JPEG, but a picture in a format
	                                       that is not read (PNG, HEIC, ...) */
	/* Where the sidecar's entries start in each list (what the photo's own
	 * metadata holds comes first): all SIZE_MAX until a sidecar is read. */
	struct {
		size_t regions, persons_in_image, keywords[PC__KW_COUNT];
	} sidecar_from;
	struct pc__strvec errors;           /* sentences, most important first */
};

void pc__facts_init(struct pc__facts *facts);
/* Marks where the sidecar's entries will start: everything already in the
 * lists came from the photo itself. */
void pc__facts_mark_sidecar(struct pc__facts *facts);
void pc__facts_release(struct pc__facts *facts);

/* Appends a copy of `region` (taking ownership of its strings, freed on
 * failure too). 0, PC_ETOOBIG, PC_ENOMEM. */
int pc__facts_add_region(struct pc__facts *facts, struct pc__raw_region *region);

/* Sets a text or date field unless it already has a value; takes ownership
 * of `s` either way. Returns 0. */
int pc__facts_set_text(struct pc__facts *facts, enum pc__textfield field, char *s);
int pc__facts_set_date(struct pc__facts *facts, enum pc__datefield field, char *s);

/* Records a problem, formatted like printf. Past PC__FACTS_MAX_ERRORS the
 * rest are dropped (a hostile file must not fill memory with complaints).
 * Returns 0, or PC_ENOMEM when out of memory. */
int pc__facts_error(struct pc__facts *facts, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
