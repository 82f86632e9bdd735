/* photoconsent pupil: add, show, list and change pupils. */
#include <stdio.h>
#include <string.h>

#include "dbcmd.h"

static const char about[] =
	"add records a pupil: ID is the school's admission number or UPN; an alias\n"
	"is another whole name the child is tagged as (repeat --alias for several).\n"
	"show prints a pupil's details and the consent in force today for every\n"
	"purpose. list prints every pupil, or one class's, by class and surname.\n"
	"set turns no_photo (never share anywhere) or no_name (never beside the\n"
	"child's name) on or off (yes/no, y/n, true/false and 1/0 too, as the\n"
	"import reads them), or records the day the pupil left (none: has not\n"
	"left). alias adds a name the pupil is also tagged as.\n";

static const char epilog[] =
	"Exit status: 0 done; 64 usage error; 65 unknown pupil, an id already\n"
	"taken, a bad date, or not a photoconsent database; 66 no database;\n"
	"74 the database cannot be written; 75 another writer holds the database.\n";

static const struct cmd_opt add_table[] = {
	CMD_ARG("ID", NULL),
	CMD_TEXT("forename", "F", CMD_OPT_REQUIRED, "the first name (required)"),
	CMD_TEXT("surname", "S", CMD_OPT_REQUIRED, "the surname (required)"),
	CMD_TEXT("preferred", "P", 0, "the name the child goes by (\"Katie\" for Katherine)"),
	CMD_TEXT("class", "C", 0, "a class or year group, as the MIS writes it"),
	CMD_LIST("alias", "A", 0, "another whole name (repeatable)"),
	CMD_END,
};

static const struct cmd_opt show_table[] = {
	CMD_ARG("ID", NULL),
	CMD_END,
};

static const struct cmd_opt list_table[] = {
	CMD_TEXT("class", "C", 0, NULL),
	CMD_END,
};

/* One subcommand, two usage lines: the flags, and the leaving date. */
static const struct cmd_opt set_flag_table[] = {
	CMD_ARG("ID", NULL),
	CMD_ARG("SETTING", "no_photo|no_name"),
	CMD_ARG("VALUE", "on|off"),
	CMD_END,
};

static const struct cmd_opt set_left_table[] = {
	CMD_ARG("ID", NULL),
	CMD_ARG("SETTING", "left_on"),
	CMD_ARG("VALUE", "DATE|none"),
	CMD_END,
};

static const struct cmd_opt alias_table[] = {
	CMD_ARG("ID", NULL),
	CMD_ARG("NAME", NULL),
	CMD_END,
};

static int pupil_add(int argc, char **argv, const struct cmd_call *call)
{
	struct pc_pupil p = { 0 };
	struct cmd_list aliases = { 0 };
	void *const places[] = { &p.id, &p.forename, &p.surname, &p.preferred_name, &p.class_name,
	                         &aliases };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		goto done;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		goto done;
	p.aliases = aliases.items;
	p.alias_count = aliases.count;
	if ((err = pc_store_pupil_add(store, &p, cmd_user(), &e))) {
		status = cmd_store_fail(&e, err);
		goto done;
	}
	cmd_say(stdout, "added pupil %s %s %s%s%s%s", p.id, p.forename, p.surname,
	        p.class_name ? " (" : "", p.class_name ? p.class_name : "",
	        p.class_name ? ")" : "");
done:
	pc_store_free(store);
	cmd_list_release(&aliases);
	return status;
}

static void show_details(const struct pc_pupil *p)
{
	cmd_say(stdout, "pupil %s: %s %s", p->id, p->forename, p->surname);
	if (p->no_photo)
		printf("  NO PHOTO: never share a photo of this pupil anywhere,"
		       " whatever the consent below says\n");
	if (p->no_name)
		printf("  NO NAME: a photo may be used, but never with the pupil's name beside it\n");
	if (p->left_on)
		cmd_say(stdout, "  LEFT on %s: from that day no consent is in force", p->left_on);
	cmd_say(stdout, "  preferred name: %s", p->preferred_name ? p->preferred_name : "-");
	cmd_say(stdout, "  class:          %s", p->class_name ? p->class_name : "-");
	printf("  aliases:        ");
	for (size_t i = 0; i < p->alias_count; i++) {
		fputs(i ? "; " : "", stdout);
		cmd_put_shown(stdout, p->aliases[i]);
	}
	printf("%s\n", p->alias_count ? "" : "-");
	printf("  no_photo:       %s\n", p->no_photo ? "on" : "off");
	printf("  no_name:        %s\n", p->no_name ? "on" : "off");
	cmd_say(stdout, "  left on:        %s", p->left_on ? p->left_on : "-");
}

static int show_consent(pc_store *store, const struct pc_pupil *p)
{
	pc_purpose_list *purposes = NULL;
	struct pc_error e = PC_ERROR_INIT;
	char today[11], detail[96];
	size_t width = 0;
	int err;

	if ((err = pc_store_purpose_list(&purposes, store, &e)))
		return cmd_store_fail(&e, err);
	pc_date_today(today);
	size_t n = pc_purpose_list_count(purposes);
	for (size_t i = 0; i < n; i++)
		if (cmd_width(pc_purpose_list_get(purposes, i)->id) > width)
			width = cmd_width(pc_purpose_list_get(purposes, i)->id);
	printf("\nconsent in force today, %s:\n", today);
	for (size_t i = 0; i < n; i++) {
		const struct pc_purpose *pu = pc_purpose_list_get(purposes, i);
		struct pc_consent_status st;
		if ((err = pc_store_consent_in_force(&st, store, p->id, pu->id, today, &e)))
			break;
		fputs("  ", stdout);
		cmd_pad(pu->id, width + 2);
		if (pc_purpose_overrides_consent(pu)) {
			printf("%-10s  always, by the school's policy\n", "denied");
			continue;
		}
		if (st.state == PC_CONSENT_LEFT && p->left_on)
			snprintf(detail, sizeof detail, "left on %s", p->left_on);
		else
			cmd_consent_detail(detail, sizeof detail, &st);
		printf("%-10s  %s\n", pc_consent_state_name(st.state), detail);
	}
	int status = err ? cmd_store_fail(&e, err) : 0;
	pc_purpose_list_free(purposes);
	return status;
}

static int pupil_show(int argc, char **argv, const struct cmd_call *call)
{
	const char *id = NULL;
	void *const places[] = { &id };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	pc_pupil_list *list = NULL;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_READ)))
		return status;
	if ((err = pc_store_pupil_get(&list, store, id, &e))) {
		status = cmd_store_fail(&e, err);
		goto done;
	}
	show_details(pc_pupil_list_get(list, 0));
	status = show_consent(store, pc_pupil_list_get(list, 0));
done:
	pc_pupil_list_free(list);
	pc_store_free(store);
	return status;
}

enum { ID, NAME, PREFERRED, CLASS, FLAGS, COLUMNS };

/* The cells of one row of `pupil list`, in buffers the caller gives. */
static void row_of(const char *cells[COLUMNS], char *name, size_t name_size, char *flags,
                   size_t flags_size, const struct pc_pupil *p)
{
	snprintf(name, name_size, "%s %s", p->forename, p->surname);
	snprintf(flags, flags_size, "%s%s%s%s", p->no_photo ? "no_photo " : "",
	         p->no_name ? "no_name " : "", p->left_on ? "left " : "",
	         p->left_on ? p->left_on : "");
	size_t len = strlen(flags);
	if (len && flags[len - 1] == ' ')
		flags[len - 1] = '\0';
	cells[ID] = p->id;
	cells[NAME] = name;
	cells[PREFERRED] = p->preferred_name ? p->preferred_name : "-";
	cells[CLASS] = p->class_name ? p->class_name : "-";
	cells[FLAGS] = flags;
}

/* One row, each column padded to its width; no spaces at the end. */
static void print_row(const char *const cells[COLUMNS], const size_t width[COLUMNS])
{
	int last = COLUMNS - 1;
	while (last > 0 && !*cells[last])
		last--;
	for (int c = 0; c < last; c++)
		cmd_pad(cells[c], width[c] + 2);
	cmd_say(stdout, "%s", cells[last]);
}

static void print_table(const pc_pupil_list *list)
{
	static const char *const heads[COLUMNS] = { "ID", "NAME", "PREFERRED", "CLASS", "FLAGS" };
	const char *cells[COLUMNS];
	size_t width[COLUMNS];
	char name[256], flags[64];

	for (int c = 0; c < COLUMNS; c++)
		width[c] = strlen(heads[c]);
	for (size_t i = 0; i < pc_pupil_list_count(list); i++) {
		row_of(cells, name, sizeof name, flags, sizeof flags, pc_pupil_list_get(list, i));
		for (int c = 0; c < COLUMNS; c++)
			if (cmd_width(cells[c]) > width[c])
				width[c] = cmd_width(cells[c]);
	}
	print_row(heads, width);
	for (size_t i = 0; i < pc_pupil_list_count(list); i++) {
		row_of(cells, name, sizeof name, flags, sizeof flags, pc_pupil_list_get(list, i));
		print_row(cells, width);
	}
}

static int pupil_list(int argc, char **argv, const struct cmd_call *call)
{
	const char *class_name = NULL;
	void *const places[] = { &class_name };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	pc_pupil_list *list = NULL;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_READ)))
		return status;
	if ((err = pc_store_pupil_list(&list, store, class_name, &e))) {
		status = cmd_store_fail(&e, err);
	} else if (pc_pupil_list_count(list) == 0) {
		if (class_name)
			cmd_say(stdout, "no pupils in class '%s'", class_name);
		else
			printf("no pupils yet: add them with 'photoconsent db import' or 'pupil add'\n");
	} else {
		print_table(list);
	}
	pc_pupil_list_free(list);
	pc_store_free(store);
	return status;
}

static int pupil_set(int argc, char **argv, const struct cmd_call *call)
{
	const char *pos[3] = { NULL };
	void *const places[] = { &pos[0], &pos[1], &pos[2] };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status, err, on = 0;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	const char *id = pos[0], *field = pos[1], *value = pos[2];
	int is_left = !strcmp(field, "left_on");
	if (!is_left && strcmp(field, "no_photo") && strcmp(field, "no_name"))
		return cmd_usage_error(call->name, "'%s' is not no_photo, no_name or left_on", field);
	if (is_left) {
		if (!strcmp(value, "none"))
			value = NULL;
		else if ((status = cmd_check_date(value)))
			return status;
	} else if ((on = pc_yes_no(value)) < 0) {
		return cmd_usage_error(call->name, "'%s' is not on or off (or yes or no, as "
		                       "the import reads them)", value);
	}

	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		return status;
	enum pc_pupil_flag flag = !strcmp(field, "no_photo") ? PC_PUPIL_NO_PHOTO : PC_PUPIL_NO_NAME;
	err = is_left ? pc_store_pupil_set_left_on(store, id, value, cmd_user(), &e)
	              : pc_store_pupil_set_flag(store, id, flag, on, cmd_user(), &e);
	if (err)
		status = cmd_store_fail(&e, err);
	else if (is_left && value)
		cmd_say(stdout, "pupil %s: left on %s", id, value);
	else if (is_left)
		cmd_say(stdout, "pupil %s: has not left", id);
	else
		cmd_say(stdout, "pupil %s: %s %s", id, field, on ? "on" : "off");
	pc_store_free(store);
	return status;
}

static int pupil_alias(int argc, char **argv, const struct cmd_call *call)
{
	const char *pos[2] = { NULL };
	void *const places[] = { &pos[0], &pos[1] };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		return status;
	if ((err = pc_store_pupil_alias(store, pos[0], pos[1], cmd_user(), &e)))
		status = cmd_store_fail(&e, err);
	else
		cmd_say(stdout, "pupil %s: also tagged as '%s'", pos[0], pos[1]);
	pc_store_free(store);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "add", pupil_add, add_table },
	{ "show", pupil_show, show_table },
	{ "list", pupil_list, list_table },
	{ "set", pupil_set, set_flag_table },
	{ "set", pupil_set, set_left_table },
	{ "alias", pupil_alias, alias_table },
};

const struct cmd_spec cmd_pupil_spec = {
	.name = "pupil",
	.subs = subs, .sub_count = CMD_COUNT(subs),
	.about = about, .epilog = epilog,
	.column = 17,
};

int cmd_pupil(int argc, char **argv, const struct cmd_context *ctx)
{
	return cmd_group_run(&cmd_pupil_spec, argc, argv, ctx);
}
