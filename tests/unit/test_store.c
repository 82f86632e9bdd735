/*
 * The consent database as a file: creating, opening, refusing what is not
 * ours, migrating, locking, and leaving the file alone when nothing is
 * written. Also dates and errors.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/store_internal.h"
#include "test_store.h"

TestSuite(store_open, .init = store_fx_setup, .fini = store_fx_teardown);
TestSuite(store_write, .init = store_fx_setup_created, .fini = store_fx_teardown);
TestSuite(store_dates);

/* Runs SQL on the file through a connection of its own, as another
 * program would. */
static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
	             SQLITE_OK);
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, err ? err : "");
	sqlite3_free(err);
	sqlite3_close(db);
}

static int raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* The exact message of a failed open: `before`, the path, `after`. */
static void expect_message(const pc_store *store, const char *before, const char *after)
{
	/* A failed open hands back no store: the message is in test_err. */
	cr_expect_null(store);
	char want[512];
	snprintf(want, sizeof(want), "%s%s%s", before, sfx.path, after);
	cr_expect_str_eq(test_err.message, want);
}

/* Opening sfx.path with `mode` fails with `code` and the message `before`,
 * the path, `after`, and leaves the file byte for byte as it was. */
static void expect_refused_untouched(enum pc_store_mode mode, int code, const char *before,
                                     const char *after)
{
	size_t len;
	unsigned char *was = store_fx_slurp(sfx.path, &len);
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, mode, &test_err), code);
	expect_message(sfx.store, before, after);
	store_fx_expect_same(sfx.path, was, len);
	free(was);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ------------------------------------------------------------------- dates */

Test(store_dates, real_calendar_dates_only)
{
	cr_expect(pc_date_valid("2026-02-28"));
	cr_expect(pc_date_valid("2024-02-29"), "2024 is a leap year");
	cr_expect(pc_date_valid("2000-02-29"), "2000 is a leap year (divisible by 400)");
	cr_expect_not(pc_date_valid("1900-02-29"), "1900 is not (divisible by 100)");
	cr_expect_not(pc_date_valid("2026-02-29"));
	cr_expect_not(pc_date_valid("2026-02-30"));
	cr_expect_not(pc_date_valid("2026-04-31"));
	cr_expect(pc_date_valid("2026-12-31"));
	cr_expect_not(pc_date_valid("2026-13-01"));
	cr_expect_not(pc_date_valid("2026-00-10"));
	cr_expect_not(pc_date_valid("2026-01-00"));
	cr_expect_not(pc_date_valid("0000-01-01"));
	cr_expect_not(pc_date_valid("2026-2-3"));
	cr_expect_not(pc_date_valid("2026/02/03"));
	cr_expect_not(pc_date_valid("2026-02-03x"));
	cr_expect_not(pc_date_valid("2026-02-0"));
	cr_expect_not(pc_date_valid(""));
	cr_expect_not(pc_date_valid(NULL));
}

Test(store_dates, today_is_the_local_date)
{
	char today[11];
	pc_date_today(today);
	cr_expect(pc_date_valid(today), "'%s'", today);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	char want[11];
	strftime(want, sizeof(want), "%Y-%m-%d", &tm);
	cr_expect_str_eq(today, want);
}

/* ---------------------------------------------------------------- creating */

Test(store_open, new_database_file_is_owner_only_even_with_umask_0)
{
	umask(0);
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0, "%s",
	             test_err.message);
	struct stat sb;
	cr_assert_eq(stat(sfx.path, &sb), 0);
	cr_expect_eq(sb.st_mode & 0777, 0600, "mode %o", (unsigned)(sb.st_mode & 0777));
	cr_expect_eq(pc_store_file_version(sfx.store), pc_store_schema_version());
	cr_expect_eq(pc_store_schema_version(), pc__migration_count);
	cr_expect_eq(raw_int(sfx.path, "PRAGMA application_id"), 1346585666);
	cr_expect_eq(raw_int(sfx.path, "PRAGMA user_version"), pc__migration_count);
	cr_expect_str_eq(test_err.message, "");
}

Test(store_open, new_database_has_the_seven_purposes)
{
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	struct pc_purpose_list *list = NULL;
	cr_assert_eq(pc_store_purpose_list(&list, sfx.store, &test_err), 0);
	const char *want[] = { "display", "newsletter", "website", "social", "press",
	                       "parent-social", "staff-personal" };
	cr_assert_eq(list->count, 7);
	for (size_t i = 0; i < 7; i++) {
		cr_expect_str_eq(list->items[i].id, want[i]);
		cr_expect_eq(list->items[i].is_public, i != 0, "%s", want[i]);
		cr_expect_eq(list->items[i].always_deny, i == 6, "%s", want[i]);
		cr_expect(strlen(list->items[i].policy) > 20);
	}
	pc_purpose_list_free(list);
}

Test(store_open, create_over_a_photoconsent_database_is_refused_and_changes_nothing)
{
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	pc_store_free(sfx.store);
	sfx.store = NULL;

	expect_refused_untouched(PC_STORE_CREATE, PC_EEXISTS, "'",
	                         "' is already a photoconsent database");
}

Test(store_open, create_initialises_an_existing_empty_file)
{
	write_file(sfx.path, "");
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), pc__migration_count);
}

Test(store_open, create_over_another_file_leaves_it_alone)
{
	write_file(sfx.path, "name,class\nAmy,3\n");
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), PC_EDATABASE);
	expect_message(sfx.store, "'", "' is not a database");
	size_t len;
	unsigned char *after = store_fx_slurp(sfx.path, &len);
	cr_expect_eq(len, strlen("name,class\nAmy,3\n"));
	free(after);
}

Test(store_open, create_in_a_missing_folder_is_eopen)
{
	char path[160];
	store_fx_file(path, "no/such/folder.db");
	cr_expect_eq(pc_store_open(&sfx.store, path, PC_STORE_CREATE, &test_err), PC_EOPEN);
	cr_expect(strstr(test_err.message, "cannot create '") != NULL, "%s",
	          test_err.message);
}

/* ---------------------------------------------------------------- opening */

Test(store_open, missing_file_says_how_to_create_one_and_creates_nothing)
{
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), PC_EOPEN);
	expect_message(sfx.store, "no database at '", "'; create one with 'photoconsent db init'");
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), PC_EOPEN);
	cr_expect_eq(access(sfx.path, F_OK), -1, "no file was made");
}

Test(store_open, empty_file_opened_for_writing_is_migrated_to_the_current_version)
{
	write_file(sfx.path, "");
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), pc__migration_count);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_expect_eq(raw_int(sfx.path, "PRAGMA user_version"), pc__migration_count);
	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM purposes"), 7);
}

Test(store_open, empty_file_opened_for_reading_is_refused_and_stays_empty)
{
	write_file(sfx.path, "");
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), PC_EDATABASE);
	expect_message(sfx.store, "'", "' holds no photoconsent database yet; create one "
	               "with 'photoconsent db init'");
	struct stat sb;
	cr_assert_eq(stat(sfx.path, &sb), 0);
	cr_expect_eq(sb.st_size, 0);
}

Test(store_open, newer_schema_is_refused_for_reading_and_writing)
{
	raw_sql(sfx.path, "PRAGMA application_id = 1346585666; CREATE TABLE future (x);"
	        "PRAGMA user_version = 99;");
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);
	char want[512];
	snprintf(want, sizeof(want), "'%s' has schema version 99, newer than this photoconsent "
	         "(%d); use a newer photoconsent", sfx.path, pc__migration_count);

	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), PC_EDATABASE);
	cr_expect_str_eq(test_err.message, want);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), PC_EDATABASE);
	cr_expect_str_eq(test_err.message, want);
	store_fx_expect_same(sfx.path, before, len);
	free(before);
}

Test(store_open, another_programs_sqlite_database_is_refused_untouched)
{
	raw_sql(sfx.path, "CREATE TABLE photos (name TEXT); INSERT INTO photos VALUES ('a');");
	expect_refused_untouched(PC_STORE_WRITE, PC_EDATABASE, "'",
	                         "' is not a photoconsent database");
}

Test(store_open, sqlite_file_with_our_version_but_another_application_id_is_refused)
{
	raw_sql(sfx.path, "CREATE TABLE t (x); PRAGMA user_version = 1;");
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), PC_EDATABASE);
	expect_message(sfx.store, "'", "' is not a photoconsent database");
}

Test(store_open, text_file_is_not_a_database)
{
	write_file(sfx.path, "pupil_id,forename,surname\n1001,Amy,Jones\n");
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), PC_EDATABASE);
	expect_message(sfx.store, "'", "' is not a database");
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), PC_EDATABASE);
	expect_message(sfx.store, "'", "' is not a database");
}

Test(store_open, damaged_database_says_so)
{
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	/* Scribble over the first page after the 100-byte header: the
	 * schema's own b-tree. */
	int fd = open(sfx.path, O_WRONLY);
	cr_assert(fd >= 0);
	unsigned char junk[200];
	memset(junk, 0xA5, sizeof(junk));
	cr_assert_eq(pwrite(fd, junk, sizeof(junk), 100), (ssize_t)sizeof(junk));
	close(fd);

	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), PC_EDATABASE);
	char want[300];
	snprintf(want, sizeof(want), "'%s' is damaged: ", sfx.path);
	cr_expect(!strncmp(test_err.message, want, strlen(want)), "%s",
	          test_err.message);
}

Test(store_open, folder_is_not_a_database)
{
	cr_expect_eq(pc_store_open(&sfx.store, sfx.dir, PC_STORE_READ, &test_err), PC_EOPEN);
	cr_expect(strstr(test_err.message, "is a folder") != NULL);
}

/* Root writes to any file; drop to nobody (this test runs in a process of
 * its own) so that a read-only file is read-only. */
static void become_nobody(void)
{
	if (geteuid() != 0)
		return;
	cr_assert_eq(chown(sfx.dir, 65534, 65534), 0);
	cr_assert_eq(setgid(65534), 0);
	cr_assert_eq(setuid(65534), 0);
}

Test(store_open, read_only_file_opened_for_writing_is_ereadonly)
{
	become_nobody();
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_assert_eq(chmod(sfx.path, 0400), 0);

	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), PC_EREADONLY);
	cr_expect(strstr(test_err.message, "cannot be written") != NULL, "%s",
	          test_err.message);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	/* Reading it is fine. */
	cr_expect_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), 0, "%s",
	             test_err.message);
}

Test(store_open, reading_never_writes)
{
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, "Year 3");
	store_fx_consent("1001", "website", PC_DECISION_GRANTED, "2025-09-01", NULL, NULL);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);
	struct stat sb0, sb1;
	cr_assert_eq(stat(sfx.path, &sb0), 0);

	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), 0);
	cr_expect_eq(store_fx_state("1001", "website", "2026-01-01"), PC_CONSENT_GRANTED);
	struct pc_pupil_list *list = NULL;
	cr_expect_eq(pc_store_pupil_list(&list, sfx.store, NULL, &test_err), 0);
	pc_pupil_list_free(list);
	/* A write through a read-only store is refused, not attempted. */
	struct pc_pupil p = { .id = "1002", .forename = "Ben", .surname = "Ali" };
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EREADONLY);
	pc_store_free(sfx.store);
	sfx.store = NULL;

	store_fx_expect_same(sfx.path, before, len);
	cr_assert_eq(stat(sfx.path, &sb1), 0);
	cr_expect_eq(sb1.st_mtim.tv_sec, sb0.st_mtim.tv_sec);
	cr_expect_eq(sb1.st_mtim.tv_nsec, sb0.st_mtim.tv_nsec);
	free(before);
}

Test(store_open, opening_for_writing_writes_nothing_until_a_write)
{
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);

	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), 0);
	struct pc_purpose_list *list = NULL;
	cr_expect_eq(pc_store_purpose_list(&list, sfx.store, &test_err), 0);
	pc_purpose_list_free(list);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	store_fx_expect_same(sfx.path, before, len);
	free(before);
}

/* ---------------------------------------------------------------- locking */

Test(store_open, database_locked_by_another_writer_is_ebusy_within_the_timeout)
{
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err), 0);
	pc_store_free(sfx.store);
	sfx.store = NULL;

	sqlite3 *other = NULL;
	cr_assert_eq(sqlite3_open(sfx.path, &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);

	/* Opening only reads, and the write-ahead log lets it; the write
	 * waits for the other writer, up to the timeout. */
	struct pc__store_options opts = { .busy_timeout_ms = 200 };
	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_WRITE, &opts, &test_err),
	             0, "%s", test_err.message);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int ret = pc_store_set_person_roots(sfx.store, "Pupils", "test", &test_err);
	double took = seconds_since(&t0);
	cr_expect_eq(ret, PC_EBUSY, "%d %s", ret, test_err.message);
	cr_expect(strstr(test_err.message,
	                 "the database is locked by another writer (tried for 200 ms)") != NULL,
	          "%s", test_err.message);
	cr_expect(took >= 0.15 && took < 3.0, "waited %.3f s", took);

	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
}

Test(store_open, write_while_another_writer_holds_the_lock_is_ebusy)
{
	struct pc__store_options opts = { .busy_timeout_ms = 1000 };
	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_CREATE, &opts, &test_err), 0);

	sqlite3 *other = NULL;
	cr_assert_eq(sqlite3_open(sfx.path, &other), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);

	struct pc_pupil p = { .id = "1001", .forename = "Amy", .surname = "Jones" };
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), PC_EBUSY);
	double took = seconds_since(&t0);
	cr_expect(took >= 0.9 && took < 4.0, "waited %.3f s", took);
	cr_expect(strstr(test_err.message, "(tried for 1 s)") != NULL, "%s",
	          test_err.message);

	/* Once the other writer is done, the same store writes. */
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	cr_expect_eq(pc_store_pupil_add(sfx.store, &p, "test", &test_err), 0, "%s", test_err.message);
}

/* -------------------------------------------------------------- migrations */

/* A pretend version 2, and one that fails half-way through. */
static const char MIGRATION_2[] =
	"ALTER TABLE pupils ADD COLUMN photo_note TEXT;\n"
	"CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);\n";
static const char FAILING_2[] =
	"CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);\n"
	"INSERT INTO no_such_table VALUES (1);\n";

/* A database at version 1 holding one pupil; returns its bytes. */
static unsigned char *version_1_database(size_t *len)
{
	const struct pc__store_options only_1 = { .migrations = pc__migrations,
	                                          .migration_count = 1 };
	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_CREATE, &only_1, &test_err), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	return store_fx_slurp(sfx.path, len);
}

Test(store_open, older_database_is_migrated_forward_when_opened_for_writing)
{
	size_t len;
	free(version_1_database(&len));
	const char *m[2] = { pc__migrations[0], MIGRATION_2 };
	struct pc__store_options opts = { .migrations = m, .migration_count = 2 };

	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_WRITE, &opts, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), 2);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_expect_eq(raw_int(sfx.path, "PRAGMA user_version"), 2);
	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM settings"), 0);
	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM pupils WHERE photo_note IS NULL"), 1,
	             "the pupil is kept");
}

Test(store_open, empty_file_takes_every_migration_in_turn)
{
	write_file(sfx.path, "");
	const char *m[2] = { pc__migrations[0], MIGRATION_2 };
	struct pc__store_options opts = { .migrations = m, .migration_count = 2 };
	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_WRITE, &opts, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), 2);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_expect_eq(raw_int(sfx.path, "PRAGMA user_version"), 2);
}

Test(store_open, failing_migration_rolls_back_and_leaves_the_file_as_it_was)
{
	size_t len;
	unsigned char *before = version_1_database(&len);
	const char *m[2] = { pc__migrations[0], FAILING_2 };
	struct pc__store_options opts = { .migrations = m, .migration_count = 2 };

	cr_expect_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_WRITE, &opts, &test_err), PC_ERROR);
	char want[300];
	snprintf(want, sizeof(want), "cannot bring '%s' from schema version 1 to 2: ", sfx.path);
	cr_expect(!strncmp(test_err.message, want, strlen(want)), "%s",
	          test_err.message);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	store_fx_expect_same(sfx.path, before, len);
	char journal[160];
	store_fx_file(journal, "consent.db-journal");
	cr_expect_eq(access(journal, F_OK), -1, "no journal left behind");
	free(before);
}

Test(store_open, older_database_is_read_without_migrating)
{
	size_t len;
	unsigned char *before = version_1_database(&len);
	const char *m[2] = { pc__migrations[0], MIGRATION_2 };
	struct pc__store_options opts = { .migrations = m, .migration_count = 2,
	                                  .oldest_readable = 1 };

	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_READ, &opts, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), 1);
	struct pc_pupil_list *list = NULL;
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1001", &test_err), 0);
	pc_pupil_list_free(list);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	store_fx_expect_same(sfx.path, before, len);
	free(before);
}

/* ------------------------------------------------------------ transactions */

Test(store_write, a_failed_write_leaves_the_file_byte_for_byte_as_it_was)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);

	/* The event row and its tag are written before the unknown purpose
	 * is met: all of it must go. */
	const char *tags[] = { "Sports Day" };
	const char *denied[] = { "website", "webiste" };
	struct pc_event e = { .id = "sports-day", .name = "Sports Day", .starts_on = "2026-07-03",
	                      .ends_on = "2026-07-03", .tags = tags, .tag_count = 1,
	                      .denied = denied, .denied_count = 2 };
	cr_expect_eq(pc_store_event_add(sfx.store, &e, "test", &test_err), PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message,
	                 "no purpose is called 'webiste' (did you mean 'website'?); 'photoconsent purpose list' shows them");
	store_fx_expect_same(sfx.path, before, len);

	struct pc_event_list *events = NULL;
	cr_assert_eq(pc_store_event_list(&events, sfx.store, &test_err), 0);
	cr_expect_eq(events->count, 0);
	pc_event_list_free(events);
	free(before);
}

Test(store_write, writes_nest_inside_one_transaction)
{
	cr_assert_eq(pc__store_begin(sfx.store), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	const char *denied[] = { "nope" };
	struct pc_event e = { .id = "play", .name = "Play", .starts_on = "2026-12-10",
	                      .ends_on = "2026-12-10", .denied = denied, .denied_count = 1 };
	cr_expect_eq(pc_store_event_add(sfx.store, &e, "test", &test_err), PC_ENOTFOUND);
	store_fx_consent("1001", "website", PC_DECISION_GRANTED, "2025-09-01", NULL, NULL);
	cr_assert_eq(pc__store_commit(sfx.store), 0, "%s", test_err.message);

	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM pupils"), 1);
	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM consents"), 1);
	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM events"), 0,
	             "the failed call inside the transaction left nothing");
}

Test(store_write, rolling_back_the_transaction_drops_every_write_in_it)
{
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);
	cr_assert_eq(pc__store_begin(sfx.store), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	store_fx_consent("1001", "website", PC_DECISION_GRANTED, "2025-09-01", NULL, NULL);
	pc__store_rollback(sfx.store);
	store_fx_expect_same(sfx.path, before, len);
	cr_expect_eq(raw_int(sfx.path, "SELECT count(*) FROM pupils"), 0);
	free(before);
}

Test(store_write, consent_records_cannot_be_changed_or_deleted)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	store_fx_consent("1001", "website", PC_DECISION_GRANTED, "2025-09-01", NULL, NULL);
	sqlite3 *db = pc__store_db(sfx.store);
	cr_expect_neq(sqlite3_exec(db, "UPDATE consents SET decision = 'refused'", NULL, NULL, NULL),
	              SQLITE_OK);
	cr_expect_neq(sqlite3_exec(db, "DELETE FROM consents", NULL, NULL, NULL), SQLITE_OK);
	cr_expect_eq(store_fx_state("1001", "website", "2026-01-01"), PC_CONSENT_GRANTED);
}

Test(store_write, error_message_names_the_subject_and_stays)
{
	cr_expect_str_eq(test_err.message, "");
	struct pc_pupil_list *list = NULL;
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1042", &test_err), PC_ENOTFOUND);
	cr_expect_null(list);
	cr_expect_str_eq(test_err.message, "no pupil has the id '1042'");
	/* Until the next failure, the message is still there to read. */
	cr_expect_str_eq(test_err.message, "no pupil has the id '1042'");
	struct pc_consent_status st;
	cr_expect_eq(pc_store_consent_in_force(&st, sfx.store, "1042", "website", "2026-02-30", &test_err),
	             PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'2026-02-30' is not a date (YYYY-MM-DD)");
}

Test(store_write, foreign_keys_are_enforced)
{
	sqlite3 *db = pc__store_db(sfx.store);
	cr_expect_neq(sqlite3_exec(db, "INSERT INTO aliases VALUES ('nobody', 'X', 'x')",
	                           NULL, NULL, NULL), SQLITE_OK);
}
