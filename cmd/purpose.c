/* photoconsent purpose: the purposes (channels) a photo may be used for. */
#include <stdio.h>

#include "dbcmd.h"

static const char about[] =
	"list prints each purpose: its id, whether it publishes beyond the school\n"
	"(public) or is denied whatever the consent says (always denied), what it\n"
	"is, and the sentence of the school's policy that a denial quotes.\n"
	"add adds one: ID is lower-case letters, digits and '-'.\n";

static const char epilog[] =
	"Exit status: 0 done; 64 usage error; 65 a bad or taken id, or not a\n"
	"photoconsent database; 66 no database; 74 the database cannot be\n"
	"written; 75 another writer holds the database.\n";

static const struct cmd_opt list_table[] = { CMD_END };

static const struct cmd_opt add_table[] = {
	CMD_ARG("ID", NULL),
	CMD_TEXT("description", "D", CMD_OPT_REQUIRED,
	  "what the purpose is (\"the school's podcast\")"),
	CMD_FLAG("public", 0, "it publishes beyond the school"),
	CMD_FLAG("always-deny", 0, "denied by policy whatever the consent says"),
	CMD_TEXT("policy", "TEXT", 0,
	  "the policy sentence a denial quotes (default: made from\n"
	  "the description)"),
	CMD_END,
};

static int purpose_list(int argc, char **argv, const struct cmd_call *call)
{
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	pc_purpose_list *list = NULL;
	size_t width = 0;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, NULL, 0))
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
		cmd_say(stdout, "%s", p->description);
		fputs("  ", stdout);
		cmd_pad("", width);
		cmd_say(stdout, "policy: %s", p->policy);
	}
done:
	pc_purpose_list_free(list);
	pc_store_free(store);
	return status;
}

static int purpose_add(int argc, char **argv, const struct cmd_call *call)
{
	struct pc_purpose p = { 0 };
	void *const places[] = { &p.id, &p.description, &p.is_public, &p.always_deny, &p.policy };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, call, argc, argv, places, CMD_COUNT(places)))
		return status;
	if ((status = cmd_store_open(&store, call->ctx, PC_STORE_WRITE)))
		return status;
	if ((err = pc_store_purpose_add(store, &p, cmd_user(), &e)))
		status = cmd_store_fail(&e, err);
	else
		cmd_say(stdout, "added purpose %s: %s%s%s", p.id, p.description,
		       p.is_public ? " (public)" : "", p.always_deny ? " (always denied)" : "");
	pc_store_free(store);
	return status;
}

static const struct cmd_sub subs[] = {
	{ "list", purpose_list, list_table },
	{ "add", purpose_add, add_table },
};

const struct cmd_spec cmd_purpose_spec = {
	.name = "purpose",
	.subs = subs, .sub_count = CMD_COUNT(subs),
	.about = about, .epilog = epilog,
	.column = 19,
};

int cmd_purpose(int argc, char **argv, const struct cmd_context *ctx)
{
	return cmd_group_run(&cmd_purpose_spec, argc, argv, ctx);
}
