/*
 * report_html_card.h: one card of the contact sheet (report_html.h says
 * what a card holds), made apart from the page so that workers make cards
 * in parallel and the page only files them.
 *
 * Invariants:
 * - pc__html_card may run on any thread at once: it reads the verdict's
 *   public accessors and writes its own buffer only.
 */
#ifndef PC_REPORT_HTML_CARD_H
#define PC_REPORT_HTML_CARD_H

#include "photoconsent/photoconsent.h"

/* What a card shows besides its verdict. A zeroed struct: a readable
 * photo with no preview, no link when its path is relative, no class. */
struct pc__html_card_info {
	int unreadable;            /* the photo could not be read (its badge says so) */
	const char *thumb;         /* the preview's data URI ("data:image/..."; anything
	                              else is not shown), or NULL */
	unsigned thumb_w, thumb_h; /* the preview's size, upright; 0 when unknown (then
	                              it is fitted into its box and no face is boxed) */
	const char *thumb_error;   /* why there is no preview, or NULL */
	const char *cwd;           /* the absolute folder a relative path is relative
	                              to, for the file:// link; NULL: no link then */
	/* The class of the pupil `pupil_id` (staff view), or NULL; `class_of`
	 * NULL: no class is known. Called on the card's thread. */
	const char *(*class_of)(const void *ctx, const char *pupil_id);
	const void *class_ctx;
};

/*
 * One card, as HTML, into *out (the caller's, free()): pure, so that the
 * workers make cards in parallel. `info` may be NULL (all zero). 0 or
 * PC_ENOMEM (out of memory).
 */
int pc__html_card(char **out, const pc_verdict *verdict, enum pc_view view,
                  const struct pc__html_card_info *info);

#endif
