#include "base/fold.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "base/buf.h"

/* Letters that NFKD leaves whole; after case folding they are lower case. */
static const char *replacement(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x0142: return "l";  /* ł */
	case 0x00F8: return "o";  /* ø */
	case 0x00E6: return "ae"; /* æ */
	case 0x0111:              /* đ */
	case 0x00F0: return "d";  /* ð */
	case 0x0153: return "oe"; /* œ */
	case 0x00FE: return "th"; /* þ */
	case 0x0131: return "i";  /* dotless ı */
	case 0x0127: return "h";  /* ħ */
	default: return NULL;
	}
}

/*
 * Most tags, names and captions are plain ASCII, for which the mapping
 * below comes to: lower case, and white space trimmed and run together.
 * Done directly it costs a fraction of utf8proc's decomposition, which a
 * scan of many thousands of photos notices. Returns NULL with *done 0
 * when `s` is not all ASCII.
 */
static char *fold_ascii(const char *s, int *done)
{
	size_t n = 0;
	*done = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++, n++)
		if (*p >= 0x80)
			return NULL;
	*done = 1;
	char *out = malloc(n + 1), *o = out;
	if (!out)
		return NULL;
	int pending_space = 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			pending_space = o > out;
			continue;
		}
		if (pending_space) {
			*o++ = ' ';
			pending_space = 0;
		}
		*o++ = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	*o = '\0';
	return out;
}

char *pc__fold(const char *s)
{
	int done;
	char *ascii = fold_ascii(s, &done);
	if (done)
		return ascii;

	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
	                                  UTF8PROC_NULLTERM | UTF8PROC_STABLE |
	                                  UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
	                                  UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
	if (n < 0)
		return NULL;

	struct pc__buf out;
	pc__buf_init(&out, 0);
	int err = 0, pending_space = 0;
	const utf8proc_uint8_t *p = mapped;
	utf8proc_ssize_t left = n;
	while (left > 0 && !err) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
		if (len <= 0)
			break;
		p += len;
		left -= len;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cat == UTF8PROC_CATEGORY_ZS) {
			pending_space = out.len > 0;
			continue;
		}
		if (pending_space) {
			err = pc__buf_putc(&out, ' ');
			pending_space = 0;
		}
		const char *rep = replacement(cp);
		if (rep) {
			err = err ? err : pc__buf_puts(&out, rep);
		} else {
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t m = utf8proc_encode_char(cp, enc);
			err = err ? err : pc__buf_append(&out, enc, (size_t)m);
		}
	}
	free(mapped);
	if (err) {
		pc__buf_release(&out);
		return NULL;
	}
	return pc__buf_detach(&out);
}
