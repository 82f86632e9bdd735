/* Colour on a terminal: the library's text holds no escapes; it promises
 * where the verdicts' words are (policy.h, scan.h), and the command
 * colours them there. Bold green for share, bold yellow for review, bold
 * red for do not share. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

#define RESET "\033[0m"

static const char *ansi_of(enum pc_verdict_kind kind)
{
	switch (kind) {
	case PC_VERDICT_SHARE: return "\033[1;32m";
	case PC_VERDICT_DO_NOT_SHARE: return "\033[1;31m";
	default: return "\033[1;33m";
	}
}

int cmd_put_verdict_text(const char *text, enum pc_verdict_kind kind, int color, FILE *f)
{
	const char *label = pc_verdict_kind_label(kind);
	size_t n = strlen(label);
	if (color && !strncmp(text, label, n)) {
		if (fprintf(f, "%s%s%s", ansi_of(kind), label, RESET) < 0)
			return EOF;
		text += n;
	}
	return fputs(text, f);
}

/* Whether `line` (of `len` bytes) is the summary's row for `kind`: two
 * spaces, the label in lower case, spaces to the label width. */
static int is_row(const char *line, size_t len, enum pc_verdict_kind kind)
{
	const char *label = pc_verdict_kind_label(kind);
	size_t n = strlen(label), width = PC_SCAN_SUMMARY_LABEL_WIDTH;
	if (len < 2 + width || memcmp(line, "  ", 2) || n > width)
		return 0;
	for (size_t i = 0; i < width; i++) {
		char want = i < n ? label[i] : ' ';
		if (want >= 'A' && want <= 'Z')
			want = (char)(want - 'A' + 'a');
		if (line[2 + i] != want)
			return 0;
	}
	return 1;
}

int cmd_put_summary(const char *table, int color, FILE *f)
{
	static const enum pc_verdict_kind kinds[] = { PC_VERDICT_SHARE, PC_VERDICT_REVIEW,
	                                              PC_VERDICT_DO_NOT_SHARE };
	int seen[3] = { 0, 0, 0 };
	if (!color)
		return fputs(table, f);
	for (const char *line = table; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
		int k = -1;
		for (int i = 0; i < 3 && k < 0; i++)
			if (!seen[i] && is_row(line, len, kinds[i]))
				k = i;
		if (k >= 0) {
			/* Only the first such line is the row: the ones after it
			 * are not the table's. */
			seen[k] = 1;
			size_t w = PC_SCAN_SUMMARY_LABEL_WIDTH;
			if (fprintf(f, "  %s%.*s%s", ansi_of(kinds[k]), (int)w, line + 2, RESET) < 0 ||
			    fwrite(line + 2 + w, 1, len - 2 - w, f) != len - 2 - w)
				return EOF;
		} else if (fwrite(line, 1, len, f) != len) {
			return EOF;
		}
		line += len;
	}
	return 0;
}
