/* The reports of `photoconsent check`: a JSON line per photo for scripts,
 * a few lines per photo for a person, each in a staff form and a parent
 * form. Built from the verdict's public accessors only.
 *
 * The parent form never shows a child's name, id or consent state: it
 * says what report_parent.c says. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/error.h"
#include "base/json.h"
#include "report/report_parent.h"
#include "report/report_wrap.h"
#include "base/text.h"
#include "photoconsent/photoconsent.h"

/* ------------------------------------------------------------ helpers */

static int has_reason(const pc_verdict *v, const char *code)
{
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++)
		if (!strcmp(pc_verdict_reason(v, i)->code, code))
			return 1;
	return 0;
}

/* ------------------------------------------------------------ JSON */

/* The judged person's face box, or null. */
static int json_region(struct pc__buf *b, const struct pc_judged_person *p)
{
	struct pc_region r = { p->x, p->y, p->w, p->h };
	return pc__json_region(b, p->has_region ? &r : NULL);
}

static int json_reason(struct pc__buf *b, int first, const char *code, const char *message)
{
	int err = pc__buf_puts(b, first ? "{\"code\": " : ", {\"code\": ");
	err = err ? err : pc__json_string(b, code);
	err = err ? err : pc__buf_puts(b, ", \"message\": ");
	err = err ? err : pc__json_string(b, message ? message : "");
	return err ? err : pc__buf_putc(b, '}');
}

static int json_head(struct pc__buf *b, const pc_verdict *v)
{
	int err = pc__buf_puts(b, "{\"file\": ");
	err = err ? err : pc__json_string(b, pc_verdict_file(v));
	err = err ? err : pc__buf_puts(b, ", \"verdict\": ");
	err = err ? err : pc__json_string(b, pc_verdict_kind_name(pc_verdict_kind(v)));
	err = err ? err : pc__buf_puts(b, ", \"purpose\": ");
	err = err ? err : pc__json_string(b, pc_verdict_purpose(v));
	err = err ? err : pc__buf_puts(b, ", \"checked_on\": ");
	return err ? err : pc__json_string(b, pc_verdict_date(v));
}

static int json_event(struct pc__buf *b, const struct pc_verdict_event *e)
{
	int err = pc__buf_puts(b, "{\"id\": ");
	err = err ? err : pc__json_string(b, e->id);
	err = err ? err : pc__buf_puts(b, ", \"name\": ");
	err = err ? err : pc__json_string(b, e->name);
	err = err ? err : pc__buf_puts(b, ", \"matched_by\": ");
	err = err ? err : pc__json_string(b, e->matched_by);
	return err ? err : pc__buf_putc(b, '}');
}

static int json_staff(struct pc__buf *b, const pc_verdict *v)
{
	int err = json_head(b, v);
	/* "event" is the first; "events" every one whose restrictions apply. */
	err = err ? err : pc__buf_puts(b, ", \"event\": ");
	if (!err && !pc_verdict_event_count(v))
		err = pc__buf_puts(b, "null");
	else if (!err)
		err = json_event(b, pc_verdict_event(v, 0));
	err = err ? err : pc__buf_puts(b, ", \"events\": [");
	for (size_t i = 0; i < pc_verdict_event_count(v) && !err; i++) {
		err = i ? pc__buf_puts(b, ", ") : 0;
		err = err ? err : json_event(b, pc_verdict_event(v, i));
	}
	err = err ? err : pc__buf_putc(b, ']');
	err = err ? err : pc__buf_puts(b, ", \"people\": [");
	for (size_t i = 0; i < pc_verdict_person_count(v) && !err; i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		err = pc__buf_puts(b, i ? ", {\"tag\": " : "{\"tag\": ");
		err = err ? err : pc__json_string(b, p->tag);
		err = err ? err : pc__buf_puts(b, ", \"sources\": ");
		err = err ? err : pc__json_sources(b, p->sources);
		err = err ? err : pc__buf_puts(b, ", \"pupil\": ");
		err = err ? err : pc__json_string(b, p->pupil_id);
		err = err ? err : pc__buf_puts(b, ", \"match\": ");
		err = err ? err : pc__json_string(b, pc_person_match_name(p->match));
		err = err ? err : pc__buf_puts(b, ", \"consent\": ");
		err = err ? err : pc__json_string(b, pc_person_consent_name(p->consent));
		err = err ? err : pc__buf_puts(b, ", \"region\": ");
		err = err ? err : json_region(b, p);
		err = err ? err : pc__buf_putc(b, '}');
	}
	err = err ? err : pc__buf_puts(b, "], \"reasons\": [");
	for (size_t i = 0; i < pc_verdict_reason_count(v) && !err; i++) {
		const struct pc_reason *r = pc_verdict_reason(v, i);
		err = json_reason(b, !i, r->code, r->message);
	}
	err = err ? err : pc__buf_puts(b, "], \"warnings\": [");
	for (size_t i = 0; i < pc_verdict_warning_count(v) && !err; i++) {
		const struct pc_reason *r = pc_verdict_warning(v, i);
		err = json_reason(b, !i, r->code, r->message);
	}
	return err ? err : pc__buf_puts(b, "]}\n");
}

/* Parent reasons: the children who block as one count ("not-agreed"),
 * then each other reason once, in its parent message. */
/* One JSON reason of the parent view, after the first. */
struct json_list {
	struct pc__buf *b;
	int first;
};

static int json_parent_reason(void *ctx, const char *code, const char *message)
{
	struct json_list *l = ctx;
	int err = json_reason(l->b, l->first, code, message);
	l->first = 0;
	return err;
}

static int json_parent(struct pc__buf *b, const pc_verdict *v)
{
	struct json_list l = { b, 1 };
	int err = json_head(b, v);
	err = err ? err : pc__buf_printf(b, ", \"children\": %zu, \"blocking\": %zu, \"reasons\": [",
	                                 pc_verdict_children(v), pc_verdict_blocking(v));
	err = err ? err : pc__parent_reasons(v, json_parent_reason, &l);
	return err ? err : pc__buf_puts(b, "]}\n");
}

int pc_report_check_json(char **out, const pc_verdict *verdict, enum pc_view view)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(verdict);
	struct pc__buf b;
	pc__buf_init(&b, 0);
	int err = view == PC_VIEW_PARENT ? json_parent(&b, verdict) : json_staff(&b, verdict);
	return pc__buf_finish(out, &b, err);
}

/* ------------------------------------------------------------ text */

#define INDENT "    "
/* The verdict column: as wide as its longest word, "DO NOT SHARE". */
#define VERDICT_WIDTH 12
/* At most this many people are named on the people line; the reasons
 * above it already name every one who blocks. */
#define PEOPLE_LISTED 6

/* `text` after INDENT and `label`, wrapped (report_wrap.h). */
static int wrapped(struct pc__buf *b, const char *label, const char *text)
{
	return pc__report_wrapped(b, strlen(INDENT), label, text);
}

const char *pc_verdict_kind_label(enum pc_verdict_kind kind)
{
	switch (kind) {
	case PC_VERDICT_SHARE: return "SHARE";
	case PC_VERDICT_DO_NOT_SHARE: return "DO NOT SHARE";
	case PC_VERDICT_REVIEW: return "REVIEW";
	default: return "UNKNOWN";
	}
}

const char *pc_person_consent_name(enum pc_person_consent consent)
{
	switch (consent) {
	case PC_PERSON_CONSENT_NONE: return "none";
	case PC_PERSON_CONSENT_GRANTED: return "granted";
	case PC_PERSON_CONSENT_REFUSED: return "refused";
	case PC_PERSON_CONSENT_WITHDRAWN: return "withdrawn";
	case PC_PERSON_CONSENT_EXPIRED: return "expired";
	case PC_PERSON_CONSENT_LEFT: return "left";
	case PC_PERSON_CONSENT_NO_PHOTO: return "no-photo";
	default: return "unknown";
	}
}

/* The label first, as pc_report_check_text promises: a terminal colours it. */
static int headline(struct pc__buf *b, const pc_verdict *v)
{
	const char *word = pc_verdict_kind_label(pc_verdict_kind(v));
	int err = pc__buf_puts(b, word);
	err = err ? err : pc__buf_printf(b, "%*s", (int)(VERDICT_WIDTH + 2 - strlen(word)), "");
	err = err ? err : pc__buf_put_printable(b, pc_verdict_file(v));
	err = err ? err : pc__buf_puts(b, "  (");
	err = err ? err : pc__buf_put_printable(b, pc_verdict_purpose(v));
	return err ? err : pc__buf_puts(b, ")\n");
}

/* What a consent state reads as beside a name. */
static const char *consent_words(enum pc_person_consent consent)
{
	if (consent == PC_PERSON_CONSENT_NONE)
		return "no consent";
	if (consent == PC_PERSON_CONSENT_NO_PHOTO)
		return "no_photo";
	return pc_person_consent_name(consent);
}

/* "Amy Jones (granted)", "Katherine Smith as 'Katie Smith' (granted)",
 * "'Grace Hall' (no such pupil)", "'Jack Green' (several pupils)";
 * without the consent when no consent could matter (`consent` 0). */
static int text_person(struct pc__buf *b, const struct pc_judged_person *p, int consent)
{
	switch (p->match) {
	case PC_PERSON_EXACT:
	case PC_PERSON_ALIAS: {
		const char *name = p->pupil_name ? p->pupil_name : p->tag;
		int err = pc__buf_puts(b, name ? name : "?");
		if (!err && p->tag && name && strcmp(p->tag, name))
			err = pc__buf_printf(b, " as '%s'", p->tag);
		if (!consent)
			return err;
		return err ? err : pc__buf_printf(b, " (%s)", consent_words(p->consent));
	}
	case PC_PERSON_AMBIGUOUS:
		return pc__buf_printf(b, "'%s' (several pupils)", p->tag ? p->tag : "?");
	case PC_PERSON_UNKNOWN:
	default:
		return pc__buf_printf(b, "'%s' (no such pupil)", p->tag ? p->tag : "?");
	}
}

/* Who is in the photo, in one sentence: the first few named, how many
 * more, how many unnamed faces. */
static int text_people(struct pc__buf *b, const pc_verdict *v)
{
	size_t n = pc_verdict_person_count(v), unnamed = 0, listed = 0, named;
	/* A purpose that is always denied asks for no consent. */
	int consent = !has_reason(v, "always-denied");
	struct pc__buf line;
	pc__buf_init(&line, 0);
	for (size_t i = 0; i < n; i++)
		unnamed += !pc_verdict_person(v, i)->tag;
	named = n - unnamed;
	int err = n ? 0 : pc__buf_puts(&line, "none tagged");
	for (size_t i = 0; i < n && !err && listed < PEOPLE_LISTED; i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		if (!p->tag)
			continue;
		err = listed++ ? pc__buf_puts(&line, ", ") : 0;
		err = err ? err : text_person(&line, p, consent);
	}
	if (named > listed && !err)
		err = pc__buf_printf(&line, ", and %zu more", named - listed);
	if (unnamed && !err)
		err = pc__buf_printf(&line, "%s%zu unnamed %s", named ? "; " : "", unnamed,
		                     unnamed == 1 ? "face" : "faces");
	err = err ? err : wrapped(b, "people: ", line.data);
	pc__buf_release(&line);
	return err;
}

/* "event:  Sports Day 2026", or every one when several apply:
 * "events: Book Week 2026 (by the date taken), World Book Day 2026 (...)". */
static int text_event(struct pc__buf *b, const pc_verdict *v)
{
	size_t n = pc_verdict_event_count(v);
	if (!n)
		return 0;
	struct pc__buf line;
	pc__buf_init(&line, 0);
	int err = 0;
	for (size_t i = 0; i < n && !err; i++) {
		const struct pc_verdict_event *e = pc_verdict_event(v, i);
		err = pc__buf_printf(&line, "%s%s", i ? ", " : "", e->name ? e->name : e->id);
		if (!err && !strcmp(e->matched_by, "date"))
			err = pc__buf_puts(&line, " (by the date taken)");
		else if (!err && !strcmp(e->matched_by, "folder"))
			err = pc__buf_puts(&line, " (by its folder)");
	}
	err = err ? err : wrapped(b, n > 1 ? "events: " : "event:  ", line.data);
	pc__buf_release(&line);
	return err;
}

static int text_staff(struct pc__buf *b, const pc_verdict *v)
{
	int err = headline(b, v);
	for (size_t i = 0; i < pc_verdict_reason_count(v) && !err; i++)
		err = wrapped(b, "", pc_verdict_reason(v, i)->message);
	err = err ? err : text_people(b, v);
	err = err ? err : text_event(b, v);
	for (size_t i = 0; i < pc_verdict_warning_count(v) && !err; i++)
		err = wrapped(b, "warning: ", pc_verdict_warning(v, i)->message);
	return err;
}

static int text_parent_reason(void *ctx, const char *code, const char *message)
{
	(void)code;
	return wrapped(ctx, "", message);
}

static int text_parent_warning(void *ctx, const char *code, const char *message)
{
	(void)code;
	return wrapped(ctx, "warning: ", message);
}

static int text_parent(struct pc__buf *b, const pc_verdict *v)
{
	int err = headline(b, v);
	if (!err && pc_verdict_kind(v) == PC_VERDICT_SHARE)
		err = wrapped(b, "", "you may post this photo");
	if (!err && pc_verdict_kind(v) == PC_VERDICT_REVIEW)
		err = wrapped(b, "", "ask the school before you post this photo:");
	err = err ? err : pc__parent_reasons(v, text_parent_reason, b);
	return err ? err : pc__parent_warnings(v, text_parent_warning, b);
}

int pc_report_check_text(char **out, const pc_verdict *verdict, enum pc_view view)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(verdict);
	struct pc__buf b;
	pc__buf_init(&b, 0);
	int err = view == PC_VIEW_PARENT ? text_parent(&b, verdict)
	                                 : text_staff(&b, verdict);
	return pc__buf_finish(out, &b, err);
}
