/*
 * text.h: turning bytes from a photo into clean UTF-8 strings.
 *
 * Every string that leaves a metadata parser goes through one of these, so
 * the rest of the library can rely on it being valid UTF-8 with no NUL or
 * control characters inside and no space at either end. Each returns a new
 * string the caller frees, or NULL when out of memory.
 */
#ifndef PC_TEXT_H
#define PC_TEXT_H

#include <stddef.h>

struct pc__buf;

/* Non-zero when the `len` bytes are valid UTF-8 (no overlongs, no
 * surrogates, nothing past U+10FFFF). */
int pc__utf8_valid(const char *s, size_t len);

/* The length of the valid UTF-8 sequence at `s` (of at most `len` bytes),
 * or 0 when the bytes there are not one. */
size_t pc__utf8_sequence(const char *s, size_t len);
/* As pc__utf8_sequence, and the code point of the sequence into *cp. */
size_t pc__utf8_decode(const char *s, size_t len, unsigned long *cp);

/* Whether code point `cp` may be shown to a person as it is: not a C0 or
 * C1 control, DEL, a line or paragraph separator, nor a bidirectional
 * override, embedding or isolate (which can make "gpj.exe" read
 * "exe.jpg"). The one rule for what is printable. */
int pc__cp_printable(unsigned long cp);
/* Non-zero when the `len` bytes are valid UTF-8 and every character in
 * them is printable. */
int pc__text_printable(const char *s, size_t len);

/* Whether code point `cp` is a control character (C0, DEL or C1, Unicode's
 * category Cc): U+009B is a terminal's CSI as surely as ESC [ is. */
int pc__cp_control(unsigned long cp);
/* Non-zero when the `len` bytes of valid UTF-8 hold a control character
 * (pc__cp_control). The one check of every text written to the database,
 * by the import and by each command alike: no name, tag, note or setting
 * holds one, and a stray one would break every report that shows it. */
int pc__text_has_control(const char *s, size_t len);

/* UTF-8 input: invalid sequences become U+FFFD; stops at a NUL. */
char *pc__text_from_utf8(const char *s, size_t len);
/* Latin-1 (ISO 8859-1) input; stops at a NUL. */
char *pc__text_from_latin1(const char *s, size_t len);
/* UTF-8 when the bytes are valid UTF-8, else Latin-1 (what IPTC IIM text
 * without a character set, and EXIF ASCII fields written by careless
 * tools, turn out to be). */
char *pc__text_guess(const char *s, size_t len);
/* UTF-16 little-endian (EXIF XP* fields); stops at a NUL code unit; an
 * unpaired surrogate becomes U+FFFD. */
char *pc__text_from_utf16le(const unsigned char *s, size_t len);

/* `s` with its ASCII capitals made small, in place: ids and column names
 * compare ignoring ASCII case. */
void pc__ascii_lower(char *s);

/* The Levenshtein distance between two byte strings, for "did you mean";
 * SIZE_MAX when either is longer than 63 bytes. */
size_t pc__edit_distance(const char *a, const char *b);

/* The one of `names` nearest `typed` (an edit distance of 1 for a name of
 * under 5 bytes, 2 otherwise), or NULL when none is that near. */
const char *pc__nearest(const char *typed, const char *const *names, size_t count);

/* Cuts off a UTF-8 sequence that a bounded vsnprintf left half written at
 * the end of `s`, so that a cut message stays valid UTF-8. */
void pc__utf8_trim_cut(char *s);

/* Appends `s` (NULL as "") for a terminal, a log or a CSV cell: each
 * character that is not printable (pc__cp_printable: a C0 or C1 control,
 * a line or paragraph separator, a bidirectional control) and each byte
 * that is not part of valid UTF-8 (a file name is only bytes) as a '?', so
 * that a file name or a tag cannot move the cursor, colour the screen,
 * start a line or turn text around. Printable text goes across as it is. */
int pc__buf_put_printable(struct pc__buf *buf, const char *s);
/* As pc__buf_put_printable, for the `len` bytes at `s`. */
int pc__buf_put_printable_n(struct pc__buf *buf, const char *s, size_t len);

#endif
