#include "report/report_wrap.h"

#include <string.h>

#include "photoconsent/photoconsent.h"

/* The number of characters (not bytes) in the first `len` bytes of s. */
static size_t columns(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* A word of `len` bytes, each character the one printable rule refuses
 * a '?'. */
static int put_word(struct pc__buf *b, const char *p, size_t len)
{
	return pc__buf_put_printable_len(b, p, len);
}

int pc__report_wrapped(struct pc__buf *b, size_t indent, const char *label, const char *text)
{
	size_t margin = indent + columns(label, strlen(label));
	size_t hang = *label ? margin : margin + 2;
	size_t room = PC__REPORT_WIDTH > hang + 20 ? PC__REPORT_WIDTH - hang : 20;
	size_t used = 0, first = 1;
	int err = pc__buf_printf(b, "%*s%s", (int)indent, "", label);
	const char *p = text ? text : "";
	while (*p == ' ')
		p++;
	while (*p && !err) {
		size_t len = strcspn(p, " ");
		size_t w = columns(p, len);
		if (used && used + 1 + w > (first ? room + hang - margin : room)) {
			err = pc__buf_printf(b, "\n%*s", (int)hang, "");
			used = 0;
			first = 0;
		} else if (used) {
			err = pc__buf_putc(b, ' ');
			used++;
		}
		err = err ? err : put_word(b, p, len);
		used += w;
		p += len;
		while (*p == ' ')
			p++;
	}
	return err ? err : pc__buf_putc(b, '\n');
}
