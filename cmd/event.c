/* photoconsent event: school events, the tags that name them in photos,
 * and the purposes each forbids. */
#include <stdio.h>
#include <string.h>

#include "dbcmd.h"

static const char help[] =
	"usage: photoconsent event add ID --name NAME --from DATE [--to DATE] [--tag TAG]... [--deny PURPOSE]... [--note TEXT]\n"
	"   or: photoconsent event list\n"
	"\n"
	"add records a school event: its dates (both included), the tags that name\n"
	"it in photos (an Iptc4xmpExt:Event, an Events/... keyword), and the\n"
	"purposes it forbids whatever the consent says (the nativity play: no\n"
	"parent-social). A photo is matched to an event by its id or a tag, else\n"
	"by the day it was taken; a photo that matches several events takes the\n"
	"restrictions of all of them. list prints every event by start date.\n"
	"\n"
	"  --name NAME      what the event is called\n"
	"  --from DATE      its first day\n"
	"  --to DATE        its last day (default: --from, a one-day event)\n"
	"  --tag TAG        a name that tags it in photos (repeatable)\n"
	"  --deny PURPOSE   a purpose it forbids (repeatable)\n"
	"  --note TEXT      why it forbids them, quoted by every denial it gives\n"
	"  -h, --help       this help\n"
	"\n"
	"Exit status: 0 done; 64 usage error; 65 a taken id, a bad date, an unknown\n"
	"purpose, or not a photoconsent database; 66 no database; 74 the database\n"
	"cannot be written; 75 another writer holds the database.\n";

static int event_add(int argc, char **argv, const struct cmd_call *call)
{
	struct pc_event e = { 0 };
	struct cmd_list tags = { 0 }, denied = { 0 };
	const struct cmd_opt opts[] = {
		{ "name", CMD_OPT_TEXT, &e.name, 1 },
		{ "from", CMD_OPT_DATE, &e.starts_on, 1 },
		{ "to", CMD_OPT_DATE, &e.ends_on, 0 },
		{ "tag", CMD_OPT_LIST, &tags, 0 },
		{ "deny", CMD_OPT_LIST, &denied, 0 },
		{ "note", CMD_OPT_TEXT, &e.note, 0 },
	};
	pc_store *store = NULL;
	struct pc_error fail = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, opts, CMD_COUNT(opts), &e.id))
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
		printf("added event %s: %s, %s to %s\n", e.id, e.name, e.starts_on, e.ends_on);
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
	for (size_t i = 0; i < count; i++)
		printf("%s%s", i ? "; " : "", items[i]);
	fputc('\n', stdout);
}

static int event_list(int argc, char **argv, const struct cmd_call *call)
{
	pc_store *store = NULL;
	struct pc_error fail = PC_ERROR_INIT;
	pc_event_list *list = NULL;
	size_t idw = 0, namew = 0;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, NULL, 0, NULL))
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
			printf("    because: %s\n", e->note);
	}
done:
	pc_event_list_free(list);
	pc_store_free(store);
	return status;
}

int cmd_event(int argc, char **argv, const struct cmd_context *ctx)
{
	static const struct cmd_sub subs[] = {
		{ "add", "ID", event_add },
		{ "list", "", event_list },
	};
	return cmd_group_run("event", help, subs, CMD_COUNT(subs), argc, argv, ctx);
}
