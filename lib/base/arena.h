/*
 * arena.h: storage carved out of a few large blocks and freed together,
 * so that a list, its items and all its strings need no freeing code of
 * their own and a half-built one is freed the same way as a whole one.
 * Allocations are zeroed and aligned for any type; they fail (NULL) only
 * when out of memory.
 */
#ifndef PC_BASE_ARENA_H
#define PC_BASE_ARENA_H

#include <stddef.h>

struct pc__arena;
struct pc__arena *pc__arena_new(void);
void pc__arena_free(struct pc__arena *arena);
void *pc__arena_alloc(struct pc__arena *arena, size_t size);
/* A copy of `s` (not NULL) in the arena. */
char *pc__arena_strdup(struct pc__arena *arena, const char *s);
/* A copy of the first `len` bytes of `s`, with a NUL after them. */
char *pc__arena_strndup(struct pc__arena *arena, const char *s, size_t len);

/* A growing array in an arena: zero it, set `size` to the item size. */
struct pc__vec {
	void *items;
	size_t count, alloc, size;
};
/* A new zeroed item at the end; NULL when out of memory. */
void *pc__vec_push(struct pc__vec *vec, struct pc__arena *arena);

#endif
