/*
 * store_log_read.c: reading the audit log, oldest first (store.h).
 *
 * The log is two tables: the photos judged (checks, with their codes and
 * pupils) and the scans. Each is read in pages of PAGE rows in (time, id)
 * order, each page starting after the last row of the one before (so the
 * database finds it by its index, however long the log) and read in a
 * read transaction of its own; the two are merged as the rows are handed
 * on. Memory holds two pages whatever the log's length, and no lock is
 * held while the caller prints.
 *
 * A database at schema version 2, which a reader does not migrate, has
 * only the columns of that version: its rows are read with those.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/path.h"
#include "store/store_internal.h"
#include "base/text.h"

#define PAGE 256
#define PAGE_SQL " LIMIT 256"

/* Photo rows: ?1, ?2 the (time, id) they come after; ?3 the file's real
 * path and ?4 its name as given; ?5 the pupil id as typed. */
#define CHECK_SELECT \
	"SELECT c.id, c.checked_at, c.checked_by, c.command, c.file, c.purpose_id," \
	" c.judged_on, c.verdict, c.size, c.mtime, c.scan_id FROM checks AS c" \
	" WHERE (c.checked_at, c.id) > (?1, ?2)"
#define BY_FILE " AND c.file IN (?3, ?4)"
#define ANY_FILE " AND ?3 IS NULL AND ?4 IS NULL"
#define BY_PUPIL \
	" AND c.id IN (SELECT check_id FROM check_pupils WHERE pupil_id = " \
	PC__SQL_PUPIL("?5") ")"
#define ANY_PUPIL " AND ?5 IS NULL"
#define CHECK_ORDER " ORDER BY c.checked_at, c.id" PAGE_SQL

/* By [file given][pupil given]: the one with what the planner needs. */
static const char *const SQL_CHECKS[2][2] = {
	{ CHECK_SELECT ANY_FILE ANY_PUPIL CHECK_ORDER, CHECK_SELECT ANY_FILE BY_PUPIL CHECK_ORDER },
	{ CHECK_SELECT BY_FILE ANY_PUPIL CHECK_ORDER, CHECK_SELECT BY_FILE BY_PUPIL CHECK_ORDER },
};
/* Version 2: no command, date, size, time, scan, codes or pupils. */
static const char SQL_CHECKS_V2[] =
	"SELECT id, checked_at, checked_by, 'check', file, purpose_id, NULL, verdict, NULL, NULL,"
	" NULL FROM checks WHERE (checked_at, id) > (?1, ?2)"
	" AND (?3 IS NULL OR file IN (?3, ?4)) AND ?5 IS NULL"
	" ORDER BY checked_at, id" PAGE_SQL;
static const char SQL_CODES[] =
	"SELECT kind, code FROM check_codes WHERE check_id = ?1 ORDER BY position";
static const char SQL_PUPILS[] =
	"SELECT pupil_id FROM check_pupils WHERE check_id = ?1 ORDER BY pupil_id";

/* Scan rows, with the same parameters: with a file or a pupil, the scans
 * that judged a photo the other rows are about. */
static const char SQL_SCANS[] =
	"SELECT s.id, s.started_at, s.finished_at, s.scanned_by, s.purpose_id, s.judged_on,"
	" s.photos, s.share, s.review, s.do_not_share, s.unreadable, s.skipped FROM scans AS s"
	" WHERE (s.started_at, s.id) > (?1, ?2)"
	" AND ((?3 IS NULL AND ?5 IS NULL) OR EXISTS (SELECT 1 FROM checks AS c"
	" WHERE c.scan_id = s.id AND (?3 IS NULL OR c.file IN (?3, ?4)) AND (?5 IS NULL OR"
	" c.id IN (SELECT check_id FROM check_pupils WHERE pupil_id = " PC__SQL_PUPIL("?5") "))))"
	" ORDER BY s.started_at, s.id" PAGE_SQL;
static const char SQL_ROOTS[] =
	"SELECT root FROM scan_roots WHERE scan_id = ?1 ORDER BY position";

static const char DOING[] = "cannot read the audit log";

/* What the rows are filtered by, as bound to ?3, ?4, ?5. */
struct filter {
	const char *real;  /* the file's real path, as the log holds it */
	const char *given; /* as given */
	const char *pupil;
};

/* One table's rows, a page at a time. */
struct cursor {
	int scans;                /* this is the scans table */
	struct pc__arena *arena;  /* holds the page */
	struct pc__vec rows;      /* struct pc_log_entry or struct pc_log_scan */
	size_t next;
	int over;                 /* no page after this one */
	const char *after_at;     /* the last row read: in `arena`, or the since */
	long long after_id;
};

/* --------------------------------------------------------- one page */

/* The first column of every row of `sql` for ?1 = id, into the arena. */
static int read_strings(pc_store *store, struct pc__arena *arena, const char *sql,
                        long long id, const char *const **out, size_t *count)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	struct pc__vec v = { NULL, 0, 0, sizeof(const char *) };

	if ((ret = pc__store_stmt(store, &st, sql)))
		goto done;
	int rc = sqlite3_bind_int64(st, 1, id);
	if (rc) {
		ret = pc__store_sqlite_fail(store, rc, DOING);
		goto done;
	}
	while ((ret = pc__store_step(store, st, DOING)) == 1) {
		const char **item = pc__vec_push(&v, arena);
		if (!item || pc__store_col_text(arena, st, 0, item)) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
	}
	*out = v.items;
	*count = v.count;
done:
	sqlite3_reset(st);
	return ret;
}

/* A row's reason and warning codes, into the arena. */
static int read_codes(pc_store *store, struct pc__arena *arena, struct pc_log_entry *e)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	struct pc__vec reasons = { NULL, 0, 0, sizeof(const char *) };
	struct pc__vec warnings = reasons;

	if ((ret = pc__store_stmt(store, &st, SQL_CODES)))
		goto done;
	int rc = sqlite3_bind_int64(st, 1, e->id);
	if (rc) {
		ret = pc__store_sqlite_fail(store, rc, DOING);
		goto done;
	}
	while ((ret = pc__store_step(store, st, DOING)) == 1) {
		const unsigned char *kind = sqlite3_column_text(st, 0);
		int warning = kind && !strcmp((const char *)kind, "warning");
		const char **item = pc__vec_push(warning ? &warnings : &reasons, arena);
		if (!item || pc__store_col_text(arena, st, 1, item)) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
	}
	e->reasons = reasons.items;
	e->reason_count = reasons.count;
	e->warnings = warnings.items;
	e->warning_count = warnings.count;
done:
	sqlite3_reset(st);
	return ret;
}

static long long col_int(sqlite3_stmt *st, int col, long long null)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? null : sqlite3_column_int64(st, col);
}

static int photo_row(struct pc__arena *arena, sqlite3_stmt *st, struct pc_log_entry *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->size = col_int(st, 8, -1);
	e->scan_id = col_int(st, 10, 0);
	return pc__store_col_text(arena, st, 1, &e->at) ||
	       pc__store_col_text(arena, st, 2, &e->by) ||
	       pc__store_col_text(arena, st, 3, &e->command) ||
	       pc__store_col_text(arena, st, 4, &e->file) ||
	       pc__store_col_text(arena, st, 5, &e->purpose_id) ||
	       pc__store_col_text(arena, st, 6, &e->on) ||
	       pc__store_col_text(arena, st, 7, &e->verdict) ||
	       pc__store_col_text(arena, st, 9, &e->mtime);
}

static int scan_row(struct pc__arena *arena, sqlite3_stmt *st, struct pc_log_scan *s)
{
	size_t *counts[] = { &s->photos, &s->share, &s->review, &s->do_not_share, &s->unreadable,
	                     &s->skipped };
	s->id = sqlite3_column_int64(st, 0);
	for (int i = 0; i < 6; i++) {
		long long n = sqlite3_column_int64(st, 6 + i);
		*counts[i] = n > 0 ? (size_t)n : 0;
	}
	return pc__store_col_text(arena, st, 1, &s->at) ||
	       pc__store_col_text(arena, st, 2, &s->finished_at) ||
	       pc__store_col_text(arena, st, 3, &s->by) ||
	       pc__store_col_text(arena, st, 4, &s->purpose_id) ||
	       pc__store_col_text(arena, st, 5, &s->on);
}

/* The rows of the page after c->after_*, and their lists, into `arena`. */
static int read_rows(pc_store *store, struct cursor *c, struct pc__arena *arena,
                     const struct filter *f)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	int v3 = pc_store_file_version(store) >= 3;
	const char *sql = c->scans ? SQL_SCANS
	                  : v3 ? SQL_CHECKS[f->real != NULL][f->pupil != NULL] : SQL_CHECKS_V2;

	c->rows = (struct pc__vec){ NULL, 0, 0, c->scans ? sizeof(struct pc_log_scan)
	                                                 : sizeof(struct pc_log_entry) };
	if (c->scans && !v3)
		return 0;
	if ((ret = pc__store_stmt(store, &st, sql)))
		goto done;
	int rc = pc__store_bind_text(st, 1, c->after_at);
	rc = rc ? rc : sqlite3_bind_int64(st, 2, c->after_id);
	rc = rc ? rc : pc__store_bind_text(st, 3, f->real);
	rc = rc ? rc : pc__store_bind_text(st, 4, f->given);
	rc = rc ? rc : pc__store_bind_text(st, 5, f->pupil);
	if (rc) {
		ret = pc__store_sqlite_fail(store, rc, DOING);
		goto done;
	}
	while ((ret = pc__store_step(store, st, DOING)) == 1) {
		void *item = pc__vec_push(&c->rows, arena);
		if (!item || (c->scans ? scan_row(arena, st, item) : photo_row(arena, st, item))) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
	}
	if (ret)
		goto done;
	sqlite3_reset(st);
	for (size_t i = 0; i < c->rows.count && !ret && v3; i++) {
		if (c->scans) {
			struct pc_log_scan *s = (struct pc_log_scan *)c->rows.items + i;
			ret = read_strings(store, arena, SQL_ROOTS, s->id, &s->roots, &s->root_count);
		} else {
			struct pc_log_entry *e = (struct pc_log_entry *)c->rows.items + i;
			ret = read_codes(store, arena, e);
			ret = ret ? ret : read_strings(store, arena, SQL_PUPILS, e->id, &e->pupils,
			                               &e->pupil_count);
		}
	}
done:
	sqlite3_reset(st);
	return ret;
}

/* The next page of `c`, in a read transaction of its own. The page before
 * is freed only after, as the cursor points into it. */
static int next_page(pc_store *store, struct cursor *c, const struct filter *f)
{
	int ret = PC_ERROR, began = 0;
	struct pc__arena *arena = pc__arena_new();
	if (!arena)
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	if ((ret = pc__store_read_begin(store, &began)))
		goto done;
	ret = read_rows(store, c, arena, f);
	pc__store_read_end(store, began);
	if (ret)
		goto done;
	c->next = 0;
	/* A short page is the last: the cursor, which may then point into the
	 * page freed below, is not used again. */
	c->over = c->rows.count < PAGE;
	if (c->rows.count) {
		if (c->scans) {
			const struct pc_log_scan *last = (struct pc_log_scan *)c->rows.items +
			                                 c->rows.count - 1;
			c->after_at = last->at;
			c->after_id = last->id;
		} else {
			const struct pc_log_entry *last = (struct pc_log_entry *)c->rows.items +
			                                  c->rows.count - 1;
			c->after_at = last->at;
			c->after_id = last->id;
		}
	}
	struct pc__arena *old = c->arena;
	c->arena = arena;
	arena = old;
done:
	pc__arena_free(arena);
	if (ret)
		c->rows.count = 0;
	return ret;
}

/* The row `c` is at, or NULL when it has no more; reads the next page when
 * this one is used up. */
static int head(pc_store *store, struct cursor *c, const struct filter *f, const void **out)
{
	int ret = 0;
	*out = NULL;
	if (c->next == c->rows.count && !c->over && (ret = next_page(store, c, f)))
		return ret;
	if (c->next < c->rows.count)
		*out = (const unsigned char *)c->rows.items + c->next * c->rows.size;
	return 0;
}

/* ---------------------------------------------------------- the read */

/* The filter's file as the log holds it: its real path, as text. */
static int resolve_file(pc_store *store, const char *given, char **out)
{
	*out = NULL;
	errno = 0;
	char *real = pc__path_real(given);
	if (!real) {
		if (errno == ENOMEM)
			return pc__store_fail(store, PC_ENOMEM, "out of memory");
		return pc__store_fail(store, PC_EOPEN, "cannot tell where '%s' is: %s",
		                      pc__store_shown(given), strerror(errno));
	}
	if (pc__utf8_valid(real, strlen(real))) {
		*out = real;
		return 0;
	}
	*out = pc__text_from_utf8(real, strlen(real));
	free(real);
	return *out ? 0 : pc__store_fail(store, PC_ENOMEM, "out of memory");
}

static int log_read(pc_store *store, const struct pc_log_query *query, pc_log_row_fn fn,
                    void *ctx)
{
	int ret = PC_ERROR;
	const struct pc_log_query none = PC_LOG_QUERY_INIT;
	struct cursor photos, scans;
	struct filter f = { NULL, NULL, NULL };
	char *real = NULL;

	const struct pc_log_query *q = query ? query : &none;
	memset(&photos, 0, sizeof(photos));
	memset(&scans, 0, sizeof(scans));
	scans.scans = 1;
	photos.after_at = scans.after_at = q->since ? q->since : "";
	if (q->since && (ret = pc__store_check_date(store, q->since)))
		goto done;
	if (q->pupil && (ret = pc__store_pupil_exists(store, q->pupil)))
		goto done;
	if (q->file && (ret = resolve_file(store, q->file, &real)))
		goto done;
	f = (struct filter){ real, q->file, q->pupil };

	/* "2026-03-01 08:00:00" > "2026-03-01": starting after (since, 0)
	 * is every row on or after the day. */
	for (;;) {
		const void *hp, *hs;
		if ((ret = head(store, &photos, &f, &hp)) || (ret = head(store, &scans, &f, &hs)))
			goto done;
		const struct pc_log_entry *p = hp;
		const struct pc_log_scan *s = hs;
		if (!p && !s)
			break;
		/* At the same second a scan comes before its photos. */
		if (s && (!p || strcmp(s->at, p->at) <= 0)) {
			scans.next++;
			ret = fn(ctx, NULL, s);
		} else {
			photos.next++;
			ret = fn(ctx, p, NULL);
		}
		if (ret)
			goto done;
	}
	ret = 0;
done:
	pc__arena_free(photos.arena);
	pc__arena_free(scans.arena);
	free(real);
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_log_read(pc_store *store, const struct pc_log_query *query, struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, query);
	int ret = pc__options_check(err, query->version, PC_LOG_QUERY_VERSION, "struct pc_log_query");
	if (ret)
		return ret;
	PC_ASSERT_ARG(err, query->fn);
	return pc__store_result(store, log_read(store, query, query->fn, query->ctx), err);
}
