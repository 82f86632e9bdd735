/*
 * The snapshot: the consent read once, and names matched in memory. Its
 * matching must be the store's (pc_store_pupils_named) exactly, tag for
 * tag, pupil for pupil, in the same order, or scan and check would
 * disagree; and the consent it holds must be what the store says is in
 * force on its date.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "judge/snapshot.h"
#include "test_store.h"
#include "store/store_internal.h"

TestSuite(snapshot, .init = store_fx_setup_created, .fini = store_fx_teardown);

/* Pupils whose names meet: the same name twice, a preferred name that is
 * another's forename, accents, "Surname, Forename", an alias that is
 * another pupil's name, an id that reads like a name. */
static void fill(void)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, "3B");
	store_fx_pupil("1002", "Amy", "Jones", NULL, "5A");
	store_fx_pupil("1003", "Katherine", "Smith", "Katie", "3B");
	store_fx_pupil("1004", "Zo\xc3\xab", "Brown", NULL, "3B");
	store_fx_pupil("1005", "\xc5\x81ukasz", "Nowak", NULL, "1A");
	store_fx_pupil("1006", "Katie", "Smith", NULL, "6C");
	store_fx_pupil("Jack Green", "Oliver", "Green", NULL, NULL);
	store_fx_pupil("1008", "Jack", "Green", NULL, "2B");
	cr_assert_eq(pc_store_pupil_alias(sfx.store, "1001", "Amy J", "test", &test_err), 0);
	cr_assert_eq(pc_store_pupil_alias(sfx.store, "1008", "Katie Smith", "test", &test_err), 0);
}

static const char *const TAGS[] = {
	"Amy Jones", "amy  JONES", "Jones, Amy", "1001", " 1001 ", "Amy J", "Katie Smith",
	"Smith, Katie", "Katherine Smith", "Zoe Brown", "ZO\xc3\x8b BROWN", "Brown, Zo\xc3\xab",
	"Lukasz Nowak", "\xc5\x81ukasz Nowak", "Jack Green", "Green, Jack", "Amy", "Smith",
	"Nobody Here", "", "   ", ",", "Jones,", ", Amy", "a, b, c", "\xff\xfe", "1008",
	"Oliver Green",
};

Test(snapshot, matches_every_tag_as_the_store_does)
{
	fill();
	pc_snapshot *snap = NULL;
	struct pc_error err = PC_ERROR_INIT;
	cr_assert_eq(pc_snapshot_load(&snap, sfx.store, "website", "2026-11-26", &err), 0, "%s",
	             err.message);
	size_t matched = 0;
	for (size_t t = 0; t < sizeof(TAGS) / sizeof(TAGS[0]); t++) {
		struct pc_pupil_matches *want = NULL;
		struct pc__snapshot_match *got = NULL;
		size_t count = 0;
		cr_assert_eq(pc_store_pupils_named(&want, sfx.store, TAGS[t], &test_err), 0);
		cr_assert_eq(pc__snapshot_named(snap, TAGS[t], 1, &got, &count), 0);
		cr_expect_eq(count, want->count, "'%s': %zu pupils in memory, %zu in the store",
		             TAGS[t], count, want->count);
		for (size_t i = 0; i < count && i < want->count; i++) {
			const struct pc_pupil *p = &snap->pupils->items[got[i].pupil];
			cr_expect_str_eq(p->id, want->items[i].pupil.id, "'%s', match %zu", TAGS[t], i);
			cr_expect_eq(got[i].kind, want->items[i].kind, "'%s', match %zu", TAGS[t], i);
		}
		matched += count;
		free(got);
		pc_pupil_matches_free(want);
	}
	/* The table is not all misses: most tags name someone. */
	cr_expect_geq(matched, 25);
	pc_snapshot_free(snap);
}

Test(snapshot, holds_the_consent_in_force_on_its_date)
{
	fill();
	store_fx_consent("1001", "website", PC_DECISION_GRANTED, "2025-09-01", "2026-08-31", NULL);
	store_fx_consent("1002", "website", PC_DECISION_REFUSED, "2025-09-01", NULL, NULL);
	store_fx_consent("1003", "website", PC_DECISION_GRANTED, "2025-09-01", NULL, NULL);
	store_fx_consent("1003", "website", PC_DECISION_WITHDRAWN, NULL, NULL, "2026-03-01");
	static const char *const dates[] = { "2026-01-15", "2026-06-01", "2026-11-26" };
	for (size_t d = 0; d < 3; d++) {
		pc_snapshot *snap = NULL;
		cr_assert_eq(pc_snapshot_load(&snap, sfx.store, "website", dates[d], NULL), 0);
		cr_expect_str_eq(pc_snapshot_date(snap), dates[d]);
		cr_expect_str_eq(pc_snapshot_purpose(snap), "website");
		for (size_t i = 0; i < snap->pupils->count; i++) {
			const char *id = snap->pupils->items[i].id;
			cr_expect_eq(snap->status[i].state, store_fx_state(id, "website", dates[d]),
			             "pupil %s on %s", id, dates[d]);
		}
		pc_snapshot_free(snap);
	}
}

Test(snapshot, refuses_an_unknown_purpose_and_a_bad_date)
{
	pc_snapshot *snap = NULL;
	struct pc_error err = PC_ERROR_INIT;
	cr_expect_eq(pc_snapshot_load(&snap, sfx.store, "billboard", NULL, &err), PC_ENOTFOUND);
	cr_expect_null(snap);
	cr_expect_eq(err.code, PC_ENOTFOUND);
	cr_expect_neq(strstr(err.message, "billboard"), NULL, "%s", err.message);
	cr_expect_eq(pc_snapshot_load(&snap, sfx.store, "website", "2026-02-30", &err), PC_EFORMAT);
	cr_expect_null(snap);
	cr_expect_str_eq(err.message, "'2026-02-30' is not a date (YYYY-MM-DD)");
	cr_expect_eq(pc_snapshot_load(&snap, NULL, "website", NULL, &err), PC_EINVALID);
	cr_expect_null(snap);
	cr_expect_eq(pc_snapshot_load(&snap, sfx.store, NULL, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_snapshot_load(NULL, sfx.store, "website", NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_snapshot_load(&snap, sfx.store, "website", NULL, NULL), 0);
	cr_expect_not_null(snap);
	pc_snapshot_free(snap);
}
