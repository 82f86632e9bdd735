/*
 * needles.h: the names looked for in a photo's words, one set per pupil.
 *
 * The snapshot builds them once per pupil when it loads (snapshot.c); the
 * names stage looks for them in each photo's captions, keywords and file
 * and folder names (policy_names.c), which it makes into words with
 * pc__needles_words, so that a name and the words it is looked for in are
 * made the same way. This file calls only lib/base: it is a leaf of the
 * judge.
 */
#ifndef PC_NEEDLES_H
#define PC_NEEDLES_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"

/* The names that name one pupil in the photo's words: "Forename
 * Surname" and "Surname, Forename", the same with the preferred name,
 * each alias; folded for the texts (`text`), and made into words for file
 * and folder names (`file`), where the surname may come first and the
 * words may be run together. */
struct pc__needles {
	char **text;  /* folded, for captions and keywords */
	size_t text_n;
	char **file;  /* as words, for file and folder names: both orders, and
	                 run together ("isabellaward") */
	size_t file_n;
};

/* Builds `p`'s needles into *nd (the caller's). 0, or -1 when out of
 * memory; *nd is then half built, and pc__needles_release frees it. */
int pc__needles_build(struct pc__needles *nd, const struct pc_pupil *p);
/* Frees what *nd holds and zeroes it; a zeroed *nd is fine. */
void pc__needles_release(struct pc__needles *nd);
/* The `len` bytes at `s` as words, folded, the way the `file` needles are
 * made, so that a file or folder name is read the same way: every ASCII
 * character that is not a letter or an apostrophe made a space, and with
 * `part_cases` a space where a small letter meets a capital. NULL when out
 * of memory. */
char *pc__needles_words(const char *s, size_t len, int part_cases);

#endif
