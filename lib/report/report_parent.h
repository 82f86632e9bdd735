/*
 * report_parent.h: what the parent view of a verdict says, for every
 * report that has a parent form (check's text and JSON, scan's records,
 * the contact sheet), so that all of them tell a parent the same and no
 * more.
 *
 * The parent view never shows a child's name, id or consent state: the
 * reasons about one child's record or flags are folded into one count,
 * "N children in this photo have not agreed to this use" (code
 * not-agreed); the reasons about the photo itself (the purpose, the
 * event, doubts about who is in it) are given in their parent message,
 * each sentence once.
 */
#ifndef PC_REPORT_PARENT_H
#define PC_REPORT_PARENT_H

#include "photoconsent/photoconsent.h"

/* Called with each reason (or warning); a non-zero return stops the walk
 * and is returned. */
typedef int (*pc__parent_fn)(void *ctx, const char *code, const char *message);

/* The reasons, in the verdict's order, the not-agreed count first. 0, the
 * callback's value, or PC_ENOMEM when out of memory. */
int pc__parent_reasons(const pc_verdict *v, pc__parent_fn fn, void *ctx);

/* The warnings a parent may see (about the photo, not about a child's
 * consent: an expiring consent is another family's business). */
int pc__parent_warnings(const pc_verdict *v, pc__parent_fn fn, void *ctx);

#endif
