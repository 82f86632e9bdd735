/*
 * import.c: the MIS import, once the file has been read and checked
 * (import_rows.c): comparing it with the database, then writing the
 * difference in one transaction.
 *
 * The comparison is done whole before the first write, so that a dry run
 * and a real import report the very same thing, and so that an import
 * with nothing to change never writes (the file stays byte for byte as it
 * was). Each row is independent of the others (a pupil id appears once),
 * so comparing every row with the database as it stood is the same as
 * comparing each with the database as the rows before it left it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fold.h"
#include "store/import_rows.h"
#include "base/text.h"
#include "store/store_internal.h"

/* ------------------------------------------------------------------------
 * The report.
 */
struct lines {
	char **items;
	size_t count, alloc;
};

struct report_priv {
	struct lines changes, conflicts, missing, notices, errors;
};

static int lines_add(struct lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int lines_add(struct lines *l, const char *fmt, ...)
{
	if (l->count == l->alloc) {
		size_t alloc = l->alloc ? l->alloc * 2 : 64;
		char **items = realloc(l->items, alloc * sizeof(*items));
		if (!items)
			return PC_ENOMEM;
		l->items = items;
		l->alloc = alloc;
	}
	va_list ap;
	va_start(ap, fmt);
	char *s = pc__vformat(fmt, ap);
	va_end(ap);
	if (!s)
		return PC_ENOMEM;
	l->items[l->count++] = s;
	return 0;
}

static void lines_release(struct lines *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

struct pc_import_report {
	struct pc_import_counts counts;
	struct report_priv lines;
};

void pc_import_report_free(pc_import_report *report)
{
	if (!report)
		return;
	lines_release(&report->lines.changes);
	lines_release(&report->lines.conflicts);
	lines_release(&report->lines.missing);
	lines_release(&report->lines.notices);
	lines_release(&report->lines.errors);
	free(report);
}

const struct pc_import_counts *pc_import_report_counts(const pc_import_report *report)
{
	return report ? &report->counts : NULL;
}

static const struct lines *report_lines(const pc_import_report *report,
                                        enum pc_import_lines kind)
{
	if (!report)
		return NULL;
	switch (kind) {
	case PC_IMPORT_CHANGES: return &report->lines.changes;
	case PC_IMPORT_CONFLICTS: return &report->lines.conflicts;
	case PC_IMPORT_MISSING: return &report->lines.missing;
	case PC_IMPORT_NOTICES: return &report->lines.notices;
	case PC_IMPORT_ERRORS: return &report->lines.errors;
	}
	return NULL;
}

size_t pc_import_report_line_count(const pc_import_report *report, enum pc_import_lines kind)
{
	const struct lines *l = report_lines(report, kind);
	return l ? l->count : 0;
}

const char *pc_import_report_line(const pc_import_report *report, enum pc_import_lines kind,
                                  size_t i)
{
	const struct lines *l = report_lines(report, kind);
	return l && i < l->count ? l->items[i] : NULL;
}

/* ------------------------------------------------------------------------
 * Comparing.
 *
 * Each cell is compared with what the last import of that pupil said
 * (import_cells), so that a cell the MIS did not change records nothing,
 * whatever the office recorded by hand since. A cell that changed is
 * written, unless it would undo a later record made by hand: then it is a
 * conflict, and the record made by hand is kept (PC_IMPORT_PREFER_FILE
 * writes the file's answer instead).
 */
enum pupil_action { PUPIL_KEEP, PUPIL_ADD, PUPIL_UPDATE };

/* What one purpose cell, or one flag, of a row does. */
enum cell_action {
	CELL_NOTHING,  /* the last import said the same, or the cell is empty */
	CELL_APPEND,   /* a consent record to append, and the cell to remember */
	CELL_REMEMBER, /* the database already holds it: only the cell to remember */
	CELL_CONFLICT  /* the file's answer would undo a record made by hand */
};

/* The flags and the leaving date, the columns kept in import_cells. */
enum flag { FLAG_NO_PHOTO, FLAG_NO_NAME, FLAG_LEFT_ON, FLAG_COUNT };

static const char *const flag_field[FLAG_COUNT] = { "no_photo", "no_name", "left_on" };
static const enum pc__import_col flag_col[FLAG_COUNT] = {
	PC__COL_NO_PHOTO, PC__COL_NO_NAME, PC__COL_LEFT_ON,
};

struct row_plan {
	enum pupil_action action;
	const char *id;                    /* as the database has it (or the file, when new) */
	struct pc_pupil now;               /* the pupil as the row leaves it */
	enum cell_action flags[FLAG_COUNT];
};

struct import {
	pc_store *store;
	const char *path;
	const char *file_name;             /* for notes: the path's last part */
	const char *by;
	int prefer_file;
	const char *leavers_left_on;       /* NULL: pupils not listed are only reported */
	size_t *leavers;                   /* indexes into db: not listed, not yet left */
	size_t leaver_count;
	char today[11];
	struct pc__import_file file;
	struct pc_pupil_list *db;          /* every pupil, as the database has them */
	struct pc__strindex db_ids;        /* pupil id, ASCII case folded -> index into db */
	char **db_keys;                    /* the keys of db_ids */
	struct row_plan *plans;            /* per row */
	unsigned char *cells;              /* per row and file purpose: enum cell_action */
	long long *last_seq;               /* per row and file purpose: the pair's last record */
	struct pc_import_report *report;
	struct report_priv *lines;
	struct pc__buf text;
};

/* Equal texts, an empty one the same as none. */
static int same_text(const char *a, const char *b)
{
	if (a && !*a)
		a = NULL;
	if (b && !*b)
		b = NULL;
	return a == b || (a && b && !strcmp(a, b));
}

static const char *or_none(const char *s)
{
	return s ? s : "(none)";
}

/* Pupil ids compare ignoring ASCII case, as a person types them. */
static char *id_key(const char *id)
{
	char *key = strdup(id);
	pc__ascii_lower(key);
	return key;
}

static int describe_text(struct pc__buf *b, const char *what, const char *was,
                         const char *now)
{
	if (same_text(was, now))
		return 0;
	return pc__buf_printf(b, "%s%s %s%s%s -> %s%s%s", b->len ? ", " : "", what,
	                      was ? "'" : "", or_none(was), was ? "'" : "",
	                      now ? "'" : "", or_none(now), now ? "'" : "");
}

static int describe_flag(struct pc__buf *b, const char *what, int was, int now)
{
	if (!was == !now)
		return 0;
	return pc__buf_printf(b, "%s%s %s", b->len ? ", " : "", what, now ? "on" : "off");
}

/* Whether any of the row's aliases is new to the pupil, compared as
 * matching compares names; each new one is described. */
static int describe_aliases(struct pc__buf *b, const struct pc_pupil *was,
                            const struct pc__import_row *r)
{
	int ret = PC_ENOMEM;
	char **keys = NULL;
	char *key = NULL;
	if (!r->alias_count)
		return 0;
	keys = calloc(was->alias_count ? was->alias_count : 1, sizeof(*keys));
	if (!keys)
		goto done;
	for (size_t i = 0; i < was->alias_count; i++)
		if (!(keys[i] = pc__fold(was->aliases[i])))
			goto done;
	for (size_t i = 0; i < r->alias_count; i++) {
		if (!(key = pc__fold(r->aliases[i])))
			goto done;
		int known = 0;
		for (size_t j = 0; j < was->alias_count && !known; j++)
			known = !strcmp(keys[j], key);
		free(key);
		key = NULL;
		if (!known && pc__buf_printf(b, "%salias '%s' added", b->len ? ", " : "",
		                             r->aliases[i]))
			goto done;
	}
	ret = 0;
done:
	free(key);
	for (size_t i = 0; keys && i < was->alias_count; i++)
		free(keys[i]);
	free(keys);
	return ret;
}

/* "(Year 4, no_name, left 2025-07-22)", or "" when there is nothing to say. */
static int describe_pupil(struct pc__buf *b, const struct pc_pupil *p)
{
	b->len = 0;
	int err = pc__buf_append(b, "", 0);
	const char *sep = " (";
	if (!err && p->class_name) {
		err = pc__buf_printf(b, "%s%s", sep, p->class_name);
		sep = ", ";
	}
	if (!err && p->no_photo) {
		err = pc__buf_printf(b, "%sno_photo", sep);
		sep = ", ";
	}
	if (!err && p->no_name) {
		err = pc__buf_printf(b, "%sno_name", sep);
		sep = ", ";
	}
	if (!err && p->left_on) {
		err = pc__buf_printf(b, "%sleft %s", sep, p->left_on);
		sep = ", ";
	}
	if (!err && *sep == ',')
		err = pc__buf_putc(b, ')');
	return err ? PC_ENOMEM : 0;
}

/* ---- flags: no_photo, no_name, left_on */

/* A flag's value as import_cells keeps it: "1" / "0", or the date. */
static const char *flag_value(const struct pc_pupil *p, enum flag f)
{
	switch (f) {
	case FLAG_NO_PHOTO: return p->no_photo ? "1" : "0";
	case FLAG_NO_NAME: return p->no_name ? "1" : "0";
	default: return p->left_on;
	}
}

static void set_flag(struct pc_pupil *p, enum flag f, const struct pc_pupil *from)
{
	switch (f) {
	case FLAG_NO_PHOTO: p->no_photo = from->no_photo; break;
	case FLAG_NO_NAME: p->no_name = from->no_name; break;
	default: p->left_on = from->left_on; break;
	}
}

/* Whether value `a` of flag `f` keeps at least as many photos back as
 * `b`: a flag on over off; for left_on, having left, and earlier. */
static int as_safe(enum flag f, const char *a, const char *b)
{
	if (same_text(a, b))
		return 1;
	if (f != FLAG_LEFT_ON)
		return !strcmp(a, "1");
	return a && (!b || strcmp(a, b) < 0);
}

static int flag_conflict(struct import *im, const struct pc__import_row *r, const char *id,
                         enum flag f, const char *file_value, const char *kept)
{
	im->report->counts.conflicts++;
	if (f == FLAG_LEFT_ON)
		return lines_add(&im->lines->conflicts, "line %zu: pupil %s %s %s: the file says "
		                 "left_on %s, but the database holds %s, recorded by hand; kept it "
		                 "('db import --prefer-file' takes the file's)", r->line, id,
		                 r->forename, r->surname, or_none(file_value), or_none(kept));
	return lines_add(&im->lines->conflicts, "line %zu: pupil %s %s %s: the file says %s "
	                 "off, but it was set on by hand; kept it on ('db import "
	                 "--prefer-file' takes the file's)", r->line, id, r->forename,
	                 r->surname, flag_field[f]);
}

/*
 * The flags of an existing pupil: the file's value when it differs from
 * what the last import said and undoes nothing done by hand. A value that
 * no import recorded counts as set by hand.
 */
static int diff_flags(struct import *im, size_t ri, const struct pc_pupil *was,
                      const struct pc__import_row *r, const struct pc__import_cell_list *cells)
{
	struct row_plan *plan = &im->plans[ri];
	struct pc_pupil file;
	memset(&file, 0, sizeof(file));
	file.no_photo = r->no_photo;
	file.no_name = r->no_name;
	file.left_on = r->left_on;
	for (int f = 0; f < FLAG_COUNT; f++) {
		if (!im->file.has[flag_col[f]])
			continue;
		const struct pc__import_cell *last = pc__import_cell_find(cells, flag_field[f]);
		const char *want = flag_value(&file, (enum flag)f), *cur = flag_value(was, (enum flag)f);
		if (last && same_text(last->value, want))
			continue; /* the MIS said so last time: nothing new */
		if (!as_safe((enum flag)f, want, cur) && !(last && same_text(last->value, cur)) &&
		    !im->prefer_file) {
			plan->flags[f] = CELL_CONFLICT;
			if (flag_conflict(im, r, plan->id, (enum flag)f, want, cur))
				return PC_ENOMEM;
			continue;
		}
		plan->flags[f] = CELL_REMEMBER;
		set_flag(&plan->now, (enum flag)f, &file);
	}
	return 0;
}

/* The row's pupil as it will be: `was` is the database's (NULL for a
 * new pupil), `cells` what the last imports said of it. */
static int diff_pupil(struct import *im, size_t ri, const struct pc_pupil *was,
                      const struct pc__import_cell_list *cells)
{
	const struct pc__import_row *r = &im->file.rows[ri];
	struct row_plan *plan = &im->plans[ri];
	struct pc_import_report *rep = im->report;
	struct pc__buf *b = &im->text;
	const int *has = im->file.has;
	struct pc_pupil *now = &plan->now;

	memset(now, 0, sizeof(*now));
	now->forename = r->forename;
	now->surname = r->surname;
	now->aliases = r->aliases;
	now->alias_count = r->alias_count;
	if (!was) {
		plan->id = now->id = r->id;
		now->preferred_name = r->preferred_name;
		now->class_name = r->class_name;
		now->no_photo = r->no_photo;
		now->no_name = r->no_name;
		now->left_on = r->left_on;
		for (int f = 0; f < FLAG_COUNT; f++)
			if (has[flag_col[f]])
				plan->flags[f] = CELL_REMEMBER;
		plan->action = PUPIL_ADD;
		rep->counts.pupils_added++;
		if (describe_pupil(b, now))
			return PC_ENOMEM;
		return lines_add(&im->lines->changes, "line %zu: pupil %s %s %s added%s",
		                 r->line, r->id, r->forename, r->surname, b->data);
	}

	/* A column the file does not have keeps what the database holds. */
	plan->id = now->id = was->id;
	now->preferred_name = has[PC__COL_PREFERRED_NAME] ? r->preferred_name : was->preferred_name;
	now->class_name = has[PC__COL_CLASS] ? r->class_name : was->class_name;
	now->no_photo = was->no_photo;
	now->no_name = was->no_name;
	now->left_on = was->left_on;
	if (diff_flags(im, ri, was, r, cells))
		return PC_ENOMEM;

	b->len = 0;
	int err = pc__buf_append(b, "", 0);
	if (!err)
		err = describe_text(b, "forename", was->forename, now->forename);
	if (!err)
		err = describe_text(b, "surname", was->surname, now->surname);
	if (!err)
		err = describe_text(b, "preferred_name", was->preferred_name, now->preferred_name);
	if (!err)
		err = describe_text(b, "class", was->class_name, now->class_name);
	if (!err)
		err = describe_flag(b, "no_photo", was->no_photo, now->no_photo);
	if (!err)
		err = describe_flag(b, "no_name", was->no_name, now->no_name);
	if (!err)
		err = describe_text(b, "left_on", was->left_on, now->left_on);
	if (!err)
		err = describe_aliases(b, was, r);
	if (err)
		return PC_ENOMEM;
	if (!b->len) {
		rep->counts.pupils_unchanged++;
		return 0;
	}
	plan->action = PUPIL_UPDATE;
	rep->counts.pupils_changed++;
	return lines_add(&im->lines->changes, "line %zu: pupil %s %s %s changed: %s", r->line,
	                 was->id, r->forename, r->surname, b->data);
}

/* The word for a decision; "?" for none of the three (never written). */
static const char *decision_name(enum pc_decision d)
{
	const char *name = pc_decision_name(d);
	return name ? name : "?";
}

/* ", signed 2025-09-08, until 2026-08-31" for a record's dates. */
static int describe_dates(struct pc__buf *b, const char *signed_on, const char *expires_on)
{
	int err = 0;
	if (signed_on)
		err = pc__buf_printf(b, ", signed %s", signed_on);
	if (!err && expires_on)
		err = pc__buf_printf(b, ", until %s", expires_on);
	return err;
}

/* Whether a record says what the row's cell says. */
static int same_answer(const char *decision, const char *signed_on, const char *expires_on,
                       enum pc_decision d, const struct pc__import_row *r)
{
	return decision && !strcmp(decision, decision_name(d)) && same_text(signed_on, r->signed_on) &&
	       same_text(expires_on, r->expires_on);
}

/* The day from which a record counts: its withdrawal date, its signing
 * date, else the day it was recorded (its UTC date is close enough to
 * compare with a form's date). */
static void record_day(const struct pc_consent_record *rec, char out[11])
{
	const char *d = rec->decision == PC_DECISION_WITHDRAWN ? rec->withdrawn_on : rec->signed_on;
	if (!d)
		d = rec->recorded_at;
	snprintf(out, 11, "%s", d ? d : "");
}

/* "withdrawn by hand from 2026-11-20 (recorded 2026-11-21 by office)". */
static int describe_manual(struct pc__buf *b, const struct pc_consent_record *m)
{
	char day[11];
	record_day(m, day);
	return pc__buf_printf(b, "%s by hand %s %s (recorded %.10s by %s)",
	                      decision_name(m->decision),
	                      m->decision == PC_DECISION_WITHDRAWN ? "from" : "on", day,
	                      m->recorded_at ? m->recorded_at : "", m->recorded_by);
}

static int diff_consent(struct import *im, size_t ri, size_t k,
                        const struct pc__import_cell_list *cells)
{
	int ret = PC_ENOMEM;
	struct pc_consent_list *latest = NULL, *manual = NULL;
	const struct pc__import_row *r = &im->file.rows[ri];
	const char *purpose = im->file.purposes[k], *id = im->plans[ri].id;
	enum pc_decision d = r->decisions[k];
	size_t at = ri * im->file.purpose_count + k;
	struct pc__buf *b = &im->text;
	const struct pc_consent_record *was = NULL, *m = NULL;

	if (im->plans[ri].action != PUPIL_ADD) {
		const struct pc__import_cell *last = pc__import_cell_find(cells, purpose);
		if (last && same_answer(last->value, last->signed_on, last->expires_on, d, r)) {
			im->report->counts.consents_unchanged++;
			ret = 0;
			goto done;
		}
		if ((ret = pc__store_consent_latest(im->store, id, purpose, &latest)) ||
		    (ret = pc__store_consent_manual_since(im->store, id, purpose,
		                                          last ? last->seq : 0, &manual)))
			goto done;
		ret = PC_ENOMEM;
		was = latest->count ? &latest->items[0] : NULL;
		m = manual->count ? &manual->items[0] : NULL;
		im->last_seq[at] = was ? was->seq : 0;
		/* Never imported (a pupil added by hand, say), and the database
		 * already says the same: nothing to add but the memory of it. */
		if (!last && was && was->decision == d && same_text(was->signed_on, r->signed_on) &&
		    same_text(was->expires_on, r->expires_on)) {
			im->cells[at] = CELL_REMEMBER;
			im->report->counts.consents_unchanged++;
			ret = 0;
			goto done;
		}
		if (m && m->decision != PC_DECISION_GRANTED && d == PC_DECISION_GRANTED &&
		    !im->prefer_file) {
			im->cells[at] = CELL_CONFLICT;
			im->report->counts.conflicts++;
			b->len = 0;
			if (pc__buf_printf(b, "line %zu: %s %s: the file says granted", r->line, id,
			                   purpose) ||
			    describe_dates(b, r->signed_on, r->expires_on) ||
			    pc__buf_puts(b, ", but it was ") || describe_manual(b, m) ||
			    pc__buf_printf(b, "; kept the %s ('db import --prefer-file' takes the "
			                   "file's)", m->decision == PC_DECISION_WITHDRAWN ? "withdrawal"
			                                                                  : "refusal"))
				goto done;
			ret = lines_add(&im->lines->conflicts, "%s", b->data);
			goto done;
		}
	}

	im->cells[at] = CELL_APPEND;
	if (d == PC_DECISION_GRANTED)
		im->report->counts.granted++;
	else
		im->report->counts.refused++;
	b->len = 0;
	if (pc__buf_printf(b, "line %zu: %s %s %s", r->line, id, purpose, decision_name(d)) ||
	    describe_dates(b, r->signed_on, r->expires_on))
		goto done;
	if (was && (pc__buf_printf(b, " (was %s", decision_name(was->decision)) ||
	            (was->decision == PC_DECISION_WITHDRAWN && was->withdrawn_on &&
	             pc__buf_printf(b, " on %s", was->withdrawn_on)) ||
	            describe_dates(b, was->signed_on, was->expires_on) || pc__buf_putc(b, ')')))
		goto done;
	/* --prefer-file over a later refusal or withdrawal: the grant is
	 * recorded, but dates still decide what is in force. */
	if (m && m->decision != PC_DECISION_GRANTED && d == PC_DECISION_GRANTED) {
		char from[11], grant[11];
		record_day(m, from);
		snprintf(grant, sizeof(grant), "%s", r->signed_on ? r->signed_on : im->today);
		if (strcmp(grant, from) <= 0 &&
		    pc__buf_printf(b, "; the %s by hand from %s stays in force: it is not older "
		                   "than this form", m->decision == PC_DECISION_WITHDRAWN
		                   ? "withdrawal" : "refusal", from))
			goto done;
	}
	ret = lines_add(&im->lines->changes, "%s", b->data);
done:
	pc_consent_list_free(manual);
	pc_consent_list_free(latest);
	return ret;
}

/* Compares every row with the database; fills the report and the plan. */
static int diff(struct import *im)
{
	int ret = pc_store_pupil_list(&im->db, im->store, NULL, NULL);
	if (ret)
		return ret;
	im->db_keys = calloc(im->db->count ? im->db->count : 1, sizeof(*im->db_keys));
	if (!im->db_keys)
		return PC_ENOMEM;
	for (size_t i = 0; i < im->db->count; i++) {
		size_t old;
		/* Two ids that differ only in case (a database from before
		 * ids ignored it): the first one listed is the one matched. */
		if (!(im->db_keys[i] = id_key(im->db->items[i].id)) ||
		    pc__strindex_add(&im->db_ids, im->db_keys[i], i, &old) < 0)
			return PC_ENOMEM;
	}
	size_t rows = im->file.row_count, purposes = im->file.purpose_count;
	size_t cells = rows && purposes ? rows * purposes : 1;
	im->plans = calloc(rows ? rows : 1, sizeof(*im->plans));
	im->cells = calloc(cells, 1);
	im->last_seq = calloc(cells, sizeof(*im->last_seq));
	im->leavers = calloc(im->db->count ? im->db->count : 1, sizeof(*im->leavers));
	if (!im->plans || !im->cells || !im->last_seq || !im->leavers)
		return PC_ENOMEM;

	for (size_t i = 0; i < rows; i++) {
		struct pc__import_cell_list *last = NULL;
		const struct pc_pupil *was = NULL;
		size_t di;
		char *key = id_key(im->file.rows[i].id);
		if (!key)
			return PC_ENOMEM;
		if (pc__strindex_get(&im->db_ids, key, &di))
			was = &im->db->items[di];
		free(key);
		if (was && (ret = pc__store_import_cells(im->store, was->id, &last)))
			return ret;
		ret = diff_pupil(im, i, was, last);
		for (size_t k = 0; k < purposes && !ret; k++)
			if (im->file.rows[i].decisions[k])
				ret = diff_consent(im, i, k, last);
		pc__import_cell_list_free(last);
		if (ret)
			return ret;
	}

	/* Never deleted: a pupil the MIS no longer lists has usually left,
	 * and the consent history must stay. One already recorded as left is
	 * where they should be, and is only counted. */
	for (size_t i = 0; i < im->db->count; i++) {
		const struct pc_pupil *p = &im->db->items[i];
		size_t ri;
		char *key = id_key(p->id);
		if (!key)
			return PC_ENOMEM;
		int listed = pc__strindex_get(&im->file.ids, key, &ri);
		free(key);
		if (listed)
			continue;
		if (p->left_on) {
			im->report->counts.already_left++;
			continue;
		}
		if (describe_pupil(&im->text, p) ||
		    lines_add(&im->lines->missing, "%s %s %s%s", p->id, p->forename, p->surname,
		              im->text.data))
			return PC_ENOMEM;
		if (im->leavers_left_on)
			im->leavers[im->leaver_count++] = i;
	}
	im->report->counts.leavers = im->leaver_count;
	return 0;
}

/* ------------------------------------------------------------------------
 * Writing.
 */

/* Remembers what the row's cell said (a purpose column, or a flag). */
static int remember(struct import *im, const struct pc__import_row *r, const char *id,
                    const struct pc__import_cell *cell)
{
	return pc__store_import_cell_put(im->store, id, cell, im->file_name, r->line, im->by);
}

static int apply_row(struct import *im, size_t i)
{
	int ret = 0;
	char note[512];
	const struct pc__import_row *r = &im->file.rows[i];
	const struct row_plan *plan = &im->plans[i];

	if (plan->action == PUPIL_ADD)
		ret = pc_store_pupil_add(im->store, &plan->now, im->by, NULL);
	else if (plan->action == PUPIL_UPDATE)
		ret = pc__store_pupil_update(im->store, &plan->now, im->by);
	for (int f = 0; f < FLAG_COUNT && !ret; f++) {
		if (plan->flags[f] != CELL_REMEMBER)
			continue;
		struct pc__import_cell cell = { flag_field[f], flag_value(&plan->now, (enum flag)f),
		                                NULL, NULL, 0 };
		ret = remember(im, r, plan->id, &cell);
	}
	snprintf(note, sizeof(note), "imported from %s line %zu", im->file_name, r->line);
	for (size_t k = 0; k < im->file.purpose_count && !ret; k++) {
		size_t at = i * im->file.purpose_count + k;
		struct pc__import_cell cell = { im->file.purposes[k], decision_name(r->decisions[k]),
		                                r->signed_on, r->expires_on, im->last_seq[at] };
		if (im->cells[at] == CELL_APPEND) {
			struct pc_consent_record rec;
			memset(&rec, 0, sizeof(rec));
			rec.pupil_id = plan->id;
			rec.purpose_id = im->file.purposes[k];
			rec.decision = r->decisions[k];
			rec.signed_on = r->signed_on;
			rec.expires_on = r->expires_on;
			rec.recorded_by = im->by;
			rec.note = note;
			ret = pc__store_consent_append(im->store, &rec, 1, &cell.seq);
		}
		if (!ret && (im->cells[at] == CELL_APPEND || im->cells[at] == CELL_REMEMBER))
			ret = remember(im, r, plan->id, &cell);
	}
	return ret;
}

/* Writes the plan; the caller has begun the transaction. On failure
 * *line is the row that failed. */
static int apply(struct import *im, size_t *line)
{
	int ret = 0;
	for (size_t i = 0; i < im->file.row_count && !ret; i++) {
		*line = im->file.rows[i].line;
		ret = apply_row(im, i);
	}
	/* Recorded as by hand, not as a cell of the file: the file said
	 * nothing of them, so a later file that lists them again does not
	 * quietly undo it. */
	if (ret)
		return ret;
	*line = 0;
	for (size_t i = 0; i < im->leaver_count && !ret; i++) {
		struct pc_pupil left = im->db->items[im->leavers[i]];
		left.left_on = im->leavers_left_on;
		ret = pc__store_pupil_update(im->store, &left, im->by);
	}
	return ret;
}

/* Whether the plan writes anything at all (a new memory of a cell
 * counts): with nothing, the file is not touched. */
static int has_writes(const struct import *im)
{
	const struct pc_import_report *r = im->report;
	if (r->counts.pupils_added || r->counts.pupils_changed || r->counts.granted ||
	    r->counts.refused || r->counts.leavers)
		return 1;
	size_t cells = im->file.row_count * im->file.purpose_count;
	for (size_t i = 0; i < cells; i++)
		if (im->cells[i] == CELL_REMEMBER)
			return 1;
	for (size_t i = 0; i < im->file.row_count; i++)
		for (int f = 0; f < FLAG_COUNT; f++)
			if (im->plans[i].flags[f] == CELL_REMEMBER)
				return 1;
	return 0;
}

/* The faults into the report, and the store's message. */
static int refuse(struct import *im, int code)
{
	const struct pc__import_faults *f = &im->file.faults;
	for (size_t i = 0; i < f->count; i++)
		if (lines_add(&im->lines->errors, "%s", f->items[i]))
			return PC_ENOMEM;
	if (f->more && lines_add(&im->lines->errors, "and %zu more fault%s", f->more,
	                         f->more == 1 ? "" : "s"))
		return PC_ENOMEM;
	size_t total = pc__import_fault_total(f);
	/* It names the file already ("cannot open 'x.csv': ..."). */
	if (code == PC_EOPEN && f->count)
		return pc__store_fail(im->store, code, "%s", f->items[0]);
	if (total == 1)
		return pc__store_fail(im->store, code, "cannot import '%s': %s", im->path,
		                      f->items[0]);
	return pc__store_fail(im->store, code, "cannot import '%s': %zu faults, so nothing "
	                      "was imported", im->path, total);
}

/* A line that says how the file was read, when a person would not expect
 * it: text that is not UTF-8. A UTF-8 file with or without a byte order
 * mark, and any of the three separators, are read without a word. */
static int note_shape(struct import *im)
{
	const struct pc__csv_shape *shape = &im->file.shape;
	if (shape->encoding != PC__CSV_CP1252)
		return 0;
	return lines_add(&im->lines->notices, "'%s' is not UTF-8 (from line %zu): read as "
	                 "Windows-1252, as Excel saves \"CSV\"; check that names with "
	                 "accents look right in 'photoconsent pupil list'", im->file_name,
	                 shape->first_foreign_line);
}

/* Whether a failure to write the file's rows is the file's fault (a row
 * the database refuses), reported as a refusal, not an error. */
static int file_fault(int code)
{
	return code == PC_EFORMAT || code == PC_ETOOBIG || code == PC_ENOTFOUND ||
	       code == PC_EEXISTS;
}

int pc_store_import_csv(pc_import_report **out, pc_store *store, const char *csv_path,
                        const struct pc_import_options *opts, struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, csv_path);
	static const struct pc_import_options defaults = PC_IMPORT_OPTIONS_INIT;
	if (!opts)
		opts = &defaults;
	int ret = pc__options_check(err, opts->version, PC_IMPORT_OPTIONS_VERSION,
	                            "struct pc_import_options");
	if (ret)
		return ret;
	unsigned flags = opts->flags;
	ret = PC_ENOMEM;
	int began = 0, dry_run = (flags & PC_IMPORT_DRY_RUN) != 0;
	struct pc_purpose_list *purposes = NULL;
	struct import im;
	memset(&im, 0, sizeof(im));
	pc__buf_init(&im.text, 0);
	im.store = store;
	im.path = csv_path;
	const char *slash = strrchr(csv_path, '/');
	im.file_name = slash ? slash + 1 : csv_path;
	im.by = opts->by ? opts->by : "import";
	im.prefer_file = (flags & PC_IMPORT_PREFER_FILE) != 0;
	im.leavers_left_on = opts->leavers_left_on;
	pc_date_today(im.today);
	/* Cleared, so that a failure of our own below can tell itself from
	 * one the store has explained. */
	pc__store_fail(store, 0, "%s", "");

	if (!(im.report = calloc(1, sizeof(*im.report))))
		goto done;
	im.lines = &im.report->lines;

	if (im.leavers_left_on && (ret = pc__store_check_date(store, im.leavers_left_on)))
		goto done;
	if ((ret = pc_store_purpose_list(&purposes, store, NULL)))
		goto done;
	ret = pc__import_file_read(&im.file, csv_path, purposes);
	if (ret == PC_ENOMEM)
		goto done;
	if (note_shape(&im)) {
		ret = PC_ENOMEM;
		goto done;
	}
	if (ret || pc__import_fault_total(&im.file.faults)) {
		ret = refuse(&im, ret ? ret : PC_EFORMAT);
		/* A file that was read and found wanting is a result. */
		if (ret == PC_EFORMAT || ret == PC_ETOOBIG) {
			im.report->counts.refused_file = ret;
			ret = 0;
		}
		goto done;
	}
	im.report->counts.rows = im.file.row_count;

	/* The write lock is taken before comparing, so that what is written
	 * is the difference from what the database holds, even while someone
	 * else records a withdrawal. */
	if (!dry_run) {
		if ((ret = pc__store_begin(store)))
			goto done;
		began = 1;
	}
	if ((ret = diff(&im)))
		goto done;
	if (!dry_run && has_writes(&im)) {
		size_t line = 0;
		if ((ret = apply(&im, &line))) {
			char *why = strdup(pc__store_message(store));
			pc__store_rollback(store);
			began = 0;
			if (!why)
				ret = PC_ENOMEM;
			char at[40] = "";
			if (line)
				snprintf(at, sizeof(at), "line %zu: ", line);
			pc__store_fail(store, ret, "cannot import '%s': %s%s; nothing was imported",
			               csv_path, at, why ? why : "cannot write");
			if (file_fault(ret)) {
				if (lines_add(&im.lines->errors, "line %zu: %s", line, why)) {
					ret = PC_ENOMEM;
				} else {
					im.report->counts.refused_file = ret;
					ret = 0;
				}
			}
			free(why);
			goto done;
		}
		began = 0;
		if ((ret = pc__store_commit(store)))
			goto done;
	}
	ret = 0;
done:
	/* Nothing to write: end the transaction without a commit, so that
	 * not a byte of the file changes. */
	if (began)
		pc__store_rollback(store);
	if (ret == PC_ENOMEM && !*pc__store_message(store))
		pc__store_fail(store, ret, "cannot import '%s': out of memory", csv_path);
	if (!ret)
		*out = im.report;
	else
		pc_import_report_free(im.report);
	pc__buf_release(&im.text);
	free(im.leavers);
	free(im.last_seq);
	free(im.cells);
	free(im.plans);
	pc__strindex_release(&im.db_ids);
	for (size_t i = 0; im.db_keys && i < im.db->count; i++)
		free(im.db_keys[i]);
	free(im.db_keys);
	pc_pupil_list_free(im.db);
	pc__import_file_release(&im.file);
	pc_purpose_list_free(purposes);
	return pc__store_result(store, ret, err);
}
