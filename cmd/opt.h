/*
 * opt.h: the one option parser of every command, driven by a table.
 *
 * A command ("check") or subcommand ("pupil add") describes what it takes
 * as a table of struct cmd_opt: its options and its operands, in the order
 * its usage line shows them, ended by CMD_END. That one table
 * gives:
 * - the parsing (cmd_parse), with the same usage errors, in the same
 *   words, for every command;
 * - its usage line ("usage: photoconsent pupil add ID --forename F ...");
 * - the options part of its --help;
 * - the man page's SYNOPSIS: `photoconsent --usage-lines` prints every
 *   usage line, and a test holds man/photoconsent.1 against them, so that
 *   an option cannot be added to a table and left out of the man page.
 * The rest of --help (what the command does, its exit statuses) is prose
 * in the command's struct cmd_spec.
 *
 * Tables are static and name no variables: a command hands cmd_parse the
 * places to fill, one for each entry of its table, in the table's order
 * (cmd_parse refuses a count that does not match, as an internal error).
 * So a table can be read without running its command: by --help, which
 * shows every subcommand's options, and by --usage-lines.
 */
#ifndef PC_CMD_OPT_H
#define PC_CMD_OPT_H

#include <stddef.h>
#include <stdio.h>

#include "cmd.h"

enum cmd_opt_kind {
	CMD_OPT_END = 0, /* ends a table */
	CMD_OPT_FLAG,    /* --public: *(int *)place = 1 */
	CMD_OPT_TEXT,    /* --note TEXT: *(const char **)place */
	CMD_OPT_DATE,    /* --on DATE: as TEXT, then checked to be YYYY-MM-DD (65) */
	CMD_OPT_LIST,    /* --tag TAG, repeatable: appended to *(struct cmd_list *)place */
	CMD_OPT_ARG,     /* one operand: *(const char **)place */
	CMD_OPT_ARGS     /* the operands that are left, none or more (the command
	                    says what it wants when there are none): they are
	                    argv[*(int *)place] to argv[argc - 1], getopt_long
	                    having moved the options before them */
};

enum cmd_opt_flag {
	CMD_OPT_REQUIRED = 1u << 0, /* an option that must be given: no brackets */
	CMD_OPT_OR = 1u << 1        /* this or the option before it, not both:
	                               "[--json|--csv]" */
};

struct cmd_opt {
	enum cmd_opt_kind kind;
	/* An option's name, without the dashes ("no-log"); an operand's name
	 * in messages ("missing PURPOSE"). */
	const char *name;
	/* What the usage line calls an option's value ("DATE"), or shows for
	 * an operand when not its name ("person-roots"); NULL for neither. */
	const char *value;
	unsigned flags;       /* enum cmd_opt_flag */
	/* The option's --help text; a line after the first starts at the
	 * spec's column. NULL: not in --help (the operands), or said by an
	 * earlier subcommand's entry of the same name. */
	const char *help;
	/* What --help shows for the option when not "--name VALUE"
	 * ("--as parent"); NULL for that. */
	const char *label;
};

/* Table entries. */
#define CMD_FLAG(name, flags, help)        { CMD_OPT_FLAG, name, NULL, flags, help, NULL }
#define CMD_TEXT(name, value, flags, help) { CMD_OPT_TEXT, name, value, flags, help, NULL }
#define CMD_DATE(name, value, flags, help) { CMD_OPT_DATE, name, value, flags, help, NULL }
#define CMD_LIST(name, value, flags, help) { CMD_OPT_LIST, name, value, flags, help, NULL }
#define CMD_ARG(name, shown)               { CMD_OPT_ARG, name, shown, 0, NULL, NULL }
#define CMD_ARGS(name)                     { CMD_OPT_ARGS, name, NULL, 0, NULL, NULL }
#define CMD_END                            { CMD_OPT_END, NULL, NULL, 0, NULL, NULL }

/* What a subcommand is called with. */
struct cmd_call {
	const struct cmd_context *ctx;
	const char *name;             /* "pupil add": for messages */
	const struct cmd_spec *spec;  /* for --help */
	const struct cmd_opt *opts;   /* the table argv is parsed against */
};

typedef int (*cmd_sub_fn)(int argc, char **argv, const struct cmd_call *call);

/* A subcommand, or a further usage line of the one before it. */
struct cmd_sub {
	const char *name;            /* "add" */
	cmd_sub_fn fn;
	/* Its table. Subcommands next to each other with the same table share
	 * a usage line ("consent grant|refuse PUPIL PURPOSE ..."). A name
	 * given twice in a row is one subcommand with a usage line for each
	 * (pupil set): it is parsed against the first's table, so the two
	 * must take the same. */
	const struct cmd_opt *opts;
};

/* A command: its table or its subcommands, and its --help. */
struct cmd_spec {
	const char *name;            /* "check", "pupil" */
	const struct cmd_opt *opts;  /* a command without subcommands: its table */
	const struct cmd_sub *subs;  /* else its subcommands */
	size_t sub_count;
	const char *about;           /* --help between the usage lines and the options */
	const char *epilog;          /* --help after the options */
	int column;                  /* where --help starts an option's text */
	unsigned flags;              /* enum cmd_spec_flag */
};

enum cmd_spec_flag {
	/* Options end at the first operand: `inspect FILE --json` reads a
	 * file called "--json". */
	CMD_SPEC_IN_ORDER = 1u << 0
};

/* The number of items in an array. */
#define CMD_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A list of values from a repeated option (--alias A --alias B). */
struct cmd_list {
	const char **items;
	size_t count;
};
void cmd_list_release(struct cmd_list *list);

/* The call of a command without subcommands (check, log). */
struct cmd_call cmd_command_call(const struct cmd_spec *spec, const struct cmd_context *ctx);

/*
 * Runs the subcommand argv[1] of `spec` (argv[0] is the command's name).
 * "CMD --help", "CMD -h" and "CMD help" print its help and return 0; no
 * subcommand or an unknown one is a usage error (64).
 */
int cmd_group_run(const struct cmd_spec *spec, int argc, char **argv,
                  const struct cmd_context *ctx);

/*
 * Parses argv (argv[0] the command or subcommand) against call->opts,
 * filling places[i] as entry i of the table says (`count` must be the
 * number of entries). Options and operands may come in any order (unless
 * the spec says CMD_SPEC_IN_ORDER); "--" ends the options; --help and -h
 * are always understood. Returns 0 to go on, or non-zero to stop with
 * *status the exit status: 0 after --help, 64 for a usage error, 65 for
 * a bad date, 70 for a table and places that do not match or no memory
 * (each message printed). Lists are the caller's to release either way.
 */
int cmd_parse(int *status, const struct cmd_call *call, int argc, char **argv,
              void *const *places, size_t count);

/* Prints the whole --help of `spec`. */
void cmd_help(FILE *to, const struct cmd_spec *spec);

/* Prints the usage lines of `spec`, each as "photoconsent ..." after
 * `first` (the first line) or `rest` (the others), with a newline. */
void cmd_usage_lines(FILE *to, const struct cmd_spec *spec, const char *first,
                     const char *rest);

/* 0 when `date` is YYYY-MM-DD, else prints "'x' is not a date
 * (YYYY-MM-DD)" and returns 65. */
int cmd_check_date(const char *date);

/* A file mode given as "0640" or "640": permission bits in octal that
 * leave the owner read and write. 0, or -1 (*mode untouched) for anything
 * else. */
int cmd_parse_mode(const char *text, unsigned *mode);

#endif
