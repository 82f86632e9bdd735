/*
 * The store's public surface as a program built against it sees it: only
 * photoconsent.h, no private header. Options from an older layout are
 * refused, not misread; lists are read through their accessors; a NULL
 * where an object is needed is PC_EINVALID; a failed open hands back
 * nothing and says why.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "photoconsent/photoconsent.h"
#include "test_store.h"

TestSuite(store_api, .init = store_fx_setup_created, .fini = store_fx_teardown);

/* The layouts these structs had before they carried a version, as a
 * program built against those headers fills them in. */
struct old_import_options {
	unsigned flags;
	const char *by;
	const char *leavers_left_on;
};

struct old_log_query {
	const char *since;
	const char *file;
	const char *pupil;
};

static const char *write_file(const char *name, const char *text)
{
	static char path[160];
	store_fx_file(path, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static size_t pupil_count(void)
{
	pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, NULL, NULL), 0);
	size_t n = pc_pupil_list_count(list);
	pc_pupil_list_free(list);
	return n;
}

Test(store_api, import_options_of_the_old_layout_are_refused)
{
	const char *csv = write_file("pupils.csv", "pupil_id,forename,surname,website\n"
	                                           "1001,Amy,Jones,yes\n");
	const struct old_import_options old[] = {
		{ PC_IMPORT_DRY_RUN, "office", NULL },
		{ 0, "office", NULL },
		{ 0, NULL, NULL },
		{ PC_IMPORT_PREFER_FILE, "office", "2026-07-22" },
		{ PC_IMPORT_DRY_RUN | PC_IMPORT_PREFER_FILE, NULL, "2026-07-22" },
	};
	for (size_t i = 0; i < sizeof(old) / sizeof(old[0]); i++) {
		pc_import_report *report = (pc_import_report *)(void *)&test_err;
		struct pc_error err = PC_ERROR_INIT;
		int ret = pc_store_import_csv(&report, sfx.store, csv,
		                              (const struct pc_import_options *)(const void *)&old[i],
		                              &err);
		cr_expect_eq(ret, PC_EVERSION, "flags %#x: %d", old[i].flags, ret);
		cr_expect_eq(err.code, PC_EVERSION);
		cr_expect_neq(strstr(err.message, "struct pc_import_options"), NULL, "%s",
		              err.message);
		cr_expect_null(report);
	}
	/* Nothing was imported by any of them, not even a dry run's worth. */
	cr_expect_eq(pupil_count(), 0);

	/* The same file with options made as today's header says goes in. */
	struct pc_import_options opts = PC_IMPORT_OPTIONS_INIT;
	opts.by = "office";
	pc_import_report *report = NULL;
	cr_assert_eq(pc_store_import_csv(&report, sfx.store, csv, &opts, NULL), 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 1);
	pc_import_report_free(report);
	cr_expect_eq(pupil_count(), 1);
}

static int count_row(void *ctx, const struct pc_log_entry *photo, const struct pc_log_scan *scan)
{
	(void)photo;
	(void)scan;
	++*(size_t *)ctx;
	return 0;
}

Test(store_api, log_queries_of_the_old_layout_are_refused)
{
	const struct old_log_query old[] = {
		{ NULL, NULL, NULL },
		{ "2026-01-01", NULL, NULL },
		{ NULL, "/srv/photos/a.jpg", NULL },
		{ NULL, NULL, "1001" },
		{ "2026-01-01", "/srv/photos/a.jpg", "1001" },
	};
	for (size_t i = 0; i < sizeof(old) / sizeof(old[0]); i++) {
		/* A copy as large as today's struct, so that nothing past the
		 * old one is read even if the check were to look further. */
		struct pc_log_query big;
		memset(&big, 0, sizeof(big));
		memcpy(&big, &old[i], sizeof(old[i]));
		struct pc_error err = PC_ERROR_INIT;
		int ret = pc_store_log_read(sfx.store, &big, &err);
		cr_expect_eq(ret, PC_EVERSION, "query %zu: %d", i, ret);
		cr_expect_eq(err.code, PC_EVERSION);
		cr_expect_neq(strstr(err.message, "struct pc_log_query"), NULL, "%s", err.message);
	}
	size_t rows = 0;
	struct pc_log_query q = PC_LOG_QUERY_INIT;
	q.fn = count_row;
	q.ctx = &rows;
	cr_expect_eq(pc_store_log_read(sfx.store, &q, NULL), 0);
	cr_expect_eq(rows, 0);
}

Test(store_api, a_query_or_options_with_another_version_are_refused)
{
	struct pc_log_query q = PC_LOG_QUERY_INIT;
	size_t rows = 0;
	q.fn = count_row;
	q.ctx = &rows;
	q.version = PC__OPTIONS_VERSION(4, 2);
	cr_expect_eq(pc_store_log_read(sfx.store, &q, NULL), PC_EVERSION);
	/* The tag of another kind of options is not this one's either. */
	q.version = PC__OPTIONS_VERSION(3, 1);
	cr_expect_eq(pc_store_log_read(sfx.store, &q, NULL), PC_EVERSION);
	/* A query needs its callback. */
	q = (struct pc_log_query)PC_LOG_QUERY_INIT;
	cr_expect_eq(pc_store_log_read(sfx.store, &q, NULL), PC_EINVALID);
	cr_expect_eq(pc_store_log_read(sfx.store, NULL, NULL), PC_EINVALID);

	const char *csv = write_file("p.csv", "pupil_id,forename,surname\n1001,Amy,Jones\n");
	struct pc_import_options opts = PC_IMPORT_OPTIONS_INIT;
	opts.version = PC__OPTIONS_VERSION(3, 0);
	pc_import_report *report = NULL;
	cr_expect_eq(pc_store_import_csv(&report, sfx.store, csv, &opts, NULL), PC_EVERSION);
	cr_expect_null(report);
	/* NULL options are the defaults. */
	cr_expect_eq(pc_store_import_csv(&report, sfx.store, csv, NULL, NULL), 0);
	cr_expect_eq(pc_import_report_counts(report)->pupils_added, 1);
	pc_import_report_free(report);
}

Test(store_api, lists_are_read_through_their_accessors)
{
	store_fx_pupil("1001", "Amy", "Jones", NULL, "Year 3");
	store_fx_pupil("1002", "Ben", "Smith", NULL, "Year 3");
	pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_list(&list, sfx.store, "Year 3", &test_err), 0);
	cr_expect_eq(pc_pupil_list_count(list), 2);
	cr_expect_str_eq(pc_pupil_list_get(list, 0)->id, "1001");
	cr_expect_str_eq(pc_pupil_list_get(list, 1)->surname, "Smith");
	cr_expect_null(pc_pupil_list_get(list, 2));
	cr_expect_null(pc_pupil_list_get(list, (size_t)-1));
	pc_pupil_list_free(list);

	pc_purpose_list *purposes = NULL;
	cr_assert_eq(pc_store_purpose_list(&purposes, sfx.store, NULL), 0);
	size_t n = pc_purpose_list_count(purposes);
	cr_expect_gt(n, 0);
	cr_expect_not_null(pc_purpose_list_get(purposes, n - 1));
	cr_expect_null(pc_purpose_list_get(purposes, n));
	pc_purpose_list_free(purposes);

	pc_pupil_matches *m = NULL;
	cr_assert_eq(pc_store_pupils_named(&m, sfx.store, "Jones, Amy", NULL), 0);
	cr_expect_eq(pc_pupil_matches_count(m), 1);
	cr_expect_eq(pc_pupil_matches_get(m, 0)->kind, PC_MATCH_NAME);
	cr_expect_null(pc_pupil_matches_get(m, 1));
	pc_pupil_matches_free(m);

	pc_string_list *roots = NULL;
	cr_assert_eq(pc_store_person_roots(&roots, sfx.store, NULL), 0);
	cr_expect_eq(pc_string_list_count(roots), 0);
	cr_expect_null(pc_string_list_get(roots, 0));
	pc_string_list_free(roots);

	/* A NULL list is empty, not a crash. */
	cr_expect_eq(pc_pupil_list_count(NULL), 0);
	cr_expect_null(pc_pupil_list_get(NULL, 0));
	cr_expect_eq(pc_consent_list_count(NULL), 0);
	cr_expect_null(pc_consent_list_get(NULL, 0));
	cr_expect_eq(pc_event_list_count(NULL), 0);
	cr_expect_null(pc_event_list_get(NULL, 0));
	cr_expect_null(pc_import_report_counts(NULL));
	cr_expect_eq(pc_import_report_line_count(NULL, PC_IMPORT_ERRORS), 0);
	cr_expect_null(pc_import_report_line(NULL, PC_IMPORT_ERRORS, 0));
}

Test(store_api, the_import_report_lines_by_kind)
{
	const char *csv = write_file("bad.csv", "pupil_id,forename,surname,website\n"
	                                        "1001,Amy,Jones,maybe\n");
	pc_import_report *report = NULL;
	cr_assert_eq(pc_store_import_csv(&report, sfx.store, csv, NULL, &test_err), 0);
	cr_expect_eq(pc_import_report_counts(report)->refused_file, PC_EFORMAT);
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_ERRORS), 1);
	cr_expect_str_eq(pc_import_report_line(report, PC_IMPORT_ERRORS, 0),
	                 "line 2, column 'website': 'maybe' is not yes or no");
	cr_expect_null(pc_import_report_line(report, PC_IMPORT_ERRORS, 1));
	cr_expect_eq(pc_import_report_line_count(report, PC_IMPORT_CHANGES), 0);
	cr_expect_eq(pc_import_report_line_count(report, (enum pc_import_lines)99), 0);
	cr_expect_null(pc_import_report_line(report, (enum pc_import_lines)99, 0));
	pc_import_report_free(report);
}

Test(store_api, null_arguments_are_einvalid)
{
	struct pc_error err = PC_ERROR_INIT;
	pc_pupil_list *list = NULL;
	cr_expect_eq(pc_store_pupil_get(&list, NULL, "1001", &err), PC_EINVALID);
	cr_expect_eq(err.code, PC_EINVALID);
	cr_expect_neq(strstr(err.message, "store"), NULL, "%s", err.message);
	cr_expect_eq(pc_store_pupil_get(NULL, sfx.store, "1001", NULL), PC_EINVALID);
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, NULL, NULL), PC_EINVALID);
	cr_expect_null(list);
	cr_expect_eq(pc_store_pupil_add(sfx.store, NULL, "dpo", NULL), PC_EINVALID);
	cr_expect_eq(pc_store_consent_add(NULL, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_store_event_list(NULL, sfx.store, NULL), PC_EINVALID);
	cr_expect_eq(pc_store_log_add(sfx.store, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_store_log_scan(NULL, sfx.store, NULL, NULL, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_store_pupil_set_flag(sfx.store, NULL, PC_PUPIL_NO_PHOTO, 1, "dpo", NULL),
	             PC_EINVALID);
	struct pc_consent_status st;
	memset(&st, 0xff, sizeof(st));
	cr_expect_eq(pc_store_consent_in_force(&st, sfx.store, "1001", NULL, "2026-01-01", NULL),
	             PC_EINVALID);
	cr_expect_eq(st.state, PC_CONSENT_NONE);
	cr_expect_eq(st.seq, 0);
	pc_store *store = NULL;
	cr_expect_eq(pc_store_open(&store, NULL, PC_STORE_READ, NULL), PC_EINVALID);
	cr_expect_null(store);
	cr_expect_eq(pc_store_open(NULL, sfx.path, PC_STORE_READ, NULL), PC_EINVALID);
	pc_import_report *report = NULL;
	cr_expect_eq(pc_store_import_csv(&report, sfx.store, NULL, NULL, NULL), PC_EINVALID);
	cr_expect_null(report);
}

Test(store_api, a_failed_call_says_why_in_err)
{
	struct pc_error err = PC_ERROR_INIT;
	pc_pupil_list *list = NULL;
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1042", &err), PC_ENOTFOUND);
	cr_expect_null(list);
	cr_expect_eq(err.code, PC_ENOTFOUND);
	cr_expect_str_eq(err.message, "no pupil has the id '1042'");
	/* A call that succeeds leaves it as it was. */
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1001", &err), 0);
	cr_expect_str_eq(err.message, "no pupil has the id '1042'");
	pc_pupil_list_free(list);
	/* NULL: not wanted, and no crash. */
	cr_expect_eq(pc_store_pupil_get(&list, sfx.store, "1042", NULL), PC_ENOTFOUND);
}

Test(store_api, a_failed_open_hands_back_no_store)
{
	char path[160];
	store_fx_file(path, "missing.db");
	pc_store *store = (pc_store *)(void *)&test_err;
	struct pc_error err = PC_ERROR_INIT;
	cr_expect_eq(pc_store_open(&store, path, PC_STORE_READ, &err), PC_EOPEN);
	cr_expect_null(store);
	cr_expect_eq(err.code, PC_EOPEN);
	cr_expect_neq(strstr(err.message, "missing.db"), NULL, "%s", err.message);
	cr_expect_eq(pc_store_open(&store, sfx.path, (enum pc_store_mode)9, &err), PC_EINVALID);
	cr_expect_null(store);
}

Test(store_api, pupil_flags_are_an_enum)
{
	cr_expect_str_eq(pc_pupil_flag_name(PC_PUPIL_NO_PHOTO), "no_photo");
	cr_expect_str_eq(pc_pupil_flag_name(PC_PUPIL_NO_NAME), "no_name");
	cr_expect_null(pc_pupil_flag_name((enum pc_pupil_flag)0));
	store_fx_pupil("1001", "Amy", "Jones", NULL, NULL);
	cr_assert_eq(pc_store_pupil_set_flag(sfx.store, "1001", PC_PUPIL_NO_NAME, 1, "dpo", NULL),
	             0);
	pc_pupil_list *list = NULL;
	cr_assert_eq(pc_store_pupil_get(&list, sfx.store, "1001", NULL), 0);
	cr_expect_eq(pc_pupil_list_get(list, 0)->no_name, 1);
	cr_expect_eq(pc_pupil_list_get(list, 0)->no_photo, 0);
	pc_pupil_list_free(list);
}
