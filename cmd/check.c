/* photoconsent check: whether each photo may be shared for one purpose,
 * and why; each staff check is written to the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dbcmd.h"

static const char about[] =
	"Says, for each photo, whether it may be shared for a purpose: SHARE, DO NOT\n"
	"SHARE, or REVIEW (a person must look: an unknown or unnamed face, no people\n"
	"tags, unreadable metadata), with every reason and warning. It reads who is\n"
	"in the photo and which event it shows from the photo's metadata, and each\n"
	"pupil's consent from the database.\n";

static const char epilog[] =
	"Exit status: 0 every photo may be shared; 1 some photo may not; 2 some\n"
	"photo needs a person to review it (and none is refused); 64 usage error;\n"
	"65 unknown purpose, bad date, or not a photoconsent database; 66 a file\n"
	"or the database cannot be opened; 74 (75: another writer held the\n"
	"database) a check could not be written to the audit log, though every\n"
	"verdict printed stands.\n";

/* --on is checked to be a date after --as and the photos are, as the
 * command has always done: it is TEXT here. */
static const struct cmd_opt check_table[] = {
	CMD_TEXT("purpose", "P", 0,
	  "what the photo is for: display, newsletter, website,\n"
	  "social, press, parent-social, staff-personal, or one the\n"
	  "school added ('photoconsent purpose list'); default\n"
	  "website, or parent-social with --as parent"),
	{ CMD_OPT_TEXT, "as", "staff|parent", 0,
	  "the parent view: only the verdict and how many children\n"
	  "block it, never a child's name or consent (default: staff)",
	  "--as parent" },
	CMD_TEXT("on", "DATE", 0,
	  "judge the consent in force on DATE (YYYY-MM-DD), not today"),
	CMD_FLAG("json", 0, "one JSON object per photo, a line each"),
	CMD_FLAG("no-log", 0,
	  "do not write the checks to the audit log\n"
	  "('photoconsent log'); parent checks are never logged"),
	CMD_ARGS("FILE"),
	CMD_END,
};

const struct cmd_spec cmd_check_spec = {
	.name = "check",
	.opts = check_table,
	.about = about, .epilog = epilog,
	.column = 17,
};

/* Writes one check to the audit log. A failure is said once, and the rest
 * of the run goes unlogged; the verdicts stand, but the exit status says
 * the checks were not logged (*failed, the status for the error). */
static void log_check(pc_store *store, const pc_verdict *v, const pc_photo *photo,
                      int *logging, int *failed)
{
	struct pc_error e = PC_ERROR_INIT;
	int err = pc_verdict_log(store, v, photo, cmd_user(), &e);
	if (!err)
		return;
	cmd_error("%s; the verdicts stand, but the checks from this one on are not logged: "
	          "check the photos again to log them", e.message);
	*logging = 0;
	*failed = cmd_status_for(e.code);
}

int cmd_check(int argc, char **argv, const struct cmd_context *ctx)
{
	const char *purpose = NULL, *as = "staff", *on = NULL;
	int json = 0, no_log = 0, first = 0, status;
	enum pc_view view = PC_VIEW_STAFF;
	void *const places[] = { &purpose, &as, &on, &json, &no_log, &first };
	const struct cmd_call call = cmd_command_call(&cmd_check_spec, ctx);

	if (cmd_parse(&status, &call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if (!strcmp(as, "parent"))
		view = PC_VIEW_PARENT;
	else if (strcmp(as, "staff"))
		return cmd_usage_error("check", "'--as %s': the view is staff or parent", as);
	if (first >= argc)
		return cmd_usage_error("check", "no photo given");
	if (on && (status = cmd_check_date(on)))
		return status;
	if (!purpose)
		purpose = pc_view_default_purpose(view);

	/* Parents' checks are theirs, never logged. */
	int logging = view == PC_VIEW_STAFF && !no_log;
	pc_store *store = NULL;
	if ((status = cmd_store_open_log(&store, ctx, &logging, "the checks")))
		return status;

	/* The consent is read once for all the photos (and an unknown
	 * purpose is one error, not one per photo). */
	pc_snapshot *snap = NULL;
	struct pc_error load_err = PC_ERROR_INIT;
	int err = pc_snapshot_load(&snap, store, purpose, on, &load_err);
	if (err) {
		status = cmd_store_fail(&load_err, err);
		pc_store_free(store);
		return status;
	}

	int color = !json && cmd_color(STDOUT_FILENO);
	int unopened = 0, judged = 0, log_failed = 0;
	size_t count[3] = { 0, 0, 0 }; /* by enum pc_verdict_kind */
	for (int i = first; i < argc && !status; i++) {
		const char *path = argv[i];
		pc_photo *photo = NULL;
		pc_verdict *verdict = NULL;
		char *report = NULL;

		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			cmd_error("'%s' is a folder: to judge every photo in it, run "
			          "'photoconsent scan %s'", path, path);
			unopened++;
			continue;
		}
		err = pc_photo_read(&photo, path, pc_snapshot_read_options(snap));
		if (err) {
			cmd_error("%s reading '%s'", pc_strerror(err), path);
			status = EXIT_SOFTWARE;
			break;
		}
		if (pc_photo_status(photo) == PC_PHOTO_UNOPENED) {
			/* The parent view says nothing a file's contents might hold. */
			const char *why = pc_photo_open_error(photo);
			if (view == PC_VIEW_PARENT || !why || !*why)
				cmd_error("'%s' could not be read", path);
			else
				cmd_error("cannot read '%s': %s", path, why);
			unopened++;
			pc_photo_free(photo);
			continue;
		}
		/* A damaged photo is judged (review); what is damaged goes to
		 * stderr for staff, as inspect reports it. */
		for (size_t e = 0; view == PC_VIEW_STAFF && e < pc_photo_error_count(photo); e++)
			cmd_error("'%s': %s", path, pc_photo_error(photo, e));

		if ((err = pc_snapshot_judge(&verdict, snap, photo))) {
			cmd_error("%s judging '%s'", pc_strerror(err), path);
			status = EXIT_SOFTWARE;
		} else if ((json ? pc_report_check_json(&report, verdict, view)
		                 : pc_report_check_text(&report, verdict, view))) {
			cmd_error("out of memory");
			status = EXIT_SOFTWARE;
		} else {
			/* A blank line between photos, as inspect has. */
			if (!json && judged)
				fputc('\n', stdout);
			judged++;
			cmd_put_verdict_text(report, pc_verdict_kind(verdict), color, stdout);
			/* The answer first: writing the audit log may wait for
			 * another writer (an import) to finish. */
			fflush(stdout);
			count[pc_verdict_kind(verdict)]++;
			if (logging)
				log_check(store, verdict, photo, &logging, &log_failed);
		}
		pc_free(report);
		pc_verdict_free(verdict);
		pc_photo_free(photo);
	}
	pc_snapshot_free(snap);
	pc_store_free(store);
	if (status)
		return status;
	/* Several photos for a person: how they came out, last. */
	if (!json && judged + unopened > 1) {
		char unread[48] = "";
		if (unopened)
			snprintf(unread, sizeof unread, ", %d could not be read", unopened);
		if (judged)
			putchar('\n');
		cmd_say(stdout, "%d photos (%s): %zu share, %zu do not share, %zu review%s",
		        judged + unopened, purpose, count[PC_VERDICT_SHARE],
		        count[PC_VERDICT_DO_NOT_SHARE], count[PC_VERDICT_REVIEW], unread);
	}
	if (log_failed)
		return log_failed;
	if (unopened)
		return EXIT_NOINPUT;
	if (count[PC_VERDICT_DO_NOT_SHARE])
		return EXIT_DO_NOT_SHARE;
	return count[PC_VERDICT_REVIEW] ? EXIT_REVIEW : EXIT_SHARE;
}
