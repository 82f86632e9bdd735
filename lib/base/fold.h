/*
 * fold.h: the one way names are compared.
 *
 * Two names are "the same" when their folded forms are equal: case folded,
 * accents removed (NFKD, then combining marks dropped), letters that have
 * no accent to strip but are typed without one replaced (Ł→l, Ø→o, ß→ss,
 * Æ→ae, Đ→d, Œ→oe, Þ→th), and runs of white space made one space with none
 * at either end. Every comparison of a tag with a name, a root or an event
 * goes through here, so the rules cannot drift apart.
 */
#ifndef PC_FOLD_H
#define PC_FOLD_H

/* A new folded copy of the UTF-8 string `s`, or NULL when out of memory
 * (or when `s` is not valid UTF-8). */
char *pc__fold(const char *s);

#endif
