#include "store/import_csv_shape.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "photoconsent/photoconsent.h"

/* ------------------------------------------------------------------------
 * What a spreadsheet saved, found before a row is read: the text's
 * encoding, which needs the whole file (one byte that is not UTF-8 on the
 * last line decides it), and the separator, which the header decides.
 */

#define CHUNK ((size_t)64 << 10)

struct survey {
	struct pc__csv_shape *shape;
	/* UTF-8 */
	unsigned char carry[4];   /* a character cut by the end of a chunk */
	size_t carry_len;
	int decided;              /* a BOM, or a byte that is not UTF-8, was met */
	/* lines, counted as the reader counts them */
	size_t line;
	int last_cr;
	/* the header */
	int header_started, header_done, in_quotes;
	size_t header_bytes;
	size_t commas, semicolons, tabs;
};

/* Bytes a character takes by its first byte; 0 for one that cannot start
 * one (a continuation byte, or a lead byte UTF-8 never uses). */
static size_t utf8_length(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Checks `n` bytes as UTF-8, carrying a character the chunk cuts into the
 * next call. Returns the offset of the first byte that cannot be UTF-8
 * (0 for one the last chunk began), or `n` when there is none. */
static size_t check_utf8(struct survey *s, const unsigned char *p, size_t n)
{
	size_t i = 0;
	/* Finish the character the last chunk cut. */
	while (s->carry_len && i < n) {
		size_t need = utf8_length(s->carry[0]);
		s->carry[s->carry_len++] = p[i++];
		if (s->carry_len < need)
			continue;
		utf8proc_int32_t cp;
		if (utf8proc_iterate(s->carry, (utf8proc_ssize_t)need, &cp) < 0)
			return 0;
		s->carry_len = 0;
	}
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t need = utf8_length(p[i]);
		if (need && i + need > n) {
			/* Cut by the chunk's end: judged with the next one, unless
			 * what there is already cannot be UTF-8. */
			int fine = 1;
			for (size_t k = i + 1; k < n; k++)
				fine &= (p[k] & 0xC0) == 0x80;
			if (fine) {
				memcpy(s->carry, p + i, n - i);
				s->carry_len = n - i;
				return n;
			}
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t got = need && i + need <= n
			? utf8proc_iterate(p + i, (utf8proc_ssize_t)need, &cp) : -1;
		if (got < 0)
			return i;
		i += (size_t)got;
	}
	return n;
}

/* The header row: the first line with content, to its first line end
 * outside quotes. Its separators are counted outside quotes too, so that
 * a column named "a;b" in quotes does not decide. */
static void read_header(struct survey *s, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n && !s->header_done; i++) {
		unsigned char c = p[i];
		if (!s->header_started) {
			if (c == ' ' || c == '\r' || c == '\n')
				continue;
			s->header_started = 1;
		}
		if (++s->header_bytes > PC__CSV_MAX_ROW) {
			s->header_done = 1;
			break;
		}
		if (c == '"')
			s->in_quotes = !s->in_quotes;
		else if (s->in_quotes)
			continue;
		else if (c == '\r' || c == '\n')
			s->header_done = 1;
		else if (c == ',')
			s->commas++;
		else if (c == ';')
			s->semicolons++;
		else if (c == '\t')
			s->tabs++;
	}
}

/* Counts the line ends in the first `n` bytes of the chunk, as the
 * reader counts them (a CRLF once, even split between two chunks). */
static void count_lines(struct survey *s, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\r' || (p[i] == '\n' && !s->last_cr))
			s->line++;
		s->last_cr = p[i] == '\r';
	}
}

int pc__csv_survey(FILE *fp, const char *path, struct pc__csv_shape *shape,
                   struct pc__import_faults *faults)
{
	int ret = PC_ENOMEM;
	struct survey s;
	memset(&s, 0, sizeof(s));
	memset(shape, 0, sizeof(*shape));
	shape->encoding = PC__CSV_UTF8;
	shape->delim = ',';
	s.shape = shape;
	s.line = 1;

	unsigned char *chunk = malloc(CHUNK);
	if (!chunk)
		goto done;
	size_t total = 0;
	int first = 1;
	while (!(s.header_done && s.decided)) {
		size_t n = fread(chunk, 1, CHUNK, fp);
		if (n == 0) {
			if (ferror(fp)) {
				ret = pc__import_fault(faults, "cannot read '%s': %s", path,
				                       strerror(errno ? errno : EIO))
					? PC_ENOMEM : PC_EOPEN;
				goto done;
			}
			break;
		}
		total += n;
		if (total > PC__CSV_MAX_FILE) {
			ret = pc__import_fault(faults, "the file is larger than %zu MiB, far "
			                       "more than any school's MIS export",
			                       PC__CSV_MAX_FILE >> 20) ? PC_ENOMEM : PC_ETOOBIG;
			goto done;
		}
		const unsigned char *p = chunk;
		if (first) {
			first = 0;
			/* Excel's "Unicode Text", and some MIS exports: every other
			 * byte a NUL, which would otherwise be faulted cell by cell. */
			if (n >= 2 && (!memcmp(p, "\xFF\xFE", 2) || !memcmp(p, "\xFE\xFF", 2))) {
				ret = pc__import_fault(faults, "line 1: the file is UTF-16; save it "
				                       "as UTF-8 (in Excel: CSV UTF-8)")
					? PC_ENOMEM : PC_EFORMAT;
				goto done;
			}
			/* fread fills the chunk unless the file ends, so a byte
			 * order mark is whole in the first one. A file that says it
			 * is UTF-8 is read as UTF-8: a byte that is not is a fault
			 * of its cell, not a sign of another encoding. */
			if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
				shape->encoding = PC__CSV_UTF8_BOM;
				s.decided = 1;
				p += 3;
				n -= 3;
			}
		}
		read_header(&s, p, n);
		if (s.decided)
			continue;
		/* Lines are counted only until the encoding is known: they
		 * serve to say where the first foreign byte is. */
		size_t bad = check_utf8(&s, p, n);
		count_lines(&s, p, bad < n ? bad : n);
		if (bad < n) {
			s.decided = 1;
			shape->encoding = PC__CSV_CP1252;
			shape->first_foreign_line = s.line;
		}
	}
	/* A file that ends inside a character is not UTF-8 either. */
	if (!s.decided && s.carry_len) {
		shape->encoding = PC__CSV_CP1252;
		shape->first_foreign_line = s.line;
	}
	/* The most common of the three; a comma when none is (a file of one
	 * column) or when they tie. */
	if (s.semicolons > s.commas && s.semicolons >= s.tabs)
		shape->delim = ';';
	else if (s.tabs > s.commas && s.tabs > s.semicolons)
		shape->delim = '\t';
	ret = 0;
done:
	free(chunk);
	return ret;
}
