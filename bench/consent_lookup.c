/*
 * consent_lookup: how fast the consent in force is found, against the
 * naive way of finding it.
 *
 * Makes a temporary database of 1,000 pupils x 7 purposes with a history
 * like a school's (2-3 records per pair: grants, refusals, re-grants with
 * an expiry, withdrawals, a few leavers), then times 10,000
 * pc_store_consent_in_force() calls, which use the store's cached
 * statements. The baseline, measured in the same run on the same
 * look-ups, prepares its statements afresh for every call
 * (sqlite3_prepare_v2 each time, as a naive implementation would) and
 * lets SQL pick the deciding record. Both must give the same answers.
 *
 * Prints the figures; exits non-zero only when something fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"
#include "store/store_internal.h"

#define PUPILS 1000
#define LOOKUPS 10000

static const char *const purposes[] = {
	"display", "newsletter", "website", "social", "press", "parent-social", "yearbook",
};
#define PURPOSES (sizeof(purposes) / sizeof(purposes[0]))

/* A small fixed-seed generator: the same history every run. */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

static void date_of(char out[11], int year, int month, int day)
{
	snprintf(out, 11, "%04d-%02d-%02d", year, month, day);
}

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int add(pc_store *store, const char *pupil, const char *purpose, enum pc_decision d,
               const char *signed_on, const char *expires_on, const char *withdrawn_on)
{
	struct pc_consent_record r = { 0 };
	r.pupil_id = pupil;
	r.purpose_id = purpose;
	r.decision = d;
	r.signed_on = signed_on;
	r.expires_on = expires_on;
	r.withdrawn_on = withdrawn_on;
	r.recorded_by = "bench";
	return pc_store_consent_add(store, &r, NULL);
}

/* The school: every pupil, then each pair's history. Returns the number
 * of records, or -1. */
static long fill(pc_store *store)
{
	long records = 0;
	struct pc_purpose yearbook = { "yearbook", "the yearbook", NULL, 1, 0 };
	if (pc_store_purpose_add(store, &yearbook, "bench", NULL) || pc__store_begin(store))
		return -1;
	for (int i = 0; i < PUPILS; i++) {
		char id[16], forename[32], left[11];
		snprintf(id, sizeof(id), "P%04d", i);
		snprintf(forename, sizeof(forename), "Child%d", i);
		struct pc_pupil p = { 0 };
		p.id = id;
		p.forename = forename;
		p.surname = "Bench";
		p.class_name = "Year 3";
		if (rnd(50) == 0) {
			date_of(left, 2025, 7, 18 + (int)rnd(5));
			p.left_on = left;
		}
		if (pc_store_pupil_add(store, &p, "bench", NULL))
			goto fail;
		for (size_t k = 0; k < PURPOSES; k++) {
			char d1[11], d2[11], d3[11], exp[11];
			/* The form at entry: mostly yes. */
			date_of(d1, 2023, 9, 1 + (int)rnd(20));
			if (add(store, id, purposes[k], rnd(5) ? PC_DECISION_GRANTED : PC_DECISION_REFUSED,
			        d1, NULL, NULL))
				goto fail;
			/* A year on: renewed for a year, or refused. */
			date_of(d2, 2024, 9, 1 + (int)rnd(20));
			date_of(exp, 2025, 8, 31);
			int renew = rnd(10) != 0;
			if (add(store, id, purposes[k], renew ? PC_DECISION_GRANTED : PC_DECISION_REFUSED,
			        d2, renew && rnd(2) ? exp : NULL, NULL))
				goto fail;
			records += 2;
			/* Half the pairs have a third record: a withdrawal
			 * or another year's grant. */
			if (rnd(2)) {
				int withdraw = rnd(3) == 0;
				date_of(d3, 2025, 1 + (int)rnd(12), 1 + (int)rnd(28));
				if (withdraw ? add(store, id, purposes[k], PC_DECISION_WITHDRAWN, NULL, NULL, d3)
				             : add(store, id, purposes[k], PC_DECISION_GRANTED, d3, NULL, NULL))
					goto fail;
				records++;
			}
		}
	}
	if (pc__store_commit(store))
		return -1;
	return records;
fail:
	pc__store_rollback(store);
	return -1;
}

/* The naive look-up: both statements prepared, run and finalized on every
 * call, SQL choosing the deciding record. */
static const char NAIVE_SUBJECT[] =
	"SELECT (SELECT left_on FROM pupils WHERE id = ?1),"
	" EXISTS (SELECT 1 FROM pupils WHERE id = ?1),"
	" EXISTS (SELECT 1 FROM purposes WHERE id = ?2)";
static const char NAIVE_DECIDE[] =
	"SELECT decision, expires_on FROM ("
	" SELECT seq, decision, expires_on,"
	"  CASE WHEN decision = 'withdrawn' THEN withdrawn_on"
	"  ELSE coalesce(signed_on, substr(recorded_at, 1, 10)) END AS counts_from"
	" FROM consents WHERE pupil_id = ?1 AND purpose_id = ?2)"
	" WHERE counts_from <= ?3"
	" ORDER BY counts_from DESC, decision = 'granted', seq DESC LIMIT 1";

static int naive_in_force(sqlite3 *db, const char *pupil, const char *purpose, const char *date,
                          enum pc_consent_state *out)
{
	int ret = -1;
	sqlite3_stmt *st = NULL;
	*out = PC_CONSENT_NONE;

	if (sqlite3_prepare_v2(db, NAIVE_SUBJECT, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, pupil, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, purpose, -1, SQLITE_STATIC) || sqlite3_step(st) != SQLITE_ROW)
		goto done;
	if (!sqlite3_column_int(st, 1) || !sqlite3_column_int(st, 2))
		goto done;
	const unsigned char *left_on = sqlite3_column_text(st, 0);
	if (left_on && strcmp((const char *)left_on, date) <= 0) {
		*out = PC_CONSENT_LEFT;
		ret = 0;
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;

	if (sqlite3_prepare_v2(db, NAIVE_DECIDE, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, pupil, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 2, purpose, -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, date, -1, SQLITE_STATIC))
		goto done;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *decision = (const char *)sqlite3_column_text(st, 0);
		const unsigned char *expires = sqlite3_column_text(st, 1);
		if (!strcmp(decision, "granted"))
			*out = expires && strcmp(date, (const char *)expires) > 0
			     ? PC_CONSENT_EXPIRED : PC_CONSENT_GRANTED;
		else if (!strcmp(decision, "withdrawn"))
			*out = PC_CONSENT_WITHDRAWN;
		else
			*out = PC_CONSENT_REFUSED;
	} else if (rc != SQLITE_DONE) {
		goto done;
	}
	ret = 0;
done:
	sqlite3_finalize(st);
	return ret;
}

struct lookup {
	char pupil[16];
	const char *purpose;
	char date[11];
};

int main(void)
{
	int ret = 1;
	char dir[] = "/tmp/pc-bench-XXXXXX";
	char path[64] = "", journal[80] = "";
	int made_dir = 0;
	pc_store *store = NULL;
	struct pc_error err = PC_ERROR_INIT;
	struct lookup *lookups = NULL;
	enum pc_consent_state *fast = NULL, *slow = NULL;

	if (!mkdtemp(dir)) {
		perror("consent_lookup: mkdtemp");
		goto done;
	}
	made_dir = 1;
	snprintf(path, sizeof(path), "%s/bench.db", dir);
	snprintf(journal, sizeof(journal), "%s-journal", path);
	if (pc_store_open(&store, path, PC_STORE_CREATE, &err)) {
		fprintf(stderr, "consent_lookup: %s\n", err.message);
		goto done;
	}
	double t0 = now_seconds();
	long records = fill(store);
	if (records < 0) {
		fprintf(stderr, "consent_lookup: filling the database: %s\n", pc__store_message(store));
		goto done;
	}
	printf("database: %d pupils x %zu purposes, %ld consent records (made in %.0f ms)\n",
	       PUPILS, PURPOSES, records, (now_seconds() - t0) * 1e3);

	lookups = calloc(LOOKUPS, sizeof(*lookups));
	fast = calloc(LOOKUPS, sizeof(*fast));
	slow = calloc(LOOKUPS, sizeof(*slow));
	if (!lookups || !fast || !slow) {
		fprintf(stderr, "consent_lookup: out of memory\n");
		goto done;
	}
	for (int i = 0; i < LOOKUPS; i++) {
		snprintf(lookups[i].pupil, sizeof(lookups[i].pupil), "P%04u", rnd(PUPILS));
		lookups[i].purpose = purposes[rnd(PURPOSES)];
		date_of(lookups[i].date, 2023 + (int)rnd(4), 1 + (int)rnd(12), 1 + (int)rnd(28));
	}

	/* Warm both the page cache and the statement cache first. */
	for (int i = 0; i < LOOKUPS / 10; i++) {
		struct pc_consent_status st;
		if (pc_store_consent_in_force(&st, store, lookups[i].pupil, lookups[i].purpose,
		                              lookups[i].date, &err)) {
			fprintf(stderr, "consent_lookup: %s\n", err.message);
			goto done;
		}
	}

	sqlite3 *db = pc__store_db(store);
	double b0 = now_seconds();
	for (int i = 0; i < LOOKUPS; i++) {
		if (naive_in_force(db, lookups[i].pupil, lookups[i].purpose, lookups[i].date, &slow[i])) {
			fprintf(stderr, "consent_lookup: baseline: %s\n", sqlite3_errmsg(db));
			goto done;
		}
	}
	double baseline = now_seconds() - b0;

	double c0 = now_seconds();
	for (int i = 0; i < LOOKUPS; i++) {
		struct pc_consent_status st;
		if (pc_store_consent_in_force(&st, store, lookups[i].pupil, lookups[i].purpose,
		                              lookups[i].date, &err)) {
			fprintf(stderr, "consent_lookup: %s\n", err.message);
			goto done;
		}
		fast[i] = st.state;
	}
	double cached = now_seconds() - c0;

	int tally[PC_CONSENT_LEFT + 1] = { 0 };
	for (int i = 0; i < LOOKUPS; i++) {
		if (fast[i] != slow[i]) {
			fprintf(stderr, "consent_lookup: answers differ: %s %s %s: %s, baseline %s\n",
			        lookups[i].pupil, lookups[i].purpose, lookups[i].date,
			        pc_consent_state_name(fast[i]), pc_consent_state_name(slow[i]));
			goto done;
		}
		tally[fast[i]]++;
	}
	printf("pc_store_consent_in_force (cached statements): %d look-ups in %.1f ms (%.2f us each)\n",
	       LOOKUPS, cached * 1e3, cached * 1e6 / LOOKUPS);
	printf("baseline (sqlite3_prepare_v2 per call):       %d look-ups in %.1f ms (%.2f us each)\n",
	       LOOKUPS, baseline * 1e3, baseline * 1e6 / LOOKUPS);
	printf("cached is %.1fx the speed of the baseline; both gave the same %d answers:",
	       baseline / cached, LOOKUPS);
	for (int s = 0; s <= PC_CONSENT_LEFT; s++)
		printf(" %s %d", pc_consent_state_name((enum pc_consent_state)s), tally[s]);
	printf("\n");
	ret = 0;
done:
	free(slow);
	free(fast);
	free(lookups);
	pc_store_free(store);
	if (path[0])
		unlink(path);
	if (journal[0])
		unlink(journal);
	if (made_dir)
		rmdir(dir);
	return ret;
}
