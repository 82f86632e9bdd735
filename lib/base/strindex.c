#include "base/strindex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static int grow(struct pc__strindex *ix)
{
	size_t cap = ix->keys ? (ix->mask + 1) * 2 : 64;
	struct pc__strindex n = { calloc(cap, sizeof(char *)), calloc(cap, sizeof(size_t)),
	                              cap - 1, 0 };
	if (!n.keys || !n.vals) {
		free(n.keys);
		free(n.vals);
		return PC_ENOMEM;
	}
	for (size_t i = 0; ix->keys && i <= ix->mask; i++) {
		if (!ix->keys[i])
			continue;
		size_t j = hash(ix->keys[i]) & n.mask;
		while (n.keys[j])
			j = (j + 1) & n.mask;
		n.keys[j] = ix->keys[i];
		n.vals[j] = ix->vals[i];
		n.count++;
	}
	free(ix->keys);
	free(ix->vals);
	*ix = n;
	return 0;
}

int pc__strindex_add(struct pc__strindex *ix, const char *key, size_t val,
                         size_t *old)
{
	/* At most half full, so probes stay short. */
	if ((!ix->keys || (ix->count + 1) * 2 > ix->mask + 1) && grow(ix))
		return PC_ENOMEM;
	size_t j = hash(key) & ix->mask;
	for (; ix->keys[j]; j = (j + 1) & ix->mask) {
		if (!strcmp(ix->keys[j], key)) {
			/* grow() frees the old arrays and puts the new ones in *ix as
			 * a whole struct, which the analyzer does not follow. */
			*old = ix->vals[j]; /* NOLINT(clang-analyzer-unix.Malloc) */
			return 1;
		}
	}
	ix->keys[j] = key;
	ix->vals[j] = val; /* NOLINT(clang-analyzer-unix.Malloc): as above */
	ix->count++;
	return 0;
}

int pc__strindex_get(const struct pc__strindex *ix, const char *key, size_t *val)
{
	if (!ix->keys)
		return 0;
	for (size_t j = hash(key) & ix->mask; ix->keys[j]; j = (j + 1) & ix->mask) {
		if (!strcmp(ix->keys[j], key)) {
			*val = ix->vals[j];
			return 1;
		}
	}
	return 0;
}

void pc__strindex_release(struct pc__strindex *ix)
{
	if (!ix)
		return;
	free(ix->keys);
	free(ix->vals);
	memset(ix, 0, sizeof(*ix));
}
