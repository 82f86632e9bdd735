/*
 * stage.h: the one interface of the judge's stages, and the shape of
 * lib/judge: a hub with spokes and leaves, every call going down.
 *
 *   policy.c        the judge, the hub: pc_snapshot_judge makes a verdict,
 *                   walks its table of stages (`stages[]`) over the photo,
 *                   and has the verdict combine what they found;
 *                   pc_policy_judge loads a snapshot for one photo first.
 *   policy_*.c      the stages, the spokes, each a `struct pc__stage`:
 *                   purpose (an always-denied purpose), event, people,
 *                   names (the photo's words), file (read whole? GPS?).
 *   verdict.c       a leaf: builds and owns a verdict (its arena of
 *                   strings, findings ranked into reasons and warnings,
 *                   persons, kind) and hands it out (policy.h's accessors).
 *   snapshot.c      a leaf: what the database says, read once per
 *                   purpose and date, and the lookups a stage makes in it.
 *   needles.c       a leaf below the snapshot: the names looked for in a
 *                   photo's words, and the words made the same way.
 *   audit.c         the audit log's row for a photo judged, apart.
 *
 * Who calls whom: policy.c calls the stages (through the table),
 * verdict.c and snapshot.c; a stage calls verdict.c, snapshot.c and
 * needles.c, never policy.c nor another stage; snapshot.c calls needles.c
 * and the store; verdict.c calls only the arena (lib/base), and needles.c
 * only lib/base. Below lib/judge, anyone may call lib/read, lib/store and
 * lib/base. No file calls one that calls it back.
 *
 * Who owns what: the snapshot owns everything it read, and is never
 * changed after it is loaded (so threads share one); the verdict owns
 * every string and list it hands out; a stage owns nothing past its run.
 *
 * To add a purpose rule: write a stage (policy_<rule>.c, one function
 * `int pc__policy_<rule>(struct pc__judge *j)` declared below), and add a
 * row for it to the `stages[]` table in policy.c. Nothing else changes:
 * its findings take their place in the verdict by rank (verdict.h), so
 * add a rank there when the rule's reason is a new kind.
 *
 * Invariants:
 * - A stage reads only the snapshot and the photo (and, for the names
 *   stage, the persons that the people stage added before it), so judging
 *   can fail only by running out of memory (PC_ENOMEM); the half-built
 *   verdict is then thrown away.
 * - A stage adds to the verdict only with what verdict.h gives (its
 *   functions, and the fields of a person or event it was handed), and
 *   copies into the verdict every string it adds that is not a literal:
 *   the caller may free the photo and the snapshot before the verdict.
 */
#ifndef PC_STAGE_H
#define PC_STAGE_H

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
static inline const char *pc__judge_policy(const struct pc__judge *j)
{
	return j->purpose->policy ? j->purpose->policy : "";
}

/*
 * One stage of judging: a rule, or a family of rules, that reads the
 * judging's snapshot and photo and adds findings and persons to its
 * verdict. `run` returns 0, or PC_ENOMEM when out of memory. `name` says
 * which stage it is, to a person reading the table.
 */
struct pc__stage {
	const char *name;
	int (*run)(struct pc__judge *j);
};

/*
 * The stages. Each returns 0, or PC_ENOMEM when out of memory.
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
