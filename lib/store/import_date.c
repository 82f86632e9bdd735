#include "store/import_date.h"

#include <string.h>

#include "photoconsent/photoconsent.h"

/* Reads 1 to `max` digits at *p into *value, moving *p past them. */
static int digits(const char **p, int max, int *value, int *count)
{
	int v = 0, n = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*value = v;
	*count = n;
	return n > 0;
}

/* "YYYY-MM-DD" from its parts, each already no wider than its field. */
static void put_date(char out[11], int year, int month, int day)
{
	const int parts[3][2] = { { year, 4 }, { month, 2 }, { day, 2 } };
	size_t at = 0;
	for (int i = 0; i < 3; i++) {
		if (i)
			out[at++] = '-';
		int v = parts[i][0];
		for (int k = parts[i][1] - 1; k >= 0; k--) {
			out[at + (size_t)k] = (char)('0' + v % 10);
			v /= 10;
		}
		at += (size_t)parts[i][1];
	}
	out[at] = '\0';
}

enum pc__import_date pc__import_date_read(const char *text, char out[11])
{
	if (pc_date_valid(text)) {
		memcpy(out, text, 11);
		return PC__DATE_OK;
	}
	const char *p = text;
	int day, month, year, n;
	if (!digits(&p, 2, &day, &n))
		return PC__DATE_BAD;
	char sep = *p;
	if (sep != '/' && sep != '.' && sep != '-')
		return PC__DATE_BAD;
	p++;
	if (!digits(&p, 2, &month, &n) || *p != sep)
		return PC__DATE_BAD;
	p++;
	if (!digits(&p, 4, &year, &n) || *p)
		return PC__DATE_BAD;
	if (n == 2)
		return PC__DATE_SHORT_YEAR;
	if (n != 4)
		return PC__DATE_BAD;
	put_date(out, year, month, day);
	if (pc_date_valid(out))
		return PC__DATE_OK;
	/* The other order, only to say why it was refused. */
	char swapped[11];
	put_date(swapped, year, day, month); /* NOLINT(readability-suspicious-call-argument) */
	return pc_date_valid(swapped) ? PC__DATE_MONTH_FIRST : PC__DATE_BAD;
}
