/*
 * report_scan.c: what `scan` writes: a record per photo (a few lines of
 * text, or a CSV row; the JSON line is check's own) and the summary
 * table at the end.
 *
 * CSV is for spreadsheets, which run a cell that begins with = + - @ (or
 * a tab or carriage return) as a formula: such a cell, which a hostile
 * tag or file name could make, is written with a leading apostrophe, as
 * spreadsheet programs themselves do to keep text as text. A cell holds
 * no control character, nor a byte that is not UTF-8: those are shown as
 * the text reports show them, '?'. Every field is quoted by libcsv, the
 * library the import reads CSV with.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "base/error.h"
#include "report/report_parent.h"
#include "report/report_scan.h"
#include "report/scan_summary.h"
#include "report/report_wrap.h"
#include "photoconsent/photoconsent.h"

/* ---------------------------------------------------------------- text */

/* The verdict column: as wide as its longest word, "DO NOT SHARE". */
#define VERDICT_WIDTH 14

/* The label first, as scan.h promises: a terminal colours it. */
static int text_headline(struct pc__buf *b, const pc_verdict *v)
{
	const char *word = pc_verdict_kind_label(pc_verdict_kind(v));
	int err = pc__buf_puts(b, word);
	err = err ? err : pc__buf_printf(b, "%*s", (int)(VERDICT_WIDTH - strlen(word)), "");
	err = err ? err : pc__buf_put_printable(b, pc_verdict_file(v));
	return err ? err : pc__buf_putc(b, '\n');
}

/* A reason or warning under the headline, wrapped as check wraps them. */
static int text_line(struct pc__buf *b, const char *label, const char *message)
{
	return pc__report_wrapped(b, VERDICT_WIDTH, label, message);
}

static int text_parent_reason(void *ctx, const char *code, const char *message)
{
	(void)code;
	return text_line(ctx, "", message);
}

static int text_parent_warning(void *ctx, const char *code, const char *message)
{
	(void)code;
	return text_line(ctx, "warning: ", message);
}

/* A reason without the policy sentence it ends with (": The school
 * publishes ..."): a scan says that once, in its summary, not on every
 * photo that a refusal keeps back. */
static int text_staff_reason(struct pc__buf *b, const char *message, const char *policy)
{
	size_t len = strlen(message), plen = policy ? strlen(policy) : 0;
	if (plen && len > plen + 2 && !strcmp(message + len - plen, policy) &&
	    !memcmp(message + len - plen - 2, ": ", 2)) {
		struct pc__buf cut;
		pc__buf_init(&cut, 0);
		int err = pc__buf_append(&cut, message, len - plen - 2) ||
		          text_line(b, "", cut.data);
		pc__buf_release(&cut);
		return err ? PC_ENOMEM : 0;
	}
	return text_line(b, "", message);
}

/* The verdict and the file; under it each reason and each warning (GPS,
 * a caption naming a pupil, a consent about to expire), as check shows
 * them. */
static int text_record(struct pc__buf *b, const pc_verdict *v, enum pc_view view,
                       const char *policy)
{
	int err = text_headline(b, v);
	if (view == PC_VIEW_PARENT) {
		err = err ? err : pc__parent_reasons(v, text_parent_reason, b);
		return err ? err : pc__parent_warnings(v, text_parent_warning, b);
	}
	for (size_t i = 0; i < pc_verdict_reason_count(v) && !err; i++)
		err = text_staff_reason(b, pc_verdict_reason(v, i)->message, policy);
	for (size_t i = 0; i < pc_verdict_warning_count(v) && !err; i++)
		err = text_line(b, "warning: ", pc_verdict_warning(v, i)->message);
	return err;
}

/* ----------------------------------------------------------------- CSV */

/* A UTF-8 byte order mark first: without it Excel reads the file as the
 * machine's code page and shows "ZoÃ«" for "Zoë". */
#define BOM "\xEF\xBB\xBF"
static const char CSV_STAFF[] = BOM
	"file,verdict,purpose,checked_on,event,people,reason_codes,reasons,warnings\n";
static const char CSV_PARENT[] = BOM
	"file,verdict,purpose,checked_on,children,blocking,reason_codes,reasons\n";

const char *pc_scan_csv_header(enum pc_view view)
{
	return view == PC_VIEW_PARENT ? CSV_PARENT : CSV_STAFF;
}

/* One field, shown as a terminal would be given it (pc__buf_put_printable:
 * a spreadsheet is read by a person, and a CSV file ends up on terminals
 * too), quoted by libcsv, defused for spreadsheets; a comma before it
 * unless it is the first. */
static int csv_field(struct pc__buf *b, const char *s, int first)
{
	s = s ? s : "";
	int defuse = strchr("=+-@\t\r", s[0]) && s[0];
	struct pc__buf cell;
	pc__buf_init(&cell, 0);
	int err = (defuse && pc__buf_putc(&cell, '\'')) || pc__buf_put_printable(&cell, s) ||
	          pc__buf_putc(&cell, '\0');
	if (!err) {
		/* csv_write says how much room a field takes: at most twice its
		 * length, plus the two quotes. */
		size_t need = csv_write(NULL, 0, cell.data, cell.len - 1);
		char *quoted = malloc(need ? need : 1);
		err = !quoted;
		if (quoted) {
			csv_write(quoted, need, cell.data, cell.len - 1);
			err = (!first && pc__buf_putc(b, ',')) || pc__buf_append(b, quoted, need);
			free(quoted);
		}
	}
	pc__buf_release(&cell);
	return err;
}

/* Joins with "; " into `out`. */
static int join(struct pc__buf *out, const char *s)
{
	return (out->len && pc__buf_puts(out, "; ")) || pc__buf_puts(out, s ? s : "");
}

static int csv_parent_reason(void *ctx, const char *code, const char *message)
{
	struct pc__buf *lists = ctx;
	return join(&lists[0], code) || join(&lists[1], message);
}

/* "Amy Jones (1001): granted; 'Grace Hall': no such pupil; 2 faces with
 * no name". */
static int csv_people(struct pc__buf *b, const pc_verdict *v)
{
	size_t unnamed = 0;
	int err = 0;
	for (size_t i = 0; i < pc_verdict_person_count(v) && !err; i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		if (!p->tag) {
			unnamed++;
			continue;
		}
		err = b->len && pc__buf_puts(b, "; ");
		if (err)
			break;
		if (p->match == PC_PERSON_EXACT || p->match == PC_PERSON_ALIAS)
			err = pc__buf_printf(b, "%s (%s): %s", p->pupil_name, p->pupil_id,
			                     pc_person_consent_name(p->consent));
		else if (p->match == PC_PERSON_AMBIGUOUS)
			err = pc__buf_printf(b, "'%s': several pupils", p->tag);
		else
			err = pc__buf_printf(b, "'%s': no such pupil", p->tag);
	}
	if (!err && unnamed)
		err = (b->len && pc__buf_puts(b, "; ")) ||
		      pc__buf_printf(b, "%zu face%s with no name", unnamed, unnamed == 1 ? "" : "s");
	return err;
}

static int csv_record(struct pc__buf *b, const pc_verdict *v, enum pc_view view)
{
	struct pc__buf lists[4]; /* codes, reasons, people, warnings */
	char number[2][24];
	int err = 0;

	for (int i = 0; i < 4; i++)
		pc__buf_init(&lists[i], 0);
	if (view == PC_VIEW_PARENT) {
		err = pc__parent_reasons(v, csv_parent_reason, lists) != 0;
	} else {
		for (size_t i = 0; i < pc_verdict_reason_count(v) && !err; i++)
			err = join(&lists[0], pc_verdict_reason(v, i)->code) ||
			      join(&lists[1], pc_verdict_reason(v, i)->message);
		err = err || csv_people(&lists[2], v);
		for (size_t i = 0; i < pc_verdict_warning_count(v) && !err; i++)
			err = join(&lists[3], pc_verdict_warning(v, i)->message);
	}
	for (int i = 0; i < 4 && !err; i++)
		err = pc__buf_putc(&lists[i], '\0') != 0;
	err = err || csv_field(b, pc_verdict_file(v), 1) ||
	      csv_field(b, pc_verdict_kind_name(pc_verdict_kind(v)), 0) ||
	      csv_field(b, pc_verdict_purpose(v), 0) || csv_field(b, pc_verdict_date(v), 0);
	if (!err && view == PC_VIEW_PARENT) {
		snprintf(number[0], sizeof(number[0]), "%zu", pc_verdict_children(v));
		snprintf(number[1], sizeof(number[1]), "%zu", pc_verdict_blocking(v));
		err = csv_field(b, number[0], 0) || csv_field(b, number[1], 0) ||
		      csv_field(b, lists[0].data, 0) || csv_field(b, lists[1].data, 0);
	} else if (!err) {
		err = csv_field(b, pc_verdict_event_name(v), 0) || csv_field(b, lists[2].data, 0) ||
		      csv_field(b, lists[0].data, 0) || csv_field(b, lists[1].data, 0) ||
		      csv_field(b, lists[3].data, 0);
	}
	for (int i = 0; i < 4; i++)
		pc__buf_release(&lists[i]);
	return err || pc__buf_putc(b, '\n');
}

int pc__scan_record(char **out, const pc_verdict *v, enum pc_view view,
                    enum pc_scan_format format, const char *policy)
{
	struct pc__buf b;
	*out = NULL;
	if (format == PC_SCAN_JSON)
		return pc_report_check_json(out, v, view);
	pc__buf_init(&b, 0);
	int err = format == PC_SCAN_CSV ? csv_record(&b, v, view)
	                                : text_record(&b, v, view, policy);
	return pc__buf_finish(out, &b, err);
}

/* ------------------------------------------------------------- summary */

static const char *const SKIP_WORDS[PC__SCAN_SKIP_KINDS] = {
	[PC_SCAN_NOT_JPEG] = "not a JPEG",
	[PC_SCAN_SPECIAL] = "FIFO, socket or device",
	[PC_SCAN_LOOP] = "symbolic link loop",
	[PC_SCAN_BROKEN_LINK] = "broken symbolic link",
	[PC_SCAN_NO_FOLDER] = "unreadable folder",
	[PC_SCAN_TOO_DEEP] = "too deep or too long a path",
	[PC_SCAN_OTHER_IMAGE] = "in a format not read",
};

const char *pc_scan_skip_name(enum pc_scan_skip kind)
{
	static const char *const names[PC__SCAN_SKIP_KINDS] = {
		[PC_SCAN_NOT_JPEG] = "not-jpeg",
		[PC_SCAN_SPECIAL] = "special-file",
		[PC_SCAN_LOOP] = "symlink-loop",
		[PC_SCAN_BROKEN_LINK] = "broken-link",
		[PC_SCAN_NO_FOLDER] = "unreadable-folder",
		[PC_SCAN_TOO_DEEP] = "too-deep",
		[PC_SCAN_OTHER_IMAGE] = "unreadable-image",
	};
	return (unsigned)kind < PC__SCAN_SKIP_KINDS ? names[kind] : "unknown";
}

static int summary_row(struct pc__buf *b, const char *label, size_t n, const char *note)
{
	int err = pc__buf_printf(b, "  %-*s %7zu", PC_SCAN_SUMMARY_LABEL_WIDTH, label, n);
	if (!err && note && *note)
		err = pc__buf_printf(b, "   %s", note);
	return err || pc__buf_putc(b, '\n');
}

static int skipped_note(struct pc__buf *note, const struct pc_scan_summary *s)
{
	int err = 0, first = 1;
	for (int k = 0; k < PC__SCAN_SKIP_KINDS && !err; k++) {
		if (!s->skipped_by_kind[k])
			continue;
		err = pc__buf_printf(note, "%s%zu %s", first ? "(" : ", ", s->skipped_by_kind[k],
		                     SKIP_WORDS[k]);
		first = 0;
	}
	return err || (!first && pc__buf_putc(note, ')')) || pc__buf_putc(note, '\0');
}

int pc_report_scan_summary(char **out, const pc_scan_summary *s)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(s);
	struct pc__buf b, note;
	pc__buf_init(&b, 0);
	pc__buf_init(&note, 0);
	double rate = s->seconds > 0 ? (double)s->photos / s->seconds : 0;
	int err = pc__buf_printf(&b, "\n%zu photo%s checked for ", s->photos,
	                         s->photos == 1 ? "" : "s") ||
	          pc__buf_put_printable(&b, s->purpose) || pc__buf_puts(&b, " as of ") ||
	          pc__buf_put_printable(&b, s->date) ||
	          pc__buf_printf(&b, " in %.1f s (%.0f a second)\n", s->seconds, rate);
	/* The verdicts' rows: their labels in lower case, as scan.h
	 * promises, so that a terminal can find them to colour. */
	static const enum pc_verdict_kind rows[] = { PC_VERDICT_SHARE, PC_VERDICT_REVIEW,
	                                             PC_VERDICT_DO_NOT_SHARE };
	const size_t counts[] = { s->share, s->review, s->do_not_share };
	for (size_t i = 0; i < 3 && !err; i++) {
		char label[PC_SCAN_SUMMARY_LABEL_WIDTH + 1];
		snprintf(label, sizeof(label), "%s", pc_verdict_kind_label(rows[i]));
		for (char *c = label; *c; c++)
			*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
		err = summary_row(&b, label, counts[i], NULL);
	}
	err = err || summary_row(&b, "unreadable", s->unreadable,
	                         s->unreadable ? "(could not be read: review them by eye)" : NULL);
	err = err || skipped_note(&note, s);
	err = err || summary_row(&b, "skipped", s->skipped, note.data);
	/* Said once here; the photos' reasons leave it out. */
	if (!err && s->policy && *s->policy && s->do_not_share) {
		err = pc__buf_puts(&b, "\nThe school's policy for ") ||
		      pc__buf_put_printable(&b, s->purpose) ||
		      pc__buf_puts(&b, ", which the refusals above rest on:\n") ||
		      pc__report_wrapped(&b, 2, "", s->policy);
	}
	if (!err && s->blocker_count) {
		err = pc__buf_puts(&b, "\nPupils who keep the most photos from being shared\n");
		for (size_t i = 0; i < s->blocker_count && !err; i++) {
			const struct pc_scan_blocker *k = &s->blockers[i];
			err = pc__buf_printf(&b, "  %7zu  ", k->photos) || pc__buf_put_printable(&b, k->name) ||
			      pc__buf_puts(&b, " (") || pc__buf_put_printable(&b, k->pupil_id) ||
			      (k->class_name && (pc__buf_puts(&b, ", ") || pc__buf_put_printable(&b, k->class_name))) ||
			      pc__buf_puts(&b, ")\n");
		}
	}
	pc__buf_release(&note);
	return pc__buf_finish(out, &b, err);
}
