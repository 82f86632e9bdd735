/* Part 5, the previews: scan with and without the contact sheet, and
 * libjpeg decoding the same photos at 1/8 scale. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan_vs_exiftool.h"

#define READ_THROUGH_BYTES (1u << 20)

/* Decodes one photo at 1/8 scale with libjpeg's defaults, every scanline:
 * what a contact sheet's preview cannot avoid. */
static int decode_eighth(void *ctx, int dirfd, const char *name, const char *path)
{
	unsigned long *count = ctx;
	struct jpeg_decompress_struct cinfo;
	struct jpeg_failure err;
	(void)dirfd;
	(void)name;

	FILE *f = fopen(path, "rb");
	if (!f)
		return bench_fail("%s: %s", path, strerror(errno));
	cinfo.err = jpeg_std_error(&err.pub);
	err.pub.error_exit = jpeg_failed;
	if (setjmp(err.jump)) {
		jpeg_destroy_decompress(&cinfo);
		fclose(f);
		return bench_fail("decoding %s: %s", path, err.message);
	}
	jpeg_create_decompress(&cinfo);
	jpeg_stdio_src(&cinfo, f);
	jpeg_read_header(&cinfo, TRUE);
	cinfo.scale_num = 1;
	cinfo.scale_denom = 8;
	jpeg_start_decompress(&cinfo);
	/* From libjpeg's own pool: freed with the object, on every path. */
	JDIMENSION stride = cinfo.output_width * (JDIMENSION)cinfo.output_components;
	JSAMPARRAY row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, stride, 1);
	while (cinfo.output_scanline < cinfo.output_height)
		jpeg_read_scanlines(&cinfo, row, 1);
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	if (fclose(f))
		return bench_fail("closing %s: %s", path, strerror(errno));
	++*count;
	return 0;
}

static int decode_pass(const struct bench *b, double *seconds)
{
	char path[PATH_MAX];
	unsigned long count = 0;
	snprintf(path, sizeof(path), "%s", b->preview);
	double start = now_seconds();
	if (walk(path, strlen(path), decode_eighth, &count))
		return -1;
	*seconds = now_seconds() - start;
	if (count != b->preview_n)
		return bench_fail("decoded %lu photos, not %u", count, b->preview_n);
	return 0;
}

/* Reads every byte of one file, to bring it into the page cache. */
static int read_whole(void *ctx, int dirfd, const char *name, const char *path)
{
	unsigned char *buffer = ctx;
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bench_fail("%s: %s", path, strerror(errno));
	ssize_t got;
	while ((got = read(fd, buffer, READ_THROUGH_BYTES)) != 0) {
		if (got < 0 && errno != EINTR) {
			int e = errno;
			close(fd);
			return bench_fail("reading %s: %s", path, strerror(e));
		}
	}
	if (close(fd))
		return bench_fail("closing %s: %s", path, strerror(errno));
	return 0;
}

static int read_through(const struct bench *b)
{
	char path[PATH_MAX];
	unsigned char *buffer = malloc(READ_THROUGH_BYTES);
	if (!buffer)
		return bench_fail("out of memory");
	snprintf(path, sizeof(path), "%s", b->preview);
	int ret = walk(path, strlen(path), read_whole, buffer);
	free(buffer);
	return ret;
}

/* One scan with the contact sheet; the report is made afresh each time. */
static int html_pass(const struct bench *b, const char *const argv[], struct outcome *o)
{
	if (unlink(b->report) && errno != ENOENT)
		return bench_fail("unlink %s: %s", b->report, strerror(errno));
	if (run_tool(b, "photoconsent scan --html", argv, NULL, o))
		return -1;
	struct stat st;
	if (stat(b->report, &st))
		return bench_fail("scan --html wrote no %s: %s", b->report, strerror(errno));
	return 0;
}

/* Part 5: what the contact sheet's previews cost, against decoding the
 * same photos at 1/8 scale. */
int measure_previews(struct bench *b)
{
	const char *html_argv[] = { b->bin, "--db", b->db, "scan", "--jobs", "1", "--html",
	                            b->report, "--json", b->preview, NULL };
	const char *plain_argv[] = { b->bin, "--db", b->db, "scan", "--jobs", "1", "--json",
	                             b->preview, NULL };
	double html[RUNS], plain[RUNS], decode[RUNS];
	struct outcome o = { 0 };
	struct stat st;

	printf("\npreviews: the first %u photos (their own folder of links), one thread, warm "
	       "page cache, %d runs of each interleaved, medians\n", b->preview_n, RUNS);
	printf("  1/8 decode: in this benchmark, libjpeg's defaults: jpeg_stdio_src, scale 1/8, "
	       "every scanline read\n");
	/* Previews read the whole files, not just their metadata: read them
	 * through once into the page cache (a second, not a decode pass's
	 * half-minute). */
	if (read_through(b))
		return -1;
	if (!b->have_scan)
		printf("  photoconsent scan: not available in %s, not measured\n", b->bin);
	for (int r = 0; r < RUNS; r++) {
		if (decode_pass(b, &decode[r]))
			return -1;
		if (b->have_scan) {
			if (html_pass(b, html_argv, &o))
				return -1;
			html[r] = o.seconds;
			if (run_tool(b, "photoconsent scan", plain_argv, NULL, &o))
				return -1;
			plain[r] = o.seconds;
		}
	}
	double d = median(decode, RUNS);
	if (b->have_scan) {
		double h = median(html, RUNS), p = median(plain, RUNS);
		double preview = (h - p) / b->preview_n, per_decode = d / b->preview_n;
		char note[96] = "";
		if (stat(b->report, &st) == 0)
			snprintf(note, sizeof(note), "report: %.1f MB", (double)st.st_size / 1e6);
		print_header();
		print_time("scan --jobs 1 --html R --json DIR", h, b->preview_n, note);
		print_time("scan --jobs 1 --json DIR", p, b->preview_n, NULL);
		print_time("1/8 decode", d, b->preview_n, NULL);
		printf("  a preview costs %.2f ms a photo ((html - plain) / %u); a 1/8 decode %.2f ms\n",
		       preview * 1e3, b->preview_n, per_decode * 1e3);
		printf("a preview costs %.2f times a 1/8-scale decode (bar: <= %.0f): %s\n",
		       preview / per_decode, BAR_PREVIEW, met(preview / per_decode <= BAR_PREVIEW));
	} else {
		print_header();
		print_time("1/8 decode", d, b->preview_n, NULL);
	}
	return 0;
}
