/*
 * policy_event.c: which school event the photo shows, and whether that
 * event forbids the purpose.
 *
 * By tag first, in the order a tag is most deliberately an event: the
 * photo's Iptc4xmpExt:Event values, then the leaves of its Events
 * keywords, then its flat keywords; each compared folded (as names are)
 * with every event's id, name and tags. The first that names an event
 * decides. Failing that, by the capture date: the one event whose range
 * holds it, both ends included. Two events on the same day leave the event
 * unknown rather than guess: a guess would apply one event's restrictions
 * to a photo of the other.
 *
 * Every Event tag that names no event is a warning, even when another tag
 * found one: someone meant an event the database does not know.
 */
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "policy_internal.h"

/* One folded name of an event (its id, name, or a tag). */
struct event_key {
	char *folded;
	size_t event;
};

struct keys {
	struct event_key *v;
	size_t n, alloc;
};

static void keys_release(struct keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i].folded);
	free(k->v);
}

static int keys_add(struct keys *k, const char *name, size_t event)
{
	if (!name)
		return 0;
	if (k->n == k->alloc) {
		size_t alloc = k->alloc ? k->alloc * 2 : 16;
		struct event_key *v = realloc(k->v, alloc * sizeof(*v));
		if (!v)
			return -1;
		k->v = v;
		k->alloc = alloc;
	}
	char *folded = pc__fold(name);
	if (!folded)
		return -1;
	k->v[k->n++] = (struct event_key){ folded, event };
	return 0;
}

/* Keys in event order, so that the first match is the earliest event. */
static int keys_build(struct keys *k, const struct pc_event_list *events)
{
	for (size_t e = 0; e < events->count; e++) {
		const struct pc_event *ev = &events->items[e];
		if (keys_add(k, ev->id, e) || keys_add(k, ev->name, e))
			return -1;
		for (size_t t = 0; t < ev->tag_count; t++)
			if (keys_add(k, ev->tags[t], e))
				return -1;
	}
	return 0;
}

/* 1 and the event into *event when `text` names one, 0 when it names
 * none, -1 when out of memory. */
static int keys_find(const struct keys *k, const char *text, size_t *event)
{
	char *folded = pc__fold(text);
	if (!folded)
		return -1;
	int found = 0;
	for (size_t i = 0; i < k->n && !found; i++) {
		if (!strcmp(k->v[i].folded, folded)) {
			*event = k->v[i].event;
			found = 1;
		}
	}
	free(folded);
	return found;
}

/* The day the photo was taken, when its date is a full one. */
static int taken_day(const pc_photo *photo, char out[11])
{
	const char *taken = pc_photo_taken(photo);
	if (!taken || strlen(taken) < 10)
		return 0;
	memcpy(out, taken, 10);
	out[10] = '\0';
	return pc_date_valid(out);
}

/* 1 and the event into *event when exactly one holds `day`. */
static int by_date(const struct pc_event_list *events, const char *day, size_t *event)
{
	size_t holding = 0;
	for (size_t e = 0; e < events->count; e++) {
		const struct pc_event *ev = &events->items[e];
		if (strcmp(ev->starts_on, day) <= 0 && strcmp(day, ev->ends_on) <= 0) {
			*event = e;
			holding++;
		}
	}
	return holding == 1;
}

int pc__policy_event(struct pc__judge *j)
{
	int ret = PC_ERROR;
	struct pc_event_list *events = NULL;
	struct keys keys = { NULL, 0, 0 };
	const pc_photo *photo = j->photo;
	struct pc_verdict *v = j->v;
	const char *matched_by = NULL;
	size_t chosen = 0, e;
	char day[11];

	ret = pc_store_event_list(j->store, &events);
	if (ret)
		goto done;
	if (keys_build(&keys, events)) {
		ret = pc__judge_oom(j);
		goto done;
	}
	static const char *const sources[] = { "xmp-event", "keyword" };
	for (size_t s = 0; s < sizeof(sources) / sizeof(sources[0]); s++) {
		for (size_t i = 0; i < pc_photo_event_count(photo); i++) {
			const char *tag = pc_photo_event(photo, i);
			const char *source = pc_photo_event_source(photo, i);
			if (!source || strcmp(source, sources[s]))
				continue;
			int found = keys_find(&keys, tag, &e);
			if (found < 0) {
				ret = pc__judge_oom(j);
				goto done;
			}
			if (found && !matched_by) {
				chosen = e;
				matched_by = sources[s];
			}
			if (found)
				continue;
			ret = pc__judge_add(j, PC__RANK_UNKNOWN_EVENT, 0, "unknown-event",
			                    "the photo's event is not known to the school",
			                    "the Event tag '%s' matches no event in the database: "
			                    "add the event, or correct the tag", tag);
			if (ret)
				goto done;
		}
	}
	for (size_t i = 0; i < pc_photo_keyword_count(photo) && !matched_by; i++) {
		const struct pc_keyword *kw = pc_photo_keyword(photo, i);
		if (!(kw->sources & PC_SOURCES_FLAT_KEYWORDS))
			continue;
		int found = keys_find(&keys, kw->text, &e);
		if (found < 0) {
			ret = pc__judge_oom(j);
			goto done;
		}
		if (found) {
			chosen = e;
			matched_by = "keyword";
		}
	}
	if (!matched_by && taken_day(photo, day) && by_date(events, day, &e)) {
		chosen = e;
		matched_by = "date";
	}
	ret = 0;
	if (!matched_by)
		goto done;

	const struct pc_event *ev = &events->items[chosen];
	v->event_id = pc__verdict_strdup(v, ev->id);
	v->event_name = pc__verdict_strdup(v, ev->name);
	v->event_matched_by = matched_by;
	if (!v->event_id || !v->event_name) {
		ret = pc__judge_oom(j);
		goto done;
	}
	for (size_t d = 0; d < ev->denied_count; d++) {
		if (strcmp(ev->denied[d], j->purpose->id))
			continue;
		ret = pc__judge_add(j, PC__RANK_EVENT_DENIES, 1, "event-denies",
		                    "the event does not allow this use",
		                    "the event '%s' does not allow photos for %s: %s", ev->name,
		                    j->purpose->description, pc__judge_policy(j));
		break;
	}
done:
	keys_release(&keys);
	pc_event_list_free(events);
	return ret;
}
