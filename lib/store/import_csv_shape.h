/*
 * import_csv_shape.h: what a spreadsheet saved, found before a row of it
 * is read (the survey): a UTF-8 byte order mark at the very start is
 * dropped; a file without one that is not valid UTF-8 is read as
 * Windows-1252 (Excel's "CSV"); the separator is the header's commonest of
 * comma, semicolon and tab, outside quotes. The size limits the reader and
 * the survey both hold a file to are here, with the survey.
 */
#ifndef PC_IMPORT_CSV_SHAPE_H
#define PC_IMPORT_CSV_SHAPE_H

#include <stddef.h>
#include <stdio.h>

#include "store/import_fault.h"

#define PC__CSV_MAX_FILE ((size_t)64 << 20)
#define PC__CSV_MAX_ROW ((size_t)1 << 20)

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
 * UTF-16 file, each with a fault that says so; or PC_ENOMEM when out of
 * memory. `path` names the file in faults.
 */
int pc__csv_survey(FILE *fp, const char *path, struct pc__csv_shape *shape,
                   struct pc__import_faults *faults);

#endif
