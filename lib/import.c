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

#include "buf.h"
#include "fold.h"
#include "import_rows.h"
#include "store_internal.h"

/* ------------------------------------------------------------------------
 * The report.
 */
struct lines {
	char **items;
	size_t count, alloc;
};

struct report_priv {
	struct lines changes, missing, errors;
};

static int lines_add(struct lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int lines_add(struct lines *l, const char *fmt, ...)
{
	if (l->count == l->alloc) {
		size_t alloc = l->alloc ? l->alloc * 2 : 64;
		char **items = realloc(l->items, alloc * sizeof(*items));
		if (!items)
			return PC_ERROR;
		l->items = items;
		l->alloc = alloc;
	}
	va_list ap;
	va_start(ap, fmt);
	char *s = pc__vformat(fmt, ap);
	va_end(ap);
	if (!s)
		return PC_ERROR;
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

void pc_import_report_free(struct pc_import_report *report)
{
	if (!report)
		return;
	struct report_priv *priv = report->priv;
	if (priv) {
		lines_release(&priv->changes);
		lines_release(&priv->missing);
		lines_release(&priv->errors);
		free(priv);
	}
	free(report);
}

static struct pc_import_report *report_new(void)
{
	struct pc_import_report *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->priv = calloc(1, sizeof(struct report_priv));
	if (!r->priv) {
		free(r);
		return NULL;
	}
	return r;
}

/* Points the report's lists at their lines, once they have stopped
 * growing. */
static void report_seal(struct pc_import_report *r)
{
	struct report_priv *priv = r->priv;
	r->changes = (const char *const *)priv->changes.items;
	r->change_count = priv->changes.count;
	r->missing = (const char *const *)priv->missing.items;
	r->missing_count = priv->missing.count;
	r->errors = (const char *const *)priv->errors.items;
	r->error_count = priv->errors.count;
}

/* ------------------------------------------------------------------------
 * Comparing.
 */
enum pupil_action { PUPIL_KEEP, PUPIL_ADD, PUPIL_UPDATE };

struct import {
	pc_store *store;
	const char *path;
	const char *file_name;             /* for notes: the path's last part */
	const char *by;
	struct pc__import_file file;
	struct pc_pupil_list *db;          /* every pupil, as the database has them */
	struct pc__strindex db_ids;    /* pupil id -> index into db */
	enum pupil_action *actions;        /* per row */
	unsigned char *append;             /* per row and file purpose: 1 to append */
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

/* The pupil as the row would leave it: a column the file does not have
 * keeps what the database holds. `was` is NULL for a new pupil. */
static void merged(const struct import *im, const struct pc__import_row *r,
                   const struct pc_pupil *was, struct pc_pupil *out)
{
	const int *has = im->file.has;
	memset(out, 0, sizeof(*out));
	out->id = r->id;
	out->forename = r->forename;
	out->surname = r->surname;
	out->preferred_name = has[PC__COL_PREFERRED_NAME] || !was ? r->preferred_name
	                                                          : was->preferred_name;
	out->class_name = has[PC__COL_CLASS] || !was ? r->class_name : was->class_name;
	out->no_photo = has[PC__COL_NO_PHOTO] || !was ? r->no_photo : was->no_photo;
	out->no_name = has[PC__COL_NO_NAME] || !was ? r->no_name : was->no_name;
	out->left_on = has[PC__COL_LEFT_ON] || !was ? r->left_on : was->left_on;
	out->aliases = r->aliases;
	out->alias_count = r->alias_count;
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
	int ret = PC_ERROR;
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
	return err ? PC_ERROR : 0;
}

static int diff_pupil(struct import *im, size_t ri)
{
	const struct pc__import_row *r = &im->file.rows[ri];
	struct pc_import_report *rep = im->report;
	struct pc__buf *b = &im->text;
	struct pc_pupil now;
	size_t di;

	if (!pc__strindex_get(&im->db_ids, r->id, &di)) {
		merged(im, r, NULL, &now);
		im->actions[ri] = PUPIL_ADD;
		rep->pupils_added++;
		if (describe_pupil(b, &now))
			return PC_ERROR;
		return lines_add(&im->lines->changes, "line %zu: pupil %s %s %s added%s",
		                 r->line, r->id, r->forename, r->surname, b->data);
	}

	const struct pc_pupil *was = &im->db->items[di];
	merged(im, r, was, &now);
	b->len = 0;
	int err = pc__buf_append(b, "", 0);
	if (!err)
		err = describe_text(b, "forename", was->forename, now.forename);
	if (!err)
		err = describe_text(b, "surname", was->surname, now.surname);
	if (!err)
		err = describe_text(b, "preferred_name", was->preferred_name, now.preferred_name);
	if (!err)
		err = describe_text(b, "class", was->class_name, now.class_name);
	if (!err)
		err = describe_flag(b, "no_photo", was->no_photo, now.no_photo);
	if (!err)
		err = describe_flag(b, "no_name", was->no_name, now.no_name);
	if (!err)
		err = describe_text(b, "left_on", was->left_on, now.left_on);
	if (!err)
		err = describe_aliases(b, was, r);
	if (err)
		return PC_ERROR;
	if (!b->len) {
		rep->pupils_unchanged++;
		return 0;
	}
	im->actions[ri] = PUPIL_UPDATE;
	rep->pupils_changed++;
	return lines_add(&im->lines->changes, "line %zu: pupil %s %s %s changed: %s",
	                 r->line, r->id, r->forename, r->surname, b->data);
}

static const char *decision_name(enum pc_decision d)
{
	switch (d) {
	case PC_DECISION_GRANTED: return "granted";
	case PC_DECISION_REFUSED: return "refused";
	case PC_DECISION_WITHDRAWN: return "withdrawn";
	}
	return "?";
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

static int diff_consent(struct import *im, size_t ri, size_t k)
{
	int ret = PC_ERROR;
	struct pc_consent_list *latest = NULL;
	const struct pc__import_row *r = &im->file.rows[ri];
	const char *purpose = im->file.purposes[k];
	enum pc_decision d = r->decisions[k];
	struct pc__buf *b = &im->text;

	if (im->actions[ri] != PUPIL_ADD) {
		ret = pc__store_consent_latest(im->store, r->id, purpose, &latest);
		if (ret)
			goto done;
		ret = PC_ERROR;
		if (latest->count) {
			const struct pc_consent_record *was = &latest->items[0];
			if (was->decision == d && same_text(was->signed_on, r->signed_on) &&
			    same_text(was->expires_on, r->expires_on)) {
				im->report->consents_unchanged++;
				ret = 0;
				goto done;
			}
		}
	}

	im->append[ri * im->file.purpose_count + k] = 1;
	if (d == PC_DECISION_GRANTED)
		im->report->granted++;
	else
		im->report->refused++;
	b->len = 0;
	if (pc__buf_printf(b, "line %zu: %s %s %s", r->line, r->id, purpose, decision_name(d)) ||
	    describe_dates(b, r->signed_on, r->expires_on))
		goto done;
	if (latest && latest->count) {
		const struct pc_consent_record *was = &latest->items[0];
		if (pc__buf_printf(b, " (was %s", decision_name(was->decision)) ||
		    (was->decision == PC_DECISION_WITHDRAWN && was->withdrawn_on &&
		     pc__buf_printf(b, " on %s", was->withdrawn_on)) ||
		    describe_dates(b, was->signed_on, was->expires_on) ||
		    pc__buf_putc(b, ')'))
			goto done;
	}
	ret = lines_add(&im->lines->changes, "%s", b->data);
done:
	pc_consent_list_free(latest);
	return ret;
}

/* Compares every row with the database; fills the report and the plan. */
static int diff(struct import *im)
{
	int ret = pc_store_pupil_list(im->store, NULL, &im->db);
	if (ret)
		return ret;
	for (size_t i = 0; i < im->db->count; i++) {
		size_t old;
		if (pc__strindex_add(&im->db_ids, im->db->items[i].id, i, &old) < 0)
			return PC_ERROR;
	}
	size_t rows = im->file.row_count, purposes = im->file.purpose_count;
	im->actions = calloc(rows ? rows : 1, sizeof(*im->actions));
	im->append = calloc(rows && purposes ? rows * purposes : 1, 1);
	if (!im->actions || !im->append)
		return PC_ERROR;

	for (size_t i = 0; i < rows; i++) {
		if ((ret = diff_pupil(im, i)))
			return ret;
		for (size_t k = 0; k < purposes; k++)
			if (im->file.rows[i].decisions[k] && (ret = diff_consent(im, i, k)))
				return ret;
	}

	/* Never deleted: a pupil the MIS no longer lists has usually left,
	 * and the consent history must stay. */
	for (size_t i = 0; i < im->db->count; i++) {
		const struct pc_pupil *p = &im->db->items[i];
		size_t ri;
		if (pc__strindex_get(&im->file.ids, p->id, &ri))
			continue;
		if (describe_pupil(&im->text, p) ||
		    lines_add(&im->lines->missing, "%s %s %s%s", p->id, p->forename, p->surname,
		              im->text.data))
			return PC_ERROR;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Writing.
 */

/* Writes the plan; the caller has begun the transaction. On failure
 * *line is the row that failed. */
static int apply(struct import *im, size_t *line)
{
	int ret = 0;
	char note[512];
	for (size_t i = 0; i < im->file.row_count && !ret; i++) {
		const struct pc__import_row *r = &im->file.rows[i];
		struct pc_pupil p;
		size_t di;
		*line = r->line;
		if (im->actions[i] == PUPIL_ADD) {
			merged(im, r, NULL, &p);
			ret = pc_store_pupil_add(im->store, &p, im->by);
		} else if (im->actions[i] == PUPIL_UPDATE &&
		           pc__strindex_get(&im->db_ids, r->id, &di)) {
			merged(im, r, &im->db->items[di], &p);
			ret = pc__store_pupil_update(im->store, &p, im->by);
		}
		snprintf(note, sizeof(note), "imported from %s line %zu", im->file_name, r->line);
		for (size_t k = 0; k < im->file.purpose_count && !ret; k++) {
			if (!im->append[i * im->file.purpose_count + k])
				continue;
			struct pc_consent_record rec;
			memset(&rec, 0, sizeof(rec));
			rec.pupil_id = r->id;
			rec.purpose_id = im->file.purposes[k];
			rec.decision = r->decisions[k];
			rec.signed_on = r->signed_on;
			rec.expires_on = r->expires_on;
			rec.recorded_by = im->by;
			rec.note = note;
			ret = pc_store_consent_add(im->store, &rec);
		}
	}
	return ret;
}

static int has_writes(const struct import *im)
{
	const struct pc_import_report *r = im->report;
	return r->pupils_added || r->pupils_changed || r->granted || r->refused;
}

/* The faults into the report, and the store's message. */
static int refuse(struct import *im, int code)
{
	const struct pc__import_faults *f = &im->file.faults;
	for (size_t i = 0; i < f->count; i++)
		if (lines_add(&im->lines->errors, "%s", f->items[i]))
			return PC_ERROR;
	if (f->more && lines_add(&im->lines->errors, "and %zu more fault%s", f->more,
	                         f->more == 1 ? "" : "s"))
		return PC_ERROR;
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

int pc_store_import_csv(pc_store *store, const char *csv_path, int dry_run,
                        const char *by, struct pc_import_report **out)
{
	int ret = PC_ERROR;
	int began = 0;
	struct pc_purpose_list *purposes = NULL;
	struct import im;
	memset(&im, 0, sizeof(im));
	pc__buf_init(&im.text, 0);
	im.store = store;
	im.path = csv_path;
	const char *slash = strrchr(csv_path, '/');
	im.file_name = slash ? slash + 1 : csv_path;
	im.by = by ? by : "import";
	*out = NULL;
	/* Cleared, so that a failure of our own below can tell itself from
	 * one the store has explained. */
	pc__store_fail(store, 0, "%s", "");

	if (!(im.report = report_new()))
		goto done;
	im.lines = im.report->priv;

	if ((ret = pc_store_purpose_list(store, &purposes)))
		goto done;
	ret = pc__import_file_read(&im.file, csv_path, purposes);
	if (ret == PC_ERROR)
		goto done;
	if (ret || pc__import_fault_total(&im.file.faults)) {
		ret = refuse(&im, ret ? ret : PC_EFORMAT);
		goto done;
	}
	im.report->rows = im.file.row_count;

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
			char *why = strdup(pc_store_error(store));
			if (ret != PC_ERROR && lines_add(&im.lines->errors, "line %zu: %s", line,
			                                 why ? why : "cannot write"))
				ret = PC_ERROR;
			pc__store_rollback(store);
			began = 0;
			pc__store_fail(store, ret, "cannot import '%s': line %zu: %s; nothing was "
			               "imported", csv_path, line, why ? why : "cannot write");
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
	if (ret == PC_ERROR && !*pc_store_error(store))
		pc__store_fail(store, ret, "cannot import '%s': out of memory", csv_path);
	if (im.report) {
		report_seal(im.report);
		if (ret != PC_ERROR)
			*out = im.report;
		else
			pc_import_report_free(im.report);
	}
	pc__buf_release(&im.text);
	free(im.append);
	free(im.actions);
	pc__strindex_release(&im.db_ids);
	pc_pupil_list_free(im.db);
	pc__import_file_release(&im.file);
	pc_purpose_list_free(purposes);
	return ret;
}
