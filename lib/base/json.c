#include "base/json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "photoconsent/photoconsent.h"
#include "base/text.h"

int pc__json_string(struct pc__buf *out, const char *s)
{
	if (!s)
		return pc__buf_puts(out, "null");
	int err = pc__buf_putc(out, '"');
	size_t left = strlen(s);
	const char *p = s;
	while (left && !err) {
		unsigned char c = (unsigned char)*p;
		unsigned long cp;
		size_t n = 1;
		switch (c) {
		case '"': err = pc__buf_puts(out, "\\\""); break;
		case '\\': err = pc__buf_puts(out, "\\\\"); break;
		case '\n': err = pc__buf_puts(out, "\\n"); break;
		case '\r': err = pc__buf_puts(out, "\\r"); break;
		case '\t': err = pc__buf_puts(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7F) {
				err = pc__buf_printf(out, "\\u%04x", c);
			} else if (c < 0x80) {
				err = pc__buf_putc(out, (char)c);
			} else if ((n = pc__utf8_decode(p, left, &cp)) && pc__cp_printable(cp)) {
				err = pc__buf_append(out, p, n);
			} else if (n) {
				/* A C1 control, U+2028 or U+2029 (which end a line
				 * in JavaScript), a bidirectional control: escaped,
				 * so the text is kept exactly and no terminal a line
				 * is shown on obeys it. All are below U+10000. */
				err = pc__buf_printf(out, "\\u%04lx", cp);
			} else {
				/* Not UTF-8 (a file name is only bytes): JSON must be. */
				n = 1;
				err = pc__buf_puts(out, "\\ufffd");
			}
		}
		p += n;
		left -= n;
	}
	return err ? err : pc__buf_putc(out, '"');
}

/*
 * "%.6f" of v into tmp (at least 32 bytes) without printf for the common
 * case: a face box is four numbers, and a whole-school photo has hundreds
 * of boxes, which printf's exact float formatting made a tenth of a scan.
 * v * 1e6 carries a rounding error far below 1e-6, so its nearest integer
 * is printf's answer unless v * 1e6 is within that error of a half;
 * then, and for large values, printf decides. Returns 0 when it did not.
 */
static int fixed6(char *tmp, double v)
{
	double scaled = v * 1e6;
	if (!(fabs(scaled) < 1e15))
		return 0;
	double whole = nearbyint(scaled);
	if (fabs(fabs(scaled - whole) - 0.5) < 1e-6)
		return 0;
	long long n = (long long)whole;
	unsigned long long a = n < 0 ? (unsigned long long)-n : (unsigned long long)n;
	char digits[24];
	int len = 0;
	do {
		digits[len++] = (char)('0' + a % 10);
		a /= 10;
	} while (a || len < 7); /* at least one digit before the point */
	char *o = tmp;
	if (n < 0)
		*o++ = '-';
	for (int i = len - 1; i >= 6; i--)
		*o++ = digits[i];
	*o++ = '.';
	for (int i = 5; i >= 0; i--)
		*o++ = digits[i];
	*o = '\0';
	return 1;
}

int pc__json_number(struct pc__buf *out, double v)
{
	if (!isfinite(v))
		return pc__buf_puts(out, "null");
	/* Round to 6 decimals so that 0.1 stays 0.1 rather than 0.1000000001. */
	char tmp[64];
	if (!fixed6(tmp, v))
		snprintf(tmp, sizeof(tmp), "%.6f", v);
	size_t n = strlen(tmp);
	while (n > 1 && tmp[n - 1] == '0')
		tmp[--n] = '\0';
	if (n > 1 && tmp[n - 1] == '.')
		tmp[--n] = '\0';
	if (!strcmp(tmp, "-0"))
		return pc__buf_puts(out, "0");
	return pc__buf_puts(out, tmp);
}

int pc__json_sources(struct pc__buf *out, unsigned sources)
{
	int err = pc__buf_putc(out, '[');
	int first = 1;
	for (int i = 0; i < PC_SOURCE_COUNT && !err; i++) {
		unsigned bit = 1u << i;
		if (!(sources & bit))
			continue;
		if (!first)
			err = pc__buf_puts(out, ", ");
		first = 0;
		err = err ? err : pc__json_string(out, pc_source_name(bit));
	}
	return err ? err : pc__buf_putc(out, ']');
}

int pc__json_region(struct pc__buf *out, const struct pc_region *r)
{
	if (!r)
		return pc__buf_puts(out, "null");
	int err = pc__buf_puts(out, "{\"x\": ");
	err = err ? err : pc__json_number(out, r->x);
	err = err ? err : pc__buf_puts(out, ", \"y\": ");
	err = err ? err : pc__json_number(out, r->y);
	err = err ? err : pc__buf_puts(out, ", \"w\": ");
	err = err ? err : pc__json_number(out, r->w);
	err = err ? err : pc__buf_puts(out, ", \"h\": ");
	err = err ? err : pc__json_number(out, r->h);
	return err ? err : pc__buf_putc(out, '}');
}
