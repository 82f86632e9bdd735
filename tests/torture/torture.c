/*
 * torture: reads photos while failing the Nth memory allocation, for every
 * N until a read needs no more, as curl's torture mode does.
 *
 * Each failed read must come back as an error (PC_ENOMEM) with no photo (and nothing
 * leaked: the sanitizer build's leak check runs at exit), or as a normal
 * result when the failed allocation was one the library can do without.
 * Never a crash. The library's own calls to malloc, calloc, realloc and
 * strdup are redirected here with the linker's --wrap; allocations inside
 * libexif, expat and utf8proc are theirs to handle and are not counted.
 *
 * With --import CSV it does the same to a CSV import into a new database:
 * a failed import must leave no pupil behind, a successful one all of them.
 *
 * With --judge CSV PHOTO... it loads each purpose from a database imported
 * from CSV, failing each allocation of the load in turn, then judges each
 * photo for every purpose, failing each allocation of the judgement in
 * turn: a failure must come back as an error (PC_ENOMEM) with no verdict
 * (or no snapshot), never as a different verdict. Each verdict is then written to the audit log as a
 * staff check is: a row, or an error with a message and no row.
 *
 * With --scan CSV DIR it scans DIR (on two threads, writing a contact
 * sheet and the audit log) failing each allocation in turn: a failure must
 * come back as an error with a message, with no thread left behind and
 * nothing leaked; a scan that succeeds must give every record a clean scan
 * gives. A scan is logged whole or not at all: one that succeeds adds its
 * row and one per photo, any other adds nothing, and one whose only
 * failure was the log says so and still gives its summary. Which
 * allocation is the Nth differs from run to run with the threads'
 * timing, so every run is a different test of the same rule.
 *
 * Usage: torture PHOTO...
 *        torture --import CSV
 *        torture --judge CSV PHOTO...
 *        torture --scan CSV DIR
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"
#include "photoconsent/policy.h"

/* The linker's --wrap names: reserved, and the only names it accepts. */
/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

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
	if (err < 0) {
		if (photo) {
			fprintf(stderr, "torture: '%s': an error but a photo came back\n", path);
			exit(1);
		}
		return err;
	}
	if (pc_report_inspect_json(json, photo) < 0 && *json) {
		fprintf(stderr, "torture: '%s': the report failed but returned text\n", path);
		exit(1);
	}
	pc_photo_free(photo);
	return err;
}

static size_t pupils_in(const char *db)
{
	pc_store *store = NULL;
	pc_pupil_list *list = NULL;
	size_t n = (size_t)-1;
	if (pc_store_open(&store, db, PC_STORE_READ, NULL) == 0 &&
	    pc_store_pupil_list(&list, store, NULL, NULL) == 0)
		n = pc_pupil_list_count(list);
	pc_pupil_list_free(list);
	pc_store_free(store);
	return n;
}

/* Imports `csv` into a new database at `db` with allocation `n` failing
 * (0: none); returns the import's result, PC_EOPEN if set-up failed. */
static int import_once(const char *db, const char *csv, unsigned long n)
{
	pc_store *store = NULL;
	pc_import_report *report = NULL;
	unlink(db);
	if (pc_store_open(&store, db, PC_STORE_CREATE, NULL)) {
		pc_store_free(store);
		return PC_EOPEN;
	}
	fail_at = n;
	made = 0;
	const struct pc_import_options opts = { PC_IMPORT_OPTIONS_VERSION, 0, "torture", NULL };
	int err = pc_store_import_csv(&report, store, csv, &opts, NULL);
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

/* How many rows the audit log of `db` holds, asked of SQLite directly
 * (the library's reading would count its own allocations). */
static long log_rows(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	long n = -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM checks", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Judges, reports and logs; *json NULL when either of the first two ran
 * out of memory. */
static int judge_once(const pc_snapshot *snap, pc_store *log, sqlite3 *raw,
                      const pc_photo *photo, unsigned long n, char **json)
{
	pc_verdict *verdict = NULL;
	*json = NULL;
	long before = log_rows(raw);
	fail_at = n;
	made = 0;
	int err = pc_snapshot_judge(&verdict, snap, photo);
	if (!err && pc_report_check_json(json, verdict, PC_VIEW_STAFF) < 0)
		*json = NULL;
	/* Logged only when the allocation to fail is still to come: each row
	 * is a transaction written to disk, too slow to write for every run. */
	int log_now = !err && (n == 0 || __atomic_load_n(&made, __ATOMIC_SEQ_CST) < n);
	struct pc_error e = PC_ERROR_INIT;
	int logged = log_now ? pc_verdict_log(log, verdict, photo, "torture", &e) : -1;
	fail_at = 0;
	if (err && verdict) {
		fprintf(stderr, "torture: judging '%s' failed but a verdict came back\n",
		        pc_photo_path(photo));
		exit(1);
	}
	long want = before + (logged == 0);
	if (log_rows(raw) != want || logged > 0 || (log_now && logged && !*e.message)) {
		fprintf(stderr, "torture: logging '%s' (failing allocation %lu) gave %d and left "
		        "%ld rows, not %ld\n", pc_photo_path(photo), n, logged, log_rows(raw), want);
		exit(1);
	}
	pc_verdict_free(verdict);
	return err;
}

/*
 * Loads the purpose's snapshot with each allocation failed in turn: each
 * failure is an error with a message and no snapshot. Then the whole one,
 * in *out. The load is the same for every photo, so it is tortured once a
 * purpose, not once a photo (which took most of the run, for nothing new).
 */
static int load_tortured(pc_snapshot **out, pc_store *store, const char *purpose,
                         unsigned long *runs)
{
	for (unsigned long n = 1;; n++, (*runs)++) {
		pc_snapshot *snap = NULL;
		struct pc_error e = PC_ERROR_INIT;
		fail_at = n;
		made = 0;
		int err = pc_snapshot_load(&snap, store, purpose, "2026-11-26", &e);
		fail_at = 0;
		if (err ? snap != NULL || !*e.message : snap == NULL) {
			fprintf(stderr, "torture: loading %s with allocation %lu failed gave %d, %s "
			        "snapshot, message '%s'\n", purpose, n, err, snap ? "a" : "no",
			        e.message);
			pc_snapshot_free(snap);
			return -1;
		}
		pc_snapshot_free(snap);
		if (__atomic_load_n(&made, __ATOMIC_SEQ_CST) < n)
			break;
	}
	struct pc_error e = PC_ERROR_INIT;
	if (pc_snapshot_load(out, store, purpose, "2026-11-26", &e)) {
		fprintf(stderr, "torture: cannot load %s: %s\n", purpose, e.message);
		return -1;
	}
	return 0;
}

static int torture_judge(const char *csv, int count, char **photos)
{
	static const char *const purposes[] = { "website", "display", "staff-personal" };
	enum { PURPOSES = sizeof(purposes) / sizeof(purposes[0]) };
	char dir[] = "/tmp/pc-torture.XXXXXX";
	if (!mkdtemp(dir)) {
		perror("torture: mkdtemp");
		return 1;
	}
	char db[64];
	snprintf(db, sizeof(db), "%s/consent.db", dir);
	int status = 1;
	unsigned long runs = 0, load_runs = 0;
	pc_store *store = NULL, *log = NULL;
	pc_snapshot *snaps[PURPOSES] = { NULL };
	sqlite3 *raw = NULL;
	if (import_once(db, csv, 0) != 0 || pc_store_open(&store, db, PC_STORE_READ, NULL) ||
	    pc_store_open(&log, db, PC_STORE_WRITE, NULL) ||
	    sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "torture: cannot make a database from '%s'\n", csv);
		goto done;
	}
	for (size_t k = 0; k < PURPOSES; k++)
		if (load_tortured(&snaps[k], store, purposes[k], &load_runs))
			goto done;
	for (int i = 0; i < count; i++) {
		pc_photo *photo = NULL;
		if (pc_photo_read(&photo, photos[i], NULL) < 0) {
			fprintf(stderr, "torture: cannot read '%s'\n", photos[i]);
			goto done;
		}
		for (size_t k = 0; k < PURPOSES; k++) {
			char *clean = NULL, *json = NULL;
			judge_once(snaps[k], log, raw, photo, 0, &clean);
			for (unsigned long n = 1;; n++, runs++) {
				int err = judge_once(snaps[k], log, raw, photo, n, &json);
				int same = err < 0 || !json || (clean && !strcmp(json, clean));
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
	printf("torture: judged %d photos, each allocation failed in turn (%lu failing loads "
	       "of %zu purposes, %lu failing judgements)\n", count, load_runs, (size_t)PURPOSES,
	       runs);
	printf("torture: %d passed, 0 failed\n", count);
	status = 0;
done:
	for (size_t k = 0; k < PURPOSES; k++)
		pc_snapshot_free(snaps[k]);
	sqlite3_close(raw);
	pc_store_free(log);
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

/* How many scans and photo rows the audit log holds. */
struct log_count {
	unsigned long scans, photos;
};

static int count_row(void *ctx, const struct pc_log_entry *photo, const struct pc_log_scan *scan)
{
	struct log_count *c = ctx;
	(void)scan;
	if (photo)
		c->photos++;
	else
		c->scans++;
	return 0;
}

static struct log_count log_count(pc_store *log)
{
	struct log_count c = { 0, 0 };
	struct pc_log_query q = PC_LOG_QUERY_INIT;
	struct pc_error e = PC_ERROR_INIT;
	q.fn = count_row;
	q.ctx = &c;
	if (pc_store_log_read(log, &q, &e)) {
		fprintf(stderr, "torture: cannot read the audit log: %s\n", e.message);
		exit(1);
	}
	return c;
}

static int scan_once(const pc_snapshot *snap, pc_store *log, const char *dir, const char *html,
                     unsigned long n, struct scan_sum *sum)
{
	struct pc_scan_options opts = PC_SCAN_OPTIONS_INIT;
	opts.jobs = 2;
	opts.format = PC_SCAN_JSON;
	opts.html = html;
	opts.log = log;
	opts.log_by = "torture";
	opts.on_item = on_record;
	opts.ctx = sum;
	pc_scan_summary *summary = NULL;
	struct pc_error why = PC_ERROR_INIT;
	const char *error = why.message;
	const char *roots[] = { dir };
	struct log_count before = log_count(log);
	memset(sum, 0, sizeof(*sum));
	__atomic_store_n(&made, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&fail_at, n, __ATOMIC_SEQ_CST);
	int err = pc_scan_run(&summary, snap, roots, 1, &opts, &why);
	__atomic_store_n(&fail_at, 0, __ATOMIC_SEQ_CST);
	struct log_count after = log_count(log);
	int log_only = err < 0 && summary && strstr(error, "audit log");
	if (err && ((summary && !log_only) || !*error)) {
		fprintf(stderr, "torture: a scan that failed (%d) gave %s\n", err,
		        summary ? "a summary" : "no message");
		exit(1);
	}
	if (!err && !summary) {
		fprintf(stderr, "torture: a scan that succeeded gave no summary\n");
		exit(1);
	}
	unsigned long want_photos = before.photos + (err ? 0 : (unsigned long)pc_scan_summary_count(summary, PC_SCAN_PHOTOS));
	if (after.scans != before.scans + !err || after.photos != want_photos) {
		fprintf(stderr, "torture: a scan that %s (%d, failing allocation %lu) left %lu scans "
		        "and %lu photos in the log, not %lu and %lu\n", err ? "failed" : "succeeded",
		        err, n, after.scans, after.photos, before.scans + !err, want_photos);
		exit(1);
	}
	pc_scan_summary_free(summary);
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
	pc_store *store = NULL, *log = NULL;
	pc_snapshot *snap = NULL;
	struct scan_sum clean, sum;
	if (import_once(db, csv, 0) != 0 || pc_store_open(&store, db, PC_STORE_READ, NULL) ||
	    pc_snapshot_load(&snap, store, "website", "2026-11-26", NULL) ||
	    pc_store_open(&log, db, PC_STORE_WRITE, NULL)) {
		fprintf(stderr, "torture: cannot make a database from '%s'\n", csv);
		goto done;
	}
	if (scan_once(snap, log, dir, html, 0, &clean)) {
		fprintf(stderr, "torture: a clean scan of '%s' failed\n", dir);
		goto done;
	}
	for (unsigned long n = 1;; n++, runs++) {
		int err = scan_once(snap, log, dir, html, n, &sum);
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
	pc_store_free(log);
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
			int same = got < 0 || !json ||
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
