/* The rules of the verdict that callers apply without judging a photo. */
#include <criterion/criterion.h>

#include "photoconsent/photoconsent.h"

Test(rules, a_staff_check_is_for_the_website_a_parents_for_parent_social)
{
	cr_expect_str_eq(pc_view_default_purpose(PC_VIEW_STAFF), "website");
	cr_expect_str_eq(pc_view_default_purpose(PC_VIEW_PARENT), "parent-social");
}

Test(rules, a_value_that_is_no_view_has_no_default_purpose)
{
	cr_expect_null(pc_view_default_purpose((enum pc_view)2));
	cr_expect_null(pc_view_default_purpose((enum pc_view)-1));
}

Test(rules, an_always_denied_purpose_overrides_consent)
{
	struct pc_purpose denied = { .id = "staff-personal", .is_public = 1, .always_deny = 1 };
	struct pc_purpose in_school = { .id = "display" };
	struct pc_purpose public_one = { .id = "website", .is_public = 1 };
	cr_expect_eq(pc_purpose_overrides_consent(&denied), 1);
	cr_expect_eq(pc_purpose_overrides_consent(&in_school), 0);
	cr_expect_eq(pc_purpose_overrides_consent(&public_one), 0);
}

Test(rules, no_purpose_overrides_nothing)
{
	cr_expect_eq(pc_purpose_overrides_consent(NULL), 0);
}
