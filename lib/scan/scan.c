/*
 * scan.c: judging every photo under some folders, in parallel (scan.h).
 *
 * Threads: one walker lists the files and hands each to a worker, through
 * that worker's own bounded queue (the emptiest-first of a round, so that
 * a slow photo holds up only its own worker's few); each worker reads the
 * photo's metadata, judges it against the shared, read-only snapshot,
 * formats its record (and, for the contact sheet, its preview and card),
 * and hands the result back through its own queue; the caller's thread
 * takes the results, keeps the tallies and calls back. One counting
 * semaphore, `results`, wakes the caller when any queue has something:
 * posting it is an atomic add, not a lock. When progress is wanted, one
 * more thread counts the files ahead of the walk, so that "of how many"
 * is known early.
 *
 * When the scan is logged, each worker also makes its photo's audit log
 * record, and the caller's thread keeps it in a spool file (scan_log.h)
 * that is written to the database in one transaction once the walk is
 * over and everything else has succeeded.
 *
 * Every queue is bounded, so however large the folder, what is in flight
 * is a few results per thread. A failure to make a thread leaves fewer
 * workers, never a scan that hangs: everything that starts is told to
 * end, and its end is waited for.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "judge/audit.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/path.h"
#include "report/report_html.h"
#include "report/report_scan.h"
#include "report/scan_summary.h"
#include "scan/ring.h"
#include "scan/scan_log.h"
#include "judge/snapshot.h"
#include "report/thumb.h"
#include "scan/walk.h"
#include "store/store_internal.h"

/* Photos travel in batches, so that handing them between threads (a
 * semaphore post, and now and then a wake-up) is paid once per batch,
 * not once per photo. Batches queued per worker, and result batches not
 * yet taken: enough to keep every thread busy, few enough that memory
 * stays flat. */
#define BATCH 16
#define QUEUE_LENGTH 4
#define MAX_JOBS 256
/* How often progress is told, in milliseconds. */
#define PROGRESS_MS 200

enum result_kind { R_PHOTO, R_SKIP };

struct result {
	enum result_kind kind;
	char *path;
	pc_verdict *verdict;
	char *record;
	char *card;
	char *log;          /* the audit log's record (scan_log.h), or NULL */
	size_t log_len;
	int unreadable;
	enum pc_scan_skip skip;
	char *message;
};

/* Paths for a worker, and whether each may have a sidecar. */
struct job_batch {
	size_t n;
	char *paths[BATCH];
	unsigned char xmp_beside[BATCH];
};

/* A worker's results, in a batch (`end`: its last, which needs no
 * memory; `failed`: it ran out of memory and judged no more). */
struct result_batch {
	size_t n;
	int end, failed, embedded;
	struct result *items[BATCH];
};

struct scan;

struct worker {
	struct scan *scan;
	pthread_t thread;
	struct pc__ring in;      /* struct job_batch *; NULL ends */
	struct pc__ring out;     /* struct result_batch * */
	struct result_batch end;
};

struct scan {
	const pc_snapshot *snap;
	const struct pc_scan_options *opts;
	/* How photos are read: as asked, and the same without looking for a
	 * sidecar, for a photo in a folder that holds none. */
	struct pc_read_options read, read_alone;
	const char *const *roots;
	size_t root_count;
	unsigned jobs;               /* workers started */
	struct worker *workers;
	struct pc__ring walker_out;  /* the walker's skips, then its end */
	struct result_batch walker_end;
	struct job_batch *pending;   /* the walker's batch being filled */
	sem_t results;               /* one post per result on any queue */
	atomic_int stop;             /* set by the caller's thread only */
	atomic_size_t found;         /* files handed to the workers */
	atomic_size_t counted;       /* files the counter has seen */
	atomic_int walk_over, count_over;
	size_t next;                 /* the walker's round-robin place */
	struct pc__scan_log *log;    /* the audit log's rows; NULL: not logged */
	char *cwd;                   /* where relative paths are, for the contact
	                                sheet's links; NULL when unknown */
};

/* -------------------------------------------------------------- results */

static void result_free(struct result *r)
{
	if (!r)
		return;
	free(r->path);
	pc_verdict_free(r->verdict);
	free(r->record);
	free(r->card);
	free(r->log);
	free(r->message);
	free(r);
}

static void batch_free(struct result_batch *b)
{
	if (!b || b->embedded)
		return;
	for (size_t i = 0; i < b->n; i++)
		result_free(b->items[i]);
	free(b);
}

static void post(struct scan *s, struct pc__ring *ring, struct result_batch *b)
{
	pc__ring_put(ring, b);
	sem_post(&s->results);
}

/* ---------------------------------------------------------------- worker */

/* The class of a pupil of the snapshot, for the contact sheet. */
static const char *class_of(const void *ctx, const char *pupil_id)
{
	const pc_snapshot *snap = ctx;
	size_t i;
	return pc__strindex_get(&snap->ids, pupil_id, &i) ? snap->pupils->items[i].class_name
	                                                  : NULL;
}

/* The preview and the card of a judged photo, for the contact sheet. */
static int make_card(struct scan *s, struct result *r, const pc_photo *photo)
{
	char *thumb = NULL, *why = NULL;
	struct pc__thumb_size size = { 0, 0 };
	int ret = 0;
	if (!r->unreadable) {
		ret = pc__thumb_data_uri(&thumb, &size, &why, r->path, pc_photo_orientation(photo),
		                         PC__THUMB_SIDE);
		if (ret == PC_ENOMEM)
			goto done;
	}
	struct pc__html_card_info info = {
		.unreadable = r->unreadable,
		.thumb = thumb,
		.thumb_w = size.width,
		.thumb_h = size.height,
		.thumb_error = r->unreadable ? "the file could not be read" : why,
		.cwd = s->cwd,
		.class_of = class_of,
		.class_ctx = s->snap,
	};
	ret = pc__html_card(&r->card, r->verdict, s->opts->view, &info);
done:
	free(thumb);
	free(why);
	return ret == PC_ENOMEM ? PC_ENOMEM : 0;
}

/* The audit log's record of a judged photo. */
static int make_log(struct scan *s, struct result *r, const pc_photo *photo)
{
	struct pc__audit a;
	int ret = pc__audit_init(&a, r->verdict, photo, s->opts->log_by);
	ret = ret ? ret : pc__scan_log_record(&r->log, &r->log_len, &a.entry);
	pc__audit_release(&a);
	return ret;
}

/* Reads, judges and formats one photo; takes `path`. NULL when out of
 * memory. */
static struct result *judge_one(struct scan *s, char *path, int xmp_beside)
{
	pc_photo *photo = NULL;
	struct result *r = calloc(1, sizeof(*r));
	if (!r) {
		free(path);
		return NULL;
	}
	r->path = path;
	int read = pc_photo_read(&photo, path, xmp_beside ? &s->read : &s->read_alone);
	if (read)
		goto fail;
	if (pc_photo_status(photo) == PC_PHOTO_UNREADABLE) {
		/* Not a JPEG at all: passed over, with what it looks like. */
		r->kind = R_SKIP;
		r->skip = pc_photo_is_other_image(photo) ? PC_SCAN_OTHER_IMAGE : PC_SCAN_NOT_JPEG;
		r->message = strdup(pc_photo_error_count(photo) ? pc_photo_error(photo, 0)
		                                                : "not a JPEG file");
		if (!r->message)
			goto fail;
		pc_photo_free(photo);
		return r;
	}
	r->kind = R_PHOTO;
	r->unreadable = pc_photo_status(photo) == PC_PHOTO_UNREADABLE ||
	                pc_photo_status(photo) == PC_PHOTO_UNOPENED;
	if (pc_snapshot_judge(&r->verdict, s->snap, photo) ||
	    pc__scan_record(&r->record, r->verdict, s->opts->view, s->opts->format,
	                    s->snap->purpose->policy) ||
	    (s->opts->html && make_card(s, r, photo)) || (s->log && make_log(s, r, photo)))
		goto fail;
	pc_photo_free(photo);
	return r;
fail:
	pc_photo_free(photo);
	result_free(r);
	return NULL;
}

/* The results of one batch of paths; takes the paths. NULL when out of
 * memory (then *failed is set). */
static struct result_batch *judge_batch(struct scan *s, struct job_batch *jobs, int *failed)
{
	struct result_batch *out = calloc(1, sizeof(*out));
	for (size_t i = 0; i < jobs->n; i++) {
		char *path = jobs->paths[i];
		if (!out || *failed || atomic_load(&s->stop)) {
			free(path);
			continue;
		}
		struct result *r = judge_one(s, path, jobs->xmp_beside[i]);
		if (r)
			out->items[out->n++] = r;
		else
			*failed = 1;
	}
	free(jobs);
	if (!out)
		*failed = 1;
	return out;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct scan *s = w->scan;
	int failed = 0;
	struct job_batch *jobs;

	while ((jobs = pc__ring_take(&w->in))) {
		struct result_batch *out = judge_batch(s, jobs, &failed);
		if (out && out->n)
			post(s, &w->out, out);
		else
			batch_free(out);
	}
	/* Out of memory is told once, at the end, with what needs none. */
	w->end.failed = failed;
	post(s, &w->out, &w->end);
	return NULL;
}

/* ---------------------------------------------------------------- walker */

static enum pc_scan_skip skip_of(enum pc__walk_kind kind)
{
	switch (kind) {
	case PC__WALK_SPECIAL: return PC_SCAN_SPECIAL;
	case PC__WALK_LOOP: return PC_SCAN_LOOP;
	case PC__WALK_BROKEN_LINK: return PC_SCAN_BROKEN_LINK;
	case PC__WALK_NO_FOLDER: return PC_SCAN_NO_FOLDER;
	default: return PC_SCAN_TOO_DEEP;
	}
}

/* The walker's batch to a worker with room, trying each once from where
 * the last one went; when all are full, waits on the next in turn. */
static void dispatch(struct scan *s)
{
	struct job_batch *b = s->pending;
	s->pending = NULL;
	if (!b)
		return;
	/* Only the walker dispatches, and it starts only with jobs > 0. */
	for (unsigned i = 0; i < s->jobs; i++) {
		struct worker *w = &s->workers[(s->next + i) % s->jobs];
		if (pc__ring_try_put(&w->in, b)) {
			s->next = (s->next + i + 1) % s->jobs;
			return;
		}
	}
	pc__ring_put(&s->workers[s->next].in, b);
	s->next = (s->next + 1) % s->jobs; /* NOLINT(clang-analyzer-core.DivideZero) */
}

/* Adds a path to the batch being filled; sends it when full. */
static int queue_path(struct scan *s, const char *path, int xmp_beside)
{
	if (!s->pending && !(s->pending = calloc(1, sizeof(*s->pending))))
		return PC_ENOMEM;
	char *copy = strdup(path);
	if (!copy)
		return PC_ENOMEM;
	s->pending->xmp_beside[s->pending->n] = (unsigned char)xmp_beside;
	s->pending->paths[s->pending->n++] = copy;
	atomic_fetch_add(&s->found, 1);
	if (s->pending->n == BATCH)
		dispatch(s);
	return 0;
}

/* An XMP sidecar (IMG_0042.jpg.xmp, IMG_0042.xmp) is read with its
 * photo: it is neither a photo nor a file passed over. */
static int is_sidecar(const char *path)
{
	size_t n = strlen(path);
	return n > 4 && !strcasecmp(path + n - 4, ".xmp");
}

static int walk_entry(void *ctx, const struct pc__walk_entry *e)
{
	struct scan *s = ctx;
	if (atomic_load(&s->stop))
		return 1;
	if (e->kind == PC__WALK_FILE && is_sidecar(e->path))
		return 0;
	if (e->kind == PC__WALK_FILE)
		return queue_path(s, e->path, e->xmp_beside);
	struct result_batch *b = calloc(1, sizeof(*b));
	struct result *r = calloc(1, sizeof(*r));
	if (!b || !r) {
		free(b);
		free(r);
		return PC_ENOMEM;
	}
	b->items[b->n++] = r;
	r->kind = R_SKIP;
	r->skip = skip_of(e->kind);
	r->path = strdup(e->path);
	r->message = strdup(e->message ? e->message : "passed over");
	if (!r->path || !r->message) {
		batch_free(b);
		return PC_ENOMEM;
	}
	post(s, &s->walker_out, b);
	return 0;
}

static void *walker_main(void *arg)
{
	struct scan *s = arg;
	int ret = 0;
	for (size_t i = 0; i < s->root_count && !ret; i++)
		ret = pc__walk(s->roots[i], walk_entry, s);
	dispatch(s);
	atomic_store(&s->walk_over, 1);
	for (unsigned i = 0; i < s->jobs; i++)
		pc__ring_put(&s->workers[i].in, NULL);
	s->walker_end.failed = ret == PC_ENOMEM;
	post(s, &s->walker_out, &s->walker_end);
	return NULL;
}

static int count_entry(void *ctx, const struct pc__walk_entry *e)
{
	struct scan *s = ctx;
	if (atomic_load(&s->stop) || atomic_load(&s->walk_over))
		return 1;
	if (e->kind == PC__WALK_FILE && !is_sidecar(e->path))
		atomic_fetch_add(&s->counted, 1);
	return 0;
}

static void *counter_main(void *arg)
{
	struct scan *s = arg;
	int ret = 0;
	for (size_t i = 0; i < s->root_count && !ret; i++)
		ret = pc__walk(s->roots[i], count_entry, s);
	atomic_store(&s->count_over, ret == 0);
	return NULL;
}

/* ------------------------------------------------------------ the tally */

struct tally {
	struct pc_scan_summary *summary;
	size_t *blocks;      /* photos each pupil blocks, by snapshot index */
	size_t done;
	int failed;          /* a thread ran out of memory */
};

static void count_photo(struct tally *t, const pc_snapshot *snap, const struct result *r)
{
	struct pc_scan_summary *sum = t->summary;
	enum pc_verdict_kind kind = pc_verdict_kind(r->verdict);
	sum->photos++;
	if (r->unreadable)
		sum->unreadable++;
	else if (kind == PC_VERDICT_SHARE)
		sum->share++;
	else if (kind == PC_VERDICT_REVIEW)
		sum->review++;
	else
		sum->do_not_share++;
	/* An unreadable photo is review (its reason says why), or
	 * do-not-share for a purpose no photo may serve. */
	if (kind == PC_VERDICT_DO_NOT_SHARE ||
	    (kind == PC_VERDICT_REVIEW && sum->worst == PC_VERDICT_SHARE))
		sum->worst = kind;
	for (size_t i = 0; i < pc_verdict_person_count(r->verdict); i++) {
		const struct pc_judged_person *p = pc_verdict_person(r->verdict, i);
		size_t at;
		if (p->blocks && p->pupil_id && pc__strindex_get(&snap->ids, p->pupil_id, &at))
			t->blocks[at]++;
	}
}

/* The pupils who block most photos, most first (ties by list order). */
static int pick_blockers(struct tally *t, const pc_snapshot *snap)
{
	struct pc_scan_summary *sum = t->summary;
	struct pc_scan_blocker *top = calloc(PC_SCAN_BLOCKERS, sizeof(*top));
	if (!top)
		return PC_ENOMEM;
	sum->owned = top;
	sum->blockers = top;
	if (sum->view == PC_VIEW_PARENT)
		return 0;
	size_t idx[PC_SCAN_BLOCKERS], n = 0;
	for (size_t i = 0; i < snap->pupils->count; i++) {
		if (!t->blocks[i] || (n == PC_SCAN_BLOCKERS && t->blocks[i] <= t->blocks[idx[n - 1]]))
			continue;
		size_t at = n < PC_SCAN_BLOCKERS ? n++ : n - 1;
		while (at > 0 && t->blocks[idx[at - 1]] < t->blocks[i]) {
			idx[at] = idx[at - 1];
			at--;
		}
		idx[at] = i;
	}
	for (size_t k = 0; k < n; k++) {
		const struct pc_pupil *p = &snap->pupils->items[idx[k]];
		struct pc_scan_blocker *b = &top[k];
		b->photos = t->blocks[idx[k]];
		b->pupil_id = strdup(p->id);
		b->class_name = p->class_name ? strdup(p->class_name) : NULL;
		struct pc__buf name;
		pc__buf_init(&name, 0);
		if (!pc__buf_printf(&name, "%s %s", p->forename, p->surname))
			b->name = pc__buf_detach(&name);
		pc__buf_release(&name);
		sum->blocker_count++;
		if (!b->pupil_id || !b->name || (p->class_name && !b->class_name))
			return PC_ENOMEM;
	}
	return 0;
}

/* ------------------------------------------------------------- the run */

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Waits up to `ms` for a result; 1 when there is one. */
static int wait_result(struct scan *s, long ms)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_nsec += ms * 1000000L;
	until.tv_sec += until.tv_nsec / 1000000000L;
	until.tv_nsec %= 1000000000L;
	while (sem_timedwait(&s->results, &until)) {
		if (errno != EINTR)
			return 0;
	}
	return 1;
}

/* Takes the one batch a post promised, from whichever queue has it. */
static struct result_batch *take_batch(struct scan *s, unsigned *from)
{
	void *item;
	for (;;) {
		for (unsigned i = 0; i <= s->jobs; i++) {
			unsigned q = (*from + i) % (s->jobs + 1);
			struct pc__ring *ring = q < s->jobs ? &s->workers[q].out : &s->walker_out;
			if (pc__ring_try_take(ring, &item)) {
				*from = q + 1;
				return item;
			}
		}
		/* Each post follows its put, so a batch is there to take;
		 * should a queue's post be seen first, look again. */
		sched_yield();
	}
}

/* Keeps the first failure's message: what went wrong first is what a
 * person must hear. Returns `code`. */
static int fail(struct pc_error *e, int code, const char *message)
{
	if (e->code == PC_OK)
		pc__error_copy(e, code, message);
	return code;
}

static void tell_progress(struct scan *s, const struct pc_scan_options *cb, struct tally *t,
                          const struct timespec *start)
{
	if (!cb->on_progress)
		return;
	size_t found = atomic_load(&s->found), counted = atomic_load(&s->counted);
	int over = atomic_load(&s->walk_over);
	struct pc_scan_progress p = {
		.done = t->done,
		.total = over || counted < found ? found : counted,
		.total_final = over || atomic_load(&s->count_over),
		.seconds = seconds_since(start),
	};
	cb->on_progress(cb->ctx, &p);
}

/* One result: the tally, the contact sheet, the callback. */
static int take(struct scan *s, const struct pc_scan_options *cb, struct tally *t,
                struct pc__html *html, struct pc_error *e, const struct result *r)
{
	struct pc_scan_item item = {
		.path = r->path, .verdict = r->verdict, .record = r->record,
		.unreadable = r->unreadable, .skip = r->skip, .message = r->message,
	};
	if (r->kind == R_PHOTO) {
		count_photo(t, s->snap, r);
		t->done++;
		if (s->log)
			pc__scan_log_put(s->log, r->log, r->log_len);
		char *why = NULL;
		int err = html ? pc__html_add(html, &why, r->path, r->card) : 0;
		if (err)
			fail(e, err, why);
		free(why);
		if (err)
			return err;
	} else {
		t->summary->skipped++;
		t->summary->skipped_by_kind[r->skip]++;
		if (r->skip == PC_SCAN_NOT_JPEG || r->skip == PC_SCAN_OTHER_IMAGE)
			t->done++;
		if (r->skip == PC_SCAN_NO_FOLDER || r->skip == PC_SCAN_TOO_DEEP ||
		    r->skip == PC_SCAN_OTHER_IMAGE)
			t->summary->unjudged++;
	}
	return cb->on_item ? cb->on_item(cb->ctx, &item) : 0;
}

/* Takes every result until `ends` threads have ended, calling back and
 * keeping the tally; the first non-zero callback value stops the scan. */
static int drain(struct scan *s, unsigned ends, const struct pc_scan_options *cb,
                 struct tally *t, struct pc__html *html, struct pc_error *e,
                 const struct timespec *start)
{
	int ret = 0;
	unsigned from = 0;
	double told = 0;
	while (ends) {
		if (!wait_result(s, PROGRESS_MS)) {
			tell_progress(s, cb, t, start);
			told = seconds_since(start);
			continue;
		}
		struct result_batch *b = take_batch(s, &from);
		if (b->failed) {
			t->failed = 1;
			atomic_store(&s->stop, 1);
		}
		if (b->end)
			ends--;
		for (size_t i = 0; i < b->n && !ret && !t->failed; i++) {
			ret = take(s, cb, t, html, e, b->items[i]);
			if (ret)
				atomic_store(&s->stop, 1);
		}
		batch_free(b);
		if (seconds_since(start) - told >= PROGRESS_MS / 1000.0) {
			tell_progress(s, cb, t, start);
			told = seconds_since(start);
		}
	}
	return ret;
}

/* The folder the scan runs in (getcwd), which relative paths are in:
 * the caller's, free(); NULL when it cannot be known (*oom set when out
 * of memory), and then the contact sheet links only absolute paths. */
static char *current_folder(int *oom)
{
	for (size_t size = 256; size <= 64 * 1024; size *= 2) {
		char *buf = malloc(size);
		if (!buf) {
			*oom = 1;
			return NULL;
		}
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE)
			break;
	}
	return NULL;
}

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* The scan's rows to its audit log: its own, with the summary's counts,
 * and every photo's, in one transaction. 0 or the store's code, with the
 * message in `e`. */
static int write_log(struct scan *s, const struct pc_scan_summary *sum, const char *started,
                     struct pc_error *e)
{
	int ret = PC_ENOMEM;
	char *why = NULL;
	char **roots = calloc(s->root_count + 1, sizeof(*roots));
	for (size_t i = 0; roots && i < s->root_count; i++) {
		errno = 0;
		/* A folder whose place cannot be told keeps its name as
		 * given, which the log refuses, saying so. */
		if (!(roots[i] = pc__path_real(s->roots[i])) &&
		    (errno == ENOMEM || !(roots[i] = strdup(s->roots[i])))) {
			ret = PC_ENOMEM;
			goto done;
		}
	}
	if (!roots)
		goto done;
	const struct pc_log_scan row = {
		.at = started, .by = s->opts->log_by, .purpose_id = s->snap->purpose->id,
		.on = s->snap->date, .roots = (const char *const *)roots, .root_count = s->root_count,
		.photos = sum->photos, .share = sum->share, .review = sum->review,
		.do_not_share = sum->do_not_share, .unreadable = sum->unreadable,
		.skipped = sum->skipped,
	};
	ret = pc__scan_log_write(s->log, s->opts->log, &row, &why);
done:
	if (ret)
		ret = fail(e, ret, why ? why : "the scan could not be written to the audit log: "
		                                   "out of memory; its verdicts stand, but the scan "
		                                   "is not logged: run it again to log it");
	free(why);
	for (size_t i = 0; roots && i < s->root_count; i++)
		free(roots[i]);
	free(roots);
	return ret;
}

int pc_scan_run(pc_scan_summary **out, const pc_snapshot *snap, const char *const *roots,
                size_t root_count, const struct pc_scan_options *opts, struct pc_error *err)
{
	static const struct pc_scan_options defaults = PC_SCAN_OPTIONS_INIT;
	int ret = PC_ENOMEM, have_results = 0, have_walker_out = 0;
	int walker_started = 0, counter_started = 0;
	unsigned wanted, ends = 0;
	pthread_t walker, counter;
	struct pc__html *html = NULL;
	struct tally t = { NULL, NULL, 0, 0 };
	struct scan s;
	struct timespec start;
	struct pc_error e = PC_ERROR_INIT;
	char started[20];

	clock_gettime(CLOCK_MONOTONIC, &start);
	pc__audit_time(started, (long long)time(NULL));
	memset(&s, 0, sizeof(s));
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, snap);
	PC_ASSERT_ARG(err, roots || !root_count);
	if (!opts)
		opts = &defaults;
	else if (pc__options_check(err, opts->version, PC_SCAN_OPTIONS_VERSION,
	                           "struct pc_scan_options"))
		return PC_EVERSION;
	if (opts->read && pc__options_check(err, opts->read->version, PC_READ_OPTIONS_VERSION,
	                                    "struct pc_read_options"))
		return PC_EVERSION;
	if (opts->html_mode & ~0777u)
		return pc__error_set(err, PC_EINVALID, "%#o is not a file mode (0000 to 0777)",
		                     opts->html_mode);
	s.snap = snap;
	s.opts = opts;
	/* The school's person roots, unless the caller says otherwise. */
	s.read = opts->read ? *opts->read : *pc_snapshot_read_options(snap);
	s.read_alone = s.read;
	s.read_alone.no_sidecar = 1;
	s.roots = roots;
	s.root_count = root_count;
	s.walker_end.end = s.walker_end.embedded = 1;
	atomic_init(&s.stop, 0);
	atomic_init(&s.found, 0);
	atomic_init(&s.counted, 0);
	atomic_init(&s.walk_over, 0);
	atomic_init(&s.count_over, 0);
	wanted = opts->jobs ? (opts->jobs > MAX_JOBS ? MAX_JOBS : opts->jobs) : default_jobs();

	t.summary = calloc(1, sizeof(*t.summary));
	t.blocks = calloc(snap->pupils->count ? snap->pupils->count : 1, sizeof(*t.blocks));
	s.workers = calloc(wanted, sizeof(*s.workers));
	if (!t.summary || !t.blocks || !s.workers) {
		ret = fail(&e, PC_ENOMEM, "out of memory");
		goto done;
	}
	t.summary->view = opts->view;
	t.summary->worst = PC_VERDICT_SHARE;
	memcpy(t.summary->date, snap->date, sizeof(t.summary->date));
	if (!(t.summary->purpose = strdup(snap->purpose->id)) ||
	    (snap->purpose->policy && !(t.summary->policy = strdup(snap->purpose->policy)))) {
		ret = fail(&e, PC_ENOMEM, "out of memory");
		goto done;
	}
	if (opts->html) {
		char *why = NULL;
		int oom = 0;
		if (!(s.cwd = current_folder(&oom)) && oom) {
			ret = fail(&e, PC_ENOMEM, "out of memory");
			goto done;
		}
		ret = pc__html_open(&html, &why, opts->html, opts->view);
		if (ret) {
			ret = fail(&e, ret, why ? why : "out of memory");
			free(why);
			goto done;
		}
		if (opts->html_mode)
			pc__html_set_mode(html, opts->html_mode);
	}
	/* Parents' scans are theirs, never logged. */
	if (opts->log && opts->view == PC_VIEW_STAFF) {
		char *why = NULL;
		ret = pc__scan_log_new(&s.log, &why);
		if (ret) {
			ret = fail(&e, ret, why ? why : "out of memory");
			free(why);
			goto done;
		}
	}
	if (sem_init(&s.results, 0, 0) || pc__ring_init(&s.walker_out, QUEUE_LENGTH)) {
		ret = fail(&e, PC_ENOMEM, "out of memory");
		goto done;
	}
	have_results = have_walker_out = 1;

	/* Workers first: the walker needs somewhere to put its photos. */
	for (unsigned i = 0; i < wanted; i++) {
		struct worker *w = &s.workers[s.jobs];
		w->scan = &s;
		w->end = (struct result_batch){ .end = 1, .embedded = 1 };
		if (pc__ring_init(&w->in, QUEUE_LENGTH))
			break;
		if (pc__ring_init(&w->out, QUEUE_LENGTH)) {
			pc__ring_release(&w->in);
			break;
		}
		if (pthread_create(&w->thread, NULL, worker_main, w)) {
			pc__ring_release(&w->in);
			pc__ring_release(&w->out);
			break;
		}
		s.jobs++;
	}
	ends = s.jobs;
	if (s.jobs && !pthread_create(&walker, NULL, walker_main, &s)) {
		walker_started = 1;
		ends++;
	} else {
		/* No walker: tell the workers there is nothing, and wait. */
		for (unsigned i = 0; i < s.jobs; i++)
			pc__ring_put(&s.workers[i].in, NULL);
		t.failed = 1;
	}
	if (walker_started && opts->on_progress && !pthread_create(&counter, NULL, counter_main, &s))
		counter_started = 1;

	ret = drain(&s, ends, opts, &t, html, &e, &start);
	if (t.failed && !ret)
		ret = s.jobs ? fail(&e, PC_ENOMEM, NULL) : fail(&e, PC_ERROR, "cannot start a thread");
	t.summary->seconds = seconds_since(&start);
	if (t.summary->worst == PC_VERDICT_SHARE && (!t.summary->photos || t.summary->unjudged))
		t.summary->worst = PC_VERDICT_REVIEW;
	tell_progress(&s, opts, &t, &start);
	if (!ret && pick_blockers(&t, snap))
		ret = fail(&e, PC_ENOMEM, "out of memory");
	if (!ret && html) {
		char *why = NULL;
		ret = pc__html_finish(html, &why, t.summary);
		if (ret)
			ret = fail(&e, ret, why ? why : "out of memory");
		free(why);
	}
	/* Last, so that only a scan that ran to its end is logged; when the
	 * log fails, the photos were judged all the same. */
	int logged = 0;
	if (!ret && s.log)
		logged = write_log(&s, t.summary, started, &e);
	if (!ret) {
		*out = t.summary;
		t.summary = NULL;
		ret = logged;
	}
done:
	if (counter_started)
		pthread_join(counter, NULL);
	if (walker_started)
		pthread_join(walker, NULL);
	/* s.jobs counts the workers started, 0 while s.workers is NULL. */
	for (unsigned i = 0; i < s.jobs; i++) {
		/* NOLINTNEXTLINE(clang-analyzer-core.NullDereference) */
		pthread_join(s.workers[i].thread, NULL);
		pc__ring_release(&s.workers[i].in);
		pc__ring_release(&s.workers[i].out);
	}
	if (have_walker_out)
		pc__ring_release(&s.walker_out);
	if (have_results)
		sem_destroy(&s.results);
	pc__html_free(html);
	pc__scan_log_free(s.log);
	free(s.cwd);
	free(s.workers);
	free(t.blocks);
	pc_scan_summary_free(t.summary);
	/* The callback's own value is the caller's, not an error. */
	if (ret < 0)
		pc__error_copy(err, ret, e.message);
	return ret;
}
