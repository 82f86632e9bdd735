/* The check of every text a command writes to the database
 * (store_internal.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "store/store_internal.h"

int pc__store_check_text(pc_store *store, const char *s, const char *what, ...)
{
	if (!s)
		return 0;
	size_t len = strlen(s);
	int utf8 = pc__utf8_valid(s, len);
	if (utf8 && !pc__text_has_control(s, len))
		return 0;
	/* The field's name: ids in it are shown by pc__store_shown. */
	char field[300];
	va_list ap;
	va_start(ap, what);
	vsnprintf(field, sizeof(field), what, ap);
	va_end(ap);
	pc__utf8_trim_cut(field);
	if (!utf8)
		return pc__store_fail(store, PC_EFORMAT, "%s is not valid UTF-8", field);
	return pc__store_fail(store, PC_EFORMAT, "%s holds a control character (such as a "
	                      "line end, a tab or ESC): write it as plain text", field);
}
