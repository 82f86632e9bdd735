#include "fold.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "buf.h"

/* Letters that NFKD leaves whole; after case folding they are lower case. */
static const char *replacement(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x0142: return "l";  /* ł */
	case 0x00F8: return "o";  /* ø */
	case 0x00E6: return "ae"; /* æ */
	case 0x0111: return "d";  /* đ */
	case 0x00F0: return "d";  /* ð */
	case 0x0153: return "oe"; /* œ */
	case 0x00FE: return "th"; /* þ */
	case 0x0131: return "i";  /* dotless ı */
	case 0x0127: return "h";  /* ħ */
	default: return NULL;
	}
}

char *pc__fold(const char *s)
{
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
