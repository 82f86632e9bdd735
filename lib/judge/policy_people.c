/*
 * policy_people.c: who is in the photo, and whether each of them may be
 * shown for the purpose.
 *
 * The people are every person the photo names (a face region, a
 * PersonInImage entry, a person-root keyword), every unnamed face, and
 * every keyword, or part of a keyword path under any root, that names a
 * pupil by name or alias (Apple Photos tags people as flat keywords,
 * schools file them under roots of their own: "4B/Harry Wood"); a keyword
 * that names nobody is just a keyword. Each named tag goes through
 * pc__snapshot_named, which matches as pc_store_pupils_named does; only
 * the explicit people fields (regions, PersonInImage) name a pupil by id.
 *
 * Tags that reach the same pupil are one person, whatever they say ("Amy
 * Jones" on a face, "Jones, Amy" and "1001" as keywords): they merge by
 * pupil id, and an ambiguous tag merges with another that may mean the
 * same set of pupils. So each child is judged, reported and counted once,
 * as the parent view's count needs.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "read/people.h"
#include "judge/stage.h"
#include "base/strindex.h"
#include "store/store_internal.h"

/* Every per-child reason reads the same to a parent: saying that a child
 * may never be photographed (no_photo), or has left, would tell another
 * family about that child. */
static const char PARENT_CHILD[] = "a child in this photo has not agreed to this use";
static const char PARENT_EXPIRING[] = "a child's permission for this use ends soon";

/* How many days ahead an expiring consent is worth a warning. */
#define EXPIRING_DAYS 30

struct stage {
	struct pc__judge *j;
	struct pc__strindex index; /* merge key -> index in the verdict's persons */
	char **keys;               /* the index's keys, owned here */
	size_t key_count, key_alloc;
	size_t unnamed;            /* faces with no name */
};

/* What a pupil's flags and records say for the purpose on the date. */
struct assessment {
	enum pc_person_consent consent;
	int blocks;
	struct pc_consent_status status;
};

static void stage_release(struct stage *s)
{
	pc__strindex_release(&s->index);
	for (size_t i = 0; i < s->key_count; i++)
		free(s->keys[i]);
	free(s->keys);
}

/* Days since 1970-01-01 of a valid "YYYY-MM-DD" (Howard Hinnant's
 * days_from_civil), so that "within 30 days" crosses months and leap
 * years correctly. */
static long days_of(const char *date)
{
	long y = strtol(date, NULL, 10);
	long m = strtol(date + 5, NULL, 10);
	long d = strtol(date + 8, NULL, 10);
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void assess(const struct pc__judge *j, size_t pupil_index, struct assessment *a)
{
	const struct pc_pupil *pupil = &j->snap->pupils->items[pupil_index];
	memset(a, 0, sizeof(*a));
	if (pupil->no_photo) {
		/* Whatever the consent says: a safeguarding flag is not a
		 * parent's choice to override. */
		a->consent = PC_PERSON_CONSENT_NO_PHOTO;
		a->blocks = 1;
		return;
	}
	a->status = j->snap->status[pupil_index];
	switch (a->status.state) {
	case PC_CONSENT_GRANTED: a->consent = PC_PERSON_CONSENT_GRANTED; break;
	case PC_CONSENT_REFUSED: a->consent = PC_PERSON_CONSENT_REFUSED; break;
	case PC_CONSENT_WITHDRAWN: a->consent = PC_PERSON_CONSENT_WITHDRAWN; break;
	case PC_CONSENT_EXPIRED: a->consent = PC_PERSON_CONSENT_EXPIRED; break;
	case PC_CONSENT_LEFT: a->consent = PC_PERSON_CONSENT_LEFT; break;
	default: a->consent = PC_PERSON_CONSENT_NONE; break; /* never given */
	}
	a->blocks = a->status.state != PC_CONSENT_GRANTED;
}

/* The reason (or warning) that one matched pupil gives. */
static int report_pupil(struct pc__judge *j, const struct pc_judged_person *p,
                        const struct pc_pupil *pupil, const struct assessment *a)
{
	const char *name = p->pupil_name, *id = p->pupil_id;
	const char *what = j->purpose->description, *policy = pc__judge_policy(j);

	if (pupil->no_photo)
		return pc__verdict_add(j->v, PC__RANK_PERSON, 1, "no-photo", PARENT_CHILD,
		                       "%s (%s) must never appear in a shared photo (no_photo), "
		                       "whatever the consent says", name, id);
	switch (a->status.state) {
	case PC_CONSENT_GRANTED: {
		if (!a->status.expires_on[0])
			return 0;
		long days = days_of(a->status.expires_on) - days_of(j->date);
		if (days > EXPIRING_DAYS)
			return 0;
		if (days == 0)
			return pc__verdict_add(j->v, PC__RANK_CONSENT_EXPIRING, 0,
			                       "consent-expiring", PARENT_EXPIRING,
			                       "the consent of %s (%s) for %s expires today (%s)",
			                       name, id, what, a->status.expires_on);
		return pc__verdict_add(j->v, PC__RANK_CONSENT_EXPIRING, 0, "consent-expiring",
		                       PARENT_EXPIRING,
		                       "the consent of %s (%s) for %s expires on %s, in %ld day%s",
		                       name, id, what, a->status.expires_on, days,
		                       days == 1 ? "" : "s");
	}
	case PC_CONSENT_LEFT:
		return pc__verdict_add(j->v, PC__RANK_PERSON, 1, "pupil-left", PARENT_CHILD,
		                       "%s (%s) left the school on %s: photos of a pupil who has "
		                       "left are not published", name, id, a->status.since);
	case PC_CONSENT_REFUSED:
		return pc__verdict_add(j->v, PC__RANK_PERSON, 1, "consent-refused", PARENT_CHILD,
		                       "%s (%s) has refused consent for %s: %s", name, id, what,
		                       policy);
	case PC_CONSENT_WITHDRAWN:
		return pc__verdict_add(j->v, PC__RANK_PERSON, 1, "consent-withdrawn", PARENT_CHILD,
		                       "%s (%s) withdrew consent for %s on %s: %s", name, id, what,
		                       a->status.since, policy);
	case PC_CONSENT_EXPIRED:
		return pc__verdict_add(j->v, PC__RANK_PERSON, 1, "consent-expired", PARENT_CHILD,
		                       "the consent of %s (%s) for %s expired on %s: %s", name, id,
		                       what, a->status.expires_on, policy);
	default:
		return pc__verdict_add(j->v, PC__RANK_PERSON, 1, "consent-none", PARENT_CHILD,
		                       "%s (%s) has no consent in force for %s: %s", name, id, what,
		                       policy);
	}
}

static void set_region(struct pc_judged_person *p, const struct pc_region *region)
{
	if (!region || p->has_region)
		return;
	p->has_region = 1;
	p->x = region->x;
	p->y = region->y;
	p->w = region->w;
	p->h = region->h;
}

/* The pupils a tag names (from pc__snapshot_named). */
struct matches {
	struct pc__snapshot_match *items;
	size_t count;
};

static const struct pc_pupil *pupil_of(const struct pc__judge *j,
                                       const struct pc__snapshot_match *m)
{
	return &j->snap->pupils->items[m->pupil];
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The merge key of what a tag matched: "p" and the pupil id for one
 * pupil, "a" and the sorted ids for several. Ids cannot hold \x1f. */
static char *merge_key(const struct pc__judge *j, const struct matches *m)
{
	struct pc__buf b;
	const char **ids = malloc(m->count * sizeof(*ids));
	int err = !ids;

	pc__buf_init(&b, 0);
	for (size_t i = 0; !err && i < m->count; i++)
		ids[i] = pupil_of(j, &m->items[i])->id;
	if (!err)
		qsort(ids, m->count, sizeof(*ids), cmp_str);
	err = err || pc__buf_putc(&b, m->count == 1 ? 'p' : 'a');
	for (size_t i = 0; !err && i < m->count; i++)
		err = pc__buf_putc(&b, '\x1f') || pc__buf_puts(&b, ids[i]);
	free(ids);
	if (err) {
		pc__buf_release(&b);
		return NULL;
	}
	return pc__buf_detach(&b);
}

/* Finds the person already holding `key` (1 and *at), or records `key`
 * for the person about to be added at `next` (0). Takes `key`; -1 when
 * out of memory (a NULL key is what running out gave). */
static int find_or_add_key(struct stage *s, char *key, size_t next, size_t *at)
{
	if (!key)
		return -1;
	if (pc__strindex_get(&s->index, key, at)) {
		free(key);
		return 1;
	}
	if (s->key_count == s->key_alloc) {
		size_t alloc = s->key_alloc ? s->key_alloc * 2 : 16;
		char **keys = realloc(s->keys, alloc * sizeof(*keys));
		if (!keys) {
			free(key);
			return -1;
		}
		s->keys = keys;
		s->key_alloc = alloc;
	}
	s->keys[s->key_count++] = key;
	size_t old;
	return pc__strindex_add(&s->index, key, next, &old) < 0 ? -1 : 0;
}

static int judge_pupil(struct stage *s, size_t at, const struct pc__snapshot_match *m)
{
	struct pc__judge *j = s->j;
	struct pc_verdict *v = j->v;
	const struct pc_pupil *pupil = pupil_of(j, m);
	struct assessment a;
	assess(j, m->pupil, &a);
	struct pc_judged_person *p = &v->persons[at];
	p->match = m->kind == PC_MATCH_ALIAS ? PC_PERSON_ALIAS : PC_PERSON_EXACT;
	p->consent = a.consent;
	p->blocks = a.blocks;
	p->pupil_id = pc__verdict_strdup(v, pupil->id);
	p->pupil_name = pc__verdict_printf(v, "%s %s", pupil->forename, pupil->surname);
	if (!p->pupil_id || !p->pupil_name)
		return PC_ENOMEM;
	return report_pupil(j, p, pupil, &a);
}

/* A tag that may mean several pupils blocks only when every one of them
 * would: then whoever it is, the photo cannot go out. */
static int judge_ambiguous(struct stage *s, size_t at, const struct matches *m)
{
	int ret = PC_ENOMEM, all_block = 1;
	struct pc__judge *j = s->j;
	struct pc__buf list;

	pc__buf_init(&list, 0);
	for (size_t i = 0; i < m->count; i++) {
		const struct pc_pupil *pupil = pupil_of(j, &m->items[i]);
		struct assessment a;
		assess(j, m->items[i].pupil, &a);
		all_block = all_block && a.blocks;
		if ((i && pc__buf_puts(&list, ", ")) || pc__buf_puts(&list, pupil->id) ||
		    (pupil->class_name && pc__buf_printf(&list, " %s", pupil->class_name))) {
			ret = PC_ENOMEM;
			goto done;
		}
	}
	struct pc_judged_person *p = &j->v->persons[at];
	p->match = PC_PERSON_AMBIGUOUS;
	p->consent = PC_PERSON_CONSENT_NONE;
	p->blocks = all_block;
	if (all_block)
		ret = pc__verdict_add(j->v, PC__RANK_AMBIGUOUS, 1, "ambiguous",
		                      "a tag matches more than one child",
		                      "'%s' matches %zu pupils (%s), and none of them may appear "
		                      "in photos for %s: tag the photo with the pupil id",
		                      p->tag, m->count, list.data, j->purpose->description);
	else
		ret = pc__verdict_add(j->v, PC__RANK_AMBIGUOUS, 0, "ambiguous",
		                      "a tag matches more than one child",
		                      "'%s' matches %zu pupils (%s): tag the photo with the "
		                      "pupil id",
		                      p->tag, m->count, list.data);
done:
	pc__buf_release(&list);
	return ret;
}

/*
 * One named tag. `keyword_only`: a flat keyword, a person only when it
 * names a pupil. A tag that reaches a person already listed adds its
 * sources (and face box) to that person.
 */
static int add_tag(struct stage *s, const char *tag, unsigned sources,
                   const struct pc_region *region, int keyword_only, int in_file, int by_id)
{
	int ret = PC_ENOMEM;
	struct pc__judge *j = s->j;
	struct pc_verdict *v = j->v;
	struct matches matched = { NULL, 0 }, *m = &matched;
	struct pc_judged_person *p;
	size_t at;

	ret = pc__snapshot_named(j->snap, tag, by_id, &m->items, &m->count);
	if (ret)
		goto done;
	if (m->count == 0 && keyword_only)
		goto done;
	if (m->count > 0) {
		int found = find_or_add_key(s, merge_key(j, m), v->person_count, &at);
		if (found < 0) {
			ret = PC_ENOMEM;
			goto done;
		}
		if (found) {
			p = &v->persons[at];
			p->sources |= sources;
			p->in_file |= in_file;
			set_region(p, region);
			if (m->count == 1 && m->items[0].kind != PC_MATCH_ALIAS)
				p->match = p->match == PC_PERSON_ALIAS ? PC_PERSON_EXACT : p->match;
			goto done;
		}
	}
	p = pc__verdict_person_new(v, &at);
	if (!p || !(p->tag = pc__verdict_strdup(v, tag))) {
		ret = PC_ENOMEM;
		goto done;
	}
	p->sources = sources;
	p->in_file = in_file;
	set_region(p, region);
	if (m->count == 1) {
		ret = judge_pupil(s, at, &m->items[0]);
	} else if (m->count > 1) {
		ret = judge_ambiguous(s, at, m);
	} else {
		p->match = PC_PERSON_UNKNOWN;
		p->consent = PC_PERSON_CONSENT_NONE;
		ret = pc__verdict_add(j->v, PC__RANK_UNKNOWN_PERSON, 0, "unknown-person",
		                      "someone tagged in this photo is not known to the school",
		                      "'%s' matches no pupil: check the tag, or tag the photo with "
		                      "the pupil id", tag);
	}
done:
	free(matched.items);
	return ret;
}

static int add_unnamed(struct stage *s, const struct pc_person *face)
{
	size_t at;
	struct pc_judged_person *p = pc__verdict_person_new(s->j->v, &at);
	if (!p)
		return PC_ENOMEM;
	p->sources = face->sources;
	p->in_file = face->in_file;
	p->match = PC_PERSON_UNKNOWN;
	p->consent = PC_PERSON_CONSENT_NONE;
	set_region(p, face->has_region ? &face->region : NULL);
	s->unnamed++;
	return 0;
}

/* Faces with no name, and no people at all: the tool cannot tell who is
 * pictured. Only a photo read whole is called untagged: a damaged one
 * may have lost its tags, which its own reason says. */
static int report_doubts(struct stage *s)
{
	struct pc__judge *j = s->j;
	if (s->unnamed == 1)
		return pc__verdict_add(j->v, PC__RANK_UNNAMED_FACE, 0, "unnamed-face",
		                       "someone in this photo is not tagged",
		                       "a face region has no name: tag who it is");
	if (s->unnamed > 1)
		return pc__verdict_add(j->v, PC__RANK_UNNAMED_FACE, 0, "unnamed-face",
		                       "someone in this photo is not tagged",
		                       "%zu face regions have no name: tag who they are",
		                       s->unnamed);
	if (!j->v->person_count && pc_photo_status(j->photo) == PC_PHOTO_OK)
		return pc__verdict_add(j->v, PC__RANK_UNTAGGED, 0, "untagged",
		                       "the photo does not say who is in it",
		                       "the photo has no people tags; untagged is not the same as "
		                       "nobody in it");
	return 0;
}

/* The names travel with the file to wherever it is published. */
static int report_metadata_names(struct stage *s)
{
	int ret = PC_ENOMEM;
	struct pc__judge *j = s->j;
	const struct pc_verdict *v = j->v;
	struct pc__buf list;
	size_t named = 0, shown = 0;
	enum { SHOWN_MAX = 5 };

	pc__buf_init(&list, 0);
	for (size_t i = 0; i < v->person_count; i++) {
		/* A sidecar is not published with the photo: only the file's own
		 * tags are a risk. */
		const char *tag = v->persons[i].tag;
		if (!tag || !v->persons[i].in_file)
			continue;
		named++;
		if (shown == SHOWN_MAX)
			continue;
		if ((shown && pc__buf_puts(&list, ", ")) || pc__buf_printf(&list, "'%s'", tag)) {
			ret = PC_ENOMEM;
			goto done;
		}
		shown++;
	}
	ret = 0;
	if (!named)
		goto done;
	if (named > shown && pc__buf_printf(&list, " and %zu more", named - shown)) {
		ret = PC_ENOMEM;
		goto done;
	}
	ret = pc__verdict_add(j->v, PC__RANK_NAMES_IN_METADATA, 0, "names-in-metadata",
	                      "the photo's details name the people in it",
	                      "the file's metadata names %s: publish an exported copy, which "
	                      "strips them", list.data);
done:
	pc__buf_release(&list);
	return ret;
}

/* One part of a keyword: a person only when it names a pupil. */
struct keyword_ctx {
	struct stage *s;
	const struct pc_keyword *kw;
};

static int keyword_part(void *ctx, const char *part)
{
	struct keyword_ctx *k = ctx;
	return add_tag(k->s, part, k->kw->sources, NULL, 1, k->kw->in_file, 0);
}

/* The fields that name people on purpose, where an id may be written. */
#define EXPLICIT_SOURCES (PC_SOURCE_MWG_REGION | PC_SOURCE_MP_REGION | PC_SOURCE_PERSON_IN_IMAGE)

int pc__policy_people(struct pc__judge *j)
{
	int ret = PC_ENOMEM;
	struct stage s;
	const pc_photo *photo = j->photo;

	memset(&s, 0, sizeof(s));
	s.j = j;
	for (size_t i = 0; i < pc_photo_person_count(photo); i++) {
		const struct pc_person *person = pc_photo_person(photo, i);
		ret = person->name
			? add_tag(&s, person->name, person->sources,
			          person->has_region ? &person->region : NULL, 0, person->in_file,
			          (person->sources & EXPLICIT_SOURCES) != 0)
			: add_unnamed(&s, person);
		if (ret)
			goto done;
	}
	for (size_t i = 0; i < pc_photo_keyword_count(photo); i++) {
		struct keyword_ctx k = { &s, pc_photo_keyword(photo, i) };
		if ((ret = pc__keyword_parts(k.kw, keyword_part, &k)))
			goto done;
	}
	if ((ret = report_doubts(&s)) ||
	    (j->purpose->is_public && (ret = report_metadata_names(&s))))
		goto done;
	ret = 0;
done:
	stage_release(&s);
	return ret;
}
