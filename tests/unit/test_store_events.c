/*
 * Purposes and events in the consent database (the audit log: test_store_log.c).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "test_store.h"

TestSuite(purposes, .init = store_fx_setup_created, .fini = store_fx_teardown);
TestSuite(events, .init = store_fx_setup_created, .fini = store_fx_teardown);

/* ---------------------------------------------------------------- purposes */

Test(purposes, a_seeded_purpose_reads_back_with_its_policy)
{
	struct pc_purpose_list *l = NULL;
	cr_assert_eq(pc_store_purpose_get(&l, sfx.store, "parent-social", &test_err), 0);
	cr_assert_eq(l->count, 1);
	cr_expect_str_eq(l->items[0].id, "parent-social");
	cr_expect(strstr(l->items[0].policy, "without their permission") != NULL);
	cr_expect_eq(l->items[0].is_public, 1);
	cr_expect_eq(l->items[0].always_deny, 0);
	pc_purpose_list_free(l);
}

Test(purposes, unknown_purpose_says_where_to_look)
{
	struct pc_purpose_list *l = (void *)1;
	cr_expect_eq(pc_store_purpose_get(&l, sfx.store, "webiste", &test_err), PC_ENOTFOUND);
	cr_expect_null(l);
	cr_expect_str_eq(test_err.message,
	                 "no purpose is called 'webiste' (did you mean 'website'?); 'photoconsent purpose list' shows them");
}

Test(purposes, a_new_purpose_gets_a_policy_from_its_description)
{
	struct pc_purpose p = { .id = "yearbook", .description = "the yearbook", .is_public = 1 };
	cr_assert_eq(pc_store_purpose_add(sfx.store, &p, "dpo", &test_err), 0, "%s", test_err.message);
	struct pc_purpose_list *l = NULL;
	cr_assert_eq(pc_store_purpose_get(&l, sfx.store, "yearbook", &test_err), 0);
	cr_expect_str_eq(l->items[0].policy, "Photos of pupils are used for the yearbook only with "
	                 "each pictured child's parent's consent.");
	cr_expect_eq(l->items[0].is_public, 1);
	pc_purpose_list_free(l);

	cr_assert_eq(pc_store_purpose_list(&l, sfx.store, &test_err), 0);
	cr_expect_eq(l->count, 8);
	cr_expect_str_eq(l->items[7].id, "yearbook", "added ones come after the seeded ones");
	pc_purpose_list_free(l);
}

Test(purposes, an_always_denied_purpose_may_be_added_with_its_own_policy)
{
	struct pc_purpose p = { .id = "dating-apps", .description = "dating apps",
	                        .policy = "Never.", .is_public = 1, .always_deny = 1 };
	cr_assert_eq(pc_store_purpose_add(sfx.store, &p, "dpo", &test_err), 0);
	struct pc_purpose_list *l = NULL;
	cr_assert_eq(pc_store_purpose_get(&l, sfx.store, "dating-apps", &test_err), 0);
	cr_expect_eq(l->items[0].always_deny, 1);
	cr_expect_str_eq(l->items[0].policy, "Never.");
	pc_purpose_list_free(l);
}

Test(purposes, bad_or_taken_ids_are_refused)
{
	struct pc_purpose p = { .id = "Year Book", .description = "the yearbook" };
	cr_expect_eq(pc_store_purpose_add(sfx.store, &p, "dpo", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "'Year Book' cannot be a purpose id: use lower-case letters, digits and '-'");
	p.id = "";
	cr_expect_eq(pc_store_purpose_add(sfx.store, &p, "dpo", &test_err), PC_EFORMAT);
	p.id = "website";
	cr_expect_eq(pc_store_purpose_add(sfx.store, &p, "dpo", &test_err), PC_EEXISTS);
	cr_expect_str_eq(test_err.message, "a purpose is already called 'website'");
	p.id = "yearbook";
	p.description = " ";
	cr_expect_eq(pc_store_purpose_add(sfx.store, &p, "dpo", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "purpose 'yearbook' needs a description");
}

/* ------------------------------------------------------------------ events */

Test(events, events_read_back_by_start_date_with_tags_and_denied_purposes)
{
	const char *tags[] = { "Nativity", "Nativity Play 2026", "NATIVITY" };
	const char *denied[] = { "parent-social", "press" };
	struct pc_event nativity = { .id = "nativity-2026", .name = "Nativity play",
	                             .starts_on = "2026-12-10", .ends_on = "2026-12-11",
	                             .tags = tags, .tag_count = 3, .denied = denied,
	                             .denied_count = 2 };
	struct pc_event sports = { .id = "sports-day", .name = "Sports Day",
	                           .starts_on = "2026-07-03", .ends_on = "2026-07-03" };
	cr_assert_eq(pc_store_event_add(sfx.store, &nativity, "dpo", &test_err), 0, "%s",
	             test_err.message);
	cr_assert_eq(pc_store_event_add(sfx.store, &sports, "dpo", &test_err), 0, "%s",
	             test_err.message);

	struct pc_event_list *l = NULL;
	cr_assert_eq(pc_store_event_list(&l, sfx.store, &test_err), 0);
	cr_assert_eq(l->count, 2);
	cr_expect_str_eq(l->items[0].id, "sports-day");
	cr_expect_eq(l->items[0].tag_count, 0);
	cr_expect_eq(l->items[0].denied_count, 0);
	const struct pc_event *e = &l->items[1];
	cr_expect_str_eq(e->name, "Nativity play");
	cr_expect_str_eq(e->starts_on, "2026-12-10");
	cr_expect_str_eq(e->ends_on, "2026-12-11");
	cr_assert_eq(e->tag_count, 2, "'NATIVITY' folds to a tag it already has");
	cr_expect_str_eq(e->tags[0], "Nativity");
	cr_expect_str_eq(e->tags[1], "Nativity Play 2026");
	cr_assert_eq(e->denied_count, 2);
	cr_expect_str_eq(e->denied[0], "parent-social");
	cr_expect_str_eq(e->denied[1], "press");
	pc_event_list_free(l);

	/* Tags are stored folded for matching photos' event names. */
	sqlite3 *db = pc__store_db(sfx.store);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM event_tags WHERE tag_key = "
	                                "'nativity play 2026'", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_expect_eq(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
}

Test(events, bad_events_are_refused)
{
	struct pc_event e = { .id = "trip", .name = "Trip", .starts_on = "2026-05-03",
	                      .ends_on = "2026-05-01" };
	cr_expect_eq(pc_store_event_add(sfx.store, &e, "dpo", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "event 'trip' ends (2026-05-01) before it starts (2026-05-03)");
	e.ends_on = "2026-05-32";
	cr_expect_eq(pc_store_event_add(sfx.store, &e, "dpo", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'2026-05-32' is not a date (YYYY-MM-DD)");
	e.ends_on = "2026-05-03";
	e.name = "";
	cr_expect_eq(pc_store_event_add(sfx.store, &e, "dpo", &test_err), PC_EFORMAT);
	e.name = "Trip";
	cr_assert_eq(pc_store_event_add(sfx.store, &e, "dpo", &test_err), 0);
	cr_expect_eq(pc_store_event_add(sfx.store, &e, "dpo", &test_err), PC_EEXISTS);
	cr_expect_str_eq(test_err.message, "an event already has the id 'trip'");
}

/* ------------------------------------------------------------------- lists */

Test(purposes, every_free_accepts_null)
{
	pc_pupil_list_free(NULL);
	pc_pupil_matches_free(NULL);
	pc_purpose_list_free(NULL);
	pc_consent_list_free(NULL);
	pc_event_list_free(NULL);
	pc_store_free(NULL);
	cr_expect_str_eq(test_err.message, "");
}
