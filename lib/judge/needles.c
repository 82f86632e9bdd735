/*
 * needles.c: the names looked for in a photo's words, made into words the
 * way the photo's file and folder names are.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/fold.h"
#include "base/text.h"
#include "judge/needles.h"

/* `s` with a space where a small letter meets a capital ("IsabellaWard"
 * -> "Isabella Ward"); NULL when out of memory. `s` is valid UTF-8. */
static char *part_case_changes(const char *s)
{
	size_t len = strlen(s);
	char *out = malloc(2 * len + 1), *o = out;
	if (!out)
		return NULL;
	utf8proc_category_t prev = UTF8PROC_CATEGORY_CN;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			n = 1, cp = -1;
		utf8proc_category_t c = cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
		if (prev == UTF8PROC_CATEGORY_LL && c == UTF8PROC_CATEGORY_LU)
			*o++ = ' ';
		memcpy(o, s + i, (size_t)n);
		o += n;
		i += (size_t)n;
		prev = c;
	}
	*o = '\0';
	return out;
}

/* The `len` bytes at `s` as words (needles.h). */
char *pc__needles_words(const char *s, size_t len, int part_cases)
{
	/* A path is bytes; the folding wants UTF-8. */
	char *words = pc__text_from_utf8(s, len);
	if (words && part_cases) {
		char *parted = part_case_changes(words);
		free(words);
		words = parted;
	}
	if (!words)
		return NULL;
	for (char *c = words; *c; c++) {
		unsigned char u = (unsigned char)*c;
		if (u < 0x80 && !(u >= 'a' && u <= 'z') && !(u >= 'A' && u <= 'Z') && u != '\'')
			*c = ' ';
	}
	char *folded = pc__fold(words);
	free(words);
	return folded;
}

/* `words` with its spaces taken out ("amy jones" -> "amyjones"), in place. */
static char *run_together(char *words)
{
	if (!words)
		return NULL;
	char *o = words;
	for (const char *c = words; *c; c++)
		if (*c != ' ')
			*o++ = *c;
	*o = '\0';
	return words;
}

/* ------------------------------------------------------------ the needles */

void pc__needles_release(struct pc__needles *nd)
{
	for (size_t i = 0; i < nd->text_n; i++)
		free(nd->text[i]);
	for (size_t i = 0; i < nd->file_n; i++)
		free(nd->file[i]);
	free(nd->text);
	free(nd->file);
	memset(nd, 0, sizeof(*nd));
}

/* Takes `s` into the next slot of `list` (there is room); -1 when `s` is
 * NULL, which is what running out of memory gave. An empty `s` is
 * dropped: it would name everyone. */
static int keep(char **list, size_t *n, char *s)
{
	if (!s)
		return -1;
	if (!*s) {
		free(s);
		return 0;
	}
	list[(*n)++] = s;
	return 0;
}

/* "a<sep>b", or NULL when out of memory. */
static char *joined(const char *a, const char *sep, const char *b)
{
	size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
	char *s = malloc(la + ls + lb + 1);
	if (!s)
		return NULL;
	memcpy(s, a, la);
	memcpy(s + la, sep, ls);
	memcpy(s + la + ls, b, lb + 1);
	return s;
}

/* The forms of a forename and surname: two for the texts, four for the
 * file names. */
static int add_pair(struct pc__needles *nd, const char *first, const char *last)
{
	char *fl = joined(first, " ", last), *lf = joined(last, ", ", first);
	char *lf_words = joined(last, " ", first);
	int err = !fl || !lf || !lf_words ||
	          keep(nd->text, &nd->text_n, pc__fold(fl)) ||
	          keep(nd->text, &nd->text_n, pc__fold(lf)) ||
	          keep(nd->file, &nd->file_n, pc__needles_words(fl, strlen(fl), 0)) ||
	          keep(nd->file, &nd->file_n,
	               pc__needles_words(lf_words, strlen(lf_words), 0)) ||
	          keep(nd->file, &nd->file_n,
	               run_together(pc__needles_words(fl, strlen(fl), 0))) ||
	          keep(nd->file, &nd->file_n,
	               run_together(pc__needles_words(lf_words, strlen(lf_words), 0)));
	free(fl);
	free(lf);
	free(lf_words);
	return err ? -1 : 0;
}

static int add_alias(struct pc__needles *nd, const char *alias)
{
	size_t len = strlen(alias);
	return keep(nd->text, &nd->text_n, pc__fold(alias)) ||
	               keep(nd->file, &nd->file_n, pc__needles_words(alias, len, 0)) ||
	               keep(nd->file, &nd->file_n, run_together(pc__needles_words(alias, len, 0)))
	       ? -1
	       : 0;
}

int pc__needles_build(struct pc__needles *nd, const struct pc_pupil *p)
{
	memset(nd, 0, sizeof(*nd));
	size_t names = p->alias_count + 2;
	nd->text = calloc(2 * names, sizeof(*nd->text));
	nd->file = calloc(4 * names, sizeof(*nd->file));
	if (!nd->text || !nd->file)
		return -1;
	if (add_pair(nd, p->forename, p->surname))
		return -1;
	if (p->preferred_name && *p->preferred_name &&
	    add_pair(nd, p->preferred_name, p->surname))
		return -1;
	for (size_t i = 0; i < p->alias_count; i++)
		if (add_alias(nd, p->aliases[i]))
			return -1;
	return 0;
}
