#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fold.h"
#include "base/text.h"

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

/* ASCII is folded by a fast path: it must give what the full Unicode
 * folding gives. The full folding of the same text with "é" after it is
 * the reference (the fast path leaves such text to utf8proc): the "e"
 * that é folds to, and the space before it when the text ended in one,
 * come off. */
static void expect_fast_fold_agrees(const char *s)
{
	char with[64];
	snprintf(with, sizeof(with), "%s\xc3\xa9", s);
	char *fast = pc__fold(s), *full = pc__fold(with);
	cr_assert(fast && full);
	size_t n = strlen(full);
	cr_assert(n >= 1 && full[n - 1] == 'e', "'%s' folds to '%s'", with, full);
	full[--n] = '\0';
	if (n && full[n - 1] == ' ')
		full[--n] = '\0';
	cr_expect_str_eq(fast, full, "folding '%s'", s);
	free(fast);
	free(full);
}

Test(fold, ascii_fast_path_agrees_with_unicode_folding)
{
	char s[16];
	for (int c = 1; c < 0x80; c++) {
		s[0] = (char)c;
		s[1] = 'x';
		s[2] = '\0';
		expect_fast_fold_agrees(s);
	}
	/* Runs of spaces, tabs and line ends; upper and lower case, digits,
	 * punctuation, control characters; from a fixed seed. */
	static const char alphabet[] = "  \t\n\rAbZz09'-,.;_\x01\x0b\x0c\x7f";
	unsigned seed = 12345;
	for (int round = 0; round < 5000; round++) {
		size_t len = 1 + round % 12;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		s[len] = '\0';
		expect_fast_fold_agrees(s);
	}
}
