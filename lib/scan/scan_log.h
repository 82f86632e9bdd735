/*
 * scan_log.h: a scan's rows for the audit log, kept in an unlinked
 * temporary file as the photos are judged, and written to the log in one
 * transaction when the scan is over: memory does not grow with the
 * folder, and the database is neither written photo by photo nor locked
 * while the scan runs.
 *
 * Only the caller's thread uses a spool; the workers make its records.
 */
#ifndef PC_SCAN_LOG_H
#define PC_SCAN_LOG_H

#include <stddef.h>

#include "photoconsent/photoconsent.h"

struct pc__scan_log;

/* A new, empty spool: a file made in $TMPDIR (else /tmp) and unlinked at
 * once, so that nothing is left behind whatever happens. 0; PC_EOPEN when
 * the file cannot be made, or PC_ENOMEM; then *error is why (free()). */
int pc__scan_log_new(struct pc__scan_log **out, char **error);
void pc__scan_log_free(struct pc__scan_log *log);

/* The spool's record of one photo's row (its time, verdict, file, size,
 * modification time, codes and pupils; the rest is the scan's), into
 * *out (the caller's, free()) and *len. 0, or PC_ENOMEM when out of memory. */
int pc__scan_log_record(char **out, size_t *len, const struct pc_log_entry *e);

/* Keeps one record. A write that fails (a full disk) is remembered and
 * told by pc__scan_log_write; the scan goes on. */
void pc__scan_log_put(struct pc__scan_log *log, const char *record, size_t len);

/* Writes `scan` and the row of every record kept (there must be
 * scan->photos of them) to `store`, in one transaction. 0, or the store's
 * error code (PC_ENOMEM for the spool's own trouble) with *error saying why
 * (free()). */
int pc__scan_log_write(struct pc__scan_log *log, pc_store *store,
                       const struct pc_log_scan *scan, char **error);

#endif
