/* photoconsent event: school events, the tags that name them in photos,
 * and the purposes each forbids. */
#include <stdio.h>
#include <string.h>

#include "dbcmd.h"

static const char about[] =
	"add records a school event: its dates (both included), the tags that name\n"
	"it in photos (an Iptc4xmpExt:Event, an Events/... keyword), and the\n"
	"purposes it forbids whatever the consent says (the nativity play: no\n"
	"parent-social). A photo is matched to an event by its id or a tag, else\n"
	"by the day it was taken; a photo that matches several events takes the\n"
	"restrictions of all of them. list prints every event by start date.\n";

static const char epilog[] =
	"Exit status: 0 done; 64 usage error; 65 a taken id, a bad date, an unknown\n"
	"purpose, or not a photoconsent database; 66 no database; 74 the database\n"
	"cannot be written; 75 another writer holds the database.\n";

static const struct cmd_opt add_table[] = {
	CMD_ARG("ID", NULL),
	CMD_TEXT("name", "NAME", CMD_OPT_REQUIRED, "what the event is called"),
	CMD_DATE("from", "DATE", CMD_OPT_REQUIRED, "its first day"),
	CMD_DATE("to", "DATE", 0, "its last day (default: --from, a one-day event)"),
	CMD_LIST("tag", "TAG", 0, "a name that tags it in photos (repeatable)"),
	CMD_LIST("deny", "PURPOSE", 0, "a purpose it forbids (repeatable)"),
	CMD_TEXT("note", "TEXT", 0, "why it forbids them, quoted by every denial it gives"),
	CMD_END,
};

static const struct cmd_opt list_table[] = { CMD_END };

static int event_add(int argc, char **argv, const struct cmd_call *call)
{
	struct pc_event e = { 0 };
	struct cmd_list tags = { 0 }, denied = { 0 };
	void *const places[] = { &e.id, &e.name, &e.starts_on, &e.ends_on, &tags, &denied, &e.note };
	pc_store *store = NULL;
	struct pc_error fail = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		goto done;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		goto done;
	if (!e.ends_on)
		e.ends_on = e.starts_on;
	e.tags = tags.items;
	e.tag_count = tags.count;
	e.denied = denied.items;
	e.denied_count = denied.count;
	if ((err = pc_store_event_add(store, &e, cmd_user(), &fail)))
		status = cmd_store_fail(&fail, err);
	else
		cmd_say(stdout, "added event %s: %s, %s to %s", e.id, e.name, e.starts_on, e.ends_on);
done:
	pc_store_free(store);
	cmd_list_release(&denied);
	cmd_list_release(&tags);
	return status;
}

static void print_joined(const char *label, const char *const *items, size_t count)
{
	if (!count)
		return;
	printf("    %s", label);
	for (size_t i = 0; i < count; i++) {
		fputs(i ? "; " : "", stdout);
		cmd_put_shown(stdout, items[i]);
	}
	fputc('\n', stdout);
}

static int event_list(int argc, char **argv, const struct cmd_call *call)
{
	pc_store *store = NULL;
	struct pc_error fail = PC_ERROR_INIT;
	pc_event_list *list = NULL;
	size_t idw = 0, namew = 0;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, NULL, 0))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_READ)))
		return status;
	if ((err = pc_store_event_list(&list, store, &fail))) {
		status = cmd_store_fail(&fail, err);
		goto done;
	}
	size_t n = pc_event_list_count(list);
	if (n == 0)
		printf("no events yet: add them with 'photoconsent event add'\n");
	for (size_t i = 0; i < n; i++) {
		const struct pc_event *e = pc_event_list_get(list, i);
		if (cmd_width(e->id) > idw)
			idw = cmd_width(e->id);
		if (cmd_width(e->name) > namew)
			namew = cmd_width(e->name);
	}
	for (size_t i = 0; i < n; i++) {
		const struct pc_event *e = pc_event_list_get(list, i);
		cmd_pad(e->id, idw + 2);
		cmd_pad(e->name, namew + 2);
		if (strcmp(e->ends_on, e->starts_on))
			printf("%s to %s\n", e->starts_on, e->ends_on);
		else
			printf("%s\n", e->starts_on);
		print_joined("tags:    ", e->tags, e->tag_count);
		print_joined("denies:  ", e->denied, e->denied_count);
		if (e->note)
			cmd_say(stdout, "    because: %s", e->note);
	}
done:
	pc_event_list_free(list);
	pc_store_free(store);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "add", event_add, add_table },
	{ "list", event_list, list_table },
};

const struct cmd_spec cmd_event_spec = {
	.name = "event",
	.subs = subs, .sub_count = CMD_COUNT(subs),
	.about = about, .epilog = epilog,
	.column = 19,
};

int cmd_event(int argc, char **argv, const struct cmd_context *ctx)
{
	return cmd_group_run(&cmd_event_spec, argc, argv, ctx);
}
