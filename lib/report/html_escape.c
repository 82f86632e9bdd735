/* Writing HTML into a buffer, every string from outside escaped
 * (html_escape.h). */
#include "report/html_escape.h"

#include <stdarg.h>
#include <string.h>

#include "base/text.h"

void pc__html_raw(struct pc__html_out *o, const char *s)
{
	if (!o->err)
		o->err = pc__buf_puts(&o->b, s);
}

void pc__html_rawf(struct pc__html_out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!o->err)
		o->err = pc__buf_vprintf(&o->b, fmt, ap);
	va_end(ap);
}

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Whether the valid UTF-8 sequence of `n` bytes at `p` is a character
 * the one rule lets through (a C1 control, U+2028 or a bidirectional
 * override from a file name is not). */
static int printable(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned long cp = n == 2 ? u[0] & 0x1Fu : n == 3 ? u[0] & 0x0Fu : u[0] & 0x07u;
	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (u[i] & 0x3Fu);
	return pc__cp_printable(cp);
}

void pc__html_esc(struct pc__html_out *o, const char *s)
{
	size_t left = s ? strlen(s) : 0;
	for (const char *p = s; left && !o->err;) {
		unsigned char c = (unsigned char)*p;
		size_t n = 1;
		const char *esc = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
		                : c == '"' ? "&quot;" : c == '\'' ? "&#39;" : c == '\t' ? "&#9;"
		                : c == '\n' ? "&#10;" : c == '\r' ? "&#13;"
		                : c < 0x20 || c == 0x7F ? REPLACEMENT : NULL;
		if (esc)
			o->err = pc__buf_puts(&o->b, esc);
		else if (c < 0x80)
			o->err = pc__buf_putc(&o->b, (char)c);
		else if ((n = pc__utf8_sequence(p, left)) && printable(p, n))
			o->err = pc__buf_append(&o->b, p, n);
		else if (n)
			o->err = pc__buf_puts(&o->b, REPLACEMENT);
		if (!n) {
			o->err = pc__buf_puts(&o->b, REPLACEMENT);
			n = 1;
		}
		p += n;
		left -= n;
	}
}

void pc__html_with(struct pc__html_out *o, const char *markup, const char *s)
{
	const char *mark = strstr(markup, "%s");
	size_t len = mark ? (size_t)(mark - markup) : strlen(markup);
	if (!o->err)
		o->err = pc__buf_append(&o->b, markup, len);
	pc__html_esc(o, s);
	pc__html_raw(o, mark ? mark + 2 : "");
}
