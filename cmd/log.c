/* photoconsent log: the audit log, one line per photo judged and per scan. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dbcmd.h"

static const char about[] =
	"Prints the audit log, oldest first: a line for each photo judged by a\n"
	"staff check or a scan, and a line for each scan. A photo's line says when\n"
	"(UTC), who, the command (check, or scan N), the purpose, the date the\n"
	"consent was judged as of, the verdict, the file (its absolute path), its\n"
	"reason and warning codes, and the pupils in it. A scan's line says what it\n"
	"scanned and how many photos came out each way.\n";

static const char epilog[] =
	"Exit status: 0 done; 64 usage error; 65 a bad date, an unknown pupil, or not\n"
	"a photoconsent database; 66 no database; 74 the output cannot be written;\n"
	"75 another writer holds the database.\n";

static const struct cmd_opt log_table[] = {
	CMD_DATE("since", "DATE", 0, "only rows on or after DATE"),
	CMD_TEXT("file", "PATH", 0,
	  "only the rows of that photo (PATH with its links resolved),\n"
	  "and the scans that judged it"),
	CMD_TEXT("pupil", "ID", 0,
	  "only the rows of photos that showed pupil ID, and the\n"
	  "scans that judged them"),
	CMD_FLAG("json", 0,
	  "one JSON object per row, a line each ('kind' is photo or\n"
	  "scan; see the man page)"),
	CMD_END,
};

const struct cmd_spec cmd_log_spec = {
	.name = "log",
	.opts = log_table,
	.about = about, .epilog = epilog,
	.column = 16,
};

struct printing {
	int json;
	size_t rows;
	int write_errno;
};

static int print_row(void *ctx, const struct pc_log_entry *photo, const struct pc_log_scan *scan)
{
	struct printing *p = ctx;
	char *line = NULL;
	int err = p->json ? pc_report_log_json(&line, photo, scan)
	                  : pc_report_log_text(&line, photo, scan);
	if (err) {
		cmd_error("out of memory");
		return EXIT_SOFTWARE;
	}
	p->rows++;
	errno = 0;
	if (fputs(line, stdout) == EOF) {
		p->write_errno = errno ? errno : EIO;
		pc_free(line);
		return EXIT_IOERR;
	}
	pc_free(line);
	return 0;
}

int cmd_log(int argc, char **argv, const struct cmd_context *ctx)
{
	struct pc_log_query q = PC_LOG_QUERY_INIT;
	int json = 0;
	void *const places[] = { &q.since, &q.file, &q.pupil, &json };
	const struct cmd_call call = cmd_command_call(&cmd_log_spec, ctx);
	struct printing p = { 0, 0, 0 };
	pc_store *store = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int status, err;

	if (cmd_parse(&status, &call, argc, argv, places, CMD_COUNT(places)))
		return status;
	p.json = json;
	if (q.file && !*q.file)
		return cmd_usage_error("log", "--file needs a file name");
	if ((status = cmd_store_open(&store, ctx, PC_STORE_READ)))
		return status;
	q.fn = print_row;
	q.ctx = &p;
	err = pc_store_log_read(store, &q, &e);
	if (err < 0)
		status = cmd_store_fail(&e, err);
	else if (err > 0)
		status = err;
	pc_store_free(store);
	if (!status && !json && !p.rows) {
		cmd_say(stdout, "no checks logged%s%s%s%s%s%s%s", q.since ? " since " : "",
		        q.since ? q.since : "", q.file ? " of '" : "", q.file ? q.file : "",
		        q.file ? "'" : "", q.pupil ? " showing pupil " : "", q.pupil ? q.pupil : "");
	}
	if ((status == EXIT_IOERR && p.write_errno) || fflush(stdout) || ferror(stdout)) {
		cmd_error("cannot write the output: %s",
		          strerror(p.write_errno ? p.write_errno : errno ? errno : EIO));
		status = EXIT_IOERR;
	}
	return status;
}
