/* The option parser of every command, its usage lines and its --help,
 * from the commands' tables. See opt.h. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "photoconsent/photoconsent.h"

/* The most entries a table may have; a longer one is an internal error. */
#define MAX_OPTS 16
/* getopt_long values of the options in a table: OPT_BASE + index. */
#define OPT_BASE 256

static int is_option(const struct cmd_opt *o)
{
	return o->kind != CMD_OPT_ARG && o->kind != CMD_OPT_ARGS;
}

static size_t table_length(const struct cmd_opt *opts)
{
	size_t n = 0;
	while (opts && opts[n].kind != CMD_OPT_END)
		n++;
	return n;
}

/* ------------------------------------------------------------ usage lines */

/* One option or operand of a usage line, after a space: "[--on DATE]",
 * "[--json|--csv]" (the option and those joined to it by CMD_OPT_OR),
 * "[--tag TAG]...", "--name NAME", "FILE...". Returns how many entries
 * it took. */
static size_t put_item(FILE *to, const struct cmd_opt *o)
{
	if (!is_option(o)) {
		fprintf(to, " %s%s", o->value ? o->value : o->name, o->kind == CMD_OPT_ARGS ? "..." : "");
		return 1;
	}
	int optional = !(o->flags & CMD_OPT_REQUIRED);
	size_t n = 0;
	fputs(optional ? " [" : " ", to);
	do {
		fprintf(to, "%s--%s%s%s", n ? "|" : "", o[n].name, o[n].kind == CMD_OPT_FLAG ? "" : " ",
		        o[n].kind == CMD_OPT_FLAG ? "" : o[n].value);
		n++;
	} while (o[n].kind != CMD_OPT_END && (o[n].flags & CMD_OPT_OR));
	fprintf(to, "%s%s", optional ? "]" : "", o->kind == CMD_OPT_LIST ? "..." : "");
	return n;
}

static void put_usage(FILE *to, const char *prefix, const char *command, const char *sub,
                      const struct cmd_opt *opts)
{
	fprintf(to, "%sphotoconsent %s%s%s", prefix, command, sub ? " " : "", sub ? sub : "");
	for (size_t i = 0; opts && opts[i].kind != CMD_OPT_END;)
		i += put_item(to, &opts[i]);
	fputc('\n', to);
}

void cmd_usage_lines(FILE *to, const struct cmd_spec *spec, const char *first, const char *rest)
{
	if (!spec->subs) {
		put_usage(to, first, spec->name, NULL, spec->opts);
		return;
	}
	for (size_t i = 0; i < spec->sub_count;) {
		/* Subcommands with one table share a line: "grant|refuse". */
		char names[128] = "";
		size_t j = i, len = 0;
		for (; j < spec->sub_count && spec->subs[j].opts == spec->subs[i].opts; j++) {
			snprintf(names + len, sizeof names - len, "%s%s", j > i ? "|" : "",
			         spec->subs[j].name);
			len = strlen(names);
		}
		put_usage(to, i ? rest : first, spec->name, names, spec->subs[i].opts);
		i = j;
	}
}

/* ------------------------------------------------------------------- help */

/* "  --on DATE     text", the text's later lines at `column` too. */
static void put_help(FILE *to, const char *label_name, const char *value, const char *label,
                     const char *help, int column)
{
	char own[64];
	if (!label) {
		snprintf(own, sizeof own, "--%s%s%s", label_name, value ? " " : "", value ? value : "");
		label = own;
	}
	int at = fprintf(to, "  %s", label);
	/* Two spaces at least between the label and its text, else the text
	 * starts on the next line. */
	if (at + 2 > column) {
		fputc('\n', to);
		at = 0;
	}
	fprintf(to, "%*s", column - at, "");
	for (const char *line = help; *line;) {
		size_t len = strcspn(line, "\n");
		fprintf(to, "%.*s\n", (int)len, line);
		line += len;
		if (*line == '\n' && *++line)
			fprintf(to, "%*s", column, "");
	}
}

static const struct cmd_opt *table_of(const struct cmd_spec *spec, size_t sub)
{
	return spec->subs ? spec->subs[sub].opts : spec->opts;
}

/* Whether the table of subcommand `sub` is an earlier one's too. */
static int table_before(const struct cmd_spec *spec, size_t sub)
{
	for (size_t s = 0; s < sub; s++)
		if (table_of(spec, s) == table_of(spec, sub))
			return 1;
	return 0;
}

/* Whether an earlier subcommand's table says what option `o` is. */
static int said_before(const struct cmd_spec *spec, size_t sub, const struct cmd_opt *o)
{
	for (size_t s = 0; s < sub; s++) {
		const struct cmd_opt *t = table_of(spec, s);
		for (size_t i = 0; t && t[i].kind != CMD_OPT_END; i++)
			if (is_option(&t[i]) && t[i].help && !strcmp(t[i].name, o->name))
				return 1;
	}
	return 0;
}

void cmd_help(FILE *to, const struct cmd_spec *spec)
{
	cmd_usage_lines(to, spec, "usage: ", "   or: ");
	fprintf(to, "\n%s\n", spec->about);
	/* Every option of every subcommand, once, in the order first named. */
	size_t subs = spec->subs ? spec->sub_count : 1;
	for (size_t s = 0; s < subs; s++) {
		const struct cmd_opt *t = table_of(spec, s);
		for (size_t i = 0; t && !table_before(spec, s) && t[i].kind != CMD_OPT_END; i++)
			if (is_option(&t[i]) && t[i].help && !said_before(spec, s, &t[i]))
				put_help(to, t[i].name, t[i].kind == CMD_OPT_FLAG ? NULL : t[i].value,
				         t[i].label, t[i].help, spec->column);
	}
	put_help(to, "help", NULL, "-h, --help", "this help", spec->column);
	fprintf(to, "\n%s", spec->epilog);
}

/* ---------------------------------------------------------------- parsing */

void cmd_list_release(struct cmd_list *list)
{
	free(list->items);
	list->items = NULL;
	list->count = 0;
}

/* A list never holds more values than there are arguments: `max`. */
static int list_add(struct cmd_list *list, const char *value, size_t max)
{
	if (!list->items) {
		list->items = calloc(max, sizeof *list->items);
		if (!list->items)
			return -1;
	}
	list->items[list->count++] = value;
	return 0;
}

struct cmd_call cmd_command_call(const struct cmd_spec *spec, const struct cmd_context *ctx)
{
	struct cmd_call call = { ctx, spec->name, spec, spec->opts };
	return call;
}

/* After getopt_long returned ':' or '?' for argv[optind - 1]. */
static int bad_option(const struct cmd_call *call, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	int len = (int)strcspn(arg, "=");
	if (c == ':')
		return cmd_usage_error(call->name, "option '--%s' needs a value",
		                       call->opts[optopt - OPT_BASE].name);
	if (optopt >= OPT_BASE)
		return cmd_usage_error(call->name, "option '--%s' takes no value",
		                       call->opts[optopt - OPT_BASE].name);
	/* "--help=x": getopt_long gives the value of --help, which is -h's. */
	if (optopt == 'h' && !strncmp(arg, "--", 2))
		return cmd_usage_error(call->name, "option '--help' takes no value");
	if (optopt > 0)
		return cmd_usage_error(call->name, "unknown option '-%c'", optopt);
	return cmd_usage_error(call->name, "unknown option '%.*s'", len, arg);
}

/* Two options of one CMD_OPT_OR group given: the one at `i` and another
 * already `given`. Returns the index of that other, or -1. */
static int given_with(const struct cmd_opt *opts, const int *given, size_t i)
{
	size_t first = i, end = i + 1;
	while (first > 0 && (opts[first].flags & CMD_OPT_OR))
		first--;
	while (opts[end].kind != CMD_OPT_END && (opts[end].flags & CMD_OPT_OR))
		end++;
	for (size_t j = first; j < end; j++)
		if (j != i && given[j])
			return (int)j;
	return -1;
}

/* The operands in argv[first..argc): into the table's ARG places, the
 * rest to its ARGS. */
static int take_operands(const struct cmd_call *call, int argc, char **argv, int first,
                         void *const *places, size_t count)
{
	size_t want = 0, have = (size_t)(argc - first);
	int rest = -1;
	for (size_t i = 0; i < count; i++) {
		if (call->opts[i].kind == CMD_OPT_ARG)
			want++;
		else if (call->opts[i].kind == CMD_OPT_ARGS)
			rest = (int)i;
	}
	if (have < want) {
		/* The operands still wanted: "missing PUPIL PURPOSE". */
		char names[128] = "";
		size_t seen = 0, len = 0;
		for (size_t i = 0; i < count; i++) {
			if (call->opts[i].kind != CMD_OPT_ARG || seen++ < have)
				continue;
			snprintf(names + len, sizeof names - len, "%s%s", len ? " " : "",
			         call->opts[i].name);
			len = strlen(names);
		}
		return cmd_usage_error(call->name, "missing %s", names);
	}
	if (have > want && rest < 0)
		return cmd_usage_error(call->name, "unexpected argument '%s'",
		                       argv[first + (int)want]);
	int at = first;
	for (size_t i = 0; i < count; i++)
		if (call->opts[i].kind == CMD_OPT_ARG)
			*(const char **)places[i] = argv[at++];
	if (rest >= 0)
		*(int *)places[rest] = at;
	return 0;
}

int cmd_parse(int *status, const struct cmd_call *call, int argc, char **argv,
              void *const *places, size_t count)
{
	const struct cmd_opt *opts = call->opts;
	struct option longopts[MAX_OPTS + 2];
	int given[MAX_OPTS] = { 0 };
	size_t n = 0;
	int c;

	if (count != table_length(opts) || count > MAX_OPTS) {
		cmd_error("internal error: the options of '%s' do not match its table", call->name);
		*status = EXIT_SOFTWARE;
		return 1;
	}
	for (size_t i = 0; i < count; i++) {
		if (!is_option(&opts[i]))
			continue;
		longopts[n].name = opts[i].name;
		longopts[n].has_arg = opts[i].kind == CMD_OPT_FLAG ? no_argument : required_argument;
		longopts[n].flag = NULL;
		longopts[n++].val = OPT_BASE + (int)i;
	}
	longopts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };

	/* ':' first: a missing value is told apart from an unknown option. */
	const char *optstring = call->spec && (call->spec->flags & CMD_SPEC_IN_ORDER) ? "+:h" : ":h";
	optind = 0; /* glibc: start afresh, permuting options after operands */
	opterr = 0;
	while ((c = getopt_long(argc, argv, optstring, longopts, NULL)) != -1) {
		if (c == 'h') {
			cmd_help(stdout, call->spec);
			*status = 0;
			return 1;
		}
		if (c < OPT_BASE) {
			*status = bad_option(call, c, argv);
			return 1;
		}
		size_t i = (size_t)(c - OPT_BASE);
		const struct cmd_opt *o = &opts[i];
		int other = given_with(opts, given, i);
		if (other >= 0) {
			const struct cmd_opt *a = &opts[(size_t)other < i ? (size_t)other : i];
			const struct cmd_opt *b = &opts[(size_t)other < i ? i : (size_t)other];
			*status = cmd_usage_error(call->name, "--%s and --%s cannot be used together",
			                          a->name, b->name);
			return 1;
		}
		given[i] = 1;
		switch (o->kind) {
		case CMD_OPT_FLAG:
			*(int *)places[i] = 1;
			break;
		case CMD_OPT_TEXT:
		case CMD_OPT_DATE:
			*(const char **)places[i] = optarg;
			break;
		case CMD_OPT_LIST:
			if (list_add(places[i], optarg, (size_t)argc)) {
				cmd_error("out of memory");
				*status = EXIT_SOFTWARE;
				return 1;
			}
			break;
		default:
			break;
		}
	}
	if ((*status = take_operands(call, argc, argv, optind, places, count)) != 0)
		return 1;
	for (size_t i = 0; i < count; i++) {
		if ((opts[i].flags & CMD_OPT_REQUIRED) && !given[i]) {
			*status = cmd_usage_error(call->name, "option '--%s' is required", opts[i].name);
			return 1;
		}
	}
	for (size_t i = 0; i < count; i++) {
		const char *value;
		if (opts[i].kind != CMD_OPT_DATE || !(value = *(const char **)places[i]))
			continue;
		if ((*status = cmd_check_date(value)) != 0)
			return 1;
	}
	*status = 0;
	return 0;
}

int cmd_check_date(const char *date)
{
	if (pc_date_valid(date))
		return 0;
	cmd_error("'%s' is not a date (YYYY-MM-DD)", date);
	return EXIT_DATAERR;
}

/* ---------------------------------------------------------- subcommands */

int cmd_group_run(const struct cmd_spec *spec, int argc, char **argv,
                  const struct cmd_context *ctx)
{
	const char *group = spec->name;
	if (argc < 2) {
		char names[256] = "";
		for (size_t i = 0, len = 0; i < spec->sub_count; i++) {
			if (i && !strcmp(spec->subs[i].name, spec->subs[i - 1].name))
				continue;
			snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "",
			         spec->subs[i].name);
			len = strlen(names);
		}
		return cmd_usage_error(group, "missing a %s command: %s", group, names);
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		cmd_help(stdout, spec);
		return 0;
	}
	for (size_t i = 0; i < spec->sub_count; i++) {
		if (strcmp(spec->subs[i].name, name))
			continue;
		char full[64];
		snprintf(full, sizeof full, "%s %s", group, name);
		struct cmd_call call = { ctx, full, spec, spec->subs[i].opts };
		return spec->subs[i].fn(argc - 1, argv + 1, &call);
	}
	return cmd_usage_error(group, "'%s' is not a %s command", name, group);
}

int cmd_parse_mode(const char *text, unsigned *mode)
{
	size_t len = text ? strlen(text) : 0;
	if (!len || len > 4 || strspn(text, "01234567") != len)
		return -1;
	unsigned long v = strtoul(text, NULL, 8);
	/* The owner keeps reading and writing it: a mode that locks the
	 * owner out is a typing slip. */
	if (v > 0777 || (v & 0600) != 0600)
		return -1;
	*mode = (unsigned)v;
	return 0;
}
