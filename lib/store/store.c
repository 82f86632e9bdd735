/*
 * store.c: opening the consent database, bringing its schema up to date,
 * the statement cache, errors, transactions and dates.
 *
 * The file is in WAL mode (store_file.c says why), and a database nobody
 * writes to stays byte-for-byte as it was: opening reads the header, the
 * schema and every page (quick_check), and writes only when a migration
 * or the journal mode is due.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/migrations.h"
#include "store/store_file.h"
#include "store/store_internal.h"
#include "base/text.h"

/* 'PCDB': set by the first migration; tells our files from any other. */
#define APPLICATION_ID 1346585666
#define DEFAULT_BUSY_MS 5000
/*
 * The oldest schema version the read paths here understand. A database
 * older than the library but not older than this can be read without
 * migrating it; an older one is brought up to date first, when the file
 * can be written. Raise it when a migration changes something the readers
 * rely on (version 2: consent sources, event notes, settings).
 */
#define OLDEST_READABLE 2

struct slot {
	const char *sql;   /* the key: the address of a static string */
	sqlite3_stmt *st;
};

struct pc_store {
	sqlite3 *db;
	char *path;        /* as given, for messages */
	int file_version;
	int busy_ms;
	struct slot *slots; /* open addressing; capacity slot_mask + 1 */
	size_t slot_mask;
	size_t slot_count;
	char error[1024];
};

/* ------------------------------------------------------------------ errors */

int pc__store_fail(pc_store *store, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(store->error, sizeof(store->error), fmt, ap);
	va_end(ap);
	if (n < 0)
		store->error[0] = '\0';
	else if ((size_t)n >= sizeof(store->error))
		pc__utf8_trim_cut(store->error);
	return code;
}

const char *pc__store_message(const pc_store *store)
{
	return store ? store->error : "";
}

const char *pc__store_shown(const char *s)
{
	if (!s)
		return "";
	/* The one printable rule (a C1 or bidirectional control too). */
	return pc__text_printable(s, strlen(s)) ? s : "\xEF\xBF\xBD";
}

const char *pc__store_path(const pc_store *store)
{
	return pc__store_shown(store->path);
}

/* The folder may not be written, so SQLite cannot make its journal (the
 * write-ahead log and its index, or a rollback journal) beside the file. */
static int cannot_journal(pc_store *store, const char *doing, const char *sep)
{
	char folder[1024];
	pc__store_folder_of(store->path, folder, sizeof(folder));
	return pc__store_fail(store, PC_EREADONLY, "%s%scannot create the journal in '%s': "
	                      "read-only folder", doing, sep, pc__store_shown(folder));
}

int pc__store_sqlite_fail(pc_store *store, int rc, const char *doing)
{
	/* Copied first: the next SQLite call may replace it. */
	char said[512];
	snprintf(said, sizeof(said), "%s", store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc));
	const char *sep = doing ? ": " : "";
	doing = doing ? doing : "";

	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		if (store->busy_ms % 1000 == 0)
			return pc__store_fail(store, PC_EBUSY, "%s%sthe database is locked by another "
			                      "writer (tried for %d s)", doing, sep, store->busy_ms / 1000);
		return pc__store_fail(store, PC_EBUSY, "%s%sthe database is locked by another writer "
		                      "(tried for %d ms)", doing, sep, store->busy_ms);
	case SQLITE_READONLY:
		/* A writer stopped half-way, and this process may not put the
		 * file back as it was. */
		if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY)
			return pc__store_fail(store, PC_EREADONLY, "%s%s'%s' was left half-written by "
			                      "a command that stopped, and it cannot be put back as it "
			                      "was here: the %s is read-only to you; run any photoconsent "
			                      "command on it as a user who may write it", doing, sep,
			                      pc__store_path(store),
			                      pc__store_folder_writable(store->path) ? "file" : "folder");
		if (!pc__store_folder_writable(store->path))
			return cannot_journal(store, doing, sep);
		return pc__store_fail(store, PC_EREADONLY, "%s%s'%s' cannot be written (%s)",
		                      doing, sep, pc__store_path(store), said);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return pc__store_fail(store, PC_EDATABASE, "%s%s'%s' is damaged: %s",
		                      doing, sep, pc__store_path(store), said);
	case SQLITE_CONSTRAINT: {
		int code = PC_EFORMAT;
		if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
			code = PC_EEXISTS;
		else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			code = PC_ENOTFOUND;
		return pc__store_fail(store, code, "%s%s%s", doing, sep, said);
	}
	case SQLITE_FULL:
		return pc__store_fail(store, PC_ERROR, "%s%sthe disk is full: make room "
		                      "and run the command again", doing, sep);
	case SQLITE_IOERR: {
		/* "disk I/O error" alone leaves the person guessing. */
		int sys = store->db ? sqlite3_system_errno(store->db) : 0;
		if (sys == ENOSPC || sys == EDQUOT)
			return pc__store_fail(store, PC_ERROR, "%s%sthe disk is full (%s): make room and "
			                      "run the command again", doing,
			                      sep, strerror(sys));
		if (sys == EFBIG)
			return pc__store_fail(store, PC_ERROR, "%s%sthe database may not grow any "
			                      "larger here (%s)", doing, sep,
			                      strerror(sys));
		if (sys)
			return pc__store_fail(store, PC_ERROR, "%s%s%s (%s)", doing, sep, said,
			                      strerror(sys));
		return pc__store_fail(store, PC_ERROR, "%s%s%s", doing, sep, said);
	}
	case SQLITE_NOMEM:
		return pc__store_fail(store, PC_ENOMEM, "%s%sout of memory", doing, sep);
	case SQLITE_TOOBIG:
		return pc__store_fail(store, PC_ETOOBIG, "%s%s%s", doing, sep, said);
	case SQLITE_CANTOPEN:
		/* SQLite says "unable to open database file" when what it could
		 * not make is the log beside it. */
		if (!pc__store_folder_writable(store->path))
			return cannot_journal(store, doing, sep);
		return pc__store_fail(store, PC_EOPEN, "%s%s%s", doing, sep, said);
	default:
		return pc__store_fail(store, PC_ERROR, "%s%s%s", doing, sep, said);
	}
}

/* --------------------------------------------------------- statement cache */

static size_t slot_hash(const char *sql)
{
	return (size_t)(((uintptr_t)sql >> 3) * (uintptr_t)0x9E3779B97F4A7C15u);
}

static int slots_grow(pc_store *store)
{
	size_t cap = store->slots ? (store->slot_mask + 1) * 2 : 64;
	struct slot *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return PC_ENOMEM;
	for (size_t i = 0; store->slots && i <= store->slot_mask; i++) {
		if (!store->slots[i].sql)
			continue;
		size_t j = slot_hash(store->slots[i].sql) & (cap - 1);
		while (slots[j].sql)
			j = (j + 1) & (cap - 1);
		slots[j] = store->slots[i];
	}
	free(store->slots);
	store->slots = slots;
	store->slot_mask = cap - 1;
	return 0;
}

/* As pc__store_stmt, returning an SQLite code and leaving the message
 * alone (rollbacks must not replace the message of what failed). */
static int stmt_get(pc_store *store, sqlite3_stmt **out, const char *sql)
{
	*out = NULL;
	if ((!store->slots || (store->slot_count + 1) * 2 > store->slot_mask + 1) &&
	    slots_grow(store))
		return SQLITE_NOMEM;
	size_t j = slot_hash(sql) & store->slot_mask;
	for (; store->slots[j].sql; j = (j + 1) & store->slot_mask) {
		if (store->slots[j].sql == sql) {
			sqlite3_stmt *st = store->slots[j].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			*out = st;
			return SQLITE_OK;
		}
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	store->slots[j].sql = sql;
	store->slots[j].st = st;
	store->slot_count++;
	*out = st;
	return SQLITE_OK;
}

int pc__store_stmt(pc_store *store, sqlite3_stmt **out, const char *sql)
{
	int rc = stmt_get(store, out, sql);
	if (rc == SQLITE_OK)
		return 0;
	char doing[300];
	snprintf(doing, sizeof(doing), "cannot read '%s'", pc__store_path(store));
	return pc__store_sqlite_fail(store, rc, doing);
}

int pc__store_step(pc_store *store, sqlite3_stmt *st, const char *doing)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return pc__store_sqlite_fail(store, rc, doing);
}

int pc__store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

/* Runs one statement that returns no rows, through the cache. */
static int run(pc_store *store, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = stmt_get(store, &st, sql);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void free_statements(pc_store *store)
{
	for (size_t i = 0; store->slots && i <= store->slot_mask; i++)
		sqlite3_finalize(store->slots[i].st);
	free(store->slots);
	store->slots = NULL;
	store->slot_mask = store->slot_count = 0;
}

/* ------------------------------------------------------------ transactions */

static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_BEGIN_READ[] = "BEGIN";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SAVEPOINT[] = "SAVEPOINT pc_write";
static const char SQL_RELEASE[] = "RELEASE pc_write";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO pc_write";

static int write_fail(pc_store *store, int rc)
{
	char doing[300];
	snprintf(doing, sizeof(doing), "cannot write to '%s'", pc__store_path(store));
	return pc__store_sqlite_fail(store, rc, doing);
}

sqlite3 *pc__store_db(pc_store *store)
{
	return store->db;
}

int pc__store_begin(pc_store *store)
{
	int rc = run(store, SQL_BEGIN);
	return rc == SQLITE_OK ? 0 : write_fail(store, rc);
}

int pc__store_commit(pc_store *store)
{
	int rc = run(store, SQL_COMMIT);
	if (rc == SQLITE_OK)
		return 0;
	int ret = write_fail(store, rc);
	pc__store_rollback(store);
	return ret;
}

void pc__store_rollback(pc_store *store)
{
	/* SQLite may already have rolled back after an I/O error or a full
	 * disk; then there is nothing to do. */
	if (!sqlite3_get_autocommit(store->db))
		run(store, SQL_ROLLBACK);
}

int pc__store_read_begin(pc_store *store, int *began)
{
	*began = 0;
	if (!sqlite3_get_autocommit(store->db))
		return 0;
	int rc = run(store, SQL_BEGIN_READ);
	if (rc != SQLITE_OK)
		return pc__store_sqlite_fail(store, rc, "cannot read the database");
	*began = 1;
	return 0;
}

void pc__store_read_end(pc_store *store, int began)
{
	/* Nothing was written: ending it cannot lose anything. */
	if (began && !sqlite3_get_autocommit(store->db))
		run(store, SQL_ROLLBACK);
}

int pc__store_write_begin(pc_store *store, struct pc__store_write *w)
{
	w->active = w->began = 0;
	/*
	 * Outside a transaction, take the write lock before reading anything:
	 * a deferred transaction that reads and then writes can meet another
	 * writer half-way and fail at once, without waiting (SQLite's
	 * deadlock rule), where BEGIN IMMEDIATE waits up to the busy timeout.
	 */
	if (sqlite3_get_autocommit(store->db)) {
		int rc = run(store, SQL_BEGIN);
		if (rc != SQLITE_OK)
			return write_fail(store, rc);
		w->began = 1;
	}
	int rc = run(store, SQL_SAVEPOINT);
	if (rc != SQLITE_OK) {
		int ret = write_fail(store, rc);
		if (w->began)
			pc__store_rollback(store);
		w->began = 0;
		return ret;
	}
	w->active = 1;
	return 0;
}

int pc__store_write_end(pc_store *store, struct pc__store_write *w, int ret)
{
	if (!w->active)
		return ret;
	w->active = 0;
	if (ret == 0) {
		int rc = run(store, SQL_RELEASE);
		if (rc != SQLITE_OK)
			ret = write_fail(store, rc);
	}
	if (ret != 0 && !sqlite3_get_autocommit(store->db)) {
		run(store, SQL_ROLLBACK_TO);
		run(store, SQL_RELEASE);
	}
	if (w->began) {
		w->began = 0;
		if (ret == 0)
			ret = pc__store_commit(store);
		else
			pc__store_rollback(store);
	}
	return ret;
}

void pc__store_now(char out[20])
{
	time_t now = time(NULL);
	struct tm tm;
	if (!gmtime_r(&now, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		memcpy(out, "1970-01-01 00:00:00", 20);
}

int pc__store_check_date(pc_store *store, const char *date)
{
	if (pc_date_valid(date))
		return 0;
	if (!date)
		return pc__store_fail(store, PC_EFORMAT, "a date is missing (YYYY-MM-DD)");
	return pc__store_fail(store, PC_EFORMAT, "'%s' is not a date (YYYY-MM-DD)",
	                      pc__store_shown(date));
}

/* ----------------------------------------------------------------- opening */

int pc_store_schema_version(void)
{
	return pc__migration_count;
}

int pc_store_file_version(const pc_store *store)
{
	return store ? store->file_version : 0;
}

/* What the file holds, read from its header and schema. */
struct kind {
	long long application_id;
	int version;
	int tables;
};

static const char SQL_IDENTIFY[] =
	"SELECT (SELECT application_id FROM pragma_application_id),"
	" (SELECT user_version FROM pragma_user_version),"
	" (SELECT count(*) FROM sqlite_master)";

/* Reads the kind, naming the file in the message when it is no database. */
static int identify(pc_store *store, struct kind *out)
{
	int ret = PC_ERROR;
	sqlite3_stmt *st = NULL;
	int rc = stmt_get(store, &st, SQL_IDENTIFY);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			out->application_id = sqlite3_column_int64(st, 0);
			out->version = sqlite3_column_int(st, 1);
			out->tables = sqlite3_column_int(st, 2);
			rc = SQLITE_OK;
		}
	}
	if (rc == SQLITE_OK) {
		ret = 0;
	} else if ((rc & 0xFF) == SQLITE_NOTADB) {
		ret = pc__store_fail(store, PC_EDATABASE, "'%s' is not a database",
		                     pc__store_path(store));
	} else {
		char doing[300];
		snprintf(doing, sizeof(doing), "cannot open '%s'", pc__store_path(store));
		ret = pc__store_sqlite_fail(store, rc, (rc & 0xFF) == SQLITE_CORRUPT ? NULL : doing);
	}
	sqlite3_reset(st);
	return ret;
}

/* Refuses what is not ours, or is newer than we know. */
static int check_kind(pc_store *store, const struct kind *k, int known)
{
	const char *path = pc__store_path(store);
	if (k->version == 0 ? k->tables > 0 : k->application_id != APPLICATION_ID)
		return pc__store_fail(store, PC_EDATABASE, "'%s' is not a photoconsent database", path);
	if (k->version > known)
		return pc__store_fail(store, PC_EDATABASE, "'%s' has schema version %d, newer than "
		                      "this photoconsent (%d); use a newer photoconsent",
		                      path, k->version, known);
	return 0;
}

/* Applies the migrations from the file's version on, one transaction each. */
static int migrate(pc_store *store, const char *const *migrations, int count)
{
	int ret = PC_ERROR;
	int in_tx = 0;
	char doing[400];
	struct kind k = { 0 };

	for (;;) {
		snprintf(doing, sizeof(doing), "cannot bring '%s' up to date", pc__store_path(store));
		int rc = run(store, SQL_BEGIN);
		if (rc != SQLITE_OK) {
			ret = pc__store_sqlite_fail(store, rc, doing);
			goto done;
		}
		in_tx = 1;
		/* Read again under the write lock: another process may have
		 * migrated the file since we looked. */
		ret = identify(store, &k);
		if (ret)
			goto done;
		ret = check_kind(store, &k, count);
		if (ret)
			goto done;
		if (k.version < count) {
			snprintf(doing, sizeof(doing), "cannot bring '%s' from schema version %d to %d",
			         pc__store_path(store), k.version, k.version + 1);
			rc = sqlite3_exec(store->db, migrations[k.version], NULL, NULL, NULL);
			if (rc == SQLITE_OK) {
				/* A number we made, not user text: a pragma takes
				 * no bound parameters. */
				char pragma[64];
				snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", k.version + 1);
				rc = sqlite3_exec(store->db, pragma, NULL, NULL, NULL);
			}
			if (rc != SQLITE_OK) {
				ret = pc__store_sqlite_fail(store, rc, doing);
				goto done;
			}
			k.version++;
		}
		rc = run(store, SQL_COMMIT);
		if (rc != SQLITE_OK) {
			ret = pc__store_sqlite_fail(store, rc, doing);
			goto done;
		}
		in_tx = 0;
		if (k.version >= count)
			break;
	}
	store->file_version = k.version;
	ret = 0;
done:
	if (in_tx)
		pc__store_rollback(store);
	return ret;
}

/* For CREATE: makes the file, owner read/write only whatever the umask.
 * An existing file is left for the identification to judge. */
static int create_file(pc_store *store, int *created)
{
	*created = 0;
	int fd = open(store->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		*created = 1;
		/* Nothing written yet: closing cannot lose data. */
		close(fd);
		return 0;
	}
	if (errno == EEXIST)
		return 0;
	int code = errno == EACCES || errno == EROFS || errno == EPERM ? PC_EREADONLY : PC_EOPEN;
	return pc__store_fail(store, code, "cannot create '%s': %s", pc__store_path(store),
	                      strerror(errno));
}

/* For READ and WRITE: a clear message for a file that is not there. */
static int check_exists(pc_store *store)
{
	struct stat sb;
	if (stat(store->path, &sb) != 0) {
		if (errno == ENOENT)
			return pc__store_fail(store, PC_EOPEN, "no database at '%s'; create one with "
			                      "'photoconsent db init'", pc__store_path(store));
		return pc__store_fail(store, PC_EOPEN, "cannot open '%s': %s",
		                      pc__store_path(store), strerror(errno));
	}
	if (S_ISDIR(sb.st_mode))
		return pc__store_fail(store, PC_EOPEN, "'%s' is a folder, not a database",
		                      pc__store_path(store));
	/* SQLite says only "unable to open database file"; the person needs
	 * to hear whose file it is. */
	int fd = open(store->path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (errno != EACCES && errno != EPERM)
		return 0;
	char owner[64];
	struct passwd pw, *found = NULL;
	char pwbuf[1024];
	if (getpwuid_r(sb.st_uid, &pw, pwbuf, sizeof(pwbuf), &found) == 0 && found)
		snprintf(owner, sizeof(owner), "%s", found->pw_name);
	else
		snprintf(owner, sizeof(owner), "user %lu", (unsigned long)sb.st_uid);
	return pc__store_fail(store, PC_EOPEN, "cannot open '%s': permission denied; it "
	                      "belongs to %s (mode %04o), since a database of children's "
	                      "names is readable by its owner only: run photoconsent as %s, "
	                      "or give --db a database of your own", pc__store_path(store),
	                      pc__store_shown(owner), (unsigned)(sb.st_mode & 07777),
	                      pc__store_shown(owner));
}

/* Brings the file at `path` up to date by opening it for writing once;
 * 0, or the code why not with its message in `store`. */
/* NOLINTNEXTLINE(misc-no-recursion): a reader upgrades once, through a writer, which never does */
static int upgrade(pc_store *store, const struct pc__store_options *opts)
{
	pc_store *writer = NULL;
	struct pc_error e = PC_ERROR_INIT;
	int ret = pc__store_open_with(&writer, store->path, PC_STORE_WRITE, opts, &e);
	if (ret)
		pc__store_fail(store, ret, "%s", e.message);
	pc_store_free(writer);
	return ret;
}

/* A damaged page could hide a withdrawal, so nothing is judged or written
 * on a file that fails quick_check. */
static int intact(pc_store *store)
{
	char problem[200];
	int rc = pc__store_quick_check(store->db, problem, sizeof(problem));
	if (rc == SQLITE_CORRUPT && *problem) {
		pc__utf8_trim_cut(problem);
		return pc__store_fail(store, PC_EDATABASE, "'%s' is damaged (%s); restore it from a "
		                      "backup", pc__store_path(store), pc__store_shown(problem));
	}
	return rc == SQLITE_OK ? 0 : pc__store_sqlite_fail(store, rc, NULL);
}

static int set_mode(pc_store *store, unsigned mode)
{
	char failed[4200];
	int e = pc__store_chmod(store->path, mode, failed, sizeof(failed));
	if (e == ENAMETOOLONG)
		return pc__store_fail(store, PC_EINVALID, "'%s': the path is too long",
		                      pc__store_path(store));
	if (e)
		return pc__store_fail(store, e == EPERM ? PC_EREADONLY : PC_EOPEN,
		                      "cannot set the mode of '%s': %s", pc__store_shown(failed),
		                      strerror(e));
	return 0;
}

/* A journal a writer left (or is writing) beside the file. */
static int journal_beside(const char *path)
{
	static const char *const suffixes[] = { "-wal", "-journal" };
	char name[4200];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		if ((size_t)snprintf(name, sizeof(name), "%s%s", path, suffixes[i]) >= sizeof(name))
			return 1;
		if (access(name, F_OK) == 0 || errno != ENOENT)
			return 1;
	}
	return 0;
}

/* "file:PATH?immutable=1", the path percent-encoded where a URI would
 * read it otherwise (RFC 3986; SQLite decodes %HH). */
static char *immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(path);
	char *uri = malloc(len * 3 + sizeof("file:?immutable=1"));
	if (!uri)
		return NULL;
	char *o = uri;
	memcpy(o, "file:", 5);
	o += 5;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p >= 0x7F) {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		} else {
			*o++ = (char)*p;
		}
	}
	memcpy(o, "?immutable=1", sizeof("?immutable=1"));
	return uri;
}

/* NOLINTNEXTLINE(misc-no-recursion): a reader upgrades once, through a writer, which never does */
static int open_with(pc_store **out, const char *path, enum pc_store_mode mode,
                     const struct pc__store_options *opts)
{
	int ret = PC_ERROR;
	int created = 0, upgraded = 0;
	int oldest = opts && opts->oldest_readable > 0 ? opts->oldest_readable : OLDEST_READABLE;
	pc_store *store = NULL;
	const char *const *migrations = pc__migrations;
	int count = pc__migration_count;
	struct kind k = { 0 };

	*out = NULL;
	store = calloc(1, sizeof(*store));
	if (!store)
		return PC_ENOMEM;
	*out = store;
	store->busy_ms = opts && opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : DEFAULT_BUSY_MS;
	if (opts && opts->migrations) {
		migrations = opts->migrations;
		count = opts->migration_count;
	}
	store->path = strdup(path ? path : "");
	if (!store->path) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	if (mode != PC_STORE_READ && mode != PC_STORE_WRITE && mode != PC_STORE_CREATE) {
		ret = pc__store_fail(store, PC_EINVALID, "%d is not a way to open a database",
		                     (int)mode);
		goto done;
	}
	ret = mode == PC_STORE_CREATE ? create_file(store, &created) : check_exists(store);
	if (ret)
		goto done;

reopen:;
	/*
	 * A reader that may write the file opens it read-write all the same,
	 * with every write refused (query_only below): only such a connection
	 * can finish what a killed writer left (roll back a hot journal,
	 * rebuild the log's index), which a read-only one reports as "attempt
	 * to write a readonly database" until someone else does it. One that
	 * may not, in a folder nobody may write, reads the file as immutable:
	 * with no journal beside it and no way to make one, nobody is writing.
	 */
	int may_write = mode != PC_STORE_READ ||
	                (access(store->path, R_OK | W_OK) == 0 &&
	                 pc__store_folder_writable(store->path));
	int frozen = !may_write && !pc__store_folder_writable(store->path) &&
	             !journal_beside(store->path);
	int flags = (may_write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
	            SQLITE_OPEN_NOMUTEX | (frozen ? SQLITE_OPEN_URI : 0);
	char *uri = frozen ? immutable_uri(store->path) : NULL;
	if (frozen && !uri) {
		ret = pc__store_fail(store, PC_ENOMEM, "out of memory");
		goto done;
	}
	int rc = sqlite3_open_v2(uri ? uri : store->path, &store->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		char doing[300];
		snprintf(doing, sizeof(doing), "cannot open '%s'", pc__store_path(store));
		ret = pc__store_sqlite_fail(store, rc, doing);
		goto done;
	}
	sqlite3_extended_result_codes(store->db, 1);
	sqlite3_busy_timeout(store->db, store->busy_ms);
	/* SQLite quietly opens a file it may not write read-only. */
	if (mode != PC_STORE_READ && sqlite3_db_readonly(store->db, "main") == 1) {
		ret = pc__store_fail(store, PC_EREADONLY, "'%s' cannot be written: the file is "
		                     "read-only to you", pc__store_path(store));
		goto done;
	}
	/* Touches only the connection, never the file. */
	rc = sqlite3_exec(store->db, mode == PC_STORE_READ && may_write
	                  ? "PRAGMA foreign_keys = ON; PRAGMA query_only = ON"
	                  : "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		ret = pc__store_sqlite_fail(store, rc, "cannot turn on foreign keys");
		goto done;
	}

	ret = identify(store, &k);
	if (ret)
		goto done;
	if (mode == PC_STORE_CREATE && k.version > 0 && k.application_id == APPLICATION_ID) {
		ret = pc__store_fail(store, PC_EEXISTS, "'%s' is already a photoconsent database",
		                     pc__store_path(store));
		goto done;
	}
	ret = check_kind(store, &k, count);
	if (ret)
		goto done;
	if (k.version > 0 && (ret = intact(store)))
		goto done;
	store->file_version = k.version;
	if (mode == PC_STORE_READ) {
		if (k.version == 0)
			ret = pc__store_fail(store, PC_EDATABASE, "'%s' holds no photoconsent database "
			                     "yet; create one with 'photoconsent db init'",
			                     pc__store_path(store));
		else if (k.version < oldest && !upgraded) {
			/* Once, by a writer of its own: this connection stays a
			 * reader. */
			free_statements(store);
			sqlite3_close_v2(store->db);
			store->db = NULL;
			upgraded = 1;
			int err = upgrade(store, opts);
			if (!err)
				goto reopen;
			char why[sizeof(store->error)];
			snprintf(why, sizeof(why), "%s", pc__store_message(store));
			ret = pc__store_fail(store, err == PC_EREADONLY || err == PC_EBUSY ? err
			                     : PC_EDATABASE, "'%s' has schema version %d, too old to "
			                     "read, and it cannot be brought up to date: %s",
			                     pc__store_path(store), k.version, why);
		} else if (k.version < oldest) {
			ret = pc__store_fail(store, PC_EDATABASE, "'%s' has schema version %d, too old "
			                     "to read", pc__store_path(store), k.version);
		}
		goto done;
	}
	if (k.version < count && (ret = migrate(store, migrations, count)))
		goto done;
	/* The schema made here, in a file that was there empty (made by
	 * touch, or by a program's "save as"): it names children now, so it
	 * becomes the owner's alone, as a file db init creates is. */
	if (k.version == 0 && !created && (ret = set_mode(store, 0600)))
		goto done;
	rc = pc__store_use_wal(store->db);
	if (rc != SQLITE_OK)
		ret = pc__store_sqlite_fail(store, rc, "cannot turn on the write-ahead log");
done:
	if (ret && store->db) {
		free_statements(store);
		sqlite3_close_v2(store->db);
		store->db = NULL;
	}
	/* A file we made and could not set up is no use to anyone. */
	if (ret && created)
		unlink(store->path);
	return ret;
}

/* NOLINTNEXTLINE(misc-no-recursion): a reader upgrades once, through a writer, which never does */
int pc__store_open_with(pc_store **out, const char *path, enum pc_store_mode mode,
                        const struct pc__store_options *opts, struct pc_error *err)
{
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, path);
	pc_store *store = NULL;
	int ret = open_with(&store, path, mode, opts);
	if (!ret) {
		*out = store;
		return 0;
	}
	/* The store made to say why goes: a failed open hands back nothing. */
	if (!store)
		return pc__error_set(err, ret, "cannot open '%s': out of memory", path);
	pc__store_result(store, ret, err);
	pc_store_free(store);
	return ret;
}

int pc_store_open(pc_store **out, const char *path, enum pc_store_mode mode,
                  struct pc_error *err)
{
	return pc__store_open_with(out, path, mode, NULL, err);
}

int pc__store_result(const pc_store *store, int ret, struct pc_error *err)
{
	if (ret >= 0)
		return ret;
	const char *message = pc__store_message(store);
	return pc__error_copy(err, ret, *message ? message : NULL);
}

int pc_store_set_mode(pc_store *store, unsigned mode, struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	if (mode & ~0777u)
		return pc__error_set(err, PC_EINVALID, "%#o is not a file mode (0000 to 0777)", mode);
	return pc__store_result(store, set_mode(store, mode), err);
}

void pc_store_free(pc_store *store)
{
	if (!store)
		return;
	if (store->db) {
		free_statements(store);
		/* A transaction left open (a caller that failed half-way) is
		 * rolled back by closing. */
		sqlite3_close_v2(store->db);
	}
	free(store->path);
	free(store);
}
