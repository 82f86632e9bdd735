/*
 * report_html.h: the contact sheet, one self-contained HTML file that a
 * member of staff opens in a browser: the summary on top, filters by
 * verdict, then a card per photo (its preview, its verdict badge, its
 * reasons). No network, no external file: styles inline, previews as data
 * URIs, no script at all (the filters are CSS).
 *
 * Invariants:
 * - Memory stays flat however many photos: cards are streamed to a
 *   temporary file beside the report as they come (made by
 *   pc__html_open and unlinked at once, so that nothing is ever left of
 *   it); the report is written whole when the scan ends (summary first,
 *   then the cards copied in) to a second temporary file beside it, with
 *   the mode of any new file (0666 less the umask), and renamed into
 *   place, so that the file at `path` is either the last complete report
 *   or the new complete one, never half of one.
 * - Every string from a photo or the database is HTML-escaped, and bytes
 *   that are not UTF-8 become U+FFFD: the page is valid UTF-8.
 * - The parent view names no child: no name, no id, no consent state,
 *   not even in an attribute; its cards give a count and the parent
 *   messages. Its summary lists no pupil.
 * - Each card is an <article> with class "card", a data-verdict attribute
 *   ("share", "review", "do-not-share", or "unreadable" when the file
 *   could not be read, whatever its verdict), and a data-file attribute
 *   holding the photo's path, for tests and filters.
 * - pc__html_card may run on any thread at once; the other calls on one
 *   report are made by one thread.
 * - Messages in *error are for a person ("cannot write the report
 *   'out/sheet.html': Permission denied"), the caller's to free().
 */
#ifndef PC_REPORT_HTML_H
#define PC_REPORT_HTML_H

#include "photoconsent/photoconsent.h"

struct pc__html;

/*
 * Opens the report to be written at `path`. Its cards' temporary file is
 * made now, beside it, so that a folder that cannot be written fails
 * before the scan starts. 0; PC_EOPEN with *error set (no such folder, a
 * folder that cannot be written, `path` is a folder); PC_ERROR when out
 * of memory (*error set when it could be).
 */
int pc__html_open(struct pc__html **out, char **error, const char *path, enum pc_view view);

/*
 * One card, as HTML, into *out (the caller's, free()): pure, so that the
 * workers make cards in parallel. `thumb` is the preview's data URI
 * ("data:image/..."; anything else is not shown), or NULL (then
 * `thumb_error`, which may be NULL, says why there is none).
 * `unreadable`: the photo could not be read (its badge says so). 0 or
 * PC_ERROR (out of memory).
 */
int pc__html_card(char **out, const pc_verdict *verdict, enum pc_view view, int unreadable,
                  const char *thumb, const char *thumb_error);

/* Appends a card. 0, or PC_EOPEN with *error set (a write failed). */
int pc__html_add(struct pc__html *html, char **error, const char *card);

/*
 * Writes the report: its head (title, purpose, date), the summary table,
 * the filters, every card, and renames it into place. 0; PC_EOPEN with
 * *error set (nothing was changed at `path`, and it may be tried again);
 * PC_ERROR when out of memory, or when the report was already finished
 * (*error set when it could be).
 */
int pc__html_finish(struct pc__html *html, char **error, const struct pc_scan_summary *summary);

/* Frees (NULL is fine); removes what is left of the temporary files when
 * the report was not finished. */
void pc__html_free(struct pc__html *html);

#endif
