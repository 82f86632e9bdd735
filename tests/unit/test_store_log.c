/*
 * The audit log in the consent database: a check's row and a scan's rows
 * written whole, read back oldest first a page at a time, filtered by day,
 * file and pupil; older databases migrated forward with their rows kept;
 * the rows told as text and JSON.
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/store_internal.h"
#include "test_store.h"

TestSuite(audit_log, .init = store_fx_setup_created, .fini = store_fx_teardown);
TestSuite(audit_log_migration, .init = store_fx_setup, .fini = store_fx_teardown);
TestSuite(audit_log_report);

/* ------------------------------------------------------------- helpers */

/* What a test looks at of one row, copied out of the callback. */
struct row {
	int is_scan;
	long long id, scan_id, size;
	char at[32], by[32], command[8], file[PATH_MAX], on[16], verdict[16], mtime[32];
	char reasons[256], warnings[256], pupils[256], roots[PATH_MAX];
	size_t photos, share, review, do_not_share, unreadable, skipped;
};

struct rows {
	size_t count;
	struct row items[700];
};

static struct rows got;

static void join(char *out, size_t size, const char *const *items, size_t count)
{
	out[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", i ? "," : "", items[i]);
	}
}

static void copy(char *out, size_t size, const char *s)
{
	snprintf(out, size, "%s", s ? s : "(null)");
}

static int collect(void *ctx, const struct pc_log_entry *p, const struct pc_log_scan *s)
{
	struct rows *rows = ctx;
	cr_assert((p == NULL) != (s == NULL), "exactly one of photo and scan");
	cr_assert_lt(rows->count, sizeof(rows->items) / sizeof(rows->items[0]));
	struct row *r = &rows->items[rows->count++];
	memset(r, 0, sizeof(*r));
	if (s) {
		r->is_scan = 1;
		r->id = s->id;
		copy(r->at, sizeof(r->at), s->at);
		copy(r->by, sizeof(r->by), s->by);
		copy(r->on, sizeof(r->on), s->on);
		join(r->roots, sizeof(r->roots), s->roots, s->root_count);
		r->photos = s->photos;
		r->share = s->share;
		r->review = s->review;
		r->do_not_share = s->do_not_share;
		r->unreadable = s->unreadable;
		r->skipped = s->skipped;
		return 0;
	}
	r->id = p->id;
	r->scan_id = p->scan_id;
	r->size = p->size;
	copy(r->at, sizeof(r->at), p->at);
	copy(r->by, sizeof(r->by), p->by);
	copy(r->command, sizeof(r->command), p->command);
	copy(r->file, sizeof(r->file), p->file);
	copy(r->on, sizeof(r->on), p->on);
	copy(r->verdict, sizeof(r->verdict), p->verdict);
	copy(r->mtime, sizeof(r->mtime), p->mtime);
	join(r->reasons, sizeof(r->reasons), p->reasons, p->reason_count);
	join(r->warnings, sizeof(r->warnings), p->warnings, p->warning_count);
	join(r->pupils, sizeof(r->pupils), p->pupils, p->pupil_count);
	return 0;
}

/* Reads the log with `q` into `got`; returns the call's result. */
static int read_log(const struct pc_log_query *q)
{
	got.count = 0;
	struct pc_log_query all = PC_LOG_QUERY_INIT;
	all.since = q ? q->since : NULL;
	all.file = q ? q->file : NULL;
	all.pupil = q ? q->pupil : NULL;
	all.fn = collect;
	all.ctx = &got;
	return pc_store_log_read(sfx.store, &all, &test_err);
}

static void read_ok(const struct pc_log_query *q)
{
	int ret = read_log(q);
	cr_assert_eq(ret, 0, "reading the log: %d %s", ret, test_err.message);
}

static const char *const NO_CODES[] = { NULL };

/* A staff check of `file` (under sfx.dir) with the codes and pupils given
 * (';'-separated, "" for none), asserting success. */
static void log_check(const char *file, const char *verdict, const char *on,
                      const char *reasons, const char *pupils)
{
	char path[160], r[128], p[128];
	const char *rv[8], *pv[8];
	size_t rn = 0, pn = 0;
	store_fx_file(path, file);
	snprintf(r, sizeof(r), "%s", reasons);
	snprintf(p, sizeof(p), "%s", pupils);
	char *save = NULL;
	for (char *t = strtok_r(r, ";", &save); t && rn < 8; t = strtok_r(NULL, ";", &save))
		rv[rn++] = t;
	save = NULL;
	for (char *t = strtok_r(p, ";", &save); t && pn < 8; t = strtok_r(NULL, ";", &save))
		pv[pn++] = t;
	const char *const warnings[] = { "gps" };
	struct pc_log_entry e = {
		.by = "office", .file = path, .purpose_id = "website", .on = on, .verdict = verdict,
		.size = 1234, .mtime = "2026-02-01 09:30:00",
		.reasons = rn ? rv : NO_CODES, .reason_count = rn,
		.warnings = warnings, .warning_count = 1,
		.pupils = pn ? pv : NO_CODES, .pupil_count = pn,
	};
	int ret = pc_store_log_add(sfx.store, &e, &test_err);
	cr_assert_eq(ret, 0, "logging a check: %s", test_err.message);
}

/* A scan's photos for pc_store_log_scan: `count` rows, photo-N.jpg under
 * sfx.dir, each showing pupil 1001 when N is even; fails with `fail_code`
 * at row `fail_at` (1-based; 0: never), or gives a bad verdict there when
 * fail_code is 0. */
struct photos {
	size_t count, at, fail_at;
	int fail_code;
	char path[160];
	const char *pupil[1];
};

static int next_photo(void *ctx, struct pc_log_entry *out)
{
	struct photos *ph = ctx;
	if (ph->at == ph->count)
		return 0;
	ph->at++;
	if (ph->at == ph->fail_at && ph->fail_code)
		return ph->fail_code;
	char name[32];
	snprintf(name, sizeof(name), "photo-%zu.jpg", ph->at);
	store_fx_file(ph->path, name);
	ph->pupil[0] = "1001";
	out->at = "2026-03-02 10:00:00";
	out->file = ph->path;
	out->verdict = ph->at == ph->fail_at ? "maybe" : ph->at % 2 ? "review" : "share";
	out->size = (long long)ph->at;
	out->pupils = ph->pupil;
	out->pupil_count = ph->at % 2 == 0;
	return 1;
}

static int log_scan(struct photos *ph, long long *id)
{
	const char *roots[] = { sfx.dir };
	size_t share = ph->count / 2;
	struct pc_log_scan scan = {
		.at = "2026-03-02 09:59:59", .by = "office", .purpose_id = "newsletter",
		.on = "2026-03-01", .roots = roots, .root_count = 1, .photos = ph->count,
		.share = share, .review = ph->count - share, .skipped = 2,
	};
	return pc_store_log_scan(id, sfx.store, &scan, next_photo, ph, &test_err);
}

static int raw_count(const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_open_v2(sfx.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Runs `sql` through a connection of its own; the SQLite result code. */
static int raw_exec(const char *sql)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(sfx.path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* ------------------------------------------------------------ checks */

Test(audit_log, a_check_reads_back_with_every_field)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	log_check("IMG_0001.jpg", "do-not-share", "2026-03-01", "consent-refused;consent-none",
	          "1001;2002;1001");
	read_ok(NULL);
	cr_assert_eq(got.count, 1);
	const struct row *r = &got.items[0];
	char want[160];
	store_fx_file(want, "IMG_0001.jpg");
	cr_expect_str_eq(r->file, want);
	cr_expect_str_eq(r->command, "check");
	cr_expect_str_eq(r->by, "office");
	cr_expect_str_eq(r->on, "2026-03-01", "the date judged as of, not today");
	cr_expect_str_eq(r->verdict, "do-not-share");
	cr_expect_str_eq(r->reasons, "consent-refused,consent-none");
	cr_expect_str_eq(r->warnings, "gps");
	cr_expect_str_eq(r->pupils, "1001,2002", "a pupil tagged twice is in the photo once");
	cr_expect_eq(r->size, 1234);
	cr_expect_str_eq(r->mtime, "2026-02-01 09:30:00");
	cr_expect_eq(r->scan_id, 0);
	cr_expect_eq(strlen(r->at), 19);
}

Test(audit_log, checks_are_read_oldest_first)
{
	log_check("IMG_0001.jpg", "share", "2026-03-01", "", "");
	log_check("IMG_0002.jpg", "do-not-share", "2026-03-01", "consent-none", "");
	log_check("IMG_0003.jpg", "review", "2026-03-01", "untagged", "");
	read_ok(NULL);
	cr_assert_eq(got.count, 3);
	cr_expect(strstr(got.items[0].file, "IMG_0001.jpg"));
	cr_expect_str_eq(got.items[1].verdict, "do-not-share");
	cr_expect_str_eq(got.items[2].reasons, "untagged");
	cr_expect_str_eq(got.items[0].reasons, "");
	cr_expect(got.items[0].id < got.items[1].id && got.items[1].id < got.items[2].id);
}

Test(audit_log, since_compares_the_day)
{
	log_check("IMG_0001.jpg", "share", "2026-03-01", "", "");
	read_ok(NULL);
	char day[11];
	memcpy(day, got.items[0].at, 10);
	day[10] = '\0';

	struct pc_log_query q = { .version = PC_LOG_QUERY_VERSION, .since = day };
	read_ok(&q);
	cr_expect_eq(got.count, 1, "a row written on the day itself is on or after it");
	q.since = "9999-12-31";
	read_ok(&q);
	cr_expect_eq(got.count, 0);
	q.since = "yesterday";
	cr_expect_eq(read_log(&q), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'yesterday' is not a date (YYYY-MM-DD)");
}

Test(audit_log, what_is_wrong_with_an_entry_is_refused_and_named)
{
	struct pc_log_entry e = { .by = "office", .file = "/photos/IMG_0001.jpg",
	                          .purpose_id = "website", .on = "2026-03-01", .verdict = "maybe",
	                          .size = -1 };
	cr_expect_eq(pc_store_log_add(sfx.store, &e, &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "'maybe' is not a verdict (share, do-not-share or review)");
	e.verdict = "share";
	e.file = "IMG_0001.jpg";
	cr_expect_eq(pc_store_log_add(sfx.store, &e, &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "a log entry needs the file's absolute path, and 'IMG_0001.jpg' is not one");
	e.file = "/photos/IMG_0001.jpg";
	e.on = NULL;
	cr_expect_eq(pc_store_log_add(sfx.store, &e, &test_err), PC_EFORMAT);
	e.on = "2026-02-30";
	cr_expect_eq(pc_store_log_add(sfx.store, &e, &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'2026-02-30' is not a date (YYYY-MM-DD)");
	e.on = "2026-03-01";
	const char *const bad[] = { "gps\033[31m" };
	e.warnings = bad;
	e.warning_count = 1;
	cr_expect_eq(pc_store_log_add(sfx.store, &e, &test_err), PC_EFORMAT);
	read_ok(NULL);
	cr_expect_eq(got.count, 0, "nothing refused was written");
}

Test(audit_log, a_file_name_that_is_not_utf8_is_kept_readable)
{
	log_check("IMG_\xff.jpg", "share", "2026-03-01", "", "");
	read_ok(NULL);
	cr_assert_eq(got.count, 1);
	cr_expect(strstr(got.items[0].file, "/IMG_\xEF\xBF\xBD.jpg"), "%s", got.items[0].file);
}

Test(audit_log, the_log_is_never_changed)
{
	log_check("IMG_0001.jpg", "share", "2026-03-01", "", "1001");
	cr_expect_neq(raw_exec("UPDATE checks SET verdict = 'review'"), SQLITE_OK);
	cr_expect_neq(raw_exec("DELETE FROM checks"), SQLITE_OK);
	cr_expect_neq(raw_exec("DELETE FROM check_pupils"), SQLITE_OK);
	cr_expect_neq(raw_exec("UPDATE check_codes SET code = 'x'"), SQLITE_OK);
	cr_expect_eq(raw_count("SELECT count(*) FROM checks WHERE verdict = 'share'"), 1);
}

/* ------------------------------------------------------------ filters */

Test(audit_log, pupil_filter_ignores_case_and_refuses_an_unknown_pupil)
{
	store_fx_pupil("AB12", "Amy", "Jones", NULL, NULL);
	store_fx_pupil("CD34", "Leo", "Walker", NULL, NULL);
	log_check("amy.jpg", "share", "2026-03-01", "", "AB12");
	log_check("leo.jpg", "share", "2026-03-01", "", "CD34");
	log_check("both.jpg", "share", "2026-03-01", "", "CD34;AB12");
	log_check("nobody.jpg", "review", "2026-03-01", "untagged", "");

	struct pc_log_query q = { .version = PC_LOG_QUERY_VERSION, .pupil = "ab12" };
	read_ok(&q);
	cr_assert_eq(got.count, 2);
	cr_expect(strstr(got.items[0].file, "/amy.jpg"));
	cr_expect(strstr(got.items[1].file, "/both.jpg"));
	cr_expect_str_eq(got.items[1].pupils, "AB12,CD34");

	q.pupil = "9999";
	cr_expect_eq(read_log(&q), PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message, "no pupil has the id '9999'");
}

Test(audit_log, file_filter_matches_the_real_path_through_a_link)
{
	char real[160], link[160], missing[160];
	store_fx_file(real, "IMG_0001.jpg");
	store_fx_file(link, "link.jpg");
	store_fx_file(missing, "gone.jpg");
	FILE *f = fopen(real, "w");
	cr_assert_not_null(f);
	fclose(f);
	cr_assert_eq(symlink(real, link), 0);
	/* What the log holds is the real path: the temporary folder's own
	 * links resolved too. */
	char *resolved = realpath(real, NULL);
	cr_assert_not_null(resolved);
	struct pc_log_entry e = { .by = "office", .file = resolved, .purpose_id = "website",
	                          .on = "2026-03-01", .verdict = "share", .size = 0 };
	cr_assert_eq(pc_store_log_add(sfx.store, &e, &test_err), 0, "%s", test_err.message);
	e.file = missing;
	cr_assert_eq(pc_store_log_add(sfx.store, &e, &test_err), 0, "%s", test_err.message);

	struct pc_log_query q = { .version = PC_LOG_QUERY_VERSION, .file = link };
	read_ok(&q);
	cr_assert_eq(got.count, 1, "the link names the file the log holds");
	cr_expect_str_eq(got.items[0].file, resolved);
	q.file = missing;
	read_ok(&q);
	cr_assert_eq(got.count, 1, "a file that is gone is compared as given");
	cr_expect_str_eq(got.items[0].file, missing);
	free(resolved);
}

/* ------------------------------------------------------------- scans */

Test(audit_log, a_scan_is_written_whole_and_read_before_its_photos)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	log_check("earlier.jpg", "share", "2026-03-01", "", "");
	struct photos ph = { .count = 4 };
	long long id = 0;
	cr_assert_eq(log_scan(&ph, &id), 0, "%s", test_err.message);
	cr_expect_gt(id, 0);

	read_ok(NULL);
	cr_assert_eq(got.count, 6);
	/* The check was written first, but the scan's photos were judged
	 * earlier by the clock: each row comes by its own time. */
	cr_expect(got.items[0].is_scan);
	cr_expect_eq(got.items[0].id, id);
	cr_expect_str_eq(got.items[0].roots, sfx.dir);
	cr_expect_str_eq(got.items[0].on, "2026-03-01");
	cr_expect_eq(got.items[0].photos, 4);
	cr_expect_eq(got.items[0].share, 2);
	cr_expect_eq(got.items[0].review, 2);
	cr_expect_eq(got.items[0].skipped, 2);
	for (size_t i = 1; i <= 4; i++) {
		const struct row *r = &got.items[i];
		cr_expect(!r->is_scan);
		cr_expect_str_eq(r->command, "scan");
		cr_expect_eq(r->scan_id, id);
		cr_expect_str_eq(r->on, "2026-03-01");
		cr_expect_str_eq(r->at, "2026-03-02 10:00:00");
		cr_expect_eq(r->size, (long long)i);
		cr_expect_str_eq(r->mtime, "(null)");
	}
	cr_expect_str_eq(got.items[5].command, "check");

	/* A pupil: the photos that show them, and the scan that judged them. */
	struct pc_log_query q = { .version = PC_LOG_QUERY_VERSION, .pupil = "1001" };
	read_ok(&q);
	cr_assert_eq(got.count, 3);
	cr_expect(got.items[0].is_scan);
	cr_expect(strstr(got.items[1].file, "/photo-2.jpg"));
	cr_expect(strstr(got.items[2].file, "/photo-4.jpg"));
	/* A file no scan judged: no scan row. */
	char earlier[160];
	store_fx_file(earlier, "earlier.jpg");
	q = (struct pc_log_query){ .version = PC_LOG_QUERY_VERSION, .file = earlier };
	read_ok(&q);
	cr_assert_eq(got.count, 1);
	cr_expect(!got.items[0].is_scan);
}

Test(audit_log, a_scan_that_fails_half_way_writes_nothing)
{
	struct photos bad_row = { .count = 5, .fail_at = 3 };
	cr_expect_eq(log_scan(&bad_row, NULL), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "'maybe' is not a verdict (share, do-not-share or review)");
	struct photos gives_up = { .count = 5, .fail_at = 4, .fail_code = PC_ERROR };
	cr_expect_eq(log_scan(&gives_up, NULL), PC_ERROR);
	cr_expect_eq(raw_count("SELECT count(*) FROM checks"), 0);
	cr_expect_eq(raw_count("SELECT count(*) FROM scans"), 0);
	cr_expect_eq(raw_count("SELECT count(*) FROM scan_roots"), 0);
	cr_expect_eq(raw_count("SELECT count(*) FROM check_pupils"), 0);
}

Test(audit_log, a_scan_whose_counts_do_not_add_up_is_refused)
{
	const char *roots[] = { "/photos" };
	struct pc_log_scan scan = { .at = "2026-03-02 09:59:59", .by = "office",
	                            .purpose_id = "website", .on = "2026-03-01", .roots = roots,
	                            .root_count = 1, .photos = 3, .share = 1 };
	struct photos ph = { .count = 0 };
	cr_expect_eq(pc_store_log_scan(NULL, sfx.store, &scan, next_photo, &ph, &test_err), PC_EFORMAT);
	roots[0] = "photos";
	scan.share = 3;
	cr_expect_eq(pc_store_log_scan(NULL, sfx.store, &scan, next_photo, &ph, &test_err), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "a scan's folders must be absolute paths, "
	                 "and 'photos' is not one");
}

Test(audit_log, more_rows_than_a_page_are_all_read_in_order)
{
	struct photos ph = { .count = 600 };
	cr_assert_eq(log_scan(&ph, NULL), 0, "%s", test_err.message);
	struct photos more = { .count = 50 };
	cr_assert_eq(log_scan(&more, NULL), 0, "%s", test_err.message);
	log_check("last.jpg", "share", "2026-03-01", "", "");
	read_ok(NULL);
	cr_assert_eq(got.count, 2 + 600 + 50 + 1);
	cr_expect(got.items[0].is_scan && got.items[1].is_scan,
	          "both scans started before any photo was judged");
	for (size_t i = 3; i < got.count; i++) {
		int cmp = strcmp(got.items[i - 1].at, got.items[i].at);
		cr_expect(cmp < 0 || (cmp == 0 && got.items[i - 1].id < got.items[i].id),
		          "row %zu out of order", i);
	}
	cr_expect_str_eq(got.items[got.count - 1].command, "check");
}

static int stop_at_two(void *ctx, const struct pc_log_entry *p, const struct pc_log_scan *s)
{
	size_t *n = ctx;
	(void)p;
	(void)s;
	return ++*n == 2 ? 7 : 0;
}

Test(audit_log, the_callback_stops_the_reading)
{
	for (int i = 0; i < 4; i++)
		log_check("IMG.jpg", "share", "2026-03-01", "", "");
	size_t n = 0;
	struct pc_log_query q = PC_LOG_QUERY_INIT;
	q.fn = stop_at_two;
	q.ctx = &n;
	cr_expect_eq(pc_store_log_read(sfx.store, &q, &test_err), 7);
	cr_expect_eq(n, 2);
}

/* ---------------------------------------------------------- migration */

/* A database at schema version 2 holding pupil 1001 and two checks as
 * version 2 wrote them. */
static void version_2_database(void)
{
	const struct pc__store_options only_2 = { .migrations = pc__migrations,
	                                          .migration_count = 2 };
	cr_assert_eq(pc__store_open_with(&sfx.store, sfx.path, PC_STORE_CREATE, &only_2, &test_err), 0);
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	pc_store_free(sfx.store);
	sfx.store = NULL;
	cr_assert_eq(raw_exec("INSERT INTO checks (checked_at, checked_by, file, purpose_id, verdict)"
	                      " VALUES ('2026-01-10 09:00:00', 'office', 'samples/a.jpg', 'website',"
	                      " 'share'), ('2026-01-11 09:00:00', 'head', 'samples/b.jpg',"
	                      " 'press', 'do-not-share')"),
	             SQLITE_OK);
}

static void expect_version_2_rows(void)
{
	cr_assert_eq(got.count, 2);
	const struct row *r = &got.items[0];
	cr_expect(!r->is_scan);
	cr_expect_str_eq(r->at, "2026-01-10 09:00:00");
	cr_expect_str_eq(r->by, "office");
	cr_expect_str_eq(r->file, "samples/a.jpg", "the name as it was given");
	cr_expect_str_eq(r->verdict, "share");
	cr_expect_str_eq(r->command, "check", "only check wrote to the log then");
	cr_expect_str_eq(r->on, "(null)", "the date was not kept");
	cr_expect_eq(r->size, -1);
	cr_expect_str_eq(r->mtime, "(null)");
	cr_expect_str_eq(r->reasons, "");
	cr_expect_str_eq(r->pupils, "");
	cr_expect_eq(r->scan_id, 0);
	cr_expect_str_eq(got.items[1].verdict, "do-not-share");
}

Test(audit_log_migration, a_version_2_log_is_migrated_forward_with_its_rows)
{
	version_2_database();
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_WRITE, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), pc__migration_count);
	cr_expect_geq(pc__migration_count, 3);
	read_ok(NULL);
	expect_version_2_rows();

	/* Old rows are found by the name they were given. */
	struct pc_log_query q = { .version = PC_LOG_QUERY_VERSION, .file = "samples/b.jpg" };
	read_ok(&q);
	cr_assert_eq(got.count, 1);
	cr_expect_str_eq(got.items[0].by, "head");

	/* And new ones go on after them. */
	log_check("new.jpg", "review", "2026-03-01", "untagged", "1001");
	read_ok(NULL);
	cr_assert_eq(got.count, 3);
	cr_expect_str_eq(got.items[2].on, "2026-03-01");
	q = (struct pc_log_query){ .version = PC_LOG_QUERY_VERSION, .pupil = "1001" };
	read_ok(&q);
	cr_expect_eq(got.count, 1);
}

Test(audit_log_migration, a_version_2_log_is_read_without_migrating)
{
	version_2_database();
	size_t len;
	unsigned char *before = store_fx_slurp(sfx.path, &len);
	cr_assert_eq(pc_store_open(&sfx.store, sfx.path, PC_STORE_READ, &test_err), 0, "%s",
	             test_err.message);
	cr_expect_eq(pc_store_file_version(sfx.store), 2);
	read_ok(NULL);
	expect_version_2_rows();
	struct pc_log_query q = { .version = PC_LOG_QUERY_VERSION, .since = "2026-01-11" };
	read_ok(&q);
	cr_expect_eq(got.count, 1);
	q = (struct pc_log_query){ .version = PC_LOG_QUERY_VERSION, .pupil = "1001" };
	read_ok(&q);
	cr_expect_eq(got.count, 0, "version 2 kept no pupils");
	pc_store_free(sfx.store);
	sfx.store = NULL;
	store_fx_expect_same(sfx.path, before, len);
	free(before);
}

/* ------------------------------------------------------------ reports */

Test(audit_log_report, a_backdated_check_reads_as_judged_as_of_its_date)
{
	const char *const reasons[] = { "consent-refused" };
	const char *const pupils[] = { "2208", "2217" };
	struct pc_log_entry e = {
		.id = 3, .at = "2026-11-26 09:00:00", .by = "office", .command = "check",
		.file = "/photos/a\033[31mb\n.jpg", .purpose_id = "website", .on = "2026-03-01",
		.verdict = "do-not-share", .size = 8893, .mtime = "2026-11-20 10:00:00",
		.reasons = reasons, .reason_count = 1, .pupils = pupils, .pupil_count = 2,
	};
	char *text = NULL, *json = NULL;
	cr_assert_eq(pc_report_log_text(&text, &e, NULL), 0);
	cr_expect_str_eq(text, "2026-11-26 09:00:00  office  check  website  judged as of "
	                       "2026-03-01  do-not-share  /photos/a?[31mb?.jpg  reasons: "
	                       "consent-refused  pupils: 2208, 2217\n");
	cr_assert_eq(pc_report_log_json(&json, &e, NULL), 0);
	cr_expect_str_eq(json, "{\"kind\": \"photo\", \"id\": 3, \"at\": \"2026-11-26 09:00:00\", "
	                       "\"by\": \"office\", \"command\": \"check\", \"scan\": null, "
	                       "\"purpose\": \"website\", \"on\": \"2026-03-01\", "
	                       "\"verdict\": \"do-not-share\", \"file\": "
	                       "\"/photos/a\\u001b[31mb\\n.jpg\", \"size\": 8893, "
	                       "\"mtime\": \"2026-11-20 10:00:00\", \"reasons\": "
	                       "[\"consent-refused\"], \"warnings\": [], \"pupils\": "
	                       "[\"2208\", \"2217\"]}\n");
	pc_free(text);
	pc_free(json);
}

Test(audit_log_report, an_old_row_says_its_date_was_not_kept)
{
	struct pc_log_entry e = { .id = 1, .at = "2026-01-10 09:00:00", .by = "office",
	                          .command = "check", .file = "samples/a.jpg",
	                          .purpose_id = "website", .verdict = "share", .size = -1 };
	char *text = NULL, *json = NULL;
	cr_assert_eq(pc_report_log_text(&text, &e, NULL), 0);
	cr_expect(strstr(text, "judged as of: not recorded"), "%s", text);
	cr_assert_eq(pc_report_log_json(&json, &e, NULL), 0);
	cr_expect(strstr(json, "\"on\": null, ") && strstr(json, "\"size\": null, \"mtime\": null"),
	          "%s", json);
	pc_free(text);
	pc_free(json);
}

Test(audit_log_report, a_scan_row_says_what_it_scanned)
{
	const char *const roots[] = { "/photos/sports day" };
	struct pc_log_scan s = { .id = 4, .at = "2026-07-03 15:00:00",
	                         .finished_at = "2026-07-03 15:02:10", .by = "office",
	                         .purpose_id = "newsletter", .on = "2026-07-03", .roots = roots,
	                         .root_count = 1, .photos = 3, .share = 1, .review = 1,
	                         .do_not_share = 1, .skipped = 2 };
	char *text = NULL, *json = NULL;
	cr_assert_eq(pc_report_log_text(&text, NULL, &s), 0);
	cr_expect_str_eq(text, "2026-07-03 15:00:00  office  scan 4  newsletter  judged as of "
	                       "2026-07-03  3 photos: 1 share, 1 review, 1 do-not-share, "
	                       "0 unreadable; 2 skipped  of /photos/sports day  (logged "
	                       "2026-07-03 15:02:10)\n");
	cr_assert_eq(pc_report_log_json(&json, NULL, &s), 0);
	cr_expect_str_eq(json, "{\"kind\": \"scan\", \"id\": 4, \"at\": \"2026-07-03 15:00:00\", "
	                       "\"finished\": \"2026-07-03 15:02:10\", \"by\": \"office\", "
	                       "\"command\": \"scan\", \"purpose\": \"newsletter\", "
	                       "\"on\": \"2026-07-03\", \"roots\": [\"/photos/sports day\"], "
	                       "\"photos\": 3, \"share\": 1, \"review\": 1, \"do_not_share\": 1, "
	                       "\"unreadable\": 0, \"skipped\": 2}\n");
	pc_free(text);
	pc_free(json);
}
