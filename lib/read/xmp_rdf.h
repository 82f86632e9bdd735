/*
 * xmp_rdf.h: an XMP packet as a small tree of the RDF/XML it is written in,
 * and the few questions xmp.c asks of it.
 *
 * Real tools write the same XMP data model in different RDF shapes: a
 * property as an attribute of rdf:Description or as a child element, a
 * struct as rdf:parseType="Resource", as a nested rdf:Description, or as
 * attributes of the property element. This file hides those differences:
 * attributes that are properties become child nodes (so every property is a
 * node), and the accessors below look through rdf:Description and rdf:value
 * wrappers.
 *
 * Names are resolved by namespace URI when the tree is built, never by
 * prefix: a node carries only a key naming the one property or RDF syntax
 * element it is, or PC__XK_OTHER for anything this library does not read.
 *
 * Invariants: the tree never holds more than PC__XMP_MAX_NODES nodes nor
 * nests deeper than PC__XMP_MAX_DEPTH + 1 (attribute nodes sit one below
 * their element); every text is clean (text.h), non-empty, and at most
 * PC__XMP_MAX_TEXT bytes; an element the parser did not see close (because
 * the packet was cut short or refused) has no text, and its rdf:li items
 * are not offered as array items.
 */
#ifndef PC_XMP_RDF_H
#define PC_XMP_RDF_H

#include <stddef.h>

#include "read/facts.h"

/* The longest character data kept for one element; the rest is cut. */
#define PC__XMP_MAX_TEXT (64u * 1024)

/* The elements and attributes the library reads, by namespace URI and
 * local name. */
enum pc__xmp_key {
	PC__XK_OTHER,
	/* RDF syntax */
	PC__XK_RDF_RDF,
	PC__XK_RDF_DESCRIPTION,
	PC__XK_RDF_BAG,
	PC__XK_RDF_SEQ,
	PC__XK_RDF_ALT,
	PC__XK_RDF_LI,
	PC__XK_RDF_VALUE,
	/* MWG regions */
	PC__XK_MWG_REGIONS,      /* mwg-rs:Regions, the name the MWG gave it */
	PC__XK_MWG_REGION_INFO,  /* mwg-rs:RegionInfo, as some tools write it */
	PC__XK_MWG_APPLIED,      /* mwg-rs:AppliedToDimensions */
	PC__XK_MWG_REGION_LIST,
	PC__XK_MWG_NAME,
	PC__XK_MWG_TYPE,
	PC__XK_MWG_AREA,
	PC__XK_AREA_X,
	PC__XK_AREA_Y,
	PC__XK_AREA_W,
	PC__XK_AREA_H,
	PC__XK_AREA_UNIT,
	PC__XK_DIM_W,
	PC__XK_DIM_H,
	/* Microsoft Photo regions */
	PC__XK_MP_REGION_INFO,
	PC__XK_MPRI_REGIONS,
	PC__XK_MPREG_NAME,       /* MPReg:PersonDisplayName */
	PC__XK_MPREG_RECTANGLE,
	/* IPTC Extension */
	PC__XK_IPTC_PERSON,      /* Iptc4xmpExt:PersonInImage */
	PC__XK_IPTC_PERSON_DETAILS,
	PC__XK_IPTC_PERSON_NAME,
	PC__XK_IPTC_EVENT,
	/* keywords and captions */
	PC__XK_DC_SUBJECT,
	PC__XK_DC_DESCRIPTION,
	PC__XK_DIGIKAM_TAGS,
	PC__XK_LR_HIERARCHICAL,
	PC__XK_MS_KEYWORDS,
	PC__XK_OTHER_KEYWORDS,   /* mediapro:CatalogSets, photoshop:SupplementalCategories,
	                            lr:weightedFlatSubject */
	PC__XK_DC_TITLE,
	PC__XK_PHOTOSHOP_HEADLINE,
	PC__XK_EXIF_USER_COMMENT,
	/* dates, position, orientation, extension */
	PC__XK_EXIF_DATE_ORIGINAL,
	PC__XK_PHOTOSHOP_DATE_CREATED,
	PC__XK_XMP_CREATE_DATE,
	PC__XK_EXIF_GPS_LATITUDE,
	PC__XK_TIFF_ORIENTATION,
	PC__XK_NOTE_EXTENDED,    /* xmpNote:HasExtendedXMP */
	PC__XK_COUNT
};

/* One element, or one attribute that is a property or struct field. */
struct pc__xmp_node {
	struct pc__xmp_node *parent;
	struct pc__xmp_node *first; /* children: attribute nodes, then elements */
	struct pc__xmp_node *last;
	struct pc__xmp_node *next;
	char *text;                 /* character data or rdf:resource; NULL if none */
	unsigned short key;         /* enum pc__xmp_key */
	unsigned char flags;        /* PC__XN_* */
};

#define PC__XN_CLOSED 0x01     /* its end tag was read (attributes: always) */
#define PC__XN_RESOURCE 0x02   /* rdf:parseType="Resource" */
#define PC__XN_X_DEFAULT 0x04  /* xml:lang="x-default" */
#define PC__XN_ELEMENTS 0x08   /* has element children */

struct pc__xmp_doc;

/*
 * Parses `len` bytes of XMP into *out, which the caller frees with
 * pc__xmp_doc_free. Refusals (a DOCTYPE, too deep, too many nodes) and
 * malformed XML are recorded in the facts, naming the packet `what`, and
 * still give a document holding what was read before them. Returns 0,
 * PC_ENOMEM out of memory (*out NULL).
 */
int pc__xmp_doc_parse(struct pc__xmp_doc **out, struct pc__facts *facts,
                      const char *data, size_t len, const char *what);
void pc__xmp_doc_free(struct pc__xmp_doc *doc);

/* The top-level properties, those of every rdf:Description (or typed node)
 * under every rdf:RDF, in document order: pass NULL for the first. */
const struct pc__xmp_node *pc__xmp_next_property(const struct pc__xmp_doc *doc,
                                                 const struct pc__xmp_node *prev);

/* The first field `key` of a struct, whichever way the struct is written
 * (parseType="Resource", nested rdf:Description, attributes); NULL if none
 * or `node` is NULL. */
const struct pc__xmp_node *pc__xmp_field(const struct pc__xmp_node *node,
                                         enum pc__xmp_key key);

/* The items of an array (rdf:Bag, rdf:Seq, rdf:Alt) whose end tag was read:
 * pc__xmp_item(node, NULL) is the first, pc__xmp_item(node, prev) the next.
 * A property written as a single value instead of an array is its own one
 * item, as careless writers leave it. */
const struct pc__xmp_node *pc__xmp_item(const struct pc__xmp_node *node,
                                        const struct pc__xmp_node *prev);

/* The text of a simple value, a qualified value (rdf:value), or a language
 * alternative (x-default, else the first item with text); NULL if none or
 * `node` is NULL. Owned by the document. */
const char *pc__xmp_text(const struct pc__xmp_node *node);

#endif
