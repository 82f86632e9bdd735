/*
 * import_fault.h: why the MIS import refuses a file, one sentence per
 * fault, each naming its line. The reader, the survey and the row checks
 * all add to one list, so it lives below all three.
 *
 * Faults are listed up to PC__IMPORT_MAX_FAULTS; the rest are only
 * counted, so a file that is wrong on every line costs bounded memory.
 */
#ifndef PC_IMPORT_FAULT_H
#define PC_IMPORT_FAULT_H

#include <stddef.h>

#define PC__IMPORT_MAX_FAULTS 50

/* Why a file is refused: the first PC__IMPORT_MAX_FAULTS messages, and
 * how many more there were. A zeroed struct is empty. */
struct pc__import_faults {
	char *items[PC__IMPORT_MAX_FAULTS];
	size_t count;
	size_t more;
};

/* Adds a fault (printf-style). 0, or PC_ENOMEM when out of memory. */
int pc__import_fault(struct pc__import_faults *faults, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline size_t pc__import_fault_total(const struct pc__import_faults *faults)
{
	return faults->count + faults->more;
}
void pc__import_faults_release(struct pc__import_faults *faults);

#endif
