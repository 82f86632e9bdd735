/*
 * policy.c: the verdict: runs the stages over one photo, combines what
 * they found into share, review or do-not-share, and hands it out.
 *
 * An always-denied purpose is decided before anything in the photo is
 * looked at (PRODUCT.md: an unreadable photo is still do-not-share for
 * it). The stages still run, so that the verdict lists who is pictured,
 * but nothing they find is kept: a list of refusals under a purpose that
 * no consent can allow would only distract from the one reason that
 * matters.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "judge/policy_internal.h"
#include "store/store_internal.h"

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

const char *pc__judge_policy(const struct pc__judge *j)
{
	return j->purpose->policy ? j->purpose->policy : "";
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

/* A photo that could not be read whole may name people the verdict never
 * saw: it is never shared on what was read. */
static int judge_reading(struct pc__judge *j)
{
	int ret = PC_ERROR;
	struct pc__buf errors;
	const char *what;

	pc__buf_init(&errors, 0);
	switch (pc_photo_status(j->photo)) {
	case PC_PHOTO_OK:
		ret = 0;
		goto done;
	case PC_PHOTO_DAMAGED:
		what = "some of the photo's metadata is damaged, so it may name people not "
		       "listed here";
		break;
	case PC_PHOTO_UNREADABLE:
		what = "the file is not a readable JPEG";
		break;
	default:
		what = "the file could not be opened";
		break;
	}
	for (size_t i = 0; i < pc_photo_error_count(j->photo); i++) {
		if ((i && pc__buf_puts(&errors, "; ")) ||
		    pc__buf_puts(&errors, pc_photo_error(j->photo, i)))
			goto done;
	}
	ret = pc__verdict_add(j->v, PC__RANK_UNREADABLE, 0, "unreadable",
	                      "the photo's details could not be read", "%s%s%s", what,
	                      errors.len ? ": " : "", errors.len ? errors.data : "");
done:
	pc__buf_release(&errors);
	return ret;
}

static int judge_gps(struct pc__judge *j)
{
	if (!pc_photo_has_gps(j->photo))
		return 0;
	return pc__verdict_add(j->v, PC__RANK_GPS, 0, "gps",
	                       "the photo records where it was taken",
	                       "the photo carries a GPS position: anyone who gets the file can "
	                       "see where it was taken");
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

int pc_snapshot_judge(pc_verdict **out, const pc_snapshot *snap, const pc_photo *photo)
{
	int ret = PC_ERROR;
	struct pc_verdict *v = NULL;
	struct pc__judge j;

	*out = NULL;
	if (!snap || !photo)
		goto done;
	v = calloc(1, sizeof(*v));
	if (!v)
		goto done;
	memcpy(v->date, snap->date, sizeof(v->date));
	j = (struct pc__judge){ snap, photo, snap->purpose, v->date, v };
	v->file = pc__verdict_strdup(v, pc_photo_path(photo) ? pc_photo_path(photo) : "");
	v->purpose = pc__verdict_strdup(v, j.purpose->id);
	if (!v->file || !v->purpose)
		goto done;
	if (j.purpose->always_deny &&
	    (ret = pc__verdict_add(v, PC__RANK_ALWAYS_DENIED, 1, "always-denied",
	                           "this use of photos is never allowed",
	                           "photos are never shared for %s: %s", j.purpose->description,
	                           pc__judge_policy(&j))))
		goto done;
	if ((ret = pc__policy_event(&j)) || (ret = pc__policy_people(&j)) ||
	    (ret = pc__policy_names(&j)) ||
	    (ret = judge_reading(&j)) || (ret = judge_gps(&j)) ||
	    (ret = pc__verdict_combine(v, j.purpose->always_deny)))
		goto done;
	*out = v;
	v = NULL;
	ret = 0;
done:
	pc_verdict_free(v);
	return ret;
}

/* One photo: a snapshot of its own. A caller judging many photos loads
 * one snapshot and judges them all against it. */
int pc_policy_judge(pc_verdict **out, pc_store *store, const pc_photo *photo,
                    const char *purpose_id, const char *date)
{
	pc_snapshot *snap = NULL;
	*out = NULL;
	if (!store || !photo)
		return PC_ERROR;
	int ret = pc_snapshot_load(&snap, store, purpose_id, date);
	if (ret == 0 && (ret = pc_snapshot_judge(out, snap, photo)))
		ret = pc__store_fail(store, ret, "out of memory");
	pc_snapshot_free(snap);
	return ret;
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
