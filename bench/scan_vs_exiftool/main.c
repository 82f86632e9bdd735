/*
 * scan_vs_exiftool: how fast `photoconsent scan` judges a school's photo
 * library, against exiftool reading the same tags and against the I/O
 * floor (opening each photo and reading its marker segments up to SOS,
 * all that the scanner has to read); whether its peak memory stays flat
 * as the library grows tenfold; and what the previews of its HTML contact
 * sheet cost against a plain libjpeg 1/8-scale decode.
 *
 * Makes, in a temporary folder (under $TMPDIR, else /tmp; removed at the
 * end, also on failure or interrupt), a library of N photos (default
 * 20,000): DISTINCT (default 200) full-size 12-megapixel JPEGs (4000x3000,
 * quality 90, gradients plus noise, a few MB each), each carrying the
 * metadata segments of one of the JPEGs in samples/ (in turn), hard-linked
 * over and over into event folders of 500 photos; then 10xN links for the
 * memory figure and a folder of the first 1,000 for the previews. Every
 * figure is of the same files in the same run, with a warm page cache
 * (one untimed pass of each tool first), 3 runs each interleaved, medians.
 *
 * Usage: scan_vs_exiftool [N [DISTINCT]]      (e.g. 500 50 for a quick run)
 * Run from the project's root folder (`make bench` does). Uses
 * $PHOTOCONSENT_BIN if set, else the photoconsent built beside this
 * benchmark (BUILD/bench/.. -> BUILD/photoconsent), else build/photoconsent;
 * and a demo database made with build-aux/demo-db.sh. The exiftool figures
 * are skipped, saying so, when exiftool is not installed.
 *
 * Beside the I/O floor it times a parse floor: the same reading, plus
 * expat (the XML parser the project reads XMP with) parsing each photo's
 * XMP and ExtendedXMP with no handler, the least any reader that parses
 * XMP can spend.
 *
 * Prints the figures against their bars; exits non-zero only when
 * something fails (a bar missed is a figure, not a failure).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan_vs_exiftool.h"

volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static int parse_count(const char *s, unsigned *out, const char *what)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v == 0 || v > MAX_PHOTOS) {
		fprintf(stderr, ME ": %s must be a whole number from 1 to %u, not '%s'\n", what,
		        MAX_PHOTOS, s);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

static int catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	/* No SA_RESTART: a wait for a child must wake up and stop it. */
	if (sigemptyset(&sa.sa_mask) || sigaction(SIGINT, &sa, NULL) ||
	    sigaction(SIGTERM, &sa, NULL) || sigaction(SIGHUP, &sa, NULL))
		return bench_fail("sigaction: %s", strerror(errno));
	return 0;
}

int main(int argc, char **argv)
{
	static struct bench bench;
	struct bench *b = &bench;
	int ret = 1;
	double start = now_seconds();

	if (argc > 3 || (argc > 1 && argv[1][0] == '-')) {
		int help = argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
		fprintf(help ? stdout : stderr, "usage: %s [N [DISTINCT]]   (default %u %u)\n", ME,
		        DEFAULT_PHOTOS, DEFAULT_DISTINCT);
		return help ? 0 : 64;
	}
	b->photos_n = DEFAULT_PHOTOS;
	b->distinct = DEFAULT_DISTINCT;
	if ((argc > 1 && parse_count(argv[1], &b->photos_n, "N")) ||
	    (argc > 2 && parse_count(argv[2], &b->distinct, "DISTINCT")))
		return 64;
	if (b->distinct > b->photos_n)
		b->distinct = b->photos_n;
	b->preview_n = b->photos_n < PREVIEW_PHOTOS ? b->photos_n : PREVIEW_PHOTOS;
	/* Flush each line: the figures come minutes apart. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (catch_signals())
		return 1;

	find_binary(b->bin, sizeof(b->bin), argv[0]);
	/* BUILD/bench/../photoconsent reads better as BUILD/photoconsent. */
	char real[PATH_MAX];
	if (realpath(b->bin, real))
		memcpy(b->bin, real, sizeof(real));
	if (access(b->bin, X_OK) || access("build-aux/demo-db.sh", R_OK)) {
		fprintf(stderr, ME ": run from the project's root after 'make': '%s' or "
		        "'build-aux/demo-db.sh' is missing\n", b->bin);
		return 1;
	}
	const char *scan_help[] = { b->bin, "scan", "--help", NULL };
	struct outcome o;
	if (spawn(scan_help, NULL, "/dev/null", &o))
		return 1;
	b->have_scan = o.status == 0;
	b->have_exiftool = on_path("exiftool");
	print_machine(b);
	if (!b->have_scan)
		printf("photoconsent scan is not available in %s (`scan --help` exited %d): "
		       "measuring the baselines only\n", b->bin, o.status);

	if (make_library(b))
		goto done;
	/* The audit log names who ran the commands. */
	if (setenv("PHOTOCONSENT_USER", "bench", 1)) {
		bench_fail("setenv: %s", strerror(errno));
		goto done;
	}
	const char *make_db[] = { "sh", "build-aux/demo-db.sh", b->bin, b->db, NULL };
	if (spawn(make_db, NULL, NULL, &o))
		goto done;
	if (o.status != 0) {
		bench_fail("could not make the demo database (build-aux/demo-db.sh exited %d)", o.status);
		goto done;
	}
	printf("database: the demo database (build-aux/demo-db.sh)\n");

	if (measure_speed(b) || (b->have_scan && measure_memory(b)) || measure_previews(b))
		goto done;
	ret = b->have_scan ? 0 : 1;
	if (!b->have_scan)
		fprintf(stderr, ME ": photoconsent scan is missing: only the baselines were measured\n");
done:
	if (interrupted)
		fprintf(stderr, ME ": interrupted\n");
	free(b->sizes);
	if (b->tmp[0] && remove_tree(AT_FDCWD, b->tmp))
		ret = 1;
	char load[64];
	load_average(load, sizeof(load));
	printf("whole benchmark: %.0f s (load average at the end %s)\n", now_seconds() - start, load);
	return ret;
}
