/*
 * jpeg.h: walking a JPEG's markers up to the start of scan, keeping only
 * the segments that carry metadata.
 *
 * Reading stops at SOS (pixels are never read) or at EOI. Every length is
 * checked against what the file holds; the walk gives up after
 * PC__JPEG_MAX_SEGMENTS segments, and the bytes it keeps are capped, so a
 * hostile file costs bounded time and memory. What is wrong goes into the
 * facts as a sentence naming the byte where it was found.
 */
#ifndef PC_JPEG_H
#define PC_JPEG_H

#include <stddef.h>

#include "read/facts.h"
#include "read/xmp.h"

#define PC__JPEG_MAX_SEGMENTS 10000
#define PC__JPEG_MAX_APP13_BYTES (4u * 1024 * 1024)
#define PC__JPEG_MAX_XMP_CHUNKS 4096
/* The standard allows one XMP packet; some writers leave more, and a name
 * in any of them counts, so a few are kept. */
#define PC__JPEG_MAX_XMP_PACKETS 8

/* The metadata segments of one JPEG; all buffers owned by the struct. */
struct pc__jpeg {
	unsigned char *exif;       /* first APP1 "Exif\0\0" payload, header included */
	size_t exif_len;
	char *xmp[PC__JPEG_MAX_XMP_PACKETS]; /* APP1 XMP packets, header removed */
	size_t xmp_len[PC__JPEG_MAX_XMP_PACKETS];
	size_t xmp_count;
	struct pc__xmp_chunk *chunks; /* APP1 ExtendedXMP chunks; each data malloc'd */
	size_t chunk_count;
	size_t chunk_alloc;
	unsigned char *app13;      /* Photoshop resources of every APP13 "Photoshop 3.0", joined */
	size_t app13_len;
	unsigned width, height;    /* from the first SOFn; 0 when none was seen */
};

void pc__jpeg_release(struct pc__jpeg *jpeg);

/*
 * Walks the JPEG open on `fd` (a regular file, at offset 0), or in memory.
 * Returns 0 when it is a JPEG (damage, such as a truncated segment, goes
 * into the facts and what was read before it is kept), PC_EFORMAT when it
 * is not a JPEG at all (the facts say what it looks like), PC_EOPEN when
 * reading failed, PC_ENOMEM out of memory.
 */
int pc__jpeg_read_fd(struct pc__jpeg *out, struct pc__facts *facts, int fd);
int pc__jpeg_read_memory(struct pc__jpeg *out, struct pc__facts *facts,
                         const unsigned char *data, size_t len);

#endif
