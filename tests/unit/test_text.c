#include <criterion/criterion.h>
#include <stdlib.h>

#include "fold.h"
#include "text.h"

static void expect_text(char *got, const char *want)
{
	cr_assert_not_null(got);
	cr_expect_str_eq(got, want);
	free(got);
}

Test(text, invalid_utf8_becomes_replacement_character)
{
	expect_text(pc__text_from_utf8("Zo\xeb Brown", 10), "Zo\xef\xbf\xbd Brown");
}

Test(text, latin1_becomes_utf8)
{
	expect_text(pc__text_from_latin1("Zo\xeb Brown", 10), "Zo\xc3\xab Brown");
}

Test(text, guess_keeps_valid_utf8_and_reads_the_rest_as_latin1)
{
	expect_text(pc__text_guess("Zo\xc3\xab", 4), "Zo\xc3\xab");
	expect_text(pc__text_guess("Zo\xeb", 3), "Zo\xc3\xab");
}

Test(text, utf16le_with_surrogate_pair_and_nul_end)
{
	/* "Ł😀" then NUL and junk after it */
	const unsigned char s[] = { 0x41, 0x01, 0x3D, 0xD8, 0x00, 0xDE, 0, 0, 'x', 0 };
	expect_text(pc__text_from_utf16le(s, sizeof(s)), "\xc5\x81\xf0\x9f\x98\x80");
}

Test(text, unpaired_surrogate_is_replaced)
{
	const unsigned char s[] = { 0x3D, 0xD8, 'A', 0 };
	expect_text(pc__text_from_utf16le(s, sizeof(s)), "\xef\xbf\xbd" "A");
}

Test(text, control_characters_become_spaces_and_ends_are_trimmed)
{
	expect_text(pc__text_from_utf8("  Amy\tJones\r\n ", 15), "Amy Jones");
}

Test(text, stops_at_nul)
{
	expect_text(pc__text_from_utf8("Amy\0Jones", 9), "Amy");
}

Test(text, utf8_validity)
{
	cr_expect(pc__utf8_valid("\xc5\x81ukasz", 7));
	cr_expect_not(pc__utf8_valid("\xc0\xaf", 2), "overlong");
	cr_expect_not(pc__utf8_valid("\xed\xa0\x80", 3), "surrogate");
	cr_expect_not(pc__utf8_valid("\xf4\x90\x80\x80", 4), "past U+10FFFF");
	cr_expect_not(pc__utf8_valid("\xe2\x82", 2), "cut short");
}

static void expect_fold(const char *in, const char *want)
{
	char *got = pc__fold(in);
	cr_assert_not_null(got, "folding '%s'", in);
	cr_expect_str_eq(got, want, "folding '%s'", in);
	free(got);
}

Test(fold, case_accents_and_spaces)
{
	expect_fold("  Zo\xc3\xab   BROWN ", "zoe brown");
	expect_fold("Ren\xc3\xa9\xc2\xa0" "Dupont", "rene dupont");
}

Test(fold, letters_without_an_accent_to_strip)
{
	expect_fold("\xc5\x81ukasz Nowak", "lukasz nowak");   /* Ł */
	expect_fold("S\xc3\xb8ren", "soren");                 /* ø */
	expect_fold("Stra\xc3\x9f" "e", "strasse");           /* ß */
	expect_fold("\xc3\x86thelstan", "aethelstan");        /* Æ */
	expect_fold("\xc4\x90or\xc4\x91" "e", "dorde");        /* Đ đ */
	expect_fold("\xc5\x92uvre", "oeuvre");                /* Œ */
	expect_fold("\xc3\x9e\xc3\xb3ra", "thora");           /* Þ */
}

Test(fold, names_typed_differently_fold_alike)
{
	char *a = pc__fold("\xc5\x81ukasz Nowak"), *b = pc__fold("LUKASZ  NOWAK");
	cr_assert(a && b);
	cr_expect_str_eq(a, b);
	free(a);
	free(b);
}
