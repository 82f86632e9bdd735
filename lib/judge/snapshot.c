/*
 * snapshot.c: reading a snapshot (all in one read transaction, so that it
 * is one state of the database), and the lookups judging needs from it.
 *
 * The consent in force is worked out here, once per pupil, by
 * pc_store_consent_in_force itself: the rules for which record decides
 * live in one place, and a photo costs no query.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/fold.h"
#include "judge/snapshot.h"
#include "store/store_internal.h"

void pc_snapshot_free(pc_snapshot *snap)
{
	if (!snap)
		return;
	for (size_t i = 0; snap->needles && i < snap->pupils->count; i++)
		pc__needles_release(&snap->needles[i]);
	free(snap->needles);
	free(snap->status);
	pc__strindex_release(&snap->ids);
	pc__strindex_release(&snap->names);
	free(snap->entries);
	if (snap->name_keys)
		pc__arena_free(snap->name_keys->priv);
	for (size_t i = 0; i < snap->event_key_count; i++)
		free(snap->event_keys[i].folded);
	free(snap->event_keys);
	pc__strindex_release(&snap->event_index);
	pc_string_list_free(snap->roots);
	pc_event_list_free(snap->events);
	pc_pupil_list_free(snap->pupils);
	pc_purpose_list_free(snap->purposes);
	free(snap);
}

const char *pc_snapshot_purpose(const pc_snapshot *snap)
{
	return snap ? snap->purpose->id : NULL;
}

const char *pc_snapshot_date(const pc_snapshot *snap)
{
	return snap ? snap->date : NULL;
}

/* Each pupil's consent in force, flags aside (the policy weighs those),
 * and the names to look for in captions. */
static int load_pupils(pc_snapshot *snap, pc_store *store)
{
	const struct pc_pupil_list *pupils = snap->pupils;
	size_t n = pupils->count ? pupils->count : 1, old;
	snap->status = calloc(n, sizeof(*snap->status));
	snap->needles = calloc(n, sizeof(*snap->needles));
	if (!snap->status || !snap->needles)
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	for (size_t i = 0; i < pupils->count; i++) {
		const struct pc_pupil *p = &pupils->items[i];
		int ret = pc_store_consent_in_force(&snap->status[i], store, p->id,
		                                    snap->purpose->id, snap->date, NULL);
		if (ret)
			return ret;
		if (pc__needles_build(&snap->needles[i], p) ||
		    pc__strindex_add(&snap->ids, p->id, i, &old) < 0)
			return pc__store_fail(store, PC_ENOMEM, "out of memory");
	}
	return 0;
}

/* The folded names, chained by key, so that a tag is a look-up or two. */
static int load_names(pc_snapshot *snap, pc_store *store)
{
	int ret = pc__store_name_keys(store, &snap->name_keys);
	if (ret)
		return ret;
	const struct pc__name_key_list *keys = snap->name_keys;
	snap->entries = malloc((keys->count ? keys->count : 1) * sizeof(*snap->entries));
	if (!snap->entries)
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	for (size_t i = 0; i < keys->count; i++) {
		const struct pc__name_key *k = &keys->items[i];
		size_t pupil, head;
		/* A key of NULL names nobody; a row for a pupil the list has
		 * not is impossible inside one transaction, and ignored. */
		if (!k->key || !pc__strindex_get(&snap->ids, k->pupil_id, &pupil))
			continue;
		struct pc__name_entry *e = &snap->entries[snap->entry_count];
		*e = (struct pc__name_entry){ pupil, k->kind, SIZE_MAX };
		int had = pc__strindex_add(&snap->names, k->key, snap->entry_count, &head);
		if (had < 0)
			return pc__store_fail(store, PC_ENOMEM, "out of memory");
		if (had) {
			/* Keep the chain's head: the new entry goes second. */
			e->next = snap->entries[head].next;
			snap->entries[head].next = snap->entry_count;
		}
		snap->entry_count++;
	}
	return 0;
}

static int event_key_add(pc_snapshot *snap, size_t *alloc, const char *name, size_t event)
{
	if (!name)
		return 0;
	if (snap->event_key_count == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 16;
		struct pc__event_key *v = realloc(snap->event_keys, n * sizeof(*v));
		if (!v)
			return -1;
		snap->event_keys = v;
		*alloc = n;
	}
	char *folded = pc__fold(name);
	if (!folded)
		return -1;
	snap->event_keys[snap->event_key_count++] = (struct pc__event_key){ folded, event,
	                                                                    SIZE_MAX };
	return 0;
}

/* Chains the keys that fold the same, first in event order first. */
static int index_events(pc_snapshot *snap)
{
	for (size_t i = 0; i < snap->event_key_count; i++) {
		size_t head;
		int had = pc__strindex_add(&snap->event_index, snap->event_keys[i].folded, i, &head);
		if (had < 0)
			return -1;
		if (had) {
			size_t *link = &snap->event_keys[head].next;
			while (*link != SIZE_MAX)
				link = &snap->event_keys[*link].next;
			*link = i;
		}
	}
	return 0;
}

/* Every event's id, name and tags, folded, in event order, so that the
 * first match is the earliest event. */
static int load_events(pc_snapshot *snap, pc_store *store)
{
	int ret = pc_store_event_list(&snap->events, store, NULL);
	if (ret)
		return ret;
	size_t alloc = 0;
	for (size_t e = 0; e < snap->events->count; e++) {
		const struct pc_event *ev = &snap->events->items[e];
		if (event_key_add(snap, &alloc, ev->id, e) || event_key_add(snap, &alloc, ev->name, e))
			return pc__store_fail(store, PC_ENOMEM, "out of memory");
		for (size_t t = 0; t < ev->tag_count; t++)
			if (event_key_add(snap, &alloc, ev->tags[t], e))
				return pc__store_fail(store, PC_ENOMEM, "out of memory");
	}
	if (index_events(snap))
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	return 0;
}

/* The school's person roots, for reading photos as its tools tag them. */
static int load_roots(pc_snapshot *snap, pc_store *store)
{
	int ret = pc_store_person_roots(&snap->roots, store, NULL);
	if (ret)
		return ret;
	if (snap->roots->count) {
		snap->read.person_roots = snap->roots->items;
		snap->read.person_root_count = snap->roots->count;
	}
	return 0;
}

const struct pc_read_options *pc_snapshot_read_options(const pc_snapshot *snap)
{
	return snap ? &snap->read : NULL;
}

int pc_snapshot_load(pc_snapshot **out, pc_store *store, const char *purpose_id,
                     const char *date, struct pc_error *err)
{
	int ret = PC_ENOMEM, began = 0;
	pc_snapshot *snap = NULL;

	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, purpose_id);
	snap = calloc(1, sizeof(*snap));
	if (!snap) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	if (date) {
		ret = pc__store_check_date(store, date);
		if (ret)
			goto done;
		memcpy(snap->date, date, sizeof(snap->date));
	} else {
		pc_date_today(snap->date);
	}
	ret = pc__store_read_begin(store, &began);
	if (ret)
		goto done;
	if ((ret = pc_store_purpose_get(&snap->purposes, store, purpose_id, NULL)))
		goto done;
	snap->purpose = &snap->purposes->items[0];
	snap->read.version = PC_READ_OPTIONS_VERSION;
	if ((ret = pc_store_pupil_list(&snap->pupils, store, NULL, NULL)) ||
	    (ret = load_pupils(snap, store)) || (ret = load_names(snap, store)) ||
	    (ret = load_events(snap, store)) || (ret = load_roots(snap, store)))
		goto done;
	*out = snap;
	snap = NULL;
done:
	pc__store_read_end(store, began);
	pc_snapshot_free(snap);
	return pc__store_result(store, ret, err);
}

/* ------------------------------------------------------------- lookups */

/* Keeps the strongest kind per pupil. 0, or -1 when out of memory. */
static int match_add(const pc_snapshot *snap, struct pc__snapshot_match **v, size_t *count,
                     size_t *alloc, size_t pupil, enum pc_match_kind kind)
{
	for (size_t i = 0; i < *count; i++) {
		if ((*v)[i].pupil == pupil) {
			if (kind < (*v)[i].kind)
				(*v)[i].kind = kind;
			return 0;
		}
	}
	if (*count == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 4;
		struct pc__snapshot_match *grown = realloc(*v, n * sizeof(*grown));
		if (!grown)
			return -1;
		*v = grown;
		*alloc = n;
	}
	(*v)[(*count)++] = (struct pc__snapshot_match){ pupil, kind,
	                                                snap->pupils->items[pupil].id };
	return 0;
}

/* Every entry under `key` whose kind is allowed (a bit per kind). */
static int chain_add(const pc_snapshot *snap, const char *key, unsigned kinds,
                     struct pc__snapshot_match **v, size_t *count, size_t *alloc)
{
	size_t e;
	if (!key || !pc__strindex_get(&snap->names, key, &e))
		return 0;
	for (; e != SIZE_MAX; e = snap->entries[e].next) {
		const struct pc__name_entry *entry = &snap->entries[e];
		if ((kinds & (1u << entry->kind)) &&
		    match_add(snap, v, count, alloc, entry->pupil, entry->kind))
			return -1;
	}
	return 0;
}

/* As SQL_NAMED orders them: strongest, then by id. */
static int by_strength(const void *a, const void *b)
{
	const struct pc__snapshot_match *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->id, y->id);
}

int pc__snapshot_named(const pc_snapshot *snap, const char *tag, int by_id,
                       struct pc__snapshot_match **out, size_t *count)
{
	int ret = PC_ENOMEM;
	char *as_written = NULL, *folded = NULL, *swapped = NULL;
	size_t alloc = 0, pupil;
	const unsigned names = 1u << PC_MATCH_NAME | 1u << PC_MATCH_PREFERRED;

	*out = NULL;
	*count = 0;
	if (pc__store_tag_keys(tag, &as_written, &folded, &swapped))
		goto done;
	ret = 0;
	if (!as_written)
		goto done;
	/* The id as written; the folded tag as a name, a preferred name or
	 * an alias; the swapped "Surname, Forename" as a name only. */
	if ((by_id && pc__strindex_get(&snap->ids, as_written, &pupil) &&
	     match_add(snap, out, count, &alloc, pupil, PC_MATCH_ID)) ||
	    chain_add(snap, folded, names | 1u << PC_MATCH_ALIAS, out, count, &alloc) ||
	    chain_add(snap, swapped, names, out, count, &alloc)) {
		ret = PC_ENOMEM;
		goto done;
	}
	if (*count > 1)
		qsort(*out, *count, sizeof(**out), by_strength);
done:
	if (ret) {
		free(*out);
		*out = NULL;
		*count = 0;
	}
	free(swapped);
	free(folded);
	free(as_written);
	return ret;
}

int pc__snapshot_event(const pc_snapshot *snap, const char *text, size_t *first)
{
	if (!snap->event_key_count)
		return 0;
	char *folded = pc__fold(text);
	if (!folded)
		return -1;
	int found = pc__strindex_get(&snap->event_index, folded, first);
	free(folded);
	return found;
}
