/*
 * make_preview_hostile: writes JPEGs that cost a preview decoder far more
 * work than their size suggests, into the folder given as the only
 * argument. Their metadata is harmless; the cost is all in the image data.
 *
 *   scans.jpg    10000 x 10000 grey, progressive, 499 scans, about 200 KB:
 *                one DC scan, then 498 AC scans (first passes and
 *                successive-approximation refinements, one coefficient
 *                band each), every one legal and each a pass over all
 *                1.5 million blocks. No scan holds a non-zero coefficient,
 *                so each costs a few bytes, and no decoder warns.
 *   zeros.jpg    FF D8 and then 16 GiB of zeros, as a sparse file (it takes
 *                no disk): a decoder looking for the next marker reads to
 *                the end.
 *
 * Both are written byte by byte, without libjpeg, so that what they hold
 * can be read below. Given a second argument, a JPEG, both carry its
 * metadata (its APPn and COM segments, after SOI), so that the photo has
 * people and a verdict of its own, which the preview must not change.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SIDE 10000u
#define BLOCKS ((SIDE + 7) / 8 * ((SIDE + 7) / 8))
#define SCANS 499
/* The highest successive-approximation bit libjpeg accepts. */
#define MAX_AL 13
#define ZEROS_SIZE ((off_t)16 << 30)

static const char *dir;
/* The metadata segments copied into both files, or none. */
static unsigned char *meta;
static size_t meta_len;

static void die(const char *what)
{
	fprintf(stderr, "make_preview_hostile: %s: %s\n", what, strerror(errno));
	exit(1);
}

struct out {
	FILE *f;
	uint32_t bits; /* pending bits, the first in the high end */
	int nbits;
};

static void byte(struct out *o, unsigned b)
{
	if (putc((int)b, o->f) == EOF)
		die("cannot write");
}

static void u16(struct out *o, unsigned v)
{
	byte(o, v >> 8 & 0xFF);
	byte(o, v & 0xFF);
}

static void marker(struct out *o, unsigned m, unsigned length)
{
	byte(o, 0xFF);
	byte(o, m);
	u16(o, length);
}

/* Entropy-coded bits, with the 0x00 stuffed after each 0xFF. */
static void bits(struct out *o, uint32_t value, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		o->bits = o->bits << 1 | (value >> i & 1);
		if (++o->nbits == 8) {
			byte(o, o->bits & 0xFF);
			if ((o->bits & 0xFF) == 0xFF)
				byte(o, 0x00);
			o->bits = 0;
			o->nbits = 0;
		}
	}
}

/* The end of a scan's data: the last byte padded with 1 bits. */
static void flush_bits(struct out *o)
{
	if (o->nbits)
		bits(o, 0x7F, 8 - o->nbits);
}

/* A Huffman table of one symbol, coded as the single bit 0. */
static void one_symbol_table(struct out *o, unsigned class_id, unsigned symbol)
{
	marker(o, 0xC4, 2 + 1 + 16 + 1);
	byte(o, class_id);
	byte(o, 1); /* one code of length 1 */
	for (int i = 1; i < 16; i++)
		byte(o, 0);
	byte(o, symbol);
}

static void sos(struct out *o, unsigned ss, unsigned se, unsigned ah, unsigned al)
{
	marker(o, 0xDA, 2 + 1 + 2 + 3);
	byte(o, 1);    /* one component */
	byte(o, 1);    /* component 1 */
	byte(o, 0x00); /* DC table 0, AC table 0 */
	byte(o, ss);
	byte(o, se);
	byte(o, ah << 4 | al);
}

/* An AC scan of one band in which every block is empty: runs of EOBs,
 * each the code for EOB14 (a run of 2^14 + the next 14 bits). */
static void empty_ac_scan(struct out *o, unsigned band, unsigned ah, unsigned al)
{
	sos(o, band, band, ah, al);
	uint32_t left = BLOCKS;
	while (left) {
		uint32_t run = left > 32767 ? 32767 : left;
		/* An EOB14 says 16384 to 32767 blocks; SIDE leaves a last run
		 * in that range. cppcheck takes BLOCKS for less than 1, which it
		 * is not, and calls the guard always true. */
		/* cppcheck-suppress knownConditionTrueFalse */
		if (run < 16384) {
			fprintf(stderr, "make_preview_hostile: a last run of %u blocks\n",
			        (unsigned)run);
			exit(1);
		}
		bits(o, 0, 1);
		bits(o, run - 16384, 14);
		left -= run;
	}
	flush_bits(o);
}

/* Reads the APPn and COM segments that follow the SOI of `path`. */
static void read_metadata(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die(path);
	static unsigned char data[1 << 20];
	size_t len = fread(data, 1, sizeof(data), f);
	fclose(f);
	size_t at = 2;
	while (at + 4 <= len && data[at] == 0xFF &&
	       ((data[at + 1] >= 0xE0 && data[at + 1] <= 0xEF) || data[at + 1] == 0xFE)) {
		size_t seg = 2 + ((size_t)data[at + 2] << 8 | data[at + 3]);
		if (at + seg > len)
			break;
		at += seg;
	}
	if (len < 2 || data[0] != 0xFF || data[1] != 0xD8 || at == 2) {
		fprintf(stderr, "make_preview_hostile: '%s': no metadata segments after SOI\n", path);
		exit(1);
	}
	meta_len = at - 2;
	meta = malloc(meta_len);
	if (!meta)
		die("out of memory");
	memcpy(meta, data + 2, meta_len);
}

static FILE *create(const char *name, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		die(path);
	return f;
}

static void scans_jpeg(void)
{
	char path[4096];
	struct out o = { create("scans.jpg", path, sizeof(path)), 0, 0 };
	byte(&o, 0xFF);
	byte(&o, 0xD8);
	if (meta_len && fwrite(meta, 1, meta_len, o.f) != meta_len)
		die(path);
	marker(&o, 0xDB, 2 + 1 + 64); /* quantisation table 0, all ones */
	byte(&o, 0);
	for (int i = 0; i < 64; i++)
		byte(&o, 1);
	marker(&o, 0xC2, 2 + 6 + 3); /* progressive frame, one grey component */
	byte(&o, 8);
	u16(&o, SIDE);
	u16(&o, SIDE);
	byte(&o, 1);
	byte(&o, 1);
	byte(&o, 0x11);
	byte(&o, 0);

	/* The DC scan: every difference 0, one bit a block. */
	one_symbol_table(&o, 0x00, 0x00);
	sos(&o, 0, 0, 0, 0);
	for (uint32_t i = 0; i < BLOCKS; i++)
		bits(&o, 0, 1);
	flush_bits(&o);

	/* AC scans, band by band: a first pass at bit MAX_AL, then a
	 * refinement for each lower bit, as a legal progression must. */
	one_symbol_table(&o, 0x10, 0xE0);
	int made = 1;
	for (unsigned band = 1; band <= 63 && made < SCANS; band++) {
		empty_ac_scan(&o, band, 0, MAX_AL);
		made++;
		for (unsigned al = MAX_AL; al > 0 && made < SCANS; al--, made++)
			empty_ac_scan(&o, band, al, al - 1);
	}
	byte(&o, 0xFF);
	byte(&o, 0xD9);
	if (fclose(o.f) != 0)
		die(path);
}

static void zeros_jpeg(void)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/zeros.jpg", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(path);
	static const unsigned char soi[2] = { 0xFF, 0xD8 };
	if (write(fd, soi, sizeof(soi)) != (ssize_t)sizeof(soi))
		die(path);
	if (meta_len && write(fd, meta, meta_len) != (ssize_t)meta_len)
		die(path);
	/* A hole, not written zeros: the file system stores nothing. */
	if (ftruncate(fd, ZEROS_SIZE) < 0)
		die(path);
	if (close(fd) < 0)
		die(path);
}

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: make_preview_hostile DIR [JPEG]\n");
		return 64;
	}
	dir = argv[1];
	if (argc == 3)
		read_metadata(argv[2]);
	scans_jpeg();
	zeros_jpeg();
	return 0;
}
