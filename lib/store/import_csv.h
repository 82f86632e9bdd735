/*
 * import_csv.h: reading a CSV file row by row, with line numbers, for the
 * MIS import.
 *
 * Invariants:
 * - The file is read in chunks and never held whole; it is refused past
 *   PC__CSV_MAX_FILE bytes, and a row past PC__CSV_MAX_ROW bytes or
 *   PC__CSV_MAX_FIELDS fields is a fault, so a hostile file costs bounded
 *   memory.
 * - A row's line is the line it starts on, counting from 1: a quoted field
 *   that holds line ends moves the rows after it down, as an editor shows
 *   them. Blank lines are skipped, not rows.
 * - The file is surveyed once before its rows are read (pc__csv_survey):
 *   a UTF-8 byte order mark at the very start is dropped; a file without
 *   one that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV"),
 *   converted by iconv, so that every field handed on is UTF-8 unless the
 *   file said it was UTF-8 and was not. The separator is the header's
 *   commonest of comma, semicolon and tab, outside quotes.
 * - CRLF, LF and CR all end a row. Fields come as the bytes between the
 *   separators, with quotes removed and spaces around unquoted fields
 *   trimmed; checking them (UTF-8, controls) is the caller's job.
 * - Faults are listed, up to PC__IMPORT_MAX_FAULTS, each naming its line;
 *   the rest are only counted. A fault in the quoting stops the reading,
 *   since nothing after it can be trusted to split where the author meant.
 */
#ifndef PC_IMPORT_CSV_H
#define PC_IMPORT_CSV_H

#include <stddef.h>
#include <stdio.h>

#define PC__CSV_MAX_FILE ((size_t)64 << 20)
#define PC__CSV_MAX_ROW ((size_t)1 << 20)
#define PC__CSV_MAX_FIELDS 1024
#define PC__IMPORT_MAX_FAULTS 50

/* Why a file is refused: the first PC__IMPORT_MAX_FAULTS messages, and
 * how many more there were. A zeroed struct is empty. */
struct pc__import_faults {
	char *items[PC__IMPORT_MAX_FAULTS];
	size_t count;
	size_t more;
};

/* Adds a fault (printf-style). 0, or PC_ERROR when out of memory. */
int pc__import_fault(struct pc__import_faults *faults, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline size_t pc__import_fault_total(const struct pc__import_faults *faults)
{
	return faults->count + faults->more;
}
void pc__import_faults_release(struct pc__import_faults *faults);

/* One row as read. fields[i] holds lens[i] bytes and a NUL after them
 * (a field may hold a NUL of its own: compare lens[i] with strlen). */
struct pc__csv_row {
	size_t line;
	size_t count;                /* fields given */
	size_t extra;                /* fields past PC__CSV_MAX_FIELDS, dropped */
	const char *const *fields;
	const size_t *lens;
};

/* The text a file holds, as found before its rows are read. */
enum pc__csv_encoding {
	PC__CSV_UTF8 = 0,     /* valid UTF-8 (ASCII is too), no byte order mark */
	PC__CSV_UTF8_BOM = 1, /* a UTF-8 byte order mark: read as UTF-8 */
	PC__CSV_CP1252 = 2    /* not UTF-8, no mark: read as Windows-1252 */
};

struct pc__csv_shape {
	enum pc__csv_encoding encoding;
	size_t first_foreign_line; /* Windows-1252: the first line not UTF-8 */
	char delim;                /* ',', ';' or '\t' */
};

/*
 * Reads `fp` from where it is to its end (or to where both the encoding
 * and the header are known) and fills `shape`. Returns 0; PC_EOPEN when
 * it cannot be read, PC_ETOOBIG past PC__CSV_MAX_FILE, PC_EFORMAT for a
 * UTF-16 file, each with a fault that says so; or PC_ERROR when out of
 * memory. `path` names the file in faults.
 */
int pc__csv_survey(FILE *fp, const char *path, struct pc__csv_shape *shape,
                   struct pc__import_faults *faults);

/* Called once per row, in file order; the row lives until it returns.
 * Returns 0 to go on, or an error code (PC_ERROR) to stop the reading. */
typedef int (*pc__csv_row_fn)(void *ctx, const struct pc__csv_row *row);

/*
 * Reads the CSV file at `path`, calling `fn` for each row, and sets
 * *shape to what it found. Faults in the file's shape (quoting, size of a
 * row, a byte that is neither UTF-8 nor Windows-1252) go into `faults`
 * and the call still returns 0. Returns PC_EOPEN when the file cannot be opened or
 * read and PC_ETOOBIG when it is larger than PC__CSV_MAX_FILE, each with
 * a fault that says so; PC_ERROR when out of memory; or what `fn` returned.
 */
int pc__csv_read(const char *path, struct pc__import_faults *faults,
                 struct pc__csv_shape *shape, pc__csv_row_fn fn, void *ctx);

#endif
