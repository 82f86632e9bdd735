/*
 * strindex.h: a table from a string to a number, so that finding a pupil
 * by id in an import, or merging a photo's tags by name, stays linear
 * however many rows or tags there are (a hostile photo carries thousands).
 *
 * Invariants: the table does not own its keys; each must outlive it and
 * stay unchanged. A zeroed struct is an empty table.
 */
#ifndef PC_STRINDEX_H
#define PC_STRINDEX_H

#include <stddef.h>

struct pc__strindex {
	const char **keys;
	size_t *vals;
	size_t mask;  /* capacity - 1, a power of two; 0 when empty */
	size_t count;
};

/* Adds `key` with `val`. Returns 0 when added, 1 when the key was there
 * already (its value into *old, the table unchanged), PC_ENOMEM when out
 * of memory. */
int pc__strindex_add(struct pc__strindex *ix, const char *key, size_t val,
                         size_t *old);
/* 1 and the value into *val when `key` is there, else 0. */
int pc__strindex_get(const struct pc__strindex *ix, const char *key, size_t *val);
void pc__strindex_release(struct pc__strindex *ix);

#endif
