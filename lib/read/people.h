/*
 * people.h: from raw facts to the people, events and keywords of a photo,
 * by PRODUCT.md's rules for reading people.
 *
 * - Regions: MWG regions of Type Face or with no Type are people (Pet,
 *   Focus, BarCode... are not); every MP region is. A region with no name
 *   is an unnamed face, listed on its own.
 * - PersonInImage and PersonInImageWDetails name people.
 * - A hierarchical keyword names a person when its root is a person root
 *   (compared folded) and it is a leaf: no longer path in the same field
 *   extends it. `Events/...` leaves name events the same way.
 * - The same name from several sources is one person with all the sources;
 *   names compare folded, "Surname, Forename" as "Forename Surname".
 * - Keywords: every keyword value from every field, as written, once.
 */
#ifndef PC_PEOPLE_H
#define PC_PEOPLE_H

#include <stddef.h>

#include "read/facts.h"
#include "photoconsent/photoconsent.h"

struct pc__people {
	struct pc_person *persons; /* names owned (allocated) */
	size_t person_count, person_alloc;
	struct pc__strvec events;
	unsigned char *event_from_keyword; /* per event: named by a keyword */
	size_t event_alloc;
	struct pc_keyword *keywords; /* texts owned */
	size_t keyword_count, keyword_alloc;
};

/* The default person roots. */
extern const char *const pc__default_person_roots[];
extern const size_t pc__default_person_root_count;

/*
 * Fills *out (which the caller releases even on failure) from `facts`.
 * `roots` may be NULL for the defaults. Returns 0, or PC_ENOMEM when out of
 * memory.
 */
int pc__people_build(struct pc__people *out, const struct pc__facts *facts,
                     const char *const *roots, size_t root_count);
void pc__people_release(struct pc__people *people);

/*
 * Calls `fn` with each part of a keyword that may name a pupil or an
 * event, whatever its root: the keyword as written, then, when it is a
 * path, each of its components (split at the separators of every field it
 * came from), trimmed. "4B/Harry Wood" gives "4B/Harry Wood", "4B" and
 * "Harry Wood". Stops at the first non-zero `fn` returns, and returns it.
 */
int pc__keyword_parts(const struct pc_keyword *kw, int (*fn)(void *ctx, const char *part),
                      void *ctx);

#endif
