/*
 * photoconsent.h: the public interface of libphotoconsent.
 *
 * Invariants:
 * - The library never prints and never exits.
 * - The error contract, the same for every call:
 *   - a fallible function returns an int: 0 (or a count) on success, one of
 *     the negative `enum pc_error_code` values otherwise;
 *   - a negative return never hands back an object: every out parameter
 *     (they come first) is NULL; the one exception is pc_scan_run, whose
 *     summary of photos already judged comes back even when the audit log
 *     then could not be written (scan.h says so);
 *   - a call that can fail for a reason a person must read takes, last, a
 *     `struct pc_error *err` (NULL when not wanted), which then holds the
 *     code and a sentence a person can act on ("no pupil has the id
 *     '1042'"); there is no other message channel and no global state;
 *   - a call that can fail only by running out of memory or by being
 *     misused takes none: pc_strerror() names its code;
 *   - a NULL where an object is needed, or an options struct that was not
 *     made with its _INIT macro, is PC_EINVALID or PC_EVERSION, never a
 *     crash;
 *   - what is found in a file (a photo that cannot be read, damaged
 *     metadata) is a result, not an error: it is in the returned object.
 * - Every string the library hands out is valid, NUL-terminated UTF-8 (but
 *   a file path, which is the caller's bytes as given) and is owned by the
 *   object it came from: it stays valid until that object is freed. Every
 *   `_free` accepts NULL.
 * - Image files are untrusted: reading one never crashes, hangs or grows
 *   memory without bound; what went wrong is reported per file.
 */
#ifndef PHOTOCONSENT_H
#define PHOTOCONSENT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "photoconsent/export.h"

#define PC_VERSION "0.1.0"

/* Codes are only ever added at the end. */
enum pc_error_code {
	PC_OK = 0,
	PC_ERROR = -1,      /* anything else (an I/O error reading or writing) */
	PC_ENOTFOUND = -2,  /* the thing asked for does not exist */
	PC_EFORMAT = -3,    /* the input is not in the expected format */
	PC_ETOOBIG = -4,    /* the input exceeds a size limit */
	PC_EOPEN = -5,      /* a file could not be opened or read */
	PC_EDATABASE = -6,  /* not a photoconsent database, corrupt, or too new */
	PC_EEXISTS = -7,    /* the thing to create is already there */
	PC_EBUSY = -8,      /* another writer holds the database */
	PC_EREADONLY = -9,  /* the database cannot be written */
	PC_EINVALID = -10,  /* the call was misused: a NULL where an object is
	                       needed, an argument out of its range */
	PC_EVERSION = -11,  /* an options struct of another version of this
	                       library, or one not made with its _INIT macro */
	PC_ENOMEM = -12     /* out of memory */
};

/* A sentence for a code ("out of memory"); never NULL. */
PC_EXTERN const char *pc_strerror(int code);

/* Why a call failed: its code and a sentence a person can act on, as the
 * call wrote it (valid UTF-8, no control characters beyond those a file
 * name held). Zero it, or use PC_ERROR_INIT; a call that succeeds leaves
 * it as it was. */
#define PC_ERROR_MESSAGE_SIZE 512
struct pc_error {
	int code;                              /* PC_OK when none */
	char message[PC_ERROR_MESSAGE_SIZE];   /* "" when none */
};
#define PC_ERROR_INIT { PC_OK, "" }

/*
 * Options structs are versioned, so that a program built against an older
 * layout is refused instead of misread: the first member of each is
 * `unsigned version`, which its _INIT macro sets. The value carries a tag
 * besides the number, so that the first member of a layout from before
 * versions (a count, a pointer, a flag) cannot pass for one. A struct
 * with any other version is PC_EVERSION. NULL where the options may be
 * NULL means the defaults.
 */
#define PC__OPTIONS_VERSION(kind, n) (0x50430000u | ((unsigned)(kind) << 8) | (unsigned)(n))

/* The version of the library, as PC_VERSION. */
PC_EXTERN const char *pc_version(void);

/* Frees memory that the library returned to the caller (reports). NULL is fine. */
PC_EXTERN void pc_free(void *ptr);

/* How many columns `s` (UTF-8) takes on a terminal, to line names up in
 * columns: each character as wide as Unicode says (0 for a combining
 * accent or a control, 2 for a wide East Asian character or an emoji,
 * else 1); a byte that is not UTF-8 counts 1, as the U+FFFD a terminal
 * shows for it. 0 for NULL. */
PC_EXTERN size_t pc_utf8_width(const char *s);
/* A copy of `s` (NULL as "") fit to show on a terminal or in a log, as
 * every text report of the library shows what came from a file or the
 * database: each character that is not printable (a C0 or C1 control, a
 * line or paragraph separator, a bidirectional override, embedding,
 * isolate or mark) and each byte that is not part of valid UTF-8 becomes
 * '?'; printable text is unchanged. The caller frees it with pc_free;
 * NULL when out of memory. */
PC_EXTERN char *pc_printable(const char *s);

/* Non-zero when `date` is a real calendar date written "YYYY-MM-DD". */
PC_EXTERN int pc_date_valid(const char *date);
/* Today's local date into out ("YYYY-MM-DD" and a NUL). */
PC_EXTERN void pc_date_today(char out[11]);
/* 1 for a yes (yes, y, true, 1, on), 0 for a no (no, n, false, 0, off),
 * in any case; -1 for anything else, "" too. The spellings the import
 * reads in a consent or flag column, and `pupil set` reads. */
PC_EXTERN int pc_yes_no(const char *text);

/*
 * Where a person tag was found. A person carries the bitwise OR of every
 * source that named it. Values are only ever added at the end.
 */
enum pc_source {
	PC_SOURCE_MWG_REGION = 1u << 0,      /* XMP mwg-rs:RegionInfo */
	PC_SOURCE_MP_REGION = 1u << 1,       /* XMP MP:RegionInfo */
	PC_SOURCE_PERSON_IN_IMAGE = 1u << 2, /* Iptc4xmpExt:PersonInImage(WDetails) */
	PC_SOURCE_XMP_KEYWORD = 1u << 3,     /* dc:subject */
	PC_SOURCE_DIGIKAM_TAG = 1u << 4,     /* digiKam:TagsList */
	PC_SOURCE_LR_HIERARCHICAL = 1u << 5, /* lr:hierarchicalSubject */
	PC_SOURCE_MS_KEYWORD = 1u << 6,      /* MicrosoftPhoto:LastKeywordXMP */
	PC_SOURCE_IPTC_KEYWORD = 1u << 7,    /* IPTC IIM 2:25 Keywords */
	PC_SOURCE_XP_KEYWORDS = 1u << 8,     /* EXIF XPKeywords */
	PC_SOURCE_OTHER_KEYWORD = 1u << 9    /* mediapro:CatalogSets,
	                                        photoshop:SupplementalCategories,
	                                        IPTC 2:20, lr:weightedFlatSubject */
};
#define PC_SOURCE_COUNT 10

/*
 * The name of one source bit ("mwg-region", "xp-keywords", ...), as the
 * JSON output spells it; NULL for anything that is not exactly one known bit.
 */
PC_EXTERN const char *pc_source_name(unsigned source);

/* The flat keyword fields: a keyword there may name a pupil directly. */
#define PC_SOURCES_FLAT_KEYWORDS \
	(PC_SOURCE_XMP_KEYWORD | PC_SOURCE_IPTC_KEYWORD | PC_SOURCE_XP_KEYWORDS)

/* A face box as fractions of the displayed image (after EXIF orientation),
 * measured from its top-left corner. */
struct pc_region {
	double x, y, w, h;
};

/* One person pictured: a name tag, a face region, or both. */
struct pc_person {
	const char *name;  /* as written in the photo; NULL for an unnamed face */
	unsigned sources;  /* enum pc_source bits */
	int has_region;    /* whether `region` holds a face box */
	struct pc_region region;
	int in_file;       /* named in the photo's own metadata, not only in its
	                      sidecar (an exported copy strips the former) */
};

/* One keyword as written, with the fields it came from. */
struct pc_keyword {
	const char *text;
	unsigned sources;  /* enum pc_source bits */
	int in_file;       /* in the photo's own metadata, not only its sidecar */
};

/* The free-text fields, as `id` of struct pc_text names them. Values are
 * only ever added at the end; the order of preference is pc_photo_text's,
 * not this. */
enum pc_text_field {
	PC_TEXT_XMP_DESCRIPTION = 0,
	PC_TEXT_IPTC_CAPTION = 1,
	PC_TEXT_EXIF_DESCRIPTION = 2,
	PC_TEXT_XP_SUBJECT = 3,
	PC_TEXT_EXIF_USER_COMMENT = 4,
	PC_TEXT_XMP_USER_COMMENT = 5,
	PC_TEXT_XMP_TITLE = 6,
	PC_TEXT_XMP_HEADLINE = 7,
	PC_TEXT_IPTC_OBJECT_NAME = 8,
	PC_TEXT_IPTC_HEADLINE = 9,
	PC_TEXT_XP_TITLE = 10,
	PC_TEXT_XP_COMMENT = 11,
	PC_TEXT_XMP_OTHER_LANGUAGES = 12
};

/* A free-text field that may name someone (caption, description, ...).
 * `field` is one of a closed set, only ever added to, spelled as the JSON
 * report spells it; `id` is the same as an enum. */
struct pc_text {
	const char *field; /* "xmp-description", "iptc-caption", "exif-description",
	                      "xp-subject", "exif-user-comment", "xmp-user-comment",
	                      "xmp-title", "xmp-headline", "iptc-object-name",
	                      "iptc-headline", "xp-title", "xp-comment",
	                      "xmp-other-languages" */
	const char *text;
	enum pc_text_field id;
};

/* How far a photo could be read. */
enum pc_photo_status {
	PC_PHOTO_OK = 0,         /* read; no problem found */
	PC_PHOTO_DAMAGED = 1,    /* a JPEG, but some metadata was unreadable */
	PC_PHOTO_UNREADABLE = 2, /* opened, but not a readable JPEG */
	PC_PHOTO_UNOPENED = 3    /* could not be opened at all */
};

/* The facts read from one photo and its sidecar. */
typedef struct pc_photo pc_photo;

/*
 * Options for reading: make them with PC_READ_OPTIONS_INIT, then set what
 * differs; NULL means the defaults (person roots People, Pupils, Persons,
 * Children, Students; sidecars read).
 */
#define PC_READ_OPTIONS_VERSION PC__OPTIONS_VERSION(1, 1)
struct pc_read_options {
	unsigned version;  /* PC_READ_OPTIONS_VERSION */
	/* Roots of hierarchical keywords that name a person; compared ignoring
	 * case. NULL for the defaults. */
	const char *const *person_roots;
	size_t person_root_count;
	/* Non-zero: do not look for an XMP sidecar beside the file. */
	int no_sidecar;
};
#define PC_READ_OPTIONS_INIT { PC_READ_OPTIONS_VERSION, NULL, 0, 0 }

/* The person roots used when none are given: People, Pupils, Persons,
 * Children, Students. *count is set to how many. */
PC_EXTERN const char *const *pc_default_person_roots(size_t *count);

/*
 * Reads the metadata of the JPEG at `path` (and of its XMP sidecar,
 * `path.xmp` else the path with its extension replaced by `.xmp`), without
 * decoding pixels: reading stops at the start of scan.
 *
 * A file that cannot be read is a result, not an error: returns 0 with
 * *out a new photo, the caller's (pc_photo_free), whatever was in the
 * file; pc_photo_status says how far it could be read (PC_PHOTO_UNOPENED:
 * it could not be opened or read; PC_PHOTO_UNREADABLE: not a JPEG at all,
 * empty or not beginning with the JPEG signature FF D8; PC_PHOTO_DAMAGED:
 * a JPEG, some of whose metadata is unreadable), and its error list says
 * why. A negative return hands back no photo (*out NULL): PC_ENOMEM when
 * out of memory, PC_EINVALID for a NULL `out` or `path`, PC_EVERSION for
 * options not made with PC_READ_OPTIONS_INIT.
 */
PC_EXTERN int pc_photo_read(pc_photo **out, const char *path,
                            const struct pc_read_options *opts);

/*
 * As pc_photo_read, from `len` bytes in memory; `name` labels the photo.
 * No sidecar is read. The bytes are not kept. NULL `data` is PC_EINVALID
 * unless `len` is 0.
 */
PC_EXTERN int pc_photo_read_memory(pc_photo **out, const char *name,
                                   const void *data, size_t len,
                                   const struct pc_read_options *opts);

PC_EXTERN void pc_photo_free(pc_photo *photo);

/* The accessors below take a NULL photo as one with nothing in it: 0 or
 * NULL (pc_photo_status: PC_PHOTO_UNOPENED; pc_photo_orientation: 1). */

/* The path or name the photo was read from. */
PC_EXTERN const char *pc_photo_path(const pc_photo *photo);
PC_EXTERN enum pc_photo_status pc_photo_status(const pc_photo *photo);
/* An unreadable file that is a picture all the same, in a format this
 * library does not read (PNG, HEIC/HEIF, AVIF, WebP, TIFF, GIF, BMP): 1,
 * else 0. */
PC_EXTERN int pc_photo_is_other_image(const pc_photo *photo);
/* Why a photo whose status is PC_PHOTO_UNOPENED could not be opened or
 * read, as the system says it ("No such file or directory", "it is a
 * folder", "read error at byte 8: Input/output error"), without the
 * error list's "cannot open: " before it; NULL for any other status. */
PC_EXTERN const char *pc_photo_open_error(const pc_photo *photo);
/* The path made absolute (from the current folder, "." and ".." taken
 * out, links not resolved); NULL for a photo read from memory under a
 * name that is not an absolute path, or when the current folder cannot
 * be known. */
PC_EXTERN const char *pc_photo_absolute_path(const pc_photo *photo);

/* People, in the order first seen; one entry per person however many
 * sources name them, and one per unnamed face. */
PC_EXTERN size_t pc_photo_person_count(const pc_photo *photo);
PC_EXTERN const struct pc_person *pc_photo_person(const pc_photo *photo, size_t i);

/* Event names: Iptc4xmpExt:Event values and leaves of `Events` keywords. */
PC_EXTERN size_t pc_photo_event_count(const pc_photo *photo);
PC_EXTERN const char *pc_photo_event(const pc_photo *photo, size_t i);
/* Where event i was named: "xmp-event" (Iptc4xmpExt:Event) or "keyword"
 * (the leaf of an Events keyword), as the JSON report spells it (a closed
 * set, only ever added to); NULL past the end. */
PC_EXTERN const char *pc_photo_event_source(const pc_photo *photo, size_t i);
/* How an event was found: in the photo (the first two; pc_photo_event_from
 * says which of them), or, by the verdict, from the photo's folder or
 * date. The verdict's matched_by (policy.h) spells these "xmp-event",
 * "keyword", "folder", "date". Values are only ever added at the end. */
enum pc_event_match {
	PC_EVENT_XMP_EVENT = 0,
	PC_EVENT_KEYWORD = 1,
	PC_EVENT_FOLDER = 2,
	PC_EVENT_DATE = 3
};
/* pc_photo_event_source as an enum: PC_EVENT_XMP_EVENT or
 * PC_EVENT_KEYWORD; PC_EVENT_XMP_EVENT past the end. */
PC_EXTERN enum pc_event_match pc_photo_event_from(const pc_photo *photo, size_t i);

/* Every distinct keyword from every keyword field, as written. */
PC_EXTERN size_t pc_photo_keyword_count(const pc_photo *photo);
PC_EXTERN const struct pc_keyword *pc_photo_keyword(const pc_photo *photo, size_t i);

/* Free-text fields, the preferred caption first. */
PC_EXTERN size_t pc_photo_text_count(const pc_photo *photo);
PC_EXTERN const struct pc_text *pc_photo_text(const pc_photo *photo, size_t i);

/* The caption (XMP dc:description, else IPTC caption, else EXIF
 * ImageDescription, ...), or NULL. */
PC_EXTERN const char *pc_photo_caption(const pc_photo *photo);

/* When the photo was taken, ISO 8601 ("2026-07-03T10:15:00" or
 * "2026-07-03"): EXIF DateTimeOriginal, else XMP, else IPTC; or NULL. */
PC_EXTERN const char *pc_photo_taken(const pc_photo *photo);
/* Every date the photo's metadata gives for when it was taken (EXIF, XMP,
 * IPTC), in that order of preference, the first being pc_photo_taken's;
 * each as pc_photo_taken spells it. */
PC_EXTERN size_t pc_photo_date_count(const pc_photo *photo);
PC_EXTERN const char *pc_photo_date(const pc_photo *photo, size_t i);

/* Non-zero when the photo carries a GPS position. */
PC_EXTERN int pc_photo_has_gps(const pc_photo *photo);

/* EXIF orientation, 1 to 8 (1 when absent or invalid). */
PC_EXTERN int pc_photo_orientation(const pc_photo *photo);

/* Problems found while reading, each a sentence a person can act on
 * ("XMP packet is malformed at byte 1834: unclosed token"). */
PC_EXTERN size_t pc_photo_error_count(const pc_photo *photo);
PC_EXTERN const char *pc_photo_error(const pc_photo *photo, size_t i);

/*
 * Reports of what was read. Each sets *out to a new NUL-terminated string
 * that the caller frees with pc_free, and returns 0; PC_ENOMEM when out of
 * memory, PC_EINVALID for a NULL argument (then *out is NULL). The JSON report is one line with its newline, as PRODUCT.md gives
 * it; the text report is a few lines for a person.
 */
PC_EXTERN int pc_report_inspect_json(char **out, const pc_photo *photo);
PC_EXTERN int pc_report_inspect_text(char **out, const pc_photo *photo);

#ifdef __cplusplus
}
#endif

#include "photoconsent/store.h"
#include "photoconsent/policy.h"
#include "photoconsent/scan.h"

#endif
