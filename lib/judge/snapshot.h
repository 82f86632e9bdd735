/*
 * snapshot.h: what a verdict needs from the database, read once (for one
 * purpose on one date) and then only read, so that any number of threads
 * judge photos against it at once without asking the database anything.
 *
 * Invariants:
 * - A snapshot never changes after pc_snapshot_load returns; every lookup
 *   here is const and allocates only what it hands back.
 * - Matching a tag gives exactly what pc_store_pupils_named gives for the
 *   same database (the same keys, from pc__store_tag_keys and the
 *   database's own folded names, and the same order); a unit test holds
 *   the two together.
 * - Pupils keep the order pc_store_pupil_list gives (class, surname,
 *   forename), the order the verdict lists names found in captions.
 */
#ifndef PC_SNAPSHOT_H
#define PC_SNAPSHOT_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"
#include "base/strindex.h"
#include "judge/needles.h"

/* One folded name of an event (its id, its name, or one of its tags);
 * keys that fold the same are chained by `next` (SIZE_MAX ends it). */
struct pc__event_key {
	char *folded;
	size_t event;
	size_t next;
};

/* One way a folded key names a pupil; entries with the same key are
 * chained by `next` (SIZE_MAX ends a chain). */
struct pc__name_entry {
	size_t pupil;
	enum pc_match_kind kind;
	size_t next;
};

struct pc_snapshot {
	struct pc_purpose_list *purposes; /* holds the purpose */
	const struct pc_purpose *purpose;
	char date[11];

	struct pc_pupil_list *pupils;
	struct pc_consent_status *status; /* per pupil: for the purpose, on the date */
	struct pc__needles *needles;      /* per pupil */
	struct pc__strindex ids;          /* pupil id -> index */

	struct pc__name_key_list *name_keys; /* the keys `names` points into */
	struct pc__strindex names;           /* folded key -> first entry */
	struct pc__name_entry *entries;
	size_t entry_count;

	struct pc_event_list *events;
	struct pc__event_key *event_keys;    /* in event order */
	size_t event_key_count;
	struct pc__strindex event_index;     /* folded key -> first of its chain */

	/* The school's person roots, and reading options that use them. */
	struct pc_string_list *roots;
	struct pc_read_options read;
};

/* A pupil a tag names. */
struct pc__snapshot_match {
	size_t pupil;   /* index in the snapshot's pupils */
	enum pc_match_kind kind;
	const char *id; /* the pupil's id, for the order */
};

/*
 * The pupils `tag` names, strongest match first, then by id, into *out
 * (the caller's, free(); NULL when none) and *count. `by_id`: the tag may
 * name a pupil by id (an explicit people field: a region, PersonInImage);
 * a keyword never does, since a number there is more often a year, a
 * class or a count. 0, or PC_ENOMEM when out of memory.
 */
int pc__snapshot_named(const struct pc_snapshot *snap, const char *tag, int by_id,
                       struct pc__snapshot_match **out, size_t *count);

/* 1 and the first of the event keys that `text` names into *first (follow
 * `next` for the others: two events may share a tag), 0 when it names
 * none, -1 when out of memory. */
int pc__snapshot_event(const struct pc_snapshot *snap, const char *text, size_t *first);

#endif
