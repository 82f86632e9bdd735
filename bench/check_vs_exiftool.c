/*
 * check_vs_exiftool: how long one `photoconsent check` of one photo takes,
 * from process start to exit (reading the photo, opening the database,
 * judging, writing the audit log, printing), against exiftool reading the
 * same photo's metadata (`exiftool -j FILE`), the tool a school would
 * otherwise reach for. Both are timed in the same run, interleaved, each
 * RUNS times after one warm-up run, and the medians compared.
 *
 * Takes no arguments; run from the project's root folder (`make bench`
 * does). Uses the photoconsent built beside this benchmark (BUILD/bench/..
 * -> BUILD/photoconsent, else build/photoconsent) and a demo database it
 * makes in a temporary folder with build-aux/demo-db.sh. Skips, saying so,
 * when exiftool is not installed.
 *
 * Prints the figures; exits non-zero only when something fails.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS 20
#define PHOTO "samples/sports-day-digikam.jpg"

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Runs argv with its output thrown away; its exit status, or -1. */
static int run(const char *const argv[], int quiet)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			if (quiet)
				dup2(null, STDERR_FILENO);
		}
		/* execvp never changes the strings; its prototype predates const. */
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* Times one run; a run that does not exit as `want` ends the benchmark. */
static int timed(double *ms, const char *const argv[], int want)
{
	double start = now_ms();
	int status = run(argv, 1);
	*ms = now_ms() - start;
	if (status != want) {
		fprintf(stderr, "check_vs_exiftool: '%s' exited %d, expected %d\n", argv[0], status, want);
		return -1;
	}
	return 0;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Whether `name` is an executable on $PATH. */
static int on_path(const char *name)
{
	const char *path = getenv("PATH");
	char dir[4096];
	while (path && *path) {
		size_t len = strcspn(path, ":");
		snprintf(dir, sizeof dir, "%.*s/%s", (int)len, len ? path : ".", name);
		if (access(dir, X_OK) == 0)
			return 1;
		path += len + (path[len] == ':');
	}
	return 0;
}

/* The photoconsent beside this benchmark: BUILD/bench/x -> BUILD/photoconsent. */
static void find_binary(char *out, size_t size, const char *self)
{
	const char *slash = strrchr(self, '/');
	if (slash) {
		int len = (int)(slash - self);
		snprintf(out, size, "%.*s/../photoconsent", len, self);
		if (access(out, X_OK) == 0)
			return;
	}
	snprintf(out, size, "build/photoconsent");
}

int main(int argc, char **argv)
{
	char bin[4096], dir[] = "/tmp/photoconsent-bench.XXXXXX", db[4200];
	double check[RUNS], nolog[RUNS], exif[RUNS];
	int ret = 1;
	(void)argc;

	if (!on_path("exiftool")) {
		printf("skipped: exiftool is not installed (apt-get install libimage-exiftool-perl)\n");
		return 0;
	}
	find_binary(bin, sizeof bin, argv[0]);
	if (access(bin, X_OK) || access(PHOTO, R_OK)) {
		fprintf(stderr, "check_vs_exiftool: run from the project's root after 'make': "
		        "'%s' or '%s' is missing\n", bin, PHOTO);
		return 1;
	}
	if (!mkdtemp(dir)) {
		perror("check_vs_exiftool: mkdtemp");
		return 1;
	}
	snprintf(db, sizeof db, "%s/demo.db", dir);
	setenv("PHOTOCONSENT_USER", "bench", 1);

	const char *make_db[] = { "sh", "build-aux/demo-db.sh", bin, db, NULL };
	/* sports-day-digikam: Oliver Smith refused the website, so 1. */
	const char *check_argv[] = { bin, "--db", db, "check", PHOTO, NULL };
	const char *nolog_argv[] = { bin, "--db", db, "check", "--no-log", PHOTO, NULL };
	const char *exif_argv[] = { "exiftool", "-j", PHOTO, NULL };
	if (run(make_db, 0) != 0) {
		fprintf(stderr, "check_vs_exiftool: could not make the demo database\n");
		goto done;
	}
	/* Warm up the page cache for both, then interleave the runs. */
	double ignored;
	if (timed(&ignored, check_argv, 1) || timed(&ignored, nolog_argv, 1) ||
	    timed(&ignored, exif_argv, 0))
		goto done;
	for (int i = 0; i < RUNS; i++)
		if (timed(&check[i], check_argv, 1) || timed(&nolog[i], nolog_argv, 1) ||
		    timed(&exif[i], exif_argv, 0))
			goto done;

	double c = median(check, RUNS), n = median(nolog, RUNS), e = median(exif, RUNS);
	printf("one photo (%s), %d runs each, medians, process start to exit:\n", PHOTO, RUNS);
	printf("  photoconsent check (database open, audit log written): %7.1f ms  (goal: under 20 ms)\n", c);
	printf("  photoconsent check --no-log (database read-only):      %7.1f ms\n", n);
	printf("  baseline: exiftool -j (metadata only, no verdict):     %7.1f ms\n", e);
	printf("photoconsent check is %.1fx as fast as exiftool -j (--no-log: %.1fx)\n", e / c, e / n);
	ret = 0;
done: {
	const char *rm[] = { "rm", "-rf", dir, NULL };
	run(rm, 0);
	}
	return ret;
}
