/*
 * Consent records and the consent in force on a date: PRODUCT.md's
 * "Consent over time", rule by rule.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "test_store.h"

static void pupils(void)
{
	store_fx_setup_created();
	store_fx_pupil("1001", "Amy", "Jones", NULL, "Year 3");
	store_fx_pupil("1002", "Ben", "Ali", NULL, "Year 3");
}

TestSuite(consent, .init = pupils, .fini = store_fx_teardown);

#define G PC_DECISION_GRANTED
#define R PC_DECISION_REFUSED
#define W PC_DECISION_WITHDRAWN

static struct pc_consent_status status(const char *pupil, const char *purpose, const char *date)
{
	struct pc_consent_status st;
	int ret = pc_store_consent_in_force(&st, sfx.store, pupil, purpose, date, &test_err);
	cr_assert_eq(ret, 0, "%s", test_err.message);
	return st;
}

Test(consent, no_record_means_none)
{
	struct pc_consent_status st = status("1001", "website", "2026-01-01");
	cr_expect_eq(st.state, PC_CONSENT_NONE);
	cr_expect_eq(st.seq, 0);
	cr_expect_str_eq(st.since, "");
	cr_expect_str_eq(st.expires_on, "");
}

Test(consent, a_grant_is_in_force_from_its_signing_date)
{
	store_fx_consent("1001", "website", G, "2025-09-08", NULL, NULL);
	cr_expect_eq(store_fx_state("1001", "website", "2025-09-07"), PC_CONSENT_NONE);
	struct pc_consent_status st = status("1001", "website", "2025-09-08");
	cr_expect_eq(st.state, PC_CONSENT_GRANTED);
	cr_expect_str_eq(st.since, "2025-09-08");
	cr_expect_gt(st.seq, 0);
	cr_expect_eq(store_fx_state("1001", "website", "2030-01-01"), PC_CONSENT_GRANTED);
	cr_expect_eq(store_fx_state("1001", "newsletter", "2026-01-01"), PC_CONSENT_NONE,
	             "a grant is for its purpose only");
	cr_expect_eq(store_fx_state("1002", "website", "2026-01-01"), PC_CONSENT_NONE,
	             "and for its pupil only");
}

Test(consent, a_record_signed_after_the_check_date_is_not_in_force)
{
	store_fx_consent("1001", "website", G, "2025-09-01", NULL, NULL);
	store_fx_consent("1001", "website", R, "2026-03-01", NULL, NULL);
	cr_expect_eq(store_fx_state("1001", "website", "2026-02-28"), PC_CONSENT_GRANTED);
	cr_expect_eq(store_fx_state("1001", "website", "2026-03-01"), PC_CONSENT_REFUSED);
}

Test(consent, the_latest_dated_record_decides_whatever_order_they_were_recorded_in)
{
	/* The newer form was typed in first, an old one found later. */
	store_fx_consent("1001", "website", G, "2026-01-10", NULL, NULL);
	store_fx_consent("1001", "website", R, "2025-09-01", NULL, NULL);
	cr_expect_eq(store_fx_state("1001", "website", "2026-02-01"), PC_CONSENT_GRANTED);
	cr_expect_eq(store_fx_state("1001", "website", "2025-12-01"), PC_CONSENT_REFUSED);
}

Test(consent, same_day_refusal_beats_grant_whichever_was_recorded_first)
{
	store_fx_consent("1001", "website", G, "2025-09-08", NULL, NULL);
	store_fx_consent("1001", "website", R, "2025-09-08", NULL, NULL);
	cr_expect_eq(store_fx_state("1001", "website", "2025-10-01"), PC_CONSENT_REFUSED);

	store_fx_consent("1002", "website", R, "2025-09-08", NULL, NULL);
	store_fx_consent("1002", "website", G, "2025-09-08", NULL, NULL);
	cr_expect_eq(store_fx_state("1002", "website", "2025-10-01"), PC_CONSENT_REFUSED);
}

Test(consent, same_day_withdrawal_beats_grant)
{
	store_fx_consent("1001", "social", W, NULL, NULL, "2025-09-08");
	store_fx_consent("1001", "social", G, "2025-09-08", NULL, NULL);
	cr_expect_eq(store_fx_state("1001", "social", "2025-09-08"), PC_CONSENT_WITHDRAWN);
}

Test(consent, among_records_of_one_kind_and_day_the_last_recorded_counts)
{
	store_fx_consent("1001", "website", G, "2025-09-08", NULL, NULL);
	store_fx_consent("1001", "website", G, "2025-09-08", "2026-07-31", NULL);
	struct pc_consent_status st = status("1001", "website", "2026-08-01");
	cr_expect_eq(st.state, PC_CONSENT_EXPIRED);
	cr_expect_str_eq(st.expires_on, "2026-07-31");
}

Test(consent, a_grant_is_in_force_on_its_expiry_day_and_expired_after)
{
	store_fx_consent("1001", "press", G, "2025-09-01", "2026-07-31", NULL);
	struct pc_consent_status st = status("1001", "press", "2026-07-31");
	cr_expect_eq(st.state, PC_CONSENT_GRANTED, "the expiry day itself is still granted");
	cr_expect_str_eq(st.expires_on, "2026-07-31");
	st = status("1001", "press", "2026-08-01");
	cr_expect_eq(st.state, PC_CONSENT_EXPIRED);
	cr_expect_str_eq(st.expires_on, "2026-07-31");
	cr_expect_str_eq(st.since, "2025-09-01");
}

Test(consent, a_new_grant_after_expiry_is_in_force)
{
	store_fx_consent("1001", "press", G, "2024-09-01", "2025-07-31", NULL);
	store_fx_consent("1001", "press", G, "2025-09-01", NULL, NULL);
	cr_expect_eq(store_fx_state("1001", "press", "2025-08-15"), PC_CONSENT_EXPIRED);
	cr_expect_eq(store_fx_state("1001", "press", "2025-09-01"), PC_CONSENT_GRANTED);
}

Test(consent, a_withdrawal_dated_the_check_day_is_already_withdrawn)
{
	store_fx_consent("1001", "website", G, "2025-09-01", NULL, NULL);
	store_fx_consent("1001", "website", W, NULL, NULL, "2026-03-02");
	cr_expect_eq(store_fx_state("1001", "website", "2026-03-01"), PC_CONSENT_GRANTED);
	struct pc_consent_status st = status("1001", "website", "2026-03-02");
	cr_expect_eq(st.state, PC_CONSENT_WITHDRAWN);
	cr_expect_str_eq(st.since, "2026-03-02");
	cr_expect_str_eq(st.expires_on, "");
	cr_expect_eq(store_fx_state("1001", "website", "2027-01-01"), PC_CONSENT_WITHDRAWN);
}

Test(consent, a_withdrawal_counts_from_its_own_date_not_its_signing)
{
	/* A form signed before the grant that withdraws from a later date. */
	store_fx_consent("1001", "website", G, "2025-09-01", NULL, NULL);
	struct pc_consent_record r = { .pupil_id = "1001", .purpose_id = "website",
	                               .decision = W, .signed_on = "2025-08-01",
	                               .withdrawn_on = "2026-01-05", .recorded_by = "dpo" };
	cr_assert_eq(pc_store_consent_add(sfx.store, &r, &test_err), 0, "%s", test_err.message);
	cr_expect_eq(store_fx_state("1001", "website", "2026-01-04"), PC_CONSENT_GRANTED);
	cr_expect_eq(store_fx_state("1001", "website", "2026-01-05"), PC_CONSENT_WITHDRAWN);
}

Test(consent, a_withdrawal_without_a_date_is_from_today)
{
	char today[11];
	pc_date_today(today);
	store_fx_consent("1001", "website", G, "2020-09-01", NULL, NULL);
	store_fx_consent("1001", "website", W, NULL, NULL, NULL);
	struct pc_consent_status st = status("1001", "website", today);
	cr_expect_eq(st.state, PC_CONSENT_WITHDRAWN);
	cr_expect_str_eq(st.since, today);

	struct pc_consent_list *h = NULL;
	cr_assert_eq(pc_store_consent_history(&h, sfx.store, "1001", &test_err), 0);
	cr_assert_eq(h->count, 2);
	cr_expect_str_eq(h->items[1].withdrawn_on, today);
	pc_consent_list_free(h);
}

Test(consent, a_grant_without_a_signing_date_counts_from_the_day_recorded)
{
	char today[11];
	pc_date_today(today);
	store_fx_consent("1001", "display", G, NULL, NULL, NULL);
	struct pc_consent_status st = status("1001", "display", today);
	cr_expect_eq(st.state, PC_CONSENT_GRANTED);
	cr_expect_str_eq(st.since, today);
	cr_expect_eq(store_fx_state("1001", "display", "2000-01-01"), PC_CONSENT_NONE);
}

Test(consent, a_pupil_who_has_left_has_no_consent_in_force)
{
	store_fx_consent("1001", "website", G, "2025-09-01", NULL, NULL);
	cr_assert_eq(pc_store_pupil_set_left_on(sfx.store, "1001", "2026-07-22", "dpo", &test_err), 0);
	cr_expect_eq(store_fx_state("1001", "website", "2026-07-21"), PC_CONSENT_GRANTED,
	             "the day before leaving");
	struct pc_consent_status st = status("1001", "website", "2026-07-22");
	cr_expect_eq(st.state, PC_CONSENT_LEFT, "the day of leaving");
	cr_expect_str_eq(st.since, "2026-07-22");
	cr_expect_eq(store_fx_state("1001", "website", "2026-07-23"), PC_CONSENT_LEFT,
	             "left yesterday");
	cr_expect_str_eq(pc_consent_state_name(PC_CONSENT_LEFT), "pupil-left");
}

Test(consent, unknown_pupil_purpose_or_date_fail_with_a_reason)
{
	struct pc_consent_status st;
	cr_expect_eq(pc_store_consent_in_force(&st, sfx.store, "1042", "website", "2026-01-01", &test_err),
	             PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message, "no pupil has the id '1042'");
	cr_expect_eq(pc_store_consent_in_force(&st, sfx.store, "1001", "webiste", "2026-01-01", &test_err),
	             PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message,
	                 "no purpose is called 'webiste' (did you mean 'website'?); 'photoconsent purpose list' shows them");
	cr_expect_eq(pc_store_consent_in_force(&st, sfx.store, "1001", "website", "2026-02-30", &test_err),
	             PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'2026-02-30' is not a date (YYYY-MM-DD)");
}

Test(consent, state_names)
{
	cr_expect_str_eq(pc_consent_state_name(PC_CONSENT_NONE), "none");
	cr_expect_str_eq(pc_consent_state_name(PC_CONSENT_GRANTED), "granted");
	cr_expect_str_eq(pc_consent_state_name(PC_CONSENT_REFUSED), "refused");
	cr_expect_str_eq(pc_consent_state_name(PC_CONSENT_WITHDRAWN), "withdrawn");
	cr_expect_str_eq(pc_consent_state_name(PC_CONSENT_EXPIRED), "expired");
}

/* ------------------------------------------------------------------ adding */

static int add(const char *pupil, const char *purpose, enum pc_decision d, const char *signed_on,
               const char *expires_on, const char *withdrawn_on)
{
	struct pc_consent_record r = { .pupil_id = pupil, .purpose_id = purpose, .decision = d,
	                               .signed_on = signed_on, .expires_on = expires_on,
	                               .withdrawn_on = withdrawn_on, .recorded_by = "dpo" };
	return pc_store_consent_add(sfx.store, &r, &test_err);
}

Test(consent, no_grant_for_an_always_denied_purpose)
{
	cr_expect_eq(add("1001", "staff-personal", G, "2025-09-01", NULL, NULL), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "'staff-personal' is always denied; no consent can be granted for it");
	cr_expect_eq(add("1001", "staff-personal", R, "2025-09-01", NULL, NULL), 0,
	             "a refusal says nothing new, but is no error");
}

Test(consent, bad_records_are_refused_and_nothing_is_written)
{
	cr_expect_eq(add("1042", "website", G, "2025-09-01", NULL, NULL), PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message, "no pupil has the id '1042'");
	cr_expect_eq(add("1001", "webiste", G, "2025-09-01", NULL, NULL), PC_ENOTFOUND);
	cr_expect_str_eq(test_err.message,
	                 "no purpose is called 'webiste' (did you mean 'website'?); 'photoconsent purpose list' shows them");
	cr_expect_eq(add("1001", "website", G, "2025-09-31", NULL, NULL), PC_EFORMAT);
	cr_expect_str_eq(test_err.message, "'2025-09-31' is not a date (YYYY-MM-DD)");
	cr_expect_eq(add("1001", "website", G, "2025-09-01", "2025-08-31", NULL), PC_EFORMAT);
	cr_expect_str_eq(test_err.message,
	                 "consent cannot expire (2025-08-31) before it is signed (2025-09-01)");
	cr_expect_eq(add("1001", "website", G, "2025-09-01", NULL, "2025-10-01"), PC_EFORMAT);
	cr_expect_eq(add("1001", "website", W, NULL, "2026-01-01", NULL), PC_EFORMAT);
	cr_expect_eq(add("1001", "website", (enum pc_decision)9, NULL, NULL, NULL), PC_EFORMAT);

	struct pc_consent_list *h = NULL;
	cr_assert_eq(pc_store_consent_history(&h, sfx.store, "1001", &test_err), 0);
	cr_expect_eq(h->count, 0);
	pc_consent_list_free(h);
}

Test(consent, history_is_every_record_oldest_first)
{
	store_fx_consent("1001", "website", G, "2025-09-01", "2026-07-31", NULL);
	struct pc_consent_record r = { .pupil_id = "1001", .purpose_id = "press", .decision = R,
	                               .signed_on = "2025-09-02", .recorded_by = "office",
	                               .note = "mum phoned" };
	cr_assert_eq(pc_store_consent_add(sfx.store, &r, &test_err), 0);
	store_fx_consent("1001", "website", W, NULL, NULL, "2026-01-01");
	store_fx_consent("1002", "website", G, "2025-09-01", NULL, NULL);

	struct pc_consent_list *h = NULL;
	cr_assert_eq(pc_store_consent_history(&h, sfx.store, "1001", &test_err), 0);
	cr_assert_eq(h->count, 3);
	cr_expect(h->items[0].seq < h->items[1].seq && h->items[1].seq < h->items[2].seq);
	cr_expect_eq(h->items[0].decision, G);
	cr_expect_str_eq(h->items[0].purpose_id, "website");
	cr_expect_str_eq(h->items[0].expires_on, "2026-07-31");
	cr_expect_null(h->items[0].withdrawn_on);
	cr_expect_null(h->items[0].note);
	cr_expect_eq(h->items[1].decision, R);
	cr_expect_str_eq(h->items[1].note, "mum phoned");
	cr_expect_str_eq(h->items[1].recorded_by, "office");
	cr_expect_eq(strlen(h->items[1].recorded_at), 19);
	cr_expect_eq(h->items[2].decision, W);
	cr_expect_str_eq(h->items[2].withdrawn_on, "2026-01-01");
	cr_expect_str_eq(h->items[2].pupil_id, "1001");
	pc_consent_list_free(h);

	h = (void *)1;
	cr_expect_eq(pc_store_consent_history(&h, sfx.store, "1042", &test_err), PC_ENOTFOUND);
	cr_expect_null(h);
}

Test(consent, latest_is_the_last_recorded_for_the_pair)
{
	struct pc_consent_list *l = NULL;
	cr_assert_eq(pc__store_consent_latest(sfx.store, "1001", "website", &l), 0);
	cr_expect_eq(l->count, 0);
	pc_consent_list_free(l);
	store_fx_consent("1001", "website", G, "2026-01-01", NULL, NULL);
	store_fx_consent("1001", "website", R, "2025-01-01", NULL, NULL);
	store_fx_consent("1001", "press", G, "2025-01-01", NULL, NULL);
	cr_assert_eq(pc__store_consent_latest(sfx.store, "1001", "website", &l), 0);
	cr_assert_eq(l->count, 1);
	cr_expect_eq(l->items[0].decision, R);
	cr_expect_str_eq(l->items[0].signed_on, "2025-01-01");
	pc_consent_list_free(l);
}

Test(consent, in_force_uses_the_indexes)
{
	store_fx_consent("1001", "website", G, "2025-09-01", NULL, NULL);
	store_fx_consent("1002", "website", G, "2025-09-01", NULL, NULL);
	sqlite3 *db = pc__store_db(sfx.store);
	for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st; st = sqlite3_next_stmt(db, st))
		sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
	cr_expect_eq(store_fx_state("1001", "website", "2026-01-01"), PC_CONSENT_GRANTED);
	for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st; st = sqlite3_next_stmt(db, st))
		cr_expect_eq(sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0), 0,
		             "scans a table: %s", sqlite3_sql(st));
}
