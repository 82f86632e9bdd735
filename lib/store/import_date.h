/*
 * import_date.h: a date as a spreadsheet saves it, read the way a school
 * in the UK writes it.
 *
 * Excel shows and saves dates in the reader's locale, so a column the MIS
 * exported as 2026-09-07 comes back from a re-save as 07/09/2026. Day
 * first is the only order read: a date that could be month first
 * (03/04/2026) is the 3rd of April, and one that can only be month first
 * (09/13/2026) is refused, so that no consent is ever dated a month away
 * from the day it was signed.
 */
#ifndef PC_IMPORT_DATE_H
#define PC_IMPORT_DATE_H

#include <stddef.h>

enum pc__import_date {
	PC__DATE_OK = 0,        /* `out` holds the date as "YYYY-MM-DD" */
	PC__DATE_BAD = 1,       /* not a date in either spelling */
	PC__DATE_MONTH_FIRST = 2, /* day/month/year cannot be it; month first could */
	PC__DATE_SHORT_YEAR = 3 /* DD/MM/YY: the century is not guessed */
};

/* Reads `text` as YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY (also with '.' or
 * '-' between day, month and year, as other locales save them). */
enum pc__import_date pc__import_date_read(const char *text, char out[11]);

#endif
