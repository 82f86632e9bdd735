/*
 * verdict.h: a verdict as it is built and owned (verdict.c).
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
	struct pc__finding *found;
	size_t found_count, found_alloc;
	struct pc__finding *reasons, *warnings;
	size_t reason_count, warning_count;

	char **pool;
	size_t pool_count, pool_alloc;
};

/* Takes `s` into the verdict's pool and returns it; NULL when `s` is NULL
 * or when out of memory (then `s` is freed). */
const char *pc__verdict_keep(struct pc_verdict *v, char *s);
/* A copy of `s` in the pool; NULL when out of memory. */
const char *pc__verdict_strdup(struct pc_verdict *v, const char *s);

/*
 * Adds a finding of `rank` with `code` and `parent` (string literals) and
 * a staff message formatted from `fmt`. `blocks` only means something for
 * a reason. 0, or PC_ERROR when out of memory.
 */
int pc__verdict_add(struct pc_verdict *v, enum pc__rank rank, int blocks, const char *code,
                    const char *parent, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* A new zeroed person at the end of the verdict's list, its index in *at;
 * NULL when out of memory. The pointer lasts until the next one is added. */
struct pc_judged_person *pc__verdict_person_new(struct pc_verdict *v, size_t *at);

/* Orders the findings by rank into reasons and warnings, and decides the
 * kind and the children counted. With `always_deny` (the purpose is never
 * allowed) only the always-denied reason is kept. 0, or PC_ERROR when out
 * of memory. */
int pc__verdict_combine(struct pc_verdict *v, int always_deny);

#endif
