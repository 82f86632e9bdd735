/*
 * store_file.c: the database as a file on disk. The journal mode (WAL, so
 * that readers never wait for a writer, and a writer that dies leaves
 * nothing a reader must repair first), the integrity check every open makes
 * before it trusts the file, the file's mode, and the folder SQLite needs
 * to write beside it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "base/text.h"

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
 * milliseconds. A damaged page could hide a withdrawal, so nothing is
 * judged or written on a file that fails it.
 */
int pc__store_intact(pc_store *store)
{
	sqlite3 *db = pc__store_db(store);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	int ret = 0;
	if (rc == SQLITE_ROW) {
		const char *said = (const char *)sqlite3_column_text(st, 0);
		if (!said || strcmp(said, "ok") != 0) {
			/* "*** in database main ***\nPage 16: btreeInitPage() returns
			 * error code 11": the line that names the damage. */
			char problem[200] = "quick_check gave no answer";
			if (said) {
				const char *nl = strrchr(said, '\n');
				snprintf(problem, sizeof(problem), "%s", nl ? nl + 1 : said);
				pc__utf8_trim_cut(problem);
			}
			ret = pc__store_fail(store, PC_EDATABASE, "'%s' is damaged (%s); restore it "
			                     "from a backup", pc__store_path(store),
			                     pc__store_shown(problem));
		}
	} else if (rc != SQLITE_DONE) {
		ret = pc__store_sqlite_fail(store, rc, NULL);
	}
	sqlite3_finalize(st);
	return ret;
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
int pc__store_use_wal(pc_store *store)
{
	sqlite3 *db = pc__store_db(store);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL);
	int is_wal = 0;
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *mode = (const char *)sqlite3_column_text(st, 0);
		is_wal = mode && strcmp(mode, "wal") == 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return pc__store_sqlite_fail(store, rc, "cannot read the journal mode");
	if (is_wal)
		return 0;
	rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED)
		return 0;
	if (rc != SQLITE_OK)
		return pc__store_sqlite_fail(store, rc, "cannot turn on the write-ahead log");
	return 0;
}

int pc__store_chmod(pc_store *store, const char *path, unsigned mode)
{
	/* The log and its index hold the same data; SQLite made them with
	 * the file's mode, and they follow it. */
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	char name[FOLDER_MAX + 8];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		if ((size_t)snprintf(name, sizeof(name), "%s%s", path, suffixes[i]) >= sizeof(name))
			return pc__store_fail(store, PC_EINVALID, "'%s': the path is too long",
			                      pc__store_path(store));
		if (chmod(name, (mode_t)mode) != 0 && (i == 0 || errno != ENOENT))
			return pc__store_fail(store, errno == EPERM ? PC_EREADONLY : PC_EOPEN,
			                      "cannot set the mode of '%s': %s",
			                      pc__store_shown(name), strerror(errno));
	}
	return 0;
}
