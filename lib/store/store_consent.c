/*
 * store_consent.c: consent records (appended, never changed) and the
 * consent in force on a date.
 *
 * The consent in force is decided here in C over the records of one pupil
 * and purpose, fetched with one look-up of the consents_by_pupil index:
 * a pair has a handful of records, so reading them all costs less than
 * teaching SQL the tie-breaks, and the rules stay readable in one place
 * (decide(), below).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_internal.h"
#include "base/text.h"

#define RECORD_COLUMNS "seq, pupil_id, purpose_id, decision, signed_on, expires_on," \
	" withdrawn_on, recorded_by, recorded_at, note"

static const char SQL_INSERT[] =
	"INSERT INTO consents (pupil_id, purpose_id, decision, signed_on, expires_on,"
	" withdrawn_on, recorded_by, recorded_at, note, source)"
	" VALUES (" PC__SQL_PUPIL("?1") ", " PC__SQL_PURPOSE("?2") ", ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	" ?10)";
static const char SQL_HISTORY[] =
	"SELECT " RECORD_COLUMNS " FROM consents WHERE pupil_id = " PC__SQL_PUPIL("?1")
	" ORDER BY seq";
static const char SQL_LATEST[] =
	"SELECT " RECORD_COLUMNS " FROM consents WHERE pupil_id = ?1 AND purpose_id = ?2"
	" ORDER BY seq DESC LIMIT 1";
static const char SQL_MANUAL_SINCE[] =
	"SELECT " RECORD_COLUMNS " FROM consents WHERE pupil_id = ?1 AND purpose_id = ?2"
	" AND source = 'manual' AND seq > CAST(?3 AS INTEGER) ORDER BY seq DESC LIMIT 1";
/*
 * Everything the consent in force needs, in one statement (a look-up is
 * one read transaction, one lock of the file): a row per record of the
 * pupil and purpose, each with the pupil's leaving date and whether the
 * pupil and the purpose exist; one row of NULL records when there are
 * none. Three index searches: pupils and purposes by id, consents by
 * consents_by_pupil.
 */
static const char SQL_IN_FORCE[] =
	"SELECT p.left_on, p.id IS NOT NULL, u.id IS NOT NULL,"
	" c.seq, c.decision, c.signed_on, c.expires_on, c.withdrawn_on, c.recorded_at"
	" FROM (SELECT " PC__SQL_PUPIL("?1") " AS pupil, " PC__SQL_PURPOSE("?2") " AS purpose) AS k"
	" LEFT JOIN pupils AS p ON p.id = k.pupil"
	" LEFT JOIN purposes AS u ON u.id = k.purpose"
	" LEFT JOIN consents AS c ON c.pupil_id = k.pupil AND c.purpose_id = k.purpose";

/* The schema allows only the three words; anything else reads as a
 * refusal, the safe side. */
static enum pc_decision decision_of(const unsigned char *text)
{
	enum pc_decision d;
	if (!text || pc_decision_from_name(&d, (const char *)text))
		return PC_DECISION_REFUSED;
	return d;
}

const char *pc_consent_state_name(enum pc_consent_state state)
{
	switch (state) {
	case PC_CONSENT_NONE: return "none";
	case PC_CONSENT_GRANTED: return "granted";
	case PC_CONSENT_REFUSED: return "refused";
	case PC_CONSENT_WITHDRAWN: return "withdrawn";
	case PC_CONSENT_EXPIRED: return "expired";
	case PC_CONSENT_LEFT: return "pupil-left";
	default: return "unknown";
	}
}

/* ----------------------------------------------------------------- adding */

static int check_text(pc_store *store, const char *s, const char *what)
{
	return pc__store_check_text(store, s, "the %s", what);
}

static int consent_add(pc_store *store, const struct pc_consent_record *r)
{
	return pc__store_consent_append(store, r, 0, NULL);
}

int pc__store_consent_append(pc_store *store, const struct pc_consent_record *r,
                             int from_import, long long *seq)
{
	int ret = PC_ERROR;
	struct pc__store_write w = { 0, 0 };
	sqlite3_stmt *st = NULL;
	int always_deny = 0;
	char today[11], now[20], doing[300];
	const char *withdrawn_on = NULL;

	if (!r) {
		ret = pc__store_fail(store, PC_EFORMAT, "no consent record given");
		goto done;
	}
	const char *decision = pc_decision_name(r->decision);
	if (!decision) {
		ret = pc__store_fail(store, PC_EFORMAT, "%d is not a consent decision "
		                     "(granted, refused or withdrawn)", (int)r->decision);
		goto done;
	}
	if ((r->signed_on && (ret = pc__store_check_date(store, r->signed_on))) ||
	    (r->expires_on && (ret = pc__store_check_date(store, r->expires_on))) ||
	    (r->withdrawn_on && (ret = pc__store_check_date(store, r->withdrawn_on))) ||
	    (ret = check_text(store, r->note, "note of the consent record")) ||
	    (ret = check_text(store, r->recorded_by, "name of who records it")))
		goto done;
	if (r->withdrawn_on && r->decision != PC_DECISION_WITHDRAWN) {
		ret = pc__store_fail(store, PC_EFORMAT, "only a withdrawal has a withdrawal date");
		goto done;
	}
	if (r->expires_on && r->decision == PC_DECISION_WITHDRAWN) {
		ret = pc__store_fail(store, PC_EFORMAT, "a withdrawal has no expiry date");
		goto done;
	}
	if (r->expires_on && r->signed_on && strcmp(r->expires_on, r->signed_on) < 0) {
		ret = pc__store_fail(store, PC_EFORMAT, "consent cannot expire (%s) before it is "
		                     "signed (%s)", r->expires_on, r->signed_on);
		goto done;
	}
	pc_date_today(today);
	pc__store_now(now);
	if (r->decision == PC_DECISION_WITHDRAWN)
		withdrawn_on = r->withdrawn_on ? r->withdrawn_on : today;

	ret = pc__store_write_begin(store, &w);
	if (ret)
		goto done;
	if ((ret = pc__store_pupil_exists(store, r->pupil_id)) ||
	    (ret = pc__store_purpose_find(store, r->purpose_id, &always_deny)))
		goto done;
	if (always_deny && r->decision == PC_DECISION_GRANTED) {
		ret = pc__store_fail(store, PC_EFORMAT, "'%s' is always denied; no consent can be "
		                     "granted for it", r->purpose_id);
		goto done;
	}
	snprintf(doing, sizeof(doing), "cannot record consent for pupil '%s' and '%s'",
	         r->pupil_id, r->purpose_id);
	ret = pc__store_stmt(store, &st, SQL_INSERT);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, r->pupil_id) || pc__store_bind_text(st, 2, r->purpose_id) ||
	    pc__store_bind_text(st, 3, decision) || pc__store_bind_text(st, 4, r->signed_on) ||
	    pc__store_bind_text(st, 5, r->expires_on) || pc__store_bind_text(st, 6, withdrawn_on) ||
	    pc__store_bind_text(st, 7, r->recorded_by && *r->recorded_by ? r->recorded_by : "unknown") ||
	    pc__store_bind_text(st, 8, now) || pc__store_bind_text(st, 9, r->note) ||
	    pc__store_bind_text(st, 10, from_import ? "import" : "manual")) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	ret = pc__store_step(store, st, doing);
	if (ret == 0 && seq)
		*seq = sqlite3_last_insert_rowid(pc__store_db(store));
done:
	sqlite3_reset(st);
	return pc__store_write_end(store, &w, ret);
}

/* ---------------------------------------------------------------- reading */

void pc_consent_list_free(struct pc_consent_list *list)
{
	if (list)
		pc__arena_free(list->priv);
}

/* One row of RECORD_COLUMNS. */
static int record_row(pc_store *store, struct pc__arena *arena, sqlite3_stmt *st, void *item,
                      void *ctx)
{
	int ret = 0;
	struct pc_consent_record *r = item;
	(void)ctx;
	if (pc__store_col_text(arena, st, 1, &r->pupil_id) ||
	    pc__store_col_text(arena, st, 2, &r->purpose_id) ||
	    pc__store_col_text(arena, st, 4, &r->signed_on) ||
	    pc__store_col_text(arena, st, 5, &r->expires_on) ||
	    pc__store_col_text(arena, st, 6, &r->withdrawn_on) ||
	    pc__store_col_text(arena, st, 7, &r->recorded_by) ||
	    pc__store_col_text(arena, st, 8, &r->recorded_at) ||
	    pc__store_col_text(arena, st, 9, &r->note))
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
	r->seq = sqlite3_column_int64(st, 0);
	r->decision = decision_of(sqlite3_column_text(st, 3));
	return ret;
}

/* Every row of `sql`, with `params` bound to ?1, ?2, ..., into a new list. */
static int read_records(pc_store *store, struct pc_consent_list **out, const char *sql,
                        const char *const *params, int param_count)
{
	struct pc__store_list l;
	const struct pc__store_query q = {
		.sql = sql, .params = params, .param_count = param_count,
		.doing = "cannot read the consent records",
		.item_size = sizeof(struct pc_consent_record), .row = record_row,
	};
	int ret = pc__store_read_list(store, &l, sizeof(**out), &q);
	*out = l.list;
	if (*out)
		**out = (struct pc_consent_list){ .count = l.count, .items = l.items, .priv = l.arena };
	return ret;
}

static int consent_history(pc_store *store, const char *pupil_id,
                             struct pc_consent_list **out)
{
	int ret = PC_ERROR;

	*out = NULL;
	ret = pc__store_pupil_exists(store, pupil_id);
	if (ret)
		goto done;
	ret = read_records(store, out, SQL_HISTORY, &pupil_id, 1);
done:
	return ret;
}

int pc__store_consent_latest(pc_store *store, const char *pupil_id, const char *purpose_id,
                             struct pc_consent_list **out)
{
	const char *params[] = { pupil_id, purpose_id };
	return read_records(store, out, SQL_LATEST, params, 2);
}

int pc__store_consent_manual_since(pc_store *store, const char *pupil_id,
                                   const char *purpose_id, long long after,
                                   struct pc_consent_list **out)
{
	char number[24];
	snprintf(number, sizeof(number), "%lld", after);
	const char *params[] = { pupil_id, purpose_id, number };
	return read_records(store, out, SQL_MANUAL_SINCE, params, 3);
}

/* --------------------------------------------------------------- in force */

/* One record as the decision sees it. */
struct candidate {
	long long seq;
	enum pc_decision decision;
	char date[11];       /* from when it counts */
	char expires_on[11]; /* "" when none */
};

static void copy_date(char out[11], const unsigned char *s)
{
	if (s && pc_date_valid((const char *)s))
		memcpy(out, s, 11);
	else
		out[0] = '\0';
}

/* The local day of a "YYYY-MM-DD HH:MM:SS" UTC time: the day a person
 * recorded it, as the check date is a local day. */
static void local_day(char out[11], const unsigned char *utc)
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	out[0] = '\0';
	/* Four and two digits at most: no number here can overflow. */
	/* NOLINTNEXTLINE(cert-err34-c) */
	if (!utc || sscanf((const char *)utc, "%4d-%2d-%2d %2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	                   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm local;
	if (t == (time_t)-1 || !localtime_r(&t, &local) ||
	    strftime(out, 11, "%Y-%m-%d", &local) != 10)
		out[0] = '\0';
}

/* Whether `a` decides over `b`: the later date; on the same date a refusal
 * or withdrawal over a grant (when parents disagree, the refusal wins);
 * then the one recorded last. */
static int outranks(const struct candidate *a, const struct candidate *b)
{
	int c = strcmp(a->date, b->date);
	if (c)
		return c > 0;
	int a_no = a->decision != PC_DECISION_GRANTED, b_no = b->decision != PC_DECISION_GRANTED;
	if (a_no != b_no)
		return a_no;
	return a->seq > b->seq;
}

/* The state that the deciding record gives on `date`. */
static void decide(const struct candidate *best, const char *date, struct pc_consent_status *out)
{
	out->seq = best->seq;
	memcpy(out->since, best->date, 11);
	switch (best->decision) {
	case PC_DECISION_GRANTED:
		memcpy(out->expires_on, best->expires_on, 11);
		/* Up to and including the expiry day. */
		out->state = best->expires_on[0] && strcmp(date, best->expires_on) > 0
		           ? PC_CONSENT_EXPIRED : PC_CONSENT_GRANTED;
		break;
	case PC_DECISION_WITHDRAWN:
		out->state = PC_CONSENT_WITHDRAWN;
		break;
	default:
		out->state = PC_CONSENT_REFUSED;
		break;
	}
}

static int consent_in_force(pc_store *store, const char *pupil_id, const char *purpose_id,
                            const char *date, struct pc_consent_status *out)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	const char *doing = "cannot read the consent records";
	struct candidate best, c;
	int have = 0, first = 1;
	char left_on[11] = "";

	memset(out, 0, sizeof(*out));
	out->state = PC_CONSENT_NONE;
	ret = pc__store_check_date(store, date);
	if (ret)
		goto done;
	ret = pc__store_stmt(store, &st, SQL_IN_FORCE);
	if (ret)
		goto done;
	if (pc__store_bind_text(st, 1, pupil_id) || pc__store_bind_text(st, 2, purpose_id)) {
		ret = pc__store_sqlite_fail(store, sqlite3_errcode(pc__store_db(store)), doing);
		goto done;
	}
	while ((ret = pc__store_step(store, st, doing)) == 1) {
		if (first) {
			first = 0;
			if (!sqlite3_column_int(st, 1)) {
				ret = pc__store_fail(store, PC_ENOTFOUND, "no pupil has the id '%s'",
				                     pc__store_shown(pupil_id));
				goto done;
			}
			if (!sqlite3_column_int(st, 2)) {
				ret = pc__store_no_purpose(store, purpose_id);
				goto done;
			}
			copy_date(left_on, sqlite3_column_text(st, 0));
			if (left_on[0] && strcmp(left_on, date) <= 0)
				break;
		}
		if (sqlite3_column_type(st, 3) == SQLITE_NULL)
			continue; /* no record at all */
		c.seq = sqlite3_column_int64(st, 3);
		c.decision = decision_of(sqlite3_column_text(st, 4));
		/* A record counts from its date: the withdrawal's, else the
		 * signing, else the day it was recorded. */
		copy_date(c.date, sqlite3_column_text(st, c.decision == PC_DECISION_WITHDRAWN ? 7 : 5));
		if (!c.date[0])
			local_day(c.date, sqlite3_column_text(st, 8));
		/* Not yet in force on `date` (or undatable, which cannot be
		 * placed before it). */
		if (!c.date[0] || strcmp(c.date, date) > 0)
			continue;
		copy_date(c.expires_on, sqlite3_column_text(st, 6));
		if (!have || outranks(&c, &best)) {
			best = c;
			have = 1;
		}
	}
	if (ret < 0)
		goto done;
	if (first) {
		ret = pc__store_fail(store, PC_ERROR, "%s: the database gave no answer", doing);
		goto done;
	}
	ret = 0;
	if (left_on[0] && strcmp(left_on, date) <= 0) {
		/* Whatever the records say, the pupil had left by then. */
		out->state = PC_CONSENT_LEFT;
		memcpy(out->since, left_on, 11);
	} else if (have) {
		decide(&best, date, out);
	}
done:
	sqlite3_reset(st);
	return ret;
}

/* ------------------------------------------------------------ the public calls */

int pc_store_consent_add(pc_store *store, const struct pc_consent_record *record,
                         struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, record);
	return pc__store_result(store, consent_add(store, record), err);
}

int pc_store_consent_history(pc_consent_list **out, pc_store *store, const char *pupil_id,
                             struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, pupil_id);
	return pc__store_result(store, consent_history(store, pupil_id, out), err);
}

int pc_store_consent_in_force(struct pc_consent_status *out, pc_store *store,
                              const char *pupil_id, const char *purpose_id, const char *date,
                              struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	memset(out, 0, sizeof(*out));
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, pupil_id);
	PC_ASSERT_ARG(err, purpose_id);
	int ret = consent_in_force(store, pupil_id, purpose_id, date, out);
	if (ret < 0)
		memset(out, 0, sizeof(*out));
	return pc__store_result(store, ret, err);
}

size_t pc_consent_list_count(const pc_consent_list *list)
{
	return list ? list->count : 0;
}

const struct pc_consent_record *pc_consent_list_get(const pc_consent_list *list, size_t i)
{
	return list && i < list->count ? &list->items[i] : NULL;
}
