/*
 * ExtendedXMP: the part of an XMP packet too big for one APP1 segment,
 * split across segments that each say where their bytes go. The chunks are
 * checked to tile the declared length exactly before any byte is trusted.
 */
#include "read/xmp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"

struct piece {
	uint64_t offset;
	uint64_t len;
	size_t index; /* into the caller's chunks */
};

static int by_offset(const void *a, const void *b)
{
	const struct piece *x = a, *y = b;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The code for a fault whose error `recorded` returned. */
static int fault(int recorded)
{
	return recorded != 0 ? PC_ENOMEM : PC_EFORMAT;
}

static int missing(struct pc__facts *facts, uint64_t from, uint64_t to)
{
	return fault(pc__facts_error(facts, "ExtendedXMP is incomplete: bytes %llu to %llu are missing",
	                             (unsigned long long)from, (unsigned long long)to - 1));
}

/*
 * Whether the pieces, sorted by offset, cover [0, total) with no overlap,
 * gap or overrun: 0, or PC_EFORMAT with the first fault recorded
 * (PC_ENOMEM when even that runs out of memory).
 */
static int check_tiling(struct pc__facts *facts, const struct piece *pieces, size_t n,
                        uint32_t total)
{
	uint64_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		const struct piece *p = &pieces[i];
		if (p->offset + p->len > total)
			return fault(pc__facts_error(facts, "ExtendedXMP chunk at offset %llu (%llu bytes) "
			                             "runs past the declared length %lu",
			                             (unsigned long long)p->offset,
			                             (unsigned long long)p->len, (unsigned long)total));
		if (p->offset > pos)
			return missing(facts, pos, p->offset);
		/* An empty chunk covers nothing, so it cannot overlap. */
		if (p->offset < pos && p->len)
			return fault(pc__facts_error(facts, "ExtendedXMP chunks overlap at byte %llu",
			                             (unsigned long long)p->offset));
		if (p->offset + p->len > pos)
			pos = p->offset + p->len;
	}
	if (pos < total)
		return missing(facts, pos, total);
	return 0;
}

/* A writer that repeats a chunk byte for byte has not contradicted itself:
 * keep one copy. Pieces are sorted by offset, so a repeat follows the piece
 * it repeats (any other chunk at the same offset is an overlap anyway).
 * Returns the new count. */
static size_t drop_repeats(struct piece *pieces, size_t n, const struct pc__xmp_chunk *chunks)
{
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const struct piece *p = &pieces[i], *q = kept ? &pieces[kept - 1] : NULL;
		int repeat = q && q->offset == p->offset && q->len == p->len &&
		             (!p->len || !memcmp(chunks[q->index].data, chunks[p->index].data,
		                                 (size_t)p->len));
		if (!repeat)
			pieces[kept++] = *p;
	}
	return kept;
}

int pc__xmp_extended_join(char **out, size_t *out_len, struct pc__facts *facts,
                          const char *guid, const struct pc__xmp_chunk *chunks,
                          size_t count)
{
	int ret = PC_ENOMEM;
	struct piece *pieces = NULL;
	char *joined = NULL;
	size_t n = 0;
	uint32_t total = 0;

	*out = NULL;
	*out_len = 0;
	if (count > SIZE_MAX / sizeof(*pieces))
		goto done;
	pieces = malloc((count ? count : 1) * sizeof(*pieces));
	if (!pieces)
		goto done;

	for (size_t i = 0; i < count; i++) {
		const struct pc__xmp_chunk *c = &chunks[i];
		if (strncmp(c->guid, guid, sizeof(c->guid)) != 0)
			continue;
		/* The first chunk sets the length the others must agree on. */
		if (n == 0) {
			total = c->full_length;
		} else if (c->full_length != total) {
			ret = fault(pc__facts_error(facts, "ExtendedXMP chunks disagree on the total "
			                            "length (%lu, %lu)", (unsigned long)total,
			                            (unsigned long)c->full_length));
			goto done;
		}
		pieces[n].offset = c->offset;
		pieces[n].len = c->len;
		pieces[n].index = i;
		n++;
	}
	if (n == 0) {
		ret = PC_ENOTFOUND;
		if (pc__facts_error(facts, "XMP promises ExtendedXMP '%.32s' but no segment carries it",
		                    guid) != 0)
			ret = PC_ENOMEM;
		goto done;
	}
	if (total > PC__XMP_MAX_BYTES) {
		ret = PC_ETOOBIG;
		if (pc__facts_error(facts, "ExtendedXMP declares %lu bytes, more than the %u MiB limit",
		                    (unsigned long)total, PC__XMP_MAX_BYTES / (1024 * 1024)) != 0)
			ret = PC_ENOMEM;
		goto done;
	}

	qsort(pieces, n, sizeof(*pieces), by_offset);
	n = drop_repeats(pieces, n, chunks);
	ret = check_tiling(facts, pieces, n, total);
	if (ret != 0)
		goto done;
	ret = PC_ENOMEM;

	/* The pieces tile [0, total) exactly, so every byte is written once. */
	joined = malloc((size_t)total + 1);
	if (!joined)
		goto done;
	for (size_t i = 0; i < n; i++)
		if (pieces[i].len)
			memcpy(joined + pieces[i].offset, chunks[pieces[i].index].data,
			       (size_t)pieces[i].len);
	joined[total] = '\0';
	*out = joined;
	*out_len = total;
	joined = NULL;
	ret = 0;
done:
	free(joined);
	free(pieces);
	return ret;
}
