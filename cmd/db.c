/* photoconsent db: create the consent database; import the school's MIS
 * export into it. */
#include <stdio.h>

#include "dbcmd.h"

static const char help[] =
	"usage: photoconsent db init\n"
	"   or: photoconsent db import [--dry-run] [--verbose] FILE.csv\n"
	"\n"
	"init creates the consent database (--db PATH, else $PHOTOCONSENT_DB, else\n"
	"consent.db), readable by its owner only, with the seven standard purposes.\n"
	"\n"
	"import reads the MIS export: a header row, then one row per pupil with the\n"
	"columns pupil_id, forename, surname, preferred_name, class, aliases,\n"
	"no_photo, no_name, left_on, signed_on, expires_on and one column per\n"
	"purpose (yes/no). A file with any bad row is refused whole, each fault\n"
	"named by its line, and nothing is written. Pupils the file does not list\n"
	"are reported and kept.\n"
	"\n"
	"  --dry-run   say what the import would change; write nothing\n"
	"  --verbose   list every change, not only the counts\n"
	"  -h, --help  this help\n"
	"\n"
	"Exit status: 0 done; 64 usage error; 65 the file was refused, or the\n"
	"database is not a photoconsent database; 66 no database, or the file cannot\n"
	"be read; 73 init cannot create the database (one is already there, or the\n"
	"file cannot be made); 74 the database cannot be written; 75 another writer\n"
	"holds the database.\n";

static int db_init(int argc, char **argv, const struct cmd_call *call)
{
	pc_store *store = NULL;
	int status;

	if (cmd_parse(&status, call, argc, argv, NULL, 0, NULL))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_CREATE)))
		return status;
	printf("created the consent database '%s' (schema version %d)\n", call->ctx->db_path,
	       pc_store_file_version(store));
	printf("next: 'photoconsent db import FILE.csv', or 'photoconsent pupil add'\n");
	pc_store_free(store);
	return 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void print_report(const struct pc_import_report *r, int dry_run, int verbose)
{
	if (dry_run || verbose)
		for (size_t i = 0; i < r->change_count; i++)
			printf("%s%s\n", dry_run ? "would: " : "", r->changes[i]);
	printf("%zu %s: %zu %s added, %zu changed, %zu unchanged; "
	       "%zu %s granted, %zu refused, %zu unchanged\n",
	       r->rows, plural(r->rows, "row", "rows"),
	       r->pupils_added, plural(r->pupils_added, "pupil", "pupils"),
	       r->pupils_changed, r->pupils_unchanged,
	       r->granted, plural(r->granted, "consent", "consents"),
	       r->refused, r->consents_unchanged);
	for (size_t i = 0; i < r->missing_count; i++)
		printf("not in this file (kept): %s\n", r->missing[i]);
}

static int db_import(int argc, char **argv, const struct cmd_call *call)
{
	int dry_run = 0, verbose = 0, status;
	const char *file = NULL;
	const struct cmd_opt opts[] = {
		{ "dry-run", CMD_OPT_FLAG, &dry_run, 0 },
		{ "verbose", CMD_OPT_FLAG, &verbose, 0 },
	};
	pc_store *store = NULL;
	struct pc_import_report *report = NULL;

	if (cmd_parse(&status, call, argc, argv, opts, CMD_COUNT(opts), &file))
		return status;
	/* A dry run reads only; a read-only database can still be checked. */
	status = cmd_store_open(&store, call->ctx, dry_run ? PC_STORE_READ : PC_STORE_WRITE);
	if (status)
		return status;

	int err = pc_store_import_csv(store, file, dry_run, cmd_user(), &report);
	/* A refused file: every fault, a line each, naming its line. */
	if (err && report && report->error_count && cmd_status_for(err) == EXIT_DATAERR) {
		for (size_t i = 0; i < report->error_count; i++)
			cmd_error("'%s': %s", file, report->errors[i]);
		cmd_error("'%s' was refused; nothing was written", file);
		status = EXIT_DATAERR;
	} else if (err) {
		status = cmd_store_fail(store, err);
	} else {
		print_report(report, dry_run, verbose);
		if (dry_run)
			printf("dry run: nothing was written to '%s'\n", call->ctx->db_path);
	}
	pc_import_report_free(report);
	pc_store_free(store);
	return status;
}

int cmd_db(int argc, char **argv, const struct cmd_context *ctx)
{
	static const struct cmd_sub subs[] = {
		{ "init", "", db_init },
		{ "import", "FILE.csv", db_import },
	};
	return cmd_group_run("db", help, subs, CMD_COUNT(subs), argc, argv, ctx);
}
