/*
 * policy_names.c: pupils named in the photo's words: its captions, titles
 * and descriptions, its keywords, the file's own name and the names of
 * the folders it is in.
 *
 * A pupil is named when the folded words hold, as whole words, the folded
 * "Forename Surname" or "Surname, Forename" (with the preferred name in
 * place of the forename too), or one of the pupil's aliases. A forename
 * alone names nobody (there are many Amys), as with tags. Every pupil in
 * the store is looked for, tagged or not:
 * - a pupil the words name but no people tag does is a child the tags
 *   missed: a no_photo pupil blocks every purpose (no-photo-named); one
 *   whose consent would block makes the photo review (named-not-tagged).
 *   Words that name a child are no proof the child is absent, so they are
 *   never read as "not in the photo".
 * - for a public purpose, a caption or a file or folder name that names a
 *   no_name pupil blocks (no-name-named); one that names any other pupil
 *   is a warning.
 *
 * A file or folder name is made into words first: its extension dropped,
 * every ASCII character that is not a letter (or an apostrophe, for
 * O'Neil) made a space, and, in a second reading, a space put where a
 * small letter meets a capital, so that "IMG_0042-amy-jones.jpg",
 * "amy.jones2.jpg" and "AmyJones.jpg" read "amy jones". In names the
 * surname may come first ("JONES-Amy.jpg") and the words may be run
 * together ("amyjones.jpg"); the names looked for (the snapshot's
 * needles, needles.c) are made into words by the same function,
 * pc__needles_words.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/fold.h"
#include "judge/stage.h"
#include "base/text.h"
#include "store/store_internal.h"

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
	if (!n || !hay)
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

/* ------------------------------------------------------------- the places */

enum place_kind {
	PLACE_TEXT,    /* a caption, title, description or comment */
	PLACE_KEYWORD, /* a keyword, as written */
	PLACE_FILE,    /* the file's own name */
	PLACE_FOLDER   /* the name of a folder it is in */
};

/* One piece of the photo's words, folded; a file or folder name also
 * with its case changes parted. */
struct place {
	enum place_kind kind;
	const char *field; /* pc_text's field, for PLACE_TEXT */
	char *folded, *parted;
};

struct places {
	struct place *items;
	size_t count, alloc;
};

static void places_release(struct places *ps)
{
	for (size_t i = 0; i < ps->count; i++) {
		free(ps->items[i].folded);
		free(ps->items[i].parted);
	}
	free(ps->items);
}

static struct place *place_new(struct places *ps, enum place_kind kind)
{
	if (ps->count == ps->alloc) {
		size_t alloc = ps->alloc ? 2 * ps->alloc : 16;
		struct place *items = realloc(ps->items, alloc * sizeof(*items));
		if (!items)
			return NULL;
		ps->items = items;
		ps->alloc = alloc;
	}
	struct place *p = &ps->items[ps->count++];
	*p = (struct place){ kind, NULL, NULL, NULL };
	return p;
}

/* A file or folder name of `len` bytes at `s`, read both ways. */
static int add_name_place(struct places *ps, enum place_kind kind, const char *s, size_t len)
{
	struct place *p = place_new(ps, kind);
	if (!p)
		return -1;
	p->folded = pc__needles_words(s, len, 0);
	p->parted = pc__needles_words(s, len, 1);
	return p->folded && p->parted ? 0 : -1;
}

/* A path has at most this many folders worth reading; a deeper one is
 * read from its end, where the folders a person named are. */
enum { MAX_FOLDERS = 64 };

static int add_path_places(struct places *ps, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	if (add_name_place(ps, PLACE_FILE, base,
	                   dot && dot != base ? (size_t)(dot - base) : strlen(base)))
		return -1;
	size_t folders = 0;
	for (const char *end = base; end > path && folders < MAX_FOLDERS; folders++) {
		const char *stop = end - 1; /* the '/' before what was read */
		const char *start = stop;
		while (start > path && start[-1] != '/')
			start--;
		if (stop > start && add_name_place(ps, PLACE_FOLDER, start, (size_t)(stop - start)))
			return -1;
		end = start;
	}
	return 0;
}

static int collect_places(const pc_photo *photo, struct places *ps)
{
	for (size_t i = 0; i < pc_photo_text_count(photo); i++) {
		const struct pc_text *t = pc_photo_text(photo, i);
		struct place *p = place_new(ps, PLACE_TEXT);
		if (!p)
			return -1;
		p->field = t->field ? t->field : "";
		if (!(p->folded = pc__fold(t->text)))
			return -1;
	}
	for (size_t i = 0; i < pc_photo_keyword_count(photo); i++) {
		struct place *p = place_new(ps, PLACE_KEYWORD);
		if (!p || !(p->folded = pc__fold(pc_photo_keyword(photo, i)->text)))
			return -1;
	}
	const char *path = pc_photo_absolute_path(photo);
	if (!path)
		path = pc_photo_path(photo) ? pc_photo_path(photo) : "";
	return add_path_places(ps, path);
}

static int place_names(const struct place *place, const struct pc__needles *nd)
{
	if (place->kind == PLACE_TEXT || place->kind == PLACE_KEYWORD) {
		for (size_t i = 0; i < nd->text_n; i++)
			if (has_words(place->folded, nd->text[i]))
				return 1;
		return 0;
	}
	for (size_t i = 0; i < nd->file_n; i++)
		if (has_words(place->folded, nd->file[i]) || has_words(place->parted, nd->file[i]))
			return 1;
	return 0;
}

static const char *place_label(const struct place *place)
{
	static const char *const labels[][2] = {
		{ "xmp-description", "the XMP description" },
		{ "iptc-caption", "the IPTC caption" },
		{ "exif-description", "the EXIF image description" },
		{ "exif-user-comment", "the EXIF user comment" },
		{ "xp-subject", "the Windows subject" },
		{ "xmp-user-comment", "the XMP user comment" },
		{ "xmp-title", "the XMP title" },
		{ "xmp-headline", "the XMP headline" },
		{ "iptc-object-name", "the IPTC title" },
		{ "iptc-headline", "the IPTC headline" },
		{ "xp-title", "the Windows title" },
		{ "xp-comment", "the Windows comment" },
		{ "xmp-other-languages", "a caption in another language" },
	};
	switch (place->kind) {
	case PLACE_KEYWORD: return "a keyword";
	case PLACE_FILE: return "the file name";
	case PLACE_FOLDER: return "a folder's name";
	case PLACE_TEXT: break;
	}
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(place->field, labels[i][0]))
			return labels[i][1];
	return "the caption";
}

/* ------------------------------------------------------------ the findings */

/* Where the words name one pupil: the first text, keyword, and file or
 * folder name that does (NULL where none). */
struct named {
	const struct place *text, *keyword, *path;
};

static const char *const consent_words[] = {
	[PC_CONSENT_NONE] = "not given",   [PC_CONSENT_GRANTED] = "granted",
	[PC_CONSENT_REFUSED] = "refused",  [PC_CONSENT_WITHDRAWN] = "withdrawn",
	[PC_CONSENT_EXPIRED] = "expired",  [PC_CONSENT_LEFT] = "over: the pupil has left",
};

/* A pupil the words name and no people tag does. */
static int report_untagged(struct pc__judge *j, size_t i, const struct named *at)
{
	const struct pc_pupil *p = &j->snap->pupils->items[i];
	enum pc_consent_state state = j->snap->status[i].state;
	const struct place *where = at->text ? at->text : at->keyword ? at->keyword : at->path;
	if (p->no_photo)
		return pc__verdict_add(j->v, PC__RANK_NO_PHOTO_NAMED, 1, "no-photo-named",
		                       "the photo's caption, keywords or file name name a child, "
		                       "so it is not shared",
		                       "%s names %s %s (%s), who must never appear in a shared "
		                       "photo (no_photo): no people tag names them, but the photo "
		                       "may show them",
		                       place_label(where), p->forename, p->surname, p->id);
	if (state == PC_CONSENT_GRANTED)
		return 0;
	unsigned s = (unsigned)state < sizeof(consent_words) / sizeof(consent_words[0]) &&
	                     consent_words[state]
	             ? (unsigned)state
	             : PC_CONSENT_NONE;
	return pc__verdict_add(j->v, PC__RANK_NAMED_NOT_TAGGED, 0, "named-not-tagged",
	                       "the photo's caption, keywords or file name name a child its "
	                       "people tags do not: staff must check it",
	                       "%s names %s %s (%s), whose consent for %s is %s, but no people "
	                       "tag names them: check whether they are in the photo, and tag "
	                       "them if so",
	                       place_label(where), p->forename, p->surname, p->id,
	                       j->purpose->description, consent_words[s]);
}

/* For a public purpose: a caption, or a file or folder name, that names
 * a pupil. */
static int report_public(struct pc__judge *j, const struct pc_pupil *p,
                         const struct place *where)
{
	int in_text = where->kind == PLACE_TEXT;
	if (p->no_name)
		return pc__verdict_add(j->v, PC__RANK_NO_NAME_NAMED, 1, "no-name-named",
		                       "the photo's caption or file name names a child, which this "
		                       "use does not allow",
		                       "%s names %s %s (%s), whose name must never appear beside a "
		                       "photo: %s before using it for %s",
		                       place_label(where), p->forename, p->surname, p->id,
		                       in_text ? "remove the name"
		                       : where->kind == PLACE_FILE ? "rename the file"
		                                                   : "move it out of the folder",
		                       j->purpose->description);
	if (in_text)
		return pc__verdict_add(j->v, PC__RANK_NAME_IN_CAPTION, 0, "name-in-caption",
		                       "the photo's caption names a child", "%s names %s %s (%s)",
		                       place_label(where), p->forename, p->surname, p->id);
	return pc__verdict_add(j->v, PC__RANK_NAME_IN_FILENAME, 0, "name-in-filename",
	                       "the file's name names a child", "%s names %s %s (%s)",
	                       place_label(where), p->forename, p->surname, p->id);
}

/* Marks in `tagged` each pupil a people tag matched, and each candidate
 * of an ambiguous tag, whose doubt the verdict already raised. */
static int mark_tagged(const struct pc__judge *j, unsigned char *tagged)
{
	for (size_t k = 0; k < j->v->person_count; k++) {
		const struct pc_judged_person *p = &j->v->persons[k];
		size_t i;
		if (p->pupil_id && pc__strindex_get(&j->snap->ids, p->pupil_id, &i))
			tagged[i] = 1;
		if (p->match != PC_PERSON_AMBIGUOUS || !p->tag)
			continue;
		struct pc__snapshot_match *m = NULL;
		size_t count = 0;
		if (pc__snapshot_named(j->snap, p->tag, 1, &m, &count))
			return -1;
		for (size_t c = 0; c < count; c++)
			tagged[m[c].pupil] = 1;
		free(m);
	}
	return 0;
}

int pc__policy_names(struct pc__judge *j)
{
	int ret = PC_ENOMEM;
	const struct pc_pupil_list *pupils = j->snap->pupils;
	struct places ps = { 0 };
	unsigned char *tagged = calloc(pupils->count ? pupils->count : 1, 1);

	if (!tagged || collect_places(j->photo, &ps) || mark_tagged(j, tagged)) {
		ret = PC_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < pupils->count; i++) {
		const struct pc_pupil *p = &pupils->items[i];
		const struct pc__needles *nd = &j->snap->needles[i];
		struct named at = { 0 };
		for (size_t k = 0; k < ps.count; k++) {
			const struct place *pl = &ps.items[k];
			const struct place **slot = pl->kind == PLACE_TEXT      ? &at.text
			                            : pl->kind == PLACE_KEYWORD ? &at.keyword
			                                                        : &at.path;
			if (!*slot && place_names(pl, nd))
				*slot = pl;
		}
		if (!at.text && !at.keyword && !at.path)
			continue;
		if ((!tagged[i] && (ret = report_untagged(j, i, &at))) ||
		    (j->purpose->is_public && at.text && (ret = report_public(j, p, at.text))) ||
		    (j->purpose->is_public && at.path && (ret = report_public(j, p, at.path))))
			goto done;
	}
	ret = 0;
done:
	places_release(&ps);
	free(tagged);
	return ret;
}
