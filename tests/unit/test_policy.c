/*
 * test_policy.c: the verdict.
 *
 * One test reads the decision table, tests/unit/policy_cases.txt (its
 * format is at the top of that file), as jq keeps its cases in jq.test:
 * each case builds a database in a temporary folder, writes a small JPEG
 * in memory whose XMP packet holds the case's photo facts, reads it with
 * pc_photo_read_memory and holds pc_policy_judge to the expected verdict,
 * reason codes and warning codes. A second pass over every case checks
 * that no parent message names a child, an id or a consent state. The
 * other tests look at the messages themselves.
 *
 * The table's path is $PC_POLICY_CASES, else tests/unit/policy_cases.txt
 * from the project's root, where the tests run. PC_POLICY_SHOW=1 prints
 * every verdict of the table, to read its messages.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"
#include "test_store.h"
#include "store/store_internal.h"

#define MAX_TOKENS 64
#define MAX_FACTS 16
#define MAX_SECRETS 512

/* ------------------------------------------------------------ the rules */

/* Every code policy.h lists, and where a reason stands in the order. */
static const struct {
	const char *code;
	int rank;    /* reasons: the order they are listed in */
	int kind;    /* 'b' always blocks, 'r' only reviews, '?' either, 'w' a warning */
} codes[] = {
	{ "always-denied", 0, 'b' },
	{ "event-denies", 1, 'b' },
	{ "no-photo", 2, 'b' },
	{ "pupil-left", 2, 'b' },
	{ "consent-refused", 2, 'b' },
	{ "consent-withdrawn", 2, 'b' },
	{ "consent-expired", 2, 'b' },
	{ "consent-none", 2, 'b' },
	{ "no-photo-named", 3, 'b' },
	{ "no-name-named", 4, 'b' },
	{ "ambiguous", 5, '?' },
	{ "unknown-person", 6, 'r' },
	{ "named-not-tagged", 7, 'r' },
	{ "unnamed-face", 8, 'r' },
	{ "untagged", 9, 'r' },
	{ "unreadable", 10, 'r' },
	{ "gps", 0, 'w' },
	{ "name-in-caption", 0, 'w' },
	{ "name-in-filename", 0, 'w' },
	{ "names-in-metadata", 0, 'w' },
	{ "consent-expiring", 0, 'w' },
	{ "unknown-event", 0, 'w' },
	{ "several-events", 0, 'w' },
};
#define CODE_COUNT (sizeof(codes) / sizeof(codes[0]))

static int code_index(const char *code)
{
	for (size_t i = 0; i < CODE_COUNT; i++)
		if (!strcmp(codes[i].code, code))
			return (int)i;
	return -1;
}

/* Words that say a consent state or a flag: never in a parent message. */
static const char *const consent_words[] = {
	"consent", "granted", "refus", "withdr", "expir", "no-photo", "no_photo",
	"no-name", "no_name", "left", "none",
};

/* ------------------------------------------------------------ one case */

/* What the photo's XMP holds. */
struct spec {
	const char *persons[MAX_FACTS];
	size_t person_count;
	const char *faces[MAX_FACTS]; /* NULL: a face with no name */
	size_t face_count;
	const char *keywords[MAX_FACTS];
	size_t keyword_count;
	const char *tags[MAX_FACTS];
	size_t tag_count;
	const char *event, *taken, *created, *caption, *file;
	int gps, damaged, notjpeg;
};

struct runner {
	const char *where;    /* "file:line: case 'name'" for messages */
	char where_buf[300];
	char dir[64];
	char db[128];
	pc_store *store;
	struct spec spec;
	pc_photo *photo;
	pc_verdict *verdict;
	int check_parent;     /* the second pass */
	/* Names, ids and tags a parent message must not hold. */
	const char *secrets[MAX_SECRETS];
	size_t secret_count;
	size_t judged, expected;
	char *owned[64];      /* lines that run_lines copied */
	size_t owned_count;
};

static void secret(struct runner *r, const char *s)
{
	if (!s || !*s)
		return;
	cr_assert_lt(r->secret_count, MAX_SECRETS);
	r->secrets[r->secret_count++] = s;
}

static void runner_begin(struct runner *r, const char *where)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->where_buf, sizeof(r->where_buf), "%s", where);
	r->where = r->where_buf;
	snprintf(r->dir, sizeof(r->dir), "%s/pc-policy-XXXXXX", scratch_root());
	cr_assert_not_null(mkdtemp(r->dir), "cannot make a temporary folder");
	snprintf(r->db, sizeof(r->db), "%s/consent.db", r->dir);
	int ret = pc_store_open(&r->store, r->db, PC_STORE_CREATE, &test_err);
	cr_assert_eq(ret, 0, "%s: creating the database: %d %s", r->where, ret,
	             test_err.message);
}

static void runner_end(struct runner *r)
{
	pc_verdict_free(r->verdict);
	pc_photo_free(r->photo);
	pc_store_free(r->store);
	r->verdict = NULL;
	r->photo = NULL;
	r->store = NULL;
	DIR *d = opendir(r->dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char p[400];
			snprintf(p, sizeof(p), "%s/%s", r->dir, e->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(r->dir);
	for (size_t i = 0; i < r->owned_count; i++)
		free(r->owned[i]);
	r->owned_count = 0;
}

/* The value of `tok` when it is `key=value`, else NULL. */
static const char *opt(const char *tok, const char *key)
{
	size_t n = strlen(key);
	return !strncmp(tok, key, n) && tok[n] == '=' ? tok + n + 1 : NULL;
}

/* ------------------------------------------------------- building a JPEG */

struct bytes {
	unsigned char *data;
	size_t len, alloc;
};

static void put(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->alloc) {
		b->alloc = (b->len + n + 1) * 2;
		b->data = realloc(b->data, b->alloc);
		cr_assert_not_null(b->data);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
}

static void puts_b(struct bytes *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_xml(struct bytes *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': puts_b(b, "&amp;"); break;
		case '<': puts_b(b, "&lt;"); break;
		case '>': puts_b(b, "&gt;"); break;
		case '\'': puts_b(b, "&apos;"); break;
		case '"': puts_b(b, "&quot;"); break;
		default: put(b, s, 1); break;
		}
	}
}

static void put_bag(struct bytes *b, const char *prop, const char *kind,
                    const char *const *v, size_t n)
{
	if (!n)
		return;
	puts_b(b, "<");
	puts_b(b, prop);
	puts_b(b, "><rdf:");
	puts_b(b, kind);
	puts_b(b, ">");
	for (size_t i = 0; i < n; i++) {
		puts_b(b, "<rdf:li>");
		put_xml(b, v[i]);
		puts_b(b, "</rdf:li>");
	}
	puts_b(b, "</rdf:");
	puts_b(b, kind);
	puts_b(b, "></");
	puts_b(b, prop);
	puts_b(b, ">");
}

static void put_alt(struct bytes *b, const char *prop, const char *text)
{
	if (!text)
		return;
	puts_b(b, "<");
	puts_b(b, prop);
	puts_b(b, "><rdf:Alt><rdf:li xml:lang='x-default'>");
	put_xml(b, text);
	puts_b(b, "</rdf:li></rdf:Alt></");
	puts_b(b, prop);
	puts_b(b, ">");
}

static void put_simple(struct bytes *b, const char *prop, const char *text)
{
	if (!text)
		return;
	puts_b(b, "<");
	puts_b(b, prop);
	puts_b(b, ">");
	put_xml(b, text);
	puts_b(b, "</");
	puts_b(b, prop);
	puts_b(b, ">");
}

/* A date from the table ("2026-07-03") as a camera writes it. */
static const char *full_time(const char *date, char out[32])
{
	if (!date)
		return NULL;
	snprintf(out, 32, "%s%s", date, strchr(date, 'T') ? "" : "T10:15:00");
	return out;
}

static void xmp_packet(struct bytes *b, const struct spec *s)
{
	char t1[32], t2[32];
	puts_b(b, "<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
	       "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
	       "<rdf:Description rdf:about=''"
	       " xmlns:mwg-rs='http://www.metadataworkinggroup.com/schemas/regions/'"
	       " xmlns:stArea='http://ns.adobe.com/xmp/sType/Area#'"
	       " xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'"
	       " xmlns:dc='http://purl.org/dc/elements/1.1/'"
	       " xmlns:digiKam='http://www.digikam.org/ns/1.0/'"
	       " xmlns:exif='http://ns.adobe.com/exif/1.0/'"
	       " xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>");
	if (s->face_count) {
		puts_b(b, "<mwg-rs:Regions rdf:parseType='Resource'>"
		       "<mwg-rs:RegionList><rdf:Bag>");
		for (size_t i = 0; i < s->face_count; i++) {
			char area[200];
			puts_b(b, "<rdf:li><rdf:Description mwg-rs:Type='Face'");
			if (s->faces[i]) {
				puts_b(b, " mwg-rs:Name='");
				put_xml(b, s->faces[i]);
				puts_b(b, "'");
			}
			snprintf(area, sizeof(area),
			         "><mwg-rs:Area stArea:x='%.2f' stArea:y='0.5' stArea:w='0.1'"
			         " stArea:h='0.2' stArea:unit='normalized'/>"
			         "</rdf:Description></rdf:li>",
			         0.1 + 0.1 * (double)i);
			puts_b(b, area);
		}
		puts_b(b, "</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>");
	}
	put_bag(b, "Iptc4xmpExt:PersonInImage", "Bag", s->persons, s->person_count);
	put_bag(b, "dc:subject", "Bag", s->keywords, s->keyword_count);
	put_bag(b, "digiKam:TagsList", "Seq", s->tags, s->tag_count);
	put_alt(b, "Iptc4xmpExt:Event", s->event);
	put_alt(b, "dc:description", s->caption);
	put_simple(b, "exif:DateTimeOriginal", full_time(s->taken, t1));
	put_simple(b, "photoshop:DateCreated", full_time(s->created, t2));
	put_simple(b, "exif:GPSLatitude", s->gps ? "51,30.5N" : NULL);
	puts_b(b, "</rdf:Description></rdf:RDF></x:xmpmeta>");
}

/* SOI, APP1 with the XMP packet, then the image (or, damaged, an APP13
 * segment cut short by the end of the file). */
static void build_jpeg(struct bytes *out, const struct spec *s)
{
	static const unsigned char soi[] = { 0xFF, 0xD8 };
	static const char xmp_id[] = "http://ns.adobe.com/xap/1.0/";
	static const unsigned char image[] = {
		0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x78, 0x00, 0xA0, 0x01, 0x01, 0x11, 0x00,
		0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
		0x00, 0x00, 0xFF, 0xD9,
	};
	static const unsigned char cut[] = {
		0xFF, 0xED, 0x00, 0x80, 'P', 'h', 'o', 't', 'o', 's', 'h', 'o', 'p',
	};
	struct bytes xmp = { NULL, 0, 0 };

	memset(out, 0, sizeof(*out));
	if (s->notjpeg) {
		puts_b(out, "GIF89a\x01\x00\x01\x00 not a photo");
		return;
	}
	xmp_packet(&xmp, s);
	size_t seglen = 2 + sizeof(xmp_id) + xmp.len;
	cr_assert_lt(seglen, 65536);
	unsigned char head[4] = { 0xFF, 0xE1, (unsigned char)(seglen >> 8),
	                          (unsigned char)(seglen & 0xFF) };
	put(out, soi, sizeof(soi));
	put(out, head, sizeof(head));
	put(out, xmp_id, sizeof(xmp_id)); /* with its NUL */
	put(out, xmp.data, xmp.len);
	if (s->damaged)
		put(out, cut, sizeof(cut));
	else
		put(out, image, sizeof(image));
	free(xmp.data);
}

static void read_photo(struct runner *r)
{
	struct bytes jpeg;
	build_jpeg(&jpeg, &r->spec);
	const char *name = r->spec.file ? r->spec.file : "IMG_0001.jpg";
	int ret = pc_photo_read_memory(&r->photo, name, jpeg.data, jpeg.len, NULL);
	free(jpeg.data);
	cr_assert_eq(ret, 0, "%s: reading the photo failed", r->where);
	cr_assert_not_null(r->photo);
	enum pc_photo_status want = r->spec.notjpeg ? PC_PHOTO_UNREADABLE
	                          : r->spec.damaged ? PC_PHOTO_DAMAGED : PC_PHOTO_OK;
	cr_assert_eq(pc_photo_status(r->photo), want, "%s: the photo's status is %d, not %d%s%s",
	             r->where, (int)pc_photo_status(r->photo), (int)want,
	             pc_photo_error_count(r->photo) ? ": " : "",
	             pc_photo_error_count(r->photo) ? pc_photo_error(r->photo, 0) : "");
}

/* --------------------------------------------------------- table lines */

/* Cuts `s` at its commas, in place. */
static void split_list(char *s, const char **out, size_t *n, size_t max)
{
	*n = 0;
	while (*s) {
		cr_assert_lt(*n, max);
		out[(*n)++] = s;
		char *comma = strchr(s, ',');
		if (!comma)
			break;
		*comma = '\0';
		s = comma + 1;
	}
}

static void do_pupil(struct runner *r, char **tok, size_t n)
{
	struct pc_pupil p;
	const char *aliases[MAX_FACTS];
	memset(&p, 0, sizeof(p));
	cr_assert_geq(n, 4, "%s: pupil ID FORENAME SURNAME ...", r->where);
	p.id = tok[1];
	p.forename = tok[2];
	p.surname = tok[3];
	p.aliases = aliases;
	for (size_t i = 4; i < n; i++) {
		const char *v;
		if ((v = opt(tok[i], "class")))
			p.class_name = v;
		else if ((v = opt(tok[i], "preferred")))
			p.preferred_name = v;
		else if ((v = opt(tok[i], "alias")))
			aliases[p.alias_count++] = v;
		else if ((v = opt(tok[i], "left")))
			p.left_on = v;
		else if (!strcmp(tok[i], "no_photo"))
			p.no_photo = 1;
		else if (!strcmp(tok[i], "no_name"))
			p.no_name = 1;
		else
			cr_assert_fail("%s: pupil: what is '%s'?", r->where, tok[i]);
	}
	int ret = pc_store_pupil_add(r->store, &p, "test", &test_err);
	cr_assert_eq(ret, 0, "%s: adding pupil %s: %s", r->where, p.id, test_err.message);
	secret(r, p.id);
	secret(r, p.forename);
	secret(r, p.surname);
	secret(r, p.preferred_name);
	for (size_t i = 0; i < p.alias_count; i++)
		secret(r, aliases[i]);
}

static void do_consent(struct runner *r, char **tok, size_t n)
{
	cr_assert_geq(n, 4, "%s: consent PUPILS PURPOSES DECISION ...", r->where);
	struct pc_consent_record c;
	memset(&c, 0, sizeof(c));
	if (!strcmp(tok[3], "granted"))
		c.decision = PC_DECISION_GRANTED;
	else if (!strcmp(tok[3], "refused"))
		c.decision = PC_DECISION_REFUSED;
	else if (!strcmp(tok[3], "withdrawn"))
		c.decision = PC_DECISION_WITHDRAWN;
	else
		cr_assert_fail("%s: consent: '%s' is not granted, refused or withdrawn", r->where,
		               tok[3]);
	for (size_t i = 4; i < n; i++) {
		const char *v;
		if ((v = opt(tok[i], "signed")))
			c.signed_on = v;
		else if ((v = opt(tok[i], "expires")))
			c.expires_on = v;
		else if ((v = opt(tok[i], "on")))
			c.withdrawn_on = v;
		else
			cr_assert_fail("%s: consent: what is '%s'?", r->where, tok[i]);
	}
	c.recorded_by = "test";
	/* Lists: every pupil for every purpose. Cutting them would cut the
	 * table's tokens, which the next case reads again: copies. */
	char *pupils = strdup(tok[1]), *purposes = strdup(tok[2]);
	const char *pv[64], *uv[16];
	size_t pn, un;
	split_list(pupils, pv, &pn, 64);
	split_list(purposes, uv, &un, 16);
	for (size_t i = 0; i < pn; i++) {
		for (size_t k = 0; k < un; k++) {
			c.pupil_id = pv[i];
			c.purpose_id = uv[k];
			int ret = pc_store_consent_add(r->store, &c, &test_err);
			cr_assert_eq(ret, 0, "%s: consent %s %s: %s", r->where, pv[i], uv[k],
			             test_err.message);
		}
	}
	free(pupils);
	free(purposes);
}

static void do_event(struct runner *r, char **tok, size_t n)
{
	struct pc_event e;
	const char *tags[MAX_FACTS], *denied[MAX_FACTS];
	memset(&e, 0, sizeof(e));
	cr_assert_geq(n, 5, "%s: event ID NAME FROM TO ...", r->where);
	e.id = tok[1];
	e.name = tok[2];
	e.starts_on = tok[3];
	e.ends_on = tok[4];
	e.tags = tags;
	e.denied = denied;
	for (size_t i = 5; i < n; i++) {
		const char *v;
		if ((v = opt(tok[i], "tag")))
			tags[e.tag_count++] = v;
		else if ((v = opt(tok[i], "deny")))
			denied[e.denied_count++] = v;
		else if ((v = opt(tok[i], "note")))
			e.note = v;
		else
			cr_assert_fail("%s: event: what is '%s'?", r->where, tok[i]);
	}
	int ret = pc_store_event_add(r->store, &e, "test", &test_err);
	cr_assert_eq(ret, 0, "%s: adding event %s: %s", r->where, e.id, test_err.message);
}

static void add_fact(struct runner *r, const char **v, size_t *n, const char *value)
{
	cr_assert_lt(*n, MAX_FACTS, "%s: too many", r->where);
	v[(*n)++] = value;
}

static void do_photo(struct runner *r, char **tok, size_t n)
{
	struct spec *s = &r->spec;
	cr_assert_null(r->photo, "%s: photo facts after the photo was judged", r->where);
	for (size_t i = 1; i < n; i++) {
		const char *v;
		if ((v = opt(tok[i], "person"))) {
			add_fact(r, s->persons, &s->person_count, v);
			secret(r, v);
		} else if ((v = opt(tok[i], "face"))) {
			add_fact(r, s->faces, &s->face_count, v);
			secret(r, v);
		} else if (!strcmp(tok[i], "face")) {
			add_fact(r, s->faces, &s->face_count, NULL);
		} else if ((v = opt(tok[i], "keyword"))) {
			add_fact(r, s->keywords, &s->keyword_count, v);
			secret(r, v);
		} else if ((v = opt(tok[i], "tag"))) {
			add_fact(r, s->tags, &s->tag_count, v);
		} else if ((v = opt(tok[i], "event"))) {
			cr_assert_null(s->event, "%s: one Iptc4xmpExt:Event a photo", r->where);
			s->event = v;
		} else if ((v = opt(tok[i], "taken"))) {
			s->taken = v;
		} else if ((v = opt(tok[i], "created"))) {
			s->created = v;
		} else if ((v = opt(tok[i], "caption"))) {
			s->caption = v;
		} else if ((v = opt(tok[i], "file"))) {
			s->file = v;
		} else if (!strcmp(tok[i], "gps")) {
			s->gps = 1;
		} else if (!strcmp(tok[i], "damaged")) {
			s->damaged = 1;
		} else if (!strcmp(tok[i], "notjpeg")) {
			s->notjpeg = 1;
		} else {
			cr_assert_fail("%s: photo: what is '%s'?", r->where, tok[i]);
		}
	}
}

/* Whole word, ignoring ASCII case: "Al" is not in "allow". */
static int has_word(const char *hay, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = hay; *p; p++) {
		if (strncasecmp(p, word, n))
			continue;
		int before = p == hay || !isalnum((unsigned char)p[-1]);
		int after = !isalnum((unsigned char)p[n]);
		if (before && after)
			return 1;
	}
	return 0;
}

static int has_text(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (!strncasecmp(p, needle, n))
			return 1;
	return 0;
}

static void check_parent_message(struct runner *r, const struct pc_reason *reason)
{
	const char *m = reason->parent_message;
	for (size_t i = 0; i < r->secret_count; i++)
		cr_expect(!has_word(m, r->secrets[i]),
		          "%s: the parent message of %s names '%s': \"%s\"", r->where, reason->code,
		          r->secrets[i], m);
	for (size_t i = 0; i < sizeof(consent_words) / sizeof(consent_words[0]); i++)
		cr_expect(!has_text(m, consent_words[i]),
		          "%s: the parent message of %s says '%s': \"%s\"", r->where, reason->code,
		          consent_words[i], m);
}

/* What holds for every verdict, whatever the case. */
static void check_invariants(struct runner *r)
{
	const pc_verdict *v = r->verdict;
	int last_rank = -1, any_block = 0, all_review = 1;
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++) {
		const struct pc_reason *reason = pc_verdict_reason(v, i);
		int c = code_index(reason->code);
		cr_expect(c >= 0 && codes[c].kind != 'w', "%s: '%s' is not a reason code", r->where,
		          reason->code);
		if (c < 0)
			continue;
		cr_expect_geq(codes[c].rank, last_rank, "%s: reason %s is listed out of order",
		              r->where, reason->code);
		last_rank = codes[c].rank;
		any_block = any_block || codes[c].kind == 'b';
		all_review = all_review && codes[c].kind == 'r';
		cr_expect(reason->message && *reason->message, "%s: %s has no message", r->where,
		          reason->code);
		cr_expect(reason->parent_message && *reason->parent_message,
		          "%s: %s has no parent message", r->where, reason->code);
		if (r->check_parent)
			check_parent_message(r, reason);
	}
	for (size_t i = 0; i < pc_verdict_warning_count(v); i++) {
		const struct pc_reason *w = pc_verdict_warning(v, i);
		int c = code_index(w->code);
		cr_expect(c >= 0 && codes[c].kind == 'w', "%s: '%s' is not a warning code",
		          r->where, w->code);
		cr_expect(w->message && *w->message, "%s: %s has no message", r->where, w->code);
		cr_expect(w->parent_message && *w->parent_message, "%s: %s has no parent message",
		          r->where, w->code);
		if (r->check_parent && w->parent_message)
			check_parent_message(r, w);
	}
	enum pc_verdict_kind kind = pc_verdict_kind(v);
	if (!pc_verdict_reason_count(v))
		cr_expect_eq(kind, PC_VERDICT_SHARE, "%s: no reasons, yet not share", r->where);
	else
		cr_expect_neq(kind, PC_VERDICT_SHARE, "%s: reasons, yet share", r->where);
	if (any_block)
		cr_expect_eq(kind, PC_VERDICT_DO_NOT_SHARE, "%s: a blocking reason, yet %s",
		             r->where, pc_verdict_kind_name(kind));
	if (pc_verdict_reason_count(v) && all_review)
		cr_expect_eq(kind, PC_VERDICT_REVIEW, "%s: only review reasons, yet %s", r->where,
		             pc_verdict_kind_name(kind));
	cr_expect_leq(pc_verdict_blocking(v), pc_verdict_children(v), "%s", r->where);
}

/* PC_POLICY_SHOW=1: every verdict on stderr, to read the messages. */
static void show(const struct runner *r, const char *purpose)
{
	const pc_verdict *v = r->verdict;
	fprintf(stderr, "%s: %s for %s\n", r->where, pc_verdict_kind_name(pc_verdict_kind(v)),
	        purpose);
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++) {
		const struct pc_reason *x = pc_verdict_reason(v, i);
		fprintf(stderr, "    reason %s: %s\n        parent: %s\n", x->code, x->message,
		        x->parent_message);
	}
	for (size_t i = 0; i < pc_verdict_warning_count(v); i++) {
		const struct pc_reason *x = pc_verdict_warning(v, i);
		fprintf(stderr, "    warning %s: %s\n        parent: %s\n", x->code, x->message,
		        x->parent_message);
	}
}

static void do_judge(struct runner *r, char **tok, size_t n)
{
	cr_assert_eq(n, 3, "%s: judge PURPOSE DATE", r->where);
	if (!r->photo)
		read_photo(r);
	pc_verdict_free(r->verdict);
	r->verdict = NULL;
	struct pc_error err = PC_ERROR_INIT;
	int ret = pc_policy_judge(&r->verdict, r->store, r->photo, tok[1], tok[2], &err);
	cr_assert_eq(ret, 0, "%s: judging for %s on %s: %d %s", r->where, tok[1], tok[2], ret,
	             err.message);
	cr_assert_not_null(r->verdict);
	cr_expect_str_eq(pc_verdict_purpose(r->verdict), tok[1], "%s", r->where);
	cr_expect_str_eq(pc_verdict_date(r->verdict), tok[2], "%s", r->where);
	cr_expect_str_eq(pc_verdict_file(r->verdict), pc_photo_path(r->photo), "%s", r->where);
	r->judged++;
	check_invariants(r);
	if (getenv("PC_POLICY_SHOW"))
		show(r, tok[1]);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A comma list as a sorted set, written back into `out`. */
static void as_set(const char **v, size_t n, char *out, size_t size)
{
	qsort(v, n, sizeof(*v), cmp_str);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(v[i], v[i - 1]))
			continue;
		if (out[0])
			strncat(out, ",", size - strlen(out) - 1);
		strncat(out, v[i], size - strlen(out) - 1);
	}
}

static void expect_codes(struct runner *r, const char *what, const char *want_list,
                         int warnings)
{
	const pc_verdict *v = r->verdict;
	const char *want[64] = { 0 }, *got[64] = { 0 };
	size_t want_n = 0, got_n = 0;
	char *copy = strdup(want_list ? want_list : "");
	char want_set[1024], got_set[1024];

	if (strcmp(copy, "-"))
		split_list(copy, want, &want_n, 64);
	for (size_t i = 0; i < want_n; i++) {
		int c = code_index(want[i]);
		cr_assert(c >= 0 && (codes[c].kind == 'w') == warnings,
		          "%s: '%s' is not a %s code (a typo in the table?)", r->where, want[i],
		          what);
	}
	size_t count = warnings ? pc_verdict_warning_count(v) : pc_verdict_reason_count(v);
	for (size_t i = 0; i < count && got_n < 64; i++) {
		const struct pc_reason *x = warnings ? pc_verdict_warning(v, i)
		                                     : pc_verdict_reason(v, i);
		got[got_n++] = x->code;
	}
	as_set(want, want_n, want_set, sizeof(want_set));
	as_set(got, got_n, got_set, sizeof(got_set));
	if (strcmp(want_set, got_set)) {
		char all[4096] = "";
		for (size_t i = 0; i < count; i++) {
			const struct pc_reason *x = warnings ? pc_verdict_warning(v, i)
			                                     : pc_verdict_reason(v, i);
			size_t len = strlen(all);
			snprintf(all + len, sizeof(all) - len, "\n    %s: %s", x->code, x->message);
		}
		cr_expect_fail("%s: %s {%s}, expected {%s}%s", r->where, what, got_set, want_set,
		               all);
	}
	free(copy);
}

static void do_expect(struct runner *r, char **tok, size_t n)
{
	const pc_verdict *v = r->verdict;
	const char *reasons = NULL, *warnings = NULL;
	cr_assert_not_null(v, "%s: expect before judge", r->where);
	cr_assert_geq(n, 2, "%s: expect VERDICT ...", r->where);
	r->expected++;
	cr_expect_str_eq(pc_verdict_kind_name(pc_verdict_kind(v)), tok[1], "%s: the verdict is %s",
	                 r->where, pc_verdict_kind_name(pc_verdict_kind(v)));
	for (size_t i = 2; i < n; i++) {
		const char *val;
		if ((val = opt(tok[i], "reasons"))) {
			reasons = val;
		} else if ((val = opt(tok[i], "warnings"))) {
			warnings = val;
		} else if ((val = opt(tok[i], "children"))) {
			cr_expect_eq(pc_verdict_children(v), strtoul(val, NULL, 10),
			             "%s: children %zu", r->where, pc_verdict_children(v));
		} else if ((val = opt(tok[i], "blocking"))) {
			cr_expect_eq(pc_verdict_blocking(v), strtoul(val, NULL, 10),
			             "%s: blocking %zu", r->where, pc_verdict_blocking(v));
		} else if ((val = opt(tok[i], "people"))) {
			cr_expect_eq(pc_verdict_person_count(v), strtoul(val, NULL, 10),
			             "%s: %zu people", r->where, pc_verdict_person_count(v));
		} else if ((val = opt(tok[i], "event"))) {
			char got[200];
			snprintf(got, sizeof(got), "%s%s%s",
			         pc_verdict_event_id(v) ? pc_verdict_event_id(v) : "none",
			         pc_verdict_event_id(v) ? "/" : "",
			         pc_verdict_event_id(v) ? pc_verdict_event_matched_by(v) : "");
			cr_expect_str_eq(got, val, "%s: event %s", r->where, got);
		} else if ((val = opt(tok[i], "events"))) {
			char got[400] = "";
			for (size_t e = 0; e < pc_verdict_event_count(v); e++) {
				const struct pc_verdict_event *ev = pc_verdict_event(v, e);
				size_t at = strlen(got);
				snprintf(got + at, sizeof(got) - at, "%s%s/%s", e ? "+" : "", ev->id,
				         ev->matched_by);
			}
			cr_expect_str_eq(got, val, "%s: events %s", r->where, got);
		} else {
			cr_assert_fail("%s: expect: what is '%s'?", r->where, tok[i]);
		}
	}
	expect_codes(r, "reasons", reasons, 0);
	expect_codes(r, "warnings", warnings, 1);
}

static void sources_text(unsigned sources, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = 0; i < PC_SOURCE_COUNT; i++) {
		if (!(sources & (1u << i)))
			continue;
		if (out[0])
			strncat(out, "+", size - strlen(out) - 1);
		strncat(out, pc_source_name(1u << i), size - strlen(out) - 1);
	}
}

static void do_person(struct runner *r, char **tok, size_t n)
{
	const pc_verdict *v = r->verdict;
	cr_assert_not_null(v, "%s: person before judge", r->where);
	cr_assert_geq(n, 2, "%s: person N ...", r->where);
	size_t i = strtoul(tok[1], NULL, 10);
	cr_assert(i >= 1 && i <= pc_verdict_person_count(v), "%s: there is no person %zu",
	          r->where, i);
	const struct pc_judged_person *p = pc_verdict_person(v, i - 1);
	for (size_t k = 2; k < n; k++) {
		const char *val;
		if ((val = opt(tok[k], "tag"))) {
			cr_expect_str_eq(p->tag ? p->tag : "-", val, "%s: person %zu's tag",
			                 r->where, i);
		} else if ((val = opt(tok[k], "pupil"))) {
			cr_expect_str_eq(p->pupil_id ? p->pupil_id : "-", val,
			                 "%s: person %zu's pupil", r->where, i);
		} else if ((val = opt(tok[k], "name"))) {
			cr_expect_str_eq(p->pupil_name ? p->pupil_name : "-", val,
			                 "%s: person %zu's pupil name", r->where, i);
		} else if ((val = opt(tok[k], "match"))) {
			cr_expect_str_eq(pc_person_match_name(p->match), val,
			                 "%s: person %zu's match", r->where, i);
		} else if ((val = opt(tok[k], "consent"))) {
			cr_expect_str_eq(pc_person_consent_name(p->consent), val, "%s: person %zu's consent", r->where, i);
		} else if ((val = opt(tok[k], "blocks"))) {
			cr_expect_eq(!!p->blocks, !!strtol(val, NULL, 10),
			             "%s: person %zu blocks: %d", r->where, i, p->blocks);
		} else if ((val = opt(tok[k], "sources"))) {
			char got[300];
			sources_text(p->sources, got, sizeof(got));
			cr_expect_str_eq(got, val, "%s: person %zu's sources", r->where, i);
		} else if ((val = opt(tok[k], "region"))) {
			cr_expect_eq(p->has_region, !strcmp(val, "yes"), "%s: person %zu's region",
			             r->where, i);
		} else {
			cr_assert_fail("%s: person: what is '%s'?", r->where, tok[k]);
		}
	}
}

static void run_line(struct runner *r, char **tok, size_t n)
{
	if (!strcmp(tok[0], "pupil"))
		do_pupil(r, tok, n);
	else if (!strcmp(tok[0], "consent"))
		do_consent(r, tok, n);
	else if (!strcmp(tok[0], "event"))
		do_event(r, tok, n);
	else if (!strcmp(tok[0], "photo"))
		do_photo(r, tok, n);
	else if (!strcmp(tok[0], "judge"))
		do_judge(r, tok, n);
	else if (!strcmp(tok[0], "expect"))
		do_expect(r, tok, n);
	else if (!strcmp(tok[0], "person"))
		do_person(r, tok, n);
	else
		cr_assert_fail("%s: what is '%s'?", r->where, tok[0]);
}

/* Splits a line in place into words: space parts them, "double quotes"
 * hold spaces (and are dropped). */
static size_t tokenize(char *line, char **tok, size_t max)
{
	size_t n = 0;
	char *rd = line, *wr = line;
	while (*rd) {
		while (*rd == ' ' || *rd == '\t')
			rd++;
		if (!*rd)
			break;
		cr_assert_lt(n, max, "too many words on a line");
		tok[n++] = wr;
		int quoted = 0;
		while (*rd && (quoted || (*rd != ' ' && *rd != '\t'))) {
			if (*rd == '"')
				quoted = !quoted;
			else
				*wr++ = *rd;
			rd++;
		}
		if (*rd)
			rd++;
		*wr++ = '\0';
	}
	return n;
}

/* ------------------------------------------------------------ the table */

struct line {
	int no;
	char *tok[MAX_TOKENS];
	size_t n;
};

struct table {
	char *text;
	const char *path;
	struct line *lines;
	size_t count;
};

static const char *cases_path(void)
{
	const char *p = getenv("PC_POLICY_CASES");
	return p && *p ? p : "tests/unit/policy_cases.txt";
}

static void table_load(struct table *t)
{
	memset(t, 0, sizeof(*t));
	t->path = cases_path();
	FILE *f = fopen(t->path, "rb");
	cr_assert_not_null(f, "cannot open '%s' (run from the project's root, or set "
	                   "PC_POLICY_CASES)", t->path);
	struct bytes b = { NULL, 0, 0 };
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		put(&b, chunk, got);
	fclose(f);
	t->text = (char *)b.data;
	size_t alloc = 0;
	int no = 0;
	for (char *s = t->text; s && *s;) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		no++;
		if (t->count == alloc) {
			alloc = alloc ? alloc * 2 : 256;
			t->lines = realloc(t->lines, alloc * sizeof(*t->lines));
			cr_assert_not_null(t->lines);
		}
		struct line *l = &t->lines[t->count];
		l->no = no;
		char *hash = s;
		while (*hash == ' ' || *hash == '\t')
			hash++;
		if (*hash != '#') {
			l->n = tokenize(s, l->tok, MAX_TOKENS);
			if (l->n)
				t->count++;
		}
		s = nl ? nl + 1 : NULL;
	}
}

static void table_free(struct table *t)
{
	free(t->lines);
	free(t->text);
}

/* Runs every case; returns how many. */
static size_t run_table(int check_parent, size_t *judged)
{
	struct table t;
	struct runner *r = calloc(1, sizeof(*r));
	size_t first = 0, cases = 0;
	cr_assert_not_null(r);
	table_load(&t);
	*judged = 0;
	while (first < t.count && strcmp(t.lines[first].tok[0], "case"))
		first++;
	for (size_t i = first; i < t.count;) {
		const struct line *head = &t.lines[i];
		cr_assert_geq(head->n, 2, "%s:%d: case NAME", t.path, head->no);
		char where[300];
		snprintf(where, sizeof(where), "%s:%d: case '%s'", t.path, head->no, head->tok[1]);
		runner_begin(r, where);
		r->check_parent = check_parent;
		/* The school first, then the case. */
		for (size_t k = 0; k < first; k++) {
			struct line *l = &t.lines[k];
			snprintf(r->where_buf, sizeof(r->where_buf),
			         "%s:%d (the school, for case '%s')", t.path, l->no, head->tok[1]);
			run_line(r, l->tok, l->n);
		}
		size_t k = i + 1;
		for (; k < t.count && strcmp(t.lines[k].tok[0], "case"); k++) {
			struct line *l = &t.lines[k];
			snprintf(r->where_buf, sizeof(r->where_buf), "%s:%d: case '%s'", t.path,
			         l->no, head->tok[1]);
			run_line(r, l->tok, l->n);
		}
		cr_expect_gt(r->expected, 0, "%s: the case expects nothing", where);
		cr_expect_eq(r->expected, r->judged, "%s: a judge with no expect", where);
		*judged += r->judged;
		runner_end(r);
		cases++;
		i = k;
	}
	free(r);
	table_free(&t);
	return cases;
}

Test(policy, decision_table)
{
	size_t judged;
	size_t cases = run_table(0, &judged);
	cr_expect_geq(cases, 50, "the table holds only %zu cases", cases);
	cr_log_info("policy: %zu cases, %zu verdicts", cases, judged);
}

Test(policy, parent_messages_name_no_child)
{
	size_t judged;
	run_table(1, &judged);
	cr_expect_gt(judged, 0);
}

/* ------------------------------------------------------ direct tests */

/* Runs `lines` (table lines) in a fresh database; the last judge's verdict
 * is r->verdict until runner_end. */
static void run_lines(struct runner *r, const char *name, const char *const *lines)
{
	char where[200];
	snprintf(where, sizeof(where), "test '%s'", name);
	runner_begin(r, where);
	for (size_t i = 0; lines[i]; i++) {
		cr_assert_lt(r->owned_count, sizeof(r->owned) / sizeof(r->owned[0]));
		/* The spec keeps pointers into the line: it lives as long as
		 * the runner. */
		char *copy = r->owned[r->owned_count++] = strdup(lines[i]);
		char *tok[MAX_TOKENS];
		size_t n = tokenize(copy, tok, MAX_TOKENS);
		if (n)
			run_line(r, tok, n);
	}
}

static char *policy_of(struct runner *r, const char *purpose)
{
	struct pc_purpose_list *list = NULL;
	int ret = pc_store_purpose_get(&list, r->store, purpose, &test_err);
	cr_assert_eq(ret, 0);
	char *policy = strdup(list->items[0].policy);
	pc_purpose_list_free(list);
	return policy;
}

static const struct pc_reason *finding(const pc_verdict *v, const char *code)
{
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++)
		if (!strcmp(pc_verdict_reason(v, i)->code, code))
			return pc_verdict_reason(v, i);
	for (size_t i = 0; i < pc_verdict_warning_count(v); i++)
		if (!strcmp(pc_verdict_warning(v, i)->code, code))
			return pc_verdict_warning(v, i);
	cr_assert_fail("no %s in the verdict", code);
	return NULL;
}

static void expect_holds(const char *message, const char *part)
{
	cr_expect(strstr(message, part), "\"%s\" does not hold \"%s\"", message, part);
}

static struct runner runner;

static void runner_fini(void)
{
	runner_end(&runner);
}

TestSuite(policy_messages, .fini = runner_fini);

Test(policy_messages, refusal_names_the_pupil_and_quotes_the_policy)
{
	static const char *const lines[] = {
		"pupil 2217 Oliver Smith class=\"Year 5\"",
		"consent 2217 website refused signed=2025-09-05",
		"photo person=\"Oliver Smith\"",
		"judge website 2026-11-26",
		NULL,
	};
	run_lines(&runner, "refusal", lines);
	const struct pc_reason *r = finding(runner.verdict, "consent-refused");
	char *policy = policy_of(&runner, "website");
	char want[600];
	snprintf(want, sizeof(want), "Oliver Smith (2217) has refused consent for the school "
	         "website: %s", policy);
	cr_expect_str_eq(r->message, want);
	cr_expect_str_eq(r->parent_message, "a child in this photo has not agreed to this use");
	free(policy);
}

Test(policy_messages, every_consent_state_names_the_pupil_and_quotes_the_policy)
{
	static const char *const lines[] = {
		"pupil 1001 Amy Jones",
		"pupil 1002 Ben Cole",
		"pupil 1003 Cara Dunn",
		"pupil 1004 Dev Ellis",
		"consent 1001,1002 newsletter granted signed=2025-09-01 expires=2026-08-31",
		"consent 1002 newsletter withdrawn on=2026-03-02",
		"photo person=\"Amy Jones\" person=\"Ben Cole\" person=\"Cara Dunn\"",
		"photo person=\"Dev Ellis\"",
		"judge newsletter 2026-11-26",
		NULL,
	};
	run_lines(&runner, "states", lines);
	char *policy = policy_of(&runner, "newsletter");
	const pc_verdict *v = runner.verdict;
	cr_assert_eq(pc_verdict_reason_count(v), 4);
	/* In photo order: Amy's expired grant, Ben's withdrawal, Cara and
	 * Dev never asked. */
	const char *const want[][3] = {
		{ "consent-expired", "Amy Jones (1001)", "expired on 2026-08-31" },
		{ "consent-withdrawn", "Ben Cole (1002)", "withdrew consent for the school "
		  "newsletter on 2026-03-02" },
		{ "consent-none", "Cara Dunn (1003)", "has no consent in force for the school "
		  "newsletter" },
		{ "consent-none", "Dev Ellis (1004)", "has no consent in force" },
	};
	for (size_t i = 0; i < 4; i++) {
		const struct pc_reason *r = pc_verdict_reason(v, i);
		cr_expect_str_eq(r->code, want[i][0]);
		expect_holds(r->message, want[i][1]);
		expect_holds(r->message, want[i][2]);
		expect_holds(r->message, policy);
	}
	cr_expect_eq(pc_verdict_children(v), 4);
	cr_expect_eq(pc_verdict_blocking(v), 4);
	free(policy);
}

/* An event's denial gives the event's own reason: the purpose's policy
 * sentence speaks of consent, which is not why the event forbids it. */
Test(policy_messages, event_denial_quotes_the_event_and_its_note)
{
	static const char *const lines[] = {
		"event nativity \"Nativity Play 2025\" 2025-12-10 2025-12-11 deny=parent-social "
		"note=\"a looked-after child is in the cast\"",
		"photo event=\"Nativity Play 2025\"",
		"judge parent-social 2026-11-26",
		NULL,
	};
	run_lines(&runner, "event", lines);
	const struct pc_reason *r = finding(runner.verdict, "event-denies");
	char *policy = policy_of(&runner, "parent-social");
	cr_expect_str_eq(r->message, "the event 'Nativity Play 2025' does not allow photos for a "
	                 "parent posting on personal social media: a looked-after child is in "
	                 "the cast");
	cr_expect_null(strstr(r->message, policy), "%s", r->message);
	cr_expect_str_eq(r->parent_message, "the event does not allow this use");
	cr_expect_str_eq(pc_verdict_event_id(runner.verdict), "nativity");
	cr_expect_str_eq(pc_verdict_event_name(runner.verdict), "Nativity Play 2025");
	cr_expect_str_eq(pc_verdict_event_matched_by(runner.verdict), "xmp-event");
	free(policy);
}

Test(policy_messages, always_denied_quotes_the_policy)
{
	static const char *const lines[] = {
		"photo notjpeg",
		"judge staff-personal 2026-11-26",
		NULL,
	};
	run_lines(&runner, "always", lines);
	const struct pc_reason *r = finding(runner.verdict, "always-denied");
	char *policy = policy_of(&runner, "staff-personal");
	expect_holds(r->message, policy);
	expect_holds(r->message, "a member of staff posting on personal social media");
	cr_expect_eq(pc_verdict_reason_count(runner.verdict), 1);
	free(policy);
}

Test(policy_messages, ambiguous_lists_the_candidates)
{
	static const char *const lines[] = {
		"pupil 2405 Jack Green class=\"Year 1\"",
		"pupil 1909 Jack Green class=\"Year 6\"",
		"consent 2405 website granted signed=2025-09-01",
		"photo person=\"Jack Green\"",
		"judge website 2026-11-26",
		NULL,
	};
	run_lines(&runner, "ambiguous", lines);
	cr_expect_eq(pc_verdict_kind(runner.verdict), PC_VERDICT_REVIEW);
	const struct pc_reason *r = finding(runner.verdict, "ambiguous");
	expect_holds(r->message, "'Jack Green' matches 2 pupils (");
	expect_holds(r->message, "2405 Year 1");
	expect_holds(r->message, "1909 Year 6");
	expect_holds(r->message, "tag the photo with the pupil id");
	cr_expect_str_eq(r->parent_message, "a tag matches more than one child");
	const struct pc_judged_person *p = pc_verdict_person(runner.verdict, 0);
	cr_expect_null(p->pupil_id);
	cr_expect_null(p->pupil_name);
	cr_expect_eq(p->consent, PC_PERSON_CONSENT_NONE);
	cr_expect_eq(pc_verdict_children(runner.verdict), 1, "an ambiguous tag is still a child");
}

Test(policy_messages, doubts_say_what_to_do)
{
	static const char *const lines[] = {
		"pupil 1001 Amy Jones",
		"photo person=\"Grace Hall\" face face",
		"judge display 2026-11-26",
		NULL,
	};
	run_lines(&runner, "doubts", lines);
	expect_holds(finding(runner.verdict, "unknown-person")->message,
	             "'Grace Hall' matches no pupil");
	expect_holds(finding(runner.verdict, "unnamed-face")->message,
	             "2 face regions have no name");
}

Test(policy_messages, untagged_and_unreadable)
{
	static const char *const untagged[] = {
		"photo caption=\"The playground\"",
		"judge display 2026-11-26",
		NULL,
	};
	run_lines(&runner, "untagged", untagged);
	cr_expect_str_eq(finding(runner.verdict, "untagged")->message,
	                 "the photo has no people tags; untagged is not the same as nobody "
	                 "in it");
	runner_end(&runner);

	static const char *const unreadable[] = {
		"photo notjpeg",
		"judge display 2026-11-26",
		NULL,
	};
	run_lines(&runner, "unreadable", unreadable);
	const struct pc_reason *r = finding(runner.verdict, "unreadable");
	expect_holds(r->message, pc_photo_error(runner.photo, 0));
	cr_expect_str_eq(r->parent_message, "the photo's details could not be read");
	cr_expect_eq(pc_verdict_reason_count(runner.verdict), 1, "no untagged beside it");
}

/* Reasons in the order policy.h promises, whatever order the photo
 * names things in. */
Test(policy_messages, reasons_in_a_stable_order)
{
	static const char *const lines[] = {
		"pupil 2217 Oliver Smith",
		"pupil 3002 Ben Taylor no_photo",
		"pupil 3003 Mia Brown no_name",
		"consent 3002,3003 newsletter granted signed=2025-09-01",
		"event fair \"Summer Fair\" 2026-06-20 2026-06-20 deny=newsletter",
		"photo person=\"Grace Hall\" person=\"Ben Taylor\" face=\"Oliver Smith\" face",
		"photo taken=2026-06-20 caption=\"Mia Brown at the fair\" gps",
		"judge newsletter 2026-11-26",
		NULL,
	};
	run_lines(&runner, "order", lines);
	const pc_verdict *v = runner.verdict;
	/* Regions come first in the photo: Oliver's face, the unnamed face,
	 * then Grace and Ben. */
	static const char *const want[] = {
		"event-denies", "consent-none", "no-photo", "no-name-named", "unknown-person",
		"unnamed-face",
	};
	cr_assert_eq(pc_verdict_reason_count(v), 6);
	for (size_t i = 0; i < 6; i++)
		cr_expect_str_eq(pc_verdict_reason(v, i)->code, want[i], "reason %zu", i);
	expect_holds(pc_verdict_reason(v, 1)->message, "Oliver Smith");
	expect_holds(pc_verdict_reason(v, 2)->message, "Ben Taylor");
	expect_holds(pc_verdict_reason(v, 3)->message, "Mia Brown (3003)");
	cr_expect_eq(pc_verdict_kind(v), PC_VERDICT_DO_NOT_SHARE);
	cr_expect_str_eq(pc_verdict_event_matched_by(v), "date");
	cr_expect_eq(pc_verdict_person_count(v), 4);
	cr_expect_eq(pc_verdict_children(v), 2);
	cr_expect_eq(pc_verdict_blocking(v), 2);
}

Test(policy_messages, one_person_from_many_tags)
{
	static const char *const lines[] = {
		"pupil 1001 Amy Jones alias=\"Amy J\"",
		"consent 1001 display granted signed=2025-09-01 expires=2026-12-06",
		"photo keyword=\"Amy J\" face=\"Amy Jones\" keyword=\"Jones, Amy\" keyword=1001",
		"judge display 2026-11-26",
		NULL,
	};
	run_lines(&runner, "merge", lines);
	const pc_verdict *v = runner.verdict;
	cr_assert_eq(pc_verdict_person_count(v), 1);
	const struct pc_judged_person *p = pc_verdict_person(v, 0);
	cr_expect_str_eq(p->tag, "Amy Jones");
	cr_expect_str_eq(p->pupil_id, "1001");
	cr_expect_str_eq(p->pupil_name, "Amy Jones");
	cr_expect_eq(p->match, PC_PERSON_EXACT, "an alias and the name: exact");
	cr_expect_eq(p->sources, PC_SOURCE_MWG_REGION | PC_SOURCE_XMP_KEYWORD);
	cr_expect_eq(p->consent, PC_PERSON_CONSENT_GRANTED);
	cr_expect_eq(p->blocks, 0);
	cr_assert(p->has_region);
	/* MWG gives the centre: x 0.1, w 0.1 is a box from 0.05. */
	cr_expect_float_eq(p->x, 0.05, 1e-9);
	cr_expect_float_eq(p->y, 0.4, 1e-9);
	cr_expect_float_eq(p->w, 0.1, 1e-9);
	cr_expect_float_eq(p->h, 0.2, 1e-9);
	expect_holds(finding(v, "consent-expiring")->message,
	             "the consent of Amy Jones (1001) for displays inside the school expires on "
	             "2026-12-06, in 10 days");
	cr_expect_eq(pc_verdict_kind(v), PC_VERDICT_SHARE);
}

Test(policy_messages, names_in_text_say_where)
{
	static const char *const lines[] = {
		"pupil 1001 Amy Jones",
		"pupil 3003 Mia Brown no_name",
		"consent 1001,3003 website granted signed=2025-09-01",
		"photo person=\"Amy Jones\" caption=\"Amy Jones and her sister\"",
		"photo file=/photos/2026/sports-day_mia-brown_0042.JPG",
		"judge website 2026-11-26",
		NULL,
	};
	run_lines(&runner, "names", lines);
	const pc_verdict *v = runner.verdict;
	expect_holds(finding(v, "name-in-caption")->message,
	             "the XMP description names Amy Jones (1001)");
	expect_holds(finding(v, "no-name-named")->message, "the file name names Mia Brown (3003)");
	expect_holds(finding(v, "names-in-metadata")->message, "'Amy Jones'");
	expect_holds(finding(v, "names-in-metadata")->message, "exported copy");
	cr_expect_eq(pc_verdict_kind(v), PC_VERDICT_DO_NOT_SHARE);
}

TestSuite(policy_api, .fini = runner_fini);

Test(policy_api, unknown_purpose_and_bad_date)
{
	static char not_a_verdict;
	struct runner *r = &runner;
	runner_begin(r, "errors");
	read_photo(r);
	/* *out is set even on failure. */
	pc_verdict *v = (pc_verdict *)(void *)&not_a_verdict;
	struct pc_error err = PC_ERROR_INIT;
	cr_expect_eq(pc_policy_judge(&v, r->store, r->photo, "billboard", "2026-11-26", &err),
	             PC_ENOTFOUND);
	cr_expect_null(v);
	cr_expect_eq(err.code, PC_ENOTFOUND);
	expect_holds(err.message, "billboard");
	cr_expect_eq(pc_policy_judge(&v, r->store, r->photo, "website", "2026-02-30", &err),
	             PC_EFORMAT);
	cr_expect_null(v);
	cr_expect_eq(err.code, PC_EFORMAT);
	expect_holds(err.message, "2026-02-30");
	/* Misuse is an error, never a crash; and no verdict reads as review,
	 * never as share. */
	cr_expect_eq(pc_verdict_kind(NULL), PC_VERDICT_REVIEW);
	cr_expect_eq(pc_verdict_reason_count(NULL), 0);
	cr_expect_null(pc_verdict_person(NULL, 0));
	char *text = (char *)"x";
	cr_expect_eq(pc_report_log_text(&text, NULL, NULL), PC_EINVALID);
	cr_expect_null(text);
	cr_expect_eq(pc_policy_judge(&v, NULL, r->photo, "website", NULL, &err), PC_EINVALID);
	cr_expect_null(v);
	cr_expect_eq(err.code, PC_EINVALID);
	expect_holds(err.message, "store");
	cr_expect_eq(pc_policy_judge(&v, r->store, NULL, "website", NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_policy_judge(NULL, r->store, r->photo, "website", NULL, NULL),
	             PC_EINVALID);
	cr_expect_eq(pc_snapshot_judge(&v, NULL, r->photo), PC_EINVALID);
	cr_expect_null(v);
	cr_expect_eq(pc_snapshot_judge(NULL, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_verdict_log(NULL, NULL, NULL, NULL, &err), PC_EINVALID);
}

Test(policy_api, today_when_no_date)
{
	struct runner *r = &runner;
	char today[11];
	runner_begin(r, "today");
	read_photo(r);
	pc_verdict *v = NULL;
	cr_assert_eq(pc_policy_judge(&v, r->store, r->photo, "website", NULL, NULL), 0);
	pc_date_today(today);
	cr_expect_str_eq(pc_verdict_date(v), today);
	cr_expect_eq(pc_verdict_kind(v), PC_VERDICT_REVIEW);
	cr_expect_null(pc_verdict_event_id(v));
	cr_expect_null(pc_verdict_person(v, 0));
	cr_expect_null(pc_verdict_reason(v, 1));
	cr_expect_null(pc_verdict_warning(v, 0));
	pc_verdict_free(v);
	pc_verdict_free(NULL);
}

Test(policy_api, names_of_kinds_and_matches)
{
	cr_expect_str_eq(pc_verdict_kind_name(PC_VERDICT_SHARE), "share");
	cr_expect_str_eq(pc_verdict_kind_name(PC_VERDICT_DO_NOT_SHARE), "do-not-share");
	cr_expect_str_eq(pc_verdict_kind_name(PC_VERDICT_REVIEW), "review");
	cr_expect_str_eq(pc_person_match_name(PC_PERSON_EXACT), "exact");
	cr_expect_str_eq(pc_person_match_name(PC_PERSON_ALIAS), "alias");
	cr_expect_str_eq(pc_person_match_name(PC_PERSON_AMBIGUOUS), "ambiguous");
	cr_expect_str_eq(pc_person_match_name(PC_PERSON_UNKNOWN), "unknown");
}
