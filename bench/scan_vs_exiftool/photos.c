/* The distinct photos: a full-size picture drawn from random walks and
 * noise, encoded with libjpeg after the metadata segments of a sample. */

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan_vs_exiftool.h"

/* Random bytes that every picture's rows take their noise from, at
 * offsets that differ per row and per picture: cheaper than drawing 36
 * million random numbers for each of the DISTINCT pictures. */
#define NOISE_BYTES (1u << 20)

/* The metadata of one sample: its APPn segments between SOI and the first
 * marker that is not APPn (EXIF, XMP, ExtendedXMP, IPTC), bytes as they
 * stand in the file. */
struct sample {
	unsigned char *segments;
	size_t length;
};

static int load_sample(struct sample *s, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return bench_fail("%s: %s", path, strerror(errno));
	struct stat st;
	unsigned char *data = NULL;
	int ret = -1;
	if (fstat(fd, &st)) {
		bench_fail("%s: %s", path, strerror(errno));
		goto done;
	}
	if (st.st_size < 4 || !(data = malloc((size_t)st.st_size))) {
		bench_fail("%s: %s", path, st.st_size < 4 ? "too short" : "out of memory");
		goto done;
	}
	if (read_full(fd, data, (size_t)st.st_size)) {
		bench_fail("reading %s: %s", path, strerror(errno));
		goto done;
	}
	size_t size = (size_t)st.st_size, end = 2;
	if (data[0] != 0xFF || data[1] != 0xD8) {
		bench_fail("%s: not a JPEG", path);
		goto done;
	}
	while (end + 4 <= size && data[end] == 0xFF && data[end + 1] >= 0xE0 && data[end + 1] <= 0xEF) {
		size_t len = (size_t)data[end + 2] << 8 | data[end + 3];
		if (len < 2 || end + 2 + len > size) {
			bench_fail("%s: a segment runs past the end", path);
			goto done;
		}
		end += 2 + len;
	}
	s->length = end - 2;
	if (!(s->segments = malloc(s->length ? s->length : 1))) {
		bench_fail("out of memory");
		goto done;
	}
	memcpy(s->segments, data + 2, s->length);
	ret = 0;
done:
	free(data);
	if (close(fd) && ret == 0)
		ret = bench_fail("closing %s: %s", path, strerror(errno));
	return ret;
}

/* A small generator with a seed per picture: the same library every run. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/*
 * A picture: smooth random walks along the columns and down the rows for
 * each colour (so that neighbouring pixels are close, as in a photo), plus
 * noise of a per-picture amplitude (which sets the file's size: 8 to 16
 * gives 2.5 to 4 MB at quality 90). Separable, so a row costs a few adds
 * per pixel and no picture is ever held whole in memory.
 */
struct picture {
	short col[3][WIDTH];
	short row[3][HEIGHT];
	int base[3];
	int amplitude;
	size_t noise_offset;
};

static void random_walk(short *v, size_t n, uint64_t *state)
{
	int value = 0, slope = 0;
	for (size_t i = 0; i < n; i++) {
		slope += (int)(next_random(state) % 7) - 3;
		slope = slope > 4 ? 4 : slope < -4 ? -4 : slope;
		value += slope;
		if (value > 90 || value < -90) {
			value = value > 0 ? 90 : -90;
			slope = -slope;
		}
		v[i] = (short)value;
	}
}

static void make_picture(struct picture *p, unsigned seed)
{
	uint64_t state = 0x9E3779B97F4A7C15ull ^ ((uint64_t)seed + 1) * 0xBF58476D1CE4E5B9ull;
	for (int i = 0; i < 8; i++)
		next_random(&state);
	for (int c = 0; c < 3; c++) {
		random_walk(p->col[c], WIDTH, &state);
		random_walk(p->row[c], HEIGHT, &state);
		p->base[c] = 60 + (int)(next_random(&state) % 136);
	}
	p->amplitude = 8 + (int)(next_random(&state) % 9);
	p->noise_offset = (size_t)(next_random(&state) % NOISE_BYTES);
}

static void picture_row(unsigned char *line, const struct picture *p, const unsigned char *noise,
                        int y)
{
	/* Each row's noise starts elsewhere in the table. */
	size_t start = (p->noise_offset + (size_t)y * 12007u) % (NOISE_BYTES - WIDTH * 3);
	const unsigned char *n = noise + start;
	for (int x = 0; x < WIDTH; x++) {
		for (int c = 0; c < 3; c++) {
			int v = p->base[c] + p->col[c][x] + p->row[c][y] +
			        (((int)n[x * 3 + c] - 128) * p->amplitude) / 128;
			line[x * 3 + c] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
		}
	}
}

void jpeg_failed(j_common_ptr cinfo)
{
	struct jpeg_failure *f = (struct jpeg_failure *)cinfo->err;
	(*cinfo->err->format_message)(cinfo, f->message);
	longjmp(f->jump, 1);
}

/* A destination that writes the encoder's output straight to a file,
 * less its first `skip` bytes: the SOI, which the benchmark has already
 * written, followed by the sample's metadata. */
struct fd_destination {
	struct jpeg_destination_mgr pub;
	int fd;
	size_t skip;
	unsigned long long written;
	JOCTET buffer[1 << 16];
};

static void destination_flush(j_compress_ptr cinfo, size_t n)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	const JOCTET *p = d->buffer;
	size_t drop = d->skip < n ? d->skip : n;
	p += drop;
	n -= drop;
	d->skip -= drop;
	if (write_full(d->fd, p, n)) {
		struct jpeg_failure *f = (struct jpeg_failure *)cinfo->err;
		snprintf(f->message, sizeof(f->message), "write: %s", strerror(errno));
		longjmp(f->jump, 1);
	}
	d->written += n;
}

static void destination_init(j_compress_ptr cinfo)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	d->pub.next_output_byte = d->buffer;
	d->pub.free_in_buffer = sizeof(d->buffer);
}

static boolean destination_empty(j_compress_ptr cinfo)
{
	destination_flush(cinfo, sizeof(((struct fd_destination *)cinfo->dest)->buffer));
	destination_init(cinfo);
	return TRUE;
}

static void destination_term(j_compress_ptr cinfo)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	destination_flush(cinfo, sizeof(d->buffer) - d->pub.free_in_buffer);
}

/* One encoder, reused for every distinct photo (on the heap: its row and
 * the picture's walks are large). */
struct encoder {
	struct jpeg_compress_struct cinfo;
	struct jpeg_failure err;
	struct fd_destination dest;
	struct picture picture;
	unsigned char line[WIDTH * 3];
	int created;
};

static int encoder_init(struct encoder *e)
{
	e->cinfo.err = jpeg_std_error(&e->err.pub);
	e->err.pub.error_exit = jpeg_failed;
	if (setjmp(e->err.jump))
		return bench_fail("libjpeg: %s", e->err.message);
	jpeg_create_compress(&e->cinfo);
	e->created = 1;
	e->dest.pub.init_destination = destination_init;
	e->dest.pub.empty_output_buffer = destination_empty;
	e->dest.pub.term_destination = destination_term;
	e->cinfo.dest = &e->dest.pub;
	return 0;
}

/* Compresses the encoder's picture to `fd`, after what is already there.
 * Quality 90 and no JFIF APP0 of its own: the sample's segments stand in
 * its place. */
static int encode_to(struct encoder *e, const unsigned char *noise, int fd, const char *path)
{
	e->dest.fd = fd;
	e->dest.skip = 2;
	e->dest.written = 0;
	if (setjmp(e->err.jump)) {
		jpeg_abort_compress(&e->cinfo);
		return bench_fail("encoding %s: %s", path, e->err.message);
	}
	e->cinfo.image_width = WIDTH;
	e->cinfo.image_height = HEIGHT;
	e->cinfo.input_components = 3;
	e->cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&e->cinfo);
	jpeg_set_quality(&e->cinfo, QUALITY, TRUE);
	e->cinfo.write_JFIF_header = FALSE;
	jpeg_start_compress(&e->cinfo, TRUE);
	JSAMPROW row = e->line;
	while (e->cinfo.next_scanline < HEIGHT) {
		picture_row(e->line, &e->picture, noise, (int)e->cinfo.next_scanline);
		jpeg_write_scanlines(&e->cinfo, &row, 1);
	}
	jpeg_finish_compress(&e->cinfo);
	return 0;
}

/* Writes distinct photo `d` to `path`: SOI, the sample's metadata
 * segments, then the new picture's tables and scan. */
static int write_photo(struct bench *b, struct encoder *e, const unsigned char *noise,
                       const struct sample *s, unsigned d, const char *path)
{
	static const unsigned char soi[2] = { 0xFF, 0xD8 };
	make_picture(&e->picture, d);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return bench_fail("%s: %s", path, strerror(errno));
	int ret = 0;
	if (write_full(fd, soi, 2) || write_full(fd, s->segments, s->length))
		ret = bench_fail("writing %s: %s", path, strerror(errno));
	else
		ret = encode_to(e, noise, fd, path);
	if (close(fd) && ret == 0)
		ret = bench_fail("closing %s: %s", path, strerror(errno));
	if (ret == 0)
		b->sizes[d] = 2 + s->length + e->dest.written;
	return ret;
}

/* Reads the samples' metadata (in name order), then encodes the distinct
 * photos, each tagged as sample d % samples. */
int make_distinct(struct bench *b, double *encoding)
{
	glob_t g;
	struct sample *samples = NULL;
	unsigned char *noise = NULL;
	struct encoder *e = NULL;
	size_t loaded = 0;
	int ret = -1;

	int rc = glob("samples/*.jpg", 0, NULL, &g);
	if (rc) {
		globfree(&g);
		return bench_fail("no samples/*.jpg: run from the project's root folder");
	}
	samples = calloc(g.gl_pathc, sizeof(*samples));
	noise = malloc(NOISE_BYTES);
	e = calloc(1, sizeof(*e));
	if (!samples || !noise || !e) {
		bench_fail("out of memory");
		goto done;
	}
	for (; loaded < g.gl_pathc; loaded++)
		if (load_sample(&samples[loaded], g.gl_pathv[loaded]))
			goto done;
	b->samples = (unsigned)loaded;
	uint64_t state = 0x2545F4914F6CDD1Dull;
	for (size_t i = 0; i < NOISE_BYTES; i++)
		noise[i] = (unsigned char)(next_random(&state) >> 56);
	if (encoder_init(e))
		goto done;

	double start = now_seconds();
	char path[PATH_MAX];
	for (unsigned d = 0; d < b->distinct; d++) {
		if (interrupted)
			goto done;
		if ((d % PER_FOLDER == 0 && (folder_of(path, sizeof(path), b->photos, d) ||
		                             make_folder(path))) ||
		    photo_of(path, sizeof(path), b->photos, d) ||
		    write_photo(b, e, noise, &samples[d % loaded], d, path))
			goto done;
		b->distinct_bytes += b->sizes[d];
	}
	*encoding = now_seconds() - start;
	ret = 0;
done:
	if (e && e->created)
		jpeg_destroy_compress(&e->cinfo);
	free(e);
	free(noise);
	for (size_t i = 0; i < loaded; i++)
		free(samples[i].segments);
	free(samples);
	globfree(&g);
	return ret;
}
