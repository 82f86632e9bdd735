/*
 * audit.c: the audit log's row for one photo judged (audit.h), and a staff
 * check written to the log (pc_verdict_log, policy.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "judge/audit.h"
#include "base/error.h"
#include "base/path.h"
#include "read/photo.h"
#include "store/store_internal.h"

void pc__audit_time(char out[20], long long seconds)
{
	time_t t = (time_t)seconds;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		memcpy(out, "1970-01-01 00:00:00", 20);
}

/* Whether pupil `id` is among the first `n` of `ids`. */
static int listed(const char *const *ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ids[i], id))
			return 1;
	return 0;
}

int pc__audit_init(struct pc__audit *a, const pc_verdict *v, const pc_photo *photo,
                   const char *by)
{
	size_t reasons = pc_verdict_reason_count(v), warnings = pc_verdict_warning_count(v);
	size_t people = pc_verdict_person_count(v);

	memset(a, 0, sizeof(*a));
	pc__audit_time(a->at, (long long)time(NULL));
	errno = 0;
	a->file = pc__path_real(pc_photo_path(photo));
	/* Only a current folder that is gone leaves no absolute path: the
	 * name as given, which the log refuses, saying so. */
	if (!a->file && (errno == ENOMEM || !(a->file = strdup(pc_photo_path(photo)))))
		return PC_ENOMEM;
	a->lists = calloc(reasons + warnings + people + 1, sizeof(*a->lists));
	if (!a->lists)
		return PC_ENOMEM;

	struct pc_log_entry *e = &a->entry;
	e->at = a->at;
	e->by = by;
	e->command = "check";
	e->file = a->file;
	e->purpose_id = pc_verdict_purpose(v);
	e->on = pc_verdict_date(v);
	e->verdict = pc_verdict_kind_name(pc_verdict_kind(v));
	e->size = photo->size;
	if (photo->size >= 0) {
		pc__audit_time(a->mtime, photo->mtime);
		e->mtime = a->mtime;
	}
	const char **at = a->lists;
	e->reasons = at;
	for (size_t i = 0; i < reasons; i++)
		at[e->reason_count++] = pc_verdict_reason(v, i)->code;
	at += e->reason_count;
	e->warnings = at;
	for (size_t i = 0; i < warnings; i++)
		at[e->warning_count++] = pc_verdict_warning(v, i)->code;
	at += e->warning_count;
	e->pupils = at;
	for (size_t i = 0; i < people; i++) {
		const char *id = pc_verdict_person(v, i)->pupil_id;
		if (id && !listed(e->pupils, e->pupil_count, id))
			at[e->pupil_count++] = id;
	}
	return 0;
}

void pc__audit_release(struct pc__audit *a)
{
	if (!a)
		return;
	free(a->file);
	free(a->lists);
	memset(a, 0, sizeof(*a));
}

int pc_verdict_log(pc_store *store, const pc_verdict *verdict, const pc_photo *photo,
                   const char *by, struct pc_error *err)
{
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, verdict);
	PC_ASSERT_ARG(err, photo);
	PC_ASSERT_ARG(err, by);
	struct pc__audit a;
	int ret = pc__audit_init(&a, verdict, photo, by);
	if (ret)
		ret = pc__store_fail(store, ret, "cannot add to the audit log: %s", pc_strerror(ret));
	else
		ret = pc_store_log_add(store, &a.entry, NULL);
	pc__audit_release(&a);
	return pc__store_result(store, ret, err);
}
