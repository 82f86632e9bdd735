/*
 * report_html_internal.h: what the contact sheet's files share.
 * report_html_card.c writes a card, report_html.c the page around the
 * cards and its files, report_html_style.c the stylesheet.
 *
 * Invariants:
 * - A page is written into a pc__html_out, whose first error sticks: a
 *   run of calls, then one check at the end.
 * - pc__html_raw and pc__html_rawf write the page's own markup and
 *   numbers, never a string from a photo, a file name or the database;
 *   those go through pc__html_esc or pc__html_with, which escape them.
 * - The stylesheet loads nothing (no url(), no @import, no web font), and
 *   filters by verdict itself, from radio inputs that report_html.c writes
 *   before the filters and the cards, as their siblings: ids show-all,
 *   show-share, show-review, show-do-not-share, show-unreadable.
 * - The page runs one script, pc__html_script, which the page's
 *   Content-Security-Policy allows by its hash, pc__html_script_hash,
 *   and nothing else. It only hides cards (the `hidden` attribute) and
 *   shows the search box, which is hidden without it: with no script,
 *   every card shows. It reads the cards' data-search attributes and the
 *   page's ids search, q and found.
 */
#ifndef PC_REPORT_HTML_INTERNAL_H
#define PC_REPORT_HTML_INTERNAL_H

#include <stddef.h>

#include "base/buf.h"

struct pc__html_out {
	struct pc__buf b;
	int err; /* the first pc__buf error; then every call does nothing */
};

/* Markup as it is. */
void pc__html_raw(struct pc__html_out *o, const char *s);
void pc__html_rawf(struct pc__html_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * `s` (NULL: nothing) escaped, fit for an element's text or a quoted
 * attribute: & < > " ' as references; tabs and line breaks as references
 * too, so that an attribute gives back the very characters; other control
 * characters, and bytes that are not UTF-8 (a file name is only bytes),
 * as U+FFFD, so that the page is valid UTF-8 whatever it is given.
 */
void pc__html_esc(struct pc__html_out *o, const char *s);
/* `markup` with its one "%s" replaced by `s` escaped. */
void pc__html_with(struct pc__html_out *o, const char *markup, const char *s);

static inline const char *pc__html_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The text of the page's <style> element. */
extern const char pc__html_style[];

/* The text of the page's one <script> element, and its hash as the
 * Content-Security-Policy writes it ("'sha256-<base64>'"); a unit test
 * recomputes the hash, so that the two cannot part. */
extern const char pc__html_script[];
extern const char pc__html_script_hash[];

#endif
