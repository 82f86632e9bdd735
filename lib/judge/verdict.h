/*
 * verdict.h: a verdict as it is built and owned (verdict.c). The judge
 * makes one per photo (pc__verdict_new), its stages add findings and
 * persons to it, and the judge combines it once they are done; the caller
 * reads it through policy.h's accessors and frees it with pc_verdict_free.
 *
 * Invariants:
 * - Every finding (a reason or a warning) carries a rank. The verdict lists
 *   its reasons, then its warnings, by rank, and within a rank in the order
 *   they were added; so the order is stable whatever order the stages run
 *   in, and the people's reasons keep the photo's order.
 * - The verdict, every string it hands out and its lists of events,
 *   reasons and warnings are in one arena (the library's, pc__arena_*),
 *   freed with it in one call; the rest is a string literal. Nothing added
 *   points into the photo or into a list from the store, which the caller
 *   may free first. Only the persons and the findings, which grow while
 *   judging, are arrays of their own.
 * - Building fails only by running out of memory (PC_ENOMEM, or NULL); a
 *   half-built verdict is freed as a whole one is.
 * - verdict.c calls nothing in the judge or its stages: it is the leaf
 *   they all add to.
 */
#ifndef PC_VERDICT_H
#define PC_VERDICT_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"

/* Reasons first, in the order PRODUCT.md's verdict reads best (what the
 * school decided, then each pictured child in photo order, then the
 * doubts), then warnings. */
enum pc__rank {
	PC__RANK_ALWAYS_DENIED,
	PC__RANK_EVENT_DENIES,
	PC__RANK_PERSON,          /* no-photo, pupil-left, consent-* */
	PC__RANK_NO_PHOTO_NAMED,
	PC__RANK_NO_NAME_NAMED,
	PC__RANK_AMBIGUOUS,
	PC__RANK_UNKNOWN_PERSON,
	PC__RANK_NAMED_NOT_TAGGED,
	PC__RANK_UNNAMED_FACE,
	PC__RANK_UNTAGGED,
	PC__RANK_UNREADABLE,
	PC__RANK_FIRST_WARNING,
	PC__RANK_CONSENT_EXPIRING = PC__RANK_FIRST_WARNING,
	PC__RANK_UNKNOWN_EVENT,
	PC__RANK_SEVERAL_EVENTS,
	PC__RANK_NAME_IN_CAPTION,
	PC__RANK_NAME_IN_FILENAME,
	PC__RANK_NAMES_IN_METADATA,
	PC__RANK_GPS,
	PC__RANK_COUNT
};

struct pc__finding {
	struct pc_reason r; /* first: what the accessors hand out */
	enum pc__rank rank;
	int blocks;         /* a reason that makes the photo do-not-share */
};

struct pc_verdict {
	enum pc_verdict_kind kind;
	const char *file;
	const char *purpose;
	char date[11];
	const char *event_id;          /* NULL when no event was found */
	const char *event_name;
	const char *event_matched_by;  /* a literal */
	struct pc_verdict_event *events; /* every one matched, the first above */
	size_t event_count;

	struct pc_judged_person *persons;
	size_t person_count, person_alloc;
	size_t children, blocking;

	/* While judging, every finding in the order added; once combined,
	 * the reasons and the warnings, each by rank. */
	struct pc__finding *findings;
	size_t finding_count, finding_alloc;
	struct pc__finding *reasons, *warnings;
	size_t reason_count, warning_count;

	/* The verdict itself, its strings, events, reasons and warnings. */
	struct pc__arena *arena;
};

/* A new verdict on the photo at `file` for the purpose `purpose` on
 * `date` ("YYYY-MM-DD"), with nothing found yet (each string copied); NULL
 * when out of memory. Free it with pc_verdict_free. */
struct pc_verdict *pc__verdict_new(const char *file, const char *purpose, const char *date);

/* A copy of `s` (not NULL) that lives as long as the verdict; NULL when
 * out of memory. */
const char *pc__verdict_strdup(struct pc_verdict *v, const char *s);
/* A string formatted from `fmt` that lives as long as the verdict; NULL
 * when out of memory. */
const char *pc__verdict_printf(struct pc_verdict *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* `n` zeroed items of `size` bytes that live as long as the verdict; NULL
 * when out of memory. */
void *pc__verdict_calloc(struct pc_verdict *v, size_t n, size_t size);

/*
 * Adds a finding of `rank` with `code` and `parent` (string literals) and
 * a staff message formatted from `fmt`. `blocks` only means something for
 * a reason. 0, or PC_ENOMEM when out of memory.
 */
int pc__verdict_add(struct pc_verdict *v, enum pc__rank rank, int blocks, const char *code,
                    const char *parent, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* A new zeroed person at the end of the verdict's list, its index in *at;
 * NULL when out of memory. The pointer lasts until the next one is added. */
struct pc_judged_person *pc__verdict_person_new(struct pc_verdict *v, size_t *at);

/* Orders the findings by rank into reasons and warnings, and decides the
 * kind and the children counted. With `always_deny` (the purpose is never
 * allowed) only the always-denied reason is kept. 0, or PC_ENOMEM when out
 * of memory. */
int pc__verdict_combine(struct pc_verdict *v, int always_deny);

#endif
