#include "read/sidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"
#include "read/xmp.h"

/* Opens `candidate` if it is a regular file; -1 with errno ENOENT if it
 * does not exist. O_NONBLOCK: a FIFO named like a sidecar must not hang us. */
static int open_regular(const char *candidate, struct stat *st)
{
	int fd = open(candidate, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

static int read_all(struct pc__buf *out, int fd)
{
	char chunk[16384];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return PC_EOPEN;
		if (n == 0)
			return 0;
		int err = pc__buf_append(out, chunk, (size_t)n);
		if (err)
			return err;
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int parse_file(struct pc__facts *facts, const char *candidate, int fd)
{
	struct pc__buf text;
	pc__buf_init(&text, PC__XMP_MAX_BYTES);
	char what[300];
	snprintf(what, sizeof(what), "sidecar '%s'", base_name(candidate));
	int err = read_all(&text, fd);
	int ret = 0;
	if (err == PC_ETOOBIG)
		ret = pc__facts_error(facts, "%s is larger than %u bytes; not read", what,
		                      PC__XMP_MAX_BYTES);
	else if (err == PC_EOPEN)
		ret = pc__facts_error(facts, "%s cannot be read: %s", what, strerror(errno));
	else if (err)
		ret = PC_ENOMEM;
	else
		ret = pc__xmp_read(facts, text.data ? text.data : "", text.len, what, NULL);
	pc__buf_release(&text);
	return ret;
}

int pc__sidecar_read(struct pc__facts *facts, const char *path)
{
	size_t len = strlen(path);
	const char *base = base_name(path);
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - path) : len;
	char *candidate = malloc(len + 5);
	if (!candidate)
		return PC_ENOMEM;

	/*
	 * Every sidecar there is, not only the first: digiKam and darktable
	 * write "IMG.jpg.xmp", Lightroom and Bridge "IMG.xmp", and a school
	 * that used both has tags in each. A child named in either is in the
	 * photo. On a file system that ignores case, ".xmp" and ".XMP" are
	 * one file, read once.
	 */
	int ret = 0;
	struct stat seen[4];
	size_t seen_count = 0;
	static const char *const exts[] = { ".xmp", ".XMP" };
	for (int form = 0; form < 4 && ret == 0; form++) {
		size_t keep = form < 2 ? len : stem;
		if (form >= 2 && stem == len)
			break;
		memcpy(candidate, path, keep);
		memcpy(candidate + keep, exts[form % 2], 5);
		struct stat st;
		int fd = open_regular(candidate, &st);
		if (fd < 0) {
			if (errno == ENOENT || errno == ENOTDIR)
				continue;
			ret = pc__facts_error(facts, "sidecar '%s' cannot be opened: %s",
			                      base_name(candidate), strerror(errno));
			continue;
		}
		int again = 0;
		for (size_t i = 0; i < seen_count && !again; i++)
			again = seen[i].st_dev == st.st_dev && seen[i].st_ino == st.st_ino;
		if (!again) {
			seen[seen_count++] = st;
			ret = parse_file(facts, candidate, fd);
		}
		close(fd);
	}
	free(candidate);
	return ret;
}
