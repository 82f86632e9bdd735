/*
 * html_escape.h: writing HTML, for the contact sheet's page
 * (report_html.c) and its cards (report_html_card.c) alike.
 *
 * Invariants:
 * - A page is written into a pc__html_out, whose first error sticks: a
 *   run of calls, then one check at the end.
 * - pc__html_raw and pc__html_rawf write the page's own markup and
 *   numbers, never a string from a photo, a file name or the database;
 *   those go through pc__html_esc or pc__html_with, which escape them.
 * - It calls nothing of the report's: the page and the card call it, so
 *   that neither needs the other for escaping.
 */
#ifndef PC_REPORT_HTML_ESCAPE_H
#define PC_REPORT_HTML_ESCAPE_H

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

#endif
