/*
 * The versioned options structs: a program built against the layouts of
 * pc_read_options and pc_scan_options from before they had a version
 * (declared here as such a program has them, and filled as it would fill
 * them) is refused with PC_EVERSION, not misread; NULL options are the
 * defaults; the _INIT macros are accepted.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "photoconsent/photoconsent.h"
#include "test_store.h"

TestSuite(options, .init = store_fx_setup_created, .fini = store_fx_teardown);

/* struct pc_read_options as it was. */
struct old_read_options {
	const char *const *person_roots;
	size_t person_root_count;
	int no_sidecar;
};

/* struct pc_scan_options as it was. */
struct old_scan_options {
	unsigned jobs;
	enum pc_view view;
	enum pc_scan_format format;
	int color;
	const char *html;
	const struct pc_read_options *read;
	pc_store *log;
	const char *log_by;
};

/* The smallest JPEG: SOI, EOI. */
static const unsigned char JPEG[] = { 0xFF, 0xD8, 0xFF, 0xD9 };

Test(options, an_old_read_layout_is_refused)
{
	static const char *const roots[] = { "Kids" };
	const struct old_read_options olds[] = {
		{ NULL, 0, 0 },
		{ NULL, 0, 1 },
		{ roots, 1, 0 },
	};
	for (size_t i = 0; i < sizeof(olds) / sizeof(olds[0]); i++) {
		pc_photo *photo = (pc_photo *)(void *)&olds[i];
		int ret = pc_photo_read_memory(&photo, "old.jpg", JPEG, sizeof(JPEG),
		                               (const struct pc_read_options *)(const void *)&olds[i]);
		cr_expect_eq(ret, PC_EVERSION, "layout %zu: %d", i, ret);
		cr_expect_null(photo, "layout %zu", i);
		ret = pc_photo_read(&photo, "no-such.jpg",
		                    (const struct pc_read_options *)(const void *)&olds[i]);
		cr_expect_eq(ret, PC_EVERSION, "layout %zu: %d", i, ret);
		cr_expect_null(photo);
	}
}

Test(options, the_read_defaults_and_init_are_accepted)
{
	struct pc_read_options opts = PC_READ_OPTIONS_INIT;
	pc_photo *photo = NULL;
	cr_expect_eq(pc_photo_read_memory(&photo, "a.jpg", JPEG, sizeof(JPEG), &opts), 0);
	cr_expect_not_null(photo);
	pc_photo_free(photo);
	photo = NULL;
	cr_expect_eq(pc_photo_read_memory(&photo, "a.jpg", JPEG, sizeof(JPEG), NULL), 0);
	cr_expect_not_null(photo);
	pc_photo_free(photo);
	/* Nor a zeroed one: it was not made with the macro. */
	memset(&opts, 0, sizeof(opts));
	photo = NULL;
	cr_expect_eq(pc_photo_read_memory(&photo, "a.jpg", JPEG, sizeof(JPEG), &opts),
	             PC_EVERSION);
	cr_expect_null(photo);
}

Test(options, an_old_scan_layout_is_refused)
{
	pc_snapshot *snap = NULL;
	cr_assert_eq(pc_snapshot_load(&snap, sfx.store, "website", "2026-11-26", NULL), 0);
	char folder[160];
	store_fx_file(folder, "");
	const char *roots[] = { folder };
	const unsigned jobs[] = { 1, 4, 0 };
	for (size_t i = 0; i < sizeof(jobs) / sizeof(jobs[0]); i++) {
		struct old_scan_options old;
		memset(&old, 0, sizeof(old));
		old.jobs = jobs[i];
		old.format = PC_SCAN_JSON;
		old.log_by = "office";
		pc_scan_summary *sum = (pc_scan_summary *)(void *)&old;
		struct pc_error err = PC_ERROR_INIT;
		int ret = pc_scan_run(&sum, snap, roots, 1,
		                      (const struct pc_scan_options *)(const void *)&old, &err);
		cr_expect_eq(ret, PC_EVERSION, "jobs %u: %d", jobs[i], ret);
		cr_expect_null(sum);
		cr_expect_eq(err.code, PC_EVERSION);
		cr_expect_neq(strstr(err.message, "pc_scan_options"), NULL, "%s", err.message);
	}
	/* Read options of the old layout inside new scan options: refused too. */
	struct old_read_options old_read = { NULL, 0, 1 };
	struct pc_scan_options opts = PC_SCAN_OPTIONS_INIT;
	opts.read = (const struct pc_read_options *)(const void *)&old_read;
	pc_scan_summary *sum = NULL;
	cr_expect_eq(pc_scan_run(&sum, snap, roots, 1, &opts, NULL), PC_EVERSION);
	cr_expect_null(sum);
	/* The defaults and the macro scan. */
	opts.read = NULL;
	opts.jobs = 1;
	cr_expect_eq(pc_scan_run(&sum, snap, roots, 1, &opts, NULL), 0);
	cr_expect_not_null(sum);
	pc_scan_summary_free(sum);
	sum = NULL;
	cr_expect_eq(pc_scan_run(&sum, snap, roots, 1, NULL, NULL), 0);
	cr_expect_not_null(sum);
	cr_expect_eq(pc_scan_summary_worst(sum), PC_VERDICT_REVIEW);
	cr_expect_eq(pc_scan_summary_count(sum, PC_SCAN_PHOTOS), 0);
	cr_expect_null(pc_scan_summary_blocker(sum, 0));
	pc_scan_summary_free(sum);
	pc_snapshot_free(snap);
}

Test(options, misuse_is_an_error_not_a_crash)
{
	pc_scan_summary *sum = NULL;
	struct pc_error err = PC_ERROR_INIT;
	cr_expect_eq(pc_scan_run(&sum, NULL, NULL, 0, NULL, &err), PC_EINVALID);
	cr_expect_eq(err.code, PC_EINVALID);
	cr_expect_eq(pc_scan_run(NULL, NULL, NULL, 0, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_photo_read(NULL, "a.jpg", NULL), PC_EINVALID);
	pc_photo *photo = NULL;
	cr_expect_eq(pc_photo_read(&photo, NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_photo_read_memory(&photo, "a.jpg", NULL, 4, NULL), PC_EINVALID);
	cr_expect_null(photo);
	char *text = (char *)"x";
	cr_expect_eq(pc_report_inspect_json(&text, NULL), PC_EINVALID);
	cr_expect_null(text);
	cr_expect_eq(pc_report_inspect_text(NULL, NULL), PC_EINVALID);
	cr_expect_eq(pc_report_check_json(&text, NULL, PC_VIEW_STAFF), PC_EINVALID);
	cr_expect_eq(pc_report_check_text(&text, NULL, PC_VIEW_STAFF), PC_EINVALID);
	cr_expect_eq(pc_report_scan_summary(&text, NULL), PC_EINVALID);
	cr_expect_null(text);
}

Test(options, an_unopened_photo_is_a_result)
{
	pc_photo *photo = NULL;
	cr_assert_eq(pc_photo_read(&photo, "/no/such/folder/a.jpg", NULL), 0);
	cr_expect_eq(pc_photo_status(photo), PC_PHOTO_UNOPENED);
	cr_expect_str_eq(pc_photo_open_error(photo), "No such file or directory");
	cr_expect_str_eq(pc_photo_error(photo, 0), "cannot open: No such file or directory");
	pc_photo_free(photo);
	photo = NULL;
	cr_assert_eq(pc_photo_read_memory(&photo, "a.txt", "hello", 5, NULL), 0);
	cr_expect_eq(pc_photo_status(photo), PC_PHOTO_UNREADABLE);
	cr_expect_null(pc_photo_open_error(photo));
	pc_photo_free(photo);
}

/* The closed sets have an enum beside their string, and the two agree. */
Test(options, closed_sets_have_enums_that_agree_with_their_names)
{
	static const char *const names[] = {
		"xmp-description", "iptc-caption", "exif-description", "xp-subject",
		"exif-user-comment", "xmp-user-comment", "xmp-title", "xmp-headline",
		"iptc-object-name", "iptc-headline", "xp-title", "xp-comment",
		"xmp-other-languages",
	};
	const char *photos[] = { "samples/book-week-caption-bridge.jpg",
	                         "samples/book-week-iptc-utf8.jpg",
	                         "samples/harvest-digikam-sidecar.jpg" };
	size_t texts = 0, events = 0;
	for (size_t f = 0; f < sizeof(photos) / sizeof(photos[0]); f++) {
		pc_photo *photo = NULL;
		cr_assert_eq(pc_photo_read(&photo, photos[f], NULL), 0);
		for (size_t i = 0; i < pc_photo_text_count(photo); i++, texts++) {
			const struct pc_text *t = pc_photo_text(photo, i);
			cr_assert_lt((unsigned)t->id, sizeof(names) / sizeof(names[0]));
			cr_expect_str_eq(t->field, names[t->id], "%s", photos[f]);
		}
		for (size_t i = 0; i < pc_photo_event_count(photo); i++, events++)
			cr_expect_str_eq(pc_photo_event_source(photo, i),
			                 pc_photo_event_from(photo, i) == PC_EVENT_KEYWORD ? "keyword"
			                                                                   : "xmp-event");
		pc_photo_free(photo);
	}
	cr_expect_gt(texts, 0);
	cr_expect_gt(events, 0);
	static const char *const consents[] = { "none", "granted", "refused", "withdrawn",
	                                        "expired", "left", "no-photo" };
	for (int c = PC_PERSON_CONSENT_NONE; c <= PC_PERSON_CONSENT_NO_PHOTO; c++)
		cr_expect_str_eq(pc_person_consent_name((enum pc_person_consent)c), consents[c]);
	cr_expect_str_eq(pc_verdict_kind_label(PC_VERDICT_DO_NOT_SHARE), "DO NOT SHARE");
	cr_expect_eq(pc_scan_summary_skipped(NULL, PC_SCAN_NOT_JPEG), 0);
}
