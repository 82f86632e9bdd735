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

void cmd_error(const char *fmt, ...)
{
	va_list ap;
	fputs("photoconsent: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cmd_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("photoconsent: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\ntry 'photoconsent %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
	return EXIT_USAGE;
}
