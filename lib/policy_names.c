/*
 * policy_names.c: pupils named in the photo's words, for a public
 * purpose: its captions and descriptions, and the file's own name.
 *
 * A pupil is named when the folded text holds, as whole words, the folded
 * "Forename Surname", "Preferred Surname", or one of the pupil's aliases.
 * A forename alone names nobody (there are many Amys), as with tags. Every
 * pupil in the store is looked for, tagged or not: a caption that names a
 * no_name child does the harm whether or not a face tag agrees.
 *
 * A file name is made into words first: its folder and extension
 * dropped, and every ASCII character that is not a letter (or an
 * apostrophe, for O'Neil) made a space, so that "IMG_0042-amy-jones.jpg"
 * and "amy.jones2.jpg" read "amy jones"; the names looked for in it are
 * made into words the same way.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "policy_internal.h"
#include "text.h"

/* Letters, marks and digits make words; everything else parts them. */
static int word_char_at(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = (utf8proc_ssize_t)strnlen(s, 4);
	if (!n || utf8proc_iterate((const utf8proc_uint8_t *)s, n, &cp) <= 0)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/* Whether `hay` holds `needle` with no word character touching it on
 * either side. Both are valid UTF-8, so a match never starts or ends
 * inside a character. */
static int has_words(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n)
		return 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		if (p > hay) {
			const char *prev = p - 1;
			while (prev > hay && ((unsigned char)*prev & 0xC0) == 0x80)
				prev--;
			if (word_char_at(prev))
				continue;
		}
		if (!word_char_at(p + n))
			return 1;
	}
	return 0;
}

/* The `len` bytes at `s` as words, folded: every ASCII character that is
 * not a letter or an apostrophe made a space. NULL when out of memory. */
static char *as_words(const char *s, size_t len)
{
	/* A path is bytes; the folding wants UTF-8. */
	char *words = pc__text_from_utf8(s, len);
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

/* The file's own name as words, without its folder and extension. */
static char *file_words(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	return as_words(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* The photo's words, folded: each text field, then the file name (last,
 * with a NULL field). */
struct place {
	const char *field; /* pc_text's field; NULL for the file name */
	char *folded;
};

static const char *field_label(const char *field)
{
	static const char *const labels[][2] = {
		{ "xmp-description", "the XMP description" },
		{ "iptc-caption", "the IPTC caption" },
		{ "exif-description", "the EXIF image description" },
		{ "exif-user-comment", "the EXIF user comment" },
		{ "xp-subject", "the Windows subject" },
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(field, labels[i][0]))
			return labels[i][1];
	return "the caption";
}

/* "a b", or NULL when out of memory. */
static char *two_words(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 2);
	if (!s)
		return NULL;
	memcpy(s, a, la);
	s[la] = ' ';
	memcpy(s + la + 1, b, lb + 1);
	return s;
}

/* The names that name one pupil (snapshot.h), made once per snapshot:
 * the file-name forms are made into words as the file name is
 * ("Davies-Jones" is "davies jones" in "chloe-davies-jones.jpg"). */
void pc__needles_release(struct pc__needles *nd)
{
	for (size_t i = 0; i < nd->n; i++) {
		free(nd->text[i]);
		free(nd->file[i]);
	}
	free(nd->text);
	free(nd->file);
	memset(nd, 0, sizeof(*nd));
}

/* Adds `name` in the next slot (there is room); -1 when out of memory (a
 * NULL name is what running out gave). */
static int needles_add(struct pc__needles *nd, const char *name)
{
	if (!name)
		return -1;
	char *text = pc__fold(name), *file = as_words(name, strlen(name));
	if (!text || !file) {
		free(text);
		free(file);
		return -1;
	}
	nd->text[nd->n] = text;
	nd->file[nd->n] = file;
	nd->n++;
	return 0;
}

/* As needles_add, for "a b". */
static int needles_add_two(struct pc__needles *nd, const char *a, const char *b)
{
	char *name = two_words(a, b);
	int err = needles_add(nd, name);
	free(name);
	return err;
}

int pc__needles_build(struct pc__needles *nd, const struct pc_pupil *p)
{
	memset(nd, 0, sizeof(*nd));
	nd->text = calloc(p->alias_count + 2, sizeof(*nd->text));
	nd->file = calloc(p->alias_count + 2, sizeof(*nd->file));
	if (!nd->text || !nd->file)
		return -1;
	if (needles_add_two(nd, p->forename, p->surname))
		return -1;
	if (p->preferred_name && *p->preferred_name &&
	    needles_add_two(nd, p->preferred_name, p->surname))
		return -1;
	for (size_t i = 0; i < p->alias_count; i++)
		if (needles_add(nd, p->aliases[i]))
			return -1;
	return 0;
}

static int place_names(const struct place *place, const struct pc__needles *nd)
{
	char *const *needles = place->field ? nd->text : nd->file;
	for (size_t i = 0; i < nd->n; i++)
		if (has_words(place->folded, needles[i]))
			return 1;
	return 0;
}

static int report(struct pc__judge *j, const struct pc_pupil *p, const struct place *place)
{
	if (p->no_name && place->field)
		return pc__judge_add(j, PC__RANK_NO_NAME_NAMED, 1, "no-name-named",
		                     "the photo's caption or file name names a child, which this "
		                     "use does not allow",
		                     "%s names %s %s (%s), whose name must never appear beside a "
		                     "photo: remove the name before using it for %s",
		                     field_label(place->field), p->forename, p->surname, p->id,
		                     j->purpose->description);
	if (p->no_name)
		return pc__judge_add(j, PC__RANK_NO_NAME_NAMED, 1, "no-name-named",
		                     "the photo's caption or file name names a child, which this "
		                     "use does not allow",
		                     "the file name names %s %s (%s), whose name must never appear "
		                     "beside a photo: rename the file before using it for %s",
		                     p->forename, p->surname, p->id, j->purpose->description);
	if (place->field)
		return pc__judge_add(j, PC__RANK_NAME_IN_CAPTION, 0, "name-in-caption",
		                     "the photo's caption names a child",
		                     "%s names %s %s (%s)", field_label(place->field), p->forename,
		                     p->surname, p->id);
	return pc__judge_add(j, PC__RANK_NAME_IN_FILENAME, 0, "name-in-filename",
	                     "the file's name names a child", "the file name names %s %s (%s)",
	                     p->forename, p->surname, p->id);
}

int pc__policy_names(struct pc__judge *j)
{
	int ret = PC_ERROR;
	const struct pc_pupil_list *pupils = j->snap->pupils;
	const pc_photo *photo = j->photo;
	size_t text_count = pc_photo_text_count(photo), count = 0;
	struct place *places = calloc(text_count + 1, sizeof(*places));

	if (!places) {
		ret = pc__judge_oom(j);
		goto done;
	}
	for (size_t i = 0; i < text_count; i++, count++) {
		const struct pc_text *t = pc_photo_text(photo, i);
		places[count].field = t->field ? t->field : "";
		if (!(places[count].folded = pc__fold(t->text))) {
			ret = pc__judge_oom(j);
			goto done;
		}
	}
	places[count].field = NULL;
	if (!(places[count++].folded = file_words(pc_photo_path(photo) ? pc_photo_path(photo)
	                                                                 : ""))) {
		ret = pc__judge_oom(j);
		goto done;
	}
	for (size_t i = 0; i < pupils->count; i++) {
		const struct pc_pupil *p = &pupils->items[i];
		const struct pc__needles *nd = &j->snap->needles[i];
		/* One finding per pupil for the captions (the first text that
		 * names them), one for the file name. */
		int in_text = 0;
		for (size_t k = 0; k < count; k++) {
			if ((places[k].field && in_text) || !place_names(&places[k], nd))
				continue;
			in_text = in_text || places[k].field;
			ret = report(j, p, &places[k]);
			if (ret)
				goto done;
		}
	}
	ret = 0;
done:
	for (size_t i = 0; places && i < count; i++)
		free(places[i].folded);
	free(places);
	return ret;
}
