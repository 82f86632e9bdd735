#include "buf.h"

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

static int buf_reserve(struct pc__buf *buf, size_t extra)
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
		return PC_ERROR;
	buf->data = data;
	buf->alloc = alloc;
	return 0;
}

int pc__buf_append(struct pc__buf *buf, const void *data, size_t len)
{
	int err = buf_reserve(buf, len);
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

int pc__buf_printf(struct pc__buf *buf, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return PC_ERROR;
	if ((size_t)n < sizeof(small))
		return pc__buf_append(buf, small, (size_t)n);

	int err = buf_reserve(buf, (size_t)n);
	if (err)
		return err;
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)n;
	return 0;
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

void pc__buf_release(struct pc__buf *buf)
{
	if (!buf)
		return;
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->alloc = 0;
}
