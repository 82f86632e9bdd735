/*
 * thumb.c: the contact sheet's previews. A photo is decoded by libjpeg at
 * 1/8 scale (one pixel per 8x8 block, from its DC coefficient: the cost is
 * the entropy decoding and little else), shrunk with a box filter, turned
 * upright and re-encoded as a small JPEG. Re-encoding also leaves the
 * photo's metadata (names, GPS) out of the HTML page.
 *
 * The photo is untrusted and several threads make previews at once, so
 * libjpeg is held on a short leash: its errors longjmp back here instead of
 * calling exit(); the image size and the decoder's big buffers are bounded
 * before any pixel is decoded; the work is bounded as it goes (scans, the
 * blocks they cover, bytes read, processor time), since a file of a few
 * kilobytes can ask for minutes of decoding; and all state lives in one
 * struct per call.
 *
 * A warning about the image data ends the decode: what libjpeg hands out
 * after one is its guess, made from whatever its buffers held. The rows
 * decoded before it are kept and the rest are a grey set here.
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
#include <time.h>
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
/*
 * The 8x8 blocks all the scans cover, added up: each scan is a pass over
 * the blocks of its components, so this is the work, where the number of
 * scans alone lets a 100-megapixel file take 500 passes (a minute). The
 * memory bound keeps a progressive image to 2 million blocks (89
 * megapixels at 4:2:0, 44 at 4:4:4), and the encoders' scripts
 * (libjpeg's, mozjpeg's, Photoshop's) go over every block 3 to 6 times:
 * at most 12 million. 32 million is well above that, and under a second
 * here.
 */
#define THUMB_MAX_SCAN_BLOCKS (32u * 1000 * 1000)
/*
 * Bytes the decoder reads before the image data starts, past the EXIF,
 * XMP and ICC segments, which it seeks over unread: the tables and frame
 * header it needs are a few kilobytes. Without a bound, a file of FF D8
 * and 16 GiB of zeros is read to the end, looking for a marker.
 */
#define THUMB_MAX_HEADER_READ (1L * 1024 * 1024)
/* Bytes the decoder reads in all: a 100-megapixel photo at quality 100 is
 * about 60 MB, and reading 128 MiB takes half a second. */
#define THUMB_MAX_READ (128L * 1024 * 1024)
/*
 * Processor time for one preview, the decoder's own thread's (previews
 * are made on several threads at once): the slowest photo within the
 * other bounds, 100 megapixels progressive, takes one second here; five
 * leave room for a slower machine and bound what any file can cost.
 */
#define THUMB_MAX_CPU_SECONDS 5
/* How often the progress monitor, called for every row of every scan,
 * reads the clock: each reading is a system call. */
#define THUMB_CLOCK_EVERY 32
/*
 * A damaged photo is previewed when at least this share of its rows
 * decoded (the rest grey): a quarter of a picture still shows which photo
 * it is and who is in it, which is what the card is for; less is a grey
 * card that looks like a photo of nothing, and "no preview" says more.
 */
#define THUMB_MIN_DECODED_PERCENT 25
/* The grey of rows that were not decoded. */
#define THUMB_GREY 128
/* Read the file in large chunks: a 5 MB photo in 80 read() calls. */
#define THUMB_READ_CHUNK (64 * 1024)
#define THUMB_QUALITY 75

/* Why a decode stopped short of an error of libjpeg's own. */
enum thumb_stop {
	STOP_NONE,
	STOP_SCANS,   /* more than THUMB_MAX_SCANS */
	STOP_BLOCKS,  /* more than THUMB_MAX_SCAN_BLOCKS */
	STOP_HEADER,  /* more than THUMB_MAX_HEADER_READ before the image data */
	STOP_READ,    /* more than THUMB_MAX_READ */
	STOP_CPU,     /* more than THUMB_MAX_CPU_SECONDS */
	STOP_DAMAGED  /* a warning about the image data: message says which */
};

/* libjpeg's errors end up here instead of in exit(); so do the bounds on
 * work, which the decoder's callbacks check. */
struct thumb_error {
	struct jpeg_error_mgr pub;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
	enum thumb_stop stop;
	int in_image;         /* past jpeg_read_header: warnings end the decode */
	int last_scan;        /* the input scan whose blocks were last counted */
	uint64_t scan_blocks; /* blocks covered by the scans so far */
	unsigned ticks;       /* progress monitor calls, for THUMB_CLOCK_EVERY */
	struct timespec cpu_start;
};

/* Reads the open file; see source_fill for the end of the file. */
struct thumb_source {
	struct jpeg_source_mgr pub;
	int fd;
	JOCTET *chunk;
	int at_start;
	int read_errno; /* errno of a failed read(), else 0 */
	/* Bytes read and not seeked over: what THUMB_MAX_READ bounds. */
	int64_t read;
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
	/* Filled as rows are decoded; here so that it is known after a
	 * warning has ended the decode by a longjmp. */
	struct shrink *shrink;
	unsigned rows_done; /* decoded rows handed to the shrink */

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

static void stop(j_common_ptr cinfo, enum thumb_stop why)
{
	struct thumb_error *err = (struct thumb_error *)cinfo->err;
	err->stop = why;
	longjmp(err->jump, 1);
}

/*
 * Warnings are never printed. One in the header (an unknown JFIF version,
 * stray bytes between markers) says nothing about the pixels, and is only
 * counted. One about the image data (corrupt data, a premature end of the
 * file) ends the decode: libjpeg would go on with made-up coefficients
 * and what its buffers held, and the preview would show bytes nobody
 * wrote for it. A multi-scan file is read whole before its first row, so
 * a warning there leaves no row at all.
 */
static void emit_message(j_common_ptr cinfo, int msg_level)
{
	struct thumb_error *err = (struct thumb_error *)cinfo->err;
	if (msg_level >= 0)
		return;
	cinfo->err->num_warnings++;
	if (err->in_image && cinfo->is_decompressor) {
		(*cinfo->err->format_message)(cinfo, err->message);
		stop(cinfo, STOP_DAMAGED);
	}
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

static double cpu_seconds_since(const struct timespec *start)
{
	struct timespec now;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) < 0)
		return 0;
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static void check_cpu(j_common_ptr cinfo)
{
	struct thumb_error *err = (struct thumb_error *)cinfo->err;
	if (cpu_seconds_since(&err->cpu_start) > THUMB_MAX_CPU_SECONDS)
		stop(cinfo, STOP_CPU);
}

/*
 * Counts the scan the decoder has just read the header of, once, and its
 * blocks towards THUMB_MAX_SCAN_BLOCKS. Called
 * after jpeg_read_header (the first scan) and from the progress monitor,
 * which libjpeg calls before each step of input, so that no scan header
 * goes by unseen.
 */
static void count_scan(j_decompress_ptr d)
{
	struct thumb_error *err = (struct thumb_error *)d->err;
	if (d->input_scan_number == err->last_scan)
		return;
	err->last_scan = d->input_scan_number;
	/* The same check as TurboJPEG's TJFLAG_LIMITSCANS. */
	if (d->input_scan_number > THUMB_MAX_SCANS)
		stop((j_common_ptr)d, STOP_SCANS);
	for (int i = 0; i < d->comps_in_scan && i < MAX_COMPS_IN_SCAN; i++) {
		const jpeg_component_info *c = d->cur_comp_info[i];
		if (!c)
			continue;
		err->scan_blocks += (uint64_t)c->width_in_blocks * c->height_in_blocks;
	}
	if (err->scan_blocks > THUMB_MAX_SCAN_BLOCKS)
		stop((j_common_ptr)d, STOP_BLOCKS);
}

/* Called for every row and scan the decoder takes in or puts out. */
static void progress_monitor(j_common_ptr cinfo)
{
	if (!cinfo->is_decompressor)
		return;
	struct thumb_error *err = (struct thumb_error *)cinfo->err;
	count_scan((j_decompress_ptr)cinfo);
	if (++err->ticks % THUMB_CLOCK_EVERY == 0)
		check_cpu(cinfo);
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
	src->read += n;
	struct thumb_error *err = (struct thumb_error *)dinfo->err;
	if (!err->in_image && src->read > THUMB_MAX_HEADER_READ)
		stop((j_common_ptr)dinfo, STOP_HEADER);
	if (src->read > THUMB_MAX_READ)
		stop((j_common_ptr)dinfo, STOP_READ);
	check_cpu((j_common_ptr)dinfo);
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
		/* Read, but skipped: not what the read bounds are for. */
		src->read -= (int64_t)src->pub.bytes_in_buffer;
		src->pub.bytes_in_buffer = 0;
		if (lseek(src->fd, rest, SEEK_CUR) >= 0)
			return;
		/* Cannot seek: read through it. */
		while (rest > (off_t)src->pub.bytes_in_buffer) {
			rest -= (off_t)src->pub.bytes_in_buffer;
			src->read -= (int64_t)src->pub.bytes_in_buffer;
			source_fill(dinfo);
		}
		num_bytes = (long)rest;
	}
	src->read -= num_bytes;
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

/* The names of the scaled block sizes before libjpeg 7 and after. */
#if JPEG_LIB_VERSION >= 70
#define MIN_SCALED_H(d) ((unsigned)(d)->min_DCT_h_scaled_size)
#define MIN_SCALED_V(d) ((unsigned)(d)->min_DCT_v_scaled_size)
#define SCALED_H(c) ((unsigned)(c)->DCT_h_scaled_size)
#define SCALED_V(c) ((unsigned)(c)->DCT_v_scaled_size)
#else
#define MIN_SCALED_H(d) ((unsigned)(d)->min_DCT_scaled_size)
#define MIN_SCALED_V(d) ((unsigned)(d)->min_DCT_scaled_size)
#define SCALED_H(c) ((unsigned)(c)->DCT_scaled_size)
#define SCALED_V(c) ((unsigned)(c)->DCT_scaled_size)
#endif

/*
 * The decoder hands over its components as they are stored (raw data:
 * each at its own sampling, before any colour conversion), and this file
 * makes the RGB pixels. libjpeg's own upsampling and colour conversion
 * (SIMD code) work on whole vectors, reading samples past the end of
 * each row that nothing wrote; here only samples the decoder wrote are
 * read. Each component's sample for pixel (x, y) is found by its
 * sampling factors, as a plain (not fancy) upsampler does.
 */
struct colour {
	J_COLOR_SPACE space;
	int inverted;              /* CMYK inks stored inverted (an Adobe segment) */
	unsigned n;                /* components used */
	unsigned num[MAX_COMPONENTS], den[MAX_COMPONENTS]; /* column: x * num / den */
	unsigned rnum[MAX_COMPONENTS], rden[MAX_COMPONENTS]; /* row in the iMCU row */
};

/* The components a colour space needs, or 0 for one not previewed. */
static unsigned colour_components(J_COLOR_SPACE space)
{
	switch (space) {
	case JCS_GRAYSCALE:
		return 1;
	case JCS_RGB:
	case JCS_YCbCr:
		return 3;
	case JCS_CMYK:
	case JCS_YCCK:
		return 4;
	default:
		return 0;
	}
}

static void colour_init(struct colour *cc, j_decompress_ptr d)
{
	cc->space = d->jpeg_color_space;
	/* Photoshop, which writes nearly all CMYK and YCCK photos and marks
	 * them with an Adobe segment, stores the inks inverted (255 is no
	 * ink). */
	cc->inverted = d->saw_Adobe_marker;
	cc->n = colour_components(cc->space);
	for (unsigned i = 0; i < cc->n; i++) {
		const jpeg_component_info *c = &d->comp_info[i];
		cc->num[i] = (unsigned)c->h_samp_factor * SCALED_H(c);
		cc->den[i] = (unsigned)d->max_h_samp_factor * MIN_SCALED_H(d);
		cc->rnum[i] = (unsigned)c->v_samp_factor * SCALED_V(c);
		cc->rden[i] = (unsigned)d->max_v_samp_factor * MIN_SCALED_V(d);
	}
}

static unsigned char clamp(int v)
{
	return (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
}

/* JFIF's YCbCr to RGB, in 16.16 fixed point. */
static void ycc_to_rgb(unsigned char *out, int y, int cb, int cr)
{
	cb -= 128;
	cr -= 128;
	out[0] = clamp(y + ((91881 * cr + 32768) >> 16));
	out[1] = clamp(y - ((22554 * cb + 46802 * cr - 32768) >> 16));
	out[2] = clamp(y + ((116130 * cb + 32768) >> 16));
}

/* Inks to light: each ink takes away its share of what K leaves. */
static void cmyk_to_rgb(unsigned char *out, unsigned c, unsigned m, unsigned y, unsigned k,
                        int inverted)
{
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

/*
 * Makes RGB row `row` (of the rows_per_imcu rows the last call of
 * jpeg_read_raw_data gave) from the component planes, `width` pixels.
 * The sample of pixel x lies at x * num / den, which is below the
 * component's downsampled width for every x below the output width (the
 * same rounding up makes both), and likewise for rows: no sample read
 * here is one the decoder left unwritten.
 */
static void colour_row(const struct colour *cc, JSAMPIMAGE planes, unsigned row,
                       unsigned char *out, unsigned width)
{
	const JSAMPLE *p[MAX_COMPONENTS];
	for (unsigned i = 0; i < cc->n; i++)
		p[i] = planes[i][row * cc->rnum[i] / cc->rden[i]];
	for (unsigned x = 0; x < width; x++, out += 3) {
		/* Zeroed: cc->n is the colour space's count, which the
		 * analyser cannot see; the cost is nothing at 1/8 scale. */
		unsigned v[MAX_COMPONENTS] = { 0 };
		for (unsigned i = 0; i < cc->n; i++)
			v[i] = p[i][x * cc->num[i] / cc->den[i]];
		switch (cc->space) {
		case JCS_GRAYSCALE:
			out[0] = out[1] = out[2] = (unsigned char)v[0];
			break;
		case JCS_RGB:
			out[0] = (unsigned char)v[0];
			out[1] = (unsigned char)v[1];
			out[2] = (unsigned char)v[2];
			break;
		case JCS_YCbCr:
			ycc_to_rgb(out, (int)v[0], (int)v[1], (int)v[2]);
			break;
		case JCS_YCCK: {
			/* YCC to RGB, whose complements are the C, M and Y inks. */
			unsigned char rgb[3];
			ycc_to_rgb(rgb, (int)v[0], (int)v[1], (int)v[2]);
			cmyk_to_rgb(out, 255u - rgb[0], 255u - rgb[1], 255u - rgb[2], v[3], cc->inverted);
			break;
		}
		default: /* JCS_CMYK */
			cmyk_to_rgb(out, v[0], v[1], v[2], v[3], cc->inverted);
			break;
		}
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
	unsigned written;   /* output rows 0 .. written - 1 are set */
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
	s->written = s->oy + 1;
}

/* Takes source row `sy` (RGB), in order from the top. */
static void shrink_row(struct shrink *s, const unsigned char *row, unsigned sy)
{
	if (!s->acc) {
		memcpy(s->out + (size_t)sy * s->sw * 3, row, (size_t)s->sw * 3);
		s->written = sy + 1;
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

/* Ends the picture: the row being summed is written from the rows it
 * has, and every row after it, never decoded, is grey. */
static void shrink_finish(struct shrink *s)
{
	if (s->acc && s->rows)
		shrink_flush(s);
	if (s->written < s->dh)
		memset(s->out + (size_t)s->written * s->dw * 3, THUMB_GREY,
		       (size_t)(s->dh - s->written) * s->dw * 3);
}

static int decode_failed(struct thumb *t, char **error)
{
	struct thumb_error *err = &t->derr;
	if (t->src.read_errno)
		return fail(error, PC_EOPEN, "cannot read: %s", strerror(t->src.read_errno));
	switch (err->stop) {
	case STOP_NONE:
		break;
	case STOP_SCANS:
		return fail(error, PC_ETOOBIG,
		            "the image is too large to preview (more than %d progressive scans)",
		            THUMB_MAX_SCANS);
	case STOP_BLOCKS:
		return fail(error, PC_ETOOBIG,
		            "the image is too costly to preview (its %d scans cover more than %u "
		            "million blocks)",
		            err->last_scan, THUMB_MAX_SCAN_BLOCKS / 1000000);
	case STOP_HEADER:
		return fail(error, PC_ETOOBIG,
		            "the image is too costly to preview (no image data in the first %ld MiB)",
		            THUMB_MAX_HEADER_READ >> 20);
	case STOP_READ:
		return fail(error, PC_ETOOBIG,
		            "the image is too costly to preview (its data runs past %ld MiB)",
		            THUMB_MAX_READ >> 20);
	case STOP_CPU:
		return fail(error, PC_ETOOBIG,
		            "the image is too costly to preview (more than %d s to decode)",
		            THUMB_MAX_CPU_SECONDS);
	case STOP_DAMAGED: {
		unsigned sh = t->dinfo.output_height;
		/* Stopped before the first row (every scan of a multi-scan file
		 * is read before any row), or too soon to show the photo. */
		if (!t->shrink)
			return fail(error, PC_EFORMAT, "cannot decode the image: %s", err->message);
		if ((uint64_t)t->rows_done * 100 < (uint64_t)sh * THUMB_MIN_DECODED_PERCENT)
			return fail(error, PC_EFORMAT,
			            "cannot decode the image: %s (only %u%% of it decoded)", err->message,
			            (unsigned)((uint64_t)t->rows_done * 100 / sh));
		shrink_finish(t->shrink);
		return 0;
	}
	}
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
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t->derr.cpu_start) < 0)
		memset(&t->derr.cpu_start, 0, sizeof(t->derr.cpu_start));
	if (setjmp(t->derr.jump))
		return decode_failed(t, error);

	jpeg_create_decompress(d);
	d->mem->max_memory_to_use = THUMB_MAX_MEMORY;
	t->progress.progress_monitor = progress_monitor;
	d->progress = &t->progress;
	source_attach(d, &t->src);
	jpeg_read_header(d, TRUE);
	t->derr.in_image = 1;

	unsigned iw = d->image_width, ih = d->image_height;
	if (iw > THUMB_MAX_DIM || ih > THUMB_MAX_DIM || (uint64_t)iw * ih > THUMB_MAX_PIXELS)
		return fail(error, PC_ETOOBIG, "the image is too large to preview (%u x %u)", iw, ih);
	count_scan(d);
	unsigned need = colour_components(d->jpeg_color_space);
	if (!need || (unsigned)d->num_components != need)
		return fail(error, PC_EFORMAT,
		            "cannot decode the image: %d components in a colour space not previewed",
		            d->num_components);

	/* The components as stored: see struct colour. */
	d->raw_data_out = TRUE;
	/* Always 1/8, whatever the size: the preview must cost no more than
	 * a plain 1/8 decode. An image under 8 x side across thus gives a
	 * preview smaller than side; it is never blown up. */
	d->scale_num = 1;
	d->scale_denom = 8;
	/* Cheaper than the defaults, and the same picture at preview size.
	 * At 1/8 it saves little (the 1x1 inverse DCT is the DC alone), but
	 * it keeps the cost down should the scale ever be raised. Without
	 * smoothing, each row comes from its own blocks alone, so the rows
	 * handed out before a warning are whole. */
	d->dct_method = JDCT_IFAST;
	d->do_block_smoothing = FALSE;
	/* A multi-scan file is read whole here. */
	jpeg_start_decompress(d);

	unsigned sw = d->output_width, sh = d->output_height;
	unsigned dw, dh;
	fit(sw, sh, side, &dw, &dh);
	t->pixels = malloc((size_t)dw * dh * 3);
	if (!t->pixels)
		return PC_ENOMEM;
	t->width = dw;
	t->height = dh;

	struct shrink *shrink = (*d->mem->alloc_small)((j_common_ptr)d, JPOOL_IMAGE, sizeof(*shrink));
	shrink_init(shrink, d, t->pixels, sw, sh, dw, dh);
	t->shrink = shrink;
	/* One iMCU row at a time, as jpeg_read_raw_data gives them: each
	 * component's rows of it in a plane of its own. */
	struct colour cc;
	colour_init(&cc, d);
	unsigned imcu_rows = (unsigned)d->max_v_samp_factor * MIN_SCALED_V(d);
	JSAMPARRAY planes[MAX_COMPONENTS];
	for (unsigned i = 0; i < cc.n; i++) {
		const jpeg_component_info *c = &d->comp_info[i];
		planes[i] = (*d->mem->alloc_sarray)((j_common_ptr)d, JPOOL_IMAGE,
		                                    c->width_in_blocks * SCALED_H(c),
		                                    (JDIMENSION)c->v_samp_factor * SCALED_V(c));
	}
	JSAMPARRAY rgb = (*d->mem->alloc_sarray)((j_common_ptr)d, JPOOL_IMAGE, sw * 3, 1);
	while (d->output_scanline < sh) {
		unsigned sy = d->output_scanline;
		JDIMENSION got = jpeg_read_raw_data(d, planes, imcu_rows);
		if (!got) /* cannot happen: the source never suspends */
			break;
		for (unsigned i = 0; i < got && sy + i < sh; i++) {
			colour_row(&cc, planes, i, rgb[0], sw);
			shrink_row(shrink, rgb[0], sy + i);
		}
		t->rows_done = sy + got < sh ? sy + got : sh;
	}
	shrink_finish(shrink);
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
