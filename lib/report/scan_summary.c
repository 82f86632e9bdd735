/* The accessors of a scan's summary (scan.h, scan_summary.h). */
#include <stdlib.h>

#include "report/scan_summary.h"

void pc_scan_summary_free(pc_scan_summary *sum)
{
	if (!sum)
		return;
	for (size_t i = 0; sum->owned && i < sum->blocker_count; i++) {
		free((char *)sum->owned[i].pupil_id);
		free((char *)sum->owned[i].name);
		free((char *)sum->owned[i].class_name);
	}
	free(sum->owned);
	free((char *)sum->purpose);
	free((char *)sum->policy);
	free(sum);
}

const char *pc_scan_summary_purpose(const pc_scan_summary *sum)
{
	return sum ? sum->purpose : NULL;
}

const char *pc_scan_summary_policy(const pc_scan_summary *sum)
{
	return sum ? sum->policy : NULL;
}

const char *pc_scan_summary_date(const pc_scan_summary *sum)
{
	return sum ? sum->date : NULL;
}

enum pc_view pc_scan_summary_view(const pc_scan_summary *sum)
{
	return sum ? sum->view : PC_VIEW_STAFF;
}

size_t pc_scan_summary_count(const pc_scan_summary *sum, enum pc_scan_count what)
{
	if (!sum)
		return 0;
	switch (what) {
	case PC_SCAN_PHOTOS: return sum->photos;
	case PC_SCAN_SHARE: return sum->share;
	case PC_SCAN_REVIEW: return sum->review;
	case PC_SCAN_DO_NOT_SHARE: return sum->do_not_share;
	case PC_SCAN_UNREADABLE: return sum->unreadable;
	case PC_SCAN_SKIPPED: return sum->skipped;
	case PC_SCAN_UNJUDGED: return sum->unjudged;
	default: return 0;
	}
}

size_t pc_scan_summary_skipped(const pc_scan_summary *sum, enum pc_scan_skip kind)
{
	return sum && (unsigned)kind < PC__SCAN_SKIP_KINDS ? sum->skipped_by_kind[kind] : 0;
}

enum pc_verdict_kind pc_scan_summary_worst(const pc_scan_summary *sum)
{
	/* Nothing to go by is not a yes. */
	return sum ? sum->worst : PC_VERDICT_REVIEW;
}

double pc_scan_summary_seconds(const pc_scan_summary *sum)
{
	return sum ? sum->seconds : 0;
}

size_t pc_scan_summary_blocker_count(const pc_scan_summary *sum)
{
	return sum && sum->blockers ? sum->blocker_count : 0;
}

const struct pc_scan_blocker *pc_scan_summary_blocker(const pc_scan_summary *sum, size_t i)
{
	return i < pc_scan_summary_blocker_count(sum) ? &sum->blockers[i] : NULL;
}
