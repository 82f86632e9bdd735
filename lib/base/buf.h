/*
 * buf.h: a growable byte buffer with a size cap.
 *
 * Invariants: `data` is NULL or holds `len` bytes followed by a NUL (so a
 * buffer of text is always a C string); `len < alloc` when data is not NULL;
 * `len` never exceeds `max`. A buffer that would pass `max` refuses with
 * PC_ETOOBIG and keeps what it had. A zeroed struct is an empty buffer with
 * no cap; set `max` before the first append to cap it.
 */
#ifndef PC_BUF_H
#define PC_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct pc__buf {
	char *data;
	size_t len;
	size_t alloc;
	size_t max; /* 0: no cap beyond SIZE_MAX / 2 */
};

void pc__buf_init(struct pc__buf *buf, size_t max);
/* Makes room for `extra` more bytes (and the NUL) after `len`, for a
 * writer that fills data + len itself. 0, PC_ETOOBIG, PC_ENOMEM. */
int pc__buf_reserve(struct pc__buf *buf, size_t extra);
/* Appends; 0, PC_ETOOBIG past the cap, PC_ENOMEM out of memory. */
int pc__buf_append(struct pc__buf *buf, const void *data, size_t len);
int pc__buf_putc(struct pc__buf *buf, char c);
int pc__buf_puts(struct pc__buf *buf, const char *s);
int pc__buf_printf(struct pc__buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int pc__buf_vprintf(struct pc__buf *buf, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* A new string formatted like vprintf, or NULL when out of memory. */
char *pc__vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* Hands the contents to the caller (never NULL on success: an empty
 * buffer gives ""), leaving the buffer empty. NULL when out of memory. */
char *pc__buf_detach(struct pc__buf *buf);
void pc__buf_release(struct pc__buf *buf);

/* The end of building a report: when `err` is 0, hands the contents over
 * into *out and returns 0; else (or when out of memory) releases the
 * buffer and returns PC_ENOMEM. */
int pc__buf_finish(char **out, struct pc__buf *buf, int err);

#endif
