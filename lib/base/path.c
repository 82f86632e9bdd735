/* A file's name made absolute: as written, or with its links resolved
 * (path.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/path.h"

char *pc__path_absolute(const char *path)
{
	struct pc__buf b;
	pc__buf_init(&b, 0);
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		if (!cwd)
			return NULL;
		int err = pc__buf_puts(&b, cwd);
		free(cwd);
		if (err) {
			errno = ENOMEM;
			return NULL;
		}
	}
	for (const char *p = path; *p;) {
		while (*p == '/')
			p++;
		size_t n = strcspn(p, "/");
		if (!n)
			break;
		if (n == 1 && p[0] == '.') {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (b.len && b.data[b.len - 1] != '/')
				b.len--;
			if (b.len)
				b.len--;
			b.data[b.len] = '\0';
		} else if (pc__buf_putc(&b, '/') || pc__buf_append(&b, p, n)) {
			pc__buf_release(&b);
			errno = ENOMEM;
			return NULL;
		}
		p += n;
	}
	if (!b.len && pc__buf_putc(&b, '/')) {
		pc__buf_release(&b);
		errno = ENOMEM;
		return NULL;
	}
	char *s = pc__buf_detach(&b);
	if (!s)
		errno = ENOMEM;
	return s;
}

char *pc__path_real(const char *path)
{
	char *real = realpath(path, NULL);
	if (real || errno == ENOMEM)
		return real;
	return pc__path_absolute(path);
}
