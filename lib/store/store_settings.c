/*
 * store_settings.c: the school's own settings (table settings): the
 * keyword roots under which its photo tools file people.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "base/text.h"

#define KEY_PERSON_ROOTS "person-roots"
/* A school files people under a handful of roots; far more is a mistake
 * (a list pasted into the wrong place). */
#define MAX_ROOTS 64
#define MAX_ROOT_BYTES 200

static const char SQL_GET[] = "SELECT value FROM settings WHERE key = ?1";
static const char SQL_PUT[] =
	"INSERT INTO settings (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = ?2";

void pc_string_list_free(struct pc_string_list *list)
{
	if (list)
		pc__arena_free(list->priv);
}

/* The roots of `text`, split at ';', each trimmed, empty ones dropped,
 * into a new list. PC_EFORMAT (message set) for a root that cannot be one. */
static int split_roots(pc_store *store, const char *text, struct pc_string_list **out)
{
	int ret = PC_ERROR;
	struct pc__arena *arena = pc__arena_new();
	struct pc_string_list *list = arena ? pc__arena_alloc(arena, sizeof(*list)) : NULL;
	const char **items = list ? pc__arena_alloc(arena, MAX_ROOTS * sizeof(*items)) : NULL;
	size_t count = 0;

	*out = NULL;
	if (!items) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, ";");
		const char *next = p[n] ? p + n + 1 : p + n;
		while (n && (*p == ' ' || *p == '\t'))
			p++, n--;
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n) {
			if (count == MAX_ROOTS) {
				ret = pc__store_fail(store, PC_EFORMAT, "more than %d person roots",
				                     MAX_ROOTS);
				goto done;
			}
			if (n > MAX_ROOT_BYTES || !pc__text_printable(p, n)) {
				ret = pc__store_fail(store, PC_EFORMAT, "a person root must be printable "
				                     "UTF-8 text of at most %d bytes", MAX_ROOT_BYTES);
				goto done;
			}
			char *root = pc__arena_alloc(arena, n + 1);
			if (!root) {
				ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
				goto done;
			}
			memcpy(root, p, n);
			items[count++] = root;
		}
		p = next;
	}
	*list = (struct pc_string_list){ count, items, arena };
	*out = list;
	arena = NULL;
	ret = 0;
done:
	pc__arena_free(arena);
	return ret;
}

static int person_roots(pc_store *store, struct pc_string_list **out)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	char *text = NULL;
	const char *doing = "cannot read the person roots";

	*out = NULL;
	ret = pc__store_stmt(store, &st, SQL_GET);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, KEY_PERSON_ROOTS)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
	if (ret < 0)
		goto done;
	if (ret == 1) {
		const unsigned char *v = sqlite3_column_text(st, 0);
		if (!(text = strdup(v ? (const char *)v : ""))) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
	}
	sqlite3_reset(st);
	/* Never set: an empty list, which means the reader's defaults. */
	ret = split_roots(store, text ? text : "", out);
done:
	sqlite3_reset(st);
	free(text);
	return ret;
}

static int set_person_roots(pc_store *store, const char *roots, const char *by)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	struct pc_string_list *list = NULL;
	sqlite3_stmt *st = NULL;
	const char *doing = "cannot set the person roots";
	(void)by; /* settings carry no author in this schema */

	if (!roots || (ret = split_roots(store, roots, &list)))
		goto done;
	/* split_roots sets the list whenever it returns 0; pc__store_fail,
	 * in another file, returns its nonzero code, which the analyzer
	 * cannot see. */
	if (!list->count) { /* NOLINT(clang-analyzer-core.NullDereference) */
		ret = pc__store_fail(store, PC_EFORMAT, "no person root given ('People;Pupils', "
		                     "say)");
		goto done;
	}
	/* Stored as given, trimmed: "People;Pupils;Class 4B". */
	size_t len = 0;
	for (size_t i = 0; i < list->count; i++)
		len += strlen(list->items[i]) + 1;
	char *value = calloc(len + 1, 1);
	if (!value) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0, at = 0; i < list->count; i++) {
		size_t n = strlen(list->items[i]);
		if (i)
			value[at++] = ';';
		memcpy(value + at, list->items[i], n);
		at += n;
	}
	ret = pc__store_write_begin(store, &w);
	if (!ret)
		ret = pc__store_stmt(store, &st, SQL_PUT);
	if (!ret && (pc__store_bind_text(st, 1, KEY_PERSON_ROOTS) ||
	             pc__store_bind_text(st, 2, value)))
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
	if (!ret)
		ret = pc__store_step(store, st, doing);
	sqlite3_reset(st);
	free(value);
	ret = pc__store_write_end(store, &w, ret);
done:
	pc_string_list_free(list);
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_person_roots(pc_string_list **out, pc_store *store, struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	return pc__store_result(store, person_roots(store, out), err);
}

int pc_store_set_person_roots(pc_store *store, const char *roots, const char *by,
                              struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, roots);
	return pc__store_result(store, set_person_roots(store, roots, by), err);
}

size_t pc_string_list_count(const pc_string_list *list)
{
	return list ? list->count : 0;
}

const char *pc_string_list_get(const pc_string_list *list, size_t i)
{
	return list && i < list->count ? list->items[i] : NULL;
}
