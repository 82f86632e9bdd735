#include "read/people.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fold.h"
#include "read/region.h"
#include "base/strindex.h"

const char *const pc__default_person_roots[] = {
	"People", "Pupils", "Persons", "Children", "Students",
};
const size_t pc__default_person_root_count =
	sizeof(pc__default_person_roots) / sizeof(pc__default_person_roots[0]);

const char *const *pc_default_person_roots(size_t *count)
{
	if (count)
		*count = pc__default_person_root_count;
	return pc__default_person_roots;
}

/* ------------------------------------------------------------------------
 * Merge keys: a table from each key to the entry it names, and the keys
 * themselves (the table does not own them).
 */
struct merge_index {
	struct pc__strindex table;
	char **keys;
	size_t count, alloc;
};

static void merge_index_release(struct merge_index *mi)
{
	pc__strindex_release(&mi->table);
	for (size_t i = 0; i < mi->count; i++)
		free(mi->keys[i]);
	free(mi->keys);
	memset(mi, 0, sizeof(*mi));
}

/* Finds `key`: returns 1 and sets *val when present; else records it with
 * `val` and returns 0. Takes ownership of key either way; -1 when out of
 * memory. */
static int index_find_or_add(struct merge_index *mi, char *key, size_t *val)
{
	if (mi->count == mi->alloc) {
		size_t alloc = mi->alloc ? mi->alloc * 2 : 16;
		char **keys = realloc(mi->keys, alloc * sizeof(*keys));
		if (!keys) {
			free(key);
			return -1;
		}
		mi->keys = keys;
		mi->alloc = alloc;
	}
	size_t old;
	int found = pc__strindex_add(&mi->table, key, *val, &old);
	if (found != 0) {
		free(key);
		if (found < 0)
			return -1;
		*val = old;
		return 1;
	}
	mi->keys[mi->count++] = key;
	return 0;
}

/* ------------------------------------------------------------------------
 * Keyword fields.
 */
static const char *separators(enum pc__kwfield f)
{
	switch (f) {
	case PC__KW_DIGIKAM:
	case PC__KW_MS:
		return "/";
	case PC__KW_LR:
		return "|";
	default:
		return "/|";
	}
}

static unsigned field_source(enum pc__kwfield f)
{
	switch (f) {
	case PC__KW_DC_SUBJECT: return PC_SOURCE_XMP_KEYWORD;
	case PC__KW_DIGIKAM: return PC_SOURCE_DIGIKAM_TAG;
	case PC__KW_LR: return PC_SOURCE_LR_HIERARCHICAL;
	case PC__KW_MS: return PC_SOURCE_MS_KEYWORD;
	case PC__KW_IPTC: return PC_SOURCE_IPTC_KEYWORD;
	case PC__KW_XP: return PC_SOURCE_XP_KEYWORDS;
	case PC__KW_OTHER: return PC_SOURCE_OTHER_KEYWORD;
	default: return 0;
	}
}

/* One keyword value split into its path. */
struct path {
	const char *first;     /* first component, within `copy` */
	const char *last;      /* last component, within `copy` */
	size_t depth;          /* number of non-empty components */
	char *copy;            /* the value with separators turned into NULs */
	char *key;             /* folded components joined by \x1f, for sorting */
	int extended;          /* a longer path in the same field extends it */
};

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

/* The separators of every field in `sources`. */
static void separators_of(unsigned sources, char out[3])
{
	int slash = 0, bar = 0;
	for (int f = 0; f < PC__KW_COUNT; f++) {
		const char *s = separators((enum pc__kwfield)f);
		if (!(sources & field_source((enum pc__kwfield)f)))
			continue;
		slash |= strchr(s, '/') != NULL;
		bar |= strchr(s, '|') != NULL;
	}
	size_t n = 0;
	if (slash)
		out[n++] = '/';
	if (bar)
		out[n++] = '|';
	out[n] = '\0';
}

int pc__keyword_parts(const struct pc_keyword *kw, int (*fn)(void *ctx, const char *part),
                      void *ctx)
{
	char seps[3];
	separators_of(kw->sources, seps);
	int ret = fn(ctx, kw->text);
	if (ret || !*seps || !kw->text[strcspn(kw->text, seps)])
		return ret;
	char *copy = strdup(kw->text);
	if (!copy)
		return -1;
	for (char *s = copy; !ret;) {
		size_t n = strcspn(s, seps);
		int more = s[n] != '\0';
		s[n] = '\0';
		char *part = trim(s);
		if (*part)
			ret = fn(ctx, part);
		if (!more)
			break;
		s += n + 1;
	}
	free(copy);
	return ret;
}

static int path_split(struct path *p, const char *value, const char *seps)
{
	struct pc__buf key;
	pc__buf_init(&key, 0);
	memset(p, 0, sizeof(*p));
	p->copy = strdup(value);
	if (!p->copy)
		return -1;
	char *s = p->copy;
	for (;;) {
		size_t n = strcspn(s, seps);
		int more = s[n] != '\0';
		s[n] = '\0';
		char *comp = trim(s);
		if (*comp) {
			char *folded = pc__fold(comp);
			if (!folded || (p->depth && pc__buf_putc(&key, '\x1f')) ||
			    pc__buf_puts(&key, folded)) {
				free(folded);
				pc__buf_release(&key);
				return -1;
			}
			free(folded);
			if (!p->depth)
				p->first = comp;
			p->last = comp;
			p->depth++;
		}
		if (!more)
			break;
		s += n + 1;
	}
	p->key = pc__buf_detach(&key);
	return p->key ? 0 : -1;
}

static int cmp_path_key(const void *a, const void *b)
{
	const struct path *const *pa = a, *const *pb = b;
	return strcmp((*pa)->key, (*pb)->key);
}

/* Marks each path that a longer path of the same field extends. Sorted by
 * key, the extensions of P follow P's own copies directly (components
 * hold no character below \x1f, the joiner). */
static int mark_extended(struct path *paths, size_t n)
{
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	struct path **sorted = malloc((n ? n : 1) * sizeof(*sorted));
	if (!sorted)
		return -1;
	for (size_t i = 0; i < n; i++)
		sorted[i] = &paths[i];
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	qsort(sorted, n, sizeof(*sorted), cmp_path_key);
	for (size_t i = 0; i < n; i++) {
		size_t j = i + 1;
		while (j < n && !strcmp(sorted[j]->key, sorted[i]->key))
			j++;
		size_t len = strlen(sorted[i]->key);
		if (j < n && !strncmp(sorted[j]->key, sorted[i]->key, len) &&
		    sorted[j]->key[len] == '\x1f')
			sorted[i]->extended = 1;
	}
	free(sorted);
	return 0;
}

/* ------------------------------------------------------------------------
 * Building.
 */
struct builder {
	struct pc__people *out;
	struct merge_index persons;  /* merge key -> index in out->persons */
	struct merge_index events;   /* folded event -> index */
	struct merge_index keywords; /* text as written -> index */
	char **roots;         /* folded */
	size_t root_count;
};

/* "Surname, Forename" and "Forename Surname" name the same person. */
static char *merge_key(const char *name)
{
	const char *comma = strchr(name, ',');
	if (!comma || strchr(comma + 1, ','))
		return pc__fold(name);
	struct pc__buf b;
	pc__buf_init(&b, 0);
	if (pc__buf_puts(&b, comma + 1) || pc__buf_putc(&b, ' ') ||
	    pc__buf_append(&b, name, (size_t)(comma - name))) {
		pc__buf_release(&b);
		return NULL;
	}
	char *swapped = pc__buf_detach(&b);
	char *key = swapped ? pc__fold(swapped) : NULL;
	free(swapped);
	return key;
}

/* `in_file`: this tag is in the photo's own metadata, not only its sidecar. */
static int add_person(struct builder *b, const char *name, unsigned source,
                      const struct pc_region *region, int in_file)
{
	struct pc__people *out = b->out;
	size_t at = out->person_count;
	if (name) {
		char *key = merge_key(name);
		if (!key)
			return -1;
		int found = index_find_or_add(&b->persons, key, &at);
		if (found < 0)
			return -1;
		if (found) {
			struct pc_person *p = &out->persons[at];
			p->sources |= source;
			p->in_file |= in_file;
			if (region && !p->has_region) {
				p->region = *region;
				p->has_region = 1;
			}
			return 0;
		}
	}
	if (out->person_count == out->person_alloc) {
		size_t alloc = out->person_alloc ? out->person_alloc * 2 : 8;
		struct pc_person *v = realloc(out->persons, alloc * sizeof(*v));
		if (!v)
			return -1;
		out->persons = v;
		out->person_alloc = alloc;
	}
	struct pc_person *p = &out->persons[out->person_count];
	memset(p, 0, sizeof(*p));
	if (name && !(p->name = strdup(name)))
		return -1;
	p->sources = source;
	p->in_file = in_file;
	if (region) {
		p->region = *region;
		p->has_region = 1;
	}
	out->person_count++;
	return 0;
}

/* `from_keyword`: named by an `Events/...` keyword rather than by the
 * Iptc4xmpExt:Event field; the first source to name an event is kept. */
static int add_event(struct builder *b, const char *name, int from_keyword)
{
	struct pc__people *out = b->out;
	char *key = pc__fold(name);
	if (!key)
		return -1;
	size_t at = out->events.n;
	int found = index_find_or_add(&b->events, key, &at);
	if (found)
		return found < 0 ? -1 : 0;
	if (out->events.n == out->event_alloc) {
		size_t alloc = out->event_alloc ? out->event_alloc * 2 : 4;
		unsigned char *v = realloc(out->event_from_keyword, alloc);
		if (!v)
			return -1;
		out->event_from_keyword = v;
		out->event_alloc = alloc;
	}
	int err = pc__strvec_take(&out->events, strdup(name));
	if (err == PC_ENOMEM)
		return -1;
	if (!err)
		out->event_from_keyword[out->events.n - 1] = (unsigned char)from_keyword;
	return 0;
}

static int add_keyword(struct builder *b, const char *text, unsigned source, int in_file)
{
	struct pc__people *out = b->out;
	char *key = strdup(text);
	if (!key)
		return -1;
	size_t at = out->keyword_count;
	int found = index_find_or_add(&b->keywords, key, &at);
	if (found < 0)
		return -1;
	if (found) {
		out->keywords[at].sources |= source;
		out->keywords[at].in_file |= in_file;
		return 0;
	}
	if (out->keyword_count == out->keyword_alloc) {
		size_t alloc = out->keyword_alloc ? out->keyword_alloc * 2 : 8;
		struct pc_keyword *v = realloc(out->keywords, alloc * sizeof(*v));
		if (!v)
			return -1;
		out->keywords = v;
		out->keyword_alloc = alloc;
	}
	char *copy = strdup(text);
	if (!copy)
		return -1;
	out->keywords[out->keyword_count++] = (struct pc_keyword){ copy, source, in_file };
	/* copy is owned by the keyword list now; cppcheck does not follow a
	 * pointer into a compound literal. */
	/* cppcheck-suppress memleak */
	return 0;
}

static int is_person_root(const struct builder *b, const char *folded)
{
	for (size_t i = 0; i < b->root_count; i++)
		if (!strcmp(b->roots[i], folded))
			return 1;
	return 0;
}

static int read_field(struct builder *b, const struct pc__strvec *values,
                      enum pc__kwfield field, size_t sidecar_from)
{
	int ret = -1;
	unsigned source = field_source(field);
	struct path *paths = calloc(values->n ? values->n : 1, sizeof(*paths));
	if (!paths)
		return -1;
	for (size_t i = 0; i < values->n; i++) {
		if (add_keyword(b, values->v[i], source, i < sidecar_from) ||
		    path_split(&paths[i], values->v[i], separators(field)))
			goto done;
	}
	if (mark_extended(paths, values->n))
		goto done;
	for (size_t i = 0; i < values->n; i++) {
		struct path *p = &paths[i];
		if (p->extended || p->depth < 2)
			continue;
		char *root = pc__fold(p->first);
		if (!root)
			goto done;
		int person = is_person_root(b, root);
		int event = !strcmp(root, "events");
		free(root);
		if ((person && add_person(b, p->last, source, NULL, i < sidecar_from)) ||
		    (event && add_event(b, p->last, 1)))
			goto done;
	}
	ret = 0;
done:
	for (size_t i = 0; i < values->n; i++) {
		free(paths[i].copy);
		free(paths[i].key);
	}
	free(paths);
	return ret;
}

/* Only faces are people: MWG says what a region shows in its Type.
 * 1 a person, 0 not, -1 out of memory (which must not drop a face). */
static int region_is_person(const struct pc__raw_region *r)
{
	if (r->source != PC_SOURCE_MWG_REGION || !r->type)
		return 1;
	char *type = pc__fold(r->type);
	if (!type)
		return -1;
	int face = !strcmp(type, "face");
	free(type);
	return face;
}

int pc__people_build(struct pc__people *out, const struct pc__facts *facts,
                     const char *const *roots, size_t root_count)
{
	int ret = PC_ENOMEM;
	struct builder b;
	memset(&b, 0, sizeof(b));
	memset(out, 0, sizeof(*out));
	b.out = out;
	if (!roots) {
		roots = pc__default_person_roots;
		root_count = pc__default_person_root_count;
	}
	b.roots = calloc(root_count ? root_count : 1, sizeof(char *));
	if (!b.roots)
		goto done;
	for (size_t i = 0; i < root_count; i++, b.root_count++)
		if (!(b.roots[i] = pc__fold(roots[i])))
			goto done;

	int orientation = facts->orientation >= 1 && facts->orientation <= 8
		? facts->orientation : 1;
	for (size_t i = 0; i < facts->region_count; i++) {
		const struct pc__raw_region *r = &facts->regions[i];
		int person = region_is_person(r);
		if (person < 0)
			goto done;
		if (!person)
			continue;
		struct pc_region box;
		int has_box = pc__region_map(&box, r, orientation, facts->width, facts->height);
		if (add_person(&b, r->name, r->source, has_box ? &box : NULL,
		               i < facts->sidecar_from.regions))
			goto done;
	}
	for (size_t i = 0; i < facts->persons_in_image.n; i++)
		if (add_person(&b, facts->persons_in_image.v[i], PC_SOURCE_PERSON_IN_IMAGE, NULL,
		               i < facts->sidecar_from.persons_in_image))
			goto done;
	for (size_t i = 0; i < facts->events.n; i++)
		if (add_event(&b, facts->events.v[i], 0))
			goto done;
	for (int f = 0; f < PC__KW_COUNT; f++)
		if (read_field(&b, &facts->keywords[f], (enum pc__kwfield)f,
		               facts->sidecar_from.keywords[f]))
			goto done;
	ret = 0;
done:
	for (size_t i = 0; i < b.root_count; i++)
		free(b.roots[i]);
	free(b.roots);
	merge_index_release(&b.persons);
	merge_index_release(&b.events);
	merge_index_release(&b.keywords);
	return ret;
}

void pc__people_release(struct pc__people *people)
{
	if (!people)
		return;
	for (size_t i = 0; i < people->person_count; i++)
		free((char *)people->persons[i].name);
	free(people->persons);
	pc__strvec_release(&people->events);
	free(people->event_from_keyword);
	for (size_t i = 0; i < people->keyword_count; i++)
		free((char *)people->keywords[i].text);
	free(people->keywords);
	memset(people, 0, sizeof(*people));
}
