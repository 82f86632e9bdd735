/* Medians, and the lines that print a figure against its bar. */

#include <stdio.h>
#include <stdlib.h>

#include "scan_vs_exiftool.h"

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

const char *met(int ok)
{
	return ok ? "met" : "NOT MET";
}

void print_header(void)
{
	printf("  %-36s %11s %12s\n", "", "median", "per photo");
}

void print_time(const char *what, double seconds, unsigned photos, const char *note)
{
	printf("  %-36s %9.3f s %9.1f us%s%s\n", what, seconds, seconds * 1e6 / photos,
	       note && *note ? "   " : "", note ? note : "");
}
