/*
 * store_log.c: writing the audit log (store.h): a staff check's row, and a
 * scan's own row with the rows of all its photos, in one transaction.
 *
 * Everything is checked before it is written, and a row that is wrong
 * rolls back the whole call: a scan is logged whole or not at all. The
 * log holds text: a file name that is not UTF-8 (names are bytes) is kept
 * with its stray bytes replaced, as it is everywhere else.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "base/text.h"

static const char SQL_CHECK_INSERT[] =
	"INSERT INTO checks (checked_at, checked_by, file, purpose_id, verdict, command,"
	" judged_on, size, mtime, scan_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_CODE_INSERT[] =
	"INSERT INTO check_codes (check_id, position, kind, code) VALUES (?1, ?2, ?3, ?4)";
/* The same pupil tagged twice is in the photo once. */
static const char SQL_PUPIL_INSERT[] =
	"INSERT INTO check_pupils (check_id, pupil_id) VALUES (?1, ?2)"
	" ON CONFLICT (check_id, pupil_id) DO NOTHING";
static const char SQL_SCAN_INSERT[] =
	"INSERT INTO scans (started_at, finished_at, scanned_by, purpose_id, judged_on, photos,"
	" share, review, do_not_share, unreadable, skipped)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_ROOT_INSERT[] =
	"INSERT INTO scan_roots (scan_id, position, root) VALUES (?1, ?2, ?3)";

/* What every row of one call shares: for a scan, its purpose, date and
 * who; for a check, the entry's own. */
struct row_context {
	const char *command;
	const char *by;
	const char *purpose_id;
	const char *on;
	long long scan_id;
	const char *doing;
};

/* ------------------------------------------------------------- checking */

/* Printable UTF-8 and not empty: a code, an id, a purpose. */
static int is_word(const char *s)
{
	return s && *s && pc__text_printable(s, strlen(s));
}

/* "YYYY-MM-DD HH:MM:SS", a real date and time. */
static int is_time(const char *s)
{
	if (!s || strlen(s) != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':')
		return 0;
	char date[11];
	memcpy(date, s, 10);
	date[10] = '\0';
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return pc_date_valid(date) && (s[11] - '0') * 10 + (s[12] - '0') < 24 &&
	       (s[14] - '0') < 6 && (s[17] - '0') < 6;
}

static int check_list(pc_store *store, const char *const *items, size_t count,
                      const char *what)
{
	if (count && !items)
		return pc__store_fail(store, PC_EFORMAT, "a log entry's %s are missing", what);
	for (size_t i = 0; i < count; i++)
		if (!is_word(items[i]))
			return pc__store_fail(store, PC_EFORMAT, "a log entry's %s must be printable "
			                      "text, and one is '%s'", what, pc__store_shown(items[i]));
	return 0;
}

/* Checks what every row needs: who, purpose and date, as `c` has them. */
static int check_context(pc_store *store, const struct row_context *c)
{
	if (c->by && !pc__utf8_valid(c->by, strlen(c->by)))
		return pc__store_fail(store, PC_EFORMAT, "who checked is not valid UTF-8");
	if (!is_word(c->purpose_id))
		return pc__store_fail(store, PC_EFORMAT, "a log entry needs the purpose");
	if (!c->on)
		return pc__store_fail(store, PC_EFORMAT, "a log entry needs the date the consent "
		                      "was judged as of");
	return pc__store_check_date(store, c->on);
}

static int check_entry(pc_store *store, const struct pc_log_entry *e)
{
	int ret = 0;
	if (!e->verdict || (strcmp(e->verdict, "share") && strcmp(e->verdict, "do-not-share") &&
	                    strcmp(e->verdict, "review")))
		return pc__store_fail(store, PC_EFORMAT, "'%s' is not a verdict (share, do-not-share "
		                      "or review)", pc__store_shown(e->verdict));
	if (!e->file || !*e->file)
		return pc__store_fail(store, PC_EFORMAT, "a log entry needs the file checked");
	if (e->file[0] != '/')
		return pc__store_fail(store, PC_EFORMAT, "a log entry needs the file's absolute "
		                      "path, and '%s' is not one", pc__store_shown(e->file));
	if (e->size < -1)
		return pc__store_fail(store, PC_EFORMAT, "a file's size cannot be %lld", e->size);
	if (e->mtime && !is_time(e->mtime))
		return pc__store_fail(store, PC_EFORMAT, "'%s' is not a time (YYYY-MM-DD HH:MM:SS)",
		                      pc__store_shown(e->mtime));
	if ((ret = check_list(store, e->reasons, e->reason_count, "reason codes")) ||
	    (ret = check_list(store, e->warnings, e->warning_count, "warning codes")) ||
	    (ret = check_list(store, e->pupils, e->pupil_count, "pupil ids")))
		return ret;
	return 0;
}

/* ------------------------------------------------------------- writing */

/* The codes of one kind, numbered on from *position. */
static int insert_codes(pc_store *store, long long id, int *position, const char *kind,
                        const char *const *codes, size_t count, const char *doing)
{
	int ret = 0;
	sqlite3_stmt *st = NULL;
	for (size_t i = 0; i < count && !ret; i++) {
		if ((ret = pc__store_stmt(store, &st, SQL_CODE_INSERT)))
			break;
		int rc = sqlite3_bind_int64(st, 1, id);
		rc = rc ? rc : sqlite3_bind_int(st, 2, (*position)++);
		rc = rc ? rc : pc__store_bind_text(st, 3, kind);
		rc = rc ? rc : pc__store_bind_text(st, 4, codes[i]);
		ret = rc ? pc__store_sqlite_fail(store, rc, doing) : pc__store_step(store, st, doing);
		sqlite3_reset(st);
	}
	return ret;
}

static int insert_pupils(pc_store *store, long long id, const struct pc_log_entry *e,
                         const char *doing)
{
	int ret = 0;
	sqlite3_stmt *st = NULL;
	for (size_t i = 0; i < e->pupil_count && !ret; i++) {
		if ((ret = pc__store_stmt(store, &st, SQL_PUPIL_INSERT)))
			break;
		int rc = sqlite3_bind_int64(st, 1, id);
		rc = rc ? rc : pc__store_bind_text(st, 2, e->pupils[i]);
		ret = rc ? pc__store_sqlite_fail(store, rc, doing) : pc__store_step(store, st, doing);
		sqlite3_reset(st);
	}
	return ret;
}

/* One photo's row, with its codes and pupils, judged at `at`. */
static int insert_entry(pc_store *store, const struct row_context *c,
                        const struct pc_log_entry *e, const char *at)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	char *file = NULL;

	if ((ret = check_entry(store, e)))
		goto done;
	if (!pc__utf8_valid(e->file, strlen(e->file)) &&
	    !(file = pc__text_from_utf8(e->file, strlen(e->file)))) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	if ((ret = pc__store_stmt(store, &st, SQL_CHECK_INSERT)))
		goto done;
	int rc = pc__store_bind_text(st, 1, at);
	rc = rc ? rc : pc__store_bind_text(st, 2, c->by && *c->by ? c->by : "unknown");
	rc = rc ? rc : pc__store_bind_text(st, 3, file ? file : e->file);
	rc = rc ? rc : pc__store_bind_text(st, 4, c->purpose_id);
	rc = rc ? rc : pc__store_bind_text(st, 5, e->verdict);
	rc = rc ? rc : pc__store_bind_text(st, 6, c->command);
	rc = rc ? rc : pc__store_bind_text(st, 7, c->on);
	rc = rc ? rc : e->size >= 0 ? sqlite3_bind_int64(st, 8, e->size) : sqlite3_bind_null(st, 8);
	rc = rc ? rc : pc__store_bind_text(st, 9, e->size >= 0 ? e->mtime : NULL);
	rc = rc ? rc : c->scan_id ? sqlite3_bind_int64(st, 10, c->scan_id) : sqlite3_bind_null(st, 10);
	if (rc) {
		ret = pc__store_sqlite_fail(store, rc, c->doing);
		goto done;
	}
	if ((ret = pc__store_step(store, st, c->doing)))
		goto done;
	long long id = sqlite3_last_insert_rowid(pc__store_db(store));
	int position = 0;
	if ((ret = insert_codes(store, id, &position, "reason", e->reasons, e->reason_count,
	                        c->doing)) ||
	    (ret = insert_codes(store, id, &position, "warning", e->warnings, e->warning_count,
	                        c->doing)))
		goto done;
	ret = insert_pupils(store, id, e, c->doing);
done:
	sqlite3_reset(st);
	free(file);
	return ret;
}

static int log_add(pc_store *store, const struct pc_log_entry *entry)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	char now[20];

	if (!entry)
		return pc__store_fail(store, PC_EFORMAT, "no log entry given");
	const struct row_context c = { "check", entry->by, entry->purpose_id, entry->on, 0,
	                               "cannot add to the audit log" };
	if ((ret = check_context(store, &c)) || (ret = check_entry(store, entry)))
		return ret;
	pc__store_now(now);
	if ((ret = pc__store_write_begin(store, &w)))
		return ret;
	ret = insert_entry(store, &c, entry, now);
	return pc__store_write_end(store, &w, ret);
}

/* The scan's own row and its roots; its id into *id. */
static int insert_scan(pc_store *store, const struct pc_log_scan *scan, const char *finished,
                       const char *doing, long long *id)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	char *root = NULL;

	if ((ret = pc__store_stmt(store, &st, SQL_SCAN_INSERT)))
		goto done;
	const size_t counts[] = { scan->photos, scan->share, scan->review, scan->do_not_share,
	                          scan->unreadable, scan->skipped };
	int rc = pc__store_bind_text(st, 1, scan->at);
	rc = rc ? rc : pc__store_bind_text(st, 2, finished);
	rc = rc ? rc : pc__store_bind_text(st, 3, scan->by && *scan->by ? scan->by : "unknown");
	rc = rc ? rc : pc__store_bind_text(st, 4, scan->purpose_id);
	rc = rc ? rc : pc__store_bind_text(st, 5, scan->on);
	for (int i = 0; i < 6 && !rc; i++)
		rc = sqlite3_bind_int64(st, 6 + i, (long long)counts[i]);
	if (rc) {
		ret = pc__store_sqlite_fail(store, rc, doing);
		goto done;
	}
	if ((ret = pc__store_step(store, st, doing)))
		goto done;
	*id = sqlite3_last_insert_rowid(pc__store_db(store));
	for (size_t i = 0; i < scan->root_count; i++) {
		const char *r = scan->roots[i];
		if (!pc__utf8_valid(r, strlen(r)) && !(r = root = pc__text_from_utf8(r, strlen(r)))) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
		if ((ret = pc__store_stmt(store, &st, SQL_ROOT_INSERT)))
			goto done;
		rc = sqlite3_bind_int64(st, 1, *id);
		rc = rc ? rc : sqlite3_bind_int64(st, 2, (long long)i);
		rc = rc ? rc : pc__store_bind_text(st, 3, r);
		ret = rc ? pc__store_sqlite_fail(store, rc, doing) : pc__store_step(store, st, doing);
		sqlite3_reset(st);
		free(root);
		root = NULL;
		if (ret)
			goto done;
	}
done:
	sqlite3_reset(st);
	free(root);
	return ret;
}

static int check_scan(pc_store *store, const struct pc_log_scan *scan)
{
	if (!is_time(scan->at))
		return pc__store_fail(store, PC_EFORMAT, "a scan needs the time it started "
		                      "(YYYY-MM-DD HH:MM:SS), not '%s'", pc__store_shown(scan->at));
	if (scan->finished_at && !is_time(scan->finished_at))
		return pc__store_fail(store, PC_EFORMAT, "'%s' is not a time (YYYY-MM-DD HH:MM:SS)",
		                      pc__store_shown(scan->finished_at));
	if (scan->root_count && !scan->roots)
		return pc__store_fail(store, PC_EFORMAT, "a scan's folders are missing");
	for (size_t i = 0; i < scan->root_count; i++)
		if (!scan->roots[i] || scan->roots[i][0] != '/')
			return pc__store_fail(store, PC_EFORMAT, "a scan's folders must be absolute "
			                      "paths, and '%s' is not one",
			                      pc__store_shown(scan->roots[i]));
	if (scan->share + scan->review + scan->do_not_share + scan->unreadable != scan->photos)
		return pc__store_fail(store, PC_EFORMAT, "a scan's counts do not add up: %zu photos, "
		                      "but %zu share, %zu review, %zu do-not-share and %zu unreadable",
		                      scan->photos, scan->share, scan->review, scan->do_not_share,
		                      scan->unreadable);
	return 0;
}

static int log_scan(pc_store *store, const struct pc_log_scan *scan, pc_log_next_fn next,
                    void *ctx, long long *id)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	long long scan_id = 0;
	char now[20];

	if (id)
		*id = 0;
	if (!scan || !next)
		return pc__store_fail(store, PC_EFORMAT, "no scan given");
	struct row_context c = { "scan", scan->by, scan->purpose_id, scan->on, 0,
	                         "cannot add the scan to the audit log" };
	if ((ret = check_context(store, &c)) || (ret = check_scan(store, scan)))
		return ret;
	pc__store_now(now);
	if ((ret = pc__store_write_begin(store, &w)))
		return ret;
	if ((ret = insert_scan(store, scan, scan->finished_at ? scan->finished_at : now, c.doing,
	                       &scan_id)))
		goto done;
	c.scan_id = scan_id;
	for (;;) {
		struct pc_log_entry e;
		memset(&e, 0, sizeof(e));
		int got = next(ctx, &e);
		if (got < 0) {
			ret = pc__store_fail(store, got, "the rows of the scan's photos could not be "
			                     "read back");
			goto done;
		}
		if (!got)
			break;
		if (e.at && !is_time(e.at)) {
			ret = pc__store_fail(store, PC_EFORMAT, "'%s' is not a time (YYYY-MM-DD "
			                     "HH:MM:SS)", pc__store_shown(e.at));
			goto done;
		}
		if ((ret = insert_entry(store, &c, &e, e.at ? e.at : now)))
			goto done;
	}
done:
	ret = pc__store_write_end(store, &w, ret);
	if (!ret && id)
		*id = scan_id;
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_log_add(pc_store *store, const struct pc_log_entry *entry, struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, entry);
	return pc__store_result(store, log_add(store, entry), err);
}

int pc_store_log_scan(long long *id, pc_store *store, const struct pc_log_scan *scan,
                      pc_log_next_fn next, void *ctx, struct pc_error *err)
{
	if (id)
		*id = 0;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, scan);
	PC_ASSERT_ARG(err, next);
	return pc__store_result(store, log_scan(store, scan, next, ctx, id), err);
}
