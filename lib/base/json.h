/*
 * json.h: writing JSON into a buffer.
 *
 * Strings are escaped so that the output is valid JSON whatever a photo's
 * tags or a file's name contain: quotes, backslashes and control
 * characters are escaped; so are, as \uXXXX, the other characters that
 * are not printable (pc__cp_printable: C1 controls, U+2028 and U+2029,
 * bidirectional controls), so that the exact text is kept while a line
 * shown on a terminal holds no control. Other UTF-8 passes through, and a
 * byte that is not part of valid UTF-8 (file names are bytes) becomes
 * U+FFFD. Every line of JSON stays one line.
 */
#ifndef PC_JSON_H
#define PC_JSON_H

#include "base/buf.h"

/* A quoted string, or null for NULL. 0, or a pc__buf error. */
int pc__json_string(struct pc__buf *out, const char *s);
/* A number with enough digits for a fraction of an image (6 significant). */
int pc__json_number(struct pc__buf *out, double v);
/* The names of the enum pc_source bits set in `sources`, as an array. */
int pc__json_sources(struct pc__buf *out, unsigned sources);
/* {"x", "y", "w", "h"} of a face box, or null for NULL. */
struct pc_region;
int pc__json_region(struct pc__buf *out, const struct pc_region *r);

#endif
