/*
 * JSON numbers (face boxes): written without printf for speed, they must
 * read exactly as "%.6f" with its trailing zeros taken off would, for
 * every value, halves and large values included.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"

/* What the number must read as: printf's "%.6f", trimmed. */
static void reference(char *out, size_t size, double v)
{
	snprintf(out, size, "%.6f", v);
	size_t n = strlen(out);
	while (n > 1 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 1 && out[n - 1] == '.')
		out[--n] = '\0';
	if (!strcmp(out, "-0"))
		memcpy(out, "0", 2);
}

static void expect_number(double v)
{
	char want[64];
	struct pc__buf b;
	pc__buf_init(&b, 0);
	reference(want, sizeof(want), v);
	cr_assert_eq(pc__json_number(&b, v), 0);
	cr_assert_eq(pc__buf_putc(&b, '\0'), 0);
	cr_expect_str_eq(b.data, want, "%.17g", v);
	pc__buf_release(&b);
}

Test(json, numbers_read_as_printf_rounds_them)
{
	static const double fixed[] = {
		0, -0.0, 1, -1, 0.1, 0.15, 0.2, 0.25, 0.3333333333, 2.0 / 3, 0.0000005, 0.0000015,
		0.0000025, -0.0000005, 0.1234565, 0.9999995, 0.99999949999, 1e-7, -1e-7, 123456.5,
		1e9, 1e10 + 0.5, 8.9e8 + 0.0000005, 1e20, -1e20, 5e-324, 0.5, 0.015625,
	};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		expect_number(fixed[i]);
	/* Fractions of a photo, as face boxes are, and wider values, from a
	 * fixed seed; and every multiple of 1e-7 near 0.1234, where halves
	 * fall. */
	unsigned long long seed = 42;
	for (int i = 0; i < 200000; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		double u = (double)(seed >> 11) / 9007199254740992.0;
		expect_number(i % 2 ? u : (u - 0.5) * 2e6);
	}
	for (int i = 0; i < 20000; i++)
		expect_number(0.1234 + i * 1e-7);
	/* No number at all is JSON's null. */
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__json_number(&b, (double)NAN), 0);
	cr_assert_eq(pc__buf_putc(&b, '\0'), 0);
	cr_expect_str_eq(b.data, "null");
	pc__buf_release(&b);
}

/* `s` as a JSON string, as the writers give it. */
static void expect_json_string(const char *s, const char *want)
{
	struct pc__buf b;
	pc__buf_init(&b, 0);
	cr_assert_eq(pc__json_string(&b, s), 0);
	cr_assert_eq(pc__buf_putc(&b, '\0'), 0);
	cr_expect_str_eq(b.data, want);
	pc__buf_release(&b);
}

Test(json, line_separators_are_escaped)
{
	/* U+2028 and U+2029 end a line in JavaScript and on some terminals. */
	expect_json_string("a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "\"a\\u2028b\\u2029c\"");
	expect_json_string("a\nb\rc\td", "\"a\\nb\\rc\\td\"");
}

Test(json, c1_controls_are_escaped)
{
	/* U+009B is a terminal's CSI; U+0085 a next line. */
	expect_json_string("Ann\xc2\x9b" "2J\xc2\x85", "\"Ann\\u009b2J\\u0085\"");
	expect_json_string("\x1b[31m\x07\x7f", "\"\\u001b[31m\\u0007\\u007f\"");
}

/* The inputs hold the controls on purpose, escaped. */
/* NOLINTBEGIN(misc-misleading-bidirectional) */
Test(json, bidirectional_controls_are_escaped)
{
	expect_json_string("Bob \xe2\x80\xaegpj.exe", "\"Bob \\u202egpj.exe\"");
	expect_json_string("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad",
	                   "\"\\u202a\\u202b\\u202c\\u202d\"");
	expect_json_string("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
	                   "\"\\u2066\\u2067\\u2068\\u2069\"");
	expect_json_string("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\"\\u200e\\u200f\\u061c\"");
}
/* NOLINTEND(misc-misleading-bidirectional) */

Test(json, printable_text_is_kept_as_written)
{
	expect_json_string("Zo\xc3\xab \xc5\x81ukasz \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 "
	                   "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \"q\" \\",
	                   "\"Zo\xc3\xab \xc5\x81ukasz \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 "
	                   "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \\\"q\\\" \\\\\"");
	/* A file name's byte that is not UTF-8. */
	expect_json_string("a\xff.jpg", "\"a\\ufffd.jpg\"");
}
