/* Messages, bounded paths and the clock, for every part. */

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "scan_vs_exiftool.h"

__attribute__((format(printf, 1, 2)))
int bench_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs(ME ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return -1;
}

/* snprintf that treats a cut-off path as the error it is. */
__attribute__((format(printf, 3, 4)))
int bench_format(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size)
		return bench_fail("a path is too long: %s...", out);
	return 0;
}

double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
