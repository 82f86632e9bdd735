/*
 * A fuzz target for the report writers: any bytes, as a photo under any
 * file name, read and judged against a small fixed snapshot (pupils,
 * consent, an event), then written by every writer, must give:
 * - JSON that is strict (RFC 8259, valid UTF-8) and one line;
 * - text with no character the library's one rule calls unprintable;
 * - CSV records of the header's width whose cells cannot start a formula;
 * - a contact sheet whose only markup is the writer's own.
 * The input is the photo, then the file name, then the name's length in
 * its last byte (so that a photo is a seed as it is: a few bytes of its
 * end become the name).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "photoconsent/photoconsent.h"

#define HEADER "pupil_id,forename,surname,preferred_name,class,aliases,no_photo,no_name," \
	"left_on,signed_on,expires_on,display,website,press,social\r\n"

/* The names the samples are tagged with, each way consent can be. */
static const char PUPILS_CSV[] =
	HEADER
	"1001,Sophie,Wright,,Year 4,,,,,2025-09-08,,yes,yes,yes,yes\r\n"
	"1002,Kian,Byrne,,Year 5,,,,,2025-09-08,,yes,no,no,no\r\n"
	"1003,Yusuf,Rahman,,Year 3,Yusuf R,,yes,,2025-09-08,,yes,yes,yes,yes\r\n"
	"1004,Ella,Martin,,Year 6,,yes,,,2025-09-08,,yes,yes,yes,yes\r\n"
	"1005,Ella,Martin,,Year 2,,,,,2025-09-08,,yes,yes,yes,yes\r\n"
	"1006,Amy,Jones,Amelia,Year 4,,,,2026-01-10,2025-09-08,,yes,yes,yes,yes\r\n";

static pc_snapshot *snapshots[2];
static char scan_dir[4096], html_path[4096];
static size_t csv_columns[2];

static void must(int ret, const char *what, const struct pc_error *err)
{
	if (ret != 0) {
		fprintf(stderr, "fuzz: %s: %s\n", what, err->message);
		abort();
	}
}

static size_t columns(const char *header)
{
	size_t n = 1;
	for (; *header; header++)
		n += *header == ',';
	return n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct pc_error err = { 0 };
	char db[4096], csv[4096];
	fuzz_path(db, sizeof(db), "consent.db");
	fuzz_path(csv, sizeof(csv), "pupils.csv");
	fuzz_path(scan_dir, sizeof(scan_dir), "photos");
	fuzz_path(html_path, sizeof(html_path), "sheet.html");
	if (mkdir(scan_dir, 0700) != 0)
		fuzz_broken("cannot make the photo folder", scan_dir, strlen(scan_dir));
	pc_store *store;
	pc_import_report *report;
	must(pc_store_open(&store, db, PC_STORE_CREATE, &err), "cannot create", &err);
	fuzz_write(csv, PUPILS_CSV, strlen(PUPILS_CSV));
	must(pc_store_import_csv(&report, store, csv, NULL, &err), "cannot import", &err);
	if (pc_import_report_counts(report)->refused_file)
		fuzz_broken("the pupils were refused", PUPILS_CSV, strlen(PUPILS_CSV));
	pc_import_report_free(report);
	static const char *const tags[] = { "Sports Day", "Sports Day 2026" };
	static const char *const denied[] = { "social" };
	struct pc_event event = { "sports-day", "Sports Day", "2026-06-01", "2026-06-30",
	                          tags, 2, denied, 1, "parents asked for no social media" };
	must(pc_store_event_add(store, &event, "office", &err), "cannot add the event", &err);
	must(pc_store_set_person_roots(store, "People;Pupils;Class 4B", "office", &err),
	     "cannot set the roots", &err);
	must(pc_snapshot_load(&snapshots[0], store, "website", "2026-06-15", &err),
	     "cannot load", &err);
	must(pc_snapshot_load(&snapshots[1], store, "social", "2026-06-15", &err),
	     "cannot load", &err);
	pc_store_free(store);
	csv_columns[0] = columns(pc_scan_csv_header(PC_VIEW_STAFF));
	csv_columns[1] = columns(pc_scan_csv_header(PC_VIEW_PARENT));
	return 0;
}

static void check_text_lines(const char *s, int one_line, const char *what)
{
	fuzz_check_text(s, what);
	size_t len = strlen(s);
	if (one_line && (len == 0 || s[len - 1] != '\n' || memchr(s, '\n', len - 1)))
		fuzz_broken(what, s, len);
}

/* The verdict's own reports, and its audit log rows. */
static void check_verdict(const pc_verdict *v, const pc_photo *photo)
{
	char *out;
	for (int view = PC_VIEW_STAFF; view <= PC_VIEW_PARENT; view++) {
		if (pc_report_check_json(&out, v, (enum pc_view)view) != 0)
			fuzz_broken("check --json failed", NULL, 0);
		fuzz_check_json_line(out, "check --json is not one line of strict JSON");
		pc_free(out);
		if (pc_report_check_text(&out, v, (enum pc_view)view) != 0)
			fuzz_broken("check's text failed", NULL, 0);
		check_text_lines(out, 0, "check's text holds a character that is not printable");
		pc_free(out);
	}

	const char *reasons[8], *warnings[8], *pupils[8];
	size_t nr = 0, nw = 0, np = 0;
	for (size_t i = 0; i < pc_verdict_reason_count(v) && nr < 8; i++)
		reasons[nr++] = pc_verdict_reason(v, i)->code;
	for (size_t i = 0; i < pc_verdict_warning_count(v) && nw < 8; i++)
		warnings[nw++] = pc_verdict_warning(v, i)->code;
	for (size_t i = 0; i < pc_verdict_person_count(v) && np < 8; i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		/* The tag stands in for an id: log rows hold what the database
		 * gave them, and these are the hostile strings at hand. */
		pupils[np++] = p->pupil_id ? p->pupil_id : p->tag ? p->tag : "";
	}
	const char *caption = pc_photo_caption(photo);
	struct pc_log_entry entry = { 0 };
	entry.id = 7;
	entry.at = "2026-06-15 10:00:00";
	entry.by = caption ? caption : "office";
	entry.command = "check";
	entry.file = pc_photo_absolute_path(photo) ? pc_photo_absolute_path(photo)
	                                           : pc_photo_path(photo);
	entry.purpose_id = pc_verdict_purpose(v);
	entry.on = pc_verdict_date(v);
	entry.verdict = pc_verdict_kind_name(pc_verdict_kind(v));
	entry.size = 1234;
	entry.mtime = pc_photo_taken(photo);
	entry.reasons = reasons;
	entry.reason_count = nr;
	entry.warnings = warnings;
	entry.warning_count = nw;
	entry.pupils = pupils;
	entry.pupil_count = np;
	if (pc_report_log_text(&out, &entry, NULL) != 0)
		fuzz_broken("log's text failed", NULL, 0);
	check_text_lines(out, 1, "a log row is not one printable line");
	pc_free(out);
	if (pc_report_log_json(&out, &entry, NULL) != 0)
		fuzz_broken("log --json failed", NULL, 0);
	fuzz_check_json_line(out, "log --json is not one line of strict JSON");
	pc_free(out);

	const char *roots[1] = { entry.file };
	struct pc_log_scan logged = { 0 };
	logged.id = 3;
	logged.at = entry.at;
	logged.finished_at = entry.at;
	logged.by = entry.by;
	logged.purpose_id = entry.purpose_id;
	logged.on = entry.on;
	logged.roots = roots;
	logged.root_count = 1;
	if (pc_report_log_text(&out, NULL, &logged) != 0)
		fuzz_broken("log's text failed", NULL, 0);
	check_text_lines(out, 1, "a log row of a scan is not one printable line");
	pc_free(out);
	if (pc_report_log_json(&out, NULL, &logged) != 0)
		fuzz_broken("log --json failed", NULL, 0);
	fuzz_check_json_line(out, "log --json of a scan is not one line of strict JSON");
	pc_free(out);
}

struct scan_seen {
	enum pc_view view;
	enum pc_scan_format format;
	size_t records;
};

static int on_item(void *ctx, const struct pc_scan_item *item)
{
	struct scan_seen *seen = ctx;
	if (item->message)
		check_text_lines(item->message, 0, "a skip message is not printable");
	if (!item->record)
		return 0;
	seen->records++;
	if (seen->format == PC_SCAN_CSV)
		fuzz_check_csv_record(item->record, csv_columns[seen->view],
		                      "a CSV record is not one row of defused, printable cells");
	else if (seen->format == PC_SCAN_JSON)
		fuzz_check_json_line(item->record, "a JSON record is not one line of strict JSON");
	else
		check_text_lines(item->record, 0, "a text record holds a character that is not printable");
	return 0;
}

static void scan(const pc_snapshot *snapshot, enum pc_view view, enum pc_scan_format format,
                 int sheet)
{
	struct pc_error err = { 0 };
	struct scan_seen seen = { view, format, 0 };
	struct pc_scan_options opts = PC_SCAN_OPTIONS_INIT;
	opts.jobs = 1;
	opts.view = view;
	opts.format = format;
	opts.html = sheet ? html_path : NULL;
	opts.on_item = on_item;
	opts.ctx = &seen;
	const char *roots[1] = { scan_dir };
	pc_scan_summary *summary = NULL;
	int ret = pc_scan_run(&summary, snapshot, roots, 1, &opts, &err);
	if (ret != 0 || !summary)
		fuzz_broken("the scan failed", err.message, strlen(err.message));
	char *out;
	if (pc_report_scan_summary(&out, summary) != 0)
		fuzz_broken("the summary failed", NULL, 0);
	check_text_lines(out, 0, "the summary holds a character that is not printable");
	pc_free(out);
	pc_scan_summary_free(summary);
	if (!sheet)
		return;
	size_t len;
	char *html = fuzz_read(html_path, &len);
	if (!html)
		fuzz_broken("the scan wrote no contact sheet", NULL, 0);
	fuzz_check_html(html, len, "the contact sheet holds markup the writer did not write");
	free(html);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char photo_path[4096 + 80];
	/* The file name: bytes a file name can hold, and one the walk reads. */
	size_t n = size ? data[size - 1] % 48 : 0;
	if (size && n > size - 1)
		n = size - 1;
	size_t photo_len = size ? size - 1 - n : 0;
	const uint8_t *name_bytes = data + photo_len;
	char name[64];
	for (size_t i = 0; i < n; i++)
		name[i] = name_bytes[i] == '/' || name_bytes[i] == '\0' ? '_' : (char)name_bytes[i];
	memcpy(name + n, ".jpg", 5);
	if (name[0] == '.')
		name[0] = '_';
	const uint8_t *photo_bytes = data;

	if (photo_path[0])
		unlink(photo_path);
	snprintf(photo_path, sizeof(photo_path), "%s/%s", scan_dir, name);
	fuzz_write(photo_path, photo_bytes, photo_len);

	for (int s = 0; s < 2; s++) {
		pc_photo *photo = NULL;
		pc_verdict *v = NULL;
		if (pc_photo_read(&photo, photo_path, pc_snapshot_read_options(snapshots[s])) != 0 ||
		    pc_snapshot_judge(&v, snapshots[s], photo) != 0)
			fuzz_broken("reading or judging failed", NULL, 0);
		if (s == 0) {
			char *out;
			if (pc_report_inspect_json(&out, photo) != 0)
				fuzz_broken("inspect --json failed", NULL, 0);
			fuzz_check_json_line(out, "inspect --json is not one line of strict JSON");
			pc_free(out);
			if (pc_report_inspect_text(&out, photo) != 0)
				fuzz_broken("inspect's text failed", NULL, 0);
			check_text_lines(out, 0, "inspect's text holds a character that is not printable");
			pc_free(out);
		}
		check_verdict(v, photo);
		pc_verdict_free(v);
		pc_photo_free(photo);
	}
	scan(snapshots[0], PC_VIEW_STAFF, PC_SCAN_CSV, 1);
	scan(snapshots[1], PC_VIEW_PARENT, PC_SCAN_CSV, 1);
	scan(snapshots[0], PC_VIEW_STAFF, PC_SCAN_TEXT, 0);
	return 0;
}
