/* How wide a string shows on a terminal, for lining up columns of names. */
#include <string.h>
#include <utf8proc.h>

#include "base/text.h"
#include "photoconsent/photoconsent.h"

size_t pc_utf8_width(const char *s)
{
	size_t width = 0, left = s ? strlen(s) : 0;
	const char *p = s;

	while (left) {
		/* The library's own rule for what UTF-8 is (no overlongs, no
		 * surrogates); a byte that starts none shows as one U+FFFD. */
		size_t len = pc__utf8_sequence(p, left);
		utf8proc_int32_t cp;
		if (!len || utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)len, &cp) < 1) {
			width++;
			p++;
			left--;
			continue;
		}
		int w = utf8proc_charwidth(cp);
		width += w > 0 ? (size_t)w : 0;
		p += len;
		left -= len;
	}
	return width;
}
