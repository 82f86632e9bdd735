#include "read/jpeg.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"

/*
 * A forward-only reader over a file descriptor or a memory block. Files
 * are read through a buffer so that the usual case, all metadata in the
 * first few tens of kilobytes, costs one or two read() calls; segments we
 * do not keep are skipped with lseek rather than read.
 */
struct reader {
	int fd;                      /* -1 for memory */
	const unsigned char *mem;
	size_t mem_len;
	unsigned char buf[64 * 1024];
	size_t buf_pos, buf_len;     /* unread bytes are buf[buf_pos..buf_len) */
	size_t offset;               /* file offset of the next unread byte */
	int io_error;                /* errno of a failed read, else 0 */
	size_t chunk;                /* how much the next read() asks for */
};

/* The metadata of most photos fits in the first few kilobytes, and a
 * read() from the page cache costs what it copies: start small, and ask
 * for more each time (up to the buffer) only when a file has more. */
#define FIRST_READ (8 * 1024)

static int reader_fill(struct reader *rd)
{
	if (rd->fd < 0)
		return 0;
	if (rd->buf_pos < rd->buf_len)
		return 1;
	for (;;) {
		ssize_t n = read(rd->fd, rd->buf, rd->chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rd->io_error = errno;
			return 0;
		}
		rd->buf_pos = 0;
		rd->buf_len = (size_t)n;
		if (rd->chunk < sizeof(rd->buf))
			rd->chunk *= 2;
		return n > 0;
	}
}

/* Copies up to `len` bytes; returns how many were there. */
static size_t reader_get(struct reader *rd, void *dst, size_t len)
{
	unsigned char *out = dst;
	size_t got = 0;
	if (rd->fd < 0) {
		size_t left = rd->offset < rd->mem_len ? rd->mem_len - rd->offset : 0;
		got = len < left ? len : left;
		memcpy(out, rd->mem + rd->offset, got);
		rd->offset += got;
		return got;
	}
	while (got < len && reader_fill(rd)) {
		size_t avail = rd->buf_len - rd->buf_pos;
		size_t n = len - got < avail ? len - got : avail;
		memcpy(out + got, rd->buf + rd->buf_pos, n);
		rd->buf_pos += n;
		got += n;
	}
	rd->offset += got;
	return got;
}

static int reader_byte(struct reader *rd)
{
	unsigned char c;
	return reader_get(rd, &c, 1) == 1 ? c : -1;
}

/* Skips `len` bytes; returns how many were there to skip. */
static size_t reader_skip(struct reader *rd, size_t len)
{
	if (rd->fd < 0) {
		size_t left = rd->offset < rd->mem_len ? rd->mem_len - rd->offset : 0;
		size_t n = len < left ? len : left;
		rd->offset += n;
		return n;
	}
	size_t avail = rd->buf_len - rd->buf_pos;
	if (len <= avail) {
		rd->buf_pos += len;
		rd->offset += len;
		return len;
	}
	/* Past the buffer: seek to the last byte to skip and read from there,
	 * which both refills the buffer and proves the bytes were there. */
	size_t start = rd->offset;
	off_t last = (off_t)(start + len - 1);
	rd->buf_pos = rd->buf_len = 0;
	rd->offset += avail;
	if (last < 0 || lseek(rd->fd, last, SEEK_SET) < 0) {
		rd->io_error = errno;
		return avail;
	}
	unsigned char byte;
	if (reader_get(rd, &byte, 1) != 1)
		return avail;
	rd->offset = start + len;
	return len;
}

/* An ISO base media file (HEIF, AVIF, MP4, QuickTime) whose brands say it
 * holds still images: the major brand, or any compatible one. */
static int heif_brand(const unsigned char *head, size_t len)
{
	static const char brands[][5] = { "heic", "heix", "heim", "heis", "hevc", "hevx",
	                                  "mif1", "msf1", "avif", "avis" };
	for (size_t at = 8; at + 4 <= len; at += at == 8 ? 8 : 4) /* skip minor version */
		for (size_t b = 0; b < sizeof(brands) / sizeof(brands[0]); b++)
			if (!memcmp(head + at, brands[b], 4))
				return 1;
	return 0;
}

/* Names what a file that is not a JPEG looks like, for the message, and
 * says in *image whether it is a picture in another format. */
static const char *identify(const unsigned char *head, size_t len, int *image)
{
	*image = 1;
	if (len >= 8 && !memcmp(head, "\x89PNG\r\n\x1a\n", 8))
		return "a PNG image";
	if (len >= 6 && (!memcmp(head, "GIF87a", 6) || !memcmp(head, "GIF89a", 6)))
		return "a GIF image";
	if (len >= 4 && (!memcmp(head, "II*\0", 4) || !memcmp(head, "MM\0*", 4)))
		return "a TIFF image (or camera raw file)";
	if (len >= 12 && !memcmp(head, "RIFF", 4) && !memcmp(head + 8, "WEBP", 4))
		return "a WebP image";
	if (len >= 12 && !memcmp(head + 4, "ftyp", 4) && heif_brand(head, len))
		return "a HEIC/HEIF or AVIF image";
	if (len >= 2 && !memcmp(head, "BM", 2))
		return "a BMP image";
	*image = 0;
	if (len >= 12 && !memcmp(head + 4, "ftyp", 4))
		return "an MP4 or QuickTime video";
	if (len >= 4 && !memcmp(head, "%PDF", 4))
		return "a PDF document";
	size_t printable = 0;
	for (size_t i = 0; i < len; i++)
		if ((head[i] >= 0x20 && head[i] < 0x7F) || head[i] == '\n' ||
		    head[i] == '\r' || head[i] == '\t' || head[i] >= 0x80)
			printable++;
	if (len && printable == len)
		return "text";
	return NULL;
}

static const char *segment_name(int marker, char *tmp, size_t tmplen)
{
	if (marker >= 0xE0 && marker <= 0xEF) {
		snprintf(tmp, tmplen, "APP%d", marker - 0xE0);
		return tmp;
	}
	switch (marker) {
	case 0xDB: return "DQT";
	case 0xC4: return "DHT";
	case 0xDD: return "DRI";
	case 0xFE: return "COM";
	case 0xDA: return "SOS";
	default: break;
	}
	if (marker >= 0xC0 && marker <= 0xCF)
		return "SOF";
	snprintf(tmp, tmplen, "0xFF%02X", marker);
	return tmp;
}

static const char XMP_ID[] = "http://ns.adobe.com/xap/1.0/";       /* + NUL */
static const char XMP_EXT_ID[] = "http://ns.adobe.com/xmp/extension/"; /* + NUL */
static const char PS_ID[] = "Photoshop 3.0";                          /* + NUL */

static int keep_extended_chunk(struct pc__jpeg *jpeg, struct pc__facts *facts,
                               const unsigned char *p, size_t len, size_t where)
{
	size_t hdr = sizeof(XMP_EXT_ID); /* the identifier and its NUL */
	if (len < hdr + 32 + 8)
		return pc__facts_error(facts, "ExtendedXMP segment at byte %zu is too short "
		                       "(%zu bytes) to hold its GUID and offsets", where, len);
	if (jpeg->chunk_count >= PC__JPEG_MAX_XMP_CHUNKS)
		return pc__facts_error(facts, "more than %d ExtendedXMP segments; the rest "
		                       "were not read", PC__JPEG_MAX_XMP_CHUNKS);
	if (jpeg->chunk_count == jpeg->chunk_alloc) {
		size_t alloc = jpeg->chunk_alloc ? jpeg->chunk_alloc * 2 : 4;
		struct pc__xmp_chunk *v = realloc(jpeg->chunks, alloc * sizeof(*v));
		if (!v)
			return PC_ENOMEM;
		jpeg->chunks = v;
		jpeg->chunk_alloc = alloc;
	}
	struct pc__xmp_chunk *c = &jpeg->chunks[jpeg->chunk_count];
	memset(c, 0, sizeof(*c));
	memcpy(c->guid, p + hdr, 32);
	c->guid[32] = '\0';
	const unsigned char *n = p + hdr + 32;
	c->full_length = (uint32_t)n[0] << 24 | (uint32_t)n[1] << 16 | (uint32_t)n[2] << 8 | n[3];
	c->offset = (uint32_t)n[4] << 24 | (uint32_t)n[5] << 16 | (uint32_t)n[6] << 8 | n[7];
	c->len = len - hdr - 40;
	c->segment_offset = where;
	unsigned char *data = malloc(c->len ? c->len : 1);
	if (!data)
		return PC_ENOMEM;
	memcpy(data, p + hdr + 40, c->len);
	c->data = data;
	jpeg->chunk_count++;
	return 0;
}

/* Keeps an APP1 or APP13 payload we care about; `p` is ours to take. */
static int keep_segment(struct pc__jpeg *jpeg, struct pc__facts *facts, int marker,
                        unsigned char *p, size_t len, size_t where)
{
	if (marker == 0xE1 && len >= 6 && !memcmp(p, "Exif\0", 5)) {
		if (jpeg->exif) {
			free(p);
			return 0;
		}
		jpeg->exif = p;
		jpeg->exif_len = len;
		return 0;
	}
	if (marker == 0xE1 && len >= sizeof(XMP_ID) && !memcmp(p, XMP_ID, sizeof(XMP_ID))) {
		if (jpeg->xmp_count == PC__JPEG_MAX_XMP_PACKETS) {
			free(p);
			return pc__facts_error(facts, "more than %d XMP packets; the one at byte "
			                       "%zu and later ones were not read",
			                       PC__JPEG_MAX_XMP_PACKETS, where);
		}
		size_t n = len - sizeof(XMP_ID);
		memmove(p, p + sizeof(XMP_ID), n);
		p[n] = '\0'; /* room: the identifier was longer than one byte */
		jpeg->xmp[jpeg->xmp_count] = (char *)p;
		jpeg->xmp_len[jpeg->xmp_count++] = n;
		return 0;
	}
	if (marker == 0xE1 && len >= sizeof(XMP_EXT_ID) &&
	    !memcmp(p, XMP_EXT_ID, sizeof(XMP_EXT_ID))) {
		int err = keep_extended_chunk(jpeg, facts, p, len, where);
		free(p);
		return err;
	}
	if (marker == 0xED && len >= sizeof(PS_ID) && !memcmp(p, PS_ID, sizeof(PS_ID))) {
		size_t n = len - sizeof(PS_ID);
		int err = 0;
		if (jpeg->app13_len + n > PC__JPEG_MAX_APP13_BYTES) {
			err = pc__facts_error(facts, "Photoshop APP13 data passes %u bytes at "
			                      "byte %zu; the rest was not read",
			                      PC__JPEG_MAX_APP13_BYTES, where);
		} else {
			unsigned char *v = realloc(jpeg->app13, jpeg->app13_len + n + 1);
			if (!v) {
				err = PC_ENOMEM;
			} else {
				memcpy(v + jpeg->app13_len, p + sizeof(PS_ID), n);
				jpeg->app13 = v;
				jpeg->app13_len += n;
			}
		}
		free(p);
		return err;
	}
	free(p);
	return 0;
}

static int is_sof(int m)
{
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

static int wanted(int m)
{
	return m == 0xE1 || m == 0xED;
}

static int walk(struct pc__jpeg *jpeg, struct pc__facts *facts, struct reader *rd)
{
	unsigned char head[32];
	size_t got = reader_get(rd, head, 2);
	if (rd->io_error)
		goto io_error;
	if (got == 0) {
		pc__facts_error(facts, "file is empty");
		return PC_EFORMAT;
	}
	if (got < 2 || head[0] != 0xFF || head[1] != 0xD8) {
		got += reader_get(rd, head + got, sizeof(head) - got);
		const char *what = identify(head, got, &facts->other_image);
		if (what)
			pc__facts_error(facts, "not a JPEG file: it looks like %s", what);
		else
			pc__facts_error(facts, "not a JPEG file: it starts with bytes "
			                "%02X %02X, not FF D8", head[0], got > 1 ? head[1] : 0);
		return PC_EFORMAT;
	}

	for (size_t segments = 0;; segments++) {
		if (segments >= PC__JPEG_MAX_SEGMENTS) {
			pc__facts_error(facts, "more than %d segments before the image data; "
			                "stopped reading at byte %zu", PC__JPEG_MAX_SEGMENTS,
			                rd->offset);
			return 0;
		}
		size_t where = rd->offset;
		int c = reader_byte(rd);
		if (c == 0xFF) {
			/* Any number of fill bytes may precede a marker. */
			do
				c = reader_byte(rd);
			while (c == 0xFF);
		} else if (c >= 0) {
			pc__facts_error(facts, "expected a marker at byte %zu but found 0x%02X; "
			                "stopped reading", where, c);
			return 0;
		}
		if (c < 0) {
			if (rd->io_error)
				goto io_error;
			pc__facts_error(facts, "file ends at byte %zu before the image data", rd->offset);
			return 0;
		}
		int marker = c;
		if (marker == 0xD9) {
			pc__facts_error(facts, "image ends (EOI at byte %zu) before any image data", where);
			return 0;
		}
		if (marker == 0xDA)
			return 0; /* start of scan: all metadata is behind us */
		if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8) || marker == 0x00)
			continue; /* markers with no length */

		unsigned char lenb[2];
		if (reader_get(rd, lenb, 2) != 2) {
			if (rd->io_error)
				goto io_error;
			pc__facts_error(facts, "file ends inside the marker at byte %zu", where);
			return 0;
		}
		size_t seglen = (size_t)lenb[0] << 8 | lenb[1];
		char tmp[16];
		if (seglen < 2) {
			pc__facts_error(facts, "%s segment at byte %zu declares an impossible "
			                "length of %zu bytes", segment_name(marker, tmp, sizeof(tmp)),
			                where, seglen);
			return 0;
		}
		size_t payload = seglen - 2;

		if (is_sof(marker) && !jpeg->width) {
			unsigned char sof[5];
			size_t n = reader_get(rd, sof, payload < 5 ? payload : 5);
			if (n == 5) {
				jpeg->height = (unsigned)sof[1] << 8 | sof[2];
				jpeg->width = (unsigned)sof[3] << 8 | sof[4];
			}
			/* reader_get returns less at the end of the file. */
			/* cppcheck-suppress knownConditionTrueFalse */
			if (n < (payload < 5 ? payload : 5) || reader_skip(rd, payload - n) != payload - n)
				goto truncated;
		} else if (wanted(marker)) {
			/* +1: room for a NUL after an XMP packet. */
			unsigned char *p = malloc(payload + 1);
			if (!p)
				return PC_ENOMEM;
			size_t n = reader_get(rd, p, payload);
			if (n != payload) {
				free(p);
				if (rd->io_error)
					goto io_error;
				pc__facts_error(facts, "file ends inside the %s segment at byte %zu: "
				                "it declares %zu bytes, only %zu are there",
				                segment_name(marker, tmp, sizeof(tmp)), where, payload, n);
				return 0;
			}
			int err = keep_segment(jpeg, facts, marker, p, payload, where);
			if (err == PC_ENOMEM)
				return err;
		} else if (reader_skip(rd, payload) != payload) {
			goto truncated;
		}
		continue;
	truncated:
		if (rd->io_error)
			goto io_error;
		pc__facts_error(facts, "file ends inside the %s segment at byte %zu",
		                segment_name(marker, tmp, sizeof(tmp)), where);
		return 0;
	}

io_error:
	pc__facts_error(facts, "read error at byte %zu: %s", rd->offset, strerror(rd->io_error));
	return PC_EOPEN;
}

/* The reader holds a 64 KiB buffer: on the heap, since scan runs this on
 * threads with modest stacks. */
static int read_with(struct pc__jpeg *out, struct pc__facts *facts, int fd,
                     const unsigned char *data, size_t len)
{
	memset(out, 0, sizeof(*out));
	/* Not calloc: zeroing the buffer would cost more than reading. */
	struct reader *rd = malloc(sizeof(*rd));
	if (!rd)
		return PC_ENOMEM;
	rd->fd = fd;
	rd->mem = data;
	rd->mem_len = len;
	rd->buf_pos = rd->buf_len = rd->offset = 0;
	rd->io_error = 0;
	rd->chunk = FIRST_READ;
	int ret = walk(out, facts, rd);
	free(rd);
	return ret;
}

int pc__jpeg_read_fd(struct pc__jpeg *out, struct pc__facts *facts, int fd)
{
	return read_with(out, facts, fd, NULL, 0);
}

int pc__jpeg_read_memory(struct pc__jpeg *out, struct pc__facts *facts,
                         const unsigned char *data, size_t len)
{
	return read_with(out, facts, -1, data, len);
}

void pc__jpeg_release(struct pc__jpeg *jpeg)
{
	if (!jpeg)
		return;
	free(jpeg->exif);
	for (size_t i = 0; i < jpeg->xmp_count; i++)
		free(jpeg->xmp[i]);
	for (size_t i = 0; i < jpeg->chunk_count; i++)
		free((void *)jpeg->chunks[i].data);
	free(jpeg->chunks);
	free(jpeg->app13);
	memset(jpeg, 0, sizeof(*jpeg));
}
