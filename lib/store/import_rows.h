/*
 * import_rows.h: the MIS export read and checked, before the database is
 * touched.
 *
 * Invariants:
 * - When `faults` is empty, every row is fit to write: it has a pupil id
 *   (unique in the file), a forename and a surname; every text is valid
 *   UTF-8 with runs of white space (line ends in quoted fields included)
 *   made one space and none at either end; every date is a real
 *   "YYYY-MM-DD" (whichever way the file spelled it); an expiry is not before its signing date; every value
 *   under a flag or purpose column was a yes or a no spelling, or empty.
 * - When `faults` is not empty, the rows are only what could be read and
 *   must not be written.
 * - Everything the file points to is its own and lives until
 *   pc__import_file_release().
 */
#ifndef PC_IMPORT_ROWS_H
#define PC_IMPORT_ROWS_H

#include <stddef.h>

#include "store/import_csv.h"
#include "base/strindex.h"
#include "photoconsent/photoconsent.h"

/* The columns that are not purposes, as the header names them. */
enum pc__import_col {
	PC__COL_PUPIL_ID,
	PC__COL_FORENAME,
	PC__COL_SURNAME,
	PC__COL_PREFERRED_NAME,
	PC__COL_CLASS,
	PC__COL_ALIASES,
	PC__COL_NO_PHOTO,
	PC__COL_NO_NAME,
	PC__COL_LEFT_ON,
	PC__COL_SIGNED_ON,
	PC__COL_EXPIRES_ON,
	PC__COL_COUNT
};

struct pc__import_row {
	size_t line;                 /* where the row starts in the file */
	const char *id;
	const char *forename;
	const char *surname;
	const char *preferred_name;  /* NULL when empty (or no such column) */
	const char *class_name;      /* NULL when empty (or no such column) */
	const char *left_on;         /* NULL when empty (or no such column) */
	const char *const *aliases;  /* each whole, none twice (folded) */
	size_t alias_count;
	int no_photo, no_name;       /* 0 or 1; 0 when empty */
	const char *signed_on;       /* NULL when empty */
	const char *expires_on;      /* NULL when empty */
	/* One per purpose column: 0 (empty: record nothing),
	 * PC_DECISION_GRANTED or PC_DECISION_REFUSED. */
	const unsigned char *decisions;
};

struct pc__import_file {
	int has[PC__COL_COUNT];        /* which columns the header names */
	const char *const *purposes;   /* the purpose columns, in file order */
	size_t purpose_count;
	struct pc__import_row *rows;   /* in file order */
	size_t row_count;
	struct pc__strindex ids;       /* pupil id, ASCII lower case -> index into rows */
	struct pc__import_faults faults;
	struct pc__csv_shape shape;    /* its encoding and separator */
	void *priv;                    /* the storage behind the strings */
};

/*
 * Reads and checks the CSV file at `path` against the database's
 * `purposes` (one column may name each; an always-denied one may not).
 * Returns 0 whether or not the file has faults (see file->faults),
 * PC_EOPEN or PC_ETOOBIG (with a fault saying so), or PC_ENOMEM when out
 * of memory. Release the file in any case.
 */
int pc__import_file_read(struct pc__import_file *file, const char *path,
                         const struct pc_purpose_list *purposes);
void pc__import_file_release(struct pc__import_file *file);

/* The column's name as the header spells it ("pupil_id", ...). */
const char *pc__import_col_name(enum pc__import_col col);

#endif
