/*
 * test_store.h: what the store's unit tests share: a fresh database in a
 * temporary folder for each test (Criterion runs each in its own process),
 * and short ways to fill it.
 */
#ifndef TEST_STORE_H
#define TEST_STORE_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"

struct store_fx {
	char dir[64];    /* made by mkdtemp, removed with all it holds */
	char path[128];  /* dir/consent.db */
	pc_store *store; /* opened by store_fx_create(); freed at the end */
};

extern struct store_fx sfx;

/* What the last failed library call in this test said (each test runs in
 * a process of its own). */
extern struct pc_error test_err;

/*
 * Where the tests make their scratch databases: /dev/shm, memory, when
 * there is one with a gigabyte free, else /tmp. Every commit is synced to disk, as it must be
 * for the school's file; on a busy disk the syncs of a few thousand test
 * databases took most of the unit tests' time, and proved nothing more.
 */
const char *scratch_root(void);

/* For TestSuite(.init, .fini): a temporary folder, no database yet. */
void store_fx_setup(void);
void store_fx_teardown(void);
/* Setup, then a new database at sfx.path opened into sfx.store. */
void store_fx_setup_created(void);

/* sfx.dir/name into out (at least 160 bytes). */
void store_fx_file(char *out, const char *name);
/* The whole file, malloc'd, its length in *len; NULL when missing. */
unsigned char *store_fx_slurp(const char *path, size_t *len);
/* Asserts that the file holds exactly `len` bytes `want`. */
void store_fx_expect_same(const char *path, const unsigned char *want, size_t len);

/* Adds a pupil (preferred and class may be NULL), asserting success. */
void store_fx_pupil(const char *id, const char *forename, const char *surname,
                    const char *preferred, const char *class_name);
/* Appends a consent record (dates may be NULL), asserting success. */
void store_fx_consent(const char *pupil, const char *purpose, enum pc_decision d,
                      const char *signed_on, const char *expires_on, const char *withdrawn_on);
/* The state in force, asserting the call succeeds. */
enum pc_consent_state store_fx_state(const char *pupil, const char *purpose, const char *date);

#endif
