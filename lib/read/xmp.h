/*
 * xmp.h: XMP packets, parsed with expat and read by namespace URI.
 *
 * Reads into the facts: MWG regions (mwg-rs:Regions, a RegionInfo struct:
 * AppliedToDimensions, RegionList of Name, Type, Area), Microsoft Photo
 * regions (MP:RegionInfo /
 * MPRI:Regions: PersonDisplayName, Rectangle), Iptc4xmpExt:PersonInImage and
 * PersonInImageWDetails (PersonName), Iptc4xmpExt:Event, dc:subject,
 * digiKam:TagsList, lr:hierarchicalSubject, MicrosoftPhoto:LastKeywordXMP,
 * dc:description, the dates (exif:DateTimeOriginal, photoshop:DateCreated,
 * xmp:CreateDate), exif:GPSLatitude and tiff:Orientation.
 *
 * Hostile packets are refused, not obeyed: any DOCTYPE (so no entity can be
 * declared or expanded), nesting deeper than PC__XMP_MAX_DEPTH, more than
 * PC__XMP_MAX_NODES elements. A malformed packet keeps what was read before
 * the fault and records an error with the byte where it was found.
 */
#ifndef PC_XMP_H
#define PC_XMP_H

#include <stddef.h>
#include <stdint.h>

#include "read/facts.h"

#define PC__XMP_MAX_DEPTH 64
#define PC__XMP_MAX_NODES 100000
/* The largest XMP we will hold, main packet and ExtendedXMP each. */
#define PC__XMP_MAX_BYTES (16u * 1024 * 1024)

/*
 * Parses one packet of `len` bytes. `what` names it in error messages
 * ("XMP", "ExtendedXMP", "sidecar 'IMG_0042.xmp'"). When `extended_guid` is
 * not NULL and the packet has xmpNote:HasExtendedXMP, its 32 characters and
 * a NUL are written there (else it is set to ""). Returns 0 (damage goes
 * into the facts), PC_ENOMEM out of memory.
 */
int pc__xmp_read(struct pc__facts *facts, const char *data, size_t len,
                 const char *what, char extended_guid[33]);

/* One ExtendedXMP APP1 segment, after its "http://ns.adobe.com/xmp/extension/\0" header. */
struct pc__xmp_chunk {
	char guid[33];        /* 32 hex characters as written, NUL-terminated */
	uint32_t full_length; /* the declared length of the whole extension */
	uint32_t offset;      /* where this chunk goes */
	const unsigned char *data;
	size_t len;
	size_t segment_offset; /* file offset of the segment, for messages */
};

/*
 * Joins the chunks whose GUID is `guid` (in any order) into *out (length
 * *out_len, NUL-terminated), which the caller frees. Chunks with another
 * GUID are ignored; a chunk repeated byte for byte counts once. Chunks that
 * overlap, run past the declared length,
 * disagree on it, leave a gap, or declare more than PC__XMP_MAX_BYTES give
 * an error in the facts and PC_EFORMAT (or PC_ETOOBIG), with *out NULL.
 * PC_ENOTFOUND when no chunk has that GUID (an error is recorded too, since
 * the main packet promised one). PC_ENOMEM out of memory.
 */
int pc__xmp_extended_join(char **out, size_t *out_len, struct pc__facts *facts,
                          const char *guid, const struct pc__xmp_chunk *chunks,
                          size_t count);

#endif
