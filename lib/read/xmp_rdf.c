#include "read/xmp_rdf.h"

#include <expat.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"
#include "base/text.h"
#include "read/xmp.h"

/* Text that was cut at PC__XMP_MAX_TEXT takes no more character data, so
 * what follows the cut cannot be glued onto it. Internal to this file. */
#define XN_CUT 0x10

#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_XML "http://www.w3.org/XML/1998/namespace"
#define NS_MWG "http://www.metadataworkinggroup.com/schemas/regions/"
#define NS_AREA "http://ns.adobe.com/xmp/sType/Area#"
#define NS_DIM "http://ns.adobe.com/xap/1.0/sType/Dimensions#"
#define NS_MP "http://ns.microsoft.com/photo/1.2/"
#define NS_MPRI "http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
#define NS_MPREG "http://ns.microsoft.com/photo/1.2/t/Region#"
#define NS_IPTC_EXT "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_DIGIKAM "http://www.digikam.org/ns/1.0/"
#define NS_LR "http://ns.adobe.com/lightroom/1.0/"
#define NS_MSPHOTO "http://ns.microsoft.com/photo/1.0/"
/* exiftool writes this one without the slash that Windows and Exiv2 use. */
#define NS_MSPHOTO_NO_SLASH "http://ns.microsoft.com/photo/1.0"
#define NS_EXIF "http://ns.adobe.com/exif/1.0/"
#define NS_PHOTOSHOP "http://ns.adobe.com/photoshop/1.0/"
#define NS_XMP "http://ns.adobe.com/xap/1.0/"
#define NS_TIFF "http://ns.adobe.com/tiff/1.0/"
#define NS_XMPNOTE "http://ns.adobe.com/xmp/note/"
#define NS_MEDIAPRO "http://ns.iview-multimedia.com/mediapro/1.0/"

/* The one place a name becomes a key: by namespace URI and local name, so
 * a packet may bind any prefix it likes. */
static const struct {
	const char *ns;
	const char *local;
	enum pc__xmp_key key;
} known_names[] = {
	{ NS_RDF, "RDF", PC__XK_RDF_RDF },
	{ NS_RDF, "Description", PC__XK_RDF_DESCRIPTION },
	{ NS_RDF, "Bag", PC__XK_RDF_BAG },
	{ NS_RDF, "Seq", PC__XK_RDF_SEQ },
	{ NS_RDF, "Alt", PC__XK_RDF_ALT },
	{ NS_RDF, "li", PC__XK_RDF_LI },
	{ NS_RDF, "value", PC__XK_RDF_VALUE },
	{ NS_MWG, "Regions", PC__XK_MWG_REGIONS },
	{ NS_MWG, "RegionInfo", PC__XK_MWG_REGION_INFO },
	{ NS_MWG, "AppliedToDimensions", PC__XK_MWG_APPLIED },
	{ NS_MWG, "RegionList", PC__XK_MWG_REGION_LIST },
	{ NS_MWG, "Name", PC__XK_MWG_NAME },
	{ NS_MWG, "Type", PC__XK_MWG_TYPE },
	{ NS_MWG, "Area", PC__XK_MWG_AREA },
	{ NS_AREA, "x", PC__XK_AREA_X },
	{ NS_AREA, "y", PC__XK_AREA_Y },
	{ NS_AREA, "w", PC__XK_AREA_W },
	{ NS_AREA, "h", PC__XK_AREA_H },
	{ NS_AREA, "unit", PC__XK_AREA_UNIT },
	{ NS_DIM, "w", PC__XK_DIM_W },
	{ NS_DIM, "h", PC__XK_DIM_H },
	{ NS_MP, "RegionInfo", PC__XK_MP_REGION_INFO },
	{ NS_MPRI, "Regions", PC__XK_MPRI_REGIONS },
	{ NS_MPREG, "PersonDisplayName", PC__XK_MPREG_NAME },
	{ NS_MPREG, "Rectangle", PC__XK_MPREG_RECTANGLE },
	{ NS_IPTC_EXT, "PersonInImage", PC__XK_IPTC_PERSON },
	{ NS_IPTC_EXT, "PersonInImageWDetails", PC__XK_IPTC_PERSON_DETAILS },
	{ NS_IPTC_EXT, "PersonName", PC__XK_IPTC_PERSON_NAME },
	{ NS_IPTC_EXT, "Event", PC__XK_IPTC_EVENT },
	{ NS_DC, "subject", PC__XK_DC_SUBJECT },
	{ NS_DC, "description", PC__XK_DC_DESCRIPTION },
	{ NS_DC, "title", PC__XK_DC_TITLE },
	{ NS_PHOTOSHOP, "Headline", PC__XK_PHOTOSHOP_HEADLINE },
	{ NS_PHOTOSHOP, "SupplementalCategories", PC__XK_OTHER_KEYWORDS },
	{ NS_EXIF, "UserComment", PC__XK_EXIF_USER_COMMENT },
	{ NS_MEDIAPRO, "CatalogSets", PC__XK_OTHER_KEYWORDS },
	{ NS_LR, "weightedFlatSubject", PC__XK_OTHER_KEYWORDS },
	{ NS_DIGIKAM, "TagsList", PC__XK_DIGIKAM_TAGS },
	{ NS_LR, "hierarchicalSubject", PC__XK_LR_HIERARCHICAL },
	{ NS_MSPHOTO, "LastKeywordXMP", PC__XK_MS_KEYWORDS },
	{ NS_MSPHOTO_NO_SLASH, "LastKeywordXMP", PC__XK_MS_KEYWORDS },
	{ NS_EXIF, "DateTimeOriginal", PC__XK_EXIF_DATE_ORIGINAL },
	{ NS_EXIF, "GPSLatitude", PC__XK_EXIF_GPS_LATITUDE },
	{ NS_PHOTOSHOP, "DateCreated", PC__XK_PHOTOSHOP_DATE_CREATED },
	{ NS_XMP, "CreateDate", PC__XK_XMP_CREATE_DATE },
	{ NS_TIFF, "Orientation", PC__XK_TIFF_ORIENTATION },
	{ NS_XMPNOTE, "HasExtendedXMP", PC__XK_NOTE_EXTENDED },
};

/* Nodes come in blocks so that their addresses stay put while the tree
 * grows: the tree links them by pointer. */
#define NODES_PER_BLOCK 256

struct node_block {
	struct node_block *next;
	size_t used;
	struct pc__xmp_node nodes[NODES_PER_BLOCK];
};

struct pc__xmp_doc {
	struct node_block *blocks;
	size_t count;
	struct pc__xmp_node *root;
};

enum stop_reason {
	GOING,     /* still reading */
	DONE,      /* the document element closed; what follows is padding */
	REFUSED,   /* a limit or a DOCTYPE; the error is recorded */
	NO_MEMORY
};

struct parser {
	XML_Parser xp;
	struct pc__xmp_doc *doc;
	struct pc__facts *facts;
	const char *what;
	enum stop_reason stop;
	int text_cut_reported;
	int depth;
	struct pc__xmp_node *stack[PC__XMP_MAX_DEPTH];
	/* Character data of each open element; one buffer per level, reused,
	 * since only open elements can still receive text. */
	struct pc__buf text[PC__XMP_MAX_DEPTH];
};

/* The part of an expat name "namespaceURI localname" that names a key. */
static enum pc__xmp_key key_of(const char *name)
{
	const char *sep = strrchr(name, ' ');
	if (!sep)
		return PC__XK_OTHER;
	size_t ns_len = (size_t)(sep - name);
	const char *local = sep + 1;
	/* Every element and attribute of every packet comes through here:
	 * the first letter turns most names away before any strcmp. */
	for (size_t i = 0; i < sizeof(known_names) / sizeof(known_names[0]); i++) {
		if (local[0] == known_names[i].local[0] && strcmp(local, known_names[i].local) == 0 &&
		    strncmp(name, known_names[i].ns, ns_len) == 0 && !known_names[i].ns[ns_len])
			return known_names[i].key;
	}
	return PC__XK_OTHER;
}

/* Whether an expat name is `local` in namespace `ns`. */
static int is_name(const char *name, const char *ns, const char *local)
{
	size_t ns_len = strlen(ns);
	return strncmp(name, ns, ns_len) == 0 && name[ns_len] == ' ' &&
	       strcmp(name + ns_len + 1, local) == 0;
}

static void stop_parser(struct parser *p, enum stop_reason why)
{
	if (p->stop == GOING || why == NO_MEMORY)
		p->stop = why;
	XML_StopParser(p->xp, XML_FALSE);
}

__attribute__((format(printf, 2, 3)))
static void refuse(struct parser *p, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (pc__facts_error(p->facts, "%s %s", p->what, msg) != 0)
		stop_parser(p, NO_MEMORY);
	else
		stop_parser(p, REFUSED);
}

/* How many of `len` bytes of UTF-8 fit in `room` without splitting a
 * character (expat hands over whole characters, so `s` starts on one). */
static size_t utf8_fit(const char *s, size_t len, size_t room)
{
	if (len <= room)
		return len;
	size_t n = room;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

static void report_cut(struct parser *p)
{
	if (p->text_cut_reported)
		return;
	p->text_cut_reported = 1;
	if (pc__facts_error(p->facts, "%s has a value longer than %u KiB; only its start is read",
	                    p->what, PC__XMP_MAX_TEXT / 1024) != 0)
		stop_parser(p, NO_MEMORY);
}

/* A clean copy of an attribute value, cut like character data; NULL when
 * it is empty (or out of memory, which is flagged). */
static char *clean_value(struct parser *p, const char *s)
{
	size_t len = strlen(s);
	size_t n = utf8_fit(s, len, PC__XMP_MAX_TEXT);
	if (n < len)
		report_cut(p);
	char *t = pc__text_from_utf8(s, n);
	if (!t) {
		stop_parser(p, NO_MEMORY);
		return NULL;
	}
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

static struct pc__xmp_node *add_node(struct parser *p, struct pc__xmp_node *parent,
                                     enum pc__xmp_key key)
{
	struct pc__xmp_doc *doc = p->doc;
	if (doc->count >= PC__XMP_MAX_NODES) {
		refuse(p, "has more than %d elements; the rest is not read", PC__XMP_MAX_NODES);
		return NULL;
	}
	struct node_block *b = doc->blocks;
	if (!b || b->used == NODES_PER_BLOCK) {
		b = calloc(1, sizeof(*b));
		if (!b) {
			stop_parser(p, NO_MEMORY);
			return NULL;
		}
		b->next = doc->blocks;
		doc->blocks = b;
	}
	struct pc__xmp_node *n = &b->nodes[b->used++];
	doc->count++;
	n->key = (unsigned short)key;
	n->parent = parent;
	if (!parent) {
		doc->root = n;
	} else {
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	return n;
}

/* Attributes of an element: RDF syntax sets flags, properties and struct
 * fields become child nodes, everything else (rdf:about, unknown
 * namespaces) is not needed. */
static void read_attributes(struct parser *p, struct pc__xmp_node *n, const XML_Char **atts)
{
	for (size_t i = 0; atts[i] && atts[i + 1] && p->stop == GOING; i += 2) {
		const char *name = atts[i], *value = atts[i + 1];
		enum pc__xmp_key key;
		if (is_name(name, NS_RDF, "parseType")) {
			if (strcmp(value, "Resource") == 0)
				n->flags |= PC__XN_RESOURCE;
			continue;
		}
		if (is_name(name, NS_RDF, "resource")) {
			free(n->text);
			n->text = clean_value(p, value);
			continue;
		}
		if (is_name(name, NS_XML, "lang")) {
			if (strcasecmp(value, "x-default") == 0)
				n->flags |= PC__XN_X_DEFAULT;
			continue;
		}
		key = key_of(name);
		if (key == PC__XK_OTHER)
			continue;
		/* rdf:value is kept (a qualified value); the other RDF
		 * syntax names are not properties. */
		if (key != PC__XK_RDF_VALUE && strncmp(name, NS_RDF " ", strlen(NS_RDF) + 1) == 0)
			continue;
		struct pc__xmp_node *a = add_node(p, n, key);
		if (!a)
			return;
		a->flags |= PC__XN_CLOSED;
		a->text = clean_value(p, value);
	}
}

static void text_reset(struct pc__buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void XMLCALL on_start(void *user, const XML_Char *name, const XML_Char **atts)
{
	struct parser *p = user;
	if (p->stop != GOING)
		return;
	if (p->depth >= PC__XMP_MAX_DEPTH) {
		refuse(p, "nests deeper than %d levels", PC__XMP_MAX_DEPTH);
		return;
	}
	struct pc__xmp_node *parent = p->depth ? p->stack[p->depth - 1] : NULL;
	if (parent && !(parent->flags & PC__XN_ELEMENTS)) {
		/* Text beside child elements is layout, not a value. */
		parent->flags |= PC__XN_ELEMENTS;
		text_reset(&p->text[p->depth - 1]);
	}
	struct pc__xmp_node *n = add_node(p, parent, key_of(name));
	if (!n)
		return;
	read_attributes(p, n, atts);
	p->stack[p->depth] = n;
	text_reset(&p->text[p->depth]);
	p->depth++;
}

static void XMLCALL on_end(void *user, const XML_Char *name)
{
	struct parser *p = user;
	(void)name;
	if (p->stop != GOING || !p->depth)
		return;
	struct pc__xmp_node *n = p->stack[p->depth - 1];
	struct pc__buf *b = &p->text[p->depth - 1];
	if (!n->text && b->len) {
		n->text = pc__text_from_utf8(b->data, b->len);
		if (!n->text) {
			stop_parser(p, NO_MEMORY);
			return;
		}
		if (!*n->text) {
			free(n->text);
			n->text = NULL;
		}
	}
	n->flags |= PC__XN_CLOSED;
	p->depth--;
	/* The packet is whole; padding, the closing xpacket instruction and
	 * whatever junk a camera left after it are not ours to judge. */
	if (!p->depth)
		stop_parser(p, DONE);
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len)
{
	struct parser *p = user;
	if (p->stop != GOING || !p->depth || len <= 0)
		return;
	struct pc__xmp_node *n = p->stack[p->depth - 1];
	/* Only the text of nodes someone reads is kept. */
	if (n->key == PC__XK_OTHER || n->text || (n->flags & (PC__XN_ELEMENTS | XN_CUT)))
		return;
	struct pc__buf *b = &p->text[p->depth - 1];
	size_t take = utf8_fit(s, (size_t)len, PC__XMP_MAX_TEXT - b->len);
	if (take < (size_t)len) {
		n->flags |= XN_CUT;
		report_cut(p);
	}
	if (take && pc__buf_append(b, s, take) != 0)
		stop_parser(p, NO_MEMORY);
}

static void XMLCALL on_doctype(void *user, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
	struct parser *p = user;
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal_subset;
	if (p->stop == GOING)
		refuse(p, "has a DOCTYPE declaration; refused (entity expansion)");
}

/* Entities can only be declared inside a DOCTYPE, which is refused first;
 * this is the second lock on the same door. */
static void XMLCALL on_entity(void *user, const XML_Char *name, int is_parameter_entity,
                              const XML_Char *value, int value_length, const XML_Char *base,
                              const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
	struct parser *p = user;
	(void)name;
	(void)is_parameter_entity;
	(void)value;
	(void)value_length;
	(void)base;
	(void)sysid;
	(void)pubid;
	(void)notation;
	if (p->stop == GOING)
		refuse(p, "declares an entity; refused (entity expansion)");
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Where the XML really is. A packet in a JPEG is padded with spaces and
 * often NULs, which expat would call junk, and is sometimes preceded by
 * white space that would make an XML declaration misplaced. UTF-16
 * packets (rare, but exiftool's test files have one) are trimmed in whole
 * code units so the last character survives.
 */
static void find_xml(const char *data, size_t len, size_t *start, size_t *end)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t a = 0, b = len;
	int utf16 = len >= 2 && (s[0] == 0 || s[1] == 0 || (s[0] == 0xFE && s[1] == 0xFF) ||
	                         (s[0] == 0xFF && s[1] == 0xFE));
	if (utf16) {
		b -= len % 2;
		/* A code unit of padding is a NUL or white space in either
		 * byte order: one byte zero, the other zero or a space. */
		while (b >= 2 && ((s[b - 2] == 0 && (s[b - 1] == 0 || is_space(s[b - 1]))) ||
		                  (s[b - 1] == 0 && is_space(s[b - 2]))))
			b -= 2;
	} else {
		if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
			a = 3;
		while (a < b && is_space(s[a]))
			a++;
		while (b > a && (s[b - 1] == 0 || is_space(s[b - 1])))
			b--;
	}
	*start = a;
	*end = b;
}

/* Lines and the column on the last line that `n` skipped bytes add to
 * expat's position. */
static void skipped_position(const char *s, size_t n, unsigned long long *lines,
                             unsigned long long *column)
{
	size_t i = 0;
	*lines = 0;
	*column = 0;
	/* A byte order mark is not a column anyone sees. */
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		if (s[i] == '\n') {
			(*lines)++;
			*column = 0;
		} else if ((unsigned char)s[i] < 0x80 || (unsigned char)s[i] >= 0xC0) {
			(*column)++;
		}
	}
}

static int report_malformed(struct parser *p, const char *data, size_t start)
{
	enum XML_Error code = XML_GetErrorCode(p->xp);
	if (code == XML_ERROR_NO_MEMORY)
		return PC_ENOMEM;
	long long byte = (long long)XML_GetCurrentByteIndex(p->xp);
	unsigned long long line = (unsigned long long)XML_GetCurrentLineNumber(p->xp);
	/* expat counts columns from 0; editors count from 1. */
	unsigned long long column = (unsigned long long)XML_GetCurrentColumnNumber(p->xp) + 1;
	unsigned long long skip_lines, skip_column;
	skipped_position(data, start, &skip_lines, &skip_column);
	if (byte >= 0)
		byte += (long long)start;
	if (line == 1)
		column += skip_column;
	line += skip_lines;
	return pc__facts_error(p->facts, "%s is malformed at byte %lld (line %llu, column %llu): %s",
	                       p->what, byte, line, column, XML_ErrorString(code));
}

int pc__xmp_doc_parse(struct pc__xmp_doc **out, struct pc__facts *facts,
                      const char *data, size_t len, const char *what)
{
	int ret = PC_ENOMEM;
	struct parser p;
	struct pc__xmp_doc *doc = NULL;
	size_t start, end;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	for (int i = 0; i < PC__XMP_MAX_DEPTH; i++)
		pc__buf_init(&p.text[i], PC__XMP_MAX_TEXT);
	p.facts = facts;
	p.what = what;

	doc = calloc(1, sizeof(*doc));
	if (!doc)
		goto done;
	p.doc = doc;

	find_xml(data, len, &start, &end);
	if (start == end) {
		if (pc__facts_error(facts, "%s is empty", what) != 0)
			goto done;
		goto parsed;
	}
	if (end - start > PC__XMP_MAX_BYTES || end - start > INT_MAX) {
		if (pc__facts_error(facts, "%s has %zu bytes, more than the %u MiB limit", what,
		                    end - start, PC__XMP_MAX_BYTES / (1024 * 1024)) != 0)
			goto done;
		goto parsed;
	}

	p.xp = XML_ParserCreateNS(NULL, ' ');
	if (!p.xp)
		goto done;
	XML_SetUserData(p.xp, &p);
	XML_SetElementHandler(p.xp, on_start, on_end);
	XML_SetCharacterDataHandler(p.xp, on_text);
	XML_SetStartDoctypeDeclHandler(p.xp, on_doctype);
	XML_SetEntityDeclHandler(p.xp, on_entity);
	XML_SetParamEntityParsing(p.xp, XML_PARAM_ENTITY_PARSING_NEVER);

	if (XML_Parse(p.xp, data + start, (int)(end - start), XML_TRUE) == XML_STATUS_ERROR &&
	    p.stop == GOING && report_malformed(&p, data, start) != 0)
		goto done;
	if (p.stop == NO_MEMORY)
		goto done;

parsed:
	*out = doc;
	doc = NULL;
	ret = 0;
done:
	if (p.xp)
		XML_ParserFree(p.xp);
	for (int i = 0; i < PC__XMP_MAX_DEPTH; i++)
		pc__buf_release(&p.text[i]);
	pc__xmp_doc_free(doc);
	return ret;
}

void pc__xmp_doc_free(struct pc__xmp_doc *doc)
{
	if (!doc)
		return;
	struct node_block *b = doc->blocks;
	while (b) {
		struct node_block *next = b->next;
		for (size_t i = 0; i < b->used; i++)
			free(b->nodes[i].text);
		free(b);
		b = next;
	}
	free(doc);
}

/* The next rdf:RDF in document order after the subtree of `after` (from
 * the root when NULL), not looking inside an rdf:RDF for another. */
static const struct pc__xmp_node *next_rdf(const struct pc__xmp_doc *doc,
                                           const struct pc__xmp_node *after)
{
	const struct pc__xmp_node *n = doc->root;
	if (after) {
		n = after;
		while (n && !n->next)
			n = n->parent;
		n = n ? n->next : NULL;
	}
	while (n) {
		if (n->key == PC__XK_RDF_RDF)
			return n;
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && !n->next)
			n = n->parent;
		n = n ? n->next : NULL;
	}
	return NULL;
}

const struct pc__xmp_node *pc__xmp_next_property(const struct pc__xmp_doc *doc,
                                                 const struct pc__xmp_node *prev)
{
	const struct pc__xmp_node *rdf, *desc, *prop;
	if (prev) {
		prop = prev->next;
		desc = prev->parent;
		rdf = desc->parent;
	} else {
		rdf = next_rdf(doc, NULL);
		desc = rdf ? rdf->first : NULL;
		prop = desc ? desc->first : NULL;
	}
	while (rdf) {
		while (desc) {
			if (prop)
				return prop;
			desc = desc->next;
			prop = desc ? desc->first : NULL;
		}
		rdf = next_rdf(doc, rdf);
		desc = rdf ? rdf->first : NULL;
		prop = desc ? desc->first : NULL;
	}
	return NULL;
}

const struct pc__xmp_node *pc__xmp_field(const struct pc__xmp_node *node, enum pc__xmp_key key)
{
	if (!node)
		return NULL;
	for (const struct pc__xmp_node *c = node->first; c; c = c->next)
		if (c->key == key)
			return c;
	for (const struct pc__xmp_node *c = node->first; c; c = c->next) {
		if (c->key != PC__XK_RDF_DESCRIPTION)
			continue;
		for (const struct pc__xmp_node *f = c->first; f; f = f->next)
			if (f->key == key)
				return f;
	}
	return NULL;
}

/* A qualified value stands for its rdf:value. Each step goes one level
 * down the tree, so the loop ends within the tree's depth. */
static const struct pc__xmp_node *resolve(const struct pc__xmp_node *n)
{
	const struct pc__xmp_node *v;
	while ((v = pc__xmp_field(n, PC__XK_RDF_VALUE)) != NULL)
		n = v;
	return n;
}

static const struct pc__xmp_node *array_of(const struct pc__xmp_node *n)
{
	for (const struct pc__xmp_node *c = n->first; c; c = c->next)
		if (c->key == PC__XK_RDF_BAG || c->key == PC__XK_RDF_SEQ || c->key == PC__XK_RDF_ALT)
			return c;
	return NULL;
}

const struct pc__xmp_node *pc__xmp_item(const struct pc__xmp_node *node,
                                        const struct pc__xmp_node *prev)
{
	if (!node)
		return NULL;
	const struct pc__xmp_node *n = resolve(node);
	const struct pc__xmp_node *arr = array_of(n);
	if (!arr) {
		if (prev || !(n->flags & PC__XN_CLOSED) || (!n->text && !n->first))
			return NULL;
		return n;
	}
	for (const struct pc__xmp_node *c = prev ? prev->next : arr->first; c; c = c->next)
		if (c->key == PC__XK_RDF_LI && (c->flags & PC__XN_CLOSED))
			return c;
	return NULL;
}

const char *pc__xmp_text(const struct pc__xmp_node *node)
{
	if (!node)
		return NULL;
	const struct pc__xmp_node *n = resolve(node);
	const struct pc__xmp_node *arr = array_of(n);
	if (!arr)
		return n->text;
	const char *first = NULL;
	for (const struct pc__xmp_node *c = pc__xmp_item(n, NULL); c; c = pc__xmp_item(n, c)) {
		const char *t = resolve(c)->text;
		if (!t)
			continue;
		if (c->flags & PC__XN_X_DEFAULT)
			return t;
		if (!first)
			first = t;
	}
	return first;
}
