/*
 * csv_table: reads CSV on standard input with libcsv (the library the
 * import reads with) and prints it as a table a test can grep: one line
 * per row, fields separated by a tab, with a tab, a line end or a
 * backslash inside a field written \t, \n, \\. Fails (exit 1, saying
 * where) when the input is not well-formed CSV or when a row has not as
 * many fields as the header row: a file a spreadsheet would open askew.
 * A UTF-8 byte order mark at the start is dropped, as a spreadsheet
 * drops it.
 * Usage: csv_table < FILE.csv
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

struct table {
	size_t fields;  /* in the row being read */
	size_t columns; /* in the header row */
	size_t rows;
	int bad;
};

static void on_field(void *data, size_t len, void *ctx)
{
	struct table *t = ctx;
	const unsigned char *s = data;
	if (t->fields++)
		putchar('\t');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\t')
			fputs("\\t", stdout);
		else if (s[i] == '\n')
			fputs("\\n", stdout);
		else if (s[i] == '\\')
			fputs("\\\\", stdout);
		else
			putchar(s[i]);
	}
}

static void on_row(int end, void *ctx)
{
	struct table *t = ctx;
	(void)end;
	putchar('\n');
	if (t->rows++ == 0)
		t->columns = t->fields;
	else if (t->fields != t->columns) {
		fprintf(stderr, "csv_table: row %zu has %zu fields, the header %zu\n", t->rows,
		        t->fields, t->columns);
		t->bad = 1;
	}
	t->fields = 0;
}

int main(void)
{
	struct csv_parser p;
	struct table t = { 0, 0, 0, 0 };
	char buf[65536];
	size_t n;
	int first = 1;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return 2;
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		const char *at = buf;
		if (first && n >= 3 && (unsigned char)buf[0] == 0xEF &&
		    (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF) {
			at += 3;
			n -= 3;
		}
		first = 0;
		if (csv_parse(&p, at, n, on_field, on_row, &t) != n) {
			fprintf(stderr, "csv_table: %s\n", csv_strerror(csv_error(&p)));
			csv_free(&p);
			return 1;
		}
	}
	if (csv_fini(&p, on_field, on_row, &t) != 0) {
		fprintf(stderr, "csv_table: %s\n", csv_strerror(csv_error(&p)));
		csv_free(&p);
		return 1;
	}
	csv_free(&p);
	if (t.rows == 0) {
		fputs("csv_table: no rows\n", stderr);
		return 1;
	}
	return t.bad;
}
