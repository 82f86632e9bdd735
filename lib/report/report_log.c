/*
 * report_log.c: a row of the audit log for a person (a line) and for
 * scripts (a JSON object, a line), as `photoconsent log` prints them.
 *
 * Everything in a row came from a file's name or the database: the line
 * passes it through the printable filter, the JSON through the JSON
 * string escapes. A row is always told with the date it was judged as of,
 * so that a check run with --on in the past never reads as cleared today.
 */
#include "base/buf.h"
#include "base/text.h"
#include "base/error.h"
#include "base/json.h"
#include "photoconsent/photoconsent.h"

/* ---------------------------------------------------------------- text */

/* "  reasons: a, b" (nothing for an empty list). */
static int text_list(struct pc__buf *b, const char *label, const char *const *items,
                     size_t count)
{
	int err = 0;
	for (size_t i = 0; i < count && !err; i++) {
		err = i ? pc__buf_puts(b, ", ") : pc__buf_printf(b, "  %s: ", label);
		err = err ? err : pc__buf_put_printable(b, items[i]);
	}
	return err;
}

/* When, who, and "check" or "scan N". */
static int text_head(struct pc__buf *b, const char *at, const char *by, const char *command,
                     long long scan_id)
{
	int err = pc__buf_put_printable(b, at);
	err = err ? err : pc__buf_puts(b, "  ");
	err = err ? err : pc__buf_put_printable(b, by);
	err = err ? err : pc__buf_puts(b, "  ");
	err = err ? err : pc__buf_put_printable(b, command);
	if (!err && scan_id)
		err = pc__buf_printf(b, " %lld", scan_id);
	return err;
}

static int text_judged(struct pc__buf *b, const char *purpose, const char *on)
{
	int err = pc__buf_puts(b, "  ");
	err = err ? err : pc__buf_put_printable(b, purpose);
	if (on) {
		err = err ? err : pc__buf_puts(b, "  judged as of ");
		err = err ? err : pc__buf_put_printable(b, on);
	} else {
		/* Written before the log kept the date. */
		err = err ? err : pc__buf_puts(b, "  judged as of: not recorded");
	}
	return err;
}

static int text_photo(struct pc__buf *b, const struct pc_log_entry *e)
{
	int err = text_head(b, e->at, e->by, e->command, e->scan_id);
	err = err ? err : text_judged(b, e->purpose_id, e->on);
	err = err ? err : pc__buf_puts(b, "  ");
	err = err ? err : pc__buf_put_printable(b, e->verdict);
	err = err ? err : pc__buf_puts(b, "  ");
	err = err ? err : pc__buf_put_printable(b, e->file);
	err = err ? err : text_list(b, "reasons", e->reasons, e->reason_count);
	err = err ? err : text_list(b, "warnings", e->warnings, e->warning_count);
	return err ? err : text_list(b, "pupils", e->pupils, e->pupil_count);
}

static int text_scan(struct pc__buf *b, const struct pc_log_scan *s)
{
	int err = text_head(b, s->at, s->by, "scan", s->id);
	err = err ? err : text_judged(b, s->purpose_id, s->on);
	err = err ? err : pc__buf_printf(b, "  %zu photo%s: %zu share, %zu review, %zu do-not-share, "
	                                 "%zu unreadable; %zu skipped  of ", s->photos,
	                                 s->photos == 1 ? "" : "s", s->share, s->review,
	                                 s->do_not_share, s->unreadable, s->skipped);
	for (size_t i = 0; i < s->root_count && !err; i++) {
		err = i ? pc__buf_puts(b, ", ") : 0;
		err = err ? err : pc__buf_put_printable(b, s->roots[i]);
	}
	if (!err && s->finished_at) {
		err = pc__buf_puts(b, "  (logged ");
		err = err ? err : pc__buf_put_printable(b, s->finished_at);
		err = err ? err : pc__buf_putc(b, ')');
	}
	return err;
}

int pc_report_log_text(char **out, const struct pc_log_entry *photo,
                       const struct pc_log_scan *scan)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	/* Exactly one row. */
	if (!photo == !scan)
		return PC_EINVALID;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	int err = photo ? text_photo(&b, photo) : scan ? text_scan(&b, scan) : 0;
	err = err ? err : pc__buf_putc(&b, '\n');
	return pc__buf_finish(out, &b, err);
}

/* ---------------------------------------------------------------- JSON */

static int json_field(struct pc__buf *b, const char *name, const char *value)
{
	int err = pc__buf_printf(b, ", \"%s\": ", name);
	return err ? err : pc__json_string(b, value);
}

static int json_list(struct pc__buf *b, const char *name, const char *const *items,
                     size_t count)
{
	int err = pc__buf_printf(b, ", \"%s\": [", name);
	for (size_t i = 0; i < count && !err; i++) {
		err = i ? pc__buf_puts(b, ", ") : 0;
		err = err ? err : pc__json_string(b, items[i]);
	}
	return err ? err : pc__buf_putc(b, ']');
}

static int json_photo(struct pc__buf *b, const struct pc_log_entry *e)
{
	int err = pc__buf_printf(b, "{\"kind\": \"photo\", \"id\": %lld", e->id);
	err = err ? err : json_field(b, "at", e->at);
	err = err ? err : json_field(b, "by", e->by);
	err = err ? err : json_field(b, "command", e->command);
	if (!err && e->scan_id)
		err = pc__buf_printf(b, ", \"scan\": %lld", e->scan_id);
	else if (!err)
		err = pc__buf_puts(b, ", \"scan\": null");
	err = err ? err : json_field(b, "purpose", e->purpose_id);
	err = err ? err : json_field(b, "on", e->on);
	err = err ? err : json_field(b, "verdict", e->verdict);
	err = err ? err : json_field(b, "file", e->file);
	if (!err && e->size >= 0)
		err = pc__buf_printf(b, ", \"size\": %lld", e->size);
	else if (!err)
		err = pc__buf_puts(b, ", \"size\": null");
	err = err ? err : json_field(b, "mtime", e->mtime);
	err = err ? err : json_list(b, "reasons", e->reasons, e->reason_count);
	err = err ? err : json_list(b, "warnings", e->warnings, e->warning_count);
	err = err ? err : json_list(b, "pupils", e->pupils, e->pupil_count);
	return err ? err : pc__buf_putc(b, '}');
}

static int json_scan(struct pc__buf *b, const struct pc_log_scan *s)
{
	int err = pc__buf_printf(b, "{\"kind\": \"scan\", \"id\": %lld", s->id);
	err = err ? err : json_field(b, "at", s->at);
	err = err ? err : json_field(b, "finished", s->finished_at);
	err = err ? err : json_field(b, "by", s->by);
	err = err ? err : json_field(b, "command", "scan");
	err = err ? err : json_field(b, "purpose", s->purpose_id);
	err = err ? err : json_field(b, "on", s->on);
	err = err ? err : json_list(b, "roots", s->roots, s->root_count);
	err = err ? err : pc__buf_printf(b, ", \"photos\": %zu, \"share\": %zu, \"review\": %zu, "
	                                 "\"do_not_share\": %zu, \"unreadable\": %zu, "
	                                 "\"skipped\": %zu}", s->photos, s->share, s->review,
	                                 s->do_not_share, s->unreadable, s->skipped);
	return err;
}

int pc_report_log_json(char **out, const struct pc_log_entry *photo,
                       const struct pc_log_scan *scan)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	/* Exactly one row. */
	if (!photo == !scan)
		return PC_EINVALID;
	struct pc__buf b;
	pc__buf_init(&b, 0);
	int err = photo ? json_photo(&b, photo) : scan ? json_scan(&b, scan) : 0;
	err = err ? err : pc__buf_putc(&b, '\n');
	return pc__buf_finish(out, &b, err);
}
