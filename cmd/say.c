/* What the command says to a person on stderr, and whether a stream is
 * a terminal that may be redrawn or coloured: shared by every
 * subcommand, the option parser and the dispatcher, so it stands below
 * them all. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

int cmd_terminal(int fd)
{
	const char *term = getenv("TERM");
	return isatty(fd) && !(term && !strcmp(term, "dumb"));
}

int cmd_color(int fd)
{
	const char *no = getenv("NO_COLOR");
	return cmd_terminal(fd) && !(no && *no);
}

/* The formatted text as a terminal may be given it (pc_printable: a file
 * name from the command line or a name from the database holds whatever
 * bytes it was given), into a new string; NULL when out of memory. */
static char *shown(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return NULL;
	char *raw = malloc((size_t)n + 1);
	if (!raw)
		return NULL;
	vsnprintf(raw, (size_t)n + 1, fmt, ap);
	char *safe = pc_printable(raw);
	free(raw);
	return safe;
}

static int vsay(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	char *line = shown(fmt, ap);
	int ret = fprintf(f, "%s%s\n", prefix, line ? line : "out of memory") < 0 ? EOF : 0;
	pc_free(line);
	return ret;
}

void cmd_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(stderr, "photoconsent: ", fmt, ap);
	va_end(ap);
}

int cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(stderr, "photoconsent: ", fmt, ap);
	va_end(ap);
	fprintf(stderr, "try 'photoconsent %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
	return EXIT_USAGE;
}

int cmd_say(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int ret = vsay(f, "", fmt, ap);
	va_end(ap);
	return ret;
}

int cmd_put_shown(FILE *f, const char *s)
{
	char *safe = pc_printable(s);
	int ret = fputs(safe ? safe : "?", f);
	pc_free(safe);
	return ret < 0 ? EOF : 0;
}
