/* photoconsent: the dispatcher. Finds the subcommand in the table and
 * hands it the rest of the command line. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "photoconsent/photoconsent.h"

struct command {
	const char *name;
	cmd_fn fn;
	const char *summary;
};

static const struct command commands[] = {
	{ "check", cmd_check, "decide whether photos may be shared, and say why" },
	{ "scan", cmd_scan, "judge every photo in folders; progress, summary, contact sheet" },
	{ "inspect", cmd_inspect, "show who and what a photo's metadata names" },
	{ "db", cmd_db, "create the consent database, import the school's MIS export" },
	{ "pupil", cmd_pupil, "add, show, list and change pupils" },
	{ "purpose", cmd_purpose, "list and add the purposes a photo may be used for" },
	{ "consent", cmd_consent, "record consent given, refused or withdrawn; its history" },
	{ "event", cmd_event, "add and list school events" },
	{ "log", cmd_log, "the audit log: who cleared each photo, on what grounds" },
};

int cmd_terminal(int fd)
{
	const char *term = getenv("TERM");
	return isatty(fd) && !(term && !strcmp(term, "dumb"));
}

int cmd_color(int fd)
{
	const char *no = getenv("NO_COLOR");
	return cmd_terminal(fd) && !(no && *no);
}

void cmd_error(const char *fmt, ...)
{
	va_list ap;
	fputs("photoconsent: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("photoconsent: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ntry 'photoconsent %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
	return EXIT_USAGE;
}

int cmd_option_error(const char *cmd, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	int len = (int)strcspn(arg, "=");
	if (c == ':')
		return cmd_usage_error(cmd, "option '%s' needs a value", arg);
	if (strncmp(arg, "--", 2))
		return cmd_usage_error(cmd, "unknown option '-%c'", optopt);
	if (optopt && arg[len])
		return cmd_usage_error(cmd, "option '%.*s' takes no value", len, arg);
	return cmd_usage_error(cmd, "unknown option '%.*s'", len, arg);
}

static void usage(FILE *to)
{
	fputs("usage: photoconsent [--db PATH] COMMAND [ARGS]\n"
	      "       photoconsent help COMMAND | --help | --version\n\n"
	      "Decides whether school photos may be shared, from their metadata and\n"
	      "each pupil's consent.\n\ncommands:\n", to);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nThe database is --db PATH, else $PHOTOCONSENT_DB, else consent.db.\n", to);
}

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
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
