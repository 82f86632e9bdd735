#include "store/import_csv.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"

#define CHUNK ((size_t)64 << 10)

/* ------------------------------------------------------------------------
 * libcsv calls back per field and per row, with no word of where in the
 * input it is. Feeding it one line at a time gives that: whatever it
 * reports during a feed happened on that line, and a row that starts
 * during a feed starts on that line.
 */
struct reader {
	struct csv_parser parser;
	size_t line;          /* of the bytes being fed */
	size_t row_line;      /* where the row being read started */
	int row_open;         /* a row has started and not yet ended */
	int last_cr;          /* the last byte fed was a CR */
	struct pc__buf bytes; /* the row's fields, each followed by a NUL */
	size_t *offs;
	size_t *lens;
	const char **fields;
	size_t count, extra;
	int too_long;         /* the row passed PC__CSV_MAX_ROW */
	int err;              /* out of memory, or what the callback returned */
	struct pc__import_faults *faults;
	pc__csv_row_fn fn;
	void *ctx;
	iconv_t from_cp1252;  /* (iconv_t)-1 unless the file is Windows-1252 */
	struct pc__buf utf8;  /* a line of it, as UTF-8 */
};

static void start_row(struct reader *r)
{
	if (!r->row_open) {
		r->row_open = 1;
		r->row_line = r->line;
	}
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->err)
		return;
	/* feed() has started the row already; this only makes sure. */
	start_row(r);
	if (r->count == PC__CSV_MAX_FIELDS) {
		r->extra++;
		return;
	}
	if (r->too_long)
		return;
	size_t at = r->bytes.len;
	int err = pc__buf_append(&r->bytes, s, len);
	if (!err)
		err = pc__buf_putc(&r->bytes, '\0');
	if (err == PC_ETOOBIG) {
		r->too_long = 1;
		return;
	}
	if (err) {
		r->err = err;
		return;
	}
	r->offs[r->count] = at;
	r->lens[r->count] = len;
	r->count++;
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	(void)c;
	if (r->err)
		return;
	start_row(r);
	if (r->too_long) {
		if (pc__import_fault(r->faults, "line %zu: the row is longer than %zu MiB",
		                     r->row_line, PC__CSV_MAX_ROW >> 20))
			r->err = PC_ENOMEM;
	} else {
		for (size_t i = 0; i < r->count; i++)
			r->fields[i] = r->bytes.data + r->offs[i];
		struct pc__csv_row row = {
			r->row_line, r->count, r->extra, r->fields, r->lens,
		};
		r->err = r->fn(r->ctx, &row);
	}
	r->bytes.len = 0;
	r->count = r->extra = 0;
	r->too_long = 0;
	r->row_open = 0;
}

/* Whether libcsv would start a row on these bytes: it skips spaces, tabs
 * and line ends between rows. */
static int has_content(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return 1;
	return 0;
}

/* The line as UTF-8, in r->utf8. Returns 0, 1 when it holds a byte that
 * Windows-1252 leaves undefined (listed), or an error code. */
static int convert(struct reader *r, const char *p, size_t n)
{
	r->utf8.len = 0;
	/* Windows-1252 takes at most three bytes of UTF-8 a byte (the euro
	 * sign), so the line converts in one call. */
	if (n > SIZE_MAX / 3 || pc__buf_reserve(&r->utf8, 3 * n))
		return PC_ENOMEM;
	char *in = (char *)p, *out = r->utf8.data;
	size_t in_left = n, out_left = 3 * n;
	if (iconv(r->from_cp1252, &in, &in_left, &out, &out_left) == (size_t)-1) {
		if (errno != EILSEQ && errno != EINVAL)
			return PC_ENOMEM;
		if (pc__import_fault(r->faults, "line %zu: byte 0x%02X is a character "
		                     "neither in UTF-8 nor in Windows-1252; save the file as "
		                     "UTF-8 (in Excel: CSV UTF-8)", r->line, (unsigned char)*in))
			return PC_ENOMEM;
		return 1;
	}
	r->utf8.len = (size_t)(out - r->utf8.data);
	r->utf8.data[r->utf8.len] = '\0';
	return 0;
}

/* Feeds `n` bytes, a line at a time. A line ends at LF, CRLF or a bare
 * CR (old Mac exports), counted once each, even when a chunk boundary
 * splits a CRLF. Returns 0, 1 when a quoting fault stopped the reading
 * (listed), or an error code. */
static int feed(struct reader *r, const char *p, size_t n)
{
	while (n) {
		size_t seg = 0;
		while (seg < n && p[seg] != '\n' && p[seg] != '\r')
			seg++;
		int ends = seg < n;
		seg += (size_t)ends;
		const char *text = p;
		size_t text_len = seg;
		if (r->from_cp1252 != (iconv_t)-1) {
			int err = convert(r, p, seg);
			if (err)
				return err;
			text = r->utf8.data;
			text_len = r->utf8.len;
		}
		if (!r->row_open && has_content(text, text_len))
			start_row(r);
		size_t done = csv_parse(&r->parser, text, text_len, on_field, on_row, r);
		if (r->err)
			return r->err;
		if (done != text_len) {
			if (csv_error(&r->parser) != CSV_EPARSE)
				return PC_ENOMEM;
			if (pc__import_fault(r->faults,
			                     "line %zu: a quote mark inside a field, or text after "
			                     "a closing quote (a field that holds quote marks must be "
			                     "in quotes, each quote mark doubled)", r->line))
				return PC_ENOMEM;
			return 1;
		}
		if (seg > (size_t)ends)
			r->last_cr = 0;
		if (ends) {
			char c = p[seg - 1];
			/* The LF of a CRLF was counted with its CR. */
			if (c == '\r' || !r->last_cr)
				r->line++;
			r->last_cr = c == '\r';
		}
		p += seg;
		n -= seg;
	}
	return 0;
}

/* What libcsv trims around an unquoted field: spaces, and tabs unless
 * they separate the fields. */
static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int is_space_not_tab(unsigned char c)
{
	return c == ' ';
}

int pc__csv_read(const char *path, struct pc__import_faults *faults,
                 struct pc__csv_shape *shape, pc__csv_row_fn fn, void *ctx)
{
	int ret = PC_ENOMEM;
	FILE *fp = NULL;
	char *chunk = NULL;
	int parser_ready = 0;
	struct reader r;
	memset(&r, 0, sizeof(r));
	memset(shape, 0, sizeof(*shape));
	shape->delim = ',';
	pc__buf_init(&r.bytes, PC__CSV_MAX_ROW);
	pc__buf_init(&r.utf8, 0);
	r.line = 1;
	r.faults = faults;
	r.fn = fn;
	r.ctx = ctx;
	r.from_cp1252 = (iconv_t)-1;

	fp = fopen(path, "rb");
	if (!fp) {
		ret = PC_EOPEN;
		if (pc__import_fault(faults, "cannot open '%s': %s", path, strerror(errno)))
			ret = PC_ENOMEM;
		goto done;
	}
	/* Refuse a huge file before reading any of it; the count below also
	 * catches one that grows. */
	struct stat st;
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > PC__CSV_MAX_FILE) {
		ret = PC_ETOOBIG;
		goto too_big;
	}
	ret = pc__csv_survey(fp, path, shape, faults);
	if (ret == PC_EFORMAT)
		ret = 0;
	if (ret || pc__import_fault_total(faults))
		goto done;
	/* The survey read it once; the rows need it again from the start. */
	ret = PC_EOPEN;
	if (fseek(fp, 0, SEEK_SET)) {
		if (!pc__import_fault(faults, "cannot read '%s' twice (%s); give the path "
		                      "of a file, not of a pipe", path, strerror(errno)))
			goto done;
		ret = PC_ENOMEM;
		goto done;
	}
	ret = PC_ENOMEM;
	if (shape->encoding == PC__CSV_CP1252) {
		r.from_cp1252 = iconv_open("UTF-8", "WINDOWS-1252");
		if (r.from_cp1252 == (iconv_t)-1) {
			ret = PC_EOPEN;
			if (pc__import_fault(faults, "line %zu: the file is not UTF-8, and this "
			                     "system cannot read it as Windows-1252 (%s); save it "
			                     "as UTF-8 (in Excel: CSV UTF-8)",
			                     shape->first_foreign_line, strerror(errno)))
				ret = PC_ENOMEM;
			goto done;
		}
	}

	chunk = malloc(CHUNK);
	r.offs = malloc(PC__CSV_MAX_FIELDS * sizeof(*r.offs));
	r.lens = malloc(PC__CSV_MAX_FIELDS * sizeof(*r.lens));
	r.fields = malloc(PC__CSV_MAX_FIELDS * sizeof(*r.fields));
	if (!chunk || !r.offs || !r.lens || !r.fields)
		goto done;
	/* Strict: a stray quote is a fault, not a guess. Strict fini: a file
	 * that ends inside quotes was cut short. */
	if (csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI))
		goto done;
	parser_ready = 1;
	csv_set_delim(&r.parser, (unsigned char)shape->delim);
	csv_set_space_func(&r.parser, shape->delim == '\t' ? is_space_not_tab : is_space);

	size_t total = 0;
	int first = 1;
	for (;;) {
		size_t n = fread(chunk, 1, CHUNK, fp);
		if (n == 0) {
			if (ferror(fp)) {
				ret = PC_EOPEN;
				if (pc__import_fault(faults, "cannot read '%s': %s", path,
				                     strerror(errno ? errno : EIO)))
					ret = PC_ENOMEM;
				goto done;
			}
			break;
		}
		total += n;
		if (total > PC__CSV_MAX_FILE) {
			ret = PC_ETOOBIG;
			goto too_big;
		}
		const char *p = chunk;
		if (first && shape->encoding == PC__CSV_UTF8_BOM) {
			p += 3;
			n -= 3;
		}
		first = 0;
		int err = feed(&r, p, n);
		if (err == 1) {
			ret = 0;
			goto done;
		}
		if (err) {
			ret = err;
			goto done;
		}
	}
	if (csv_fini(&r.parser, on_field, on_row, &r)) {
		if (csv_error(&r.parser) == CSV_ENOMEM)
			goto done;
		if (pc__import_fault(faults, "line %zu: the file ends inside a quoted field",
		                     r.row_line))
			goto done;
	}
	ret = r.err;
	goto done;

too_big:
	if (pc__import_fault(faults, "the file is larger than %zu MiB, far more than any "
	                     "school's MIS export", PC__CSV_MAX_FILE >> 20))
		ret = PC_ENOMEM;
done:
	if (parser_ready)
		csv_free(&r.parser);
	if (r.from_cp1252 != (iconv_t)-1)
		iconv_close(r.from_cp1252);
	free(r.fields);
	free(r.lens);
	free(r.offs);
	pc__buf_release(&r.utf8);
	pc__buf_release(&r.bytes);
	free(chunk);
	if (fp)
		fclose(fp);
	return ret;
}
