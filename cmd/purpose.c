/* photoconsent purpose: the purposes (channels) a photo may be used for. */
#include <stdio.h>

#include "dbcmd.h"

static const char help[] =
	"usage: photoconsent purpose list\n"
	"   or: photoconsent purpose add ID --description D [--public] [--always-deny] [--policy TEXT]\n"
	"\n"
	"list prints each purpose: its id, whether it publishes beyond the school\n"
	"(public) or is denied whatever the consent says (always denied), what it\n"
	"is, and the sentence of the school's policy that a denial quotes.\n"
	"add adds one: ID is lower-case letters, digits and '-'.\n"
	"\n"
	"  --description D  what the purpose is (\"the school's podcast\")\n"
	"  --public         it publishes beyond the school\n"
	"  --always-deny    denied by policy whatever the consent says\n"
	"  --policy TEXT    the policy sentence a denial quotes (default: made from\n"
	"                   the description)\n"
	"  -h, --help       this help\n"
	"\n"
	"Exit status: 0 done; 64 usage error; 65 a bad or taken id, or not a\n"
	"photoconsent database; 66 no database; 74 the database cannot be\n"
	"written; 75 another writer holds the database.\n";

static int purpose_list(int argc, char **argv, const struct cmd_call *call)
{
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	pc_purpose_list *list = NULL;
	size_t width = 0;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, NULL, 0, NULL))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_READ)))
		return status;
	if ((err = pc_store_purpose_list(&list, store, &e))) {
		status = cmd_store_fail(&e, err);
		goto done;
	}
	size_t n = pc_purpose_list_count(list);
	for (size_t i = 0; i < n; i++)
		if (cmd_width(pc_purpose_list_get(list, i)->id) > width)
			width = cmd_width(pc_purpose_list_get(list, i)->id);
	for (size_t i = 0; i < n; i++) {
		const struct pc_purpose *p = pc_purpose_list_get(list, i);
		const char *kind = p->always_deny ? (p->is_public ? "public, always denied"
		                                                  : "always denied")
		                                  : (p->is_public ? "public" : "in school");
		cmd_pad(p->id, width + 2);
		cmd_pad(kind, 23);
		printf("%s\n", p->description);
		fputs("  ", stdout);
		cmd_pad("", width);
		printf("policy: %s\n", p->policy);
	}
done:
	pc_purpose_list_free(list);
	pc_store_free(store);
	return status;
}

static int purpose_add(int argc, char **argv, const struct cmd_call *call)
{
	struct pc_purpose p = { 0 };
	const struct cmd_opt opts[] = {
		{ "description", CMD_OPT_TEXT, &p.description, 1 },
		{ "public", CMD_OPT_FLAG, &p.is_public, 0 },
		{ "always-deny", CMD_OPT_FLAG, &p.always_deny, 0 },
		{ "policy", CMD_OPT_TEXT, &p.policy, 0 },
	};
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, opts, CMD_COUNT(opts), &p.id))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		return status;
	if ((err = pc_store_purpose_add(store, &p, cmd_user(), &e)))
		status = cmd_store_fail(&e, err);
	else
		printf("added purpose %s: %s%s%s\n", p.id, p.description,
		       p.is_public ? " (public)" : "", p.always_deny ? " (always denied)" : "");
	pc_store_free(store);
	return status;
}

int cmd_purpose(int argc, char **argv, const struct cmd_context *ctx)
{
	static const struct cmd_sub subs[] = {
		{ "list", "", purpose_list },
		{ "add", "ID", purpose_add },
	};
	return cmd_group_run("purpose", help, subs, CMD_COUNT(subs), argc, argv, ctx);
}
