/* photoconsent scan: every photo under some folders, judged for one
 * purpose, in parallel; a record per photo as each is judged, progress
 * and a summary for a person, a contact sheet on request, and the scan
 * written to the audit log at its end. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dbcmd.h"

static const char about[] =
	"Judges every photo in the folders (and their sub-folders) for a purpose,\n"
	"as 'photoconsent check' would, several at a time. A photo is known by its\n"
	"content, not its name: other files are skipped and counted. Symbolic links\n"
	"are followed, but a link back to a folder being walked is not; FIFOs,\n"
	"sockets and devices are never opened. Each thing passed over is named on\n"
	"standard error. Only metadata is read, unless --html asks for previews.\n"
	"\n"
	"Records are printed as each photo is judged, so their order changes from\n"
	"run to run (pipe them through sort for a stable one). On a terminal, a\n"
	"progress line shows on standard error; at the end comes a summary: how many\n"
	"photos may be shared, need review, may not be shared, could not be read,\n"
	"were skipped, and the pupils who keep the most photos from being shared.\n";

static const char epilog[] =
	"With --json or --csv the summary goes to standard error, on a terminal.\n"
	"The consent is read once, when the scan starts. A staff scan is written to\n"
	"the audit log when it ends: a row for each photo judged and one for the\n"
	"scan, in one go (a scan that stops before its end logs nothing). A\n"
	"database that cannot be written is still judged against, with one\n"
	"warning, unlogged.\n"
	"\n"
	"Exit status: 0 every photo may be shared; 1 some photo may not; 2 some\n"
	"photo needs a person to review it (and none is refused), or no photo was\n"
	"judged, or a folder or picture was passed over unjudged (a folder that\n"
	"cannot be read or is nested too deep, a path too long to open, a picture\n"
	"in a format that is not read, such as HEIC or PNG); 64 usage error; 65\n"
	"unknown purpose, bad date, or not a photoconsent database; 66 a folder\n"
	"named on the command line or the database cannot be opened; 70 out of\n"
	"memory; 74 the output or the report cannot be written, or the scan could\n"
	"not be written to the audit log (75: another writer held the database),\n"
	"though every verdict printed stands.\n";

/* --on is checked to be a date after the other options and the folders
 * are, as the command has always done: it is TEXT here. */
static const struct cmd_opt scan_table[] = {
	CMD_TEXT("purpose", "P", 0,
	  "what the photos are for (default website, or\n"
	  "parent-social with --as parent); see 'purpose list'"),
	{ CMD_OPT_TEXT, "as", "staff|parent", 0, "the parent view: never a child's name or consent",
	  "--as parent" },
	CMD_TEXT("on", "DATE", 0, "judge the consent in force on DATE (YYYY-MM-DD)"),
	CMD_TEXT("jobs", "N", 0, "photos judged at once (default: one per processor)"),
	CMD_FLAG("json", 0, "one JSON object per photo, a line each, as check --json"),
	CMD_FLAG("csv", CMD_OPT_OR,
	  "one CSV row per photo, after a header row; the file\n"
	  "starts with a UTF-8 byte order mark, so that Excel\n"
	  "shows names such as Zo\xc3\xab as written; a cell that a\n"
	  "spreadsheet would run as a formula (= + - @) starts\n"
	  "with an apostrophe"),
	CMD_TEXT("html", "REPORT", 0,
	  "also write a contact sheet: one HTML file with a preview\n"
	  "of each photo, its verdict and reasons, filters, and the\n"
	  "summary; it needs no network and no other file"),
	CMD_TEXT("mode", "MODE", 0,
	  "the contact sheet's mode, octal (default 0600: it\n"
	  "names children)"),
	CMD_FLAG("no-log", 0,
	  "do not write the scan to the audit log ('photoconsent\n"
	  "log'); parent scans are never logged"),
	CMD_ARGS("DIR"),
	CMD_END,
};

const struct cmd_spec cmd_scan_spec = {
	.name = "scan",
	.opts = scan_table,
	.about = about, .epilog = epilog,
	.column = 18,
};

struct run {
	FILE *out;
	int color;          /* colour the text records' verdicts */
	int progress;       /* a progress line may be on stderr */
	int progress_shown; /* and is there now */
	int write_failed;
};

static void clear_progress(struct run *r)
{
	if (r->progress_shown) {
		fputs("\r\033[K", stderr);
		r->progress_shown = 0;
	}
}

static int on_item(void *ctx, const struct pc_scan_item *item)
{
	struct run *r = ctx;
	clear_progress(r);
	if (!item->verdict) {
		cmd_error("skipped '%s': %s", item->path, item->message);
		return 0;
	}
	if (cmd_put_verdict_text(item->record, pc_verdict_kind(item->verdict), r->color,
	                         r->out) == EOF) {
		r->write_failed = errno ? errno : EIO;
		return EXIT_IOERR;
	}
	return 0;
}

static void on_progress(void *ctx, const struct pc_scan_progress *p)
{
	struct run *r = ctx;
	if (!r->progress)
		return;
	double rate = p->seconds > 0.5 ? (double)p->done / p->seconds : 0;
	fflush(r->out);
	fprintf(stderr, "\r\033[K  %zu of %zu%s files", p->done, p->total,
	        p->total_final ? "" : "+");
	if (rate > 0) {
		fprintf(stderr, "  %.0f a second", rate);
		if (p->total_final && p->total >= p->done)
			fprintf(stderr, "  about %.0f s left", (double)(p->total - p->done) / rate);
	}
	r->progress_shown = 1;
	fflush(stderr);
}

/* Each folder must be there and open: a mistyped name, or a folder the
 * user may not read, is an error, not an empty scan. */
static int check_roots(char **roots, int count)
{
	for (int i = 0; i < count; i++) {
		struct stat st;
		DIR *d = NULL;
		if (stat(roots[i], &st) || (S_ISDIR(st.st_mode) && !(d = opendir(roots[i])))) {
			cmd_error("cannot open '%s': %s", roots[i], strerror(errno));
			return EXIT_NOINPUT;
		}
		if (d)
			closedir(d);
	}
	return 0;
}

/* Opens the database (for writing when the scan is logged: *store is then
 * kept open, and holds no lock until the scan ends) and reads the consent. */
static int load_snapshot(pc_snapshot **out, pc_store **store, const struct cmd_context *ctx,
                         const char *purpose, const char *on, int *logging)
{
	int status = cmd_store_open_log(store, ctx, logging, "the photos");
	if (status)
		return status;
	struct pc_error e = PC_ERROR_INIT;
	int err = pc_snapshot_load(out, *store, purpose, on, &e);
	if (err)
		status = cmd_store_fail(&e, err);
	/* The consent is in the snapshot now: unless it is to be logged to,
	 * the database is not held open while the scan runs. */
	if (err || !*logging) {
		pc_store_free(*store);
		*store = NULL;
	}
	return status;
}

/* The exit status, and why a scan that found nothing refused is not a
 * yes: `scan DIR && publish DIR` must not publish what was not judged. */
static int scan_status(const pc_scan_summary *s)
{
	enum pc_verdict_kind worst = pc_scan_summary_worst(s);
	size_t unjudged = pc_scan_summary_count(s, PC_SCAN_UNJUDGED);
	if (worst == PC_VERDICT_DO_NOT_SHARE)
		return EXIT_DO_NOT_SHARE;
	if (!pc_scan_summary_count(s, PC_SCAN_PHOTOS))
		cmd_error("no photo was judged, so none may be shared on this scan's word");
	else if (unjudged)
		cmd_error("%zu folder%s or file%s passed over without being judged (named above): "
		          "the photos in them are not known to be safe to share",
		          unjudged, unjudged == 1 ? "" : "s", unjudged == 1 ? "" : "s");
	return worst == PC_VERDICT_REVIEW ? EXIT_REVIEW : EXIT_SHARE;
}

static int run_scan(const pc_snapshot *snap, char **roots, int count,
                    struct pc_scan_options *opts, int text)
{
	struct run r = { stdout, text && cmd_color(STDOUT_FILENO), cmd_terminal(STDERR_FILENO),
	                 0, 0 };
	pc_scan_summary *summary = NULL;
	struct pc_error why = PC_ERROR_INIT;
	char *table = NULL;
	static char buffer[1 << 16];

	setvbuf(stdout, buffer, _IOFBF, sizeof(buffer));
	if (opts->format == PC_SCAN_CSV)
		fputs(pc_scan_csv_header(opts->view), stdout);
	opts->on_item = on_item;
	opts->on_progress = on_progress;
	/* r outlives its use: pc_scan_run calls back only while it runs,
	 * and the caller drops opts when this returns. */
	/* cppcheck-suppress autoVariables */
	opts->ctx = &r;
	int err = pc_scan_run(&summary, snap, (const char *const *)roots, (size_t)count, opts,
	                      &why);
	clear_progress(&r);
	int status = 0, log_status = 0;
	if (err < 0 && summary) {
		/* Every photo was judged; only the audit log failed. */
		log_status = cmd_status_for(err);
		err = 0;
	}
	if (err > 0 || fflush(stdout) || ferror(stdout)) {
		cmd_error("cannot write the output: %s", strerror(r.write_failed ? r.write_failed
		                                                                  : errno ? errno : EIO));
		status = EXIT_IOERR;
	} else if (err) {
		cmd_error("%s", why.message);
		status = err == PC_EOPEN ? EXIT_IOERR : EXIT_SOFTWARE;
	}
	if (!status) {
		/* For a person: after the records, or on the terminal beside
		 * the data. */
		FILE *to = text ? stdout : isatty(STDERR_FILENO) ? stderr : NULL;
		if (to && pc_report_scan_summary(&table, summary)) {
			cmd_error("out of memory");
			status = EXIT_SOFTWARE;
		} else if (to) {
			cmd_put_summary(table, cmd_color(fileno(to)), to);
			if (opts->html) {
				fputc('\n', to);
				cmd_say(to, "Contact sheet: %s", opts->html);
			}
		}
		if (!status && (fflush(stdout) || ferror(stdout))) {
			cmd_error("cannot write the output: %s", strerror(errno ? errno : EIO));
			status = EXIT_IOERR;
		}
		if (!status)
			status = scan_status(summary);
	}
	if (log_status) {
		cmd_error("%s", *why.message ? why.message
		                             : "the scan could not be written to the audit log");
		if (status <= EXIT_REVIEW)
			status = log_status;
	}
	pc_free(table);
	pc_scan_summary_free(summary);
	return status;
}

int cmd_scan(int argc, char **argv, const struct cmd_context *ctx)
{
	const char *purpose = NULL, *as = "staff", *on = NULL, *jobs = NULL, *html = NULL;
	const char *mode = NULL;
	struct pc_scan_options opts = PC_SCAN_OPTIONS_INIT;
	int status, no_log = 0, json = 0, csv = 0, first = 0;
	void *const places[] = { &purpose, &as, &on, &jobs, &json, &csv, &html, &mode, &no_log,
	                         &first };
	const struct cmd_call call = cmd_command_call(&cmd_scan_spec, ctx);

	if (cmd_parse(&status, &call, argc, argv, places, CMD_COUNT(places)))
		return status;
	opts.format = json ? PC_SCAN_JSON : csv ? PC_SCAN_CSV : PC_SCAN_TEXT;
	opts.html = html;
	if (!strcmp(as, "parent"))
		opts.view = PC_VIEW_PARENT;
	else if (strcmp(as, "staff"))
		return cmd_usage_error("scan", "'--as %s': the view is staff or parent", as);
	if (jobs) {
		char *end;
		errno = 0;
		long n = strtol(jobs, &end, 10);
		if (errno || end == jobs || *end || n < 1 || n > 256)
			return cmd_usage_error("scan", "'--jobs %s': give a number from 1 to 256", jobs);
		opts.jobs = (unsigned)n;
	}
	if (opts.html && !*opts.html)
		return cmd_usage_error("scan", "--html needs a file name");
	if (mode && !opts.html)
		return cmd_usage_error("scan", "--mode is the contact sheet's: give --html REPORT too");
	if (mode && cmd_parse_mode(mode, &opts.html_mode))
		return cmd_usage_error("scan", "--mode takes permission bits in octal that leave the "
		                       "owner read and write (such as 0600 or 0640), not '%s'", mode);
	if (first >= argc)
		return cmd_usage_error("scan", "no folder given");
	if (on && (status = cmd_check_date(on)))
		return status;
	if (!purpose)
		purpose = pc_view_default_purpose(opts.view);
	if ((status = check_roots(argv + first, argc - first)))
		return status;

	/* Parents' scans are theirs, never logged. */
	int logging = opts.view == PC_VIEW_STAFF && !no_log;
	pc_snapshot *snap = NULL;
	pc_store *store = NULL;
	if ((status = load_snapshot(&snap, &store, ctx, purpose, on, &logging)))
		return status;
	opts.log = store;
	opts.log_by = cmd_user();
	status = run_scan(snap, argv + first, argc - first, &opts, opts.format == PC_SCAN_TEXT);
	pc_snapshot_free(snap);
	pc_store_free(store);
	return status;
}
