/*
 * report_html_internal.h: what the page's files share: report_html.c
 * writes the page around the cards (report_html_card.c) and its files,
 * report_html_style.c the stylesheet, report_html_script.c the script.
 * Both the page and the cards write through html_escape.h.
 *
 * Invariants:
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

#include "report/html_escape.h"

/* The text of the page's <style> element. */
extern const char pc__html_style[];

/* The text of the page's one <script> element, and its hash as the
 * Content-Security-Policy writes it ("'sha256-<base64>'"); a unit test
 * recomputes the hash, so that the two cannot part. */
extern const char pc__html_script[];
extern const char pc__html_script_hash[];

#endif
