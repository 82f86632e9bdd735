/* photoconsent: the dispatcher. Finds the subcommand in the table and
 * hands it the rest of the command line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "opt.h"
#include "photoconsent/photoconsent.h"

struct command {
	const struct cmd_spec *spec;
	cmd_fn fn;
	const char *summary;
};

/* In the order of --help and of the man page's SYNOPSIS. */
static const struct command commands[] = {
	{ &cmd_check_spec, cmd_check, "decide whether photos may be shared, and say why" },
	{ &cmd_scan_spec, cmd_scan, "judge every photo in folders; progress, summary, contact sheet" },
	{ &cmd_inspect_spec, cmd_inspect, "show who and what a photo's metadata names" },
	{ &cmd_db_spec, cmd_db, "create the consent database, import the school's MIS export" },
	{ &cmd_pupil_spec, cmd_pupil, "add, show, list and change pupils" },
	{ &cmd_purpose_spec, cmd_purpose, "list and add the purposes a photo may be used for" },
	{ &cmd_consent_spec, cmd_consent, "record consent given, refused or withdrawn; its history" },
	{ &cmd_event_spec, cmd_event, "add and list school events" },
	{ &cmd_log_spec, cmd_log, "the audit log: who cleared each photo, on what grounds" },
};

/* The usage lines of photoconsent itself: the first and the last of the
 * man page's SYNOPSIS. */
static const char synopsis_first[] = "[--db PATH] COMMAND [ARGS]";
static const char synopsis_last[] = "help COMMAND | --help | --version";

static void usage(FILE *to)
{
	fprintf(to, "usage: photoconsent %s\n"
	        "       photoconsent %s\n\n", synopsis_first, synopsis_last);
	fputs("Decides whether school photos may be shared, from their metadata and\n"
	      "each pupil's consent.\n\ncommands:\n", to);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(to, "  %-10s %s\n", commands[i].spec->name, commands[i].summary);
	fputs("\nThe database is --db PATH, else $PHOTOCONSENT_DB, else consent.db.\n", to);
}

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].spec->name, name))
			return &commands[i];
	return NULL;
}

/* Takes "--db PATH" or "--db=PATH" out of argv wherever it stands, so it
 * may come before or after the command name. Returns 0, or -1 when --db
 * has no value. */
static int take_db(int *argc, char **argv, const char **db)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (!strcmp(argv[i], "--db")) {
			if (i + 1 >= *argc)
				return -1;
			*db = argv[++i];
			continue;
		}
		if (!strncmp(argv[i], "--db=", 5)) {
			*db = argv[i] + 5;
			continue;
		}
		argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int main(int argc, char **argv)
{
	struct cmd_context ctx = { NULL };
	if (take_db(&argc, argv, &ctx.db_path))
		return cmd_usage_error(NULL, "option '--db' needs a path");
	if (!ctx.db_path)
		ctx.db_path = getenv("PHOTOCONSENT_DB");
	if (!ctx.db_path || !*ctx.db_path)
		ctx.db_path = "consent.db";

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(name, "--version")) {
		printf("photoconsent %s\n", pc_version());
		return 0;
	}
	/* Not in --help: every usage line, for the test that holds the man
	 * page's SYNOPSIS to them (tests/e2e/run.sh). */
	if (!strcmp(name, "--usage-lines")) {
		printf("photoconsent %s\n", synopsis_first);
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			cmd_usage_lines(stdout, commands[i].spec, "", "");
		printf("photoconsent %s\n", synopsis_last);
		return fflush(stdout) || ferror(stdout) ? EXIT_IOERR : 0;
	}
	if (!strcmp(name, "help")) {
		if (argc < 3) {
			usage(stdout);
			return 0;
		}
		const struct command *c = find(argv[2]);
		if (!c)
			return cmd_usage_error(NULL, "'%s' is not a command", argv[2]);
		char *help_argv[] = { argv[2], (char *)"--help", NULL };
		return c->fn(2, help_argv, &ctx);
	}
	const struct command *c = find(name);
	if (!c)
		return cmd_usage_error(NULL, "'%s' is not a command", name);
	int status = c->fn(argc - 1, argv + 1, &ctx);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error("cannot write output");
		return EXIT_IOERR;
	}
	return status;
}
