/*
 * dbcmd.h: what the consent-database commands (db, pupil, purpose,
 * consent, event, log) share: declarative option parsing, opening the
 * store, and turning library codes into exit statuses and messages.
 *
 * A command group ("pupil") is a table of subcommands ("add", "show");
 * cmd_group_run() picks one and hands it a struct cmd_call. Each
 * subcommand describes its options as a table of struct cmd_opt and its
 * positional arguments as a string ("PUPIL PURPOSE"); cmd_parse() fills
 * them in, prints --help, and reports usage errors (64) and bad dates (65).
 */
#ifndef PC_DBCMD_H
#define PC_DBCMD_H

#include <stddef.h>

#include "cmd.h"
#include "photoconsent/photoconsent.h"

/* What a subcommand is called with. */
struct cmd_call {
	const struct cmd_context *ctx;
	const char *name;  /* "pupil add": for messages */
	const char *help;  /* the group's usage text, printed by --help */
	const char *args;  /* its positional arguments, "PUPIL PURPOSE"; "" for none */
};

typedef int (*cmd_sub_fn)(int argc, char **argv, const struct cmd_call *call);

struct cmd_sub {
	const char *name;  /* "add" */
	const char *args;  /* as cmd_call.args */
	cmd_sub_fn fn;
};

/*
 * Runs the subcommand argv[1] of `group` (argv[0] is the group's name).
 * "GROUP --help" and "GROUP help" print `help` and return 0; no
 * subcommand or an unknown one is a usage error (64).
 */
int cmd_group_run(const char *group, const char *help, const struct cmd_sub *subs,
                  size_t count, int argc, char **argv, const struct cmd_context *ctx);

/* A list of values from a repeated option (--alias A --alias B). */
struct cmd_list {
	const char **items;
	size_t count;
};
void cmd_list_release(struct cmd_list *list);

/* The number of items in an array. */
#define CMD_COUNT(a) (sizeof(a) / sizeof((a)[0]))

enum cmd_opt_kind {
	CMD_OPT_FLAG,   /* --public: *(int *)target = 1 */
	CMD_OPT_TEXT,   /* --note TEXT: *(const char **)target */
	CMD_OPT_DATE,   /* --on DATE: as TEXT, checked to be YYYY-MM-DD (else 65) */
	CMD_OPT_LIST    /* --tag TAG...: appended to *(struct cmd_list *)target */
};

struct cmd_opt {
	const char *name;  /* without the dashes */
	enum cmd_opt_kind kind;
	void *target;
	int required;      /* missing is a usage error */
};

/*
 * Parses argv (argv[0] the subcommand) against `opts` (`count` of them;
 * --help and -h are always understood), then takes exactly as many
 * positional arguments as call->args names into `pos`. Options and
 * positional arguments may come in any order; "--" ends the options.
 * Returns 0 to go on, or non-zero to stop with *status as the exit
 * status: 0 after --help, 64 for a usage error, 65 for a bad date (each
 * message printed). Lists are the caller's to release either way.
 */
int cmd_parse(int *status, const struct cmd_call *call, int argc, char **argv,
              const struct cmd_opt *opts, size_t count, const char **pos);

/* 0 when `date` is YYYY-MM-DD, else prints "'x' is not a date
 * (YYYY-MM-DD)" and returns 65. */
int cmd_check_date(const char *date);

/*
 * Opens the database at ctx->db_path. Returns 0 with *out set, or the
 * exit status after printing why: 66 when there is no database (and how
 * to make one), 65 not a photoconsent database, 73 when CREATE finds a
 * database already there or cannot make the file, 74 read-only, 75 locked
 * by another writer.
 */
int cmd_store_open(pc_store **out, const struct cmd_context *ctx, enum pc_store_mode mode);

/*
 * Opens the database for a command that writes to the audit log: for
 * writing when *logging, else for reading. A database that cannot be
 * written is still judged against: one warning (that `what`, "the checks",
 * are not written to the audit log), *logging set to 0, and it is opened
 * for reading. Returns 0 or an exit status, as cmd_store_open.
 */
int cmd_store_open_log(pc_store **out, const struct cmd_context *ctx, int *logging,
                       const char *what);

/*
 * After a store call failed with `code`: prints pc_store_error() and
 * returns the exit status for it (cmd_status_for).
 */
int cmd_store_fail(pc_store *store, int code);

/* After a call failed with `err`: prints its message and returns the exit
 * status for its code (cmd_status_for). */
int cmd_fail(const struct pc_error *err);

/* The exit status for a library code: 0, 65 data (unknown pupil, purpose
 * or event, bad date, duplicate id, refused file, not a photoconsent
 * database), 66 a file cannot be opened, 70 out of memory or the library
 * misused (PC_ENOMEM, PC_EINVALID, PC_EVERSION), 75 busy, 74 read-only,
 * I/O and anything else. */
int cmd_status_for(int code);

/* Who is acting: $PHOTOCONSENT_USER, else $USER, else $LOGNAME, else the
 * passwd name of the effective user, else "unknown". */
const char *cmd_user(void);

/* Prints `s` then spaces up to `width` columns (counting UTF-8 characters,
 * not bytes, so that accented names line up). */
void cmd_pad(const char *s, size_t width);
/* The number of UTF-8 characters in `s`. */
size_t cmd_width(const char *s);

/* What a consent status means, after its state name: "since 2025-09-08,
 * until 2026-08-31", "its last day was 2026-08-31", ... */
void cmd_consent_detail(char *buf, size_t size, const struct pc_consent_status *st);

#endif
