/*
 * verdict.c: building a verdict and owning it: its strings, its findings
 * combined into reasons and warnings by rank, its kind, and the accessors
 * that hand it out.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "judge/verdict.h"

const char *pc_verdict_kind_name(enum pc_verdict_kind kind)
{
	switch (kind) {
	case PC_VERDICT_SHARE: return "share";
	case PC_VERDICT_DO_NOT_SHARE: return "do-not-share";
	case PC_VERDICT_REVIEW: return "review";
	default: return "unknown";
	}
}

const char *pc_person_match_name(enum pc_person_match match)
{
	switch (match) {
	case PC_PERSON_EXACT: return "exact";
	case PC_PERSON_ALIAS: return "alias";
	case PC_PERSON_AMBIGUOUS: return "ambiguous";
	case PC_PERSON_UNKNOWN: return "unknown";
	default: return "unknown";
	}
}

/* ------------------------------------------------------------ building */

const char *pc__verdict_keep(struct pc_verdict *v, char *s)
{
	if (!s)
		return NULL;
	if (v->pool_count == v->pool_alloc) {
		size_t alloc = v->pool_alloc ? v->pool_alloc * 2 : 32;
		char **pool = realloc(v->pool, alloc * sizeof(*pool));
		if (!pool) {
			free(s);
			return NULL;
		}
		v->pool = pool;
		v->pool_alloc = alloc;
	}
	v->pool[v->pool_count++] = s;
	return s;
}

const char *pc__verdict_strdup(struct pc_verdict *v, const char *s)
{
	return pc__verdict_keep(v, strdup(s));
}

int pc__verdict_add(struct pc_verdict *v, enum pc__rank rank, int blocks, const char *code,
                    const char *parent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *message = pc__verdict_keep(v, pc__vformat(fmt, ap));
	va_end(ap);
	if (!message)
		return PC_ERROR;
	if (v->found_count == v->found_alloc) {
		size_t alloc = v->found_alloc ? v->found_alloc * 2 : 16;
		struct pc__finding *found = realloc(v->found, alloc * sizeof(*found));
		if (!found)
			return PC_ERROR;
		v->found = found;
		v->found_alloc = alloc;
	}
	v->found[v->found_count++] = (struct pc__finding){ { code, message, parent }, rank,
	                                                   blocks };
	return 0;
}

struct pc_judged_person *pc__verdict_person_new(struct pc_verdict *v, size_t *at)
{
	if (v->person_count == v->person_alloc) {
		size_t alloc = v->person_alloc ? v->person_alloc * 2 : 8;
		struct pc_judged_person *persons = realloc(v->persons, alloc * sizeof(*persons));
		if (!persons)
			return NULL;
		v->persons = persons;
		v->person_alloc = alloc;
	}
	*at = v->person_count;
	struct pc_judged_person *p = &v->persons[v->person_count++];
	memset(p, 0, sizeof(*p));
	return p;
}

int pc__verdict_combine(struct pc_verdict *v, int always_deny)
{
	size_t reasons = 0, warnings = 0;

	for (size_t i = 0; i < v->found_count; i++) {
		const struct pc__finding *f = &v->found[i];
		if (always_deny && f->rank != PC__RANK_ALWAYS_DENIED)
			continue;
		if (f->rank < PC__RANK_FIRST_WARNING)
			reasons++;
		else
			warnings++;
	}
	v->reasons = malloc((reasons ? reasons : 1) * sizeof(*v->reasons));
	v->warnings = malloc((warnings ? warnings : 1) * sizeof(*v->warnings));
	if (!v->reasons || !v->warnings)
		return PC_ERROR;
	/* A handful of findings, a dozen ranks: a pass per rank keeps the
	 * order within a rank without a stable sort. */
	for (int rank = 0; rank < PC__RANK_COUNT; rank++) {
		for (size_t i = 0; i < v->found_count; i++) {
			const struct pc__finding *f = &v->found[i];
			if (f->rank != (enum pc__rank)rank ||
			    (always_deny && f->rank != PC__RANK_ALWAYS_DENIED))
				continue;
			if (f->rank < PC__RANK_FIRST_WARNING)
				v->reasons[v->reason_count++] = *f;
			else
				v->warnings[v->warning_count++] = *f;
		}
	}
	free(v->found);
	v->found = NULL;
	v->found_count = v->found_alloc = 0;

	v->kind = PC_VERDICT_SHARE;
	for (size_t i = 0; i < v->reason_count; i++) {
		if (v->reasons[i].blocks) {
			v->kind = PC_VERDICT_DO_NOT_SHARE;
			break;
		}
		v->kind = PC_VERDICT_REVIEW;
	}
	/* Children: the pupils matched, and each ambiguous tag as one child
	 * (it is some pupil, and when every candidate blocks, it blocks). */
	for (size_t i = 0; i < v->person_count; i++) {
		const struct pc_judged_person *p = &v->persons[i];
		if (p->match == PC_PERSON_UNKNOWN)
			continue;
		v->children++;
		if (p->blocks)
			v->blocking++;
	}
	return 0;
}

void pc_verdict_free(pc_verdict *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->pool_count; i++)
		free(v->pool[i]);
	free(v->pool);
	free(v->persons);
	free(v->events);
	free(v->found);
	free(v->reasons);
	free(v->warnings);
	free(v);
}

/* ----------------------------------------------------------- accessors */

enum pc_verdict_kind pc_verdict_kind(const pc_verdict *v)
{
	return v->kind;
}

const char *pc_verdict_file(const pc_verdict *v)
{
	return v->file;
}

const char *pc_verdict_purpose(const pc_verdict *v)
{
	return v->purpose;
}

const char *pc_verdict_date(const pc_verdict *v)
{
	return v->date;
}

const char *pc_verdict_event_id(const pc_verdict *v)
{
	return v->event_id;
}

const char *pc_verdict_event_name(const pc_verdict *v)
{
	return v->event_name;
}

const char *pc_verdict_event_matched_by(const pc_verdict *v)
{
	return v->event_matched_by;
}

size_t pc_verdict_event_count(const pc_verdict *v)
{
	return v->event_count;
}

const struct pc_verdict_event *pc_verdict_event(const pc_verdict *v, size_t i)
{
	return i < v->event_count ? &v->events[i] : NULL;
}

size_t pc_verdict_person_count(const pc_verdict *v)
{
	return v->person_count;
}

const struct pc_judged_person *pc_verdict_person(const pc_verdict *v, size_t i)
{
	return i < v->person_count ? &v->persons[i] : NULL;
}

size_t pc_verdict_children(const pc_verdict *v)
{
	return v->children;
}

size_t pc_verdict_blocking(const pc_verdict *v)
{
	return v->blocking;
}

size_t pc_verdict_reason_count(const pc_verdict *v)
{
	return v->reason_count;
}

const struct pc_reason *pc_verdict_reason(const pc_verdict *v, size_t i)
{
	return i < v->reason_count ? &v->reasons[i].r : NULL;
}

size_t pc_verdict_warning_count(const pc_verdict *v)
{
	return v->warning_count;
}

const struct pc_reason *pc_verdict_warning(const pc_verdict *v, size_t i)
{
	return i < v->warning_count ? &v->warnings[i].r : NULL;
}
