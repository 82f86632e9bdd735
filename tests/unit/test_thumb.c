/*
 * Previews: real samples, images made here with libjpeg (quadrants of
 * colour to see which way a preview turns, CMYK, grey, 704 progressive
 * scans), and hostile files (not a JPEG, cut short, a header claiming a
 * huge size, a FIFO). Previews are read back: the base64 decoded, the
 * JPEG decoded with libjpeg, and its size and pixels checked.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>

#include "photoconsent/photoconsent.h"
#include "report/thumb.h"

/* 240 x 180: 30 x 23 at 1/8. */
#define SAMPLE "samples/sports-day-digikam.jpg"
/* 160 x 120 stored: 20 x 15 at 1/8. */
#define SAMPLE_6 "samples/zoo-trip-orientation-6.jpg"

static char dir[64];

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/pc-thumb-XXXXXX");
	cr_assert_not_null(mkdtemp(dir), "cannot make a temporary folder");
}

/* The folder holds only files and FIFOs made by the tests. */
static void teardown(void)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	char path[512];
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) < 0)
			cr_log_warn("cannot remove %s: %s", path, strerror(errno));
	}
	closedir(d);
	if (rmdir(dir) < 0)
		cr_log_warn("cannot remove %s: %s", dir, strerror(errno));
}

TestSuite(thumb, .init = setup, .fini = teardown);

/* ------------------------------------------------------------------ helpers */

/* A path in the test folder (static: one at a time per name slot). */
static const char *temp_path(const char *name)
{
	static char paths[4][512];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, sizeof(paths[0]), "%s/%s", dir, name);
	return p;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot write %s", path);
	cr_assert_eq(fwrite(data, 1, len, f), len);
	cr_assert_eq(fclose(f), 0);
}

static unsigned char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open '%s' (run from the project's root)", path);
	size_t cap = 1 << 16, n = 0;
	unsigned char *data = malloc(cap);
	cr_assert_not_null(data);
	size_t got;
	while ((got = fread(data + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			unsigned char *grown = realloc(data, cap);
			cr_assert_not_null(grown);
			data = grown;
		}
	}
	fclose(f);
	*len = n;
	return data;
}

struct test_jerr {
	struct jpeg_error_mgr pub;
};

/* A libjpeg error in the test's own encoding or decoding fails the test. */
static void test_error_exit(j_common_ptr cinfo)
{
	char msg[JMSG_LENGTH_MAX];
	(*cinfo->err->format_message)(cinfo, msg);
	cr_assert_fail("libjpeg: %s", msg);
}

static void test_emit(j_common_ptr cinfo, int level)
{
	(void)cinfo;
	(void)level;
}

static struct jpeg_error_mgr *test_errors(struct jpeg_error_mgr *err)
{
	jpeg_std_error(err);
	err->error_exit = test_error_exit;
	err->emit_message = test_emit;
	return err;
}

/* How an image is encoded by encode(). */
struct enc {
	J_COLOR_SPACE in;            /* JCS_RGB, JCS_GRAYSCALE or JCS_CMYK */
	int components;
	J_COLOR_SPACE stored;        /* JCS_UNKNOWN: libjpeg's default for `in` */
	int h_samp, v_samp;          /* of the first component; 0: the default */
	const jpeg_scan_info *scans; /* a scan script, or NULL */
	int num_scans;
	int restart_rows;            /* a restart marker every so many MCU rows; 0: none */
};

/* Encodes w x h pixels (enc->components bytes each) into a file. */
static void encode(const char *path, const unsigned char *pixels, unsigned w, unsigned h,
                   const struct enc *enc)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *mem = NULL;
	unsigned long mem_len = 0;
	c.err = test_errors(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &mem_len);
	c.image_width = w;
	c.image_height = h;
	c.input_components = enc->components;
	c.in_color_space = enc->in;
	jpeg_set_defaults(&c);
	if (enc->stored != JCS_UNKNOWN)
		jpeg_set_colorspace(&c, enc->stored);
	if (enc->h_samp) {
		c.comp_info[0].h_samp_factor = enc->h_samp;
		c.comp_info[0].v_samp_factor = enc->v_samp;
	}
	if (enc->scans) {
		c.scan_info = enc->scans;
		c.num_scans = enc->num_scans;
	}
	c.restart_in_rows = enc->restart_rows;
	jpeg_set_quality(&c, 90, TRUE);
	jpeg_start_compress(&c, TRUE);
	size_t stride = (size_t)w * (size_t)enc->components;
	while (c.next_scanline < h) {
		JSAMPROW row = (JSAMPROW)(pixels + c.next_scanline * stride);
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	write_file(path, mem, mem_len);
	free(mem);
}

static const struct enc rgb = { JCS_RGB, 3, JCS_UNKNOWN, 0, 0, NULL, 0, 0 };

static int b64_value(char ch)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = ch ? strchr(digits, ch) : NULL;
	return p ? (int)(p - digits) : -1;
}

/* Decodes standard base64 with padding; fails the test on anything else. */
static unsigned char *b64_decode(const char *s, size_t *len)
{
	size_t n = strlen(s);
	cr_assert_eq(n % 4, 0, "base64 length %zu is not a multiple of 4", n);
	unsigned char *out = malloc(n / 4 * 3 + 1);
	cr_assert_not_null(out);
	size_t o = 0;
	for (size_t i = 0; i < n; i += 4) {
		int v[4];
		int pad = 0;
		for (int k = 0; k < 4; k++) {
			if (s[i + k] == '=' && i + 4 == n && k >= 2) {
				v[k] = 0;
				pad++;
				continue;
			}
			cr_assert_eq(pad, 0, "base64 data after '='");
			v[k] = b64_value(s[i + k]);
			cr_assert_geq(v[k], 0, "not base64: '%c' at %zu", s[i + k], i + k);
		}
		uint32_t bits = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 |
		                (uint32_t)v[3];
		out[o++] = (unsigned char)(bits >> 16);
		if (pad < 2)
			out[o++] = (unsigned char)(bits >> 8);
		if (pad < 1)
			out[o++] = (unsigned char)bits;
	}
	*len = o;
	return out;
}

/* A decoded preview, RGB. */
struct image {
	unsigned w, h;
	unsigned char *px;
};

static void decode_jpeg(struct image *img, const unsigned char *data, size_t len)
{
	struct jpeg_decompress_struct d;
	struct jpeg_error_mgr err;
	d.err = test_errors(&err);
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, data, (unsigned long)len);
	jpeg_read_header(&d, TRUE);
	d.out_color_space = JCS_RGB;
	jpeg_start_decompress(&d);
	img->w = d.output_width;
	img->h = d.output_height;
	img->px = malloc((size_t)img->w * img->h * 3);
	cr_assert_not_null(img->px);
	while (d.output_scanline < d.output_height) {
		JSAMPROW row = img->px + (size_t)d.output_scanline * img->w * 3;
		jpeg_read_scanlines(&d, &row, 1);
	}
	jpeg_finish_decompress(&d);
	cr_assert_eq(err.num_warnings, 0, "the preview itself has libjpeg warnings");
	jpeg_destroy_decompress(&d);
}

/* Checks that a data URI holds a whole JPEG and decodes it into img. */
static void check_uri(struct image *img, const char *uri)
{
	static const char prefix[] = "data:image/jpeg;base64,";
	cr_assert_not_null(uri);
	cr_assert_eq(strncmp(uri, prefix, sizeof(prefix) - 1), 0, "bad prefix: %.40s", uri);
	size_t len;
	unsigned char *jpeg = b64_decode(uri + sizeof(prefix) - 1, &len);
	cr_assert_geq(len, 4);
	cr_assert(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "no SOI");
	cr_assert(jpeg[len - 2] == 0xFF && jpeg[len - 1] == 0xD9, "no EOI at the end");
	decode_jpeg(img, jpeg, len);
	free(jpeg);
}

/* Makes a preview that must succeed, and decodes it; the size it says
 * is the size it has. */
static void preview(struct image *img, const char *path, int orientation, unsigned side)
{
	char *uri = NULL, *error = NULL;
	struct pc__thumb_size size = { 1, 1 };
	int ret = pc__thumb_data_uri(&uri, &size, &error, path, orientation, side);
	cr_assert_eq(ret, 0, "%s: %d %s", path, ret, error ? error : "(no message)");
	cr_assert_null(error);
	check_uri(img, uri);
	cr_assert_eq(size.width, img->w, "%s: says %u wide, is %u", path, size.width, img->w);
	cr_assert_eq(size.height, img->h, "%s: says %u high, is %u", path, size.height, img->h);
	free(uri);
}

/* Makes a preview that must fail with `code`; returns the message. */
static char *preview_fails(const char *path, int code)
{
	char *uri = NULL, *error = NULL;
	struct pc__thumb_size size = { 1, 1 };
	int ret = pc__thumb_data_uri(&uri, &size, &error, path, 1, PC__THUMB_SIDE);
	cr_assert_eq(ret, code, "%s: %d, wanted %d (%s)", path, ret, code,
	             error ? error : "no message");
	cr_assert_null(uri);
	cr_assert(!size.width && !size.height, "a size for no preview");
	cr_assert_not_null(error, "no message");
	return error;
}

/* Checks that w x h keeps the aspect of ow x oh, to the rounding of one
 * side to whole pixels. */
static void check_aspect(unsigned w, unsigned h, unsigned ow, unsigned oh)
{
	/* |w/h - ow/oh| within what 1.5 px on either side can explain. */
	long long diff = (long long)w * oh - (long long)h * ow;
	if (diff < 0)
		diff = -diff;
	long long slack = 3LL * (ow > oh ? ow : oh) / 2;
	cr_assert_leq(diff, slack, "%ux%u does not keep the aspect of %ux%u", w, h, ow, oh);
}

/* The JPEG's SOFn segment: offset of its height field, or fails. Walks
 * the segments, so an SOF inside an EXIF thumbnail is not mistaken. */
static size_t sof_size_offset(const unsigned char *data, size_t len)
{
	size_t pos = 2;
	while (pos + 4 <= len) {
		cr_assert_eq(data[pos], 0xFF, "no marker at %zu", pos);
		unsigned marker = data[pos + 1];
		size_t seglen = (size_t)data[pos + 2] << 8 | data[pos + 3];
		if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
		    marker != 0xCC)
			return pos + 5;
		pos += 2 + seglen;
	}
	cr_assert_fail("no SOF segment");
	return 0;
}

/* Copies a JPEG file with its header's size set to w x h. */
static void copy_with_size(const char *to, const char *from, unsigned w, unsigned h)
{
	size_t len;
	unsigned char *data = read_whole(from, &len);
	size_t at = sof_size_offset(data, len);
	data[at] = (unsigned char)(h >> 8);
	data[at + 1] = (unsigned char)h;
	data[at + 2] = (unsigned char)(w >> 8);
	data[at + 3] = (unsigned char)w;
	write_file(to, data, len);
	free(data);
}

/* w x h RGB pixels: the top-left quadrant red, the rest blue. */
static unsigned char *quadrants(unsigned w, unsigned h)
{
	unsigned char *px = malloc((size_t)w * h * 3);
	cr_assert_not_null(px);
	for (unsigned y = 0; y < h; y++)
		for (unsigned x = 0; x < w; x++) {
			unsigned char *p = px + ((size_t)y * w + x) * 3;
			int red = x < w / 2 && y < h / 2;
			p[0] = red ? 255 : 0;
			p[1] = 0;
			p[2] = red ? 0 : 255;
		}
	return px;
}

static const unsigned char *pixel(const struct image *img, unsigned x, unsigned y)
{
	return img->px + ((size_t)y * img->w + x) * 3;
}

static int is_red(const unsigned char *p)
{
	return p[0] > 180 && p[1] < 80 && p[2] < 80;
}

static int is_blue(const unsigned char *p)
{
	return p[0] < 80 && p[1] < 80 && p[2] > 180;
}

/* Which quadrant of the preview is red (0 top-left, 1 top-right, 2
 * bottom-left, 3 bottom-right); the other three must be blue. */
static int red_quadrant(const struct image *img)
{
	int red = -1;
	for (int q = 0; q < 4; q++) {
		unsigned x = (q & 1) ? img->w * 3 / 4 : img->w / 4;
		unsigned y = (q & 2) ? img->h * 3 / 4 : img->h / 4;
		const unsigned char *p = pixel(img, x, y);
		if (is_red(p)) {
			cr_assert_eq(red, -1, "two red quadrants");
			red = q;
		} else {
			cr_assert(is_blue(p), "quadrant %d is neither red nor blue: %u %u %u", q,
			          p[0], p[1], p[2]);
		}
	}
	return red;
}

/* ------------------------------------------------------------------ sizes */

/* The 1/8 decode of the sample is 30 x 23: shrunk below that, never
 * blown up above it. */
Test(thumb, sample_fits_and_keeps_aspect)
{
	static const unsigned sides[] = { 1000, 240, 30, 29, 17, 1 };
	for (size_t i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		struct image img;
		preview(&img, SAMPLE, 1, sides[i]);
		unsigned want = sides[i] < 30 ? sides[i] : 30;
		cr_assert_eq(img.w, want, "max_side %u gave %ux%u", sides[i], img.w, img.h);
		cr_assert_leq(img.h, want);
		check_aspect(img.w, img.h, 240, 180);
		free(img.px);
	}
}

/* A camera-sized photo goes through the 1/8 decode and the box filter. */
Test(thumb, large_photo_shrinks_to_side)
{
	unsigned w = 2400, h = 1600;
	unsigned char *px = malloc((size_t)w * h * 3);
	cr_assert_not_null(px);
	for (unsigned y = 0; y < h; y++)
		for (unsigned x = 0; x < w; x++) {
			unsigned char *p = px + ((size_t)y * w + x) * 3;
			p[0] = (unsigned char)(x * 255 / w);
			p[1] = (unsigned char)(y * 255 / h);
			p[2] = 128;
		}
	const char *path = temp_path("large.jpg");
	encode(path, px, w, h, &rgb);
	free(px);

	struct image img;
	preview(&img, path, 1, PC__THUMB_SIDE);
	cr_assert_eq(img.w, 240);
	cr_assert_eq(img.h, 160);
	/* The gradient survives: red grows to the right, green downwards. */
	cr_assert_lt(pixel(&img, 5, 80)[0] + 150, pixel(&img, 234, 80)[0]);
	cr_assert_lt(pixel(&img, 120, 5)[1] + 150, pixel(&img, 120, 154)[1]);
	free(img.px);
}

/* ------------------------------------------------------------------ orientation */

Test(thumb, orientation_6_swaps_sides)
{
	struct image as_stored, upright;
	preview(&as_stored, SAMPLE_6, 1, PC__THUMB_SIDE);
	preview(&upright, SAMPLE_6, 6, PC__THUMB_SIDE);
	cr_assert_eq(as_stored.w, 20);
	cr_assert_eq(as_stored.h, 15);
	cr_assert_eq(upright.w, as_stored.h);
	cr_assert_eq(upright.h, as_stored.w);
	free(as_stored.px);
	free(upright.px);
}

Test(thumb, orientation_turns_the_right_way)
{
	/* Non-square, so that a turn also shows in the size; 128 x 96 at 1/8,
	 * then shrunk to 120 x 90. */
	unsigned w = 1024, h = 768;
	unsigned char *px = quadrants(w, h);
	const char *path = temp_path("quadrants.jpg");
	encode(path, px, w, h, &rgb);
	free(px);

	/* Where the stored top-left quadrant is seen, for each EXIF value
	 * (0 and 9 are invalid and mean "as stored"). */
	static const struct {
		int orientation;
		int red;     /* quadrant, as in red_quadrant() */
		int turned;  /* width and height swapped */
	} cases[] = {
		{ 1, 0, 0 }, { 2, 1, 0 }, { 3, 3, 0 }, { 4, 2, 0 },
		{ 5, 0, 1 }, { 6, 1, 1 }, { 7, 3, 1 }, { 8, 2, 1 },
		{ 0, 0, 0 }, { 9, 0, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct image img;
		preview(&img, path, cases[i].orientation, 120);
		unsigned long_side = img.w > img.h ? img.w : img.h;
		cr_assert_eq(long_side, 120);
		cr_assert_eq(img.w < img.h, cases[i].turned, "orientation %d: %ux%u",
		             cases[i].orientation, img.w, img.h);
		cr_assert_eq(red_quadrant(&img), cases[i].red, "orientation %d: red in quadrant %d",
		             cases[i].orientation, red_quadrant(&img));
		free(img.px);
	}
}

/* ------------------------------------------------------------------ colour */

Test(thumb, grayscale)
{
	unsigned w = 512, h = 384;
	unsigned char *px = malloc((size_t)w * h);
	cr_assert_not_null(px);
	for (unsigned i = 0; i < w * h; i++)
		px[i] = (unsigned char)((i % w) / 2);
	const char *path = temp_path("gray.jpg");
	static const struct enc gray = { JCS_GRAYSCALE, 1, JCS_UNKNOWN, 0, 0, NULL, 0, 0 };
	encode(path, px, w, h, &gray);
	free(px);

	struct image img;
	preview(&img, path, 1, PC__THUMB_SIDE);
	cr_assert_eq(img.w, 64);
	cr_assert_eq(img.h, 48);
	/* Output column 48 is source columns 384..391: grey 192..195. */
	const unsigned char *p = pixel(&img, 48, 24);
	cr_assert(abs(p[0] - p[1]) < 8 && abs(p[1] - p[2]) < 8, "not grey: %u %u %u", p[0],
	          p[1], p[2]);
	cr_assert(abs(p[0] - 194) < 12, "grey %u, wanted about 194", p[0]);
	free(img.px);
}

/* Photoshop's CMYK: inverted inks, marked by an Adobe segment (which
 * libjpeg writes for CMYK and YCCK). */
static void check_cmyk(J_COLOR_SPACE stored)
{
	unsigned w = 256, h = 192;
	unsigned char *px = malloc((size_t)w * h * 4);
	cr_assert_not_null(px);
	for (unsigned y = 0; y < h; y++)
		for (unsigned x = 0; x < w; x++) {
			unsigned char *p = px + ((size_t)y * w + x) * 4;
			int red = x < w / 2 && y < h / 2;
			/* Inverted: 255 is no ink. Red is magenta and yellow,
			 * blue is cyan and magenta. */
			p[0] = red ? 255 : 0;
			p[1] = 0;
			p[2] = red ? 0 : 255;
			p[3] = 255;
		}
	const char *path = temp_path("cmyk.jpg");
	struct enc cmyk = { JCS_CMYK, 4, stored, 0, 0, NULL, 0, 0 };
	encode(path, px, w, h, &cmyk);
	free(px);

	struct image img;
	preview(&img, path, 1, PC__THUMB_SIDE);
	cr_assert_eq(red_quadrant(&img), 0);
	free(img.px);
}

Test(thumb, cmyk)
{
	check_cmyk(JCS_CMYK);
}

Test(thumb, ycck)
{
	check_cmyk(JCS_YCCK);
}

/* ------------------------------------------------------------------ failures */

Test(thumb, missing_file)
{
	char *error = preview_fails(temp_path("nothing-here.jpg"), PC_EOPEN);
	cr_assert_str_eq(error, "cannot open: No such file or directory");
	free(error);
}

Test(thumb, not_a_jpeg)
{
	const char *path = temp_path("notes.jpg");
	static const char text[] = "these are not the pixels you are looking for\n";
	write_file(path, text, sizeof(text) - 1);
	char *error = preview_fails(path, PC_EFORMAT);
	cr_assert_str_eq(error, "cannot decode the image: Not a JPEG file: starts with 0x74 0x68");
	free(error);
}

Test(thumb, empty_file)
{
	const char *path = temp_path("empty.jpg");
	write_file(path, "", 0);
	char *error = preview_fails(path, PC_EFORMAT);
	cr_assert_str_eq(error, "cannot decode the image: Empty input file");
	free(error);
}

Test(thumb, directory)
{
	char *error = preview_fails(dir, PC_EOPEN);
	cr_assert_str_eq(error, "not a regular file");
	free(error);
}

/* Opening a FIFO with no writer must not block. */
Test(thumb, fifo, .timeout = 10)
{
	const char *path = temp_path("pipe.jpg");
	cr_assert_eq(mkfifo(path, 0600), 0, "mkfifo: %s", strerror(errno));
	char *error = preview_fails(path, PC_EOPEN);
	cr_assert_str_eq(error, "not a regular file");
	free(error);
}

Test(thumb, truncated_half)
{
	size_t len;
	unsigned char *data = read_whole(SAMPLE, &len);
	const char *path = temp_path("half.jpg");
	write_file(path, data, len / 2);
	free(data);

	/* Most of this sample is metadata: half of it stops before the scan
	 * data, which libjpeg refuses. Either way, a clean answer. */
	char *uri = NULL, *error = NULL;
	int ret = pc__thumb_data_uri(&uri, NULL, &error, path, 1, PC__THUMB_SIDE);
	if (ret == 0) {
		struct image img;
		check_uri(&img, uri);
		free(img.px);
	} else {
		cr_assert_eq(ret, PC_EFORMAT, "%d %s", ret, error ? error : "");
		cr_assert_not_null(error);
		cr_log_info("half a sample: %s", error);
	}
	free(uri);
	free(error);
}

/* Cut in the middle of the scan data: libjpeg warns, fills in grey, and
 * the preview is still made, with the top of the picture intact. */
Test(thumb, truncated_scan_data)
{
	unsigned w = 256, h = 192;
	unsigned char *px = quadrants(w, h);
	const char *whole = temp_path("whole.jpg");
	encode(whole, px, w, h, &rgb);
	free(px);
	size_t len;
	unsigned char *data = read_whole(whole, &len);
	const char *path = temp_path("cut.jpg");
	write_file(path, data, len * 3 / 4);
	free(data);

	struct image img;
	preview(&img, path, 1, PC__THUMB_SIDE);
	cr_assert_eq(img.w, 32);
	cr_assert_eq(img.h, 24);
	cr_assert(is_red(pixel(&img, 8, 6)));
	cr_assert(is_blue(pixel(&img, 24, 6)));
	free(img.px);
}

/*
 * A 256 x 192 photo with a restart marker after each MCU row (16 rows
 * of the photo, 2 of its 1/8 decode), its restart marker number `which`
 * (0 the first) changed to the one after it, as a damaged file has it.
 */
static const char *damaged_at_restart(const char *name, int which)
{
	unsigned w = 256, h = 192;
	unsigned char *px = quadrants(w, h);
	const char *whole = temp_path("restarts.jpg");
	struct enc restarts = rgb;
	restarts.restart_rows = 1;
	encode(whole, px, w, h, &restarts);
	free(px);
	size_t len;
	unsigned char *data = read_whole(whole, &len);
	int seen = 0, changed = 0;
	for (size_t i = 0; i + 1 < len; i++)
		if (data[i] == 0xFF && data[i + 1] >= 0xD0 && data[i + 1] <= 0xD7 && seen++ == which) {
			data[i + 1] = (unsigned char)(0xD0 + ((data[i + 1] - 0xD0 + 1) & 7));
			changed = 1;
			break;
		}
	cr_assert(changed, "no restart marker %d in the test photo", which);
	const char *path = temp_path(name);
	write_file(path, data, len);
	free(data);
	return path;
}

/* libjpeg would skip the damaged stretch and go on decoding past it;
 * the preview stops at the damage instead, and what follows is grey. */
Test(thumb, damaged_data_ends_the_decode)
{
	const char *path = damaged_at_restart("damaged-half.jpg", 5);
	struct image img;
	preview(&img, path, 1, PC__THUMB_SIDE);
	cr_assert_eq(img.w, 32);
	cr_assert_eq(img.h, 24);
	/* The rows above the damage, as they are. */
	cr_assert(is_red(pixel(&img, 8, 4)));
	cr_assert(is_blue(pixel(&img, 24, 4)));
	cr_assert(is_blue(pixel(&img, 24, 10)));
	/* Below it, grey, both halves. */
	for (unsigned y = 14; y < 24; y += 3)
		for (unsigned x = 2; x < 32; x += 10) {
			const unsigned char *p = pixel(&img, x, y);
			for (int c = 0; c < 3; c++)
				cr_assert(p[c] >= 120 && p[c] <= 136,
				          "(%u, %u) is %u %u %u, not grey: decoded past the damage", x, y,
				          p[0], p[1], p[2]);
		}
	free(img.px);
}

/* Damaged in its first rows: a grey card with a stripe is no preview. */
Test(thumb, damaged_too_early_is_no_preview)
{
	const char *path = damaged_at_restart("damaged-top.jpg", 0);
	char *error = preview_fails(path, PC_EFORMAT);
	cr_assert_str_eq(error, "cannot decode the image: Corrupt JPEG data: found marker 0xd1 "
	                        "instead of RST0 (only 8% of it decoded)");
	free(error);
}

/* FF D8 and then zeros: libjpeg looks for the next marker to the end of
 * the file, however long; the preview gives up after a mebibyte. */
Test(thumb, zeros_after_the_start)
{
	const char *path = temp_path("zeros.jpg");
	size_t len = 3u << 20;
	unsigned char *data = calloc(1, len);
	cr_assert_not_null(data);
	data[0] = 0xFF;
	data[1] = 0xD8;
	write_file(path, data, len);
	free(data);
	char *error = preview_fails(path, PC_ETOOBIG);
	cr_assert_str_eq(error, "the image is too costly to preview (no image data in the first 1 MiB)");
	free(error);
}

/* A progressive photo whose end is 200 MiB of zeros (a sparse file): all
 * its scans are read before its first row, and libjpeg would read every
 * zero looking for the next one. */
Test(thumb, zeros_after_the_scans, .timeout = 20)
{
	unsigned w = 64, h = 48;
	unsigned char *px = quadrants(w, h);
	const char *small = temp_path("progressive.jpg");
	struct enc progressive = rgb;
	static const jpeg_scan_info script[] = {
		{ 3, { 0, 1, 2 }, 0, 0, 0, 0 },
		{ 1, { 0 }, 1, 63, 0, 0 },
		{ 1, { 1 }, 1, 63, 0, 0 },
		{ 1, { 2 }, 1, 63, 0, 0 },
	};
	progressive.scans = script;
	progressive.num_scans = 4;
	encode(small, px, w, h, &progressive);
	free(px);
	size_t len;
	unsigned char *data = read_whole(small, &len);
	cr_assert(len > 2 && data[len - 2] == 0xFF && data[len - 1] == 0xD9);
	const char *path = temp_path("progressive-zeros.jpg");
	write_file(path, data, len - 2);
	free(data);
	cr_assert_eq(truncate(path, (off_t)200 << 20), 0, "truncate: %s", strerror(errno));
	char *error = preview_fails(path, PC_ETOOBIG);
	cr_assert_str_eq(error, "the image is too costly to preview (its data runs past 128 MiB)");
	free(error);
}

/* Every cut of the file, in steps: a preview or a clean PC_EFORMAT with a
 * message, never a crash or a hang. */
Test(thumb, truncated_anywhere, .timeout = 60)
{
	size_t len;
	unsigned char *data = read_whole(SAMPLE, &len);
	const char *path = temp_path("cut.jpg");
	int made = 0, refused = 0;
	for (size_t cut = 1; cut < len; cut += 37) {
		write_file(path, data, cut);
		char *uri = NULL, *error = NULL;
		int ret = pc__thumb_data_uri(&uri, NULL, &error, path, 1, 64);
		if (ret == 0) {
			struct image img;
			check_uri(&img, uri);
			free(img.px);
			made++;
		} else {
			cr_assert_eq(ret, PC_EFORMAT, "cut at %zu: %d %s", cut, ret, error ? error : "");
			cr_assert_not_null(error);
			cr_assert_eq(strncmp(error, "cannot decode the image: ", 25), 0, "%s", error);
			refused++;
		}
		free(uri);
		free(error);
	}
	free(data);
	cr_assert_gt(made, 0);
	cr_assert_gt(refused, 0);
}

Test(thumb, header_claims_huge_size)
{
	const char *path = temp_path("huge.jpg");
	copy_with_size(path, SAMPLE, 60000, 60000);
	char *error = preview_fails(path, PC_ETOOBIG);
	cr_assert_str_eq(error, "the image is too large to preview (60000 x 60000)");
	free(error);
}

Test(thumb, one_side_too_long)
{
	/* 7.5 megapixels, but 50000 wide. */
	const char *path = temp_path("strip.jpg");
	copy_with_size(path, SAMPLE, 50000, 150);
	char *error = preview_fails(path, PC_ETOOBIG);
	cr_assert_str_eq(error, "the image is too large to preview (50000 x 150)");
	free(error);
}

/* A progressive file keeps every coefficient: 10000 x 5000 at 4:4:4 needs
 * about 300 MB, refused before any scan is read. */
Test(thumb, progressive_over_memory_limit)
{
	unsigned w = 256, h = 192;
	unsigned char *px = quadrants(w, h);
	const char *small = temp_path("small-progressive.jpg");
	struct enc progressive = rgb;
	progressive.h_samp = 1;
	progressive.v_samp = 1;
	/* jpeg_simple_progression needs the struct; a one-scan-per-stage script
	 * is simpler to write out. */
	static const jpeg_scan_info script[] = {
		{ 3, { 0, 1, 2 }, 0, 0, 0, 0 },
		{ 1, { 0 }, 1, 63, 0, 0 },
		{ 1, { 1 }, 1, 63, 0, 0 },
		{ 1, { 2 }, 1, 63, 0, 0 },
	};
	progressive.scans = script;
	progressive.num_scans = 4;
	encode(small, px, w, h, &progressive);
	free(px);

	struct image img;
	preview(&img, small, 1, PC__THUMB_SIDE);
	cr_assert_eq(red_quadrant(&img), 0);
	free(img.px);

	const char *path = temp_path("big-progressive.jpg");
	copy_with_size(path, small, 10000, 5000);
	char *error = preview_fails(path, PC_ETOOBIG);
	cr_assert_str_eq(error,
	                 "the image is too large to preview (it needs more than 256 MiB to decode)");
	free(error);
}

/* A valid progressive script of 704 scans: every bit of every coefficient
 * in a scan of its own. */
Test(thumb, too_many_progressive_scans)
{
	static jpeg_scan_info script[11 * 64];
	int n = 0;
	for (int coef = 0; coef < 64; coef++)
		for (int bit = 10; bit >= 0; bit--) {
			jpeg_scan_info *s = &script[n++];
			s->comps_in_scan = 1;
			s->component_index[0] = 0;
			s->Ss = coef;
			s->Se = coef;
			s->Ah = bit == 10 ? 0 : bit + 1;
			s->Al = bit;
		}
	unsigned char px[32 * 32];
	for (unsigned i = 0; i < sizeof(px); i++)
		px[i] = (unsigned char)(i * 7);
	const char *path = temp_path("scans.jpg");
	struct enc gray = { JCS_GRAYSCALE, 1, JCS_UNKNOWN, 0, 0, script, n, 0 };
	encode(path, px, 32, 32, &gray);

	char *error = preview_fails(path, PC_ETOOBIG);
	cr_assert_str_eq(error, "the image is too large to preview (more than 500 progressive scans)");
	free(error);
}

/* ------------------------------------------------------------------ threads */

struct worker {
	pthread_t thread;
	const char *path;
	const char *expected;
	int mismatches;
};

static void *work(void *arg)
{
	struct worker *wk = arg;
	for (int i = 0; i < 20; i++) {
		char *uri = NULL, *error = NULL;
		int orientation = 1 + i % 8;
		if (pc__thumb_data_uri(&uri, NULL, &error, wk->path, orientation, PC__THUMB_SIDE) != 0 ||
		    (orientation == 1 && strcmp(uri, wk->expected) != 0))
			wk->mismatches++;
		free(uri);
		free(error);
	}
	return NULL;
}

Test(thumb, threads_at_once)
{
	char *expected = NULL, *error = NULL;
	cr_assert_eq(pc__thumb_data_uri(&expected, NULL, &error, SAMPLE, 1, PC__THUMB_SIDE), 0);
	struct worker workers[4];
	for (int i = 0; i < 4; i++) {
		workers[i] = (struct worker){ .path = SAMPLE, .expected = expected };
		cr_assert_eq(pthread_create(&workers[i].thread, NULL, work, &workers[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(workers[i].thread, NULL);
		cr_assert_eq(workers[i].mismatches, 0, "thread %d: %d bad previews", i,
		             workers[i].mismatches);
	}
	free(expected);
}
