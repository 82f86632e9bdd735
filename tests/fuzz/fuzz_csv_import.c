/*
 * A fuzz target for the MIS import: any bytes, imported as a CSV file into
 * a scratch database that already holds pupils, consent and a withdrawal
 * recorded by hand, must keep the import's promises (store.h):
 * - a dry run reports exactly what the real import then does;
 * - a refused file leaves the database file byte for byte as it was;
 * - importing the same file again changes nothing, on the same day and on
 *   a later one.
 * "Today" is moved by wrapping time() at link time (-Wl,--wrap=time): the
 * store reads the day from the clock and takes no date of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "photoconsent/photoconsent.h"

/* The names the linker's --wrap=time gives. */
/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
time_t __real_time(time_t *t);
time_t __wrap_time(time_t *t);
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

/* Seconds added to the clock: a later day for the import after. */
static time_t clock_shift;

time_t __wrap_time(time_t *t)
{
	time_t now = __real_time(NULL) + clock_shift;
	if (t)
		*t = now;
	return now;
}

#define HEADER "pupil_id,forename,surname,preferred_name,class,aliases,no_photo,no_name," \
	"left_on,signed_on,expires_on,display,website,press\r\n"

/* What the database holds before each input: two imported pupils (one
 * undated, so that its grants count from the day recorded), one added by
 * hand, and a withdrawal by hand that a grant in the file would undo. */
static const char BASE_CSV[] =
	HEADER
	"1001,Amy,Jones,,Year 4,Amy J,,,,2025-09-08,2026-07-31,yes,yes,no\r\n"
	"1002,Oliver,Smith,Olly,Year 4,,,yes,,,,yes,no,\r\n"
	"1003,Chloe,Davies,,Year 3,,yes,,,2025-09-08,,yes,yes,yes\r\n";

static char db_path[4096], csv_path[4096], base_path[4096];
static char *base;
static size_t base_len;

static void must(int ret, const char *what, const struct pc_error *err)
{
	if (ret != 0) {
		fprintf(stderr, "fuzz: %s: %s\n", what, err->message);
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct pc_error err = { 0 };
	pc_store *store;
	pc_import_report *report;
	fuzz_path(db_path, sizeof(db_path), "consent.db");
	fuzz_path(csv_path, sizeof(csv_path), "export.csv");
	fuzz_path(base_path, sizeof(base_path), "base.csv");
	must(pc_store_open(&store, db_path, PC_STORE_CREATE, &err), "cannot create", &err);
	fuzz_write(base_path, BASE_CSV, strlen(BASE_CSV));
	must(pc_store_import_csv(&report, store, base_path, NULL, &err), "cannot import", &err);
	if (pc_import_report_counts(report)->refused_file)
		fuzz_broken("the base file was refused", BASE_CSV, strlen(BASE_CSV));
	pc_import_report_free(report);
	struct pc_pupil pupil = { "1004", "Isla", "Taylor", NULL, "Year 1", 0, 0, NULL, NULL, 0 };
	must(pc_store_pupil_add(store, &pupil, "office", &err), "cannot add a pupil", &err);
	struct pc_consent_record withdrawal = { 0 };
	withdrawal.pupil_id = "1001";
	withdrawal.purpose_id = "website";
	withdrawal.decision = PC_DECISION_WITHDRAWN;
	withdrawal.withdrawn_on = "2025-11-20";
	withdrawal.recorded_by = "office";
	must(pc_store_consent_add(store, &withdrawal, &err), "cannot withdraw", &err);
	pc_store_free(store);
	if (!(base = fuzz_read(db_path, &base_len)))
		fuzz_broken("the base database cannot be read", NULL, 0);
	return 0;
}

/* Every count, and every line of every kind, the same in both. */
static int same_report(const pc_import_report *a, const pc_import_report *b)
{
	const struct pc_import_counts *x = pc_import_report_counts(a);
	const struct pc_import_counts *y = pc_import_report_counts(b);
	/* Member by member: the struct has padding, which memcmp would read. */
	if (x->refused_file != y->refused_file || x->rows != y->rows ||
	    x->pupils_added != y->pupils_added || x->pupils_changed != y->pupils_changed ||
	    x->pupils_unchanged != y->pupils_unchanged || x->granted != y->granted ||
	    x->refused != y->refused || x->consents_unchanged != y->consents_unchanged ||
	    x->conflicts != y->conflicts || x->leavers != y->leavers ||
	    x->already_left != y->already_left)
		return 0;
	for (int kind = PC_IMPORT_CHANGES; kind <= PC_IMPORT_ERRORS; kind++) {
		size_t n = pc_import_report_line_count(a, (enum pc_import_lines)kind);
		if (n != pc_import_report_line_count(b, (enum pc_import_lines)kind))
			return 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(pc_import_report_line(a, (enum pc_import_lines)kind, i),
			           pc_import_report_line(b, (enum pc_import_lines)kind, i)) != 0)
				return 0;
	}
	return 1;
}

/* Nothing written and nothing to write. */
static int changes_nothing(const pc_import_report *r)
{
	const struct pc_import_counts *c = pc_import_report_counts(r);
	return !c->refused_file && !c->pupils_added && !c->pupils_changed && !c->granted &&
	       !c->refused && !c->conflicts && !c->leavers &&
	       pc_import_report_line_count(r, PC_IMPORT_CHANGES) == 0 &&
	       pc_import_report_line_count(r, PC_IMPORT_CONFLICTS) == 0;
}

/* One import in a store of its own, closed after, so that the file holds
 * all it wrote. NULL when the import failed (not refused: failed). */
static pc_import_report *import(unsigned flags, const char *leavers)
{
	struct pc_error err = { 0 };
	pc_store *store;
	must(pc_store_open(&store, db_path, PC_STORE_WRITE, &err), "cannot open", &err);
	struct pc_import_options opts = PC_IMPORT_OPTIONS_INIT;
	opts.flags = flags;
	opts.leavers_left_on = leavers;
	pc_import_report *report = NULL;
	int ret = pc_store_import_csv(&report, store, csv_path, &opts, &err);
	pc_store_free(store);
	if (ret != 0 && report)
		fuzz_broken("a failed import handed back a report", err.message, strlen(err.message));
	if (ret != 0 && ret != PC_ETOOBIG && ret != PC_EFORMAT && ret != PC_EOPEN)
		fuzz_broken("the import failed", err.message, strlen(err.message));
	return report;
}

static int db_is(const char *bytes, size_t len)
{
	size_t now_len;
	char *now = fuzz_read(db_path, &now_len);
	int same = now && now_len == len && memcmp(now, bytes, len) == 0;
	free(now);
	return same;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The whole input is the file; its last byte also picks the options,
	 * so that a real export is a seed as it is. */
	unsigned pick = size ? data[size - 1] : 0;
	unsigned flags = pick & 1 ? PC_IMPORT_PREFER_FILE : 0;
	const char *leavers = pick & 2 ? "2026-07-20" : NULL;

	clock_shift = 0;
	fuzz_write(db_path, base, base_len);
	fuzz_write(csv_path, data, size);

	pc_import_report *dry = import(flags | PC_IMPORT_DRY_RUN, leavers);
	if (!db_is(base, base_len))
		fuzz_broken("a dry run changed the database", (const char *)data, size);
	pc_import_report *real = import(flags, leavers);
	if (!dry != !real || (dry && !same_report(dry, real)))
		fuzz_broken("the dry run reported otherwise than the import", (const char *)data,
		            size);
	if (!real || pc_import_report_counts(real)->refused_file) {
		if (!db_is(base, base_len))
			fuzz_broken("a refused file changed the database", (const char *)data, size);
		pc_import_report_free(dry);
		pc_import_report_free(real);
		return 0;
	}

	size_t after_len;
	char *after = fuzz_read(db_path, &after_len);
	/* Again, the same day, then a day later and a year later. */
	static const time_t shifts[] = { 0, 86400, 366 * 86400 };
	for (size_t i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		clock_shift = shifts[i];
		pc_import_report *again = import(flags, leavers);
		if (!again || !changes_nothing(again) || !db_is(after, after_len)) {
			if (again && pc_import_report_line_count(again, PC_IMPORT_CHANGES))
				fprintf(stderr, "fuzz: changed: %s\n",
				        pc_import_report_line(again, PC_IMPORT_CHANGES, 0));
			fuzz_broken(i ? "a second import changed something on a later day"
			              : "a second import changed something",
			            (const char *)data, size);
		}
		pc_import_report_free(again);
	}
	clock_shift = 0;
	free(after);
	pc_import_report_free(dry);
	pc_import_report_free(real);
	return 0;
}
