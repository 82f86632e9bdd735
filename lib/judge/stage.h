/*
 * policy_internal.h: what the verdict's own files (policy*.c) share.
 *
 * A verdict is built by one judge in stages, each in its own file: the
 * event (policy_event.c), the people (policy_people.c), the names in the
 * caption and the file name (policy_names.c); policy.c runs them and
 * combines what they found.
 *
 * Invariants:
 * - A stage reads only the snapshot and the photo, so judging can fail
 *   only by running out of memory (PC_ERROR); the half-built verdict is
 *   then thrown away.
 */
#ifndef PC_POLICY_INTERNAL_H
#define PC_POLICY_INTERNAL_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"
#include "judge/snapshot.h"
#include "judge/verdict.h"

/* One judging: what every stage reads, and the verdict it adds to. */
struct pc__judge {
	const struct pc_snapshot *snap;
	const pc_photo *photo;
	const struct pc_purpose *purpose;
	const char *date;   /* the verdict's, "YYYY-MM-DD" */
	struct pc_verdict *v;
};

/* The purpose's policy sentence, which every denial quotes (never NULL). */
const char *pc__judge_policy(const struct pc__judge *j);

/*
 * One stage of judging: a rule, or a family of rules, that reads the
 * judging's snapshot and photo and adds findings and persons to its
 * verdict. `run` returns 0, or PC_ERROR when out of memory. `name` says
 * which stage it is, to a person reading the table.
 */
struct pc__stage {
	const char *name;
	int (*run)(struct pc__judge *j);
};

/*
 * The stages. Each returns 0, or PC_ERROR when out of memory.
 *
 * pc__policy_always_denied: a purpose the school never allows is denied,
 * whatever the photo shows.
 * pc__policy_event: finds the photo's event (by tag, else by capture date),
 * warns of Event tags that name no event, and denies the purpose when the
 * event forbids it.
 * pc__policy_people: the photo's people, each matched to pupils and judged
 * by their consent; the doubts (ambiguous and unknown tags, unnamed faces,
 * no people at all); for a public purpose, the names in the metadata.
 * pc__policy_names: the pupils that the photo's words (captions, keywords,
 * the file and folder names) name: untagged ones who would block, and for
 * a public purpose every name in a caption or a file or folder name.
 * pc__policy_reading: a photo that could not be read whole is not shared
 * on what was read.
 * pc__policy_gps: a photo that records where it was taken is a warning.
 */
int pc__policy_always_denied(struct pc__judge *j);
int pc__policy_event(struct pc__judge *j);
int pc__policy_people(struct pc__judge *j);
int pc__policy_names(struct pc__judge *j);
int pc__policy_reading(struct pc__judge *j);
int pc__policy_gps(struct pc__judge *j);

#endif
