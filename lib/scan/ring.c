/*
 * ring.c: the two-thread bounded queue of ring.h.
 */
#include "scan/ring.h"

#include <errno.h>
#include <stdlib.h>

#include "photoconsent/photoconsent.h"

int pc__ring_init(struct pc__ring *r, size_t cap)
{
	r->slots = calloc(cap, sizeof(*r->slots));
	r->cap = cap;
	r->put = r->take = 0;
	if (!r->slots)
		return PC_ENOMEM;
	if (sem_init(&r->items, 0, 0)) {
		free(r->slots);
		r->slots = NULL;
		return PC_ENOMEM;
	}
	if (sem_init(&r->space, 0, (unsigned)cap)) {
		sem_destroy(&r->items);
		free(r->slots);
		r->slots = NULL;
		return PC_ENOMEM;
	}
	return 0;
}

void pc__ring_release(struct pc__ring *r)
{
	if (!r->slots)
		return;
	sem_destroy(&r->items);
	sem_destroy(&r->space);
	free(r->slots);
	r->slots = NULL;
}

/* sem_wait, again after a signal. */
static void wait_for(sem_t *s)
{
	while (sem_wait(s) && errno == EINTR)
		;
}

static void put_now(struct pc__ring *r, void *item)
{
	r->slots[r->put] = item;
	r->put = (r->put + 1) % r->cap;
	sem_post(&r->items);
}

void pc__ring_put(struct pc__ring *r, void *item)
{
	wait_for(&r->space);
	put_now(r, item);
}

int pc__ring_try_put(struct pc__ring *r, void *item)
{
	if (sem_trywait(&r->space))
		return 0;
	put_now(r, item);
	return 1;
}

static void *take_now(struct pc__ring *r)
{
	void *item = r->slots[r->take];
	r->take = (r->take + 1) % r->cap;
	sem_post(&r->space);
	return item;
}

void *pc__ring_take(struct pc__ring *r)
{
	wait_for(&r->items);
	return take_now(r);
}

int pc__ring_try_take(struct pc__ring *r, void **item)
{
	if (sem_trywait(&r->items))
		return 0;
	*item = take_now(r);
	return 1;
}
