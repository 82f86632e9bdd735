/*
 * torture: reads photos while failing the Nth memory allocation, for every
 * N until a read needs no more, as curl's torture mode does.
 *
 * Each failed read must come back as PC_ERROR with no photo (and nothing
 * leaked: the sanitizer build's leak check runs at exit), or as a normal
 * result when the failed allocation was one the library can do without.
 * Never a crash. The library's own calls to malloc, calloc, realloc and
 * strdup are redirected here with the linker's --wrap; allocations inside
 * libexif, expat and utf8proc are theirs to handle and are not counted.
 *
 * With --import CSV it does the same to a CSV import into a new database:
 * a failed import must leave no pupil behind, a successful one all of them.
 *
 * With --judge CSV PHOTO... it judges each photo for every purpose against
 * a database imported from CSV, failing each allocation of the judgement
 * in turn: a failure must come back as PC_ERROR with no verdict, never as
 * a different verdict.
 *
 * With --scan CSV DIR it scans DIR (on two threads, writing a contact
 * sheet) failing each allocation in turn: a failure must come back as an
 * error with a message, with no thread left behind and nothing leaked;
 * a scan that succeeds must give every record a clean scan gives. Which
 * allocation is the Nth differs from run to run with the threads'
 * timing, so every run is a different test of the same rule.
 *
 * Usage: torture PHOTO...
 *        torture --import CSV
 *        torture --judge CSV PHOTO...
 *        torture --scan CSV DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);

/* The allocation to fail (1-based), 0 for none; how many were made.
 * Atomic: a scan allocates on several threads at once. */
static unsigned long fail_at, made;

static int should_fail(void)
{
	unsigned long at = __atomic_load_n(&fail_at, __ATOMIC_SEQ_CST);
	return at && __atomic_add_fetch(&made, 1, __ATOMIC_SEQ_CST) == at;
}

void *__wrap_malloc(size_t size)
{
	return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return should_fail() ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
	return should_fail() ? NULL : __real_strdup(s);
}

static void *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *data = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			char *grown = __real_realloc(data, cap);
			if (!grown)
				break;
			data = grown;
		}
		size_t got = fread(data + n, 1, cap - n, f);
		n += got;
		if (!got)
			break;
	}
	fclose(f);
	*len = n;
	return data;
}

/* Reads one photo and sets *json to its report (NULL when either step ran
 * out of memory); returns the read's result. */
static int read_once(const char *path, const void *data, size_t len, char **json)
{
	pc_photo *photo = NULL;
	int err = pc_photo_read_memory(&photo, path, data, len, NULL);
	*json = NULL;
	if (err == PC_ERROR) {
		if (photo) {
			fprintf(stderr, "torture: '%s': PC_ERROR but a photo came back\n", path);
			exit(1);
		}
		return err;
	}
	if (pc_report_inspect_json(json, photo) == PC_ERROR && *json) {
		fprintf(stderr, "torture: '%s': the report failed but returned text\n", path);
		exit(1);
	}
	pc_photo_free(photo);
	return err;
}

static size_t pupils_in(const char *db)
{
	pc_store *store = NULL;
	struct pc_pupil_list *list = NULL;
	size_t n = (size_t)-1;
	if (pc_store_open(&store, db, PC_STORE_READ) == 0 &&
	    pc_store_pupil_list(store, NULL, &list) == 0)
		n = list->count;
	pc_pupil_list_free(list);
	pc_store_free(store);
	return n;
}

/* Imports `csv` into a new database at `db` with allocation `n` failing
 * (0: none); returns the import's result, PC_EOPEN if set-up failed. */
static int import_once(const char *db, const char *csv, unsigned long n)
{
	pc_store *store = NULL;
	struct pc_import_report *report = NULL;
	unlink(db);
	if (pc_store_open(&store, db, PC_STORE_CREATE)) {
		pc_store_free(store);
		return PC_EOPEN;
	}
	fail_at = n;
	made = 0;
	const struct pc_import_options opts = { 0, "torture", NULL };
	int err = pc_store_import_csv(store, csv, &opts, &report);
	fail_at = 0;
	pc_import_report_free(report);
	pc_store_free(store);
	return err;
}

static int torture_import(const char *csv)
{
	char dir[] = "/tmp/pc-torture.XXXXXX";
	if (!mkdtemp(dir)) {
		perror("torture: mkdtemp");
		return 1;
	}
	char db[64];
	snprintf(db, sizeof(db), "%s/consent.db", dir);
	int status = 1;
	if (import_once(db, csv, 0) != 0) {
		fprintf(stderr, "torture: a clean import of '%s' failed\n", csv);
		goto done;
	}
	size_t all = pupils_in(db);
	unsigned long n;
	for (n = 1;; n++) {
		int err = import_once(db, csv, n);
		if (made < n)
			break;
		size_t have = pupils_in(db);
		if ((err == 0 && have != all) || (err != 0 && have != 0)) {
			fprintf(stderr, "torture: failing allocation %lu of the import gave %d and "
			        "left %zu of %zu pupils: half-written\n", n, err, have, all);
			goto done;
		}
	}
	printf("torture: import of %s: %lu allocations, each failed once\n", csv, n - 1);
	printf("torture: 1 passed, 0 failed\n");
	status = 0;
done:
	unlink(db);
	rmdir(dir);
	return status;
}

/* Judges and reports; *json NULL when either step ran out of memory. */
static int judge_once(pc_store *store, const pc_photo *photo, const char *purpose,
                      unsigned long n, char **json)
{
	pc_verdict *verdict = NULL;
	*json = NULL;
	fail_at = n;
	made = 0;
	int err = pc_policy_judge(&verdict, store, photo, purpose, "2026-11-26");
	if (!err && pc_report_check_json(json, verdict, PC_VIEW_STAFF) == PC_ERROR)
		*json = NULL;
	fail_at = 0;
	if (err && verdict) {
		fprintf(stderr, "torture: judging '%s' failed but a verdict came back\n",
		        pc_photo_path(photo));
		exit(1);
	}
	pc_verdict_free(verdict);
	return err;
}

static int torture_judge(const char *csv, int count, char **photos)
{
	static const char *const purposes[] = { "website", "display", "staff-personal" };
	char dir[] = "/tmp/pc-torture.XXXXXX";
	if (!mkdtemp(dir)) {
		perror("torture: mkdtemp");
		return 1;
	}
	char db[64];
	snprintf(db, sizeof(db), "%s/consent.db", dir);
	int status = 1;
	unsigned long runs = 0;
	pc_store *store = NULL;
	if (import_once(db, csv, 0) != 0 || pc_store_open(&store, db, PC_STORE_READ)) {
		fprintf(stderr, "torture: cannot make a database from '%s'\n", csv);
		goto done;
	}
	for (int i = 0; i < count; i++) {
		pc_photo *photo = NULL;
		if (pc_photo_read(&photo, photos[i], NULL) == PC_ERROR) {
			fprintf(stderr, "torture: cannot read '%s'\n", photos[i]);
			goto done;
		}
		for (size_t k = 0; k < sizeof(purposes) / sizeof(purposes[0]); k++) {
			char *clean = NULL, *json = NULL;
			judge_once(store, photo, purposes[k], 0, &clean);
			for (unsigned long n = 1;; n++, runs++) {
				int err = judge_once(store, photo, purposes[k], n, &json);
				int same = err == PC_ERROR || !json || (clean && !strcmp(json, clean));
				free(json);
				if (made < n)
					break;
				if (!same) {
					fprintf(stderr, "torture: '%s' for %s: failing allocation %lu "
					        "changed the verdict without saying so\n",
					        photos[i], purposes[k], n);
					free(clean);
					pc_photo_free(photo);
					goto done;
				}
			}
			free(clean);
		}
		pc_photo_free(photo);
	}
	printf("torture: judged %d photos, each allocation failed in turn (%lu failing judgements)\n",
	       count, runs);
	printf("torture: %d passed, 0 failed\n", count);
	status = 0;
done:
	pc_store_free(store);
	unlink(db);
	rmdir(dir);
	return status;
}

/* What a scan printed, summed up without allocating: how many records,
 * and a sum of their hashes (the order they come in does not matter). */
struct scan_sum {
	unsigned long records, hash;
};

static int on_record(void *ctx, const struct pc_scan_item *item)
{
	struct scan_sum *sum = ctx;
	unsigned long h = 5381;
	const char *s = item->record ? item->record : item->path;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	sum->records++;
	sum->hash += h;
	return 0;
}

static int scan_once(const pc_snapshot *snap, const char *dir, const char *html,
                     unsigned long n, struct scan_sum *sum)
{
	struct pc_scan_options opts = { .jobs = 2, .format = PC_SCAN_JSON, .html = html };
	struct pc_scan_summary *summary = NULL;
	char *error = NULL;
	const char *roots[] = { dir };
	memset(sum, 0, sizeof(*sum));
	__atomic_store_n(&made, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&fail_at, n, __ATOMIC_SEQ_CST);
	int err = pc_scan_run(&summary, &error, snap, roots, 1, &opts, on_record, NULL, sum);
	__atomic_store_n(&fail_at, 0, __ATOMIC_SEQ_CST);
	if (err && (summary || !error || !*error)) {
		fprintf(stderr, "torture: a scan that failed (%d) gave %s\n", err,
		        summary ? "a summary" : "no message");
		exit(1);
	}
	if (!err && !summary) {
		fprintf(stderr, "torture: a scan that succeeded gave no summary\n");
		exit(1);
	}
	pc_scan_summary_free(summary);
	free(error);
	return err;
}

static int torture_scan(const char *csv, const char *dir)
{
	char tmp[] = "/tmp/pc-torture.XXXXXX";
	if (!mkdtemp(tmp)) {
		perror("torture: mkdtemp");
		return 1;
	}
	char db[64], html[64];
	snprintf(db, sizeof(db), "%s/consent.db", tmp);
	snprintf(html, sizeof(html), "%s/sheet.html", tmp);
	int status = 1;
	unsigned long runs = 0, failed = 0;
	pc_store *store = NULL;
	pc_snapshot *snap = NULL;
	struct scan_sum clean, sum;
	if (import_once(db, csv, 0) != 0 || pc_store_open(&store, db, PC_STORE_READ) ||
	    pc_snapshot_load(&snap, store, "website", "2026-11-26")) {
		fprintf(stderr, "torture: cannot make a database from '%s'\n", csv);
		goto done;
	}
	if (scan_once(snap, dir, html, 0, &clean)) {
		fprintf(stderr, "torture: a clean scan of '%s' failed\n", dir);
		goto done;
	}
	for (unsigned long n = 1;; n++, runs++) {
		int err = scan_once(snap, dir, html, n, &sum);
		unsigned long count = __atomic_load_n(&made, __ATOMIC_SEQ_CST);
		failed += err != 0;
		if (!err && (sum.records != clean.records || sum.hash != clean.hash)) {
			fprintf(stderr, "torture: failing allocation %lu of a scan changed its "
			        "records without saying so\n", n);
			goto done;
		}
		if (count < n)
			break;
	}
	printf("torture: scanned '%s' (%lu records) failing each allocation in turn: %lu scans, "
	       "%lu failed with a message\n", dir, clean.records, runs, failed);
	status = 0;
done:
	pc_snapshot_free(snap);
	pc_store_free(store);
	unlink(html);
	unlink(db);
	rmdir(tmp);
	return status;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "--scan"))
		return torture_scan(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "--import"))
		return torture_import(argv[2]);
	if (argc >= 4 && !strcmp(argv[1], "--judge"))
		return torture_judge(argv[2], argc - 3, argv + 3);
	unsigned long total_runs = 0;
	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		void *data = slurp(argv[i], &len);
		if (!data) {
			fprintf(stderr, "torture: cannot read '%s'\n", argv[i]);
			return 1;
		}
		/* First a clean read: a failure must either say so or change
		 * nothing, never quietly drop a tag. */
		char *clean_json = NULL, *json = NULL;
		fail_at = 0;
		int clean = read_once(argv[i], data, len, &clean_json);
		unsigned long n;
		for (n = 1;; n++) {
			fail_at = n;
			made = 0;
			int got = read_once(argv[i], data, len, &json);
			fail_at = 0;
			total_runs++;
			int same = got == PC_ERROR || !json ||
			           (got == clean && clean_json && !strcmp(json, clean_json));
			free(json);
			if (made < n)
				break; /* the read needed fewer allocations: all were tried */
			if (!same) {
				fprintf(stderr, "torture: '%s': failing allocation %lu was not "
				        "reported, and the result differs from a clean read\n",
				        argv[i], n);
				return 1;
			}
		}
		free(clean_json);
		fail_at = 0;
		printf("torture: %s: %lu allocations, each failed once\n", argv[i], n - 1);
		free(data);
	}
	printf("torture: %d passed, 0 failed (%lu failing reads)\n", argc - 1, total_runs);
	return 0;
}
