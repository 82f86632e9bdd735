/*
 * policy_event.c: which school events the photo shows, and whether any
 * of them forbids the purpose.
 *
 * By what names an event, first: the photo's Iptc4xmpExt:Event values,
 * the leaves of its Events keywords, any part of any keyword ("School
 * Events|Nativity Play 2025" names it as surely as "Events|..."), and the
 * folders the photo is filed in ("Photos/Nativity Play 2025/IMG_1.jpg");
 * each compared folded (as names are) with every event's id, name and
 * tags. Failing all of them, by the days the photo says it was taken:
 * every event whose range holds one of them, both ends included; a date
 * given only to the month or the year reaches every event in it.
 *
 * Every event found counts: when several match (two tags, or a day two
 * events share), the restrictions of all of them apply and a warning names
 * them. Dropping one would publish a photo that one of them forbids.
 *
 * Every Event tag that names no event is a warning, even when another tag
 * found one: someone meant an event the database does not know.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "read/people.h"
#include "judge/stage.h"
#include "base/text.h"
#include "store/store_internal.h"

/* The most events one photo is found in that the verdict lists: far past
 * any real one, a bound on what a hostile photo can make the judge do.
 * Events past it are not listed, but each is still checked for a denial:
 * one of them may forbid the purpose. */
#define MAX_FOUND 64

struct found {
	struct pc__judge *j;
	size_t events[MAX_FOUND];
	const char *by[MAX_FOUND]; /* literals */
	size_t count;
	size_t unlisted;           /* found past MAX_FOUND (may count one twice) */
	int unlisted_denies;       /* whether one of those denies the purpose */
	size_t unlisted_denial;    /* the first of them that does */
};

static int denies(const struct pc__judge *j, const struct pc_event *ev)
{
	for (size_t d = 0; d < ev->denied_count; d++)
		if (!strcmp(ev->denied[d], j->purpose->id))
			return 1;
	return 0;
}

static int found_add(struct found *f, size_t event, const char *by)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->events[i] == event)
			return 0;
	if (f->count == MAX_FOUND) {
		f->unlisted++;
		if (!f->unlisted_denies && denies(f->j, &f->j->snap->events->items[event])) {
			f->unlisted_denies = 1;
			f->unlisted_denial = event;
		}
		return 0;
	}
	f->events[f->count] = event;
	f->by[f->count++] = by;
	return 0;
}

/* Every event `text` names; 1 when some, 0 none, -1 out of memory. */
static int named(struct found *f, const char *text, const char *by)
{
	size_t k;
	int hit = pc__snapshot_event(f->j->snap, text, &k);
	if (hit <= 0)
		return hit;
	for (; k != SIZE_MAX; k = f->j->snap->event_keys[k].next)
		found_add(f, f->j->snap->event_keys[k].event, by);
	return 1;
}

static int keyword_part(void *ctx, const char *part)
{
	return named(ctx, part, "keyword") < 0 ? -1 : 0;
}

/* The folders of the photo's absolute path (else of its path as given),
 * each as a name. */
static int by_folders(struct found *f)
{
	const char *path = pc_photo_absolute_path(f->j->photo);
	if (!path)
		path = pc_photo_path(f->j->photo);
	if (!path)
		return 0;
	const char *end = strrchr(path, '/');
	for (const char *p = path; end && p < end;) {
		while (p < end && *p == '/')
			p++;
		size_t n = strcspn(p, "/");
		if (p + n > end)
			n = (size_t)(end - p);
		if (n) {
			/* A path is bytes; a name is UTF-8. */
			char *name = pc__text_from_utf8(p, n);
			int hit = name ? named(f, name, "folder") : -1;
			free(name);
			if (hit < 0)
				return -1;
		}
		p += n;
	}
	return 0;
}

/* Every event holding a day the photo gives, as a range of days:
 * "2025-12-10", "2025-12" (the month), "2025" (the year). */
static void by_dates(struct found *f)
{
	const struct pc_event_list *events = f->j->snap->events;
	for (size_t i = 0; i < pc_photo_date_count(f->j->photo); i++) {
		const char *d = pc_photo_date(f->j->photo, i);
		size_t len = strlen(d);
		char from[11], to[11];
		if (len >= 10) {
			memcpy(from, d, 10);
			from[10] = '\0';
			memcpy(to, from, 11);
		} else if (len == 7) {
			memcpy(from, d, 7);
			memcpy(from + 7, "-01", 4);
			memcpy(to, d, 7);
			memcpy(to + 7, "-31", 4);
		} else if (len == 4) {
			memcpy(from, d, 4);
			memcpy(from + 4, "-01-01", 7);
			memcpy(to, d, 4);
			memcpy(to + 4, "-12-31", 7);
		} else {
			continue;
		}
		for (size_t e = 0; e < events->count; e++) {
			const struct pc_event *ev = &events->items[e];
			if (strcmp(ev->starts_on, to) <= 0 && strcmp(from, ev->ends_on) <= 0)
				found_add(f, e, "date");
		}
	}
}

/* The Event tags and Events keywords: each names an event, or is a
 * warning. */
static int by_event_tags(struct found *f)
{
	struct pc__judge *j = f->j;
	const pc_photo *photo = j->photo;
	static const char *const sources[] = { "xmp-event", "keyword" };
	for (size_t s = 0; s < sizeof(sources) / sizeof(sources[0]); s++) {
		for (size_t i = 0; i < pc_photo_event_count(photo); i++) {
			const char *tag = pc_photo_event(photo, i);
			const char *source = pc_photo_event_source(photo, i);
			if (!source || strcmp(source, sources[s]))
				continue;
			int hit = named(f, tag, sources[s]);
			if (hit < 0)
				return PC_ENOMEM;
			if (!hit &&
			    pc__verdict_add(j->v, PC__RANK_UNKNOWN_EVENT, 0, "unknown-event",
			                    "the photo's event is not known to the school",
			                    "the Event tag '%s' matches no event in the database: "
			                    "add the event, or correct the tag", tag))
				return PC_ENOMEM;
		}
	}
	return 0;
}

static int keep_events(struct found *f)
{
	struct pc__judge *j = f->j;
	struct pc_verdict *v = j->v;
	v->events = pc__verdict_calloc(v, f->count, sizeof(*v->events));
	if (!v->events)
		return PC_ENOMEM;
	for (size_t i = 0; i < f->count; i++) {
		const struct pc_event *ev = &j->snap->events->items[f->events[i]];
		struct pc_verdict_event *out = &v->events[v->event_count++];
		out->id = pc__verdict_strdup(v, ev->id);
		out->name = pc__verdict_strdup(v, ev->name);
		out->matched_by = f->by[i];
		if (!out->id || !out->name)
			return PC_ENOMEM;
	}
	v->event_id = v->events[0].id;
	v->event_name = v->events[0].name;
	v->event_matched_by = v->events[0].matched_by;
	return 0;
}

static int report_several(struct found *f)
{
	int ret = PC_ENOMEM;
	struct pc__buf list;
	pc__buf_init(&list, 0);
	for (size_t i = 0; i < f->count; i++) {
		const struct pc_verdict_event *e = &f->j->v->events[i];
		if (pc__buf_printf(&list, "%s'%s' (by %s)", i ? ", " : "", e->name,
		                   !strcmp(e->matched_by, "xmp-event") ? "its Event tag"
		                   : !strcmp(e->matched_by, "date") ? "the date taken"
		                                                   : e->matched_by))
			goto done;
	}
	ret = f->unlisted
		? pc__verdict_add(f->j->v, PC__RANK_SEVERAL_EVENTS, 0, "several-events",
		                  "the photo matches several school events",
		                  "the photo matches more than %d events: %s, and more not listed; "
		                  "the restrictions of each apply",
		                  MAX_FOUND, list.data)
		: pc__verdict_add(f->j->v, PC__RANK_SEVERAL_EVENTS, 0, "several-events",
		                  "the photo matches several school events",
		                  "the photo matches %zu events: %s; the restrictions of each apply",
		                  f->count, list.data);
done:
	pc__buf_release(&list);
	return ret;
}

/* A denial by an event quotes the event's own reason. */
static int report_denial(struct pc__judge *j, const struct pc_event *ev)
{
	if (!denies(j, ev))
		return 0;
	int err = ev->note
		? pc__verdict_add(j->v, PC__RANK_EVENT_DENIES, 1, "event-denies",
		                  "the event does not allow this use",
		                  "the event '%s' does not allow photos for %s: %s",
		                  ev->name, j->purpose->description, ev->note)
		: pc__verdict_add(j->v, PC__RANK_EVENT_DENIES, 1, "event-denies",
		                  "the event does not allow this use",
		                  "the event '%s' does not allow photos for %s",
		                  ev->name, j->purpose->description);
	return err ? PC_ENOMEM : 0;
}

static int report_denials(struct found *f)
{
	struct pc__judge *j = f->j;
	for (size_t i = 0; i < f->count; i++)
		if (report_denial(j, &j->snap->events->items[f->events[i]]))
			return PC_ENOMEM;
	if (f->unlisted_denies &&
	    report_denial(j, &j->snap->events->items[f->unlisted_denial]))
		return PC_ENOMEM;
	return 0;
}

int pc__policy_event(struct pc__judge *j)
{
	struct found f;
	memset(&f, 0, sizeof(f));
	f.j = j;
	const pc_photo *photo = j->photo;

	if (by_event_tags(&f))
		return PC_ENOMEM;
	for (size_t i = 0; i < pc_photo_keyword_count(photo); i++)
		if (pc__keyword_parts(pc_photo_keyword(photo, i), keyword_part, &f))
			return PC_ENOMEM;
	if (by_folders(&f))
		return PC_ENOMEM;
	if (!f.count)
		by_dates(&f);
	if (!f.count)
		return 0;
	if (keep_events(&f) || (f.count > 1 && report_several(&f)) || report_denials(&f))
		return PC_ENOMEM;
	return 0;
}
