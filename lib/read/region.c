#include "read/region.h"

#include <math.h>

#include "photoconsent/photoconsent.h"

struct pc_region pc__region_orient(struct pc_region r, int orientation)
{
	struct pc_region d = r;
	/* Each case answers: where does the stored box land once the viewer
	 * has applied the orientation? Quarter turns swap width and height. */
	switch (orientation) {
	case 2: /* mirrored left to right */
		d.x = 1 - r.x - r.w;
		break;
	case 3: /* turned 180° */
		d.x = 1 - r.x - r.w;
		d.y = 1 - r.y - r.h;
		break;
	case 4: /* mirrored top to bottom */
		d.y = 1 - r.y - r.h;
		break;
	case 5: /* transposed */
		d = (struct pc_region){ r.y, r.x, r.h, r.w };
		break;
	case 6: /* displayed turned 90° clockwise */
		d = (struct pc_region){ 1 - r.y - r.h, r.x, r.h, r.w };
		break;
	case 7: /* transversed */
		d = (struct pc_region){ 1 - r.y - r.h, 1 - r.x - r.w, r.h, r.w };
		break;
	case 8: /* displayed turned 90° anticlockwise */
		d = (struct pc_region){ r.y, 1 - r.x - r.w, r.h, r.w };
		break;
	default:
		break;
	}
	return d;
}

static int usable(double v)
{
	return isfinite(v) && fabs(v) < 1e9;
}

static double clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Whether w x h is the same shape as a x b, allowing for rounding. */
static int same_size(double w, double h, double a, double b)
{
	return a > 0 && b > 0 && fabs(w - a) <= 1 + a / 100 && fabs(h - b) <= 1 + b / 100;
}

int pc__region_map(struct pc_region *out, const struct pc__raw_region *raw,
                   int orientation, unsigned stored_w, unsigned stored_h)
{
	if (!raw->has_area || !usable(raw->x) || !usable(raw->y) ||
	    !usable(raw->w) || !usable(raw->h) || raw->w <= 0 || raw->h <= 0)
		return 0;
	if (orientation < 1 || orientation > 8)
		orientation = 1;
	int quarter_turn = orientation >= 5;

	struct pc_region r = { raw->x, raw->y, raw->w, raw->h };
	int on_stored = 0;
	if (raw->source == PC_SOURCE_MWG_REGION) {
		double aw = raw->applied_w, ah = raw->applied_h;
		if (raw->pixel_unit) {
			if (!(aw > 0 && ah > 0))
				return 0;
			r.x /= aw;
			r.y /= ah;
			r.w /= aw;
			r.h /= ah;
		}
		/* Centre-based to top-left. */
		r.x -= r.w / 2;
		r.y -= r.h / 2;
		/* Drawn on the stored pixels of a quarter-turned photo? Only the
		 * dimensions can tell; a square image cannot, and then the rule
		 * (displayed) stands. */
		if (quarter_turn && stored_w && stored_h && stored_w != stored_h &&
		    same_size(aw, ah, stored_w, stored_h) &&
		    !same_size(aw, ah, stored_h, stored_w))
			on_stored = 1;
	}
	if (on_stored)
		r = pc__region_orient(r, orientation);

	double x0 = clamp01(r.x), y0 = clamp01(r.y);
	double x1 = clamp01(r.x + r.w), y1 = clamp01(r.y + r.h);
	if (x1 <= x0 || y1 <= y0)
		return 0;
	*out = (struct pc_region){ x0, y0, x1 - x0, y1 - y0 };
	return 1;
}
