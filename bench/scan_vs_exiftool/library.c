/* The temporary folder and the library in it: event folders of
 * PER_FOLDER photos, hard links to the distinct photos, the space check. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "scan_vs_exiftool.h"

/* Upper bound of one distinct file's size on disk, for the space check:
 * the noise amplitudes in photos.c give 2.5 to 4 MB. */
#define MAX_FILE_BYTES (6ull << 20)
/* Room for the folders of the 11xN links, the database, the reports. */
#define SPARE_BYTES (256ull << 20)

/* Links `count` photos under `root` to the distinct files, photo i to the
 * library's photo i % DISTINCT, starting at photo `from`. */
static int link_photos(struct bench *b, const char *root, unsigned from, unsigned count)
{
	char src[PATH_MAX], dst[PATH_MAX];
	for (unsigned i = from; i < count; i++) {
		if (interrupted)
			return -1;
		if (i % PER_FOLDER == 0 || i == from) {
			if (folder_of(dst, sizeof(dst), root, i) || make_folder(dst))
				return -1;
		}
		if (photo_of(src, sizeof(src), b->photos, i % b->distinct) ||
		    photo_of(dst, sizeof(dst), root, i))
			return -1;
		if (link(src, dst))
			return bench_fail("link %s %s: %s", src, dst, strerror(errno));
	}
	return 0;
}

/* Whether the temporary folder's disk has room for the distinct files. */
static int check_space(const char *parent, unsigned distinct)
{
	struct statvfs fs;
	if (statvfs(parent, &fs))
		return bench_fail("statvfs %s: %s", parent, strerror(errno));
	unsigned long long avail = (unsigned long long)fs.f_bavail * fs.f_frsize;
	unsigned long long need = distinct * MAX_FILE_BYTES + SPARE_BYTES;
	printf("disk: %.1f GB free in %s; the photos need up to %.1f GB\n", (double)avail / 1e9,
	       parent, (double)need / 1e9);
	if (avail < need)
		return bench_fail("not enough space in %s: %.1f GB free, up to %.1f GB needed for %u "
		            "distinct 12-megapixel photos; free some space, set TMPDIR to a "
		            "roomier disk, or give fewer distinct files (%s N DISTINCT)",
		            parent, (double)avail / 1e9, (double)need / 1e9, distinct, ME);
	return 0;
}

/* The temporary folder and everything in it: the library, the 10xN
 * links, the preview subset, the database. */
int make_library(struct bench *b)
{
	const char *parent = getenv("TMPDIR");
	if (!parent || !*parent)
		parent = "/tmp";
	if (check_space(parent, b->distinct))
		return -1;
	if (bench_format(b->tmp, sizeof(b->tmp), "%s/%s.XXXXXX", parent, ME))
		return -1;
	if (!mkdtemp(b->tmp)) {
		int e = errno;
		bench_fail("mkdtemp %s: %s", b->tmp, strerror(e));
		b->tmp[0] = '\0';
		return -1;
	}
	if (bench_format(b->photos, sizeof(b->photos), "%s/photos", b->tmp) ||
	    bench_format(b->big, sizeof(b->big), "%s/photos-x%u", b->tmp, BIG_FACTOR) ||
	    bench_format(b->preview, sizeof(b->preview), "%s/preview", b->tmp) ||
	    bench_format(b->db, sizeof(b->db), "%s/demo.db", b->tmp) ||
	    bench_format(b->out, sizeof(b->out), "%s/out.json", b->tmp) ||
	    bench_format(b->errlog, sizeof(b->errlog), "%s/stderr.log", b->tmp) ||
	    bench_format(b->report, sizeof(b->report), "%s/report.html", b->tmp) ||
	    make_folder(b->photos) || make_folder(b->big) || make_folder(b->preview))
		return -1;
	if (!(b->sizes = calloc(b->distinct, sizeof(*b->sizes))))
		return bench_fail("out of memory");

	double start = now_seconds(), encoding = 0;
	if (make_distinct(b, &encoding) || link_photos(b, b->photos, b->distinct, b->photos_n))
		return -1;
	double linking = now_seconds();
	if (link_photos(b, b->big, 0, b->photos_n * BIG_FACTOR) ||
	    link_photos(b, b->preview, 0, b->preview_n))
		return -1;
	linking = now_seconds() - linking;
	for (unsigned i = 0; i < b->photos_n; i++)
		b->listed_bytes += b->sizes[i % b->distinct];

	printf("photos: N = %u in %u event folder%s of up to %u: %u distinct %dx%d JPEGs at "
	       "quality %d (gradients and noise), hard-linked, each tagged with the metadata of "
	       "one of the %u JPEGs in samples/ in turn\n",
	       b->photos_n, (b->photos_n + PER_FOLDER - 1) / PER_FOLDER,
	       b->photos_n > PER_FOLDER ? "s" : "", PER_FOLDER, b->distinct, WIDTH, HEIGHT, QUALITY,
	       b->samples);
	printf("  on disk: %.1f MB in the %u distinct files (%.2f MB each on average); "
	       "the N photos add up to %.2f GB as the tools see them\n",
	       (double)b->distinct_bytes / 1e6, b->distinct,
	       (double)b->distinct_bytes / 1e6 / b->distinct, (double)b->listed_bytes / 1e9);
	printf("  made in %.1f s (encoding %.1f s; %u + %u more links for the memory and preview "
	       "figures in %.1f s) in %s, removed at the end\n",
	       now_seconds() - start, encoding, b->photos_n * BIG_FACTOR, b->preview_n, linking, b->tmp);
	return 0;
}
