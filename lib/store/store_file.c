/*
 * store_file.c: the database as a file on disk. The journal mode (WAL, so
 * that readers never wait for a writer, and a writer that dies leaves
 * nothing a reader must repair first), the integrity check every open makes
 * before it trusts the file, the file's mode, and the folder SQLite needs
 * to write beside it. A leaf: it knows SQLite and the file system, and
 * store.c turns what it finds into the store's messages.
 */
#include "store/store_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Longer than any path a folder walk or a user hands the store. */
#define FOLDER_MAX 4096

void pc__store_folder_of(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(out, size, ".");
	else if (slash == path)
		snprintf(out, size, "/");
	else
		snprintf(out, size, "%.*s", (int)(slash - path), path);
}

int pc__store_folder_writable(const char *path)
{
	char folder[FOLDER_MAX];
	if (strlen(path) >= sizeof(folder))
		return 0;
	pc__store_folder_of(path, folder, sizeof(folder));
	return access(folder, W_OK | X_OK) == 0;
}

/*
 * quick_check reads every page and checks the b-trees' structure, but not
 * that each index matches its table (integrity_check's slower half): at a
 * school's size, a few thousand pupils and a year of audit log, it takes
 * milliseconds.
 */
int pc__store_quick_check(sqlite3 *db, char *problem, size_t size)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *said = (const char *)sqlite3_column_text(st, 0);
		if (said && strcmp(said, "ok") == 0) {
			rc = SQLITE_OK;
		} else {
			/* "*** in database main ***\nPage 16: btreeInitPage()
			 * returns error code 11": the line that names the damage. */
			const char *nl = said ? strrchr(said, '\n') : NULL;
			snprintf(problem, size, "%s",
			         !said ? "quick_check gave no answer" : nl ? nl + 1 : said);
			rc = SQLITE_CORRUPT;
		}
	} else if (rc == SQLITE_DONE) {
		snprintf(problem, size, "quick_check gave no answer");
		rc = SQLITE_CORRUPT;
	} else {
		*problem = '\0';
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Write-ahead logging: a reader reads the last commit while a writer
 * writes, and a writer killed half-way leaves a log that the next reader
 * simply ignores past its last commit, where a rollback journal left
 * readers unable to read until someone rolled it back. The mode is kept
 * in the file, so this runs once per file: at `db init`, or the first time
 * a writer opens a file made before. A file another connection has open
 * cannot change mode (SQLite answers "busy"); it stays as it is until the
 * next writer, which is no loss.
 */
int pc__store_use_wal(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	int is_wal = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(st, 0);
		is_wal = mode && strcmp(mode, "wal") == 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK || is_wal)
		return rc;
	rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
		return SQLITE_OK;
	return rc;
}

int pc__store_chmod(const char *path, unsigned mode, char *failed, size_t size)
{
	/* The log and its index hold the same data; SQLite made them with
	 * the file's mode, and they follow it. */
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		if ((size_t)snprintf(failed, size, "%s%s", path, suffixes[i]) >= size)
			return ENAMETOOLONG;
		if (chmod(failed, (mode_t)mode) != 0 && (i == 0 || errno != ENOENT))
			return errno;
	}
	*failed = '\0';
	return 0;
}
