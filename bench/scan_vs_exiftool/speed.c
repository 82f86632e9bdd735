/* Part 3, the speed: how long scan takes against exiftool and the floors,
 * each checked to have read every photo. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan_vs_exiftool.h"

/* When one exiftool pass takes longer than this, it is timed once, not
 * RUNS times: over 20,000 full-size photos it takes minutes. */
#define EXIFTOOL_ONCE_SECONDS 60.0

/* The tags scan reads, by exiftool's names: exiftool reads the same. */
static const char *const exiftool_tags[] = {
	"-XMP-mwg-rs:RegionName", "-XMP-MP:RegionPersonDisplayName",
	"-XMP-iptcExt:PersonInImage", "-XMP-dc:Subject", "-XMP-lr:HierarchicalSubject",
	"-XMP-digiKam:TagsList", "-XMP-microsoft:LastKeywordXMP", "-IPTC:Keywords",
	"-XPKeywords", "-XMP-iptcExt:Event", "-DateTimeOriginal", "-GPSLatitude",
	"-Caption-Abstract", "-XMP-dc:Description", "-ImageDescription", "-Orientation",
};
#define EXIFTOOL_TAGS (sizeof(exiftool_tags) / sizeof(exiftool_tags[0]))

/* Counts the JSON lines scan printed and their verdicts; checks that it
 * judged every photo. */
static int count_verdicts(const char *path, unsigned expect, unsigned long tally[3])
{
	static const char *const names[3] = { "share", "do-not-share", "review" };
	FILE *f = fopen(path, "r");
	if (!f)
		return bench_fail("%s: %s", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	unsigned long lines = 0;
	int ret = 0;
	while (getline(&line, &cap, f) >= 0) {
		lines++;
		const char *v = strstr(line, "\"verdict\":");
		if (!v)
			continue;
		v += strlen("\"verdict\":");
		v += strspn(v, " ");
		for (int k = 0; k < 3; k++) {
			size_t n = strlen(names[k]);
			if (*v == '"' && !strncmp(v + 1, names[k], n) && v[1 + n] == '"')
				tally[k]++;
		}
	}
	if (ferror(f))
		ret = bench_fail("reading %s: %s", path, strerror(errno));
	free(line);
	if (fclose(f) && ret == 0)
		ret = bench_fail("closing %s: %s", path, strerror(errno));
	if (ret == 0 && (lines != expect || tally[0] + tally[1] + tally[2] != expect))
		ret = bench_fail("scan printed %lu lines with %lu verdicts for %u photos", lines,
		           tally[0] + tally[1] + tally[2], expect);
	return ret;
}

/* Counts the objects exiftool printed; checks that it read every photo. */
static int count_exiftool(const char *path, unsigned expect)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return bench_fail("%s: %s", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	unsigned long objects = 0;
	int ret = 0;
	while (getline(&line, &cap, f) >= 0)
		if (strstr(line, "\"SourceFile\":"))
			objects++;
	if (ferror(f))
		ret = bench_fail("reading %s: %s", path, strerror(errno));
	free(line);
	if (fclose(f) && ret == 0)
		ret = bench_fail("closing %s: %s", path, strerror(errno));
	if (ret == 0 && objects != expect)
		ret = bench_fail("exiftool printed %lu objects for %u photos", objects, expect);
	return ret;
}

/* Part 3: scan, exiftool and the floor over the library, interleaved. */
int measure_speed(struct bench *b)
{
	const char *scan_argv[] = { b->bin, "--db", b->db, "scan", "--purpose", "website",
	                            "--json", b->photos, NULL };
	const char *exif_argv[4 + EXIFTOOL_TAGS + 2] = { "exiftool", "-fast2", "-j", "-r" };
	for (size_t i = 0; i < EXIFTOOL_TAGS; i++)
		exif_argv[4 + i] = exiftool_tags[i];
	exif_argv[4 + EXIFTOOL_TAGS] = b->photos;
	exif_argv[5 + EXIFTOOL_TAGS] = NULL;

	double scan[RUNS], scan_cpu[RUNS], exif[RUNS], exif_cpu[RUNS], floor1[RUNS], floor2[RUNS];
	double parse1[RUNS], parse2[RUNS];
	unsigned long long bytes = 0;
	struct outcome o;
	unsigned long tally[3] = { 0, 0, 0 };
	int scan_status = -1, exif_runs = 0;

	printf("\nspeed: the %u photos, warm page cache (one untimed pass of each first), %d runs "
	       "of each interleaved, medians\n", b->photos_n, RUNS);
	/* One untimed pass of each: the page cache, and a check that each
	 * read every photo. */
	if (b->have_scan) {
		if (run_tool(b, "photoconsent scan", scan_argv, b->out, &o) ||
		    count_verdicts(b->out, b->photos_n, tally))
			return -1;
		scan_status = o.status;
	}
	if (b->have_exiftool) {
		if (run_tool(b, "exiftool", exif_argv, b->out, &o) || count_exiftool(b->out, b->photos_n))
			return -1;
		exif_runs = o.seconds > EXIFTOOL_ONCE_SECONDS ? 1 : RUNS;
	}
	double ignored;
	if (floor_pass(b->photos, 1, 0, b->photos_n, &ignored, &bytes))
		return -1;

	for (int r = 0; r < RUNS; r++) {
		if (b->have_scan) {
			if (run_tool(b, "photoconsent scan", scan_argv, NULL, &o))
				return -1;
			scan[r] = o.seconds;
			scan_cpu[r] = o.cpu;
		}
		if (r < exif_runs) {
			if (run_tool(b, "exiftool", exif_argv, NULL, &o))
				return -1;
			exif[r] = o.seconds;
			exif_cpu[r] = o.cpu;
		}
		if (floor_pass(b->photos, 1, 0, b->photos_n, &floor1[r], &bytes) ||
		    floor_pass(b->photos, 2, 0, b->photos_n, &floor2[r], &bytes) ||
		    floor_pass(b->photos, 1, 1, b->photos_n, &parse1[r], &bytes) ||
		    floor_pass(b->photos, 2, 1, b->photos_n, &parse2[r], &bytes))
			return -1;
	}

	char note[160];
	double s = 0, e = 0, f1 = median(floor1, RUNS), f2 = median(floor2, RUNS);
	printf("  scan:      photoconsent --db DB scan --purpose website --json DIR > /dev/null "
	       "(default --jobs: the %s cores)\n", b->cores);
	if (b->have_exiftool) {
		printf("  exiftool: ");
		for (size_t i = 0; exif_argv[i + 1]; i++)
			printf(" %s", exif_argv[i]);
		printf(" DIR > /dev/null (one core: exiftool is single-threaded)\n");
	}
	printf("  I/O floor: in this benchmark, walk the folders, open each photo, read its markers "
	       "and segments up to SOS (%.1f KB a photo on average), close\n",
	       (double)bytes / 1e3 / b->photos_n);
	printf("  parse floor: the I/O floor, plus expat parsing each photo's XMP and ExtendedXMP "
	       "as scan does (by namespace), with no handler: nothing kept, nothing judged\n");
	print_header();
	if (b->have_scan) {
		s = median(scan, RUNS);
		snprintf(note, sizeof(note), "cpu %.2f s; judged %lu share, %lu do-not-share, "
		         "%lu review; exit %d", median(scan_cpu, RUNS), tally[0], tally[1], tally[2],
		         scan_status);
		print_time("scan", s, b->photos_n, note);
	} else {
		printf("  scan: not available in %s, not measured\n", b->bin);
	}
	if (b->have_exiftool) {
		e = exif_runs == 1 ? exif[0] : median(exif, RUNS);
		if (exif_runs == 1)
			snprintf(note, sizeof(note), "cpu %.2f s; timed once, not %d times: one pass "
			         "takes over %.0f s", exif_cpu[0], RUNS, EXIFTOOL_ONCE_SECONDS);
		else
			snprintf(note, sizeof(note), "cpu %.2f s", median(exif_cpu, RUNS));
		print_time("exiftool -fast2", e, b->photos_n, note);
	} else {
		printf("  exiftool: skipped, not installed (apt-get install libimage-exiftool-perl)\n");
	}
	print_time("I/O floor, 1 thread", f1, b->photos_n, NULL);
	print_time("I/O floor, 2 threads (as scan here)", f2, b->photos_n, NULL);
	double p1 = median(parse1, RUNS), p2 = median(parse2, RUNS);
	print_time("parse floor, 1 thread", p1, b->photos_n, NULL);
	print_time("parse floor, 2 threads", p2, b->photos_n, NULL);

	if (b->have_scan && b->have_exiftool)
		printf("scan is %.1f times faster than exiftool -fast2 (bar: >= %.0f): %s\n", e / s,
		       BAR_VS_EXIFTOOL, met(e / s >= BAR_VS_EXIFTOOL));
	if (b->have_scan) {
		printf("scan takes %.2f times the I/O floor (the single-thread floor; bar: <= %.0f): "
		       "%s\n", s / f1, BAR_VS_FLOOR, met(s / f1 <= BAR_VS_FLOOR));
		printf("  (and %.2f times the 2-thread floor)\n", s / f2);
		printf("the parse floor alone is %.2f times the I/O floor on 1 thread, %.2f on 2: "
		       "the bar is out of reach of any reader that parses XMP with expat here;\n"
		       "  scan takes %.2f times the 2-thread parse floor\n", p1 / f1, p2 / f1,
		       s / p2);
	}
	return 0;
}
