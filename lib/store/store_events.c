/*
 * store_events.c: school events (a date range, the tags that name them in
 * photos, the purposes they forbid).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "store/store_internal.h"
#include "base/text.h"

static const char SQL_EVENT_EXISTS[] = "SELECT 1 FROM events WHERE id = ?1";
static const char SQL_EVENT_INSERT[] =
	"INSERT INTO events (id, name, starts_on, ends_on, note) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_TAG_INSERT[] =
	"INSERT INTO event_tags (event_id, tag, tag_key) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (event_id, tag_key) DO NOTHING";
static const char SQL_DENY_INSERT[] =
	"INSERT INTO event_denies (event_id, purpose_id) VALUES (?1, " PC__SQL_PURPOSE("?2") ")"
	" ON CONFLICT (event_id, purpose_id) DO NOTHING";
static const char SQL_EVENT_LIST[] =
	"SELECT id, name, starts_on, ends_on, note FROM events ORDER BY starts_on, ends_on, id";
static const char SQL_TAGS[] = "SELECT tag FROM event_tags WHERE event_id = ?1 ORDER BY rowid";
static const char SQL_DENIES[] =
	"SELECT purpose_id FROM event_denies WHERE event_id = ?1 ORDER BY purpose_id";

/* Non-NULL, valid UTF-8, and not only white space. */
static int has_text(const char *s)
{
	if (!s || !pc__utf8_valid(s, strlen(s)))
		return 0;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ events */

/* Runs `sql` with ?1 the event id and ?2, ?3 text (NULL: unbound). */
static int insert_row(pc_store *store, const char *sql, const char *id, const char *a,
                      const char *b, const char *doing)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	ret = pc__store_stmt(store, &st, sql);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, id) || pc__store_bind_text(st, 2, a) ||
	    (b && pc__store_bind_text(st, 3, b))) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
done:
	sqlite3_reset(st);
	return ret;
}

static int check_event(pc_store *store, const struct pc_event *e)
{
	int ret = PC_ERROR;
	const char *ends_on = e && e->ends_on ? e->ends_on : e ? e->starts_on : NULL;
	if (!e || !has_text(e->id))
		return pc__store_fail(store, PC_EFORMAT, "an event needs an id");
	if ((ret = pc__store_check_text(store, e->id, "the id of event '%s'",
	                                pc__store_shown(e->id))))
		return ret;
	if (!has_text(e->name))
		return pc__store_fail(store, PC_EFORMAT, "event '%s' needs a name", e->id);
	if ((ret = pc__store_check_text(store, e->name, "the name of event '%s'", e->id)))
		return ret;
	if ((ret = pc__store_check_date(store, e->starts_on)) ||
	    (ret = pc__store_check_date(store, ends_on)))
		return ret;
	if (strcmp(ends_on, e->starts_on) < 0)
		return pc__store_fail(store, PC_EFORMAT, "event '%s' ends (%s) before it starts (%s)",
		                      pc__store_shown(e->id), ends_on, e->starts_on);
	for (size_t i = 0; i < e->tag_count; i++) {
		if (!has_text(e->tags[i]))
			return pc__store_fail(store, PC_EFORMAT, "a tag of event '%s' is empty or not "
			                      "valid UTF-8", e->id);
		if ((ret = pc__store_check_text(store, e->tags[i], "a tag of event '%s'", e->id)))
			return ret;
	}
	if ((ret = pc__store_check_text(store, e->note, "the note of event '%s'", e->id)))
		return ret;
	/* A note is shown as written, bidirectional controls and all: it
	 * may hold none of them either. */
	if (e->note && !pc__text_printable(e->note, strlen(e->note)))
		return pc__store_fail(store, PC_EFORMAT, "the note of event '%s' is not printable "
		                      "UTF-8 text", pc__store_shown(e->id));
	return 0;
}

static int event_add(pc_store *store, const struct pc_event *event, const char *by)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	sqlite3_stmt *st = NULL;
	char *key = NULL;
	char doing[300];
	(void)by; /* events carry no author in this schema */

	ret = check_event(store, event);
	if (ret)
		goto done;
	snprintf(doing, sizeof(doing), "cannot add event '%s'", pc__store_shown(event->id));

	ret = pc__store_write_begin(store, &w);
	if (ret)
		goto done;
	ret = pc__store_stmt(store, &st, SQL_EVENT_EXISTS);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, event->id)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
	sqlite3_reset(st);
	if (ret == 1)
		ret = pc__store_fail(store, PC_EEXISTS, "an event already has the id '%s'",
		                     pc__store_shown(event->id));
	if (ret)
		goto done;

	ret = pc__store_stmt(store, &st, SQL_EVENT_INSERT);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, event->id) || pc__store_bind_text(st, 2, event->name) ||
	    pc__store_bind_text(st, 3, event->starts_on) ||
	    pc__store_bind_text(st, 4, event->ends_on ? event->ends_on : event->starts_on) ||
	    pc__store_bind_text(st, 5, event->note && *event->note ? event->note : NULL)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
	if (ret)
		goto done;

	for (size_t i = 0; i < event->tag_count; i++) {
		key = pc__fold(event->tags[i]);
		if (!key) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
		ret = insert_row(store, SQL_TAG_INSERT, event->id, event->tags[i], key, doing);
		free(key);
		key = NULL;
		if (ret)
			goto done;
	}
	/* Checked as they come, after the event row: a denied purpose that
	 * does not exist rolls back everything this call wrote. */
	for (size_t i = 0; i < event->denied_count; i++) {
		ret = pc__store_purpose_find(store, event->denied[i], NULL);
		if (ret)
			goto done;
		ret = insert_row(store, SQL_DENY_INSERT, event->id, event->denied[i], NULL, doing);
		if (ret)
			goto done;
	}
done:
	sqlite3_reset(st);
	free(key);
	return pc__store_write_end(store, &w, ret);
}

void pc_event_list_free(struct pc_event_list *list)
{
	if (list)
		pc__arena_free(list->priv);
}

/* The first column of every row of `sql` for event `id`, into the arena. */
static int read_strings(pc_store *store, struct pc__arena *arena, const char *sql,
                        const char *id, const char *const **out, size_t *count)
{
	int ret = PC_ERROR;
	struct pc__vec v;
	const struct pc__store_query q = {
		.sql = sql, .params = &id, .param_count = 1, .doing = "cannot read the events",
		.item_size = sizeof(const char *), .row = pc__store_row_text,
	};

	*out = NULL;
	*count = 0;
	ret = pc__store_read(store, &v, arena, &q);
	if (ret)
		goto done;
	*out = v.items;
	*count = v.count;
done:
	return ret;
}

/* One row of SQL_EVENT_LIST, with the event's tags and denied purposes. */
static int event_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                     void *ctx)
{
	int ret = PC_ERROR;
	struct pc_event *e = item;
	(void)ctx;

	if (pc__store_col_text(arena, st, 0, &e->id) ||
	    pc__store_col_text(arena, st, 1, &e->name) ||
	    pc__store_col_text(arena, st, 2, &e->starts_on) ||
	    pc__store_col_text(arena, st, 3, &e->ends_on) ||
	    pc__store_col_text(arena, st, 4, &e->note)) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	if ((ret = read_strings(store, arena, SQL_TAGS, e->id, &e->tags, &e->tag_count)))
		goto done;
	ret = read_strings(store, arena, SQL_DENIES, e->id, &e->denied, &e->denied_count);
done:
	return ret;
}

static int event_list(pc_store *store, struct pc_event_list **out)
{
	struct pc__store_list l;
	const struct pc__store_query q = {
		.sql = SQL_EVENT_LIST, .doing = "cannot read the events",
		.item_size = sizeof(struct pc_event), .row = event_row,
	};
	int ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc_event_list){ .count = l.count, .items = l.items, .priv = l.arena };
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_event_add(pc_store *store, const struct pc_event *event, const char *by,
                       struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, event);
	return pc__store_result(store, event_add(store, event, by), err);
}

int pc_store_event_list(pc_event_list **out, pc_store *store, struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	return pc__store_result(store, event_list(store, out), err);
}

size_t pc_event_list_count(const pc_event_list *list)
{
	return list ? list->count : 0;
}

const struct pc_event *pc_event_list_get(const pc_event_list *list, size_t i)
{
	return list && i < list->count ? &list->items[i] : NULL;
}
