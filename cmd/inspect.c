/* photoconsent inspect: what a photo's own metadata says, read with the
 * school's person roots when there is a database, with none needed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "opt.h"
#include "photoconsent/photoconsent.h"

#define MAX_ROOTS 64

static const char about[] =
	"Shows the people, events, keywords, date taken, GPS and caption that each\n"
	"photo's metadata (EXIF, XMP, IPTC and an XMP sidecar) names.\n";

static const char epilog[] =
	"Exit status: 0 every photo read cleanly; 65 some metadata was unreadable\n"
	"or a file is not a JPEG; 66 a file could not be opened.\n";

static const struct cmd_opt inspect_table[] = {
	CMD_FLAG("json", 0, "one JSON object per photo, a line each"),
	CMD_LIST("person-root", "ROOT", 0,
	  "a keyword root that names people (repeat for several;\n"
	  "replaces the school's, from 'db set person-roots',\n"
	  "else the defaults People, Pupils, Persons,\n"
	  "Children, Students)"),
	CMD_FLAG("no-sidecar", 0, "ignore FILE.xmp / FILE.jpg.xmp beside the photo"),
	CMD_ARGS("FILE"),
	CMD_END,
};

/* Options come before the photos, as they always have for inspect. */
const struct cmd_spec cmd_inspect_spec = {
	.name = "inspect",
	.opts = inspect_table,
	.about = about, .epilog = epilog,
	.column = 22,
	.flags = CMD_SPEC_IN_ORDER,
};

/* The school's person roots, when the database is there to say; else
 * (or when it cannot say, which is reported) the defaults. */
static pc_string_list *school_roots(const struct cmd_context *ctx)
{
	pc_string_list *roots = NULL;
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	if (access(ctx->db_path, F_OK))
		return NULL;
	int err = pc_store_open(&store, ctx->db_path, PC_STORE_READ, &e);
	if (!err)
		err = pc_store_person_roots(&roots, store, &e);
	if (err)
		cmd_error("warning: the person roots could not be read (%s); using the defaults",
		          e.message);
	pc_store_free(store);
	return roots;
}

int cmd_inspect(int argc, char **argv, const struct cmd_context *ctx)
{
	struct cmd_list roots = { 0 };
	struct pc_read_options opts = PC_READ_OPTIONS_INIT;
	int json = 0, no_sidecar = 0, first = 0, status;
	void *const places[] = { &json, &roots, &no_sidecar, &first };
	const struct cmd_call call = cmd_command_call(&cmd_inspect_spec, ctx);

	if (cmd_parse(&status, &call, argc, argv, places, CMD_COUNT(places))) {
		cmd_list_release(&roots);
		return status;
	}
	if (roots.count > MAX_ROOTS) {
		cmd_list_release(&roots);
		return cmd_usage_error("inspect", "at most %d person roots", MAX_ROOTS);
	}
	opts.person_roots = roots.items;
	opts.person_root_count = roots.count;
	opts.no_sidecar = no_sidecar;
	if (first >= argc) {
		cmd_list_release(&roots);
		return cmd_usage_error("inspect", "no photo given");
	}
	pc_string_list *school = opts.person_roots ? NULL : school_roots(ctx);
	size_t school_count = pc_string_list_count(school);
	const char **school_roots_given = NULL;
	if (school_count) {
		/* The read options take an array: the list lends its strings. */
		school_roots_given = calloc(school_count, sizeof(*school_roots_given));
		if (!school_roots_given) {
			cmd_error("out of memory");
			pc_string_list_free(school);
			cmd_list_release(&roots);
			return EXIT_SOFTWARE;
		}
		for (size_t i = 0; i < school_count; i++)
			school_roots_given[i] = pc_string_list_get(school, i);
		opts.person_roots = school_roots_given;
		opts.person_root_count = school_count;
	}

	status = 0;
	for (int i = first; i < argc; i++) {
		pc_photo *photo = NULL;
		int err = pc_photo_read(&photo, argv[i], &opts);
		char *report = NULL;
		if (!err)
			err = (json ? pc_report_inspect_json : pc_report_inspect_text)(&report, photo);
		if (err) {
			pc_photo_free(photo);
			free(school_roots_given);
			pc_string_list_free(school);
			cmd_list_release(&roots);
			cmd_error("%s reading '%s'", pc_strerror(err), argv[i]);
			return EXIT_SOFTWARE;
		}
		fputs(report, stdout);
		if (!json && i + 1 < argc)
			fputc('\n', stdout);
		pc_free(report);

		/* Problems also go to stderr, one line each, naming the file. */
		for (size_t e = 0; e < pc_photo_error_count(photo); e++)
			cmd_error("'%s': %s", argv[i], pc_photo_error(photo, e));
		if (pc_photo_status(photo) == PC_PHOTO_UNOPENED)
			status = EXIT_NOINPUT;
		else if (pc_photo_status(photo) != PC_PHOTO_OK && status != EXIT_NOINPUT)
			status = EXIT_DATAERR;
		pc_photo_free(photo);
	}
	free(school_roots_given);
	pc_string_list_free(school);
	cmd_list_release(&roots);
	return status;
}
