/*
 * walk.c: finds the files below a folder for the scanner, one at a time.
 *
 * A school's photo share holds folders of tens of thousands of photos, links
 * made by sync tools, and now and then a FIFO or a device node. So the walk
 * streams (readdir, never a list of names), keeps an explicit stack of open
 * folders rather than recursing, opens each folder relative to its parent's
 * descriptor (one path buffer, reused: append a name, cut it back), and
 * stats an entry only when the folder's listing (d_type) does not already
 * say what it is.
 */
#include "scan/walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"

/* How much of an ancestor's path a loop message quotes. */
#define QUOTE_MAX 200

/* One open folder on the way down. */
struct frame {
	DIR *dir;
	dev_t dev; /* with ino, what the folder is, whatever path led to it */
	ino_t ino;
	size_t len; /* its path is the first len bytes of the path buffer */
	int xmp;    /* it holds a name ending in .xmp (any case) */
};

struct walk {
	pc__walk_fn fn;
	void *ctx;
	int depth;  /* frames in use; the root's folder is frame 0 */
	size_t len; /* strlen(path) */
	struct frame stack[PC__WALK_MAX_DEPTH + 1];
	char path[PATH_MAX];
	char message[QUOTE_MAX + 100];
	char errtext[128];
};

static int report(struct walk *w, enum pc__walk_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reports the entry the path buffer names. */
static int report(struct walk *w, enum pc__walk_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->message, sizeof(w->message), fmt, ap);
	va_end(ap);
	struct pc__walk_entry entry = { kind, w->path, w->message, -1, 1 };
	return w->fn(w->ctx, &entry);
}

static int report_file(struct walk *w, off_t size)
{
	/* A file named as a root may have a sidecar: nobody looked. */
	int xmp = w->depth ? w->stack[w->depth - 1].xmp : 1;
	struct pc__walk_entry entry = { PC__WALK_FILE, w->path, NULL, size, xmp };
	return w->fn(w->ctx, &entry);
}

/* Whether the folder holds a name ending in ".xmp", any case: one pass
 * over its listing, then back to its start. Photos in a folder without
 * one have no sidecar, and the reader need not look for one (four failed
 * opens a photo, in a folder of thousands). A listing that cannot be
 * read says yes: the reader will look, as it would anyway. */
static int holds_xmp(DIR *dir)
{
	int found = 0;
	struct dirent *de;
	errno = 0;
	while (!found && (de = readdir(dir))) {
		size_t n = strlen(de->d_name);
		found = n >= 4 && !strcasecmp(de->d_name + n - 4, ".xmp");
	}
	if (errno)
		found = 1;
	rewinddir(dir);
	return found;
}

/* strerror() may share one buffer between threads; the XSI strerror_r
 * (what _POSIX_C_SOURCE without _GNU_SOURCE gives) fills our own. */
static const char *error_text(struct walk *w, int err)
{
	if (strerror_r(err, w->errtext, sizeof(w->errtext)) != 0)
		snprintf(w->errtext, sizeof(w->errtext), "error %d", err);
	return w->errtext;
}

/* Appends "/name" (no slash after one already there) to the path buffer;
 * PC_ETOOBIG, with as much as fits kept, when the whole path could not be
 * opened by anyone. */
static int path_append(struct walk *w, const char *name)
{
	const char *slash = w->len && w->path[w->len - 1] != '/' ? "/" : "";
	size_t room = sizeof(w->path) - w->len;
	int n = snprintf(w->path + w->len, room, "%s%s", slash, name);
	if (n < 0 || (size_t)n >= room)
		return PC_ETOOBIG;
	w->len += (size_t)n;
	return 0;
}

/* A stat() of `name` failed with `err`: says why, looking at the link
 * itself when there is one. */
static int stat_failed(struct walk *w, int at, const char *name, int err, const char *verb)
{
	struct stat st;
	if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
		if (err == ENOENT || err == ENOTDIR)
			return report(w, PC__WALK_BROKEN_LINK, "a symbolic link to nothing: not followed");
		if (err == ELOOP)
			return report(w, PC__WALK_LOOP, "a symbolic link that loops: not followed");
	}
	return report(w, PC__WALK_NO_FOLDER, "%s: %s", verb, error_text(w, err));
}

/* Opens the folder `name` (relative to the folder `at`), which the path
 * buffer names, and pushes it. Its identity is taken from the open
 * descriptor, not from an earlier stat: a link swapped in between must
 * not lead back up. O_DIRECTORY: if a FIFO was swapped in, the open fails
 * rather than blocking. */
static int enter(struct walk *w, int at, const char *name)
{
	int ret = 0;
	int fd = -1;
	struct stat st;

	if (w->depth > PC__WALK_MAX_DEPTH) {
		ret = report(w, PC__WALK_TOO_DEEP, "nested more than %d folders deep: not walked",
		             PC__WALK_MAX_DEPTH);
		goto done;
	}
	fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) < 0) {
		ret = report(w, PC__WALK_NO_FOLDER, "cannot open the folder: %s", error_text(w, errno));
		goto done;
	}
	for (int i = 0; i < w->depth; i++) {
		const struct frame *up = &w->stack[i];
		if (up->dev != st.st_dev || up->ino != st.st_ino)
			continue;
		ret = report(w, PC__WALK_LOOP, "a link back to the folder '%.*s%s': not followed",
		             (int)(up->len < QUOTE_MAX ? up->len : QUOTE_MAX), w->path,
		             up->len > QUOTE_MAX ? "..." : "");
		goto done;
	}
	DIR *dir = fdopendir(fd);
	if (!dir) {
		int err = errno;
		ret = err == ENOMEM ? PC_ENOMEM
		                    : report(w, PC__WALK_NO_FOLDER, "cannot open the folder: %s",
		                             error_text(w, err));
		goto done;
	}
	fd = -1; /* the DIR owns it now */
	w->stack[w->depth++] = (struct frame){ dir, st.st_dev, st.st_ino, w->len, holds_xmp(dir) };
done:
	if (fd >= 0)
		close(fd);
	return ret;
}

static const char *special_name(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "neither a file nor a folder";
}

/* Reports or enters the entry `name` of the folder `at`, which the path
 * buffer names; `type` is its d_type (DT_UNKNOWN for the root). Links,
 * folders and filesystems that leave d_type unknown need a stat; files
 * and special files are known from the listing alone. */
static int visit(struct walk *w, int at, const char *name, unsigned char type,
                 const char *verb)
{
	mode_t mode = DTTOIF(type);
	off_t size = -1;
	if (type == DT_UNKNOWN || type == DT_LNK) {
		struct stat st;
		if (fstatat(at, name, &st, 0) < 0)
			return stat_failed(w, at, name, errno, verb);
		mode = st.st_mode;
		size = st.st_size;
	}
	if (S_ISREG(mode))
		return report_file(w, size);
	if (S_ISDIR(mode))
		return enter(w, at, name);
	return report(w, PC__WALK_SPECIAL, "%s: not a photo, not opened", special_name(mode));
}

/* Visits the next entry of the deepest open folder, or closes the folder
 * at its end. */
static int step(struct walk *w)
{
	struct frame *top = &w->stack[w->depth - 1];
	w->len = top->len;
	w->path[w->len] = '\0';

	errno = 0;
	struct dirent *de = readdir(top->dir);
	if (!de) {
		int err = errno;
		int ret = err ? report(w, PC__WALK_NO_FOLDER, "cannot read the folder: %s",
		                       error_text(w, err))
		              : 0;
		closedir(top->dir);
		w->depth--;
		return ret;
	}
	const char *name = de->d_name;
	if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
		return 0;
	if (path_append(w, name))
		return report(w, PC__WALK_TOO_DEEP, "the path is too long to open: not walked");
	return visit(w, dirfd(top->dir), name, de->d_type, "cannot read");
}

int pc__walk(const char *root, pc__walk_fn fn, void *ctx)
{
	int ret = PC_ENOMEM;
	struct walk *w = calloc(1, sizeof(*w));
	if (!w)
		goto done;
	w->fn = fn;
	w->ctx = ctx;

	if (path_append(w, root)) {
		ret = report(w, PC__WALK_TOO_DEEP, "the path is too long to open: not walked");
		goto done;
	}
	ret = visit(w, AT_FDCWD, root, DT_UNKNOWN, "cannot open");
	while (!ret && w->depth > 0)
		ret = step(w);
done:
	while (w && w->depth > 0)
		closedir(w->stack[--w->depth].dir);
	free(w);
	return ret;
}
