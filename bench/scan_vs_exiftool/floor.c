/* The floors that scan is measured against: reading each photo's
 * segments up to SOS, and that plus expat parsing its XMP. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <expat.h>

#include "scan_vs_exiftool.h"

/*
 * The I/O floor: walk the folders (opendir/readdir), open each file, read
 * its marker segments up to SOS as a metadata reader must (each 2-byte
 * marker with its 2-byte length in one read, then the segment's bytes
 * into a buffer), close it. No parsing, no judging, no output. With
 * several threads, each walks the whole tree and takes every n-th file.
 */
struct floor_walk {
	unsigned id, threads;
	int parse_xmp;                /* also parse each XMP packet with expat */
	unsigned char *ext;           /* the photo's ExtendedXMP, joined */
	size_t ext_len, ext_alloc;
	unsigned long seen;           /* files met on the walk, by every thread */
	unsigned long files;          /* files this thread read */
	unsigned long long bytes;     /* bytes it read */
	int failed;
	unsigned char buffer[1 << 16];
};

/*
 * The parse floor: what any reader that parses XMP with expat (as the
 * project does, by namespace) must spend on a photo's packets, with no
 * handler at all: the main packet, and the ExtendedXMP joined from its
 * chunks (GUID, full length and offset before each; a photo's chunks
 * may come in any order). Other APP1 segments are left alone.
 */
static int parse_packet(const void *data, size_t len)
{
	XML_Parser p = XML_ParserCreateNS(NULL, ' ');
	if (!p)
		return -1;
	int ok = XML_Parse(p, data, (int)len, XML_TRUE) == XML_STATUS_OK;
	XML_ParserFree(p);
	return ok ? 0 : -1;
}

#define EXT_MAX (16u << 20)

static int parse_xmp(struct floor_walk *w, const unsigned char *seg, size_t len)
{
	static const char xmp_header[] = "http://ns.adobe.com/xap/1.0/";
	static const char ext_header[] = "http://ns.adobe.com/xmp/extension/";
	if (len >= sizeof(xmp_header) && !memcmp(seg, xmp_header, sizeof(xmp_header)))
		return parse_packet(seg + sizeof(xmp_header), len - sizeof(xmp_header));
	size_t head = sizeof(ext_header) + 32 + 8;
	if (len < head || memcmp(seg, ext_header, sizeof(ext_header)))
		return 0;
	const unsigned char *n = seg + sizeof(ext_header) + 32;
	size_t full = (size_t)n[0] << 24 | (size_t)n[1] << 16 | (size_t)n[2] << 8 | n[3];
	size_t at = (size_t)n[4] << 24 | (size_t)n[5] << 16 | (size_t)n[6] << 8 | n[7];
	size_t part = len - head;
	/* at <= full is tested first, so full - at does not wrap. */
	/* cppcheck-suppress unsignedLessThanZero */
	if (full > EXT_MAX || at > full || part > full - at)
		return -1;
	if (full > w->ext_alloc) {
		unsigned char *grown = realloc(w->ext, full);
		if (!grown)
			return -1;
		w->ext = grown;
		w->ext_alloc = full;
	}
	memcpy(w->ext + at, seg + head, part);
	w->ext_len = full;
	return 0;
}

static int read_to_sos(struct floor_walk *w, int dirfd, const char *name, const char *path)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bench_fail("%s: %s", path, strerror(errno));
	int ret = 0;
	unsigned char head[4];
	if (read_full(fd, head, 2) || head[0] != 0xFF || head[1] != 0xD8) {
		ret = bench_fail("%s: not a JPEG", path);
		goto done;
	}
	w->bytes += 2;
	for (;;) {
		if (read_full(fd, head, 4) || head[0] != 0xFF) {
			ret = bench_fail("%s: no SOS", path);
			break;
		}
		w->bytes += 4;
		if (head[1] == 0xDA)
			break;
		size_t len = (size_t)head[2] << 8 | head[3];
		if (len < 2 || read_full(fd, w->buffer, len - 2)) {
			ret = bench_fail("%s: a segment is cut short", path);
			break;
		}
		w->bytes += len - 2;
		if (w->parse_xmp && head[1] == 0xE1 && parse_xmp(w, w->buffer, len - 2)) {
			ret = bench_fail("%s: expat cannot parse its XMP", path);
			break;
		}
	}
	if (ret == 0 && w->ext_len && parse_packet(w->ext, w->ext_len))
		ret = bench_fail("%s: expat cannot parse its ExtendedXMP", path);
	w->ext_len = 0;
done:
	if (close(fd) && ret == 0)
		ret = bench_fail("closing %s: %s", path, strerror(errno));
	if (ret == 0)
		w->files++;
	return ret;
}

static int floor_file(void *ctx, int dirfd, const char *name, const char *path)
{
	struct floor_walk *w = ctx;
	if (w->seen++ % w->threads != w->id)
		return 0;
	return read_to_sos(w, dirfd, name, path);
}

struct floor_thread {
	pthread_t thread;
	const char *root;
	struct floor_walk *walk;
};

static void *floor_run(void *arg)
{
	struct floor_thread *t = arg;
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s", t->root);
	t->walk->failed = walk(path, strlen(path), floor_file, t->walk) != 0;
	return NULL;
}

/* Times one pass of the floor over `root` on `threads` threads; checks
 * that it read `expect` files. */
int floor_pass(const char *root, unsigned threads, int parse, unsigned expect,
                      double *seconds, unsigned long long *bytes)
{
	struct floor_thread t[2];
	struct floor_walk *w = calloc(threads, sizeof(*w));
	unsigned started = 0;
	int ret = -1;
	if (threads > 2 || !w) {
		free(w);
		return bench_fail("out of memory");
	}
	double start = now_seconds();
	for (; started < threads; started++) {
		w[started].id = started;
		w[started].threads = threads;
		w[started].parse_xmp = parse;
		t[started].root = root;
		t[started].walk = &w[started];
		int rc = pthread_create(&t[started].thread, NULL, floor_run, &t[started]);
		if (rc) {
			bench_fail("pthread_create: %s", strerror(rc));
			break;
		}
	}
	int failed = started < threads;
	for (unsigned i = 0; i < started; i++) {
		int rc = pthread_join(t[i].thread, NULL);
		if (rc)
			failed = bench_fail("pthread_join: %s", strerror(rc));
		failed |= w[i].failed;
	}
	*seconds = now_seconds() - start;
	if (!failed) {
		unsigned long files = 0;
		*bytes = 0;
		for (unsigned i = 0; i < threads; i++) {
			files += w[i].files;
			*bytes += w[i].bytes;
		}
		if (files != expect)
			bench_fail("the I/O floor read %lu files under %s, not %u", files, root, expect);
		else
			ret = 0;
	}
	for (unsigned i = 0; i < threads; i++)
		free(w[i].ext);
	free(w);
	return ret;
}
