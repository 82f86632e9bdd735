/* Part 4, the memory: whether scan's peak memory stays flat as the
 * library grows tenfold. */

#include <stdio.h>

#include "scan_vs_exiftool.h"

/* Part 4: scan's peak resident memory over N and over 10xN photos, each
 * run in a fresh child. */
int measure_memory(struct bench *b)
{
	const char *scan_n[] = { b->bin, "--db", b->db, "scan", "--purpose", "website", "--json",
	                         b->photos, NULL };
	const char *scan_10n[] = { b->bin, "--db", b->db, "scan", "--purpose", "website",
	                           "--json", b->big, NULL };
	const char *nothing[] = { "true", NULL };
	struct outcome small, large, floor;

	if (spawn(nothing, NULL, NULL, &floor) || run_tool(b, "photoconsent scan", scan_n, NULL, &small) ||
	    run_tool(b, "photoconsent scan", scan_10n, NULL, &large))
		return -1;
	printf("\nmemory: peak resident memory of scan --purpose website --json DIR > /dev/null, "
	       "each run in a fresh child (wait4 ru_maxrss)\n");
	char label[64];
	snprintf(label, sizeof(label), "N = %u photos", b->photos_n);
	printf("  %-32s %8.1f MB   (this run took %.2f s, %.1f us/photo)\n", label,
	       (double)small.maxrss_kb / 1024, small.seconds, small.seconds * 1e6 / b->photos_n);
	snprintf(label, sizeof(label), "10xN = %u photos (links)", b->photos_n * BIG_FACTOR);
	printf("  %-32s %8.1f MB   (this run took %.2f s, %.1f us/photo)\n", label,
	       (double)large.maxrss_kb / 1024, large.seconds,
	       large.seconds * 1e6 / (b->photos_n * BIG_FACTOR));
	printf("  (a child that only runs `true` reports %.1f MB: the floor under both)\n",
	       (double)floor.maxrss_kb / 1024);
	double ratio = (double)large.maxrss_kb / (double)small.maxrss_kb;
	printf("peak memory at 10xN is %.2f times that at N (bar: <= %.1f): %s\n", ratio, BAR_MEMORY,
	       met(ratio <= BAR_MEMORY));
	return 0;
}
