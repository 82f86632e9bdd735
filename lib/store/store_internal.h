/*
 * store_internal.h: what the store's own files (store*.c, import.c), and the
 * policy that judges against it, share beyond the public interface.
 *
 * Transactions: each public write runs inside a SAVEPOINT, so it is atomic
 * on its own and nests inside pc__store_begin()/pc__store_commit() when a
 * caller (the CSV import) needs many writes to land together.
 */
#ifndef PC_STORE_INTERNAL_H
#define PC_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/error.h"
#include "photoconsent/photoconsent.h"

/*
 * Pupil and purpose ids as a person types them compare ignoring (ASCII)
 * case: these give, inside a statement, the id the database holds for
 * parameter `p` (the one written exactly so when two differ only in case,
 * which only a database from before that rule can hold); NULL for none.
 */
#define PC__SQL_PUPIL(p) \
	"(SELECT id FROM pupils WHERE id = " p " COLLATE NOCASE ORDER BY id = " p " DESC, id LIMIT 1)"
#define PC__SQL_PURPOSE(p) "(SELECT id FROM purposes WHERE id = " p " COLLATE NOCASE)"

/* The lists store.h hands out, opaque there. Each lives in the arena
 * `priv` points to, the list itself included, so that each _free is one
 * pc__arena_free(); the library's own callers read them directly. */
struct pc_string_list {
	size_t count;
	const char *const *items;
	void *priv;
};
struct pc_pupil_list {
	size_t count;
	struct pc_pupil *items;
	void *priv;
};
struct pc_pupil_matches {
	size_t count;
	struct pc_pupil_match *items;
	void *priv;
};
struct pc_purpose_list {
	size_t count;
	struct pc_purpose *items;
	void *priv;
};
struct pc_consent_list {
	size_t count;
	struct pc_consent_record *items;
	void *priv;
};
struct pc_event_list {
	size_t count;
	struct pc_event *items;
	void *priv;
};

/* `ret`, with the store's message copied into `err` when it is an error
 * (the message the call set, or pc_strerror's when it set none): how
 * every public call hands its failure on. */
int pc__store_result(const pc_store *store, int ret, struct pc_error *err);

/* The open connection. */
sqlite3 *pc__store_db(pc_store *store);

/* The message of the last failed call on the store ("" when none), for
 * the library's own callers above the store to hand on in their
 * struct pc_error. */
const char *pc__store_message(const pc_store *store);

/* Sets the store's message (printf-style) and returns `code`. */
int pc__store_fail(pc_store *store, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Text a command writes to the database (a name, an alias, a tag, a
 * note, a description): NULL, or valid UTF-8 with no control character,
 * by the one rule the import keeps too (pc__text_has_control). 0, or
 * PC_EFORMAT with a message that names the field, `what` formatted
 * printf-style ("the forename of pupil '1001'"). */
int pc__store_check_text(pc_store *store, const char *s, const char *what, ...)
	__attribute__((format(printf, 3, 4)));

/* Turns an SQLite result code into ours, with a message that names
 * `doing` ("cannot add pupil '1001'") and what SQLite said; returns it. */
int pc__store_sqlite_fail(pc_store *store, int rc, const char *doing);

/* BEGIN IMMEDIATE (waiting for another writer up to the busy timeout),
 * COMMIT, ROLLBACK. 0 or an error code with the message set. */
int pc__store_begin(pc_store *store);
int pc__store_commit(pc_store *store);
void pc__store_rollback(pc_store *store);

/* A read transaction (BEGIN, deferred: it takes no write lock), so that
 * several reads see one state of the file; nothing when one is open
 * already. pc__store_read_end ends what pc__store_read_begin began (its
 * `began`). 0 or an error code with the message set. */
int pc__store_read_begin(pc_store *store, int *began);
void pc__store_read_end(pc_store *store, int began);

/* Replaces a pupil's names, class, flags, left_on and aliases with those
 * given (aliases are only ever added). PC_ENOTFOUND when unknown. */
int pc__store_pupil_update(pc_store *store, const struct pc_pupil *pupil, const char *by);

/* The last-recorded record for a pupil and purpose (by seq) into *out
 * (zero or one item). */
int pc__store_consent_latest(pc_store *store, const char *pupil_id,
                             const char *purpose_id, struct pc_consent_list **out);

/*
 * Appends a consent record as pc_store_consent_add does; `from_import`
 * marks it as written by the MIS import (its source), and *seq (when not
 * NULL) is the new record's number.
 */
int pc__store_consent_append(pc_store *store, const struct pc_consent_record *record,
                             int from_import, long long *seq);

/* The last record recorded by hand (not by an import) for a pupil and
 * purpose after record `after`, into *out (zero or one item). */
int pc__store_consent_manual_since(pc_store *store, const char *pupil_id,
                                   const char *purpose_id, long long after,
                                   struct pc_consent_list **out);

/* What the last import said for one pupil and column (store_import_cells.c):
 * a purpose column ("granted" or "refused", with its dates), or no_photo and
 * no_name ("1" or "0") and left_on (a date, or NULL). `seq` is the last
 * consent record of the pupil and purpose when it was written, so that
 * records after it were made since. */
struct pc__import_cell {
	const char *field;
	const char *value;
	const char *signed_on;
	const char *expires_on;
	long long seq;
};

struct pc__import_cell_list {
	size_t count;
	struct pc__import_cell *items;
	void *priv;
};

/* Every cell the last imports recorded for a pupil (none for a new one). */
int pc__store_import_cells(pc_store *store, const char *pupil_id,
                           struct pc__import_cell_list **out);
void pc__import_cell_list_free(struct pc__import_cell_list *list);
/* The cell for `field`, or NULL. */
const struct pc__import_cell *pc__import_cell_find(const struct pc__import_cell_list *list,
                                                   const char *field);
/* Records what an import said, replacing what the last one said. */
int pc__store_import_cell_put(pc_store *store, const char *pupil_id,
                              const struct pc__import_cell *cell, const char *file,
                              size_t line, const char *by);

/* ------------------------------------------------------------------------
 * Added by the store's own files (store*.c); import.c may use them too.
 */

/* Knobs for opening that tests need; a zeroed struct means the defaults. */
struct pc__store_options {
	int busy_timeout_ms;           /* <= 0: 5000 */
	/* The migrations to bring the file up to date with (NULL:
	 * pc__migrations, pc__migration_count): lets a test pretend the
	 * library knows a version 2. */
	const char *const *migrations;
	int migration_count;
	/* The oldest version reading needs (<= 0: the library's own), so that
	 * a pretend migration need not change what readers rely on. */
	int oldest_readable;
};

/* pc_store_open with `opts` (NULL: the defaults). */
int pc__store_open_with(pc_store **out, const char *path, enum pc_store_mode mode,
                        const struct pc__store_options *opts, struct pc_error *err);

/* The file's path, made safe to quote in a message. */
const char *pc__store_path(const pc_store *store);

/* A prepared statement for `sql` from the store's cache (prepared on first
 * use, finalized by pc_store_free), reset and with its bindings cleared.
 * `sql` must have static storage: its address is the key. Reset it when
 * done with it, so that no read lock outlives the call. */
int pc__store_stmt(pc_store *store, sqlite3_stmt **out, const char *sql);

/* Steps `st`: 1 for a row, 0 when done, else an error code with the
 * message naming `doing`. */
int pc__store_step(pc_store *store, sqlite3_stmt *st, const char *doing);

/* Binds `s` as text (SQL NULL when `s` is NULL). `s` must stay valid until
 * the statement is reset. Returns an SQLite result code. */
int pc__store_bind_text(sqlite3_stmt *st, int i, const char *s);

/*
 * One public write: BEGIN IMMEDIATE when no transaction is open, then
 * SAVEPOINT, so that the write is atomic alone and nests inside
 * pc__store_begin(). pc__store_write_end() releases it when `ret` is 0,
 * else rolls it back, and returns `ret` (or the error met while saving).
 * A zeroed struct is not yet begun; ending it is a no-op.
 */
struct pc__store_write {
	int active; /* the savepoint is open */
	int began;  /* this write began the transaction */
};
int pc__store_write_begin(pc_store *store, struct pc__store_write *w);
int pc__store_write_end(pc_store *store, struct pc__store_write *w, int ret);

/* PC_EFORMAT with "'x' is not a date (YYYY-MM-DD)" unless `date` is one. */
int pc__store_check_date(pc_store *store, const char *date);

/* `s` when it can be quoted in a message (valid UTF-8, every character
 * printable by pc__cp_printable), else a replacement character. */
const char *pc__store_shown(const char *s);

/* The time now, UTC, "YYYY-MM-DD HH:MM:SS". */
void pc__store_now(char out[20]);

/*
 * The keys a tag is looked up by (store_pupils.c), each the caller's
 * (free()): as written without white space at either end, folded, and
 * folded after swapping "Surname, Forename" (NULL when not written so).
 * All three NULL when the tag can name nobody (not UTF-8, or blank).
 * 0, or PC_ENOMEM when out of memory.
 */
int pc__store_tag_keys(const char *tag, char **as_written, char **folded, char **swapped);

/* One folded name of a pupil, as the database keeps it for matching. */
struct pc__name_key {
	const char *key;
	const char *pupil_id;
	enum pc_match_kind kind; /* PC_MATCH_NAME, _PREFERRED or _ALIAS */
};

struct pc__name_key_list {
	size_t count;
	struct pc__name_key *items;
	void *priv; /* the arena: free with pc__arena_free(list->priv) */
};

/* Every folded name of every pupil, for matching tags in memory
 * (snapshot.c) exactly as pc_store_pupils_named matches them. */
int pc__store_name_keys(pc_store *store, struct pc__name_key_list **out);

/* 0 when the pupil / purpose exists, else PC_ENOTFOUND with the message
 * ("no pupil has the id '1042'"). `always_deny` may be NULL. */
int pc__store_pupil_exists(pc_store *store, const char *id);
int pc__store_purpose_find(pc_store *store, const char *id, int *always_deny);
/* Fails with PC_ENOTFOUND and "no purpose is called 'x' (did you mean
 * 'y'?)", the nearest id named when one is near. */
int pc__store_no_purpose(pc_store *store, const char *id);

/* Column `col` of the current row copied into the arena (*out NULL for SQL
 * NULL). PC_ENOMEM when out of memory. */
int pc__store_col_text(struct pc__arena *arena, sqlite3_stmt *st, int col, const char **out);

/*
 * Reading rows into the lists the store returns (store_read.c). A query
 * says what is specific to one list: its SQL, its parameters, the words
 * that name a failure, and how one row becomes one item; the reading,
 * the arena and the statement's reset are the same for every list.
 */
struct pc__store_query {
	/* Static storage (the statement cache's key); NULL reads no rows,
	 * without asking the database. */
	const char *sql;
	const char *const *params; /* bound as text to ?1, ?2, ... (NULL: SQL NULL) */
	int param_count;
	const char *doing;         /* names a failure: "cannot read the pupils" */
	size_t item_size;
	/* Fills `item` (zeroed) from the current row of `st`, copying its
	 * strings into `arena`; 0, or an error code with the message set. */
	int (*row)(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
	           void *ctx);
	void *ctx;                 /* passed to `row` */
	/* When set, no rows is an error: what it returns, given params[0]
	 * (NULL when none), with its message ("no pupil has the id '1042'"). */
	int (*none)(pc_store *store, const char *key);
};

/* Every row of `q` into `out` (its items in `arena`), the statement reset
 * after. 0, or an error code with the message set; `out` then holds
 * nothing to use, and what it took stays in the arena. */
int pc__store_read(pc_store *store, struct pc__vec *out, struct pc__arena *arena,
                   const struct pc__store_query *q);

/* A list read by pc__store_read_list(), before it takes its own type. */
struct pc__store_list {
	void *list;               /* list_size zeroed bytes: the list's struct */
	void *items;
	size_t count;
	struct pc__arena *arena;  /* holds all of it: the list's priv */
};

/* Every row of `q` into a new arena that begins with `list_size` bytes
 * for the list's struct. On failure (an error code with the message set)
 * all is freed and `out` is zeroed. */
int pc__store_read_list(pc_store *store, struct pc__store_list *out, size_t list_size,
                        const struct pc__store_query *q);

/* A row callback for one-column queries: the text of column 0 into a
 * `const char *` item. */
int pc__store_row_text(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                       void *ctx);

#endif
