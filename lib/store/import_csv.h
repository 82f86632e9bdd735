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
 * - The file is surveyed once before its rows are read (import_csv_shape.h),
 *   and a file the survey found not UTF-8 is converted from Windows-1252 by
 *   iconv, so that every field handed on is UTF-8 unless the file said it
 *   was UTF-8 and was not.
 * - CRLF, LF and CR all end a row. Fields come as the bytes between the
 *   separators, with quotes removed and spaces around unquoted fields
 *   trimmed; checking them (UTF-8, controls) is the caller's job.
 * - Faults (import_fault.h) name their line. A fault in the quoting stops the reading,
 *   since nothing after it can be trusted to split where the author meant.
 */
#ifndef PC_IMPORT_CSV_H
#define PC_IMPORT_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "store/import_csv_shape.h"
#include "store/import_fault.h"

#define PC__CSV_MAX_FIELDS 1024

/* One row as read. fields[i] holds lens[i] bytes and a NUL after them
 * (a field may hold a NUL of its own: compare lens[i] with strlen). */
struct pc__csv_row {
	size_t line;
	size_t count;                /* fields given */
	size_t extra;                /* fields past PC__CSV_MAX_FIELDS, dropped */
	const char *const *fields;
	const size_t *lens;
};

/* Called once per row, in file order; the row lives until it returns.
 * Returns 0 to go on, or an error code (PC_ENOMEM) to stop the reading. */
typedef int (*pc__csv_row_fn)(void *ctx, const struct pc__csv_row *row);

/*
 * Reads the CSV file at `path`, calling `fn` for each row, and sets
 * *shape to what it found. Faults in the file's shape (quoting, size of a
 * row, a byte that is neither UTF-8 nor Windows-1252) go into `faults`
 * and the call still returns 0. Returns PC_EOPEN when the file cannot be opened or
 * read and PC_ETOOBIG when it is larger than PC__CSV_MAX_FILE, each with
 * a fault that says so; PC_ENOMEM when out of memory; or what `fn` returned.
 */
int pc__csv_read(const char *path, struct pc__import_faults *faults,
                 struct pc__csv_shape *shape, pc__csv_row_fn fn, void *ctx);

#endif
