/*
 * thumb.c: the contact sheet's previews. A photo is decoded by libjpeg at
 * 1/8 scale (one pixel per 8x8 block, from its DC coefficient: the cost is
 * the entropy decoding and little else), shrunk with a box filter, turned
 * upright and re-encoded as a small JPEG. Re-encoding also leaves the
 * photo's metadata (names, GPS) out of the HTML page.
 *
 * The photo is untrusted and several threads make previews at once, so
 * libjpeg is held on a short leash: its errors longjmp back here instead of
 * calling exit(), its warnings are counted instead of printed, the image
 * size, the decoder's big buffers and the number of progressive scans are
 * bounded before any pixel is decoded, and all state lives in one struct
 * per call.
 */
#include "report/thumb.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jerror.h>
#include <jpeglib.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"

/* An image above these is refused before decoding: a 100-megapixel
 * photo is beyond any camera a school owns, and the bounds keep the
 * decoder's per-row buffers small whatever the header claims. */
#define THUMB_MAX_PIXELS 100000000u
#define THUMB_MAX_DIM 30000u
/* The decoder's whole-image buffers (progressive and multi-scan files
 * keep every coefficient) may take this much; beyond it libjpeg-turbo
 * asks for backing store, which it does not have, and fails. */
#define THUMB_MAX_MEMORY (256L * 1024 * 1024)
/* A progressive file can hold thousands of tiny scans, each a pass over
 * the whole image; TurboJPEG's TJFLAG_LIMITSCANS stops at 500 too. */
#define THUMB_MAX_SCANS 500
/* Read the file in large chunks: a 5 MB photo in 80 read() calls. */
#define THUMB_READ_CHUNK (64 * 1024)
#define THUMB_QUALITY 75

/* libjpeg's errors end up here instead of in exit(). */
struct thumb_error {
	struct jpeg_error_mgr pub;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
	int too_many_scans;
};

/* Reads the open file; see source_fill for the end of the file. */
struct thumb_source {
	struct jpeg_source_mgr pub;
	int fd;
	JOCTET *chunk;
	int at_start;
	int read_errno; /* errno of a failed read(), else 0 */
};

/* Collects the encoded preview in a growable buffer. */
struct thumb_dest {
	struct jpeg_destination_mgr pub;
	struct pc__buf *out;
	JOCTET chunk[4096];
};

/*
 * Everything one call owns. It lives in pc__thumb_data_uri's frame, not
 * in the functions that call setjmp, so its members keep their values
 * after a longjmp without being volatile (C17 7.13.2.1).
 */
struct thumb {
	struct jpeg_decompress_struct dinfo;
	struct thumb_error derr;
	struct thumb_source src;
	struct jpeg_progress_mgr progress;

	/* The shrunk picture as stored in the file (not yet upright), RGB. */
	unsigned char *pixels;
	unsigned width, height;

	struct jpeg_compress_struct cinfo;
	struct thumb_error cerr;
	struct thumb_dest dest;
	struct pc__buf jpeg;
};

__attribute__((format(printf, 3, 4)))
static int fail(char **error, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	*error = pc__vformat(fmt, ap);
	va_end(ap);
	return *error ? code : PC_ENOMEM;
}

static void error_exit(j_common_ptr cinfo)
{
	struct thumb_error *err = (struct thumb_error *)cinfo->err;
	(*cinfo->err->format_message)(cinfo, err->message);
	longjmp(err->jump, 1);
}

/*
 * Warnings (corrupt data, a premature end of the file) do not stop the
 * decoder: it fills in what is missing, and a half-grey preview still
 * shows which photo it is. So they are only counted, as libjpeg's own
 * emit_message does, and never printed.
 */
static void emit_message(j_common_ptr cinfo, int msg_level)
{
	if (msg_level < 0)
		cinfo->err->num_warnings++;
}

static void output_message(j_common_ptr cinfo)
{
	(void)cinfo;
}

static void error_init(struct thumb_error *err)
{
	jpeg_std_error(&err->pub);
	err->pub.error_exit = error_exit;
	err->pub.emit_message = emit_message;
	err->pub.output_message = output_message;
}

/* Called for every row and scan the decoder takes in; the same check as
 * TurboJPEG's TJFLAG_LIMITSCANS. */
static void progress_monitor(j_common_ptr cinfo)
{
	if (!cinfo->is_decompressor)
		return;
	if (((j_decompress_ptr)cinfo)->input_scan_number > THUMB_MAX_SCANS) {
		struct thumb_error *err = (struct thumb_error *)cinfo->err;
		err->too_many_scans = 1;
		longjmp(err->jump, 1);
	}
}

static void source_init(j_decompress_ptr dinfo)
{
	(void)dinfo;
}

/*
 * At the end of the file, hand the decoder a fake EOI marker with a
 * warning, as libjpeg's own jdatasrc.c does: a truncated photo then
 * decodes as far as it goes instead of failing or asking forever.
 */
static boolean source_fill(j_decompress_ptr dinfo)
{
	struct thumb_source *src = (struct thumb_source *)dinfo->src;
	ssize_t n;
	do
		n = read(src->fd, src->chunk, THUMB_READ_CHUNK);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		src->read_errno = errno;
		ERREXIT(dinfo, JERR_FILE_READ);
	}
	if (n == 0) {
		if (src->at_start)
			ERREXIT(dinfo, JERR_INPUT_EMPTY);
		WARNMS(dinfo, JWRN_JPEG_EOF);
		src->chunk[0] = 0xFF;
		src->chunk[1] = JPEG_EOI;
		n = 2;
	}
	src->pub.next_input_byte = src->chunk;
	src->pub.bytes_in_buffer = (size_t)n;
	src->at_start = 0;
	return TRUE;
}

/* Segments the decoder does not need (EXIF, XMP, ICC) are seeked over,
 * not read. */
static void source_skip(j_decompress_ptr dinfo, long num_bytes)
{
	struct thumb_source *src = (struct thumb_source *)dinfo->src;
	if (num_bytes <= 0)
		return;
	if ((unsigned long)num_bytes > src->pub.bytes_in_buffer) {
		off_t rest = (off_t)num_bytes - (off_t)src->pub.bytes_in_buffer;
		src->pub.bytes_in_buffer = 0;
		if (lseek(src->fd, rest, SEEK_CUR) >= 0)
			return;
		/* Cannot seek: read through it. */
		while (rest > (off_t)src->pub.bytes_in_buffer) {
			rest -= (off_t)src->pub.bytes_in_buffer;
			source_fill(dinfo);
		}
		num_bytes = (long)rest;
	}
	src->pub.next_input_byte += num_bytes;
	src->pub.bytes_in_buffer -= (size_t)num_bytes;
}

static void source_term(j_decompress_ptr dinfo)
{
	(void)dinfo;
}

static void source_attach(j_decompress_ptr dinfo, struct thumb_source *src)
{
	src->chunk = (*dinfo->mem->alloc_small)((j_common_ptr)dinfo, JPOOL_PERMANENT,
	                                        THUMB_READ_CHUNK);
	src->at_start = 1;
	src->pub.init_source = source_init;
	src->pub.fill_input_buffer = source_fill;
	src->pub.skip_input_data = source_skip;
	src->pub.resync_to_restart = jpeg_resync_to_restart;
	src->pub.term_source = source_term;
	src->pub.next_input_byte = NULL;
	src->pub.bytes_in_buffer = 0;
	dinfo->src = &src->pub;
}

static void dest_init(j_compress_ptr cinfo)
{
	struct thumb_dest *dest = (struct thumb_dest *)cinfo->dest;
	dest->pub.next_output_byte = dest->chunk;
	dest->pub.free_in_buffer = sizeof(dest->chunk);
}

static boolean dest_empty(j_compress_ptr cinfo)
{
	struct thumb_dest *dest = (struct thumb_dest *)cinfo->dest;
	if (pc__buf_append(dest->out, dest->chunk, sizeof(dest->chunk)))
		ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
	dest_init(cinfo);
	return TRUE;
}

static void dest_term(j_compress_ptr cinfo)
{
	struct thumb_dest *dest = (struct thumb_dest *)cinfo->dest;
	size_t used = sizeof(dest->chunk) - dest->pub.free_in_buffer;
	if (pc__buf_append(dest->out, dest->chunk, used))
		ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
}

/* Fits sw x sh within side x side, keeping the aspect; never enlarges. */
static void fit(unsigned sw, unsigned sh, unsigned side, unsigned *dw, unsigned *dh)
{
	*dw = sw;
	*dh = sh;
	if (sw <= side && sh <= side)
		return;
	if (sw >= sh) {
		*dw = side;
		/* NOLINTNEXTLINE(clang-analyzer-core.DivideZero): sw >= sh, and 0 x 0 returned above */
		*dh = (unsigned)(((uint64_t)sh * side + sw / 2) / sw);
	} else {
		*dh = side;
		*dw = (unsigned)(((uint64_t)sw * side + sh / 2) / sh);
	}
	if (*dw < 1)
		*dw = 1;
	if (*dh < 1)
		*dh = 1;
}

/*
 * libjpeg-turbo 2.1 cannot turn CMYK into RGB, so CMYK and YCCK photos
 * are decoded as CMYK and converted here, in place (4 bytes a pixel in,
 * 3 out). Photoshop, which writes nearly all of them and marks them with
 * an Adobe segment, stores the inks inverted (255 is no ink).
 */
static void cmyk_to_rgb(unsigned char *row, unsigned width, int inverted)
{
	const unsigned char *in = row;
	unsigned char *out = row;
	for (unsigned x = 0; x < width; x++, in += 4, out += 3) {
		unsigned c = in[0], m = in[1], y = in[2], k = in[3];
		if (!inverted) {
			c = 255 - c;
			m = 255 - m;
			y = 255 - y;
			k = 255 - k;
		}
		out[0] = (unsigned char)((c * k + 127) / 255);
		out[1] = (unsigned char)((m * k + 127) / 255);
		out[2] = (unsigned char)((y * k + 127) / 255);
	}
}

/*
 * The box filter: source column sx falls in output column col[sx] and
 * source row sy in output row sy * dh / sh; an output pixel is the mean
 * of the source pixels that fall in it. Rows are added as they come out
 * of the decoder, so no more than a few decoded rows are ever held.
 */
struct shrink {
	unsigned char *out; /* dw x dh RGB */
	unsigned sw, sh, dw, dh;
	uint32_t *col;      /* sw entries */
	double *col_scale;  /* 1 / the width of each output column's box */
	uint64_t *acc;      /* the sums for output row `oy` */
	unsigned oy, rows;  /* the row being summed, and how many rows it has */
};

/* Sets up s in the decoder's image pool, freed with the decoder. */
static void shrink_init(struct shrink *s, j_decompress_ptr dinfo, unsigned char *out,
                        unsigned sw, unsigned sh, unsigned dw, unsigned dh)
{
	j_common_ptr common = (j_common_ptr)dinfo;
	memset(s, 0, sizeof(*s));
	s->out = out;
	s->sw = sw;
	s->sh = sh;
	s->dw = dw;
	s->dh = dh;
	if (sw == dw && sh == dh)
		return;
	s->col = (*dinfo->mem->alloc_large)(common, JPOOL_IMAGE, (size_t)sw * sizeof(*s->col));
	s->col_scale = (*dinfo->mem->alloc_large)(common, JPOOL_IMAGE,
	                                          (size_t)dw * sizeof(*s->col_scale));
	s->acc = (*dinfo->mem->alloc_large)(common, JPOOL_IMAGE, (size_t)dw * 3 * sizeof(*s->acc));
	memset(s->col_scale, 0, (size_t)dw * sizeof(*s->col_scale));
	memset(s->acc, 0, (size_t)dw * 3 * sizeof(*s->acc));
	for (unsigned sx = 0; sx < sw; sx++) {
		s->col[sx] = (uint32_t)((uint64_t)sx * dw / sw);
		s->col_scale[s->col[sx]] += 1; /* the box's width, for now */
	}
	for (unsigned ox = 0; ox < dw; ox++)
		s->col_scale[ox] = 1.0 / s->col_scale[ox];
}

/*
 * Writes output row s->oy: the sums divided by the box's area, by a
 * multiplication (three integer divisions per pixel cost more than the
 * whole 1/8 decode of a small photo). Clears the sums.
 */
static void shrink_flush(struct shrink *s)
{
	unsigned char *out = s->out + (size_t)s->oy * s->dw * 3;
	double row_scale = 1.0 / s->rows;
	for (unsigned ox = 0; ox < s->dw; ox++) {
		double scale = s->col_scale[ox] * row_scale;
		for (unsigned c = 0; c < 3; c++) {
			/* A mean of values up to 255: at most 255.5 here. */
			out[ox * 3 + c] = (unsigned char)((double)s->acc[ox * 3 + c] * scale + 0.5);
			s->acc[ox * 3 + c] = 0;
		}
	}
	s->rows = 0;
}

/* Takes source row `sy` (RGB), in order from the top. */
static void shrink_row(struct shrink *s, const unsigned char *row, unsigned sy)
{
	if (!s->acc) {
		memcpy(s->out + (size_t)sy * s->sw * 3, row, (size_t)s->sw * 3);
		return;
	}
	unsigned oy = (unsigned)((uint64_t)sy * s->dh / s->sh);
	if (oy != s->oy) {
		shrink_flush(s);
		s->oy = oy;
	}
	const unsigned char *p = row;
	for (unsigned sx = 0; sx < s->sw; sx++, p += 3) {
		uint64_t *a = s->acc + (size_t)s->col[sx] * 3;
		a[0] += p[0];
		a[1] += p[1];
		a[2] += p[2];
	}
	s->rows++;
}

static void shrink_finish(struct shrink *s)
{
	if (s->acc && s->rows)
		shrink_flush(s);
}

static int decode_failed(struct thumb *t, char **error)
{
	struct thumb_error *err = &t->derr;
	if (t->src.read_errno)
		return fail(error, PC_EOPEN, "cannot read: %s", strerror(t->src.read_errno));
	if (err->too_many_scans)
		return fail(error, PC_ETOOBIG,
		            "the image is too large to preview (more than %d progressive scans)",
		            THUMB_MAX_SCANS);
	if (err->pub.msg_code == JERR_NO_BACKING_STORE)
		return fail(error, PC_ETOOBIG,
		            "the image is too large to preview (it needs more than %ld MiB to decode)",
		            THUMB_MAX_MEMORY >> 20);
	if (err->pub.msg_code == JERR_OUT_OF_MEMORY)
		return PC_ENOMEM;
	return fail(error, PC_EFORMAT, "cannot decode the image: %s", err->message);
}

/*
 * Decodes the open file into t->pixels, shrunk to fit `side`. libjpeg's
 * own memory (buffers, tables) is in its pools and goes with
 * jpeg_destroy_decompress; t->pixels is the caller's to free.
 */
static int decode(struct thumb *t, char **error, unsigned side)
{
	struct jpeg_decompress_struct *d = &t->dinfo;
	error_init(&t->derr);
	d->err = &t->derr.pub;
	if (setjmp(t->derr.jump))
		return decode_failed(t, error);

	jpeg_create_decompress(d);
	d->mem->max_memory_to_use = THUMB_MAX_MEMORY;
	t->progress.progress_monitor = progress_monitor;
	d->progress = &t->progress;
	source_attach(d, &t->src);
	jpeg_read_header(d, TRUE);

	unsigned iw = d->image_width, ih = d->image_height;
	if (iw > THUMB_MAX_DIM || ih > THUMB_MAX_DIM || (uint64_t)iw * ih > THUMB_MAX_PIXELS)
		return fail(error, PC_ETOOBIG, "the image is too large to preview (%u x %u)", iw, ih);

	int cmyk = d->jpeg_color_space == JCS_CMYK || d->jpeg_color_space == JCS_YCCK;
	d->out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
	/* Always 1/8, whatever the size: the preview must cost no more than
	 * a plain 1/8 decode. An image under 8 x side across thus gives a
	 * preview smaller than side; it is never blown up. */
	d->scale_num = 1;
	d->scale_denom = 8;
	/* Cheaper than the defaults, and the same picture at preview size.
	 * At 1/8 they save little (the 1x1 inverse DCT is the DC alone, and
	 * chroma needs no upsampling), but they keep the cost down should
	 * the scale ever be raised. */
	d->dct_method = JDCT_IFAST;
	d->do_fancy_upsampling = FALSE;
	d->do_block_smoothing = FALSE;
	jpeg_start_decompress(d);

	unsigned sw = d->output_width, sh = d->output_height;
	unsigned dw, dh;
	fit(sw, sh, side, &dw, &dh);
	t->pixels = malloc((size_t)dw * dh * 3);
	if (!t->pixels)
		return PC_ENOMEM;
	t->width = dw;
	t->height = dh;

	struct shrink shrink;
	shrink_init(&shrink, d, t->pixels, sw, sh, dw, dh);
	/* As many rows as the decoder makes at once: asking for fewer makes
	 * it keep and copy the rest. */
	JDIMENSION batch = (JDIMENSION)d->rec_outbuf_height;
	JSAMPARRAY rows = (*d->mem->alloc_sarray)((j_common_ptr)d, JPOOL_IMAGE,
	                                          sw * (JDIMENSION)d->output_components, batch);
	int inverted = d->saw_Adobe_marker;
	while (d->output_scanline < sh) {
		unsigned sy = d->output_scanline;
		JDIMENSION got = jpeg_read_scanlines(d, rows, batch);
		for (JDIMENSION i = 0; i < got; i++) {
			if (cmyk)
				cmyk_to_rgb(rows[i], sw, inverted);
			shrink_row(&shrink, rows[i], sy + i);
		}
	}
	shrink_finish(&shrink);
	/* No jpeg_finish_decompress: whatever follows the last row (more
	 * markers, a phone's appended video) is not needed. */
	return 0;
}

/*
 * Where the preview's pixel (x, y) is in t->pixels: offset
 * origin + x * step_x + y * step_y bytes, for EXIF orientation 1..8
 * (which says where the stored picture's first row and column belong:
 * 6, "rotate 90 CW to display", puts the first row on the right).
 */
static void upright(const struct thumb *t, int orientation, unsigned *fw, unsigned *fh,
                    ptrdiff_t *origin, ptrdiff_t *step_x, ptrdiff_t *step_y)
{
	ptrdiff_t w = t->width, h = t->height;
	ptrdiff_t last_col = w - 1, last_row = (h - 1) * w;
	ptrdiff_t o = 0, sx = 1, sy = w;
	switch (orientation) {
	case 2: /* mirror horizontal */
		o = last_col;
		sx = -1;
		sy = w;
		break;
	case 3: /* rotate 180 */
		o = last_row + last_col;
		sx = -1;
		sy = -w;
		break;
	case 4: /* mirror vertical */
		o = last_row;
		sx = 1;
		sy = -w;
		break;
	case 5: /* transpose: the first row is the left column */
		o = 0;
		sx = w;
		sy = 1;
		break;
	case 6: /* rotate 90 CW: the first row is the right column */
		o = last_row;
		sx = -w;
		sy = 1;
		break;
	case 7: /* transverse: the first row is the right column, upwards */
		o = last_row + last_col;
		sx = -w;
		sy = -1;
		break;
	case 8: /* rotate 270 CW: the first row is the left column, upwards */
		o = last_col;
		sx = w;
		sy = -1;
		break;
	default: /* 1, or not a valid value: as stored */
		break;
	}
	int turned = orientation >= 5 && orientation <= 8;
	*fw = turned ? t->height : t->width;
	*fh = turned ? t->width : t->height;
	*origin = o * 3;
	*step_x = sx * 3;
	*step_y = sy * 3;
}

/* Encodes t->pixels, turned upright, as a JPEG into t->jpeg; its size
 * into *size. */
static int encode(struct thumb *t, int orientation, struct pc__thumb_size *size)
{
	struct jpeg_compress_struct *c = &t->cinfo;
	error_init(&t->cerr);
	c->err = &t->cerr.pub;
	/* Our own pixels and settings: only memory can fail here. */
	if (setjmp(t->cerr.jump))
		return PC_ENOMEM;

	jpeg_create_compress(c);
	t->dest.out = &t->jpeg;
	t->dest.pub.init_destination = dest_init;
	t->dest.pub.empty_output_buffer = dest_empty;
	t->dest.pub.term_destination = dest_term;
	c->dest = &t->dest.pub;

	unsigned fw, fh;
	ptrdiff_t origin, step_x, step_y;
	upright(t, orientation, &fw, &fh, &origin, &step_x, &step_y);
	size->width = fw;
	size->height = fh;
	c->image_width = fw;
	c->image_height = fh;
	c->input_components = 3;
	c->in_color_space = JCS_RGB;
	/* The defaults are 4:2:0 YCbCr with the standard Huffman tables
	 * (optimize_coding off): cheap, and small enough at this size. */
	jpeg_set_defaults(c);
	jpeg_set_quality(c, THUMB_QUALITY, TRUE);
	jpeg_start_compress(c, TRUE);

	JSAMPARRAY row = (*c->mem->alloc_sarray)((j_common_ptr)c, JPOOL_IMAGE, fw * 3, 1);
	for (unsigned y = 0; y < fh; y++) {
		const unsigned char *p = t->pixels + origin + (ptrdiff_t)y * step_y;
		unsigned char *q = row[0];
		for (unsigned x = 0; x < fw; x++, p += step_x, q += 3) {
			q[0] = p[0];
			q[1] = p[1];
			q[2] = p[2];
		}
		jpeg_write_scanlines(c, row, 1);
	}
	jpeg_finish_compress(c);
	return 0;
}

static int data_uri(char **out, const unsigned char *data, size_t len)
{
	static const char prefix[] = "data:image/jpeg;base64,";
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *s = malloc(sizeof(prefix) + (len + 2) / 3 * 4);
	if (!s)
		return PC_ENOMEM;
	memcpy(s, prefix, sizeof(prefix) - 1);
	char *q = s + sizeof(prefix) - 1;
	size_t i = 0;
	for (; i + 3 <= len; i += 3, q += 4) {
		uint32_t v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 | data[i + 2];
		q[0] = digits[v >> 18];
		q[1] = digits[v >> 12 & 63];
		q[2] = digits[v >> 6 & 63];
		q[3] = digits[v & 63];
	}
	if (i < len) {
		uint32_t v = (uint32_t)data[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)data[i + 1] << 8;
		q[0] = digits[v >> 18];
		q[1] = digits[v >> 12 & 63];
		q[2] = i + 1 < len ? digits[v >> 6 & 63] : '=';
		q[3] = '=';
		q += 4;
	}
	*q = '\0';
	*out = s;
	return 0;
}

int pc__thumb_data_uri(char **out, struct pc__thumb_size *size, char **error,
                       const char *path, int orientation, unsigned max_side)
{
	int ret = PC_ENOMEM;
	struct pc__thumb_size made = { 0, 0 };
	struct thumb t;
	memset(&t, 0, sizeof(t));
	t.src.fd = -1;
	pc__buf_init(&t.jpeg, 0);
	*out = NULL;
	*error = NULL;
	if (size)
		*size = made;
	if (max_side < 1)
		max_side = 1;

	/* O_NONBLOCK: a FIFO must not hang the scanner; it is refused below. */
	t.src.fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (t.src.fd < 0) {
		ret = fail(error, PC_EOPEN, "cannot open: %s", strerror(errno));
		goto done;
	}
	struct stat st;
	if (fstat(t.src.fd, &st) < 0) {
		ret = fail(error, PC_EOPEN, "cannot open: %s", strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = fail(error, PC_EOPEN, "not a regular file");
		goto done;
	}

	ret = decode(&t, error, max_side);
	/* Give the decoder's memory back before encoding. */
	jpeg_destroy_decompress(&t.dinfo);
	close(t.src.fd);
	t.src.fd = -1;
	if (ret)
		goto done;

	ret = encode(&t, orientation, &made);
	if (ret)
		goto done;
	ret = data_uri(out, (const unsigned char *)t.jpeg.data, t.jpeg.len);
	if (!ret && size)
		*size = made;

done:
	/* Both are no-ops for a struct never created or already destroyed. */
	jpeg_destroy_compress(&t.cinfo);
	jpeg_destroy_decompress(&t.dinfo);
	pc__buf_release(&t.jpeg);
	free(t.pixels);
	if (t.src.fd >= 0)
		close(t.src.fd);
	return ret;
}
