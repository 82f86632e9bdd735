/*
 * scan.h: judging every photo under some folders, in parallel, for one
 * purpose and one date.
 *
 * Invariants:
 * - The consent the verdicts need is read once, into a snapshot
 *   (pc_snapshot_load, policy.h), before the first photo; no photo asks the
 *   database anything.
 * - The walk streams: memory grows with the depth of the folders and the
 *   number of threads, never with the number of photos.
 * - Threads share nothing they write but their own queues: the walker hands
 *   each worker its own bounded queue, each worker hands its results back
 *   on its own, and only the caller's thread reads them all. No lock is
 *   taken per photo that every thread waits on.
 * - Results reach the caller's callback on the caller's thread, in the
 *   order the photos were finished (not sorted).
 * - A JPEG is known by its content (it begins FF D8), not by its name. A
 *   file that is not one is skipped, not judged; a file that cannot be
 *   opened is judged (review, reason unreadable): nobody can say it is not
 *   a photo. An XMP sidecar (a name ending in .xmp) is read with its photo,
 *   and is neither judged nor skipped.
 */
#ifndef PHOTOCONSENT_SCAN_H
#define PHOTOCONSENT_SCAN_H

#include <stddef.h>

#include "photoconsent/export.h"
#include "photoconsent/policy.h"

#ifdef __cplusplus
extern "C" {
#endif

struct pc_read_options;
struct pc_error;

/* The format of the record the scan writes for each photo. */
enum pc_scan_format {
	PC_SCAN_TEXT = 0, /* "verdict  path: reasons", a line */
	PC_SCAN_JSON = 1, /* the JSON line of check --json (PRODUCT.md) */
	PC_SCAN_CSV = 2   /* a CSV row; pc_scan_csv_header gives the header */
};

/* What a scan met that is not a judged photo. Values are only ever added
 * at the end. */
enum pc_scan_skip {
	PC_SCAN_NOT_JPEG = 0,    /* a file that is not a JPEG */
	PC_SCAN_SPECIAL = 1,     /* a FIFO, socket or device: never opened */
	PC_SCAN_LOOP = 2,        /* a link back to a folder being walked */
	PC_SCAN_BROKEN_LINK = 3, /* a symbolic link to nothing */
	PC_SCAN_NO_FOLDER = 4,   /* a folder that cannot be opened or read */
	PC_SCAN_TOO_DEEP = 5,    /* a folder nested beyond the depth limit, or a
	                            path too long to open */
	PC_SCAN_OTHER_IMAGE = 6  /* a picture in a format that is not read
	                            (PNG, HEIC, WebP, ...): a photo not judged */
};

/* "not-jpeg", "special-file", "symlink-loop", "broken-link",
 * "unreadable-folder", "too-deep", "unreadable-image"; "unknown" for
 * anything else. */
PC_EXTERN const char *pc_scan_skip_name(enum pc_scan_skip kind);

/* One photo judged, or one thing passed over. Valid during the callback. */
struct pc_scan_item {
	const char *path;
	const pc_verdict *verdict; /* NULL when skipped */
	const char *record;        /* the formatted record, with its newline;
	                              NULL when skipped. A text record begins
	                              with the verdict's label
	                              (pc_verdict_kind_label), so that a
	                              terminal may colour it. */
	int unreadable;            /* judged, but the file could not be read */
	enum pc_scan_skip skip;    /* when skipped: what it was */
	const char *message;       /* when skipped: why, for a person */
};

struct pc_scan_progress {
	size_t done;        /* photos judged and files skipped */
	size_t total;       /* files found so far */
	int total_final;    /* the walk is over: total will not grow */
	double seconds;     /* since the scan began */
};

/* Returns 0 to go on; anything else (positive) stops the scan (say, its
 * output can no longer be written), and pc_scan_run returns that value. */
typedef int (*pc_scan_item_fn)(void *ctx, const struct pc_scan_item *item);
typedef void (*pc_scan_progress_fn)(void *ctx, const struct pc_scan_progress *progress);

/*
 * How to scan: make them with PC_SCAN_OPTIONS_INIT, then set what
 * differs. NULL means the defaults: one worker per core, the staff view,
 * text records, no contact sheet, no audit log, no callbacks.
 */
#define PC_SCAN_OPTIONS_VERSION PC__OPTIONS_VERSION(2, 2)
struct pc_scan_options {
	unsigned version;                    /* PC_SCAN_OPTIONS_VERSION */
	unsigned jobs;                       /* worker threads; 0: one per core */
	enum pc_view view;
	enum pc_scan_format format;
	const char *html;                    /* write the contact sheet here; NULL: none */
	const struct pc_read_options *read;  /* NULL: the snapshot's
	                                        (pc_snapshot_read_options) */
	/* The audit log to write the scan to, a store opened for writing
	 * (NULL: none; never in the parent view): a row for each photo
	 * judged, and one for the scan, all in one transaction once the last
	 * photo is judged. Until then the rows wait in an unlinked temporary
	 * file in $TMPDIR (else /tmp), and the database is not touched: used
	 * on the caller's thread only, at the end. A scan that stops before
	 * its end logs nothing. */
	pc_store *log;
	const char *log_by;                  /* who scans, as the log names them */
	/* Called for each photo and each thing passed over (NULL: not
	 * called), and about five times a second and once at the end (NULL:
	 * not called), both on the caller's thread, with `ctx`. */
	pc_scan_item_fn on_item;
	pc_scan_progress_fn on_progress;
	void *ctx;
	/* The contact sheet's mode, permission bits (at most 0777); 0: 0600,
	 * the owner's alone, since it names children. */
	unsigned html_mode;
};
#define PC_SCAN_OPTIONS_INIT \
	{ PC_SCAN_OPTIONS_VERSION, 0, PC_VIEW_STAFF, PC_SCAN_TEXT, NULL, NULL, NULL, NULL, \
	  NULL, NULL, NULL, 0 }

/* The pupil who blocks most photos (staff view only). */
struct pc_scan_blocker {
	const char *pupil_id;
	const char *name;        /* "Forename Surname" */
	const char *class_name;  /* NULL when none */
	size_t photos;
};

/* What a scan came to: opaque, read through the accessors below, so that
 * what it holds can grow without changing a caller's layout. */
typedef struct pc_scan_summary pc_scan_summary;

#define PC_SCAN_BLOCKERS 10

/* The counts of a summary. Values are only ever added at the end. */
enum pc_scan_count {
	/* Photos judged: share + review + do-not-share + unreadable (which
	 * are counted there and not by their verdict). */
	PC_SCAN_PHOTOS = 0,
	PC_SCAN_SHARE = 1,
	PC_SCAN_REVIEW = 2,
	PC_SCAN_DO_NOT_SHARE = 3,
	PC_SCAN_UNREADABLE = 4,
	/* Things passed over, of every kind (pc_scan_summary_skipped gives
	 * them by kind). */
	PC_SCAN_SKIPPED = 5,
	/* Things passed over that may hold photos nobody judged: folders
	 * that could not be read or were too deep, pictures in formats that
	 * are not read. */
	PC_SCAN_UNJUDGED = 6
};

/*
 * Judges every photo under `roots` (folders, or files) against `snapshot`,
 * calling back as `opts` says (NULL: the defaults). With `opts->html`, the
 * contact sheet is written there (whole, or not at all) when the walk is
 * over.
 *
 * On success *out is the summary, the caller's (pc_scan_summary_free).
 * Returns 0; the callback's positive value when it stopped the scan (no
 * summary, no contact sheet); or a negative code with `err` saying why:
 * PC_EOPEN when the contact sheet, or the temporary file of the audit
 * log's rows, cannot be written; PC_ENOMEM; PC_ERROR when no thread could
 * be started; PC_EINVALID for a NULL `out` or `snapshot`, or NULL `roots`
 * with a count; PC_EVERSION for options not made with
 * PC_SCAN_OPTIONS_INIT. When every photo was judged but `opts->log` could
 * not be written, *out is the summary all the same, and the store's code
 * is returned (PC_EBUSY when another writer held the database past its
 * busy timeout, PC_EREADONLY, PC_ERROR, ...), with `err` saying why: the
 * one negative return that hands back an object.
 */
PC_EXTERN int pc_scan_run(pc_scan_summary **out, const pc_snapshot *snapshot,
                          const char *const *roots, size_t root_count,
                          const struct pc_scan_options *opts, struct pc_error *err);

PC_EXTERN void pc_scan_summary_free(pc_scan_summary *summary);

/* What the summary says; each string lives as long as the summary. */
PC_EXTERN const char *pc_scan_summary_purpose(const pc_scan_summary *summary);
/* The purpose's policy sentence, which a denial quotes (NULL: none): the
 * text records leave it out, the summary says it once. */
PC_EXTERN const char *pc_scan_summary_policy(const pc_scan_summary *summary);
/* The date judged as of, "YYYY-MM-DD". */
PC_EXTERN const char *pc_scan_summary_date(const pc_scan_summary *summary);
PC_EXTERN enum pc_view pc_scan_summary_view(const pc_scan_summary *summary);
/* A count (0 for a value this library does not know). */
PC_EXTERN size_t pc_scan_summary_count(const pc_scan_summary *summary, enum pc_scan_count what);
/* Things passed over of one kind (0 for a kind this library does not know). */
PC_EXTERN size_t pc_scan_summary_skipped(const pc_scan_summary *summary, enum pc_scan_skip kind);
/* The verdict that decides the exit status: do-not-share when any photo
 * was, else review when any was (or was unreadable), or when no photo was
 * judged at all, or when anything was unjudged; else share. A scan never
 * says "share" about photos it did not look at. */
PC_EXTERN enum pc_verdict_kind pc_scan_summary_worst(const pc_scan_summary *summary);
/* How long the scan took. */
PC_EXTERN double pc_scan_summary_seconds(const pc_scan_summary *summary);
/* The pupils who block most photos, most first, at most PC_SCAN_BLOCKERS;
 * none in the parent view. Each lives as long as the summary; NULL past
 * the end. */
PC_EXTERN size_t pc_scan_summary_blocker_count(const pc_scan_summary *summary);
PC_EXTERN const struct pc_scan_blocker *pc_scan_summary_blocker(const pc_scan_summary *summary,
                                                                size_t i);

/* The start of the CSV for `view`: a UTF-8 byte order mark (so that
 * Excel reads the file as UTF-8), then the header row and its newline. */
PC_EXTERN const char *pc_scan_csv_header(enum pc_view view);

/*
 * The summary as a table for a person: the counts, then (staff view) the
 * pupils who block most photos. *out is the caller's (pc_free). 0;
 * PC_ENOMEM; PC_EINVALID for a NULL argument (*out NULL). The text holds
 * no terminal escapes; a terminal may colour the rows of the three
 * verdicts, which are the table's first lines to begin with two spaces
 * and then the verdict's label (pc_verdict_kind_label) in lower case,
 * padded with spaces to PC_SCAN_SUMMARY_LABEL_WIDTH characters.
 */
#define PC_SCAN_SUMMARY_LABEL_WIDTH 13
PC_EXTERN int pc_report_scan_summary(char **out, const pc_scan_summary *summary);

#ifdef __cplusplus
}
#endif

#endif
