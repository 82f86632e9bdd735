/* What the consent-database commands share: options, opening the store,
 * exit statuses. See dbcmd.h. */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dbcmd.h"

#define MAX_OPTS 16
#define MAX_POS 4
/* getopt_long values of the options in a table: OPT_BASE + index. */
#define OPT_BASE 256

int cmd_group_run(const char *group, const char *help, const struct cmd_sub *subs,
                  size_t count, int argc, char **argv, const struct cmd_context *ctx)
{
	if (argc < 2) {
		char names[256] = "";
		for (size_t i = 0; i < count; i++) {
			size_t len = strlen(names);
			snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "", subs[i].name);
		}
		return cmd_usage_error(group, "missing a %s command: %s", group, names);
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		fputs(help, stdout);
		return 0;
	}
	for (size_t i = 0; i < count; i++) {
		if (strcmp(subs[i].name, name))
			continue;
		char full[64];
		snprintf(full, sizeof full, "%s %s", group, name);
		struct cmd_call call = { ctx, full, help, subs[i].args };
		return subs[i].fn(argc - 1, argv + 1, &call);
	}
	return cmd_usage_error(group, "'%s' is not a %s command", name, group);
}

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

/* How many space-separated words `s` holds; where each starts into words[]. */
static size_t split_words(const char *s, const char *words[MAX_POS])
{
	size_t n = 0;
	while (*s && n < MAX_POS) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		words[n++] = s;
		while (*s && *s != ' ')
			s++;
	}
	return n;
}

static int bad_option(const struct cmd_call *call, int c, const struct cmd_opt *opts,
                      char **argv)
{
	if (c == ':')
		return cmd_usage_error(call->name, "option '--%s' needs a value",
		                       opts[optopt - OPT_BASE].name);
	if (optopt >= OPT_BASE)
		return cmd_usage_error(call->name, "option '--%s' takes no value",
		                       opts[optopt - OPT_BASE].name);
	if (optopt > 0)
		return cmd_usage_error(call->name, "unknown option '-%c'", optopt);
	const char *arg = argv[optind - 1];
	size_t len = strcspn(arg, "=");
	return cmd_usage_error(call->name, "unknown option '%.*s'", (int)len, arg);
}

int cmd_parse(int *status, const struct cmd_call *call, int argc, char **argv,
              const struct cmd_opt *opts, size_t count, const char **pos)
{
	struct option longopts[MAX_OPTS + 2];
	size_t n = 0;
	int c;

	if (count > MAX_OPTS) {
		cmd_error("internal error: too many options for '%s'", call->name);
		*status = EXIT_SOFTWARE;
		return 1;
	}
	for (n = 0; n < count; n++) {
		longopts[n].name = opts[n].name;
		longopts[n].has_arg = opts[n].kind == CMD_OPT_FLAG ? no_argument : required_argument;
		longopts[n].flag = NULL;
		longopts[n].val = OPT_BASE + (int)n;
	}
	longopts[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	longopts[n] = (struct option){ NULL, 0, NULL, 0 };

	optind = 0; /* glibc: start afresh, permuting options after operands */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(call->help, stdout);
			*status = 0;
			return 1;
		}
		if (c < OPT_BASE) {
			*status = bad_option(call, c, opts, argv);
			return 1;
		}
		const struct cmd_opt *o = &opts[c - OPT_BASE];
		switch (o->kind) {
		case CMD_OPT_FLAG:
			*(int *)o->target = 1;
			break;
		case CMD_OPT_TEXT:
		case CMD_OPT_DATE:
			*(const char **)o->target = optarg;
			break;
		case CMD_OPT_LIST:
			if (list_add(o->target, optarg, (size_t)argc)) {
				cmd_error("out of memory");
				*status = EXIT_SOFTWARE;
				return 1;
			}
			break;
		}
	}

	/* Positional arguments: exactly those that call->args names. */
	const char *words[MAX_POS];
	size_t want = split_words(call->args, words);
	size_t have = (size_t)(argc - optind);
	if (have < want) {
		/* The rest of the list: "missing PUPIL PURPOSE". */
		*status = cmd_usage_error(call->name, "missing %s", words[have]);
		return 1;
	}
	if (have > want) {
		*status = cmd_usage_error(call->name, "unexpected argument '%s'",
		                          argv[optind + (int)want]);
		return 1;
	}
	for (size_t i = 0; i < want; i++)
		pos[i] = argv[optind + (int)i];

	for (size_t i = 0; i < count; i++) {
		if (opts[i].required && !*(const char **)opts[i].target) {
			*status = cmd_usage_error(call->name, "option '--%s' is required",
			                          opts[i].name);
			return 1;
		}
	}
	for (size_t i = 0; i < count; i++) {
		const char *value;
		if (opts[i].kind != CMD_OPT_DATE || !(value = *(const char **)opts[i].target))
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

int cmd_status_for(int code)
{
	switch (code) {
	case PC_OK:
		return 0;
	case PC_ENOTFOUND:
	case PC_EFORMAT:
	case PC_ETOOBIG:
	case PC_EEXISTS:
	case PC_EDATABASE:
		return EXIT_DATAERR;
	case PC_EOPEN:
		return EXIT_NOINPUT;
	case PC_EREADONLY:
		return EXIT_IOERR;
	case PC_EBUSY:
		return EXIT_TEMPFAIL;
	case PC_ENOMEM:
	case PC_EINVALID:
	case PC_EVERSION:
		/* Out of memory, or the library called wrongly: the program's
		 * fault, not the data's. */
		return EXIT_SOFTWARE;
	default:
		/* In the store, anything else is SQLite failing to read or write
		 * the file (disk full, I/O error) or running out of memory. */
		return EXIT_IOERR;
	}
}

int cmd_store_fail(pc_store *store, int code)
{
	const char *why = store ? pc_store_error(store) : "";
	if (*why)
		cmd_error("%s", why);
	else
		cmd_error("the database call failed (error %d)", code);
	return cmd_status_for(code);
}

int cmd_fail(const struct pc_error *err)
{
	if (*err->message)
		cmd_error("%s", err->message);
	else
		cmd_error("%s", pc_strerror(err->code));
	return cmd_status_for(err->code);
}

int cmd_store_open(pc_store **out, const struct cmd_context *ctx, enum pc_store_mode mode)
{
	const char *path = ctx->db_path;
	pc_store *store = NULL;
	int status;

	*out = NULL;
	int err = pc_store_open(&store, path, mode);
	if (!err) {
		*out = store;
		return 0;
	}
	if (!store) {
		cmd_error("out of memory opening '%s'", path);
		return EXIT_SOFTWARE;
	}
	/* The store's messages name the file and say what to do ("no
	 * database at 'x.db'; create one with 'photoconsent db init'"). */
	if (mode == PC_STORE_CREATE && err == PC_EEXISTS) {
		cmd_error("%s; it was left as it is", pc_store_error(store));
		status = EXIT_CANTCREAT;
	} else {
		status = cmd_store_fail(store, err);
		if (mode == PC_STORE_CREATE && (err == PC_EOPEN || err == PC_EREADONLY))
			status = EXIT_CANTCREAT;
	}
	pc_store_free(store);
	return status;
}

int cmd_store_open_log(pc_store **out, const struct cmd_context *ctx, int *logging,
                       const char *what)
{
	*out = NULL;
	if (!*logging)
		return cmd_store_open(out, ctx, PC_STORE_READ);
	pc_store *store = NULL;
	int err = pc_store_open(&store, ctx->db_path, PC_STORE_WRITE);
	if (!err) {
		*out = store;
		return 0;
	}
	if (!store) {
		cmd_error("out of memory opening '%s'", ctx->db_path);
		return EXIT_SOFTWARE;
	}
	if (err != PC_EREADONLY) {
		int status = cmd_store_fail(store, err);
		pc_store_free(store);
		return status;
	}
	cmd_error("warning: %s; %s are not written to the audit log", pc_store_error(store), what);
	pc_store_free(store);
	*logging = 0;
	return cmd_store_open(out, ctx, PC_STORE_READ);
}

const char *cmd_user(void)
{
	static const char *const vars[] = { "PHOTOCONSENT_USER", "USER", "LOGNAME" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	const struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	return "unknown";
}

size_t cmd_width(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

void cmd_pad(const char *s, size_t width)
{
	size_t w = cmd_width(s);
	fputs(s, stdout);
	for (; w < width; w++)
		fputc(' ', stdout);
}

void cmd_consent_detail(char *buf, size_t size, const struct pc_consent_status *st)
{
	switch (st->state) {
	case PC_CONSENT_GRANTED:
		if (st->expires_on[0])
			snprintf(buf, size, "since %s, until %s", st->since, st->expires_on);
		else
			snprintf(buf, size, "since %s", st->since);
		break;
	case PC_CONSENT_REFUSED:
	case PC_CONSENT_WITHDRAWN:
		snprintf(buf, size, "since %s", st->since);
		break;
	case PC_CONSENT_EXPIRED:
		snprintf(buf, size, "its last day was %s", st->expires_on);
		break;
	case PC_CONSENT_LEFT:
		snprintf(buf, size, "the pupil has left");
		break;
	case PC_CONSENT_NONE:
	default:
		snprintf(buf, size, "never given, or not yet in force");
		break;
	}
}
