/*
 * scan_summary.h: the object behind the public pc_scan_summary handle.
 * The scan (lib/scan) fills it; the reports here read it, and callers
 * through the accessors of scan.h, so that a field added here changes no
 * caller's layout.
 *
 * Invariants:
 * - photos = share + review + do_not_share + unreadable; skipped is the
 *   sum of skipped_by_kind.
 * - The strings and `owned` are the summary's, freed by
 *   pc_scan_summary_free; `blockers` points at `owned` (or, in a test,
 *   at the test's own array, with `owned` NULL).
 */
#ifndef PC_REPORT_SCAN_SUMMARY_H
#define PC_REPORT_SCAN_SUMMARY_H

#include "photoconsent/photoconsent.h"

/* How many kinds enum pc_scan_skip has: the library's own count, so that
 * a new kind changes no public layout. */
#define PC__SCAN_SKIP_KINDS 7

struct pc_scan_summary {
	const char *purpose;
	const char *policy;        /* NULL: none */
	char date[11];
	enum pc_view view;
	size_t photos;
	size_t share, review, do_not_share, unreadable;
	size_t skipped;
	size_t skipped_by_kind[PC__SCAN_SKIP_KINDS];
	size_t unjudged;
	enum pc_verdict_kind worst;
	double seconds;
	size_t blocker_count;
	const struct pc_scan_blocker *blockers;
	struct pc_scan_blocker *owned;
};

#endif
