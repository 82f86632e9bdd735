/*
 * audit.h: what the audit log records of one photo judged, made from its
 * verdict and the photo as it was read: for a staff check
 * (pc_verdict_log) and for each photo of a scan (scan.c).
 */
#ifndef PC_AUDIT_H
#define PC_AUDIT_H

#include "photoconsent/photoconsent.h"

struct pc__audit {
	/* Its strings point into the verdict, the caller's `by` and the
	 * fields below: valid while all three are. */
	struct pc_log_entry entry;
	char *file;          /* the file's real path */
	const char **lists;  /* the reasons, the warnings, the pupils: one array */
	char at[20];         /* now */
	char mtime[20];
};

/*
 * The row of `photo` (read from a file) judged as `v`, by `by`, at now:
 * the verdict's purpose, date, verdict and codes, each pupil it matched
 * once, and the file's real path, size and modification time as it was
 * read. 0, or PC_ENOMEM when out of memory; release it either way.
 */
int pc__audit_init(struct pc__audit *a, const pc_verdict *v, const pc_photo *photo,
                   const char *by);
void pc__audit_release(struct pc__audit *a);

/* `seconds` since 1970 as "YYYY-MM-DD HH:MM:SS" UTC. */
void pc__audit_time(char out[20], long long seconds);

#endif
