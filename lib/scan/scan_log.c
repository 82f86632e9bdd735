/*
 * scan_log.c: the spool of a scan's audit log rows (scan_log.h).
 *
 * A record is its length (a size_t), then NUL-terminated fields: the time
 * the photo was judged, the verdict, the file, the size ("-1": unknown),
 * the modification time ("": unknown), then the reason codes, the warning
 * codes and the pupil ids, each list its count and then its items. File
 * names are bytes but never hold a NUL, nor do codes or ids.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "scan/scan_log.h"
#include "store/store_internal.h"

/* Far more than a record needs (a path is at most a few KiB): a longer
 * one means the file was damaged. */
#define MAX_RECORD (1u << 20)

struct pc__scan_log {
	FILE *f;
	char *dir;         /* where it is, for messages */
	size_t records;
	int write_errno;   /* the first write that failed */
};

static char *message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = pc__vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* ----------------------------------------------------------- the file */

int pc__scan_log_new(struct pc__scan_log **out, char **error)
{
	int ret = PC_ENOMEM, fd = -1;
	struct pc__buf path;
	struct pc__scan_log *log = calloc(1, sizeof(*log));
	const char *dir = getenv("TMPDIR");

	*out = NULL;
	*error = NULL;
	pc__buf_init(&path, 0);
	if (!dir || !*dir)
		dir = "/tmp";
	if (!log || !(log->dir = strdup(dir)) ||
	    pc__buf_printf(&path, "%s/photoconsent-scan-XXXXXX", dir))
		goto done;
	fd = mkstemp(path.data);
	if (fd < 0 || unlink(path.data) || fcntl(fd, F_SETFD, FD_CLOEXEC) ||
	    !(log->f = fdopen(fd, "w+b"))) {
		int why = errno;
		*error = message("cannot make a temporary file in '%s' for the scan's audit log: %s "
		                 "(set TMPDIR to a folder you may write to)", dir, strerror(why));
		ret = *error ? PC_EOPEN : PC_ENOMEM;
		goto done;
	}
	fd = -1;
	*out = log;
	log = NULL;
	ret = 0;
done:
	if (fd >= 0)
		close(fd);
	if (ret == PC_ENOMEM && !*error)
		*error = message("out of memory");
	pc__buf_release(&path);
	pc__scan_log_free(log);
	return ret;
}

void pc__scan_log_free(struct pc__scan_log *log)
{
	if (!log)
		return;
	/* Read back or not, the file is gone once closed. */
	if (log->f)
		fclose(log->f);
	free(log->dir);
	free(log);
}

/* ------------------------------------------------------------- writing */

static int put_list(struct pc__buf *b, const char *const *items, size_t count)
{
	int err = pc__buf_printf(b, "%zu", count) || pc__buf_putc(b, '\0');
	for (size_t i = 0; i < count && !err; i++)
		err = pc__buf_append(b, items[i], strlen(items[i]) + 1);
	return err;
}

int pc__scan_log_record(char **out, size_t *len, const struct pc_log_entry *e)
{
	struct pc__buf b;
	pc__buf_init(&b, MAX_RECORD);
	size_t n = 0;
	int err = pc__buf_append(&b, &n, sizeof(n));
	err = err ? err : pc__buf_append(&b, e->at, strlen(e->at) + 1);
	err = err ? err : pc__buf_append(&b, e->verdict, strlen(e->verdict) + 1);
	err = err ? err : pc__buf_append(&b, e->file, strlen(e->file) + 1);
	err = err ? err : pc__buf_printf(&b, "%lld", e->size) || pc__buf_putc(&b, '\0');
	err = err ? err : pc__buf_puts(&b, e->mtime ? e->mtime : "") || pc__buf_putc(&b, '\0');
	err = err ? err : put_list(&b, e->reasons, e->reason_count);
	err = err ? err : put_list(&b, e->warnings, e->warning_count);
	err = err ? err : put_list(&b, e->pupils, e->pupil_count);
	if (err) {
		pc__buf_release(&b);
		return PC_ENOMEM;
	}
	n = b.len - sizeof(n);
	memcpy(b.data, &n, sizeof(n));
	*len = b.len;
	*out = pc__buf_detach(&b);
	return *out ? 0 : PC_ENOMEM;
}

void pc__scan_log_put(struct pc__scan_log *log, const char *record, size_t len)
{
	if (log->write_errno)
		return;
	errno = 0;
	if (fwrite(record, 1, len, log->f) != len)
		log->write_errno = errno ? errno : EIO;
	else
		log->records++;
}

/* ------------------------------------------------------------- reading */

struct reader {
	struct pc__scan_log *log;
	size_t expected, read;
	char *data;            /* the record being read */
	size_t alloc;
	const char **items;    /* its lists */
	size_t item_alloc;
	char *why;             /* what went wrong, for the message */
	int out_of_memory;
};

/* The next NUL-terminated field of [*p, end); NULL when there is none. */
static const char *field(const char **p, const char *end)
{
	const char *s = *p;
	const char *nul = s < end ? memchr(s, '\0', (size_t)(end - s)) : NULL;
	if (!nul)
		return NULL;
	*p = nul + 1;
	return s;
}

static int count_of(const char *s, size_t *out)
{
	char *stop = NULL;
	errno = 0;
	unsigned long long n = s ? strtoull(s, &stop, 10) : 0;
	if (!s || !*s || *stop || errno || n > MAX_RECORD)
		return -1;
	*out = (size_t)n;
	return 0;
}

/* Reading a record: 0, DAMAGED, or PC_ENOMEM when out of memory. */
#define DAMAGED 1

/* One list of the record into r->items from *used on. */
static int read_list(struct reader *r, const char **p, const char *end, size_t *used,
                     size_t *count)
{
	if (count_of(field(p, end), count))
		return DAMAGED;
	if (*used + *count > r->item_alloc) {
		size_t alloc = (*used + *count) * 2;
		const char **grown = realloc(r->items, alloc * sizeof(*grown));
		if (!grown)
			return PC_ENOMEM;
		r->items = grown;
		r->item_alloc = alloc;
	}
	for (size_t i = 0; i < *count; i++)
		if (!(r->items[*used + i] = field(p, end)))
			return DAMAGED;
	*used += *count;
	return 0;
}

static int parse(struct reader *r, size_t n, struct pc_log_entry *e)
{
	const char *p = r->data, *end = r->data + n;
	size_t used = 0;
	const char *size = NULL, *mtime = NULL;
	if (!(e->at = field(&p, end)) || !(e->verdict = field(&p, end)) ||
	    !(e->file = field(&p, end)) || !(size = field(&p, end)) || !(mtime = field(&p, end)))
		return DAMAGED;
	char *stop = NULL;
	errno = 0;
	e->size = strtoll(size, &stop, 10);
	if (!*size || *stop || errno)
		return DAMAGED;
	e->mtime = *mtime ? mtime : NULL;
	int err = read_list(r, &p, end, &used, &e->reason_count);
	err = err ? err : read_list(r, &p, end, &used, &e->warning_count);
	err = err ? err : read_list(r, &p, end, &used, &e->pupil_count);
	if (err)
		return err;
	/* Placed only now: read_list may move r->items. */
	if (used) {
		e->reasons = r->items;
		e->warnings = r->items + e->reason_count;
		e->pupils = r->items + e->reason_count + e->warning_count;
	}
	return p == end ? 0 : DAMAGED;
}

static int next_row(void *ctx, struct pc_log_entry *out)
{
	struct reader *r = ctx;
	size_t n = 0;
	size_t got = fread(&n, 1, sizeof(n), r->log->f);
	if (got == 0 && feof(r->log->f)) {
		if (r->read == r->expected)
			return 0;
		r->why = message("the temporary file holds %zu photos, not the scan's %zu",
		                 r->read, r->expected);
		return PC_EOPEN;
	}
	if (got != sizeof(n) || n > MAX_RECORD) {
		r->why = message("its temporary file in '%s' is damaged", r->log->dir);
		return PC_EOPEN;
	}
	if (n > r->alloc) {
		char *grown = realloc(r->data, n);
		if (!grown) {
			r->out_of_memory = 1;
			return PC_ENOMEM;
		}
		r->data = grown;
		r->alloc = n;
	}
	if (fread(r->data, 1, n, r->log->f) != n) {
		r->why = message("its temporary file in '%s' cannot be read back: %s", r->log->dir,
		                 ferror(r->log->f) ? strerror(errno) : "it ends too soon");
		return PC_EOPEN;
	}
	int err = parse(r, n, out);
	if (err == DAMAGED)
		r->why = message("its temporary file in '%s' is damaged", r->log->dir);
	else if (err)
		r->out_of_memory = 1;
	if (err)
		return err == DAMAGED ? PC_EOPEN : PC_ENOMEM;
	r->read++;
	return 1;
}

int pc__scan_log_write(struct pc__scan_log *log, pc_store *store,
                       const struct pc_log_scan *scan, char **error)
{
	int ret = PC_ENOMEM;
	struct reader r = { log, scan->photos, 0, NULL, 0, NULL, 0, NULL, 0 };
	const char *then = "; its verdicts stand, but the scan is not logged: run it again to "
	                   "log it";

	*error = NULL;
	if (log->write_errno) {
		*error = message("the scan could not be written to the audit log: its rows could "
		                 "not be kept in a temporary file in '%s': %s (set TMPDIR to a folder "
		                 "with room)%s", log->dir, strerror(log->write_errno), then);
		ret = PC_EOPEN;
		goto done;
	}
	if (fflush(log->f) || fseek(log->f, 0, SEEK_SET)) {
		*error = message("the scan could not be written to the audit log: its temporary "
		                 "file in '%s' cannot be read back: %s%s", log->dir, strerror(errno),
		                 then);
		ret = PC_EOPEN;
		goto done;
	}
	ret = pc_store_log_scan(NULL, store, scan, next_row, &r, NULL);
	if (ret)
		*error = message("the scan could not be written to the audit log: %s%s",
		                 r.why ? r.why : r.out_of_memory ? "out of memory"
		                 : pc__store_message(store), then);
done:
	free(r.why);
	free(r.data);
	free(r.items);
	return ret;
}
