/* Plain I/O: whole reads and writes, the tail of a log, a walk over a
 * folder, removing a folder. */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan_vs_exiftool.h"

int read_full(int fd, void *buf, size_t n)
{
	unsigned char *p = buf;
	while (n > 0) {
		ssize_t got = read(fd, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got == 0)
				errno = EIO; /* a short file: the caller's files are whole */
			return -1;
		}
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

int write_full(int fd, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	while (n > 0) {
		ssize_t put = write(fd, p, n);
		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0)
			return -1;
		p += put;
		n -= (size_t)put;
	}
	return 0;
}

/* The last lines a failed command wrote to its log, for the message. */
void show_tail(const char *path)
{
	char buf[2048];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	off_t from = 0;
	if (fstat(fd, &st) == 0 && st.st_size > (off_t)sizeof(buf) - 1)
		from = st.st_size - (off_t)sizeof(buf) + 1;
	ssize_t got = pread(fd, buf, sizeof(buf) - 1, from);
	if (got > 0) {
		buf[got] = '\0';
		fprintf(stderr, "--- its standard error ends:\n%s%s---\n", buf,
		        buf[got - 1] == '\n' ? "" : "\n");
	}
	close(fd);
}

/* Removes a folder and everything in it, without following links. */
/* NOLINTNEXTLINE(misc-no-recursion): as deep as the benchmark's own folders */
int remove_tree(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return bench_fail("removing %s: %s", name, strerror(errno));
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return bench_fail("removing %s: %s", name, strerror(errno));
	}
	int ret = 0;
	struct dirent *e;
	for (errno = 0; ret == 0 && (e = readdir(d)); errno = 0) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		int is_dir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN) {
			struct stat st;
			if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW)) {
				ret = bench_fail("removing %s/%s: %s", name, e->d_name, strerror(errno));
				break;
			}
			is_dir = S_ISDIR(st.st_mode);
		}
		if (ret == 0 && is_dir)
			ret = remove_tree(fd, e->d_name);
		else if (ret == 0 && unlinkat(fd, e->d_name, 0))
			ret = bench_fail("removing %s/%s: %s", name, e->d_name, strerror(errno));
	}
	if (ret == 0 && errno)
		ret = bench_fail("reading %s: %s", name, strerror(errno));
	if (closedir(d) && ret == 0)
		ret = bench_fail("closing %s: %s", name, strerror(errno));
	if (ret == 0 && unlinkat(parent, name, AT_REMOVEDIR))
		ret = bench_fail("removing %s: %s", name, strerror(errno));
	return ret;
}

/* Calls fn for each regular file below `path` (a buffer of PATH_MAX that
 * holds the folder's path, `len` long), folders in the order they list. */
/* NOLINTNEXTLINE(misc-no-recursion): as deep as the folder given, under PATH_MAX */
int walk(char *path, size_t len, file_fn fn, void *ctx)
{
	DIR *d = opendir(path);
	if (!d)
		return bench_fail("opendir %s: %s", path, strerror(errno));
	int ret = 0;
	struct dirent *e;
	for (errno = 0; ret == 0 && (e = readdir(d)); errno = 0) {
		if (interrupted) {
			ret = -1;
			break;
		}
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		int n = snprintf(path + len, PATH_MAX - len, "/%s", e->d_name);
		if (n < 0 || (size_t)n >= PATH_MAX - len) {
			path[len] = '\0';
			ret = bench_fail("a path is too long under %s", path);
			break;
		}
		unsigned char type = e->d_type;
		if (type == DT_UNKNOWN) {
			struct stat st;
			if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW)) {
				ret = bench_fail("%s: %s", path, strerror(errno));
				break;
			}
			type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
		}
		if (type == DT_DIR)
			ret = walk(path, len + (size_t)n, fn, ctx);
		else if (type == DT_REG)
			ret = fn(ctx, dirfd(d), e->d_name, path);
		path[len] = '\0';
	}
	if (ret == 0 && errno)
		ret = bench_fail("readdir %s: %s", path, strerror(errno));
	if (closedir(d) && ret == 0)
		ret = bench_fail("closedir %s: %s", path, strerror(errno));
	return ret;
}
