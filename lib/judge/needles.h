/*
 * needles.h: the names looked for in a photo's words, one set per pupil.
 */
#ifndef PC_NEEDLES_H
#define PC_NEEDLES_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"

/* The names that name one pupil in the photo's words (built by
 * policy_names.c, which knows how words are made): "Forename Surname" and
 * "Surname, Forename", the same with the preferred name, each alias;
 * folded for the texts (`text`), and made into words for file and folder
 * names (`file`), where the surname may come first and the words may be
 * run together. */
struct pc__needles {
	char **text;  /* folded, for captions and keywords */
	size_t text_n;
	char **file;  /* as words, for file and folder names: both orders, and
	                 run together ("isabellaward") */
	size_t file_n;
};

int pc__needles_build(struct pc__needles *nd, const struct pc_pupil *p);
void pc__needles_release(struct pc__needles *nd);
/* The `len` bytes at `s` as words, folded, the way the `file` needles are
 * made, so that a file or folder name is read the same way: every ASCII
 * character that is not a letter or an apostrophe made a space, and with
 * `part_cases` a space where a small letter meets a capital. NULL when out
 * of memory. */
char *pc__needles_words(const char *s, size_t len, int part_cases);

#endif
