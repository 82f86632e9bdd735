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

void pc__html_esc(struct pc__html_out *o, const char *s)
{
	size_t left = s ? strlen(s) : 0;
	for (const char *p = s; left && !o->err;) {
		unsigned char c = (unsigned char)*p;
		unsigned long cp;
		size_t n = 1;
		const char *esc = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
		                : c == '"' ? "&quot;" : c == '\'' ? "&#39;" : c == '\t' ? "&#9;"
		                : c == '\n' ? "&#10;" : c == '\r' ? "&#13;"
		                : c < 0x20 || c == 0x7F ? REPLACEMENT : NULL;
		if (esc)
			o->err = pc__buf_puts(&o->b, esc);
		else if (c < 0x80)
			o->err = pc__buf_putc(&o->b, (char)c);
		else if ((n = pc__utf8_decode(p, left, &cp)) && pc__cp_printable(cp))
			o->err = pc__buf_append(&o->b, p, n);
		else if (n)
			/* A C1 control, a line separator, a bidirectional
			 * control: a browser obeys one as surely as the raw
			 * character, so neither is written. */
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
