/* photoconsent db: create the consent database; import the school's MIS
 * export into it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dbcmd.h"

static const char about[] =
	"init creates the consent database (--db PATH, else $PHOTOCONSENT_DB, else\n"
	"consent.db), readable by its owner only, with the standard purposes.\n"
	"\n"
	"person-roots are the keyword roots under which the school files people\n"
	"(digiKam 'Pupils/Amy Jones', Lightroom 'Class 4B|Amy Jones'), separated by\n"
	"';'; check and scan read photos with them, and inspect too when it has a\n"
	"database. Until set: People, Pupils, Persons, Children, Students.\n"
	"\n"
	"import reads the MIS export: a header row, then one row per pupil with the\n"
	"columns pupil_id, forename, surname, preferred_name, class, aliases,\n"
	"no_photo, no_name, left_on, signed_on, expires_on and one column per\n"
	"purpose (yes/no). The file may be saved by Excel: UTF-8 or Windows-1252\n"
	"text, separated by commas, semicolons or tabs, dates DD/MM/YYYY or\n"
	"YYYY-MM-DD. A file with any bad row is refused whole, each fault named by\n"
	"its line, and nothing is written. Pupils the file does not list are\n"
	"reported and kept; --leavers-left-on records them as left.\n"
	"\n"
	"The import is a sync of what the MIS says: a cell records something only\n"
	"when it differs from what the last import of that pupil said, so a\n"
	"withdrawal, a refusal or a flag recorded by hand since is never undone by\n"
	"importing the same file again. A changed cell that would undo one is a\n"
	"conflict: listed by its line, and what was recorded by hand is kept.\n";

static const char epilog[] =
	"Exit status: 0 done; 64 usage error; 65 the file was refused, or the\n"
	"database is not a photoconsent database; 66 no database, or the file cannot\n"
	"be read; 73 init cannot create the database (one is already there, or the\n"
	"file cannot be made); 74 the database cannot be written; 75 another writer\n"
	"holds the database.\n";

static const struct cmd_opt init_table[] = {
	CMD_TEXT("mode", "MODE", 0,
	  "the file's mode, octal (default 0600: it names\n"
	  "children; 0640 lets the file's group read it)"),
	CMD_END,
};

static const struct cmd_opt import_table[] = {
	CMD_FLAG("dry-run", 0, "say what the import would change; write nothing"),
	CMD_FLAG("prefer-file", 0,
	  "a changed cell replaces what was recorded by hand\n"
	  "since the last import (a withdrawal, a refusal, a\n"
	  "no_photo or no_name flag, a leaving date)"),
	CMD_FLAG("verbose", 0, "list every change, not only the counts"),
	CMD_DATE("leavers-left-on", "DATE", 0,
	  "record every pupil the file does not list, and who is\n"
	  "not recorded as left, as left on DATE, in the same\n"
	  "transaction as the import"),
	CMD_ARG("FILE.csv", NULL),
	CMD_END,
};

static const struct cmd_opt set_table[] = {
	CMD_ARG("NAME", "person-roots"),
	CMD_ARG("VALUE", "'ROOT;ROOT...'"),
	CMD_END,
};

static const struct cmd_opt get_table[] = {
	CMD_ARG("NAME", "person-roots"),
	CMD_END,
};

static int db_init(int argc, char **argv, const struct cmd_call *call)
{
	pc_store *store = NULL;
	const char *mode_text = NULL;
	unsigned mode = 0600;
	int status;
	void *const places[] = { &mode_text };

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if (mode_text && cmd_parse_mode(mode_text, &mode))
		return cmd_usage_error(call->name, "--mode takes permission bits in octal that leave "
		                       "the owner read and write (such as 0600 or 0640), "
		                       "not '%s'", mode_text);
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_CREATE)))
		return status;
	struct pc_error e = PC_ERROR_INIT;
	int err = mode_text ? pc_store_set_mode(store, mode, &e) : 0;
	if (err) {
		pc_store_free(store);
		return cmd_store_fail(&e, err);
	}
	cmd_say(stdout, "created the consent database '%s' (schema version %d)", call->ctx->db_path,
	        pc_store_file_version(store));
	printf("next: 'photoconsent db import FILE.csv', or 'photoconsent pupil add'\n");
	pc_store_free(store);
	return 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void print_report(const pc_import_report *report, int dry_run, int verbose,
                         const char *left_on)
{
	const struct pc_import_counts *r = pc_import_report_counts(report);
	size_t n;
	if (dry_run || verbose)
		for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_CHANGES); i++)
			cmd_say(stdout, "%s%s", dry_run ? "would: " : "",
			        pc_import_report_line(report, PC_IMPORT_CHANGES, i));
	printf("%zu %s: %zu %s added, %zu changed, %zu unchanged; "
	       "%zu %s granted, %zu refused, %zu unchanged\n",
	       r->rows, plural(r->rows, "row", "rows"),
	       r->pupils_added, plural(r->pupils_added, "pupil", "pupils"),
	       r->pupils_changed, r->pupils_unchanged,
	       r->granted, plural(r->granted, "consent", "consents"),
	       r->refused, r->consents_unchanged);
	/* Always shown: each is a decision someone must take. */
	for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_CONFLICTS); i++)
		cmd_say(stdout, "conflict: %s", pc_import_report_line(report, PC_IMPORT_CONFLICTS, i));
	if (r->conflicts)
		printf("%zu %s: what was recorded by hand was kept\n", r->conflicts,
		       plural(r->conflicts, "conflict", "conflicts"));
	if (r->already_left)
		printf("%zu %s not in this file %s already recorded as left\n", r->already_left,
		       plural(r->already_left, "pupil", "pupils"),
		       plural(r->already_left, "was", "were"));
	n = pc_import_report_line_count(report, PC_IMPORT_MISSING);
	if (r->leavers) {
		for (size_t i = 0; i < n; i++)
			cmd_say(stdout, "%snot in this file, left on %s: %s", dry_run ? "would: " : "",
			        left_on, pc_import_report_line(report, PC_IMPORT_MISSING, i));
		return;
	}
	for (size_t i = 0; i < n; i++)
		cmd_say(stdout, "not in this file (kept): %s",
		        pc_import_report_line(report, PC_IMPORT_MISSING, i));
	if (n == 1)
		printf("if this pupil has left, record it: 'photoconsent pupil set ID left_on "
		       "DATE', or import again with --leavers-left-on DATE\n");
	else if (n)
		printf("if these %zu pupils have left, record it: 'photoconsent pupil set ID "
		       "left_on DATE' for each, or import again with --leavers-left-on DATE for "
		       "all of them\n", n);
}

static int db_import(int argc, char **argv, const struct cmd_call *call)
{
	int dry_run = 0, prefer_file = 0, verbose = 0, status;
	const char *file = NULL, *left_on = NULL;
	void *const places[] = { &dry_run, &prefer_file, &verbose, &left_on, &file };
	pc_store *store = NULL;
	pc_import_report *report = NULL;
	struct pc_error e = PC_ERROR_INIT;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	/* A dry run reads only; a read-only database can still be checked. */
	status = cmd_store_open(&store, call->ctx, dry_run ? PC_STORE_READ : PC_STORE_WRITE);
	if (status)
		return status;

	struct pc_import_options import_opts = PC_IMPORT_OPTIONS_INIT;
	import_opts.flags = (dry_run ? PC_IMPORT_DRY_RUN : 0u) |
	                    (prefer_file ? PC_IMPORT_PREFER_FILE : 0u);
	import_opts.by = cmd_user();
	import_opts.leavers_left_on = left_on;
	int err = pc_store_import_csv(&report, store, file, &import_opts, &e);
	for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_NOTICES); i++)
		cmd_say(stdout, "note: %s", pc_import_report_line(report, PC_IMPORT_NOTICES, i));
	/* A refused file: every fault, a line each, naming its line. */
	if (!err && pc_import_report_counts(report)->refused_file) {
		for (size_t i = 0; i < pc_import_report_line_count(report, PC_IMPORT_ERRORS); i++)
			cmd_error("'%s': %s", file, pc_import_report_line(report, PC_IMPORT_ERRORS, i));
		cmd_error("'%s' was refused; nothing was written", file);
		status = EXIT_DATAERR;
	} else if (err) {
		status = cmd_store_fail(&e, err);
	} else {
		print_report(report, dry_run, verbose, left_on);
		if (dry_run)
			cmd_say(stdout, "dry run: nothing was written to '%s'", call->ctx->db_path);
	}
	pc_import_report_free(report);
	pc_store_free(store);
	return status;
}

/* The only setting so far; named so that a typo is not taken for it. */
static int check_setting(const struct cmd_call *call, const char *name)
{
	if (!strcmp(name, "person-roots"))
		return 0;
	cmd_error("%s: '%s' is not a setting; the settings are: person-roots", call->name, name);
	return EXIT_USAGE;
}

static int db_set(int argc, char **argv, const struct cmd_call *call)
{
	const char *pos[2];
	void *const places[] = { &pos[0], &pos[1] };
	pc_store *store = NULL;
	int status;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = check_setting(call, pos[0])) ||
	    (status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		return status;
	struct pc_error e = PC_ERROR_INIT;
	int err = pc_store_set_person_roots(store, pos[1], cmd_user(), &e);
	if (err)
		status = cmd_store_fail(&e, err);
	pc_store_free(store);
	if (!status)
		fputs("person roots set; check, scan and inspect read photos with them\n", stdout);
	return status;
}

/* What the store holds is printable text: it refuses anything else. */
static int db_get(int argc, char **argv, const struct cmd_call *call)
{
	const char *name = NULL;
	pc_store *store = NULL;
	pc_string_list *roots = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status;

	void *const places[] = { &name };
	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = check_setting(call, name)) ||
	    (status = cmd_store_open(&store, call->ctx, PC_STORE_READ)))
		return status;
	int err = pc_store_person_roots(&roots, store, &e);
	if (err) {
		status = cmd_store_fail(&e, err);
	} else if (!pc_string_list_count(roots)) {
		size_t n;
		const char *const *def = pc_default_person_roots(&n);
		for (size_t i = 0; i < n; i++)
			printf("%s%s", i ? ";" : "", def[i]);
		fputs("\t(the default: never set)\n", stdout);
	} else {
		for (size_t i = 0; i < pc_string_list_count(roots); i++) {
			fputs(i ? ";" : "", stdout);
			cmd_put_shown(stdout, pc_string_list_get(roots, i));
		}
		fputc('\n', stdout);
	}
	pc_string_list_free(roots);
	pc_store_free(store);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "init", db_init, init_table },
	{ "import", db_import, import_table },
	{ "set", db_set, set_table },
	{ "get", db_get, get_table },
};

const struct cmd_spec cmd_db_spec = {
	.name = "db",
	.subs = subs, .sub_count = CMD_COUNT(subs),
	.about = about, .epilog = epilog,
	.column = 17,
};

int cmd_db(int argc, char **argv, const struct cmd_context *ctx)
{
	return cmd_group_run(&cmd_db_spec, argc, argv, ctx);
}
