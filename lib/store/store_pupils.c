/*
 * store_pupils.c: pupils, their aliases, and finding the pupils a photo's
 * tag names.
 *
 * Each pupil row carries its names folded (pc__fold) as name_key and
 * preferred_key, and each alias its alias_key, so that matching a tag is a
 * few index look-ups of the folded tag rather than a scan of every name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fold.h"
#include "store/store_internal.h"
#include "base/text.h"

#define PUPIL_COLUMNS "id, forename, surname, preferred_name, class, no_photo, no_name, left_on"

static const char SQL_EXISTS[] = "SELECT 1 FROM pupils WHERE id = ?1 COLLATE NOCASE";
static const char SQL_GET[] =
	"SELECT " PUPIL_COLUMNS " FROM pupils WHERE id = " PC__SQL_PUPIL("?1");
static const char SQL_LIST_ALL[] =
	"SELECT " PUPIL_COLUMNS " FROM pupils ORDER BY class, surname, forename, id";
static const char SQL_LIST_CLASS[] =
	"SELECT " PUPIL_COLUMNS " FROM pupils WHERE class = ?1 ORDER BY surname, forename, id";
static const char SQL_ALIASES[] = "SELECT alias FROM aliases WHERE pupil_id = ?1 ORDER BY rowid";
static const char SQL_INSERT[] =
	"INSERT INTO pupils (id, forename, surname, preferred_name, class, no_photo, no_name,"
	" left_on, name_key, preferred_key, created_at, created_by, updated_at, updated_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)";
/* Touches the row only when something differs, so that an import that
 * repeats what the database holds writes nothing. */
static const char SQL_UPDATE[] =
	"UPDATE pupils SET forename = ?2, surname = ?3, preferred_name = ?4, class = ?5,"
	" no_photo = ?6, no_name = ?7, left_on = ?8, name_key = ?9, preferred_key = ?10,"
	" updated_at = ?11, updated_by = ?12"
	" WHERE id = " PC__SQL_PUPIL("?1") " AND (forename IS NOT ?2 OR surname IS NOT ?3 OR preferred_name IS NOT ?4"
	" OR class IS NOT ?5 OR no_photo IS NOT ?6 OR no_name IS NOT ?7 OR left_on IS NOT ?8)";
static const char SQL_ALIAS_ADD[] =
	"INSERT INTO aliases (pupil_id, alias, alias_key) VALUES (" PC__SQL_PUPIL("?1") ", ?2, ?3)"
	" ON CONFLICT (pupil_id, alias_key) DO NOTHING";
static const char SQL_SET_NO_PHOTO[] =
	"UPDATE pupils SET no_photo = ?2, updated_at = ?3, updated_by = ?4"
	" WHERE id = " PC__SQL_PUPIL("?1");
static const char SQL_SET_NO_NAME[] =
	"UPDATE pupils SET no_name = ?2, updated_at = ?3, updated_by = ?4"
	" WHERE id = " PC__SQL_PUPIL("?1");
static const char SQL_SET_LEFT_ON[] =
	"UPDATE pupils SET left_on = ?2, updated_at = ?3, updated_by = ?4"
	" WHERE id = " PC__SQL_PUPIL("?1");
/*
 * Every way a tag can name a pupil, each an index look-up: ?1 the tag as
 * written (trimmed), ?2 folded, ?3 folded after swapping "Surname,
 * Forename" (NULL when the tag is not written so). One row per pupil with
 * its strongest kind: the lowest number, as enum pc_match_kind orders them.
 */
static const char SQL_NAMED[] =
	"SELECT pupil, min(kind) AS strongest FROM ("
	" SELECT id AS pupil, 1 AS kind FROM pupils WHERE id = ?1"
	" UNION ALL SELECT id, 2 FROM pupils WHERE name_key = ?2"
	" UNION ALL SELECT id, 2 FROM pupils WHERE name_key = ?3"
	" UNION ALL SELECT id, 3 FROM pupils WHERE preferred_key = ?2"
	" UNION ALL SELECT id, 3 FROM pupils WHERE preferred_key = ?3"
	" UNION ALL SELECT pupil_id, 4 FROM aliases WHERE alias_key = ?2"
	") GROUP BY pupil ORDER BY strongest, pupil";
static const char DOING_NAMED[] = "cannot look up the pupils a tag names";

/* Who did it, for the record: never empty. */
static const char *who(const char *by)
{
	return by && *by ? by : "unknown";
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whether a pupil has `id`, into *found; the message is set only on an
 * error, so that a caller expecting "not found" leaves none behind. */
static int find_pupil(pc_store *store, const char *id, int *found)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	*found = 0;
	ret = pc__store_stmt(store, &st, SQL_EXISTS);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, id) != SQLITE_OK) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)),
		                            "cannot look up a pupil");
		goto done;
	}
	ret = pc__store_step(store, st, "cannot look up a pupil");
	if (ret >= 0) {
		*found = ret;
		ret = 0;
	}
done:
	sqlite3_reset(st);
	return ret;
}

static int no_pupil(pc_store *store, const char *id)
{
	return pc__store_fail(store, PC_ENOTFOUND, "no pupil has the id '%s'", pc__store_shown(id));
}

int pc__store_pupil_exists(pc_store *store, const char *id)
{
	int found = 0;
	int ret = find_pupil(store, id, &found);
	if (ret == 0 && !found)
		ret = no_pupil(store, id);
	return ret;
}

/* --------------------------------------------------------------- checking */

/* An id is text as written, with no space at either end (so that a tag
 * trimmed of its spaces can be compared with it) and no control
 * characters. */
static int check_id(pc_store *store, const char *id)
{
	if (!id || !*id)
		return pc__store_fail(store, PC_EFORMAT, "a pupil needs an id");
	size_t len = strlen(id);
	int ret = pc__store_check_text(store, id, "a pupil id");
	if (ret)
		return ret;
	if (is_space(id[0]) || is_space(id[len - 1]))
		return pc__store_fail(store, PC_EFORMAT, "pupil id '%s' starts or ends with a space", id);
	return 0;
}

/* Optional text (NULL is fine) that must be UTF-8 with no control
 * character, as the import's. */
static int check_text(pc_store *store, const char *s, const char *id, const char *what)
{
	return pc__store_check_text(store, s, "the %s of pupil '%s'", what, id);
}

/* Folds "first last" into *out: NULL when either part is NULL. */
static int fold_pair(char **out, const char *first, const char *last)
{
	*out = NULL;
	if (!first || !last)
		return 0;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	if (pc__buf_puts(&b, first) || pc__buf_putc(&b, ' ') || pc__buf_puts(&b, last)) {
		pc__buf_release(&b);
		return PC_ENOMEM;
	}
	*out = pc__fold(b.data);
	pc__buf_release(&b);
	return *out ? 0 : PC_ENOMEM;
}

/* Text that is empty once folded (nothing but spaces of any kind) counts
 * as absent: a name of only spaces would make a key of the other name
 * alone, and a surname by itself must never match. */
static int blank(const char *s)
{
	if (!s)
		return 1;
	char *folded = pc__fold(s);
	/* Out of memory: not blank, and folding it again later will fail. */
	int empty = folded && !*folded;
	free(folded);
	return empty;
}

/* The folded keys of a checked pupil, owned by the caller. */
struct keys {
	char *name;
	char *preferred;
};

static void keys_release(struct keys *k)
{
	free(k->name);
	free(k->preferred);
	k->name = k->preferred = NULL;
}

static int check_pupil(pc_store *store, const struct pc_pupil *p, struct keys *keys)
{
	int ret = PC_ERROR;
	keys->name = keys->preferred = NULL;
	if (!p)
		return pc__store_fail(store, PC_EFORMAT, "no pupil given");
	ret = check_id(store, p->id);
	if (ret)
		return ret;
	if ((ret = check_text(store, p->forename, p->id, "forename")) ||
	    (ret = check_text(store, p->surname, p->id, "surname")) ||
	    (ret = check_text(store, p->preferred_name, p->id, "preferred name")) ||
	    (ret = check_text(store, p->class_name, p->id, "class")))
		return ret;
	if (blank(p->forename))
		return pc__store_fail(store, PC_EFORMAT, "pupil '%s' has no forename", p->id);
	if (blank(p->surname))
		return pc__store_fail(store, PC_EFORMAT, "pupil '%s' has no surname", p->id);
	if (p->left_on && (ret = pc__store_check_date(store, p->left_on)))
		return ret;
	for (size_t i = 0; i < p->alias_count; i++) {
		const char *a = p->aliases[i];
		if ((ret = check_text(store, a, p->id, "alias")))
			return ret;
		if (blank(a))
			return pc__store_fail(store, PC_EFORMAT, "an alias of pupil '%s' is empty", p->id);
	}
	if (fold_pair(&keys->name, p->forename, p->surname) ||
	    fold_pair(&keys->preferred, blank(p->preferred_name) ? NULL : p->preferred_name,
	              p->surname)) {
		keys_release(keys);
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	}
	return 0;
}

/* ---------------------------------------------------------------- writing */

static int add_alias(pc_store *store, const char *id, const char *alias)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	char *key = pc__fold(alias);
	if (!key) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	ret = pc__store_stmt(store, &st, SQL_ALIAS_ADD);
	if (ret)
		goto done;
	char doing[300];
	snprintf(doing, sizeof(doing), "cannot add an alias to pupil '%s'", pc__store_shown(id));
	if (pc__store_bind_text(st, 1, id) || pc__store_bind_text(st, 2, alias) ||
	    pc__store_bind_text(st, 3, key)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
done:
	sqlite3_reset(st);
	free(key);
	return ret;
}

/* Empty optional text is stored as none. */
static const char *or_null(const char *s)
{
	return blank(s) ? NULL : s;
}

/* Binds the pupil's columns in SQL_INSERT / SQL_UPDATE order. */
static int bind_pupil(sqlite3_stmt *st, const struct pc_pupil *p, const struct keys *keys,
                      const char *now, const char *by)
{
	return pc__store_bind_text(st, 1, p->id) || pc__store_bind_text(st, 2, p->forename) ||
	       pc__store_bind_text(st, 3, p->surname) ||
	       pc__store_bind_text(st, 4, or_null(p->preferred_name)) ||
	       pc__store_bind_text(st, 5, or_null(p->class_name)) ||
	       sqlite3_bind_int(st, 6, p->no_photo ? 1 : 0) ||
	       sqlite3_bind_int(st, 7, p->no_name ? 1 : 0) ||
	       pc__store_bind_text(st, 8, p->left_on) || pc__store_bind_text(st, 9, keys->name) ||
	       pc__store_bind_text(st, 10, keys->preferred) || pc__store_bind_text(st, 11, now) ||
	       pc__store_bind_text(st, 12, by);
}

/* Adds (`update` 0) or replaces (`update` 1) a pupil, in one write. */
static int put_pupil(pc_store *store, const struct pc_pupil *p, const char *by, int update)
{
	int ret = PC_ERROR;
	struct keys keys = { NULL, NULL };
	struct pc__store_write w = { 0, 0 };
	sqlite3_stmt *st = NULL;
	int found = 0;
	char now[20];
	char doing[300];

	ret = check_pupil(store, p, &keys);
	if (ret)
		goto done;
	snprintf(doing, sizeof(doing), "cannot %s pupil '%s'", update ? "change" : "add", p->id);
	pc__store_now(now);
	ret = pc__store_write_begin(store, &w);
	if (ret)
		goto done;
	ret = update ? pc__store_pupil_exists(store, p->id) : find_pupil(store, p->id, &found);
	if (ret)
		goto done;
	if (!update && found) {
		ret = pc__store_fail(store, PC_EEXISTS, "a pupil already has the id '%s'", p->id);
		goto done;
	}
	ret = pc__store_stmt(store, &st, update ? SQL_UPDATE : SQL_INSERT);
	if (ret)
		goto done;
	if (bind_pupil(st, p, &keys, now, who(by))) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
	if (ret)
		goto done;
	for (size_t i = 0; i < p->alias_count; i++) {
		ret = add_alias(store, p->id, p->aliases[i]);
		if (ret)
			goto done;
	}
done:
	sqlite3_reset(st);
	ret = pc__store_write_end(store, &w, ret);
	keys_release(&keys);
	return ret;
}

static int pupil_add(pc_store *store, const struct pc_pupil *pupil, const char *by)
{
	return put_pupil(store, pupil, by, 0);
}

int pc__store_pupil_update(pc_store *store, const struct pc_pupil *pupil, const char *by)
{
	return put_pupil(store, pupil, by, 1);
}

/* Runs one of the single-column updates on an existing pupil. */
static int set_column(pc_store *store, const char *sql, const char *id, int int_value,
                      const char *text_value, int is_text, const char *by, const char *doing)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	sqlite3_stmt *st = NULL;
	char now[20];

	pc__store_now(now);
	ret = pc__store_write_begin(store, &w);
	if (ret)
		goto done;
	ret = pc__store_pupil_exists(store, id);
	if (ret)
		goto done;
	ret = pc__store_stmt(store, &st, sql);
	if (ret)
		goto done;
	int rc = pc__store_bind_text(st, 1, id) ||
	         (is_text ? pc__store_bind_text(st, 2, text_value)
	                  : sqlite3_bind_int(st, 2, int_value)) ||
	         pc__store_bind_text(st, 3, now) || pc__store_bind_text(st, 4, who(by));
	if (rc) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
done:
	sqlite3_reset(st);
	return pc__store_write_end(store, &w, ret);
}

const char *pc_pupil_flag_name(enum pc_pupil_flag flag)
{
	switch (flag) {
	case PC_PUPIL_NO_PHOTO: return "no_photo";
	case PC_PUPIL_NO_NAME: return "no_name";
	}
	return NULL;
}

static int pupil_set_flag(pc_store *store, const char *id, enum pc_pupil_flag flag, int on,
                          const char *by)
{
	const char *sql = NULL;
	if (flag == PC_PUPIL_NO_PHOTO)
		sql = SQL_SET_NO_PHOTO;
	else if (flag == PC_PUPIL_NO_NAME)
		sql = SQL_SET_NO_NAME;
	else
		return pc__store_fail(store, PC_EINVALID, "%d is not a pupil flag (PC_PUPIL_NO_PHOTO "
		                      "or PC_PUPIL_NO_NAME)", (int)flag);
	char doing[300];
	snprintf(doing, sizeof(doing), "cannot set %s for pupil '%s'", pc_pupil_flag_name(flag),
	         pc__store_shown(id));
	return set_column(store, sql, id, on != 0, NULL, 0, by, doing);
}

static int pupil_set_left_on(pc_store *store, const char *id, const char *date,
                             const char *by)
{
	if (date) {
		int ret = pc__store_check_date(store, date);
		if (ret)
			return ret;
	}
	char doing[300];
	snprintf(doing, sizeof(doing), "cannot set when pupil '%s' left", pc__store_shown(id));
	return set_column(store, SQL_SET_LEFT_ON, id, 0, date, 1, by, doing);
}

static int pupil_alias(pc_store *store, const char *id, const char *alias, const char *by)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	(void)by; /* aliases carry no author in this schema */

	if (!alias || !pc__utf8_valid(alias, strlen(alias)))
		return pc__store_fail(store, PC_EFORMAT, "an alias must be valid UTF-8 text");
	if ((ret = pc__store_check_text(store, alias, "the alias of pupil '%s'",
	                                pc__store_shown(id))))
		return ret;
	if (blank(alias))
		return pc__store_fail(store, PC_EFORMAT, "an alias cannot be empty");
	ret = pc__store_write_begin(store, &w);
	if (ret)
		goto done;
	ret = pc__store_pupil_exists(store, id);
	if (ret)
		goto done;
	ret = add_alias(store, id, alias);
done:
	return pc__store_write_end(store, &w, ret);
}

/* ---------------------------------------------------------------- reading */

/* Fills a struct pc_pupil from a row of PUPIL_COLUMNS, aliases included. */
static int pupil_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                     void *ctx)
{
	int ret = PC_ERROR;
	struct pc_pupil *p = item;
	struct pc__vec aliases;
	const struct pc__store_query q = {
		.sql = SQL_ALIASES, .params = &p->id, .param_count = 1,
		.doing = "cannot read aliases", .item_size = sizeof(const char *),
		.row = pc__store_row_text,
	};
	(void)ctx;

	if (pc__store_col_text(arena, st, 0, &p->id) ||
	    pc__store_col_text(arena, st, 1, &p->forename) ||
	    pc__store_col_text(arena, st, 2, &p->surname) ||
	    pc__store_col_text(arena, st, 3, &p->preferred_name) ||
	    pc__store_col_text(arena, st, 4, &p->class_name) ||
	    pc__store_col_text(arena, st, 7, &p->left_on) || !p->id) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	p->no_photo = sqlite3_column_int(st, 5);
	p->no_name = sqlite3_column_int(st, 6);
	ret = pc__store_read(store, &aliases, arena, &q);
	if (ret)
		goto done;
	p->aliases = aliases.items;
	p->alias_count = aliases.count;
done:
	return ret;
}

void pc_pupil_list_free(struct pc_pupil_list *list)
{
	if (list)
		pc__arena_free(list->priv);
}

void pc_pupil_matches_free(struct pc_pupil_matches *matches)
{
	if (matches)
		pc__arena_free(matches->priv);
}

/* Every row of `sql` (?1 bound to *key when given) into a new list; no
 * rows is what `none` makes of it, when given. */
static int read_pupils(pc_store *store, struct pc_pupil_list **out, const char *sql,
                       const char *const *key, int (*none)(pc_store *store, const char *key))
{
	struct pc__store_list l;
	const struct pc__store_query q = {
		.sql = sql, .params = key, .param_count = key != NULL,
		.doing = "cannot read the pupils", .item_size = sizeof(struct pc_pupil),
		.row = pupil_row, .none = none,
	};
	int ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc_pupil_list){ .count = l.count, .items = l.items, .priv = l.arena };
	return ret;
}

int pc_store_pupil_get(pc_pupil_list **out, pc_store *store, const char *id,
                       struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, id);
	return pc__store_result(store, read_pupils(store, out, SQL_GET, &id, no_pupil), err);
}

int pc_store_pupil_list(pc_pupil_list **out, pc_store *store, const char *class_name,
                        struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	int ret = class_name ? read_pupils(store, out, SQL_LIST_CLASS, &class_name, NULL)
	                     : read_pupils(store, out, SQL_LIST_ALL, NULL, NULL);
	return pc__store_result(store, ret, err);
}

/* ---------------------------------------------------------------- matching */

/* A copy of `s` without white space at either end. */
static char *trimmed(const char *s)
{
	while (is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

/*
 * "Surname, Forename" folded as "forename surname" into *out; NULL when the
 * tag has no comma, more than one, or nothing on one side of it.
 */
static int fold_swapped(char **out, const char *tag)
{
	*out = NULL;
	const char *comma = strchr(tag, ',');
	if (!comma || strchr(comma + 1, ','))
		return 0;
	char *surname = malloc((size_t)(comma - tag) + 1);
	if (!surname)
		return PC_ENOMEM;
	memcpy(surname, tag, (size_t)(comma - tag));
	surname[comma - tag] = '\0';
	int ret = 0;
	if (!blank(surname) && !blank(comma + 1))
		ret = fold_pair(out, comma + 1, surname);
	free(surname);
	return ret;
}

/* A row of SQL_NAMED: its kind, and its pupil read with `ctx`, the
 * statement SQL_GET. */
static int match_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                     void *ctx)
{
	int ret = PC_ERROR;
	struct pc_pupil_match *m = item;
	sqlite3_stmt *get = ctx;

	m->kind = (enum pc_match_kind)sqlite3_column_int(st, 1);
	sqlite3_reset(get);
	if (sqlite3_bind_value(get, 1, sqlite3_column_value(st, 0))) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), DOING_NAMED);
		goto done;
	}
	ret = pc__store_step(store, get, DOING_NAMED);
	if (ret == 0)
		ret = pc__store_fail(store, PC_ERROR, "%s: a pupil vanished while reading", DOING_NAMED);
	if (ret != 1)
		goto done;
	ret = pupil_row(store, arena, get, &m->pupil, NULL);
done:
	return ret;
}

int pc__store_tag_keys(const char *tag, char **as_written, char **folded, char **swapped)
{
	*as_written = *folded = *swapped = NULL;
	/* Text from a photo is valid UTF-8 (text.c makes it so); anything
	 * else names nobody. */
	if (!tag || !pc__utf8_valid(tag, strlen(tag)) || blank(tag))
		return 0;
	*as_written = trimmed(tag);
	*folded = pc__fold(tag);
	if (!*as_written || !*folded || fold_swapped(swapped, tag)) {
		free(*as_written);
		free(*folded);
		*as_written = *folded = NULL;
		return PC_ENOMEM;
	}
	return 0;
}

static const char SQL_NAME_KEYS[] =
	"SELECT name_key, id, 2 FROM pupils"
	" UNION ALL SELECT preferred_key, id, 3 FROM pupils WHERE preferred_key IS NOT NULL"
	" UNION ALL SELECT alias_key, pupil_id, 4 FROM aliases";

static int name_key_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                        void *ctx)
{
	struct pc__name_key *k = item;
	(void)ctx;
	if (pc__store_col_text(arena, st, 0, &k->key) ||
	    pc__store_col_text(arena, st, 1, &k->pupil_id))
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	k->kind = (enum pc_match_kind)sqlite3_column_int(st, 2);
	return 0;
}

int pc__store_name_keys(pc_store *store, struct pc__name_key_list **out)
{
	struct pc__store_list l;
	const struct pc__store_query q = {
		.sql = SQL_NAME_KEYS, .doing = "cannot read the pupils' names",
		.item_size = sizeof(struct pc__name_key), .row = name_key_row,
	};
	int ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc__name_key_list){ .count = l.count, .items = l.items,
		                                    .priv = l.arena };
	return ret;
}

static int pupils_named(pc_store *store, const char *tag, struct pc_pupil_matches **out)
{
	int ret = PC_ERROR;
	sqlite3_stmt *get = NULL;
	struct pc__store_list l;
	char *as_written = NULL, *folded = NULL, *swapped = NULL;
	const char *params[3] = { NULL, NULL, NULL };
	struct pc__store_query q = {
		.sql = NULL, .params = params, .param_count = 3, .doing = DOING_NAMED,
		.item_size = sizeof(struct pc_pupil_match), .row = match_row,
	};

	*out = NULL;
	if (pc__store_tag_keys(tag, &as_written, &folded, &swapped)) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	/* A tag that can name nobody gives an empty list, without asking
	 * the database. */
	if (as_written) {
		params[0] = as_written;
		params[1] = folded;
		params[2] = swapped;
		ret = pc__store_stmt(store, &get, SQL_GET);
		if (ret)
			goto done;
		q.sql = SQL_NAMED;
		q.ctx = get;
	}
	ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc_pupil_matches){ .count = l.count, .items = l.items, .priv = l.arena };
done:
	sqlite3_reset(get);
	free(swapped);
	free(folded);
	free(as_written);
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_pupil_add(pc_store *store, const struct pc_pupil *pupil, const char *by,
                       struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, pupil);
	return pc__store_result(store, pupil_add(store, pupil, by), err);
}

int pc_store_pupil_set_flag(pc_store *store, const char *id, enum pc_pupil_flag flag, int on,
                            const char *by, struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, id);
	return pc__store_result(store, pupil_set_flag(store, id, flag, on, by), err);
}

int pc_store_pupil_set_left_on(pc_store *store, const char *id, const char *date,
                               const char *by, struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, id);
	return pc__store_result(store, pupil_set_left_on(store, id, date, by), err);
}

int pc_store_pupil_alias(pc_store *store, const char *id, const char *alias, const char *by,
                         struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, id);
	PC_ASSERT_ARG(err, alias);
	return pc__store_result(store, pupil_alias(store, id, alias, by), err);
}

int pc_store_pupils_named(pc_pupil_matches **out, pc_store *store, const char *tag,
                          struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, tag);
	int ret = pupils_named(store, tag, out);
	if (ret < 0) {
		pc_pupil_matches_free(*out);
		*out = NULL;
	}
	return pc__store_result(store, ret, err);
}

size_t pc_pupil_list_count(const pc_pupil_list *list)
{
	return list ? list->count : 0;
}

const struct pc_pupil *pc_pupil_list_get(const pc_pupil_list *list, size_t i)
{
	return list && i < list->count ? &list->items[i] : NULL;
}

size_t pc_pupil_matches_count(const pc_pupil_matches *matches)
{
	return matches ? matches->count : 0;
}

const struct pc_pupil_match *pc_pupil_matches_get(const pc_pupil_matches *matches, size_t i)
{
	return matches && i < matches->count ? &matches->items[i] : NULL;
}
