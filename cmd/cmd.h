/*
 * cmd.h: what the subcommands of photoconsent share.
 *
 * Each subcommand lives in its own file, parses its options against its
 * own table (opt.h), and returns an exit status from the list below. Only
 * the public library header is used here: the command parses and prints,
 * the library does the work.
 */
#ifndef PC_CMD_H
#define PC_CMD_H

#include <stdio.h>

#include "photoconsent/photoconsent.h"

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
	EXIT_CANTCREAT = 73,   /* EX_CANTCREAT: db init where a database already is */
	EXIT_IOERR = 74,       /* EX_IOERR: cannot write output; the database is
	                          read-only or cannot be read or written */
	EXIT_TEMPFAIL = 75     /* EX_TEMPFAIL: another writer holds the database */
};

struct cmd_context {
	const char *db_path; /* --db, else $PHOTOCONSENT_DB, else consent.db */
};

typedef int (*cmd_fn)(int argc, char **argv, const struct cmd_context *ctx);

int cmd_inspect(int argc, char **argv, const struct cmd_context *ctx);
/* Whether photos may be shared: cmd/check.c. */
int cmd_check(int argc, char **argv, const struct cmd_context *ctx);
/* Every photo in folders, in parallel: cmd/scan.c. */
int cmd_scan(int argc, char **argv, const struct cmd_context *ctx);
/* The consent database: cmd/db.c, pupil.c, purpose.c, consent.c, event.c, log.c. */
int cmd_db(int argc, char **argv, const struct cmd_context *ctx);
int cmd_pupil(int argc, char **argv, const struct cmd_context *ctx);
int cmd_purpose(int argc, char **argv, const struct cmd_context *ctx);
int cmd_consent(int argc, char **argv, const struct cmd_context *ctx);
int cmd_event(int argc, char **argv, const struct cmd_context *ctx);
int cmd_log(int argc, char **argv, const struct cmd_context *ctx);

/* What each command takes, and its --help (opt.h), beside its cmd_ function. */
struct cmd_spec;
extern const struct cmd_spec cmd_inspect_spec, cmd_check_spec, cmd_scan_spec, cmd_db_spec,
	cmd_pupil_spec, cmd_purpose_spec, cmd_consent_spec, cmd_event_spec, cmd_log_spec;

/* Whether `fd` is a terminal that moves its cursor as told (TERM is not
 * "dumb"): where a progress line may be redrawn. */
int cmd_terminal(int fd);
/* Whether to colour what goes to `fd`: such a terminal, and NO_COLOR
 * (https://no-color.org) not set. */
int cmd_color(int fd);

/* Writes a text report of a verdict of `kind` (one that begins with its
 * label, pc_verdict_kind_label) to `f`, the label coloured when `color`:
 * cmd/color.c. EOF when the write fails. */
int cmd_put_verdict_text(const char *text, enum pc_verdict_kind kind, int color, FILE *f);
/* Writes pc_report_scan_summary's table to `f`, the verdicts' rows
 * coloured when `color`. EOF when the write fails. */
int cmd_put_summary(const char *table, int color, FILE *f);

/*
 * What the command says holds file names from the command line and text
 * from files and the database, which may hold any bytes: each of these
 * shows its whole message as pc_printable does, each control character,
 * line or paragraph separator, bidirectional control and byte that is not
 * UTF-8 as a '?', so that a name cannot move the cursor, colour the
 * screen or start a line of its own. Printable text is unchanged.
 */
/* "photoconsent: " + message + a newline on stderr. */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message, then "try 'photoconsent CMD --help'". Returns EXIT_USAGE. */
int cmd_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The message as one line, and a newline, on `f`. EOF when the write fails. */
int cmd_say(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* `s` on `f`, shown so, with nothing after it. EOF when the write fails. */
int cmd_put_shown(FILE *f, const char *s);

#endif
