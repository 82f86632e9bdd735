/*
 * verdict.c: building a verdict and owning it: its strings, its findings
 * combined into reasons and warnings by rank, its kind, and the accessors
 * that hand it out.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/verdict.h"
#include "base/arena.h"

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
	case PC_PERSON_UNKNOWN:
	default: return "unknown";
	}
}

/* ------------------------------------------------------------ building */

struct pc_verdict *pc__verdict_new(const char *file, const char *purpose, const char *date)
{
	struct pc__arena *arena = pc__arena_new();
	struct pc_verdict *v = arena ? pc__arena_alloc(arena, sizeof(*v)) : NULL;
	if (!v) {
		pc__arena_free(arena);
		return NULL;
	}
	v->arena = arena;
	/* The arena's memory is zeroed: the date stays terminated. */
	memcpy(v->date, date, strnlen(date, sizeof(v->date) - 1));
	v->file = pc__verdict_strdup(v, file);
	v->purpose = pc__verdict_strdup(v, purpose);
	if (!v->file || !v->purpose) {
		pc_verdict_free(v);
		return NULL;
	}
	return v;
}

const char *pc__verdict_strdup(struct pc_verdict *v, const char *s)
{
	return pc__arena_strdup(v->arena, s);
}

void *pc__verdict_calloc(struct pc_verdict *v, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return pc__arena_alloc(v->arena, n * size);
}

/* Formats into the arena: measured first, so that the string is written
 * once where it stays. */
static const char *vformat(struct pc_verdict *v, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static const char *vformat(struct pc_verdict *v, const char *fmt, va_list ap)
{
	char *s = NULL;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0 && (s = pc__arena_alloc(v->arena, (size_t)n + 1)))
		vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

const char *pc__verdict_printf(struct pc_verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *s = vformat(v, fmt, ap);
	va_end(ap);
	return s;
}

int pc__verdict_add(struct pc_verdict *v, enum pc__rank rank, int blocks, const char *code,
                    const char *parent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *message = vformat(v, fmt, ap);
	va_end(ap);
	if (!message)
		return PC_ENOMEM;
	if (v->finding_count == v->finding_alloc) {
		size_t alloc = v->finding_alloc ? v->finding_alloc * 2 : 16;
		struct pc__finding *findings = realloc(v->findings, alloc * sizeof(*findings));
		if (!findings)
			return PC_ENOMEM;
		v->findings = findings;
		v->finding_alloc = alloc;
	}
	v->findings[v->finding_count++] = (struct pc__finding){ { code, message, parent }, rank,
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

	for (size_t i = 0; i < v->finding_count; i++) {
		const struct pc__finding *f = &v->findings[i];
		if (always_deny && f->rank != PC__RANK_ALWAYS_DENIED)
			continue;
		if (f->rank < PC__RANK_FIRST_WARNING)
			reasons++;
		else
			warnings++;
	}
	v->reasons = pc__verdict_calloc(v, reasons, sizeof(*v->reasons));
	v->warnings = pc__verdict_calloc(v, warnings, sizeof(*v->warnings));
	if (!v->reasons || !v->warnings)
		return PC_ENOMEM;
	/* A handful of findings, a dozen ranks: a pass per rank keeps the
	 * order within a rank without a stable sort. */
	for (int rank = 0; rank < PC__RANK_COUNT; rank++) {
		for (size_t i = 0; i < v->finding_count; i++) {
			const struct pc__finding *f = &v->findings[i];
			if (f->rank != (enum pc__rank)rank ||
			    (always_deny && f->rank != PC__RANK_ALWAYS_DENIED))
				continue;
			if (f->rank < PC__RANK_FIRST_WARNING)
				v->reasons[v->reason_count++] = *f;
			else
				v->warnings[v->warning_count++] = *f;
		}
	}
	free(v->findings);
	v->findings = NULL;
	v->finding_count = v->finding_alloc = 0;

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
	free(v->persons);
	free(v->findings);
	/* Last: the verdict itself is in the arena. */
	pc__arena_free(v->arena);
}

/* ----------------------------------------------------------- accessors */

/* Each takes NULL as no verdict: nothing in it, and its kind review, never
 * share, so that a caller who lost its verdict cannot read a SHARE. */

enum pc_verdict_kind pc_verdict_kind(const pc_verdict *v)
{
	return v ? v->kind : PC_VERDICT_REVIEW;
}

const char *pc_verdict_file(const pc_verdict *v)
{
	return v ? v->file : NULL;
}

const char *pc_verdict_purpose(const pc_verdict *v)
{
	return v ? v->purpose : NULL;
}

const char *pc_verdict_date(const pc_verdict *v)
{
	return v ? v->date : NULL;
}

const char *pc_verdict_event_id(const pc_verdict *v)
{
	return v ? v->event_id : NULL;
}

const char *pc_verdict_event_name(const pc_verdict *v)
{
	return v ? v->event_name : NULL;
}

const char *pc_verdict_event_matched_by(const pc_verdict *v)
{
	return v ? v->event_matched_by : NULL;
}

size_t pc_verdict_event_count(const pc_verdict *v)
{
	return v ? v->event_count : 0;
}

const struct pc_verdict_event *pc_verdict_event(const pc_verdict *v, size_t i)
{
	return v && i < v->event_count ? &v->events[i] : NULL;
}

size_t pc_verdict_person_count(const pc_verdict *v)
{
	return v ? v->person_count : 0;
}

const struct pc_judged_person *pc_verdict_person(const pc_verdict *v, size_t i)
{
	return v && i < v->person_count ? &v->persons[i] : NULL;
}

size_t pc_verdict_children(const pc_verdict *v)
{
	return v ? v->children : 0;
}

size_t pc_verdict_blocking(const pc_verdict *v)
{
	return v ? v->blocking : 0;
}

size_t pc_verdict_reason_count(const pc_verdict *v)
{
	return v ? v->reason_count : 0;
}

const struct pc_reason *pc_verdict_reason(const pc_verdict *v, size_t i)
{
	return v && i < v->reason_count ? &v->reasons[i].r : NULL;
}

size_t pc_verdict_warning_count(const pc_verdict *v)
{
	return v ? v->warning_count : 0;
}

const struct pc_reason *pc_verdict_warning(const pc_verdict *v, size_t i)
{
	return v && i < v->warning_count ? &v->warnings[i].r : NULL;
}
