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

#include "policy_internal.h"

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
	const struct pc_event_list *events = j->snap->events;
	const pc_photo *photo = j->photo;
	struct pc_verdict *v = j->v;
	const char *matched_by = NULL;
	size_t chosen = 0, e;
	char day[11];

	static const char *const sources[] = { "xmp-event", "keyword" };
	for (size_t s = 0; s < sizeof(sources) / sizeof(sources[0]); s++) {
		for (size_t i = 0; i < pc_photo_event_count(photo); i++) {
			const char *tag = pc_photo_event(photo, i);
			const char *source = pc_photo_event_source(photo, i);
			if (!source || strcmp(source, sources[s]))
				continue;
			int found = pc__snapshot_event(j->snap, tag, &e);
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
		int found = pc__snapshot_event(j->snap, kw->text, &e);
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
	return ret;
}
