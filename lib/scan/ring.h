/*
 * ring.h: a bounded queue between exactly two threads, one that puts and
 * one that takes, so that the scan's threads hand work to each other
 * without a lock that all of them wait on.
 *
 * Two counting semaphores do all the synchronising: `items` counts what
 * may be taken, `space` what may be put. POSIX semaphores order memory
 * (a sem_post happens before the sem_wait it satisfies), so the slot
 * written before a post is seen whole after the matching wait, and each
 * index is only ever touched by its own side.
 */
#ifndef PC_RING_H
#define PC_RING_H

#include <semaphore.h>
#include <stddef.h>

struct pc__ring {
	void **slots;
	size_t cap;
	size_t put; /* the putting thread's */
	size_t take; /* the taking thread's */
	sem_t items, space;
};

/* 0, or PC_ENOMEM when out of memory (or no semaphore). */
int pc__ring_init(struct pc__ring *r, size_t cap);
void pc__ring_release(struct pc__ring *r);

/* Waits for room, then puts. Only the putting thread. */
void pc__ring_put(struct pc__ring *r, void *item);
/* Puts when there is room now: 1, else 0. Only the putting thread. */
int pc__ring_try_put(struct pc__ring *r, void *item);
/* Waits for an item, then takes it. Only the taking thread. */
void *pc__ring_take(struct pc__ring *r);
/* Takes an item when there is one now: 1 and *item, else 0. */
int pc__ring_try_take(struct pc__ring *r, void **item);

#endif
