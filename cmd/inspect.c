/* photoconsent inspect: what a photo's own metadata says, read with the
 * school's person roots when there is a database, with none needed. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "photoconsent/photoconsent.h"

#define MAX_ROOTS 64

static const char usage_text[] =
	"usage: photoconsent inspect [--json] [--person-root ROOT]... [--no-sidecar] FILE...\n"
	"\n"
	"Shows the people, events, keywords, date taken, GPS and caption that each\n"
	"photo's metadata (EXIF, XMP, IPTC and an XMP sidecar) names.\n"
	"\n"
	"  --json              one JSON object per photo, a line each\n"
	"  --person-root ROOT  a keyword root that names people (repeat for several;\n"
	"                      replaces the school's, from 'db set person-roots',\n"
	"                      else the defaults People, Pupils, Persons,\n"
	"                      Children, Students)\n"
	"  --no-sidecar        ignore FILE.xmp / FILE.jpg.xmp beside the photo\n"
	"  -h, --help          this help\n"
	"\n"
	"Exit status: 0 every photo read cleanly; 65 some metadata was unreadable\n"
	"or a file is not a JPEG; 66 a file could not be opened.\n";

/* The school's person roots, when the database is there to say; else
 * (or when it cannot say, which is reported) the defaults. */
static struct pc_string_list *school_roots(const struct cmd_context *ctx)
{
	struct pc_string_list *roots = NULL;
	pc_store *store = NULL;
	if (access(ctx->db_path, F_OK))
		return NULL;
	int err = pc_store_open(&store, ctx->db_path, PC_STORE_READ);
	if (!err)
		err = pc_store_person_roots(store, &roots);
	if (err)
		cmd_error("warning: the person roots could not be read (%s); using the defaults",
		          pc_store_error(store));
	pc_store_free(store);
	return roots;
}

int cmd_inspect(int argc, char **argv, const struct cmd_context *ctx)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "person-root", required_argument, NULL, 'r' },
		{ "no-sidecar", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *roots[MAX_ROOTS];
	struct pc_read_options opts = PC_READ_OPTIONS_INIT;
	int json = 0, c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'r':
			if (opts.person_root_count == MAX_ROOTS)
				return cmd_usage_error("inspect", "at most %d person roots", MAX_ROOTS);
			roots[opts.person_root_count++] = optarg;
			opts.person_roots = roots;
			break;
		case 's':
			opts.no_sidecar = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			return cmd_usage_error("inspect", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return cmd_usage_error("inspect", "no photo given");
	struct pc_string_list *school = opts.person_roots ? NULL : school_roots(ctx);
	if (school && school->count) {
		opts.person_roots = (const char *const *)school->items;
		opts.person_root_count = school->count;
	}

	int status = 0;
	for (int i = optind; i < argc; i++) {
		pc_photo *photo = NULL;
		int err = pc_photo_read(&photo, argv[i], &opts);
		char *report = NULL;
		if (!err)
			err = (json ? pc_report_inspect_json : pc_report_inspect_text)(&report, photo);
		if (err) {
			pc_photo_free(photo);
			pc_string_list_free(school);
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
	pc_string_list_free(school);
	return status;
}
