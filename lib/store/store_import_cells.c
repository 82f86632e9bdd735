/*
 * store_import_cells.c: what the last MIS import said for each pupil and
 * column (table import_cells), which makes the import a sync: a cell
 * records something only when it differs from what the last import of
 * that pupil said, whatever was recorded by hand since.
 */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

static const char SQL_CELLS[] =
	"SELECT field, value, signed_on, expires_on, seq FROM import_cells"
	" WHERE pupil_id = ?1 ORDER BY field";
static const char SQL_PUT[] =
	"INSERT INTO import_cells (pupil_id, field, value, signed_on, expires_on, seq, file,"
	" line, imported_at, imported_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
	" ON CONFLICT (pupil_id, field) DO UPDATE SET value = ?3, signed_on = ?4,"
	" expires_on = ?5, seq = ?6, file = ?7, line = ?8, imported_at = ?9, imported_by = ?10";

static int cell_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                    void *ctx)
{
	struct pc__import_cell *c = item;
	(void)ctx;
	if (pc__store_col_text(arena, st, 0, &c->field) ||
	    pc__store_col_text(arena, st, 1, &c->value) ||
	    pc__store_col_text(arena, st, 2, &c->signed_on) ||
	    pc__store_col_text(arena, st, 3, &c->expires_on))
		return pc__store_fail(store, PC_ENOMEM, "out of memory");
	c->seq = sqlite3_column_int64(st, 4);
	return 0;
}

int pc__store_import_cells(pc_store *store, const char *pupil_id,
                           struct pc__import_cell_list **out)
{
	struct pc__store_list l;
	const struct pc__store_query q = {
		.sql = SQL_CELLS, .params = &pupil_id, .param_count = 1,
		.doing = "cannot read what the last import said",
		.item_size = sizeof(struct pc__import_cell), .row = cell_row,
	};
	int ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc__import_cell_list){ .count = l.count, .items = l.items,
		                                       .priv = l.arena };
	return ret;
}

void pc__import_cell_list_free(struct pc__import_cell_list *list)
{
	if (list)
		pc__arena_free(list->priv);
}

const struct pc__import_cell *pc__import_cell_find(const struct pc__import_cell_list *list,
                                                   const char *field)
{
	for (size_t i = 0; list && i < list->count; i++)
		if (!strcmp(list->items[i].field, field))
			return &list->items[i];
	return NULL;
}

int pc__store_import_cell_put(pc_store *store, const char *pupil_id,
                              const struct pc__import_cell *cell, const char *file,
                              size_t line, const char *by)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	char now[20], doing[300];

	snprintf(doing, sizeof(doing), "cannot record what the import said for pupil '%s'",
	         pc__store_shown(pupil_id));
	pc__store_now(now);
	ret = pc__store_stmt(store, &st, SQL_PUT);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, pupil_id) || pc__store_bind_text(st, 2, cell->field) ||
	    pc__store_bind_text(st, 3, cell->value) || pc__store_bind_text(st, 4, cell->signed_on) ||
	    pc__store_bind_text(st, 5, cell->expires_on) ||
	    (cell->seq ? sqlite3_bind_int64(st, 6, cell->seq) : sqlite3_bind_null(st, 6)) ||
	    pc__store_bind_text(st, 7, file) || sqlite3_bind_int64(st, 8, (sqlite3_int64)line) ||
	    pc__store_bind_text(st, 9, now) ||
	    pc__store_bind_text(st, 10, by && *by ? by : "unknown")) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
done:
	sqlite3_reset(st);
	return ret;
}
