#include <criterion/criterion.h>

#include "photoconsent/photoconsent.h"

Test(width, ascii_is_a_column_a_byte)
{
	cr_expect_eq(pc_utf8_width("Amy Jones"), 9);
	cr_expect_eq(pc_utf8_width(""), 0);
}

Test(width, an_accented_letter_is_one_column_composed_or_not)
{
	cr_expect_eq(pc_utf8_width("Zo\xc3\xab"), 3);         /* U+00EB */
	cr_expect_eq(pc_utf8_width("Zoe\xcc\x88"), 3);        /* e, U+0308 */
	cr_expect_eq(pc_utf8_width("\xc5\x81ucja"), 5);       /* U+0141 */
}

Test(width, wide_characters_are_two_columns)
{
	cr_expect_eq(pc_utf8_width("\xe6\x9d\x8e\xe9\x9b\xb7"), 4); /* U+674E U+96F7 */
	cr_expect_eq(pc_utf8_width("Amy \xf0\x9f\x98\x80"), 6);     /* U+1F600 */
}

Test(width, a_byte_that_is_not_utf8_is_one_column)
{
	cr_expect_eq(pc_utf8_width("Zo\xeb"), 3);       /* Latin-1 */
	cr_expect_eq(pc_utf8_width("\x80"), 1);         /* a lone continuation byte */
	cr_expect_eq(pc_utf8_width("\xc0\xaf"), 2);     /* an overlong '/' */
	cr_expect_eq(pc_utf8_width("\xed\xa0\x80"), 3); /* a surrogate */
	cr_expect_eq(pc_utf8_width("a\xe6\x9d"), 3);    /* cut short */
}

Test(width, null_is_no_columns)
{
	cr_expect_eq(pc_utf8_width(NULL), 0);
}
