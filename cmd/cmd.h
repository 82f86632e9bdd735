/*
 * cmd.h: what the subcommands of photoconsent share.
 *
 * Each subcommand lives in its own file, parses its own options with
 * getopt_long, and returns an exit status from the list below. Only the
 * public library header is used here: the command parses and prints, the
 * library does the work.
 */
#ifndef PC_CMD_H
#define PC_CMD_H

/* Exit statuses. 0-2 are results (share / do-not-share / review), the
 * rest errors as in sysexits.h. */
enum cmd_exit {
	EXIT_SHARE = 0,
	EXIT_DO_NOT_SHARE = 1,
	EXIT_REVIEW = 2,
	EXIT_USAGE = 64,       /* EX_USAGE: bad command line */
	EXIT_DATAERR = 65,     /* EX_DATAERR: bad input data */
	EXIT_NOINPUT = 66,     /* EX_NOINPUT: a file cannot be opened */
	EXIT_SOFTWARE = 70,    /* EX_SOFTWARE: internal error, out of memory */
	EXIT_IOERR = 74        /* EX_IOERR: cannot write output */
};

struct cmd_context {
	const char *db_path; /* --db, else $PHOTOCONSENT_DB, else consent.db */
};

typedef int (*cmd_fn)(int argc, char **argv, const struct cmd_context *ctx);

int cmd_inspect(int argc, char **argv, const struct cmd_context *ctx);

/* "photoconsent: " + message on stderr. */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message, then "try 'photoconsent CMD --help'". Returns EXIT_USAGE. */
int cmd_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
