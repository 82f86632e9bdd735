/*
 * report_wrap.h: a paragraph of a text report, wrapped for a terminal.
 * check and scan lay out their reasons and warnings the same way, so that
 * a person reads them alike.
 */
#ifndef PC_REPORT_WRAP_H
#define PC_REPORT_WRAP_H

#include <stddef.h>

#include "base/buf.h"
#include "base/text.h"

/* Lines are wrapped to fit a classic 80-column terminal. */
#define PC__REPORT_WIDTH 80

/*
 * Appends `text` after `indent` spaces and `label`, wrapped at spaces to
 * PC__REPORT_WIDTH columns; continuation lines line up under the text's
 * first character, or hang two further in when there is no label, so that
 * each reason stands out. A word longer than a line stands alone. The
 * text is shown as pc__buf_put_printable shows it. Ends
 * with a newline. 0, or PC_ENOMEM when out of memory.
 */
int pc__report_wrapped(struct pc__buf *b, size_t indent, const char *label, const char *text);

#endif
