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

/* The format of the record the scan writes for each photo. */
enum pc_scan_format {
	PC_SCAN_TEXT = 0, /* "verdict  path: reasons", a line */
	PC_SCAN_JSON = 1, /* the JSON line of check --json (PRODUCT.md) */
	PC_SCAN_CSV = 2   /* a CSV row; pc_scan_csv_header gives the header */
};

/* What a scan met that is not a judged photo. */
enum pc_scan_skip {
	PC_SCAN_NOT_JPEG = 0,    /* a file that is not a JPEG */
	PC_SCAN_SPECIAL = 1,     /* a FIFO, socket or device: never opened */
	PC_SCAN_LOOP = 2,        /* a link back to a folder being walked */
	PC_SCAN_BROKEN_LINK = 3, /* a symbolic link to nothing */
	PC_SCAN_NO_FOLDER = 4,   /* a folder that cannot be opened or read */
	PC_SCAN_TOO_DEEP = 5,    /* a folder nested beyond the depth limit, or a
	                            path too long to open */
	PC_SCAN_OTHER_IMAGE = 6, /* a picture in a format that is not read
	                            (PNG, HEIC, WebP, ...): a photo not judged */
	PC_SCAN_SKIP_KINDS = 7
};

/* "not-jpeg", "special-file", "symlink-loop", "broken-link",
 * "unreadable-folder", "too-deep", "unreadable-image". */
PC_EXTERN const char *pc_scan_skip_name(enum pc_scan_skip kind);

struct pc_scan_options {
	unsigned jobs;                       /* worker threads; 0: one per core */
	enum pc_view view;
	enum pc_scan_format format;
	int color;                           /* colour the text records */
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
};

/* One photo judged, or one thing passed over. Valid during the callback. */
struct pc_scan_item {
	const char *path;
	const pc_verdict *verdict; /* NULL when skipped */
	const char *record;        /* the formatted record, with its newline;
	                              NULL when skipped */
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

/* The pupil who blocks most photos (staff view only). */
struct pc_scan_blocker {
	const char *pupil_id;
	const char *name;        /* "Forename Surname" */
	const char *class_name;  /* NULL when none */
	size_t photos;
};

struct pc_scan_summary {
	const char *purpose;
	/* The purpose's policy sentence, which a denial quotes (NULL: none):
	 * the text records leave it out, the summary says it once. */
	const char *policy;
	char date[11];
	enum pc_view view;
	/* Photos judged: share + review + do_not_share + unreadable (which
	 * are counted there and not by their verdict). */
	size_t photos;
	size_t share, review, do_not_share, unreadable;
	/* Things passed over, by kind, and their sum. */
	size_t skipped;
	size_t skipped_by_kind[PC_SCAN_SKIP_KINDS];
	/* Things passed over that may hold photos nobody judged: folders
	 * that could not be read or were too deep, pictures in formats that
	 * are not read. */
	size_t unjudged;
	/* The verdict that decides the exit status: do-not-share when any
	 * photo was, else review when any was (or was unreadable), or when no
	 * photo was judged at all, or when anything was unjudged; else share.
	 * A scan never says "share" about photos it did not look at. */
	enum pc_verdict_kind worst;
	double seconds;
	/* Most photos first, at most PC_SCAN_BLOCKERS; none in the parent
	 * view. */
	size_t blocker_count;
	const struct pc_scan_blocker *blockers;
	void *priv;
};

#define PC_SCAN_BLOCKERS 10

/* Returns 0 to go on; anything else stops the scan (say, its output can
 * no longer be written), and pc_scan_run returns that value. */
typedef int (*pc_scan_item_fn)(void *ctx, const struct pc_scan_item *item);
typedef void (*pc_scan_progress_fn)(void *ctx, const struct pc_scan_progress *progress);

/*
 * Judges every photo under `roots` (folders, or files) against `snapshot`.
 * `on_item` is called for each photo and each thing passed over;
 * `on_progress` (may be NULL) about five times a second, and once at the
 * end; both on the caller's thread. With `opts->html`, the contact sheet is
 * written there (whole, or not at all) when the walk is over.
 *
 * On success *out is the summary, the caller's (pc_scan_summary_free).
 * Returns 0; the callback's non-zero value when it stopped the scan (no
 * summary, no contact sheet); PC_EOPEN when the contact sheet, or the
 * temporary file of the audit log's rows, cannot be written; PC_ERROR for
 * anything else (out of memory, no thread). When every photo was judged
 * but `opts->log` could not be written, *out is the summary all the same,
 * and the store's code is returned (PC_EBUSY when another writer held the
 * database past its busy timeout, PC_EREADONLY, PC_ERROR, ...). On an
 * error, *error (when `error` is not NULL) is a message for a person that
 * the caller frees with pc_free.
 */
PC_EXTERN int pc_scan_run(struct pc_scan_summary **out, char **error,
                          const pc_snapshot *snapshot, const char *const *roots,
                          size_t root_count, const struct pc_scan_options *opts,
                          pc_scan_item_fn on_item, pc_scan_progress_fn on_progress,
                          void *ctx);

PC_EXTERN void pc_scan_summary_free(struct pc_scan_summary *summary);

/* The start of the CSV for `view`: a UTF-8 byte order mark (so that
 * Excel reads the file as UTF-8), then the header row and its newline. */
PC_EXTERN const char *pc_scan_csv_header(enum pc_view view);

/*
 * The summary as a table for a person: the counts, then (staff view) the
 * pupils who block most photos. *out is the caller's (pc_free). 0 or
 * PC_ERROR.
 */
PC_EXTERN int pc_report_scan_summary(char **out, const struct pc_scan_summary *summary,
                                     int color);

#ifdef __cplusplus
}
#endif

#endif
