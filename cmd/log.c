/* photoconsent log: the audit log, one line per check of a photo. */
#include <stdio.h>

#include "dbcmd.h"

static const char help[] =
	"usage: photoconsent log [--since DATE]\n"
	"\n"
	"Prints the audit log, oldest first, one line per check of a photo: when\n"
	"(UTC), who, the purpose, the verdict and the file.\n"
	"\n"
	"  --since DATE  only checks on or after DATE\n"
	"  -h, --help    this help\n"
	"\n"
	"Exit status: 0 done; 64 usage error; 65 a bad date, or not a photoconsent\n"
	"database; 66 no database; 75 another writer holds the database.\n";

int cmd_log(int argc, char **argv, const struct cmd_context *ctx)
{
	const char *since = NULL;
	const struct cmd_opt opts[] = {
		{ "since", CMD_OPT_DATE, &since, 0 },
	};
	const struct cmd_call call = { ctx, "log", help, "" };
	pc_store *store = NULL;
	struct pc_log_list *list = NULL;
	int status, err;

	if (cmd_parse(&status, &call, argc, argv, opts, CMD_COUNT(opts), NULL))
		return status;
	if ((status = cmd_store_open(&store, ctx, PC_STORE_READ)))
		return status;
	if ((err = pc_store_log_list(store, since, &list))) {
		status = cmd_store_fail(store, err);
	} else if (list->count == 0) {
		printf("no checks logged%s%s\n", since ? " since " : "", since ? since : "");
	} else {
		size_t byw = 0, purposew = 0;
		for (size_t i = 0; i < list->count; i++) {
			if (cmd_width(list->items[i].by) > byw)
				byw = cmd_width(list->items[i].by);
			if (cmd_width(list->items[i].purpose_id) > purposew)
				purposew = cmd_width(list->items[i].purpose_id);
		}
		for (size_t i = 0; i < list->count; i++) {
			const struct pc_log_entry *e = &list->items[i];
			printf("%s  ", e->at);
			cmd_pad(e->by, byw + 2);
			cmd_pad(e->purpose_id, purposew + 2);
			cmd_pad(e->verdict, 14);
			printf("%s\n", e->file);
		}
	}
	pc_log_list_free(list);
	pc_store_free(store);
	return status;
}
