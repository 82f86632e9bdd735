#include "base/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"

/* Length of the valid UTF-8 sequence at s (at most `len` bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

size_t pc__utf8_sequence(const char *s, size_t len)
{
	uint32_t cp;
	return len ? utf8_seq((const unsigned char *)s, len, &cp) : 0;
}

size_t pc__utf8_decode(const char *s, size_t len, unsigned long *cp)
{
	uint32_t v = 0;
	size_t n = len ? utf8_seq((const unsigned char *)s, len, &v) : 0;
	*cp = v;
	return n;
}

int pc__utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	while (len) {
		size_t n = utf8_seq(p, len, &cp);
		if (!n)
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

int pc__cp_printable(unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	if (cp == 0x2028 || cp == 0x2029)
		return 0;
	if (cp == 0x200E || cp == 0x200F || cp == 0x061C)
		return 0;
	if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return 1;
}

int pc__text_printable(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	while (len) {
		size_t n = utf8_seq(p, len, &cp);
		if (!n || !pc__cp_printable(cp))
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

int pc__cp_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

int pc__text_has_control(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	while (len) {
		size_t n = utf8_seq(p, len, &cp);
		/* Not UTF-8 is refused as such before this is asked. */
		if (n ? pc__cp_control(cp) : *p < 0x20 || *p == 0x7F)
			return 1;
		n = n ? n : 1;
		p += n;
		len -= n;
	}
	return 0;
}

char *pc_printable(const char *s)
{
	struct pc__buf out;
	pc__buf_init(&out, 0);
	char *shown = NULL;
	return pc__buf_finish(&shown, &out, pc__buf_put_printable(&out, s)) ? NULL : shown;
}

static int put_cp(struct pc__buf *out, uint32_t cp)
{
	char b[4];
	size_t n;
	/* Control characters would break a one-line report: tabs, line ends
	 * and the rest all become a plain space. */
	if (cp < 0x20 || cp == 0x7F)
		cp = ' ';
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return pc__buf_append(out, b, n);
}

/* Trims spaces at both ends and hands the text over. */
static char *finish(struct pc__buf *out, int err)
{
	if (err) {
		pc__buf_release(out);
		return NULL;
	}
	char *s = pc__buf_detach(out);
	if (!s)
		return NULL;
	size_t len = strlen(s);
	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	size_t lead = strspn(s, " ");
	if (lead)
		memmove(s, s + lead, len - lead + 1);
	return s;
}

char *pc__text_from_utf8(const char *s, size_t len)
{
	struct pc__buf out;
	pc__buf_init(&out, 0);
	const unsigned char *p = (const unsigned char *)s;
	int err = 0;
	while (len && *p && !err) {
		/* Printable ASCII, the bulk of any tag, goes across as a run. */
		size_t run = 0;
		while (run < len && p[run] >= 0x20 && p[run] < 0x7F)
			run++;
		if (run) {
			err = pc__buf_append(&out, p, run);
			p += run;
			len -= run;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_seq(p, len, &cp);
		if (!n) {
			cp = 0xFFFD;
			n = 1;
		}
		err = put_cp(&out, cp);
		p += n;
		len -= n;
	}
	return finish(&out, err);
}

char *pc__text_from_latin1(const char *s, size_t len)
{
	struct pc__buf out;
	pc__buf_init(&out, 0);
	const unsigned char *p = (const unsigned char *)s;
	int err = 0;
	for (size_t i = 0; i < len && p[i] && !err; i++)
		err = put_cp(&out, p[i]);
	return finish(&out, err);
}

char *pc__text_guess(const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);
	size_t n = nul ? (size_t)(nul - s) : len;
	return pc__utf8_valid(s, n) ? pc__text_from_utf8(s, n)
	                            : pc__text_from_latin1(s, n);
}

char *pc__text_from_utf16le(const unsigned char *s, size_t len)
{
	struct pc__buf out;
	pc__buf_init(&out, 0);
	int err = 0;
	size_t i = 0;
	while (i + 1 < len && !err) {
		uint32_t u = (uint32_t)s[i] | ((uint32_t)s[i + 1] << 8);
		i += 2;
		if (u == 0)
			break;
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
			uint32_t lo = (uint32_t)s[i] | ((uint32_t)s[i + 1] << 8);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				i += 2;
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		err = put_cp(&out, u);
	}
	return finish(&out, err);
}

void pc__ascii_lower(char *s)
{
	for (char *p = s; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

/* Whether `a` is `word` (lower case) in any ASCII case. */
static int ascii_is(const char *a, const char *word)
{
	for (; *a && *word; a++, word++) {
		char c = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		if (c != *word)
			return 0;
	}
	return *a == *word;
}

int pc_yes_no(const char *text)
{
	static const char *const yes[] = { "yes", "y", "true", "1", "on" };
	static const char *const no[] = { "no", "n", "false", "0", "off" };
	if (!text)
		return -1;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (ascii_is(text, yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (ascii_is(text, no[i]))
			return 0;
	return -1;
}

/* Levenshtein distance, capped: enough to say "did you mean". */
size_t pc__edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63)
		return SIZE_MAX;
	size_t row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *pc__nearest(const char *typed, const char *const *names, size_t count)
{
	size_t allowed = strlen(typed) < 5 ? 1 : 2;
	size_t best_d = SIZE_MAX;
	const char *best = NULL;
	for (size_t i = 0; i < count; i++) {
		size_t d = pc__edit_distance(typed, names[i]);
		if (d <= allowed && d < best_d) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

void pc__utf8_trim_cut(char *s)
{
	size_t len = strlen(s), i = len;
	size_t back = 0;
	while (i > 0 && back < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
		i--;
		back++;
	}
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (back + 1 < need)
		s[i - 1] = '\0';
}

int pc__buf_put_printable_n(struct pc__buf *buf, const char *s, size_t len)
{
	int err = 0;
	while (len && !err) {
		/* Printable ASCII, the bulk of any name, goes across as a run. */
		size_t run = 0;
		while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F)
			run++;
		if (run) {
			err = pc__buf_append(buf, s, run);
			s += run;
			len -= run;
			continue;
		}
		unsigned long cp;
		size_t n = pc__utf8_decode(s, len, &cp);
		if (n && pc__cp_printable(cp)) {
			err = pc__buf_append(buf, s, n);
		} else {
			/* One '?' for the character, or for each byte not UTF-8. */
			err = pc__buf_putc(buf, '?');
			n = n ? n : 1;
		}
		s += n;
		len -= n;
	}
	return err;
}

int pc__buf_put_printable(struct pc__buf *buf, const char *s)
{
	s = s ? s : "";
	return pc__buf_put_printable_n(buf, s, strlen(s));
}
