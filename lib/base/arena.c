/*
 * store_arena.c: the storage behind the lists the store returns.
 *
 * A list, its items and all its strings are carved out of a few large
 * blocks and freed together, so that no list type needs its own freeing
 * code and a half-built list is freed the same way as a whole one.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

/* Most lists fit in one block; a bigger request gets a block of its own. */
#define BLOCK_SIZE 8192

struct block {
	struct block *next;
	size_t size;
	size_t used;
	max_align_t data[]; /* `size` bytes */
};

struct pc__arena {
	struct block *head; /* the block being filled, then the full ones */
};

struct pc__arena *pc__arena_new(void)
{
	return calloc(1, sizeof(struct pc__arena));
}

void pc__arena_free(struct pc__arena *arena)
{
	if (!arena)
		return;
	struct block *b = arena->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(arena);
}

static struct block *block_new(size_t size)
{
	if (size > SIZE_MAX - sizeof(struct block))
		return NULL;
	struct block *b = malloc(sizeof(struct block) + size);
	if (!b)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

/* `size` bytes at a multiple of `align` (a power of two, at most that of
 * max_align_t), zeroed. */
static void *take(struct pc__arena *arena, size_t size, size_t align)
{
	struct block *b = arena->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->size || size > b->size - at) {
		if (size > BLOCK_SIZE / 4) {
			/* Kept behind the head, whose free space stays usable. */
			struct block *big = block_new(size);
			if (!big)
				return NULL;
			big->used = size;
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				arena->head = big;
			}
			memset(big->data, 0, size);
			return big->data;
		}
		b = block_new(BLOCK_SIZE);
		if (!b)
			return NULL;
		b->next = arena->head;
		arena->head = b;
		at = 0;
	}
	unsigned char *p = (unsigned char *)b->data + at;
	b->used = at + size;
	memset(p, 0, size);
	return p;
}

void *pc__arena_alloc(struct pc__arena *arena, size_t size)
{
	return take(arena, size ? size : 1, _Alignof(max_align_t));
}

char *pc__arena_strndup(struct pc__arena *arena, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *copy = take(arena, len + 1, 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

char *pc__arena_strdup(struct pc__arena *arena, const char *s)
{
	return pc__arena_strndup(arena, s, strlen(s));
}

void *pc__vec_push(struct pc__vec *vec, struct pc__arena *arena)
{
	if (vec->count == vec->alloc) {
		/* The old array stays in the arena unused: at most as much
		 * again as the final one, and freed with the rest. */
		size_t alloc = vec->alloc ? vec->alloc * 2 : 8;
		if (alloc > SIZE_MAX / vec->size)
			return NULL;
		void *items = pc__arena_alloc(arena, alloc * vec->size);
		if (!items)
			return NULL;
		if (vec->count)
			memcpy(items, vec->items, vec->count * vec->size);
		vec->items = items;
		vec->alloc = alloc;
	}
	unsigned char *item = (unsigned char *)vec->items + vec->count * vec->size;
	vec->count++;
	memset(item, 0, vec->size);
	return item;
}
