/*
 * dbcmd.h: what the commands that open the consent database (db, pupil,
 * purpose, consent, event, log, and check and scan) share: opening the
 * store, and turning library codes into exit statuses and messages. Their
 * options are parsed by opt.h's tables.
 */
#ifndef PC_DBCMD_H
#define PC_DBCMD_H

#include <stddef.h>

#include "cmd.h"
#include "opt.h"
#include "photoconsent/photoconsent.h"

/*
 * Opens the database at ctx->db_path. Returns 0 with *out set, or the
 * exit status after printing why: 66 when there is no database (and how
 * to make one), 65 not a photoconsent database, 73 when CREATE finds a
 * database already there or cannot make the file, 74 read-only, 75 locked
 * by another writer.
 */
int cmd_store_open(pc_store **out, const struct cmd_context *ctx, enum pc_store_mode mode);

/*
 * Opens the database for a command that writes to the audit log: for
 * writing when *logging, else for reading. A database that cannot be
 * written is still judged against: one warning (that `what`, "the checks",
 * are not written to the audit log), *logging set to 0, and it is opened
 * for reading. Returns 0 or an exit status, as cmd_store_open.
 */
int cmd_store_open_log(pc_store **out, const struct cmd_context *ctx, int *logging,
                       const char *what);

/*
 * After a library call failed with `code`: prints what `err` says and
 * returns the exit status for it (cmd_status_for).
 */
int cmd_store_fail(const struct pc_error *err, int code);

/* The exit status for a library code: 0, 65 data (unknown pupil, purpose
 * or event, bad date, duplicate id, refused file, not a photoconsent
 * database), 66 a file cannot be opened, 74 read-only or I/O, 75 busy,
 * 70 out of memory or a misused call. */
int cmd_status_for(int code);

/* Who is acting: $PHOTOCONSENT_USER, else $USER, else $LOGNAME, else the
 * passwd name of the effective user, else "unknown". */
const char *cmd_user(void);

/* Prints `s` then spaces up to `width` columns (as cmd_width counts
 * them, so that accented names line up). */
void cmd_pad(const char *s, size_t width);
/* The columns `s` takes on a terminal: pc_utf8_width. */
size_t cmd_width(const char *s);

/* What a consent status means, after its state name: "since 2025-09-08,
 * until 2026-08-31", "its last day was 2026-08-31", ... */
void cmd_consent_detail(char *buf, size_t size, const struct pc_consent_status *st);

#endif
