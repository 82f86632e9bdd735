/*
 * report_html.h: the contact sheet, one self-contained HTML file that a
 * member of staff opens in a browser: the summary on top, filters by
 * verdict, a search box, then a card per photo in path order (its
 * preview with the face boxes drawn over it, its file name linking to
 * the original, its verdict badge, its reasons). No network, no external
 * file: styles inline, previews as data URIs, one inline script (the
 * search box) allowed by its hash and nothing else; without the script
 * every card shows and the filters by verdict still work (they are CSS).
 *
 * Invariants:
 * - Memory stays flat however many photos, but for an index of the cards
 *   (path, offset, length each): cards are streamed to a temporary file
 *   beside the report as they come (made by pc__html_open and unlinked
 *   at once, so that nothing is ever left of it); the report is written
 *   whole when the scan ends (summary first, then the cards copied in,
 *   in the byte order of their paths) to a second temporary file beside
 *   it, mode 0600, and renamed into place, so that the file at `path` is
 *   either the last complete report or the new complete one, never half
 *   of one.
 * - Every string from a photo or the database is HTML-escaped, and bytes
 *   that are not UTF-8 become U+FFFD: the page is valid UTF-8. A link to
 *   a file percent-encodes every byte of its path but the unreserved
 *   characters and '/' (RFC 3986), so that it names exactly that file.
 * - The parent view names no child: no name, no id, no consent state, no
 *   face box, not even in an attribute (data-search holds the file name
 *   and the parent messages only); its cards give a count and the parent
 *   messages. Its summary lists no pupil.
 * - Each card is an <article> with class "card", a data-verdict attribute
 *   ("share", "review", "do-not-share", or "unreadable" when the file
 *   could not be read, whatever its verdict), a data-file attribute
 *   holding the photo's path, for tests and filters, and a data-search
 *   attribute holding what the search box looks in, one field a line.
 * - A face box is a <span class="box b-no|b-unsure|b-ok"> inside the
 *   preview's frame, which has the preview's own shape, placed in
 *   percentages of it: the region as inspect reports it (fractions of the
 *   displayed image), since the preview is turned upright the same way.
 * - The calls on one report are made by one thread; its cards
 *   (report_html_card.h) are made on any.
 * - Messages in *error are for a person ("cannot write the report
 *   'out/sheet.html': Permission denied"), the caller's to free().
 */
#ifndef PC_REPORT_HTML_H
#define PC_REPORT_HTML_H

#include "photoconsent/photoconsent.h"
#include "report/report_html_card.h"

struct pc__html;

/*
 * Opens the report to be written at `path`. Its cards' temporary file is
 * made now, beside it, so that a folder that cannot be written fails
 * before the scan starts. 0; PC_EOPEN with *error set (no such folder, a
 * folder that cannot be written, `path` is a folder); PC_ENOMEM when out
 * of memory (*error set when it could be).
 */
int pc__html_open(struct pc__html **out, char **error, const char *path, enum pc_view view);

/* The report's mode when it is written (permission bits; 0600 until set). */
void pc__html_set_mode(struct pc__html *html, unsigned mode);

/*
 * Appends a card, the card of the photo at `path` (its place in the
 * report: cards are sorted by path). 0; PC_EOPEN with *error set (a write
 * failed); PC_ETOOBIG with *error set (more cards or longer paths than
 * one report holds); PC_ENOMEM when out of memory (*error set when it
 * could be). A card that fails is not in the report; the others are.
 */
int pc__html_add(struct pc__html *html, char **error, const char *path, const char *card);

/*
 * Writes the report: its head (title, purpose, date), the summary table,
 * the filters and the search box, every card in path order, and renames
 * it into place. 0; PC_EOPEN with
 * *error set (nothing was changed at `path`, and it may be tried again);
 * PC_ENOMEM when out of memory, or when the report was already finished
 * (*error set when it could be).
 */
int pc__html_finish(struct pc__html *html, char **error, const struct pc_scan_summary *summary);

/* Frees (NULL is fine); removes what is left of the temporary files when
 * the report was not finished. */
void pc__html_free(struct pc__html *html);

#endif
