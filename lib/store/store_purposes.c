/*
 * store_purposes.c: the purposes (channels) a photo may be used for, each
 * with the sentence of the school's policy that a denial quotes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/store_internal.h"
#include "base/text.h"

#define PURPOSE_COLUMNS "id, description, policy, public, always_deny"

/* In the order they were added: the seven every school starts with, in
 * the order the schema seeds them, then the school's own. */
static const char SQL_LIST[] = "SELECT " PURPOSE_COLUMNS " FROM purposes ORDER BY rowid";
static const char SQL_GET[] = "SELECT " PURPOSE_COLUMNS " FROM purposes WHERE id = ?1 COLLATE NOCASE";
static const char SQL_FIND[] = "SELECT always_deny FROM purposes WHERE id = ?1 COLLATE NOCASE";
static const char SQL_INSERT[] =
	"INSERT INTO purposes (id, description, policy, public, always_deny)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

/* A purpose id is a short word a person types: "website", "parent-social". */
#define MAX_ID_LEN 64

static int id_valid(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0 || n > MAX_ID_LEN)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

int pc__store_no_purpose(pc_store *store, const char *id)
{
	/* The nearest id, for a typo; without it (the list cannot be read),
	 * the message still says where to look. */
	struct pc_purpose_list *list = NULL;
	const char *near = NULL;
	const char *ids[64];
	size_t n = 0;
	if (id && !pc_store_purpose_list(&list, store, NULL)) {
		/* The list is set whenever the call returns 0; the analyzer
		 * cannot see that pc__error_set, in another file, returns its
		 * nonzero code. */
		/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
		for (size_t i = 0; i < list->count && n < sizeof(ids) / sizeof(ids[0]); i++)
			ids[n++] = list->items[i].id;
		near = pc__nearest(id, ids, n);
	}
	int ret = near ? pc__store_fail(store, PC_ENOTFOUND, "no purpose is called '%s' (did "
	                                "you mean '%s'?); 'photoconsent purpose list' shows "
	                                "them", pc__store_shown(id), near)
	               : pc__store_fail(store, PC_ENOTFOUND, "no purpose is called '%s'; "
	                                "'photoconsent purpose list' shows them",
	                                pc__store_shown(id));
	pc_purpose_list_free(list);
	return ret;
}

/* Whether a purpose is called `id` (*found), and whether it is always
 * denied; the message is set only on an error. */
static int find_purpose(pc_store *store, const char *id, int *found, int *always_deny)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	*found = 0;
	ret = pc__store_stmt(store, &st, SQL_FIND);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, id)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)),
		                            "cannot look up a purpose");
		goto done;
	}
	ret = pc__store_step(store, st, "cannot look up a purpose");
	if (ret == 1 && always_deny)
		*always_deny = sqlite3_column_int(st, 0);
	if (ret >= 0) {
		*found = ret;
		ret = 0;
	}
done:
	sqlite3_reset(st);
	return ret;
}

int pc__store_purpose_find(pc_store *store, const char *id, int *always_deny)
{
	int found = 0;
	int ret = find_purpose(store, id, &found, always_deny);
	if (ret == 0 && !found)
		ret = pc__store_no_purpose(store, id);
	return ret;
}

void pc_purpose_list_free(struct pc_purpose_list *list)
{
	if (list)
		pc__arena_free(list->priv);
}

/* One row of PURPOSE_COLUMNS. */
static int purpose_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                       void *ctx)
{
	int ret = 0;
	struct pc_purpose *p = item;
	(void)ctx;
	if (pc__store_col_text(arena, st, 0, &p->id) ||
	    pc__store_col_text(arena, st, 1, &p->description) ||
	    pc__store_col_text(arena, st, 2, &p->policy))
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
	p->is_public = sqlite3_column_int(st, 3);
	p->always_deny = sqlite3_column_int(st, 4);
	return ret;
}

/* Every row of `sql` (?1 bound to *key when given) into a new list; no
 * rows is what `none` makes of it, when given. */
static int read_purposes(pc_store *store, struct pc_purpose_list **out, const char *sql,
                         const char *const *key, int (*none)(pc_store *store, const char *key))
{
	struct pc__store_list l;
	const struct pc__store_query q = {
		.sql = sql, .params = key, .param_count = key != NULL,
		.doing = "cannot read the purposes", .item_size = sizeof(struct pc_purpose),
		.row = purpose_row, .none = none,
	};
	int ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc_purpose_list){ .count = l.count, .items = l.items, .priv = l.arena };
	return ret;
}

static int purpose_list(pc_store *store, struct pc_purpose_list **out)
{
	return read_purposes(store, out, SQL_LIST, NULL, NULL);
}

static int purpose_get(pc_store *store, const char *id, struct pc_purpose_list **out)
{
	return read_purposes(store, out, SQL_GET, &id, pc__store_no_purpose);
}

static int has_text(const char *s)
{
	if (!s || !pc__utf8_valid(s, strlen(s)))
		return 0;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

static int purpose_add(pc_store *store, const struct pc_purpose *purpose, const char *by)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	sqlite3_stmt *st = NULL;
	char *policy = NULL;
	int found = 0;
	char doing[200];
	(void)by; /* purposes carry no author in this schema */

	if (!purpose || !id_valid(purpose->id)) {
		ret = pc__store_fail(store, PC_EFORMAT, "'%s' cannot be a purpose id: use lower-case "
		                     "letters, digits and '-'",
		                     pc__store_shown(purpose ? purpose->id : NULL));
		goto done;
	}
	if (!has_text(purpose->description)) {
		ret = pc__store_fail(store, PC_EFORMAT, "purpose '%s' needs a description", purpose->id);
		goto done;
	}
	if (purpose->policy && !has_text(purpose->policy)) {
		ret = pc__store_fail(store, PC_EFORMAT, "the policy of purpose '%s' is empty or not "
		                     "valid UTF-8", purpose->id);
		goto done;
	}
	if ((ret = pc__store_check_text(store, purpose->description,
	                                "the description of purpose '%s'", purpose->id)) ||
	    (ret = pc__store_check_text(store, purpose->policy, "the policy of purpose '%s'",
	                                purpose->id)))
		goto done;
	if (!purpose->policy) {
		/* The sentence a denial quotes, in the words of the seeded ones. */
		struct pc__buf b;
		pc__buf_init(&b, 0);
		int err = purpose->always_deny
		        ? pc__buf_printf(&b, "Photos of pupils are never used for %s.",
		                         purpose->description)
		        : pc__buf_printf(&b, "Photos of pupils are used for %s only with each "
		                         "pictured child's parent's consent.", purpose->description);
		policy = err ? NULL : pc__buf_detach(&b);
		pc__buf_release(&b);
		if (!policy) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
	}
	snprintf(doing, sizeof(doing), "cannot add purpose '%s'", purpose->id);

	ret = pc__store_write_begin(store, &w);
	if (ret)
		goto done;
	ret = find_purpose(store, purpose->id, &found, NULL);
	if (ret)
		goto done;
	if (found) {
		ret = pc__store_fail(store, PC_EEXISTS, "a purpose is already called '%s'", purpose->id);
		goto done;
	}
	ret = pc__store_stmt(store, &st, SQL_INSERT);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, purpose->id) ||
	    pc__store_bind_text(st, 2, purpose->description) ||
	    pc__store_bind_text(st, 3, policy ? policy : purpose->policy) ||
	    sqlite3_bind_int(st, 4, purpose->is_public ? 1 : 0) ||
	    sqlite3_bind_int(st, 5, purpose->always_deny ? 1 : 0)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
done:
	sqlite3_reset(st);
	ret = pc__store_write_end(store, &w, ret);
	free(policy);
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_purpose_list(pc_purpose_list **out, pc_store *store, struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	return pc__store_result(store, purpose_list(store, out), err);
}

int pc_store_purpose_get(pc_purpose_list **out, pc_store *store, const char *id,
                         struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, id);
	return pc__store_result(store, purpose_get(store, id, out), err);
}

int pc_store_purpose_add(pc_store *store, const struct pc_purpose *purpose, const char *by,
                         struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, purpose);
	return pc__store_result(store, purpose_add(store, purpose, by), err);
}

size_t pc_purpose_list_count(const pc_purpose_list *list)
{
	return list ? list->count : 0;
}

const struct pc_purpose *pc_purpose_list_get(const pc_purpose_list *list, size_t i)
{
	return list && i < list->count ? &list->items[i] : NULL;
}
