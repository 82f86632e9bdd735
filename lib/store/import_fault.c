#include "store/import_fault.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "photoconsent/photoconsent.h"

int pc__import_fault(struct pc__import_faults *faults, const char *fmt, ...)
{
	if (faults->count == PC__IMPORT_MAX_FAULTS) {
		faults->more++;
		return 0;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = pc__vformat(fmt, ap);
	va_end(ap);
	if (!msg)
		return PC_ENOMEM;
	faults->items[faults->count++] = msg;
	return 0;
}

void pc__import_faults_release(struct pc__import_faults *faults)
{
	if (!faults)
		return;
	for (size_t i = 0; i < faults->count; i++)
		free(faults->items[i]);
	memset(faults, 0, sizeof(*faults));
}
