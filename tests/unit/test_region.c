#include <criterion/criterion.h>
#include <math.h>

#include "read/region.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

static void expect_box(struct pc_region r, double x, double y, double w, double h)
{
	cr_expect(NEAR(r.x, x) && NEAR(r.y, y) && NEAR(r.w, w) && NEAR(r.h, h),
	          "got x=%g y=%g w=%g h=%g, want x=%g y=%g w=%g h=%g",
	          r.x, r.y, r.w, r.h, x, y, w, h);
}

static struct pc__raw_region mwg(double x, double y, double w, double h,
                                 double aw, double ah)
{
	struct pc__raw_region r = { 0 };
	r.source = PC_SOURCE_MWG_REGION;
	r.has_area = 1;
	r.x = x, r.y = y, r.w = w, r.h = h;
	r.applied_w = aw, r.applied_h = ah;
	return r;
}

Test(region, mwg_centre_becomes_top_left)
{
	struct pc__raw_region raw = mwg(0.5, 0.4, 0.2, 0.3, 160, 120);
	struct pc_region r;
	cr_assert(pc__region_map(&r, &raw, 1, 160, 120));
	expect_box(r, 0.4, 0.25, 0.2, 0.3);
}

Test(region, mp_rectangle_is_already_top_left)
{
	struct pc__raw_region raw = { 0 };
	raw.source = PC_SOURCE_MP_REGION;
	raw.has_area = 1;
	raw.x = 0.1, raw.y = 0.2, raw.w = 0.3, raw.h = 0.4;
	struct pc_region r;
	cr_assert(pc__region_map(&r, &raw, 6, 160, 120));
	expect_box(r, 0.1, 0.2, 0.3, 0.4);
}

/* Stored 160x120, orientation 6: displayed 120x160. A region drawn on the
 * displayed image (AppliedToDimensions 120x160) is taken as it is. */
Test(region, rotated_photo_with_regions_on_the_displayed_image)
{
	struct pc__raw_region raw = mwg(0.25, 0.5, 0.1, 0.2, 120, 160);
	struct pc_region r;
	cr_assert(pc__region_map(&r, &raw, 6, 160, 120));
	expect_box(r, 0.2, 0.4, 0.1, 0.2);
}

/* The same photo with the region drawn on the stored pixels (160x120):
 * it is turned through orientation 6. */
Test(region, rotated_photo_with_regions_on_the_stored_pixels)
{
	/* stored top-left box: x=0.1 y=0.2 w=0.3 h=0.4 (centre 0.25, 0.4) */
	struct pc__raw_region raw = mwg(0.25, 0.4, 0.3, 0.4, 160, 120);
	struct pc_region r;
	cr_assert(pc__region_map(&r, &raw, 6, 160, 120));
	/* turned 90° clockwise: x' = 1 - y - h, y' = x, w' = h, h' = w */
	expect_box(r, 0.4, 0.1, 0.4, 0.3);
}

Test(region, pixel_units_divide_by_applied_dimensions)
{
	struct pc__raw_region raw = mwg(80, 60, 16, 24, 160, 120);
	raw.pixel_unit = 1;
	struct pc_region r;
	cr_assert(pc__region_map(&r, &raw, 1, 160, 120));
	expect_box(r, 0.45, 0.4, 0.1, 0.2);
}

Test(region, pixel_units_without_dimensions_have_no_box)
{
	struct pc__raw_region raw = mwg(80, 60, 16, 24, 0, 0);
	raw.pixel_unit = 1;
	struct pc_region r;
	cr_expect_not(pc__region_map(&r, &raw, 1, 160, 120));
}

Test(region, boxes_are_clipped_to_the_image_and_empty_ones_dropped)
{
	struct pc__raw_region raw = mwg(0.95, 0.5, 0.2, 0.2, 0, 0);
	struct pc_region r;
	cr_assert(pc__region_map(&r, &raw, 1, 0, 0));
	expect_box(r, 0.85, 0.4, 0.15, 0.2);
	raw = mwg(2.0, 2.0, 0.2, 0.2, 0, 0);
	cr_expect_not(pc__region_map(&r, &raw, 1, 0, 0), "entirely outside");
	raw = mwg(0.5, 0.5, 0, 0.2, 0, 0);
	cr_expect_not(pc__region_map(&r, &raw, 1, 0, 0), "zero width");
	raw = mwg((double)NAN, 0.5, 0.1, 0.2, 0, 0);
	cr_expect_not(pc__region_map(&r, &raw, 1, 0, 0), "not a number");
}

/* A box in the top-left corner of the stored image, then where a viewer
 * shows it for each orientation. */
Test(region, orientations_move_a_corner_box_where_a_viewer_shows_it)
{
	struct pc_region box = { 0.0, 0.0, 0.2, 0.1 };
	expect_box(pc__region_orient(box, 1), 0.0, 0.0, 0.2, 0.1);
	expect_box(pc__region_orient(box, 2), 0.8, 0.0, 0.2, 0.1);
	expect_box(pc__region_orient(box, 3), 0.8, 0.9, 0.2, 0.1);
	expect_box(pc__region_orient(box, 4), 0.0, 0.9, 0.2, 0.1);
	expect_box(pc__region_orient(box, 5), 0.0, 0.0, 0.1, 0.2);
	expect_box(pc__region_orient(box, 6), 0.9, 0.0, 0.1, 0.2);
	expect_box(pc__region_orient(box, 7), 0.9, 0.8, 0.1, 0.2);
	expect_box(pc__region_orient(box, 8), 0.0, 0.8, 0.1, 0.2);
}
