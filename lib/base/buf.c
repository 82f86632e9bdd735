#include "base/buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"

void pc__buf_init(struct pc__buf *buf, size_t max)
{
	memset(buf, 0, sizeof(*buf));
	buf->max = max;
}

int pc__buf_reserve(struct pc__buf *buf, size_t extra)
{
	size_t cap = buf->max ? buf->max : SIZE_MAX / 2;
	if (extra > cap || buf->len > cap - extra)
		return PC_ETOOBIG;
	size_t need = buf->len + extra + 1;
	if (need <= buf->alloc)
		return 0;
	size_t alloc = buf->alloc ? buf->alloc : 64;
	while (alloc < need)
		alloc = alloc > SIZE_MAX / 4 ? need : alloc * 2;
	char *data = realloc(buf->data, alloc);
	if (!data)
		return PC_ENOMEM;
	buf->data = data;
	buf->alloc = alloc;
	return 0;
}

int pc__buf_append(struct pc__buf *buf, const void *data, size_t len)
{
	int err = pc__buf_reserve(buf, len);
	if (err)
		return err;
	if (len)
		memcpy(buf->data + buf->len, data, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
	return 0;
}

int pc__buf_putc(struct pc__buf *buf, char c)
{
	return pc__buf_append(buf, &c, 1);
}

int pc__buf_puts(struct pc__buf *buf, const char *s)
{
	return pc__buf_append(buf, s, strlen(s));
}

int pc__buf_vprintf(struct pc__buf *buf, const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	int err = n < 0 ? PC_ERROR : 0;
	if (!err && (size_t)n < sizeof(small)) {
		err = pc__buf_append(buf, small, (size_t)n);
	} else if (!err && !(err = pc__buf_reserve(buf, (size_t)n))) {
		/* Longer than the small buffer: format again, in place. */
		vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, again);
		buf->len += (size_t)n;
	}
	va_end(again);
	return err;
}

int pc__buf_printf(struct pc__buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int err = pc__buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return err;
}

char *pc__vformat(const char *fmt, va_list ap)
{
	struct pc__buf b;
	pc__buf_init(&b, 0);
	if (pc__buf_vprintf(&b, fmt, ap)) {
		pc__buf_release(&b);
		return NULL;
	}
	return pc__buf_detach(&b);
}

char *pc__buf_detach(struct pc__buf *buf)
{
	char *data = buf->data;
	if (!data)
		data = calloc(1, 1);
	buf->data = NULL;
	buf->len = buf->alloc = 0;
	return data;
}

int pc__buf_finish(char **out, struct pc__buf *buf, int err)
{
	if (err) {
		pc__buf_release(buf);
		return PC_ENOMEM;
	}
	*out = pc__buf_detach(buf);
	return *out ? 0 : PC_ENOMEM;
}

void pc__buf_release(struct pc__buf *buf)
{
	if (!buf)
		return;
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->alloc = 0;
}
