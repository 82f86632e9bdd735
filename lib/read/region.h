/*
 * region.h: face boxes as fractions of the displayed image.
 *
 * MWG areas are centre-based, Microsoft Photo rectangles top-left based;
 * both are meant to be fractions of the image as displayed, after its EXIF
 * orientation (PRODUCT.md). Some writers drew MWG regions on the stored
 * pixels instead; their AppliedToDimensions then match the stored size
 * rather than the displayed one, which for a quarter-turn orientation is
 * the tell-tale sign, and the box is turned through the orientation.
 */
#ifndef PC_REGION_H
#define PC_REGION_H

#include "read/facts.h"
#include "photoconsent/photoconsent.h"

/*
 * Maps `raw` to *out: top-left based, fractions of the displayed image,
 * clipped to [0, 1]. `orientation` is the EXIF value (1..8); `stored_w` and
 * `stored_h` the size in the SOF marker (0 when unknown). Returns 1 when
 * *out holds a usable box, 0 when the region has no usable area (missing,
 * zero-sized, pixel units without dimensions, entirely outside the image).
 */
int pc__region_map(struct pc_region *out, const struct pc__raw_region *raw,
                   int orientation, unsigned stored_w, unsigned stored_h);

/* Turns a box given as fractions of the stored image into fractions of
 * the image displayed with EXIF orientation `orientation`. */
struct pc_region pc__region_orient(struct pc_region r, int orientation);

#endif
