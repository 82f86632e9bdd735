/*
 * The MIS import, on real databases in a temporary folder: good files in
 * the shapes spreadsheets and MIS exports write them, re-imports, edits,
 * dry runs, every kind of bad file (refused whole, the database file
 * byte-for-byte unchanged), and a kill in the middle of a large import.
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"
#include "test_store.h"
#include "store/store_internal.h"

static char dir[64];
static char db_path[128];
static pc_store *store;
static pc_import_report *report;

static void remove_tree(const char *path)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path);
	/* NOLINTNEXTLINE(cert-env33-c): a fixed command on the test's own temporary folder */
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", path);
}

static void setup(void)
{
	snprintf(dir, sizeof(dir), "%s/pc-import-XXXXXX", scratch_root());
	cr_assert_not_null(mkdtemp(dir));
	snprintf(db_path, sizeof(db_path), "%s/consent.db", dir);
	int ret = pc_store_open(&store, db_path, PC_STORE_CREATE, &test_err);
	cr_assert_eq(ret, 0, "cannot create %s: %s", db_path, test_err.message);
}

static void teardown(void)
{
	pc_import_report_free(report);
	report = NULL;
	pc_store_free(store);
	store = NULL;
	remove_tree(dir);
}

TestSuite(import, .init = setup, .fini = teardown);

/* ------------------------------------------------------------------ helpers */

/* Writes `len` bytes (strlen when len is 0) to a file in the test folder;
 * returns its path (static: one at a time). */
static const char *write_csv_len(const char *name, const char *text, size_t len)
{
	static char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	if (!len)
		len = strlen(text);
	cr_assert_eq(fwrite(text, 1, len, fp), len);
	cr_assert_eq(fclose(fp), 0);
	return path;
}

static const char *write_csv(const char *name, const char *text)
{
	return write_csv_len(name, text, 0);
}

/* The whole file, and its length. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "cannot open %s", path);
	struct pc__buf b;
	pc__buf_init(&b, 0);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cr_assert_eq(pc__buf_append(&b, chunk, n), 0);
	fclose(fp);
	*len = b.len;
	return pc__buf_detach(&b);
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* Bytes in the file at `path`, 0 when there is none. */
static long long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

/* Every table's rows, in order, as text: two databases hold the same when
 * their dumps are equal. Also checks the file's integrity. */
static char *dump(const char *path)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	struct pc__buf out;
	pc__buf_init(&out, 0);
	sqlite3_stmt *tables = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = "
	                                "'table' ORDER BY name", -1, &tables, NULL),
	             SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		char sql[256];
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\" ORDER BY rowid",
		         (const char *)sqlite3_column_text(tables, 0));
		pc__buf_printf(&out, "== %s\n", (const char *)sqlite3_column_text(tables, 0));
		sqlite3_stmt *st = NULL;
		cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);
				pc__buf_printf(&out, "%s%s", i ? "|" : "", v ? v : "\\N");
			}
			pc__buf_putc(&out, '\n');
		}
		sqlite3_finalize(st);
	}
	sqlite3_finalize(tables);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	pc__buf_printf(&out, "user_version %d\n", sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return pc__buf_detach(&out);
}

static int import(const char *path, unsigned flags)
{
	pc_import_report_free(report);
	report = NULL;
	const struct pc_import_options opts = { PC_IMPORT_OPTIONS_VERSION, flags, "test", NULL };
	int ret = pc_store_import_csv(&report, store, path, &opts, &test_err);
	if (ret) {
		cr_assert_null(report);
		return ret;
	}
	cr_assert_not_null(report);
	/* A refused file is a result: its code is in the report, and the
	 * store still says why in one sentence. */
	int refused = pc_import_report_counts(report)->refused_file;
	if (refused)
		pc__error_copy(&test_err, refused, pc__store_message(store));
	return refused;
}

static void import_ok(const char *path, unsigned flags)
{
	int ret = import(path, flags);
	if (ret && report)
		for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_ERRORS); i++)
			cr_log_error("%s", pc_import_report_line(report, PC_IMPORT_ERRORS, i));
	cr_assert_eq(ret, 0, "import of %s: %d %s", path, ret, test_err.message);
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 0);
}

static int has_line(const pc_import_report *r, enum pc_import_lines kind, const char *want)
{
	for (size_t i = 0; i < pc_import_report_line_count(r, kind); i++)
		if (!strcmp(pc_import_report_line(r, kind, i), want))
			return 1;
	return 0;
}

static int has_prefix(const pc_import_report *r, enum pc_import_lines kind, const char *want)
{
	for (size_t i = 0; i < pc_import_report_line_count(r, kind); i++)
		if (!strncmp(pc_import_report_line(r, kind, i), want, strlen(want)))
			return 1;
	return 0;
}

static void show_report(void)
{
	for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_CHANGES); i++)
		cr_log_info("change: %s", pc_import_report_line(report, PC_IMPORT_CHANGES, i));
	for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_MISSING); i++)
		cr_log_info("missing: %s", pc_import_report_line(report, PC_IMPORT_MISSING, i));
	for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_ERRORS); i++)
		cr_log_info("error: %s", pc_import_report_line(report, PC_IMPORT_ERRORS, i));
}

static void expect_change(const char *want)
{
	if (!has_line(report, PC_IMPORT_CHANGES, want)) {
		show_report();
		cr_assert_fail("no change line \"%s\"", want);
	}
}

static struct pc_pupil_list *pupil(const char *id)
{
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_get(&list, store, id, &test_err), 0, "pupil %s: %s", id,
	             test_err.message);
	cr_assert_eq(list->count, 1);
	return list;
}

/* The records of one pupil and purpose, oldest first, as
 * "granted 2025-09-08 - note;" strings. */
static char *history(const char *id, const char *purpose)
{
	struct pc_consent_list *h = NULL;
	cr_assert_eq(pc_store_consent_history(&h, store, id, &test_err), 0, "%s", test_err.message);
	struct pc__buf out;
	pc__buf_init(&out, 0);
	pc__buf_append(&out, "", 0);
	for (size_t i = 0; i < h->count; i++) {
		const struct pc_consent_record *r = &h->items[i];
		if (strcmp(r->purpose_id, purpose))
			continue;
		pc__buf_printf(&out, "%s %s %s %s;",
		               r->decision == PC_DECISION_GRANTED ? "granted"
		               : r->decision == PC_DECISION_REFUSED ? "refused" : "withdrawn",
		               r->signed_on ? r->signed_on : "-",
		               r->expires_on ? r->expires_on : "-", r->note ? r->note : "-");
	}
	pc_consent_list_free(h);
	return pc__buf_detach(&out);
}

static void expect_history(const char *id, const char *purpose, const char *want)
{
	char *got = history(id, purpose);
	cr_expect_str_eq(got, want, "%s %s", id, purpose);
	free(got);
}

/* ---------------------------------------------------------------- the files */

#define HEADER "pupil_id,forename,surname,preferred_name,class,aliases,no_photo,no_name," \
	"left_on,signed_on,expires_on,display,website,press\r\n"

/* A byte order mark, CRLF line ends, a header in odd case and spacing,
 * quoted fields with a doubled quote, a comma and a line end inside. */
static const char GOOD[] =
	"\xEF\xBB\xBF"
	" Pupil_ID , Forename,SURNAME,preferred_name,class,aliases,no_photo,no_name,"
	"left_on,signed_on,expires_on,display,Website,press\r\n"
	"1001,Amy,Jones,,Year 4,,,,,2025-09-08,,yes,Y,TRUE\r\n"
	"1002,Katherine,Smith,Katie,\"Year 4, Oak\",\"Katie Smith;\r\nKate Smith\",no,n,"
	",2025-09-08,2026-07-31,yes,yes,no\r\n"
	"1003,\xC5\x81ukasz,Nowak,,Year 3,,,yes,,2025-09-09,,1,0,\r\n"
	"\r\n"
	"1004,Liam,\"O\"\"Brien\",,Year 6,,YES,,2025-07-22,,,no,no,no\r\n"
	"1005,Zo\xC3\xAB,Brown,,Year 2,,false,0,,,,y,,\r\n";

Test(import, good_file)
{
	import_ok(write_csv("good.csv", GOOD), 0);
	show_report();
	cr_expect_eq(pc_import_report_counts(report)->rows, 5);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 5);
	cr_expect_eq(pc_import_report_counts(report)->pupils_changed, 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_unchanged, 0);
	/* 1001: 3 grants; 1002: 2 grants, 1 refusal; 1003: 1 grant, 1 refusal;
	 * 1004: 3 refusals; 1005: 1 grant. */
	cr_expect_eq(pc_import_report_counts(report)->granted, 7);
	cr_expect_eq(pc_import_report_counts(report)->refused, 5);
	cr_expect_eq(pc_import_report_counts(report)->consents_unchanged, 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_MISSING), 0);

	/* The line ends inside 1002's quoted aliases move the rows after it down. */
	expect_change("line 2: pupil 1001 Amy Jones added (Year 4)");
	expect_change("line 3: pupil 1002 Katherine Smith added (Year 4, Oak)");
	expect_change("line 5: pupil 1003 \xC5\x81ukasz Nowak added (Year 3, no_name)");
	expect_change("line 7: pupil 1004 Liam O\"Brien added (Year 6, no_photo, left 2025-07-22)");
	expect_change("line 8: pupil 1005 Zo\xC3\xAB Brown added (Year 2)");
	expect_change("line 3: 1002 website granted, signed 2025-09-08, until 2026-07-31");
	expect_change("line 3: 1002 press refused, signed 2025-09-08, until 2026-07-31");
	expect_change("line 8: 1005 display granted");
	/* In file order: a pupil, then that pupil's consents. */
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, 0), "line 2: pupil 1001 Amy Jones added (Year 4)");
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, 1), "line 2: 1001 display granted, signed 2025-09-08");

	struct pc_pupil_list *p = pupil("1002");
	cr_expect_str_eq(p->items[0].forename, "Katherine");
	cr_expect_str_eq(p->items[0].preferred_name, "Katie");
	cr_expect_str_eq(p->items[0].class_name, "Year 4, Oak");
	cr_expect_eq(p->items[0].no_photo, 0);
	cr_expect_null(p->items[0].left_on);
	cr_assert_eq(p->items[0].alias_count, 2);
	int katie = !strcmp(p->items[0].aliases[0], "Katie Smith") ||
	            !strcmp(p->items[0].aliases[1], "Katie Smith");
	int kate = !strcmp(p->items[0].aliases[0], "Kate Smith") ||
	           !strcmp(p->items[0].aliases[1], "Kate Smith");
	cr_expect(katie && kate, "aliases %s, %s", p->items[0].aliases[0], p->items[0].aliases[1]);
	pc_pupil_list_free(p);

	p = pupil("1004");
	cr_expect_str_eq(p->items[0].surname, "O\"Brien");
	cr_expect_eq(p->items[0].no_photo, 1);
	cr_expect_str_eq(p->items[0].left_on, "2025-07-22");
	pc_pupil_list_free(p);
	p = pupil("1003");
	cr_expect_str_eq(p->items[0].forename, "\xC5\x81ukasz");
	cr_expect_eq(p->items[0].no_name, 1);
	pc_pupil_list_free(p);

	expect_history("1001", "website", "granted 2025-09-08 - imported from good.csv line 2;");
	expect_history("1002", "press", "refused 2025-09-08 2026-07-31 imported from good.csv line 3;");
	expect_history("1003", "press", "");
	expect_history("1005", "display", "granted - - imported from good.csv line 8;");

	/* What the import wrote counts in the verdicts' terms too. */
	struct pc_consent_status s;
	cr_assert_eq(pc_store_consent_in_force(&s, store, "1001", "website", "2026-01-10", &test_err), 0);
	cr_expect_eq(s.state, PC_CONSENT_GRANTED);
	cr_assert_eq(pc_store_consent_in_force(&s, store, "1003", "website", "2026-01-10", &test_err), 0);
	cr_expect_eq(s.state, PC_CONSENT_REFUSED);
}

Test(import, reimport_changes_nothing)
{
	const char *path = write_csv("good.csv", GOOD);
	import_ok(path, 0);
	size_t len_before, len_after;
	char *before = slurp(db_path, &len_before);
	char *dump_before = dump(db_path);

	import_ok(path, 0);
	cr_expect_eq(pc_import_report_counts(report)->rows, 5);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_changed, 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_unchanged, 5);
	cr_expect_eq(pc_import_report_counts(report)->granted, 0);
	cr_expect_eq(pc_import_report_counts(report)->refused, 0);
	cr_expect_eq(pc_import_report_counts(report)->consents_unchanged, 12);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_MISSING), 0);

	char *after = slurp(db_path, &len_after);
	cr_expect(len_before == len_after && !memcmp(before, after, len_before),
	          "the database file changed on a no-change import");
	char *dump_after = dump(db_path);
	cr_expect_str_eq(dump_after, dump_before);
	free(dump_after);
	free(dump_before);
	free(after);
	free(before);
}

static const char V1[] =
	HEADER
	"1001,Amy,Jones,,Year 4,,,,,2025-09-08,,yes,yes,yes\r\n"
	"1002,Oliver,Smith,,Year 4,,,,,2025-09-08,,yes,yes,no\r\n"
	"1003,Chloe,Davies,,Year 3,,,,,2025-09-08,,yes,yes,yes\r\n"
	"1099,Tom,Baker,,Year 6,,,,,2025-09-08,,yes,,\r\n";

/* One cell edited: Oliver's website yes -> no. Chloe moves class and
 * gains an alias; Tom has gone from the MIS; Isla is new. */
static const char V2[] =
	HEADER
	"1001,Amy,Jones,,Year 4,,,,,2025-09-08,,yes,yes,yes\r\n"
	"1002,Oliver,Smith,,Year 4,,,,,2025-09-08,,yes,no,no\r\n"
	"1003,Chloe,Davies,,Year 4,Chloe D,,,,2025-09-08,,yes,yes,yes\r\n"
	"1004,Isla,Taylor,,Year 1,,yes,,,2025-09-10,,,yes,\r\n";

/* Next year's forms: Amy's answers are the same, signed on a new date. */
static const char V3[] =
	HEADER
	"1001,Amy,Jones,,Year 4,,,,,2026-09-07,,yes,yes,yes\r\n"
	"1002,Oliver,Smith,,Year 4,,,,,2025-09-08,,yes,no,no\r\n"
	"1003,Chloe,Davies,,Year 4,Chloe D,,,,2025-09-08,,yes,yes,yes\r\n"
	"1004,Isla,Taylor,,Year 1,,yes,,,2025-09-10,,,yes,\r\n";

Test(import, edited_file_appends_exactly_the_changes)
{
	import_ok(write_csv("v1.csv", V1), 0);
	cr_assert_eq(pc_import_report_counts(report)->pupils_added, 4);
	char *v1_dump = dump(db_path);
	import_ok(write_csv("v2.csv", V2), 0);
	show_report();
	cr_expect_eq(pc_import_report_counts(report)->rows, 4);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 1);
	cr_expect_eq(pc_import_report_counts(report)->pupils_changed, 1);
	cr_expect_eq(pc_import_report_counts(report)->pupils_unchanged, 2);
	cr_expect_eq(pc_import_report_counts(report)->granted, 1);
	cr_expect_eq(pc_import_report_counts(report)->refused, 1);
	cr_expect_eq(pc_import_report_counts(report)->consents_unchanged, 8);
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_MISSING), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_MISSING, 0), "1099 Tom Baker (Year 6)");
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 4);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, 0), "line 3: 1002 website refused, signed 2025-09-08 "
	                 "(was granted, signed 2025-09-08)");
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, 1), "line 4: pupil 1003 Chloe Davies changed: "
	                 "class 'Year 3' -> 'Year 4', alias 'Chloe D' added");
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, 2), "line 5: pupil 1004 Isla Taylor added (Year 1, no_photo)");
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, 3), "line 5: 1004 website granted, signed 2025-09-10");

	/* Exactly one record more for Oliver: the refusal. */
	expect_history("1002", "website",
	               "granted 2025-09-08 - imported from v1.csv line 3;"
	               "refused 2025-09-08 - imported from v2.csv line 3;");
	expect_history("1002", "press", "refused 2025-09-08 - imported from v1.csv line 3;");
	expect_history("1001", "website", "granted 2025-09-08 - imported from v1.csv line 2;");
	struct pc_consent_status s;
	cr_assert_eq(pc_store_consent_in_force(&s, store, "1002", "website", "2026-02-01", &test_err), 0);
	cr_expect_eq(s.state, PC_CONSENT_REFUSED);

	/* The database differs from before by exactly those rows: Tom and his
	 * records are all still there. */
	struct pc_pupil_list *p = pupil("1099");
	pc_pupil_list_free(p);
	expect_history("1099", "display", "granted 2025-09-08 - imported from v1.csv line 5;");
	char *v2_dump = dump(db_path);
	cr_expect_neq(strstr(v2_dump, "1099|Tom|Baker|"), NULL);
	free(v2_dump);
	free(v1_dump);

	p = pupil("1003");
	cr_expect_str_eq(p->items[0].class_name, "Year 4");
	cr_assert_eq(p->items[0].alias_count, 1);
	cr_expect_str_eq(p->items[0].aliases[0], "Chloe D");
	pc_pupil_list_free(p);

	/* And once more: nothing left to do. */
	import_ok(write_csv("v2.csv", V2), 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_unchanged, 4);

	/* A new form with the same answers is a new record each. */
	import_ok(write_csv("v3.csv", V3), 0);
	cr_expect_eq(pc_import_report_counts(report)->granted, 3);
	cr_expect_eq(pc_import_report_counts(report)->refused, 0);
	expect_change("line 2: 1001 website granted, signed 2026-09-07 "
	              "(was granted, signed 2025-09-08)");
}

static int same_report(const pc_import_report *a, const pc_import_report *b)
{
	if (pc_import_report_counts(a)->rows != pc_import_report_counts(b)->rows || pc_import_report_counts(a)->pupils_added != pc_import_report_counts(b)->pupils_added ||
	    pc_import_report_counts(a)->pupils_changed != pc_import_report_counts(b)->pupils_changed ||
	    pc_import_report_counts(a)->pupils_unchanged != pc_import_report_counts(b)->pupils_unchanged || pc_import_report_counts(a)->granted != pc_import_report_counts(b)->granted ||
	    pc_import_report_counts(a)->refused != pc_import_report_counts(b)->refused || pc_import_report_counts(a)->consents_unchanged != pc_import_report_counts(b)->consents_unchanged ||
	    pc_import_report_line_count(a, PC_IMPORT_CHANGES) != pc_import_report_line_count(b, PC_IMPORT_CHANGES) || pc_import_report_line_count(a, PC_IMPORT_MISSING) != pc_import_report_line_count(b, PC_IMPORT_MISSING) ||
	    pc_import_report_line_count(a, PC_IMPORT_ERRORS) != pc_import_report_line_count(b, PC_IMPORT_ERRORS))
		return 0;
	for (size_t i = 0; i < pc_import_report_line_count(a, PC_IMPORT_CHANGES); i++)
		if (strcmp(pc_import_report_line(a, PC_IMPORT_CHANGES, i), pc_import_report_line(b, PC_IMPORT_CHANGES, i)))
			return 0;
	for (size_t i = 0; i < pc_import_report_line_count(a, PC_IMPORT_MISSING); i++)
		if (strcmp(pc_import_report_line(a, PC_IMPORT_MISSING, i), pc_import_report_line(b, PC_IMPORT_MISSING, i)))
			return 0;
	return 1;
}

Test(import, dry_run_writes_nothing_and_reports_the_same)
{
	import_ok(write_csv("v1.csv", V1), 0);
	size_t len_before, len_after;
	char *before = slurp(db_path, &len_before);
	/* The open store's writes are in its write-ahead log until it
	 * closes: the log must not change either. */
	char wal[160];
	snprintf(wal, sizeof(wal), "%s-wal", db_path);
	size_t wal_len_before, wal_len_after;
	char *wal_before = slurp(wal, &wal_len_before);

	import_ok(write_csv("v2.csv", V2), 1);
	pc_import_report *dry = report;
	report = NULL;
	cr_expect_eq(pc_import_report_counts(dry)->pupils_added, 1);
	cr_expect_eq(pc_import_report_counts(dry)->granted, 1);
	cr_expect_eq(pc_import_report_counts(dry)->refused, 1);
	char *after = slurp(db_path, &len_after);
	cr_expect(len_before == len_after && !memcmp(before, after, len_before),
	          "a dry run changed the database file");
	char *wal_after = slurp(wal, &wal_len_after);
	cr_expect(wal_len_before == wal_len_after &&
	          !memcmp(wal_before, wal_after, wal_len_before),
	          "a dry run wrote to the write-ahead log");
	free(wal_before);
	free(wal_after);
	char journal[160];
	snprintf(journal, sizeof(journal), "%s-journal", db_path);
	cr_expect(!file_exists(journal));

	import_ok(write_csv("v2.csv", V2), 0);
	cr_expect(same_report(dry, report), "the dry run reported otherwise than the import");
	pc_import_report_free(dry);

	/* A dry run needs no write access at all. */
	pc_store_free(store);
	cr_assert_eq(pc_store_open(&store, db_path, PC_STORE_READ, &test_err), 0);
	import_ok(write_csv("v1.csv", V1), 1);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 0);
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_MISSING), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_MISSING, 0), "1004 Isla Taylor (Year 1, no_photo)");
	free(after);
	free(before);
}

Test(import, dry_run_of_a_new_file_on_an_empty_database)
{
	size_t len_before, len_after;
	char *before = slurp(db_path, &len_before);
	import_ok(write_csv("good.csv", GOOD), 1);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 5);
	cr_expect_eq(pc_import_report_counts(report)->granted, 7);
	char *after = slurp(db_path, &len_after);
	cr_expect(len_before == len_after && !memcmp(before, after, len_before));
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, store, NULL, &test_err), 0);
	cr_expect_eq(list->count, 0);
	pc_pupil_list_free(list);
	free(after);
	free(before);
}

/* A flag set by hand is kept when the file has no column for it; a file
 * that has the column is the truth, and an empty cell is a no. */
Test(import, absent_columns_keep_what_the_database_holds)
{
	import_ok(write_csv("v1.csv", V1), 0);
	cr_assert_eq(pc_store_pupil_set_flag(store, "1001", PC_PUPIL_NO_PHOTO, 1, "dpo", &test_err), 0);
	cr_assert_eq(pc_store_pupil_set_left_on(store, "1003", "2026-04-01", "dpo", &test_err), 0);
	import_ok(write_csv("short.csv",
	                    "pupil_id,forename,surname,website\n"
	                    "1001,Amy,Jones,yes\n"
	                    "1003,Chloe,Davies,yes\n"), 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_unchanged, 2);
	/* No signed_on column: the cell's dates differ from what the last
	 * import said, so the grant is recorded again, undated. */
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 2);
	expect_change("line 2: 1001 website granted (was granted, signed 2025-09-08)");
	struct pc_pupil_list *p = pupil("1001");
	cr_expect_eq(p->items[0].no_photo, 1);
	cr_expect_str_eq(p->items[0].class_name, "Year 4");
	pc_pupil_list_free(p);

	/* The first file again: its empty no_photo and left_on cells say
	 * what they said last time, so what the office set by hand stays. */
	import_ok(write_csv("v1.csv", V1), 0);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 0);
	p = pupil("1001");
	cr_expect_eq(p->items[0].no_photo, 1, "a no_photo set by hand is never cleared");
	pc_pupil_list_free(p);
	p = pupil("1003");
	cr_expect_str_eq(p->items[0].left_on, "2026-04-01");
	pc_pupil_list_free(p);
}

/* A purpose the school added is a column like any other. */
Test(import, school_purpose_column)
{
	struct pc_purpose yb = { "yearbook", "the leavers' yearbook", NULL, 0, 0 };
	cr_assert_eq(pc_store_purpose_add(store, &yb, "dpo", &test_err), 0, "%s", test_err.message);
	import_ok(write_csv("yb.csv", "pupil_id,forename,surname,yearbook\n1001,Amy,Jones,yes\n"),
	          0);
	expect_change("line 2: 1001 yearbook granted");
}

static size_t records_of(const char *pupil_id, const char *purpose_id)
{
	struct pc_consent_list *h = NULL;
	cr_assert_eq(pc_store_consent_history(&h, store, pupil_id, &test_err), 0);
	size_t n = 0;
	for (size_t i = 0; i < h->count; i++)
		n += !strcmp(h->items[i].purpose_id, purpose_id);
	pc_consent_list_free(h);
	return n;
}

static void withdraw(const char *pupil_id, const char *purpose_id, const char *on)
{
	struct pc_consent_record w = { 0 };
	w.pupil_id = pupil_id;
	w.purpose_id = purpose_id;
	w.decision = PC_DECISION_WITHDRAWN;
	w.withdrawn_on = on;
	w.recorded_by = "dpo";
	cr_assert_eq(pc_store_consent_add(store, &w, &test_err), 0, "%s", test_err.message);
}

static enum pc_consent_state state_on(const char *pupil_id, const char *purpose_id,
                                      const char *date)
{
	struct pc_consent_status s;
	cr_assert_eq(pc_store_consent_in_force(&s, store, pupil_id, purpose_id, date, &test_err), 0);
	return s.state;
}

Test(import, withdrawal_then_old_file)
{
	import_ok(write_csv("v1.csv", V1), 0);
	withdraw("1001", "website", "2026-01-10");
	/* The file says what it said: nothing is recorded, the withdrawal
	 * stands. */
	import_ok(write_csv("v1.csv", V1), 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
	cr_expect_eq(records_of("1001", "website"), 2);
	cr_expect_eq(state_on("1001", "website", "2026-02-01"), PC_CONSENT_WITHDRAWN);
}

/* The routine re-import of a file with no signed_on column: its grants
 * count from the day they are recorded, so re-recording one would beat
 * a withdrawal made by hand in between. */
Test(import, reimport_of_an_undated_file_keeps_a_withdrawal)
{
	static const char undated[] = "pupil_id,forename,surname,website\n1001,Amy,Jones,yes\n";
	import_ok(write_csv("mis.csv", undated), 0);
	char today[11];
	pc_date_today(today);
	withdraw("1001", "website", today);
	import_ok(write_csv("mis.csv", undated), 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
	cr_expect_eq(pc_import_report_counts(report)->granted, 0);
	cr_expect_eq(records_of("1001", "website"), 2);
	cr_expect_eq(state_on("1001", "website", "2099-01-01"), PC_CONSENT_WITHDRAWN);
}

/* A cell the MIS did change, after a withdrawal made by hand: reported by
 * line, the withdrawal kept; --prefer-file takes the file's word. */
Test(import, changed_cell_meeting_a_later_withdrawal_is_a_conflict)
{
	import_ok(write_csv("v1.csv", V1), 0);
	withdraw("1001", "website", "2026-01-10");
	static const char resigned[] =
		"pupil_id,forename,surname,website,signed_on\n1001,Amy,Jones,yes,2026-09-01\n";
	const char *path = write_csv("v2.csv", resigned);

	import_ok(path, PC_IMPORT_DRY_RUN);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 1);
	import_ok(path, 0);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 1);
	cr_expect_eq(pc_import_report_counts(report)->granted, 0);
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_CONFLICTS), 1);
	cr_expect(!strncmp(pc_import_report_line(report, PC_IMPORT_CONFLICTS, 0), "line 2: 1001 website", 20), "%s",
	          pc_import_report_line(report, PC_IMPORT_CONFLICTS, 0));
	cr_expect(strstr(pc_import_report_line(report, PC_IMPORT_CONFLICTS, 0), "withdrawn") != NULL, "%s",
	          pc_import_report_line(report, PC_IMPORT_CONFLICTS, 0));
	cr_expect_eq(records_of("1001", "website"), 2);
	cr_expect_eq(state_on("1001", "website", "2026-10-01"), PC_CONSENT_WITHDRAWN);

	/* The conflict was not remembered as imported: it is raised again. */
	import_ok(path, 0);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 1);

	import_ok(path, PC_IMPORT_PREFER_FILE);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 0);
	cr_expect_eq(pc_import_report_counts(report)->granted, 1);
	cr_expect_eq(state_on("1001", "website", "2026-10-01"), PC_CONSENT_GRANTED);
}

/* A pupil added by hand as no_photo, then found in the first import with
 * an empty no_photo cell: the flag has no import behind it, so it was set
 * by hand and stays. */
Test(import, no_photo_set_by_hand_is_not_cleared_by_a_first_import)
{
	struct pc_pupil p = { .id = "1001", .forename = "Amy", .surname = "Jones", .no_photo = 1 };
	cr_assert_eq(pc_store_pupil_add(store, &p, "dpo", &test_err), 0, "%s", test_err.message);
	import_ok(write_csv("v1.csv", V1), PC_IMPORT_DRY_RUN);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 1);
	import_ok(write_csv("v1.csv", V1), 0);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, 1);
	struct pc_pupil_list *l = pupil("1001");
	cr_expect_eq(l->items[0].no_photo, 1);
	pc_pupil_list_free(l);
	import_ok(write_csv("v1.csv", V1), PC_IMPORT_PREFER_FILE);
	l = pupil("1001");
	cr_expect_eq(l->items[0].no_photo, 0);
	pc_pupil_list_free(l);
}

/* A dry run says exactly what the real import then writes. */
Test(import, dry_run_reports_what_the_import_writes)
{
	import_ok(write_csv("v1.csv", V1), 0);
	withdraw("1001", "website", "2026-01-10");
	const char *path = write_csv("v2.csv", V2);
	import_ok(path, PC_IMPORT_DRY_RUN);
	size_t n = pc_import_report_line_count(report, PC_IMPORT_CHANGES), c = pc_import_report_counts(report)->conflicts, g = pc_import_report_counts(report)->granted,
	       r = pc_import_report_counts(report)->refused;
	char **lines = calloc(n + 1, sizeof(*lines));
	cr_assert_not_null(lines);
	for (size_t i = 0; i < n; i++)
		lines[i] = strdup(pc_import_report_line(report, PC_IMPORT_CHANGES, i));
	import_ok(path, 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), n);
	cr_expect_eq(pc_import_report_counts(report)->conflicts, c);
	cr_expect_eq(pc_import_report_counts(report)->granted, g);
	cr_expect_eq(pc_import_report_counts(report)->refused, r);
	for (size_t i = 0; i < n && i < pc_import_report_line_count(report, PC_IMPORT_CHANGES); i++)
		cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_CHANGES, i), lines[i]);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	/* And the same file once more changes nothing. */
	import_ok(path, 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
	cr_expect_eq(pc_import_report_counts(report)->granted + pc_import_report_counts(report)->refused, 0);
}

/* ------------------------------------------------------------- bad files */

struct bad {
	const char *what;
	const char *csv;
	const char *fault;  /* a line of report->errors starts with this */
};

#define H5 "pupil_id,forename,surname,website,signed_on\n"

static const struct bad bad_files[] = {
	{ "unknown column", "pupil_id,forename,surname,webiste\n1,A,B,yes\n",
	  "line 1, column 'webiste': no such column or purpose (did you mean 'website'?); "
	  "the columns are pupil_id, forename, surname, preferred_name, class, aliases, "
	  "no_photo, no_name, left_on, signed_on, expires_on, and one per purpose: display, "
	  "newsletter, website, social, press, parent-social" },
	{ "unknown column, nothing like", "pupil_id,forename,surname,shoe size\n1,A,B,5\n",
	  "line 1, column 'shoe size': no such column or purpose; the columns are " },
	{ "missing pupil_id column", "forename,surname,website\nA,B,yes\n",
	  "line 1, column 'pupil_id': missing; the file must have the columns pupil_id, "
	  "forename and surname" },
	{ "missing surname column", "pupil_id,forename\n1,A\n",
	  "line 1, column 'surname': missing" },
	{ "column twice", "pupil_id,forename,surname,website,Website\n1,A,B,yes,no\n",
	  "line 1, column 'website': named twice (columns 4 and 5)" },
	{ "always-denied purpose", "pupil_id,forename,surname,staff-personal\n1,A,B,no\n",
	  "line 1, column 'staff-personal': the purpose 'staff-personal' is always denied" },
	{ "empty pupil id", H5 "1,A,B,yes,2025-09-08\n,C,D,yes,2025-09-08\n",
	  "line 3, column 'pupil_id': empty; every row needs the pupil's id" },
	{ "empty forename", H5 "1,,B,yes,2025-09-08\n",
	  "line 2, column 'forename': empty; every pupil needs a forename" },
	{ "bad date", H5 "1,A,B,yes,2025-09-08\n2,C,D,yes,2025-13-01\n",
	  "line 3, column 'signed_on': '2025-13-01' is not a date (DD/MM/YYYY or YYYY-MM-DD)" },
	{ "month-first date", H5 "1,A,B,yes,09/13/2025\n",
	  "line 2, column 'signed_on': '09/13/2025' is not a date: dates are read day first" },
	{ "29 February of a common year", H5 "1,A,B,yes,2025-02-29\n",
	  "line 2, column 'signed_on': '2025-02-29' is not a date" },
	{ "consent value", H5 "1,A,B,maybe,2025-09-08\n",
	  "line 2, column 'website': 'maybe' is not yes or no" },
	{ "flag value", "pupil_id,forename,surname,no_photo\n1,A,B,perhaps\n",
	  "line 2, column 'no_photo': 'perhaps' is not yes or no" },
	{ "long bad value is cut", H5 "1,A,B,yes yes yes yes yes yes yes yes yes yes yes,\n",
	  "line 2, column 'website': 'yes yes yes yes yes yes yes yes yes yes ...' is not yes or no" },
	{ "duplicate id", H5 "1004,A,B,yes,\n1005,C,D,yes,\n\n1004,E,F,no,\n",
	  "line 5: pupil id '1004' is already on line 2" },
	{ "invalid UTF-8 after a byte order mark",
	  "\xEF\xBB\xBF" H5 "1,A,B,yes,\n2,Zo\xEB,Brown,yes,\n3,C,Sm\xC3,yes,\n",
	  "line 4, column 'surname': not valid UTF-8" },
	{ "a byte Windows-1252 leaves undefined", H5 "1,A,B,yes,\n2,Zo\x81,Brown,yes,\n",
	  "line 3: byte 0x81 is a character neither in UTF-8 nor in Windows-1252" },
	{ "a surname of only a no-break space", H5 "1,A,\xC2\xA0,yes,\n",
	  "line 2, column 'surname': empty; every pupil needs a surname" },
	{ "control character", H5 "1,A\x01,B,yes,\n",
	  "line 2, column 'forename': holds a control character" },
	{ "more fields than the header", H5 "1,A,B,yes,\n2,Smith, John,C,yes,\n",
	  "line 3: 6 fields, but the header has 5 columns (a field holding a comma must be in quotes)" },
	{ "fewer fields than the header", H5 "1,A,B,yes\n",
	  "line 2: 4 fields, but the header has 5 columns" },
	{ "file ends inside quotes", H5 "1,A,B,yes,\n2,\"C\nD,E,yes,\n",
	  "line 3: the file ends inside a quoted field" },
	{ "stray quote", H5 "1,A,B,yes,\n2,C,D\"x,yes,\n",
	  "line 3: a quote mark inside a field, or text after a closing quote" },
	{ "text after a closing quote", H5 "1,\"A\"x,B,yes,\n",
	  "line 2: a quote mark inside a field" },
	{ "expiry before signing",
	  "pupil_id,forename,surname,website,signed_on,expires_on\n1,A,B,yes,2025-09-08,2025-08-01\n",
	  "line 2, column 'expires_on': '2025-08-01' is before signed_on '2025-09-08'" },
	{ "empty file", "", "line 1: the file is empty" },
	{ "blank lines only", "\n\r\n  \n", "line 1: the file is empty" },
	{ "a value under a nameless column", "pupil_id,forename,surname,,website\n1,A,B,x,yes\n",
	  "line 2, column 4: a value under a column with no name" },
	{ "a pupil id too long", H5 "12345678901234567890123456789012345678901234567890"
	  "12345678901234567890,A,B,yes,\n", "line 2, column 'pupil_id': longer than 64 bytes" },
	{ "lines counted through a quoted line end",
	  H5 "1,\"A\nB\",C,yes,\n2,D,E,perhaps,\n",
	  "line 4, column 'website': 'perhaps' is not yes or no" },
	{ "old Mac line ends (CR alone)",
	  "pupil_id,forename,surname,website\r1,A,B,yes\r\r2,C,D,maybe\r",
	  "line 4, column 'website': 'maybe' is not yes or no" },
	{ "CRLF and a CRLF inside quotes",
	  "pupil_id,forename,surname,website\r\n1,\"A\r\nB\",C,yes\r\n2,C,D,maybe\r\n",
	  "line 4, column 'website': 'maybe' is not yes or no" },
	{ "a row whose first field holds a line end",
	  H5 "\"1\n\",A,B,perhaps,\n2,C,D,maybe,\n",
	  "line 2, column 'website': 'perhaps' is not yes or no" },
	{ "... and the row after it",
	  H5 "\"1\n\",A,B,yes,\n2,C,D,maybe,\n",
	  "line 4, column 'website': 'maybe' is not yes or no" },
};

Test(import, bad_files_are_refused_whole)
{
	/* Something in the database first, so that "unchanged" means something. */
	import_ok(write_csv("v1.csv", V1), 0);
	size_t len_before;
	char *before = slurp(db_path, &len_before);
	for (size_t i = 0; i < sizeof(bad_files) / sizeof(bad_files[0]); i++) {
		const struct bad *b = &bad_files[i];
		int ret = import(write_csv("bad.csv", b->csv), 0);
		cr_expect_eq(ret, PC_EFORMAT, "%s: %d", b->what, ret);
		if (ret != PC_EFORMAT)
			continue;
		int found = has_prefix(report, PC_IMPORT_ERRORS, b->fault);
		if (!found)
			for (size_t j = 0; j < pc_import_report_line_count(report, PC_IMPORT_ERRORS); j++)
				cr_log_error("%s: %s", b->what, pc_import_report_line(report, PC_IMPORT_ERRORS, j));
		cr_expect(found, "%s: no fault \"%s\"", b->what, b->fault);
		cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0, "%s", b->what);
		cr_expect_eq(pc_import_report_counts(report)->pupils_added, 0, "%s", b->what);
		cr_expect_neq(strstr(test_err.message, "bad.csv"), NULL, "%s: %s", b->what,
		              test_err.message);
		/* A dry run refuses the same file the same way. */
		cr_expect_eq(import(write_csv("bad.csv", b->csv), 1), PC_EFORMAT, "%s", b->what);

		size_t len_after;
		char *after = slurp(db_path, &len_after);
		cr_expect(len_before == len_after && !memcmp(before, after, len_before),
		          "%s: the database file changed", b->what);
		free(after);
	}
	free(before);
}

/* Every fault of a file is listed, not just the first. */
Test(import, every_fault_listed)
{
	int ret = import(write_csv("bad.csv",
	                           "pupil_id,forename,surname,webiste,website,signed_on\n"
	                           "1,A,B,,maybe,2025-09-08\n"
	                           "2,C,D,,yes,2025-09-31\n"
	                           "1,E,F,,no,\n"), 0);
	cr_assert_eq(ret, PC_EFORMAT);
	show_report();
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 4);
	cr_expect(has_prefix(report, PC_IMPORT_ERRORS, "line 1, column 'webiste'"));
	cr_expect(has_prefix(report, PC_IMPORT_ERRORS,
	                     "line 2, column 'website': 'maybe' is not yes or no"));
	cr_expect(has_prefix(report, PC_IMPORT_ERRORS,
	                     "line 3, column 'signed_on': '2025-09-31' is not a date"));
	cr_expect(has_prefix(report, PC_IMPORT_ERRORS,
	                     "line 4: pupil id '1' is already on line 2"));
	char want[256];
	snprintf(want, sizeof(want), "cannot import '%s/bad.csv': 4 faults, so nothing was "
	         "imported", dir);
	cr_expect_str_eq(test_err.message, want);
}

/* The reader takes the file 64 KiB at a time: a CRLF split between two
 * reads is still one line end. */
Test(import, crlf_across_a_chunk_boundary)
{
	const size_t chunk = (size_t)64 << 10;
	struct pc__buf csv;
	pc__buf_init(&csv, 0);
	pc__buf_puts(&csv, "pupil_id,forename,surname,website\r\n");
	size_t line = 2;
	int id = 1;
	while (csv.len + 150 < chunk) {
		pc__buf_printf(&csv, "%d,A,B,yes\r\n", id++);
		line++;
	}
	/* This row's CR is the chunk's last byte. */
	char head[32];
	snprintf(head, sizeof(head), "%d,A,", id++);
	size_t pad = chunk - 1 - csv.len - strlen(head) - strlen(",yes");
	pc__buf_puts(&csv, head);
	for (size_t i = 0; i < pad; i++)
		pc__buf_putc(&csv, 'x');
	pc__buf_puts(&csv, ",yes\r");
	cr_assert_eq(csv.len, chunk);
	pc__buf_puts(&csv, "\n");
	line++;
	pc__buf_printf(&csv, "%d,C,D,maybe\r\n", id);
	int ret = import(write_csv("chunks.csv", csv.data), 0);
	pc__buf_release(&csv);
	cr_assert_eq(ret, PC_EFORMAT);
	char want[128];
	snprintf(want, sizeof(want), "line %zu, column 'website': 'maybe' is not yes or no", line);
	show_report();
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 0), want);
}

Test(import, utf16_file)
{
	static const char utf16[] = "\xFF\xFEp\0u\0p\0i\0l\0_\0i\0d\0\r\0\n\0";
	cr_assert_eq(import(write_csv_len("utf16.csv", utf16, sizeof(utf16) - 1), 0), PC_EFORMAT);
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 0),
	                 "line 1: the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)");
}

Test(import, faults_are_capped)
{
	struct pc__buf csv;
	pc__buf_init(&csv, 0);
	pc__buf_puts(&csv, "pupil_id,forename,surname,website\n");
	for (int i = 0; i < 80; i++)
		pc__buf_printf(&csv, "%d,A,B,maybe\n", i);
	int ret = import(write_csv("bad.csv", csv.data), 0);
	pc__buf_release(&csv);
	cr_assert_eq(ret, PC_EFORMAT);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 51);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 0), "line 2, column 'website': 'maybe' is not yes or no");
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 50), "and 30 more faults");
}

Test(import, rows_and_headers_past_the_limits)
{
	struct pc__buf csv;
	pc__buf_init(&csv, 0);
	pc__buf_puts(&csv, "pupil_id,forename,surname,aliases\n1,A,B,\"");
	for (int i = 0; i < 120000; i++)
		pc__buf_puts(&csv, "Aa Bbbbb;");
	pc__buf_puts(&csv, "\"\n2,C,D,\n3,E,F,x;y\n");
	cr_assert_eq(import(write_csv("long.csv", csv.data), 0), PC_EFORMAT);
	show_report();
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 0), "line 2: the row is longer than 1 MiB");

	csv.len = 0;
	pc__buf_puts(&csv, "pupil_id,forename,surname");
	for (int i = 0; i < 1100; i++)
		pc__buf_puts(&csv, ",");
	pc__buf_puts(&csv, "\n1,A,B\n");
	cr_assert_eq(import(write_csv("wide.csv", csv.data), 0), PC_EFORMAT);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 0), "line 1: more than 1024 columns");
	pc__buf_release(&csv);
}

Test(import, file_that_cannot_be_opened)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/no-such.csv", dir);
	cr_expect_eq(import(path, 0), PC_EOPEN);
	cr_expect_neq(strstr(test_err.message, "no-such.csv"), NULL, "%s",
	              test_err.message);
}

Test(import, file_too_big)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/huge.csv", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	cr_assert_geq(fd, 0);
	/* Sparse: refused on its size before a byte is read. */
	cr_assert_eq(ftruncate(fd, (off_t)65 << 20), 0);
	close(fd);
	cr_expect_eq(import(path, 0), PC_ETOOBIG);
	cr_expect(has_prefix(report, PC_IMPORT_ERRORS,
	                     "the file is larger than 64 MiB"));
	cr_expect_neq(strstr(test_err.message, "64 MiB"), NULL, "%s", test_err.message);
}

Test(import, header_only_lists_everyone_missing)
{
	import_ok(write_csv("v1.csv", V1), 0);
	import_ok(write_csv("empty.csv", "pupil_id,forename,surname\r\n"), 0);
	cr_expect_eq(pc_import_report_counts(report)->rows, 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_MISSING), 4);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
}

/* ------------------------------------------------------------ Excel's files */

/* A file of `rows` ASCII rows, then one whose name is `name` (bytes as
 * given), padded so that the name's first byte is the 64 KiB read's last. */
static const char *name_at_chunk_end(const char *file, const char *name)
{
	const size_t chunk = (size_t)64 << 10;
	struct pc__buf csv;
	pc__buf_init(&csv, 0);
	pc__buf_puts(&csv, "pupil_id,forename,surname,website\r\n");
	int id = 1;
	while (csv.len + 150 < chunk)
		pc__buf_printf(&csv, "%d,A,B,yes\r\n", id++);
	pc__buf_printf(&csv, "%d,", id++);
	while (csv.len < chunk - 1)
		pc__buf_putc(&csv, 'x');
	pc__buf_printf(&csv, "%s,B,yes\r\n", name);
	const char *path = write_csv(file, csv.data);
	pc__buf_release(&csv);
	return path;
}

/* The survey takes the file 64 KiB at a time too: a UTF-8 letter cut in
 * two by a read is still UTF-8, and the file is read as such. */
Test(import, utf8_letter_across_a_chunk_boundary)
{
	import_ok(name_at_chunk_end("cut.csv", "\xC3\xAB"), 0);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_NOTICES), 0);
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, store, NULL, &test_err), 0);
	int found = 0;
	for (size_t i = 0; i < list->count; i++)
		found |= !strncmp(list->items[i].forename + strlen(list->items[i].forename) - 2,
		                  "\xC3\xAB", 2);
	cr_expect(found, "the cut letter was not read as \"\xC3\xAB\"");
	pc_pupil_list_free(list);
}

/* One Windows-1252 byte past the first read decides the whole file: the
 * rows before it are read the same either way. */
Test(import, windows_1252_decided_by_a_late_byte)
{
	import_ok(name_at_chunk_end("late.csv", "Zo\xEB"), 0);
	cr_assert_eq(pc_import_report_line_count(report, PC_IMPORT_NOTICES), 1);
	cr_expect(strstr(pc_import_report_line(report, PC_IMPORT_NOTICES, 0), "read as Windows-1252") != NULL, "%s",
	          pc_import_report_line(report, PC_IMPORT_NOTICES, 0));
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, store, NULL, &test_err), 0);
	int found = 0;
	for (size_t i = 0; i < list->count; i++)
		found |= strstr(list->items[i].forename, "Zo\xC3\xAB") != NULL;
	cr_expect(found, "\"Zo\\xEB\" was not read as \"Zo\xC3\xAB\"");
	pc_pupil_list_free(list);
}

/* A file that says it is UTF-8 (a byte order mark) is held to it. */
Test(import, a_bom_file_that_is_not_utf8_is_refused)
{
	int ret = import(write_csv("bom.csv", "\xEF\xBB\xBFpupil_id,forename,surname\r\n"
	                                      "1,Zo\xEB,B\r\n"), 0);
	cr_assert_eq(ret, PC_EFORMAT);
	cr_expect(has_prefix(report, PC_IMPORT_ERRORS,
	                     "line 2, column 'forename': not valid UTF-8"));
}

Test(import, separator_from_the_header)
{
	/* A comma inside a semicolon file's field, as Excel leaves it
	 * unquoted; a semicolon inside a comma file's quoted header. */
	import_ok(write_csv("semi.csv", "pupil_id;forename;surname;class;website\r\n"
	                                "1;Amy;Hill;Year 4, Oak;yes\r\n"), 0);
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, store, NULL, &test_err), 0);
	cr_assert_eq(list->count, 1);
	cr_expect_str_eq(list->items[0].class_name, "Year 4, Oak");
	pc_pupil_list_free(list);
	cr_expect_eq(pc_import_report_counts(report)->granted, 1);
	/* Tabs: a name with a space in it keeps it. */
	import_ok(write_csv("tab.txt", "pupil_id\tforename\tsurname\twebsite\n"
	                               "2\tMary Ann\tLee\tno\n"), 0);
	cr_expect_eq(pc_import_report_counts(report)->refused, 1);
}

Test(import, day_first_dates)
{
	static const struct { const char *in, *want; } good[] = {
		{ "07/09/2026", "2026-09-07" }, { "7/9/2026", "2026-09-07" },
		{ "29/02/2028", "2028-02-29" }, { "31.12.2026", "2026-12-31" },
		{ "2026-09-07", "2026-09-07" },
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char csv[256];
		snprintf(csv, sizeof(csv), "pupil_id,forename,surname,signed_on,website\n"
		         "%zu,A,B,%s,yes\n", i + 1, good[i].in);
		import_ok(write_csv("dates.csv", csv), 0);
		struct pc_consent_list *h = NULL;
		char id[8];
		snprintf(id, sizeof(id), "%zu", i + 1);
		cr_assert_eq(pc_store_consent_history(&h, store, id, &test_err), 0);
		cr_assert_eq(h->count, 1);
		cr_expect_str_eq(h->items[0].signed_on, good[i].want, "%s", good[i].in);
		pc_consent_list_free(h);
	}
	static const struct { const char *in, *fault; } bad[] = {
		{ "09/13/2026", "'09/13/2026' is not a date: dates are read day first" },
		{ "12/31/2026", "'12/31/2026' is not a date: dates are read day first" },
		{ "29/02/2027", "'29/02/2027' is not a date (DD/MM/YYYY or YYYY-MM-DD)" },
		{ "07/09/26", "'07/09/26' has a two-digit year" },
		{ "07/09-2026", "'07/09-2026' is not a date" },
		{ "7 Sept 2026", "'7 Sept 2026' is not a date" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char csv[256];
		snprintf(csv, sizeof(csv), "pupil_id,forename,surname,signed_on,website\n"
		         "9,A,B,%s,yes\n", bad[i].in);
		cr_assert_eq(import(write_csv("bad.csv", csv), 0), PC_EFORMAT, "%s", bad[i].in);
		char want[200];
		snprintf(want, sizeof(want), "line 2, column 'signed_on': %s", bad[i].fault);
		cr_expect(has_prefix(report, PC_IMPORT_ERRORS, want), "%s: %s",
		          bad[i].in, pc_import_report_line_count(report, PC_IMPORT_ERRORS) ? pc_import_report_line(report, PC_IMPORT_ERRORS, 0) : "no fault");
	}
}

Test(import, leavers_recorded_in_the_same_transaction)
{
	import_ok(write_csv("v1.csv", V1), 0);
	pc_import_report *r = NULL;
	const char *next = write_csv("next.csv", "pupil_id,forename,surname\r\n");
	const struct pc_import_options dry = { PC_IMPORT_OPTIONS_VERSION, PC_IMPORT_DRY_RUN, "test", "2026-07-22" };
	cr_assert_eq(pc_store_import_csv(&r, store, next, &dry, &test_err), 0);
	cr_expect_eq(pc_import_report_counts(r)->leavers, 4);
	pc_import_report_free(r);
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, store, NULL, &test_err), 0);
	for (size_t i = 0; i < list->count; i++)
		cr_expect_null(list->items[i].left_on, "a dry run recorded %s", list->items[i].id);
	pc_pupil_list_free(list);

	const struct pc_import_options real = { PC_IMPORT_OPTIONS_VERSION, 0, "test", "2026-07-22" };
	cr_assert_eq(pc_store_import_csv(&r, store, next, &real, &test_err), 0);
	cr_expect_eq(pc_import_report_counts(r)->leavers, 4);
	pc_import_report_free(r);
	cr_assert_eq(pc_store_pupil_list(&list, store, NULL, &test_err), 0);
	for (size_t i = 0; i < list->count; i++)
		cr_expect(list->items[i].left_on && !strcmp(list->items[i].left_on, "2026-07-22"),
		          "%s not recorded as left", list->items[i].id);
	pc_pupil_list_free(list);

	/* Once left, they are counted, not listed, and not recorded again. */
	cr_assert_eq(pc_store_import_csv(&r, store, next, &real, &test_err), 0);
	cr_expect_eq(pc_import_report_counts(r)->leavers, 0);
	cr_expect_eq(pc_import_report_line_count(r, PC_IMPORT_MISSING), 0);
	cr_expect_eq(pc_import_report_counts(r)->already_left, 4);
	pc_import_report_free(r);

	const struct pc_import_options bad = { PC_IMPORT_OPTIONS_VERSION, 0, "test", "22/07/2026" };
	cr_expect_eq(pc_store_import_csv(&r, store, next, &bad, &test_err), PC_EFORMAT);
	pc_import_report_free(r);
}

/* ------------------------------------------------------------ large files
 *
 * No .timeout on these: Criterion 2.4.1's runner leaks (and fails the
 * sanitizer build) when two tests with a timeout run at once under
 * --jobs; each bounds its own waiting instead.
 */

/* A class list of `rows` pupils with all six purposes; `variant` changes
 * every 7th pupil's website decision. */
static const char *big_csv(const char *name, int rows, int variant)
{
	static char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	fputs("pupil_id,forename,surname,preferred_name,class,aliases,no_photo,no_name,"
	      "left_on,signed_on,expires_on,display,newsletter,website,social,press,"
	      "parent-social\r\n", fp);
	static const char *const forenames[] = { "Amy", "Oliver", "Chloe", "Mohammed",
	                                         "Zo\xC3\xAB", "\xC5\x81ukasz", "Aisha", "Jack" };
	for (int i = 0; i < rows; i++) {
		int web = (i % 3 != 0) ^ (variant && i % 7 == 0);
		fprintf(fp, "P%06d,%s,Surname%d,,Year %d,,%s,%s,,2025-09-%02d,,yes,%s,%s,%s,no,%s\r\n",
		        i, forenames[i % 8], i, i % 7, i % 97 == 0 ? "yes" : "",
		        i % 13 == 0 ? "y" : "", 1 + i % 28, i % 2 ? "yes" : "no",
		        web ? "yes" : "no", i % 5 ? "yes" : "", i % 4 ? "yes" : "no");
	}
	cr_assert_eq(fclose(fp), 0);
	return path;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

Test(import, twenty_thousand_rows)
{
	const char *path = big_csv("big.csv", 20000, 0);
	double t0 = now_s();
	import_ok(path, 0);
	double t1 = now_s();
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 20000);
	cr_log_info("20,000 new rows imported in %.2f s", t1 - t0);

	path = big_csv("big2.csv", 20000, 1);
	t0 = now_s();
	import_ok(path, 0);
	t1 = now_s();
	cr_expect_eq(pc_import_report_counts(report)->pupils_unchanged, 20000);
	cr_expect_eq(pc_import_report_counts(report)->granted + pc_import_report_counts(report)->refused, 2858);
	cr_log_info("20,000 rows re-imported with 2,858 changes in %.2f s", t1 - t0);
	/* Generous: the sanitizer and valgrind builds run this too. */
	cr_expect_lt(t1 - t0, 60.0);
}

/* Past this, the transaction has written pages to the write-ahead log (a
 * reader makes the log, empty, just by opening the file). */
#define WAL_WRITING 32768

/* The child imports; the parent kills it once the transaction has begun
 * writing (its write-ahead log has grown). Returns 1 when the kill landed
 * mid-transaction, 0 when the child finished first or had not begun. */
static int kill_during_import(const char *csv, const char *path, long delay_us)
{
	char journal[256];
	snprintf(journal, sizeof(journal), "%s-wal", path);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		pc_store *s = NULL;
		pc_import_report *r = NULL;
		if (pc_store_open(&s, path, PC_STORE_WRITE, &test_err))
			_exit(2);
		const struct pc_import_options opts = { PC_IMPORT_OPTIONS_VERSION, 0, "child", NULL };
		int ret = pc_store_import_csv(&r, s, csv, &opts, &test_err);
		_exit(ret ? 3 : 0);
	}
	int seen = 0;
	double deadline = now_s() + 120;
	while (!seen && now_s() < deadline) {
		int status;
		if (waitpid(pid, &status, WNOHANG) == pid) {
			/* Finished, or failed, before we saw it write. */
			cr_log_warn("the import ended by itself (status %d)", status);
			return 0;
		}
		seen = file_size(journal) > WAL_WRITING;
		if (!seen)
			usleep(200);
	}
	cr_assert(seen, "the import never began writing");
	if (delay_us)
		usleep((useconds_t)delay_us);
	kill(pid, SIGKILL);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	/* Killed by the signal, with pages of its transaction in the log:
	 * the file was caught half-written. */
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
	       file_size(journal) > WAL_WRITING;
}

static void copy_file(const char *from, const char *to)
{
	size_t len;
	char *data = slurp(from, &len);
	FILE *fp = fopen(to, "wb");
	cr_assert_not_null(fp);
	cr_assert_eq(fwrite(data, 1, len, fp), len);
	cr_assert_eq(fclose(fp), 0);
	free(data);
}

Test(import, sigkill_mid_import_leaves_the_database_as_it_was)
{
	import_ok(write_csv("v1.csv", V1), 0);
	pc_store_free(store);
	store = NULL;
	char *before = dump(db_path);
	const char *csv = big_csv("big.csv", 50000, 0);

	char victim[192];
	snprintf(victim, sizeof(victim), "%s/victim.db", dir);
	int caught = 0;
	/* Later and later into the transaction; a kill that came too late
	 * (the child had finished) is tried again sooner. */
	static const long delays_us[] = { 500000, 100000, 20000, 300000, 5000, 0 };
	size_t len_before;
	char *bytes_before = slurp(db_path, &len_before);
	for (size_t i = 0; i < sizeof(delays_us) / sizeof(delays_us[0]) && !caught; i++) {
		copy_file(db_path, victim);
		caught = kill_during_import(csv, victim, delays_us[i]);
		/* Most telling when the file itself was half-written, not only
		 * the journal begun. */
		size_t len_after;
		char *bytes_after = slurp(victim, &len_after);
		int touched = len_after != len_before || memcmp(bytes_after, bytes_before, len_before);
		free(bytes_after);
		cr_log_info("kill after %ld us: %s%s", delays_us[i],
		            caught ? "mid-transaction" : "missed",
		            caught && touched ? ", the database file half-written" : "");
		if (!caught) {
			char junk[256];
			snprintf(junk, sizeof(junk), "%s-wal", victim);
			unlink(junk);
		}
	}
	free(bytes_before);
	cr_assert(caught, "never killed the import mid-transaction");

	/* Opening reads past the log's uncommitted pages; the database is as
	 * it was. */
	pc_store *s = NULL;
	int ret = pc_store_open(&s, victim, PC_STORE_WRITE, &test_err);
	cr_assert_eq(ret, 0, "%s", test_err.message);
	struct pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, s, NULL, &test_err), 0);
	cr_expect_eq(list->count, 4);
	pc_pupil_list_free(list);
	pc_store_free(s);
	char *after = dump(victim);
	cr_expect_str_eq(after, before);
	free(after);
	free(before);

	/* And the recovered file takes the next import as any other. */
	cr_assert_eq(pc_store_open(&store, victim, PC_STORE_WRITE, &test_err), 0);
	import_ok(write_csv("v2.csv", V2), 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 1);
}
