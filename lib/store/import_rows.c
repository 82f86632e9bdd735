#include "store/import_rows.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/fold.h"
#include "store/import_date.h"
#include "base/text.h"
#include "store/store_internal.h"

/* Longest pupil id, and longest name, class or alias, in bytes: far past
 * any real one, short enough that a misplaced column stands out. */
#define MAX_ID 64
#define MAX_NAME 200
#define MAX_ALIASES 32
/* How much of a bad value a fault quotes. */
#define MAX_SHOWN 40

static const char *const col_names[PC__COL_COUNT] = {
	"pupil_id", "forename", "surname", "preferred_name", "class", "aliases",
	"no_photo", "no_name", "left_on", "signed_on", "expires_on",
};

const char *pc__import_col_name(enum pc__import_col col)
{
	return col_names[col];
}

/* The strings of a file live in the arena, not one allocation each: a
 * 50,000-row file has half a million of them. */

/* ------------------------------------------------------------------------
 * Field values.
 */
enum clean { CLEAN_OK, CLEAN_NOT_UTF8, CLEAN_CONTROL, CLEAN_NOMEM };

/* The field's text into `out`: runs of white space (a quoted field may
 * hold line ends, an export may pad) become one space, none at either
 * end. Other control characters (C0, DEL, C1) are refused: no name holds
 * one, and a stray one would break every one-line report that shows the
 * name. */
static enum clean clean_text(struct pc__buf *out, const char *s, size_t len)
{
	out->len = 0;
	if (pc__buf_append(out, "", 0))
		return CLEAN_NOMEM;
	if (!pc__utf8_valid(s, len))
		return CLEAN_NOT_UTF8;
	int space = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];
		if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
			space = 1;
			continue;
		}
		if (space && out->len && pc__buf_putc(out, ' '))
			return CLEAN_NOMEM;
		space = 0;
		if (pc__buf_putc(out, (char)b))
			return CLEAN_NOMEM;
	}
	/* The check a command's text passes too (pc__store_check_text). */
	return pc__text_has_control(out->data, out->len) ? CLEAN_CONTROL : CLEAN_OK;
}

/* PC_DECISION_GRANTED for a yes, PC_DECISION_REFUSED for a no, 0 for
 * empty, -1 for anything else. Flags take the same spellings. */
static int yes_no(const char *text)
{
	if (!*text)
		return 0;
	int v = pc_yes_no(text);
	return v < 0 ? -1 : v ? PC_DECISION_GRANTED : PC_DECISION_REFUSED;
}

/* Whether the text is nothing once folded (only spaces of other kinds,
 * say): the store holds such a name as absent, so it counts as empty.
 * 1 or 0, or PC_ENOMEM when out of memory. */
static int folds_empty(const char *text)
{
	if (!*text)
		return 1;
	char *key = pc__fold(text);
	if (!key)
		return PC_ENOMEM;
	int empty = !*key;
	free(key);
	return empty;
}

/* A bad value as a fault quotes it: at most MAX_SHOWN bytes, cut on a
 * character boundary. */
static const char *shown(char out[MAX_SHOWN + 4], const char *text)
{
	size_t len = strlen(text);
	if (len <= MAX_SHOWN)
		return text;
	len = MAX_SHOWN;
	while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
		len--;
	memcpy(out, text, len);
	memcpy(out + len, "...", 4);
	return out;
}

/* ------------------------------------------------------------------------
 * Checking, row by row as the reader hands them over.
 */
enum col_type {
	COL_FIXED,    /* one of enum pc__import_col */
	COL_PURPOSE,  /* a purpose column: `which` indexes the file's purposes */
	COL_UNNAMED,  /* an empty header cell, as spreadsheets leave: must stay empty */
	COL_BAD       /* refused in the header already */
};

struct col {
	enum col_type type;
	size_t which;
};

struct checker {
	struct pc__import_file *file;
	struct pc__arena *arena;
	const struct pc_purpose_list *purposes;
	int header_done;
	int header_bad;                  /* too wide to read the rows by */
	struct col *cols;
	size_t col_count;
	size_t fixed_at[PC__COL_COUNT];  /* 1-based column of each, 0: none */
	size_t *purpose_at;              /* per database purpose, likewise */
	size_t row_alloc;
	struct pc__buf text;             /* the field being checked */
	struct pc__buf scratch;
};

static int fault(struct checker *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fault(struct checker *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		return PC_ENOMEM;
	return pc__import_fault(&c->file->faults, "%s", msg);
}

/* The columns a header may name, for the fault that names one it may not:
 * "pupil_id, ..., expires_on, and one per purpose: display, ...". */
static int unknown_column(struct checker *c, size_t line, const char *name)
{
	struct pc__buf *b = &c->scratch;
	b->len = 0;
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	size_t len = strlen(name);
	size_t allowed = len < 5 ? 1 : 2;
	int err = 0;
	for (size_t i = 0; i < PC__COL_COUNT && !err; i++) {
		err = pc__buf_printf(b, "%s, ", col_names[i]);
		size_t d = pc__edit_distance(name, col_names[i]);
		if (d <= allowed && d < best_d) {
			best = col_names[i];
			best_d = d;
		}
	}
	if (!err)
		err = pc__buf_puts(b, "and one per purpose:");
	const char *sep = " ";
	for (size_t i = 0; i < c->purposes->count && !err; i++) {
		const struct pc_purpose *p = &c->purposes->items[i];
		if (p->always_deny)
			continue;
		err = pc__buf_printf(b, "%s%s", sep, p->id);
		sep = ", ";
		size_t d = pc__edit_distance(name, p->id);
		if (d <= allowed && d < best_d) {
			best = p->id;
			best_d = d;
		}
	}
	if (err)
		return PC_ENOMEM;
	char cut[MAX_SHOWN + 4];
	if (best)
		return pc__import_fault(&c->file->faults,
		                        "line %zu, column '%s': no such column or purpose "
		                        "(did you mean '%s'?); the columns are %s",
		                        line, shown(cut, name), best, b->data);
	return pc__import_fault(&c->file->faults,
	                        "line %zu, column '%s': no such column or purpose; "
	                        "the columns are %s", line, shown(cut, name), b->data);
}

static int check_header(struct checker *c, const struct pc__csv_row *row)
{
	struct pc__import_file *f = c->file;
	c->header_done = 1;
	if (row->extra) {
		/* No column can be trusted, so no row can be checked. */
		c->header_bad = 1;
		return fault(c, "line %zu: more than %d columns", row->line, PC__CSV_MAX_FIELDS);
	}
	c->cols = calloc(row->count ? row->count : 1, sizeof(*c->cols));
	c->purpose_at = calloc(c->purposes->count ? c->purposes->count : 1,
	                       sizeof(*c->purpose_at));
	const char **file_purposes =
		pc__arena_alloc(c->arena, (c->purposes->count ? c->purposes->count : 1) *
		                          sizeof(*file_purposes));
	if (!c->cols || !c->purpose_at || !file_purposes)
		return PC_ENOMEM;
	c->col_count = row->count;

	for (size_t i = 0; i < row->count; i++) {
		struct col *col = &c->cols[i];
		col->type = COL_BAD;
		enum clean k = clean_text(&c->text, row->fields[i], row->lens[i]);
		if (k == CLEAN_NOMEM)
			return PC_ENOMEM;
		if (k != CLEAN_OK) {
			if (fault(c, "line %zu, column %zu: %s", row->line, i + 1,
			          k == CLEAN_NOT_UTF8 ? "not valid UTF-8, though the file starts with "
			                                      "UTF-8's byte order mark (save it again "
			                                      "as CSV UTF-8)"
			                              : "holds a control character"))
				return PC_ENOMEM;
			continue;
		}
		char *name = c->text.data;
		pc__ascii_lower(name);
		if (!*name) {
			col->type = COL_UNNAMED;
			continue;
		}
		size_t *at = NULL;
		for (size_t j = 0; j < PC__COL_COUNT && !at; j++) {
			if (strcmp(name, col_names[j]))
				continue;
			at = &c->fixed_at[j];
			/* Set on the line above: cppcheck takes the loop's `!at` for
			 * a doubt about it. */
			/* cppcheck-suppress nullPointerRedundantCheck */
			if (!*at) {
				col->type = COL_FIXED;
				col->which = j;
				f->has[j] = 1;
			}
		}
		for (size_t j = 0; j < c->purposes->count && !at; j++) {
			const struct pc_purpose *p = &c->purposes->items[j];
			if (strcmp(name, p->id))
				continue;
			at = &c->purpose_at[j];
			if (p->always_deny) {
				if (fault(c, "line %zu, column '%s': the purpose '%s' is always "
				          "denied, whatever the consent; remove the column",
				          row->line, name, name))
					return PC_ENOMEM;
			} else if (!*at) {
				const char *id = pc__arena_strdup(c->arena, p->id);
				if (!id)
					return PC_ENOMEM;
				col->type = COL_PURPOSE;
				col->which = f->purpose_count;
				file_purposes[f->purpose_count++] = id;
			}
		}
		if (!at) {
			if (unknown_column(c, row->line, name))
				return PC_ENOMEM;
			continue;
		}
		if (*at) {
			if (fault(c, "line %zu, column '%s': named twice (columns %zu and %zu)",
			          row->line, name, *at, i + 1))
				return PC_ENOMEM;
			continue;
		}
		*at = i + 1;
	}
	f->purposes = file_purposes;

	static const enum pc__import_col required[] = {
		PC__COL_PUPIL_ID, PC__COL_FORENAME, PC__COL_SURNAME,
	};
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!f->has[required[i]] &&
		    fault(c, "line %zu, column '%s': missing; the file must have the "
		          "columns pupil_id, forename and surname", row->line,
		          col_names[required[i]]))
			return PC_ENOMEM;
	return 0;
}

/* Spreadsheets save rows of empty cells below the data: not rows. */
static int row_is_empty(const struct pc__csv_row *row)
{
	for (size_t i = 0; i < row->count; i++)
		for (size_t j = 0; j < row->lens[i]; j++)
			if (!strchr(" \t\r\n", row->fields[i][j]) || !row->fields[i][j])
				return 0;
	return 1;
}

/* Splits the aliases cell at ';' into the row, dropping empty ones and
 * repeats (compared as matching compares them). */
static int split_aliases(struct checker *c, size_t line, const char *text,
                         struct pc__import_row *r)
{
	int ret = PC_ENOMEM;
	const char *list[MAX_ALIASES];
	char *keys[MAX_ALIASES] = { NULL };
	size_t n = 0;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *next = end ? end + 1 : p + len;
		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (!len) {
			p = next;
			continue;
		}
		if (len > MAX_NAME) {
			ret = fault(c, "line %zu, column 'aliases': an alias longer than %d bytes",
			            line, MAX_NAME);
			goto done;
		}
		if (n == MAX_ALIASES) {
			ret = fault(c, "line %zu, column 'aliases': more than %d aliases",
			            line, MAX_ALIASES);
			goto done;
		}
		char *alias = pc__arena_strndup(c->arena, p, len);
		if (!alias)
			goto done;
		char *key = pc__fold(alias);
		if (!key)
			goto done;
		/* Nothing once folded: the store would refuse it as empty. */
		int seen = !*key;
		for (size_t i = 0; i < n && !seen; i++)
			seen = !strcmp(keys[i], key);
		if (seen) {
			free(key);
		} else {
			keys[n] = key;
			list[n++] = alias;
		}
		p = next;
	}
	const char **aliases = pc__arena_alloc(c->arena, (n ? n : 1) * sizeof(*aliases));
	if (!aliases)
		goto done;
	memcpy(aliases, list, n * sizeof(*aliases));
	r->aliases = aliases;
	r->alias_count = n;
	ret = 0;
done:
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	return ret;
}

/* One cell under a known column into the row; a fault when it is bad. */
static int check_value(struct checker *c, size_t line, const struct col *col,
                       struct pc__import_row *r, unsigned char *decisions)
{
	const char *text = c->text.data;
	size_t len = c->text.len;
	char cut[MAX_SHOWN + 4];
	const char *name = col->type == COL_PURPOSE ? c->file->purposes[col->which]
	                                            : col_names[col->which];
	const char **to = NULL;
	size_t max = MAX_NAME;
	int empty;
	char date[11];

	if (col->type == COL_PURPOSE) {
		int v = yes_no(text);
		if (v < 0)
			return fault(c, "line %zu, column '%s': '%s' is not yes or no", line, name,
			             shown(cut, text));
		decisions[col->which] = (unsigned char)v;
		return 0;
	}
	switch ((enum pc__import_col)col->which) {
	case PC__COL_PUPIL_ID:
		if (!len)
			return fault(c, "line %zu, column 'pupil_id': empty; every row needs the "
			             "pupil's id", line);
		to = &r->id;
		max = MAX_ID;
		break;
	case PC__COL_FORENAME:
	case PC__COL_SURNAME:
		if ((empty = folds_empty(text)) < 0)
			return PC_ENOMEM;
		if (empty)
			return fault(c, "line %zu, column '%s': empty; every pupil needs a %s",
			             line, name, name);
		to = col->which == PC__COL_FORENAME ? &r->forename : &r->surname;
		break;
	case PC__COL_PREFERRED_NAME:
		if ((empty = folds_empty(text)) < 0)
			return PC_ENOMEM;
		if (empty)
			return 0;
		to = &r->preferred_name;
		break;
	case PC__COL_CLASS:
		to = &r->class_name;
		break;
	case PC__COL_ALIASES:
		return split_aliases(c, line, text, r);
	case PC__COL_NO_PHOTO:
	case PC__COL_NO_NAME: {
		int v = yes_no(text);
		if (v < 0)
			return fault(c, "line %zu, column '%s': '%s' is not yes or no", line, name,
			             shown(cut, text));
		*(col->which == PC__COL_NO_PHOTO ? &r->no_photo : &r->no_name) =
			v == PC_DECISION_GRANTED;
		return 0;
	}
	case PC__COL_LEFT_ON:
	case PC__COL_SIGNED_ON:
	case PC__COL_EXPIRES_ON:
		if (!len)
			return 0;
		switch (pc__import_date_read(text, date)) {
		case PC__DATE_OK:
			break;
		case PC__DATE_MONTH_FIRST:
			return fault(c, "line %zu, column '%s': '%s' is not a date: dates are read "
			             "day first (DD/MM/YYYY, as in the UK) or as YYYY-MM-DD, and "
			             "this one would be month first", line, name, shown(cut, text));
		case PC__DATE_SHORT_YEAR:
			return fault(c, "line %zu, column '%s': '%s' has a two-digit year; give "
			             "it in full (DD/MM/YYYY or YYYY-MM-DD)", line, name,
			             shown(cut, text));
		default:
			return fault(c, "line %zu, column '%s': '%s' is not a date (DD/MM/YYYY "
			             "or YYYY-MM-DD)", line, name, shown(cut, text));
		}
		text = date;
		len = strlen(date);
		to = col->which == PC__COL_LEFT_ON ? &r->left_on
		   : col->which == PC__COL_SIGNED_ON ? &r->signed_on : &r->expires_on;
		break;
	default:
		return PC_ENOMEM;
	}
	if (len > max)
		return fault(c, "line %zu, column '%s': longer than %zu bytes", line, name, max);
	if (!len)
		return 0;
	*to = pc__arena_strndup(c->arena, text, len);
	return *to ? 0 : PC_ENOMEM;
}

static int check_row(struct checker *c, const struct pc__csv_row *row)
{
	struct pc__import_file *f = c->file;
	if (c->header_bad || row_is_empty(row))
		return 0;
	size_t fields = row->count + row->extra;
	if (fields != c->col_count)
		return fault(c, "line %zu: %zu fields, but the header has %zu columns%s",
		             row->line, fields, c->col_count,
		             fields > c->col_count ? " (a field holding a comma must be in quotes)"
		                                   : "");

	struct pc__import_row r;
	memset(&r, 0, sizeof(r));
	r.line = row->line;
	unsigned char *decisions = pc__arena_alloc(c->arena, f->purpose_count ? f->purpose_count : 1);
	if (!decisions)
		return PC_ENOMEM;
	memset(decisions, 0, f->purpose_count);
	r.decisions = decisions;

	for (size_t i = 0; i < row->count; i++) {
		const struct col *col = &c->cols[i];
		if (col->type == COL_BAD)
			continue;
		enum clean k = clean_text(&c->text, row->fields[i], row->lens[i]);
		if (k == CLEAN_NOMEM)
			return PC_ENOMEM;
		if (col->type == COL_UNNAMED) {
			if ((k != CLEAN_OK || c->text.len) &&
			    fault(c, "line %zu, column %zu: a value under a column with no name",
			          row->line, i + 1))
				return PC_ENOMEM;
			continue;
		}
		if (k != CLEAN_OK) {
			const char *name = col->type == COL_PURPOSE ? f->purposes[col->which]
			                                            : col_names[col->which];
			if (fault(c, "line %zu, column '%s': %s", row->line, name,
			          k == CLEAN_NOT_UTF8 ? "not valid UTF-8 (save the file as UTF-8)"
			                              : "holds a control character"))
				return PC_ENOMEM;
			continue;
		}
		if (check_value(c, row->line, col, &r, decisions))
			return PC_ENOMEM;
	}
	if (r.signed_on && r.expires_on && strcmp(r.expires_on, r.signed_on) < 0 &&
	    fault(c, "line %zu, column 'expires_on': '%s' is before signed_on '%s'",
	          row->line, r.expires_on, r.signed_on))
		return PC_ENOMEM;

	if (f->row_count == c->row_alloc) {
		size_t n = c->row_alloc ? c->row_alloc * 2 : 256;
		struct pc__import_row *rows = realloc(f->rows, n * sizeof(*rows));
		if (!rows)
			return PC_ENOMEM;
		f->rows = rows;
		c->row_alloc = n;
	}
	if (r.id) {
		/* Ids compare ignoring ASCII case ("a1001" is pupil A1001). */
		size_t other, len = strlen(r.id);
		char *key = pc__arena_strndup(c->arena, r.id, len);
		if (!key)
			return PC_ENOMEM;
		pc__ascii_lower(key);
		int found = pc__strindex_add(&f->ids, key, f->row_count, &other);
		if (found < 0)
			return PC_ENOMEM;
		if (found)
			return fault(c, "line %zu: pupil id '%s' is already on line %zu",
			             row->line, r.id, f->rows[other].line);
	}
	f->rows[f->row_count++] = r;
	return 0;
}

static int on_row(void *ctx, const struct pc__csv_row *row)
{
	struct checker *c = ctx;
	return c->header_done ? check_row(c, row) : check_header(c, row);
}

int pc__import_file_read(struct pc__import_file *file, const char *path,
                         const struct pc_purpose_list *purposes)
{
	int ret = PC_ENOMEM;
	struct checker c;
	memset(&c, 0, sizeof(c));
	memset(file, 0, sizeof(*file));
	pc__buf_init(&c.text, 0);
	pc__buf_init(&c.scratch, 0);
	c.file = file;
	c.purposes = purposes;
	c.arena = pc__arena_new();
	if (!c.arena)
		goto done;
	file->priv = c.arena;

	ret = pc__csv_read(path, &file->faults, &file->shape, on_row, &c);
	if (ret)
		goto done;
	if (!c.header_done && !pc__import_fault_total(&file->faults) &&
	    pc__import_fault(&file->faults, "line 1: the file is empty; it needs a header "
	                     "row naming its columns (pupil_id, forename, surname, ...)"))
		ret = PC_ENOMEM;
done:
	pc__buf_release(&c.scratch);
	pc__buf_release(&c.text);
	free(c.purpose_at);
	free(c.cols);
	return ret;
}

void pc__import_file_release(struct pc__import_file *file)
{
	if (!file)
		return;
	pc__strindex_release(&file->ids);
	pc__import_faults_release(&file->faults);
	free(file->rows);
	pc__arena_free(file->priv);
	memset(file, 0, sizeof(*file));
}
