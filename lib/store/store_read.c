/*
 * store_read.c: reading a query's rows into the lists the store returns.
 *
 * Every list reads the same way: prepare the cached statement, bind its
 * text parameters, push one zeroed item a row into an arena, let the
 * list's own callback fill it, reset the statement. Only the callback
 * knows the list's type; the list's struct, with its own type, is filled
 * from a struct pc__store_list by the caller.
 */
#include <string.h>

#include "store/store_internal.h"

int pc__store_read(pc_store *store, struct pc__vec *out, struct pc__arena *arena,
                   const struct pc__store_query *q)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;

	*out = (struct pc__vec){ NULL, 0, 0, q->item_size };
	if (!q->sql) {
		ret = 0;
		goto done;
	}
	ret = pc__store_stmt(store, &st, q->sql);
	if (ret)
		goto done;
	for (int i = 0; i < q->param_count; i++) {
		if (pc__store_bind_text(st, i + 1, q->params[i])) {
			ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), q->doing);
			goto done;
		}
	}
	while ((ret = pc__store_step(store, st, q->doing)) == 1) {
		void *item = pc__vec_push(out, arena);
		if (!item) {
			ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
			goto done;
		}
		ret = q->row(store, arena, st, item, q->ctx);
		if (ret)
			goto done;
	}
done:
	sqlite3_reset(st);
	return ret;
}

int pc__store_read_list(pc_store *store, struct pc__store_list *out, size_t list_size,
                        const struct pc__store_query *q)
{
	int ret = PC_ERROR;
	struct pc__arena *arena = pc__arena_new();
	void *list = arena ? pc__arena_alloc(arena, list_size) : NULL;
	struct pc__vec items;

	memset(out, 0, sizeof(*out));
	if (!list) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	ret = pc__store_read(store, &items, arena, q);
	if (ret == 0 && items.count == 0 && q->none)
		ret = q->none(store, q->param_count ? q->params[0] : NULL);
	if (ret)
		goto done;
	*out = (struct pc__store_list){ list, items.items, items.count, arena };
	arena = NULL;
done:
	pc__arena_free(arena);
	return ret;
}

int pc__store_row_text(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                       void *ctx)
{
	(void)ctx;
	if (pc__store_col_text(arena, st, 0, item))
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	return 0;
}

int pc__store_col_text(struct pc__arena *arena, sqlite3_stmt *st, int col, const char **out)
{
	*out = NULL;
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return 0;
	const unsigned char *text = sqlite3_column_text(st, col);
	int len = sqlite3_column_bytes(st, col);
	if (!text || len < 0)
		return PC_ENOMEM;
	char *copy = pc__arena_strndup(arena, (const char *)text, (size_t)len);
	if (!copy)
		return PC_ENOMEM;
	*out = copy;
	return 0;
}
