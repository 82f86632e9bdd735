/*
 * Pupils in the consent database, and finding the pupils a photo's tag
 * names.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "test_store.h"

TestSuite(store_pupils, .init = store_fx_setup_created, .fini = store_fx_teardown);
TestSuite(store_match, .init = store_fx_setup_created, .fini = store_fx_teardown);

static struct pc_pupil_list *get(const char *id)
{
	struct pc_pupil_list *list = NULL;
	int ret = pc_store_pupil_get(&list, sfx.store, id, &test_err);
	cr_assert_eq(ret, 0, "getting %s: %s", id, test_err.message);
	cr_assert_eq(list->count, 1);
	return list;
}

Test(store_pupils, added_pupil_reads_back_whole)
{
	const char *aliases[] = { "Mimi Jones", "Amy J" };
	struct pc_pupil p = { .id = "1001", .forename = "Amelia", .surname = "Jones",
	                      .preferred_name = "Amy", .class_name = "Year 3", .no_photo = 0,
	                      .no_name = 1, .left_on = "2027-07-20", .aliases = aliases,
	                      .alias_count = 2 };
	cr_assert_eq(pc_store_pupil_add(sfx.store, &p, "office", &test_err), 0, "%s", test_err.message);
	struct pc_pupil_list *list = get("1001");
	const struct pc_pupil *g = &list->items[0];
	cr_expect_str_eq(g->id, "1001");
	cr_expect_str_eq(g->forename, "Amelia");
	cr_expect_str_eq(g->surname, "Jones");
	cr_expect_str_eq(g->preferred_name, "Amy");
	cr_expect_str_eq(g->class_name, "Year 3");
	cr_expect_eq(g->no_photo, 0);
	cr_expect_eq(g->no_name, 1);
	cr_expect_str_eq(g->left_on, "2027-07-20");
	cr_assert_eq(g->alias_count, 2);
	cr_expect_str_eq(g->aliases[0], "Mimi Jones");
	cr_expect_str_eq(g->aliases[1], "Amy J");
	pc_pupil_list_free(list);
}

Test(store_pupils, optional_fields_read_back_as_null)
{
	store_fx_pupil("1002", "Ben", "Ali", "", "");
	struct pc_pupil_list *list = get("1002");
	cr_expect_null(list->items[0].preferred_name);
	cr_expect_null(list->items[0].class_name);
	cr_expect_null(list->items[0].left_on);
	cr_expect_eq(list->items[0].alias_count, 0);
	pc_pupil_list_free(list);
}

Test(store_pupils, an_id_already_taken_is_eexists)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	struct pc_pupil p = { .id = "1001", .forename = "Ben", .surname = "Ali" };
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EEXISTS);
	cr_expect_str_eq(test_err.message, "a pupil already has the id '1001'");
	struct pc_pupil_list *list = get("1001");
	cr_expect_str_eq(list->items[0].forename, "Amy", "the first one is kept");
	pc_pupil_list_free(list);
}

Test(store_pupils, bad_pupils_are_refused_with_a_reason)
{
	struct pc_pupil p = { .id = "1001", .forename = "  ", .surname = "Jones" };
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "pupil '1001' has no forename");
	p.forename = "Amy";
	p.surname = NULL;
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "pupil '1001' has no surname");
	p.surname = "Jones";
	p.left_on = "2026-02-30";
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'2026-02-30' is not a date (YYYY-MM-DD)");
	p.left_on = NULL;
	p.id = "";
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);
	p.id = " 1001";
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);
	p.id = "1001";
	p.forename = "Am\xff";
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "the forename of pupil '1001' is not valid UTF-8");
	const char *aliases[] = { " " };
	p.forename = "Amy";
	p.aliases = aliases;
	p.alias_count = 1;
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EFORMAT);

	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, NULL, &test_err), 0);
	cr_expect_eq(list->count, 0, "none of them was added");
	pc_pupil_list_free(list);
}

Test(store_pupils, unknown_pupil_is_enotfound)
{
	struct pc_pupil_list *list = (void *)1;
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1042", &test_err), PC_ENOTFOUND);
	cr_expect_null(list);
	cr_expect_str_eq(test_err.message, "no pupil has the id '1042'");
}

Test(store_pupils, list_is_ordered_by_class_surname_forename)
{
	store_fx_pupil("1", "Zoe", "Brown", NULL, "Year 4");
	store_fx_pupil("2", "Amy", "Jones", NULL, "Year 3");
	store_fx_pupil("3", "Ben", "Ali", NULL, "Year 4");
	store_fx_pupil("4", "Adam", "Brown", NULL, "Year 4");
	store_fx_pupil("5", "Cara", "Ali", NULL, "Year 3");
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, NULL, &test_err), 0);
	const char *want[] = { "5", "2", "3", "4", "1" };
	cr_assert_eq(list->count, 5);
	for (size_t i = 0; i < 5; i++)
		cr_expect_str_eq(list->items[i].id, want[i], "place %zu", i);
	pc_pupil_list_free(list);

	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, "Year 4", &test_err), 0);
	cr_assert_eq(list->count, 3);
	cr_expect_str_eq(list->items[0].id, "3");
	cr_expect_str_eq(list->items[2].id, "1");
	pc_pupil_list_free(list);

	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, "Year 9", &test_err), 0);
	cr_expect_eq(list->count, 0);
	pc_pupil_list_free(list);
}

Test(store_pupils, a_long_list_keeps_every_pupil_and_alias)
{
	cr_assert_eq(pc__store_begin(sfx.store), 0);
	for (int i = 0; i < 600; i++) {
		char id[16], alias[32];
		snprintf(id, sizeof(id), "%04d", i);
		snprintf(alias, sizeof(alias), "Child Number %d", i);
		const char *aliases[] = { alias };
		struct pc_pupil p = { .id = id, .forename = "Child", .surname = id,
		                      .class_name = "Year 1", .aliases = aliases, .alias_count = 1 };
		cr_assert_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), 0);
	}
	cr_assert_eq(pc__store_commit(sfx.store), 0);
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, "Year 1", &test_err), 0);
	cr_assert_eq(list->count, 600);
	cr_expect_str_eq(list->items[599].id, "0599");
	cr_expect_str_eq(list->items[599].aliases[0], "Child Number 599");
	pc_pupil_list_free(list);
}

Test(store_pupils, flags_and_leaving_date_are_set_and_cleared)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	cr_expect_eq(pc_store_pupil_set_flag(sfx.store, "1001", PC_PUPIL_NO_PHOTO, 1, "dpo", &test_err), 0);
	cr_expect_eq(pc_store_pupil_set_flag(sfx.store, "1001", PC_PUPIL_NO_NAME, 7, "dpo", &test_err), 0);
	cr_expect_eq(pc_store_pupil_set_left_on(sfx.store, "1001", "2026-07-22", "dpo", &test_err), 0);
	struct pc_pupil_list *list = get("1001");
	cr_expect_eq(list->items[0].no_photo, 1);
	cr_expect_eq(list->items[0].no_name, 1);
	cr_expect_str_eq(list->items[0].left_on, "2026-07-22");
	pc_pupil_list_free(list);

	cr_expect_eq(pc_store_pupil_set_flag(sfx.store, "1001", PC_PUPIL_NO_PHOTO, 0, "dpo", &test_err), 0);
	cr_expect_eq(pc_store_pupil_set_left_on(sfx.store, "1001", NULL, "dpo", &test_err), 0);
	list = get("1001");
	cr_expect_eq(list->items[0].no_photo, 0);
	cr_expect_eq(list->items[0].no_name, 1);
	cr_expect_null(list->items[0].left_on);
	pc_pupil_list_free(list);
}

Test(store_pupils, setting_on_an_unknown_pupil_or_a_bad_flag_fails)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	cr_expect_eq(pc_store_pupil_set_flag(sfx.store, "1042", PC_PUPIL_NO_PHOTO, 1, "dpo", &test_err), PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message, "no pupil has the id '1042'");
	cr_expect_eq(pc_store_pupil_set_flag(sfx.store, "1001", (enum pc_pupil_flag)7, 1, "dpo",
	                                     &test_err), PC_EINVALID);
	cr_expect_str_eq(test_err.message,
	                 "7 is not a pupil flag (PC_PUPIL_NO_PHOTO or PC_PUPIL_NO_NAME)");
	cr_expect_eq(pc_store_pupil_set_left_on(sfx.store, "1001", "22/07/2026", "dpo", &test_err), PC_EFORMAT);
	cr_expect_eq(pc_store_pupil_set_left_on(sfx.store, "1042", "2026-07-22", "dpo", &test_err), PC_ENOTFOUND);
	cr_expect_eq(pc_store_pupil_alias(sfx.store, "1042", "Amy J", "dpo", &test_err), PC_ENOTFOUND);
}

Test(store_pupils, an_alias_the_pupil_already_has_is_not_an_error)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	cr_expect_eq(pc_store_pupil_alias(sfx.store, "1001", "Mimi Jones", "dpo", &test_err), 0);
	cr_expect_eq(pc_store_pupil_alias(sfx.store, "1001", "MIMI  jones", "dpo", &test_err), 0,
	             "%s", test_err.message);
	struct pc_pupil_list *list = get("1001");
	cr_expect_eq(list->items[0].alias_count, 1);
	pc_pupil_list_free(list);
	cr_expect_eq(pc_store_pupil_alias(sfx.store, "1001", "", "dpo", &test_err), PC_EFORMAT);
}

Test(store_pupils, update_replaces_names_and_keeps_aliases)
{
	const char *aliases[] = { "Mimi Jones" };
	struct pc_pupil p = { .id = "1001", .forename = "Amy", .surname = "Jones",
	                      .class_name = "Year 3", .aliases = aliases, .alias_count = 1 };
	cr_assert_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), 0);

	const char *more[] = { "Amy S" };
	struct pc_pupil q = { .id = "1001", .forename = "Amy", .surname = "Smith",
	                      .class_name = "Year 4", .no_photo = 1, .aliases = more,
	                      .alias_count = 1 };
	cr_assert_eq(pc__store_pupil_update(sfx.store, &q, "import"), 0, "%s",
	             test_err.message);
	struct pc_pupil_list *list = get("1001");
	cr_expect_str_eq(list->items[0].surname, "Smith");
	cr_expect_str_eq(list->items[0].class_name, "Year 4");
	cr_expect_eq(list->items[0].no_photo, 1);
	cr_expect_eq(list->items[0].alias_count, 2, "aliases are only ever added");
	pc_pupil_list_free(list);

	struct pc_pupil_matches *m = NULL;
	cr_assert_eq(pc_store_pupils_named(&m, sfx.store, "Amy Smith", &test_err), 0);
	cr_expect_eq(m->count, 1, "the new name finds her");
	pc_pupil_matches_free(m);
	cr_assert_eq(pc_store_pupils_named(&m, sfx.store, "Amy Jones", &test_err), 0);
	cr_expect_eq(m->count, 0, "the old name no longer does");
	pc_pupil_matches_free(m);
}

Test(store_pupils, update_of_an_unknown_pupil_is_enotfound)
{
	struct pc_pupil q = { .id = "1042", .forename = "Amy", .surname = "Smith" };
	cr_expect_eq(pc__store_pupil_update(sfx.store, &q, "import"), PC_ENOTFOUND);
	cr_expect_str_eq(pc__store_message(sfx.store), "no pupil has the id '1042'");
}

Test(store_pupils, update_with_what_the_database_holds_writes_nothing)
{
	const char *aliases[] = { "Mimi Jones" };
	struct pc_pupil p = { .id = "1001", .forename = "Amy", .surname = "Jones",
	                      .preferred_name = "Mimi", .class_name = "Year 3",
	                      .aliases = aliases, .alias_count = 1 };
	cr_assert_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), 0);
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);
	cr_assert_eq(pc__store_pupil_update(sfx.store, &p, "import"), 0);
	store_fx_expect_same(sfx.path, before, len);
	free(before);
}

/* ---------------------------------------------------------------- matching */

/* The ids a tag finds, in order, joined by spaces; and the kinds. */
static void expect_named(const char *tag, const char *want_ids, enum pc_match_kind want_kind)
{
	struct pc_pupil_matches *m = NULL;
	cr_assert_eq(pc_store_pupils_named(&m, sfx.store, tag, &test_err), 0, "%s", test_err.message);
	char got[256] = "";
	size_t at = 0;
	for (size_t i = 0; i < m->count; i++) {
		at += (size_t)snprintf(got + at, sizeof(got) - at, "%s%s", i ? " " : "",
		                       m->items[i].pupil.id);
		if (want_kind)
			cr_expect_eq(m->items[i].kind, want_kind, "'%s' finds %s by kind %d",
			             tag, m->items[i].pupil.id, m->items[i].kind);
	}
	cr_expect_str_eq(got, want_ids, "tag '%s'", tag);
	pc_pupil_matches_free(m);
}

static void school(void)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, "Year 3");
	store_fx_pupil("1002", "Katherine", "Smith", "Katie", "Year 3");
	store_fx_pupil("1003", "Jack", "Green", NULL, "Year 4");
	store_fx_pupil("1004", "Jack", "Green", NULL, "Year 6");
	store_fx_pupil("1005", "\xC5\x81ukasz", "Nowak", NULL, "Year 5"); /* Łukasz */
	store_fx_pupil("1006", "Zo\xC3\xAB", "O'Brien", NULL, "Year 2");   /* Zoë */
	cr_assert_eq(pc_store_pupil_alias(sfx.store, "1001", "Mimi Jones", "test", &test_err), 0);
}

Test(store_match, full_name_in_either_order_any_case_and_spacing)
{
	school();
	expect_named("Amy Jones", "1001", PC_MATCH_NAME);
	expect_named("Jones, Amy", "1001", PC_MATCH_NAME);
	expect_named("  AMY   JONES ", "1001", PC_MATCH_NAME);
	expect_named("jones ,amy", "1001", PC_MATCH_NAME);
}

Test(store_match, preferred_name_with_the_surname)
{
	school();
	expect_named("Katie Smith", "1002", PC_MATCH_PREFERRED);
	expect_named("Smith, Katie", "1002", PC_MATCH_PREFERRED);
	expect_named("Katherine Smith", "1002", PC_MATCH_NAME);
}

Test(store_match, an_alias_finds_the_pupil)
{
	school();
	expect_named("Mimi Jones", "1001", PC_MATCH_ALIAS);
	expect_named("mimi jones", "1001", PC_MATCH_ALIAS);
}

Test(store_match, the_id_finds_the_pupil)
{
	school();
	expect_named("1003", "1003", PC_MATCH_ID);
	expect_named(" 1003 ", "1003", PC_MATCH_ID);
}

Test(store_match, a_forename_or_surname_alone_finds_nobody)
{
	school();
	expect_named("Amy", "", 0);
	expect_named("Jones", "", 0);
	expect_named("Katie", "", 0);
	expect_named("Jones,", "", 0);
	expect_named("", "", 0);
	expect_named("   ", "", 0);
	expect_named("Amy Jonesy", "", 0);
}

Test(store_match, two_pupils_of_one_name_are_both_found)
{
	school();
	expect_named("Jack Green", "1003 1004", PC_MATCH_NAME);
	expect_named("Green, Jack", "1003 1004", PC_MATCH_NAME);
}

Test(store_match, letters_typed_without_their_accent_match)
{
	school();
	expect_named("Lukasz Nowak", "1005", PC_MATCH_NAME);
	expect_named("\xC5\x81UKASZ NOWAK", "1005", PC_MATCH_NAME);
	expect_named("Zoe O'Brien", "1006", PC_MATCH_NAME);
	expect_named("O'Brien, Zo\xC3\xAB", "1006", PC_MATCH_NAME);
}

Test(store_match, one_entry_per_pupil_with_the_strongest_kind)
{
	school();
	/* An alias that is also her name: found once, as a name. */
	cr_assert_eq(pc_store_pupil_alias(sfx.store, "1001", "Amy Jones", "test", &test_err), 0);
	expect_named("Amy Jones", "1001", PC_MATCH_NAME);

	/* A name that is another pupil's alias: two pupils, strongest first. */
	cr_assert_eq(pc_store_pupil_alias(sfx.store, "1004", "Katie Smith", "test", &test_err), 0);
	struct pc_pupil_matches *m = NULL;
	cr_assert_eq(pc_store_pupils_named(&m, sfx.store, "Katie Smith", &test_err), 0);
	cr_assert_eq(m->count, 2);
	cr_expect_str_eq(m->items[0].pupil.id, "1002");
	cr_expect_eq(m->items[0].kind, PC_MATCH_PREFERRED);
	cr_expect_str_eq(m->items[1].pupil.id, "1004");
	cr_expect_eq(m->items[1].kind, PC_MATCH_ALIAS);
	pc_pupil_matches_free(m);
}

Test(store_match, a_match_carries_the_whole_pupil)
{
	school();
	cr_assert_eq(pc_store_pupil_set_flag(sfx.store, "1001", PC_PUPIL_NO_NAME, 1, "dpo", &test_err), 0);
	struct pc_pupil_matches *m = NULL;
	cr_assert_eq(pc_store_pupils_named(&m, sfx.store, "Jones, Amy", &test_err), 0);
	cr_assert_eq(m->count, 1);
	cr_expect_str_eq(m->items[0].pupil.forename, "Amy");
	cr_expect_str_eq(m->items[0].pupil.class_name, "Year 3");
	cr_expect_eq(m->items[0].pupil.no_name, 1);
	cr_assert_eq(m->items[0].pupil.alias_count, 1);
	cr_expect_str_eq(m->items[0].pupil.aliases[0], "Mimi Jones");
	pc_pupil_matches_free(m);
}

Test(store_match, tag_that_is_not_utf8_names_nobody)
{
	school();
	expect_named("Amy\xff Jones", "", 0);
}

static void reset_scan_counts(void)
{
	sqlite3 *db = pc__store_db(sfx.store);
	for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st; st = sqlite3_next_stmt(db, st))
		sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
}

/* Whether any statement of the store has stepped through a whole table
 * since reset_scan_counts(). */
static void expect_no_full_scan(const char *what)
{
	sqlite3 *db = pc__store_db(sfx.store);
	for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st; st = sqlite3_next_stmt(db, st))
		cr_expect_eq(sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0), 0,
		             "%s scans a table: %s", what, sqlite3_sql(st));
}

Test(store_match, lookup_uses_the_indexes)
{
	cr_assert_eq(pc__store_begin(sfx.store), 0);
	for (int i = 0; i < 200; i++) {
		char id[16], surname[32];
		snprintf(id, sizeof(id), "%d", 2000 + i);
		snprintf(surname, sizeof(surname), "Surname%d", i);
		store_fx_pupil(id, "Child", surname, i % 2 ? "Kid" : NULL, NULL);
		cr_assert_eq(pc_store_pupil_alias(sfx.store, id, surname, "test", &test_err), 0);
	}
	cr_assert_eq(pc__store_commit(sfx.store), 0);
	school();
	reset_scan_counts();
	expect_named("Jones, Amy", "1001", PC_MATCH_NAME);
	expect_named("Kid Surname7", "2007", PC_MATCH_PREFERRED);
	expect_named("Surname9", "2009", PC_MATCH_ALIAS);
	expect_no_full_scan("matching a tag");
}

Test(store_pupils, a_pupil_whose_alias_cannot_be_stored_is_not_added_at_all)
{
	/* A failure injected after the pupil's row is written: the alias
	 * insert fails, and the whole call must be undone. */
	sqlite3 *db = pc__store_db(sfx.store);
	cr_assert_eq(sqlite3_exec(db, "CREATE TEMP TRIGGER fail_alias BEFORE INSERT ON main.aliases"
	                          " WHEN NEW.alias = 'Boom' BEGIN SELECT RAISE(ABORT, 'disk on fire');"
	                          " END", NULL, NULL, NULL), SQLITE_OK);
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);
	const char *aliases[] = { "Mimi Jones", "Boom" };
	struct pc_pupil p = { .id = "1001", .forename = "Amy", .surname = "Jones",
	                      .aliases = aliases, .alias_count = 2 };
	cr_expect_neq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), 0);
	cr_expect(strstr(test_err.message, "disk on fire") != NULL, "%s",
	          test_err.message);
	struct pc_pupil_list *list = NULL;
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1001", &test_err), PC_ENOTFOUND);
	store_fx_expect_same(sfx.path, before, len);
	free(before);

	/* Inside a caller's transaction, only this call's writes go. */
	store_fx_pupil("1002", "Ben", "Ali", NULL, NULL);
	cr_assert_eq(pc__store_begin(sfx.store), 0);
	store_fx_pupil("1003", "Cara", "Ali", NULL, NULL);
	cr_expect_neq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), 0);
	cr_assert_eq(pc__store_commit(sfx.store), 0);
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1003", &test_err), 0);
	pc_pupil_list_free(list);
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1001", &test_err), PC_ENOTFOUND);
}
