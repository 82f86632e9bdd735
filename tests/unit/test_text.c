#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fold.h"
#include "base/text.h"
#include "photoconsent/photoconsent.h"

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

/* ------------------------------------------------------------ printable */

/* What a terminal is given of `s`. */
static void expect_shown(const char *s, const char *want)
{
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__buf_put_printable(&b, s), 0);
	cr_assert_eq(pc__buf_putc(&b, '\0'), 0);
	cr_expect_str_eq(b.data, want);
	pc__buf_release(&b);
	char *copy = pc_printable(s);
	cr_assert_not_null(copy);
	cr_expect_str_eq(copy, want);
	pc_free(copy);
}

Test(printable, c0_controls_and_del_are_shown_as_question_marks)
{
	expect_shown("a\x1b[2Jb\x07" "c\x7f\n\r\td", "a?[2Jb?c????d");
}

Test(printable, c1_controls_are_shown_as_question_marks)
{
	/* U+009B is CSI: "\xc2\x9b" "31m" colours a terminal red. */
	expect_shown("Ann\xc2\x9b" "31m \xc2\x80\xc2\x85\xc2\x9f", "Ann?31m ???");
	/* U+00A0, the first character after them, is printable. */
	expect_shown("\xc2\xa0\xc2\xa9", "\xc2\xa0\xc2\xa9");
}

/* The inputs hold the controls on purpose, escaped. */
/* NOLINTBEGIN(misc-misleading-bidirectional) */
Test(printable, bidirectional_controls_and_separators_are_shown_as_question_marks)
{
	expect_shown("Bob \xe2\x80\xaegpj.exe", "Bob ?gpj.exe");
	expect_shown("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad", "????");
	expect_shown("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", "????");
	expect_shown("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "???");
	expect_shown("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a?b?c");
}
/* NOLINTEND(misc-misleading-bidirectional) */

Test(printable, each_byte_not_utf8_is_a_question_mark)
{
	expect_shown("a\xff\xfe.jpg", "a??.jpg");
	/* A sequence cut short, an overlong, a surrogate. */
	expect_shown("\xe2\x80", "??");
	expect_shown("\xc0\xaf", "??");
	expect_shown("\xed\xa0\x80", "???");
}

Test(printable, printable_text_is_unchanged)
{
	const char *s = "Zo\xc3\xab \xc5\x81ukasz \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 "
	                "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 'x' (1) ~";
	expect_shown(s, s);
	expect_shown(NULL, "");
}

Test(printable, one_rule_for_every_code_point)
{
	for (unsigned long cp = 0; cp < 0x20; cp++)
		cr_expect(!pc__cp_printable(cp), "U+%04lX", cp);
	for (unsigned long cp = 0x7F; cp <= 0x9F; cp++)
		cr_expect(!pc__cp_printable(cp), "U+%04lX", cp);
	static const unsigned long not_shown[] = { 0x061C, 0x200E, 0x200F, 0x2028, 0x2029,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 };
	for (size_t i = 0; i < sizeof(not_shown) / sizeof(not_shown[0]); i++)
		cr_expect(!pc__cp_printable(not_shown[i]), "U+%04lX", not_shown[i]);
	static const unsigned long shown[] = { 0x20, 0x7E, 0xA0, 0xEB, 0x141, 0x200D, 0x2030,
		0x2065, 0x206A, 0xFFFD, 0x1F600 };
	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		cr_expect(pc__cp_printable(shown[i]), "U+%04lX", shown[i]);
}

Test(printable, stored_text_holds_no_control_character)
{
	cr_expect(pc__text_has_control("A\x1b", 2));
	cr_expect(pc__text_has_control("A\x07", 2));
	cr_expect(pc__text_has_control("A\n", 2));
	cr_expect(pc__text_has_control("A\x7f", 2));
	cr_expect(pc__text_has_control("A\xc2\x9b", 3));
	/* A name in any script, and a right-to-left mark, are names. */
	cr_expect(!pc__text_has_control("Zo\xc3\xab \xd7\xa9\xd7\x9c\xe2\x80\x8f", 10));
	cr_expect(!pc__text_has_control("", 0));
}
