/*
 * policy.c: the judge: runs every stage over one photo, in the order of
 * the table below, then has the verdict combine what they found into
 * share, review or do-not-share.
 *
 * An always-denied purpose is decided before anything in the photo is
 * looked at (PRODUCT.md: an unreadable photo is still do-not-share for
 * it). The stages still run, so that the verdict lists who is pictured,
 * but nothing they find is kept: a list of refusals under a purpose that
 * no consent can allow would only distract from the one reason that
 * matters.
 */

#include "base/buf.h"
#include "judge/policy_internal.h"
#include "store/store_internal.h"

const char *pc__judge_policy(const struct pc__judge *j)
{
	return j->purpose->policy ? j->purpose->policy : "";
}

/* A photo that could not be read whole may name people the verdict never
 * saw: it is never shared on what was read. */
int pc__policy_reading(struct pc__judge *j)
{
	int ret = PC_ERROR;
	struct pc__buf errors;
	const char *what;

	pc__buf_init(&errors, 0);
	switch (pc_photo_status(j->photo)) {
	case PC_PHOTO_OK:
		ret = 0;
		goto done;
	case PC_PHOTO_DAMAGED:
		what = "some of the photo's metadata is damaged, so it may name people not "
		       "listed here";
		break;
	case PC_PHOTO_UNREADABLE:
		what = "the file is not a readable JPEG";
		break;
	default:
		what = "the file could not be opened";
		break;
	}
	for (size_t i = 0; i < pc_photo_error_count(j->photo); i++) {
		if ((i && pc__buf_puts(&errors, "; ")) ||
		    pc__buf_puts(&errors, pc_photo_error(j->photo, i)))
			goto done;
	}
	ret = pc__verdict_add(j->v, PC__RANK_UNREADABLE, 0, "unreadable",
	                      "the photo's details could not be read", "%s%s%s", what,
	                      errors.len ? ": " : "", errors.len ? errors.data : "");
done:
	pc__buf_release(&errors);
	return ret;
}

int pc__policy_gps(struct pc__judge *j)
{
	if (!pc_photo_has_gps(j->photo))
		return 0;
	return pc__verdict_add(j->v, PC__RANK_GPS, 0, "gps",
	                       "the photo records where it was taken",
	                       "the photo carries a GPS position: anyone who gets the file can "
	                       "see where it was taken");
}

int pc__policy_always_denied(struct pc__judge *j)
{
	if (!j->purpose->always_deny)
		return 0;
	return pc__verdict_add(j->v, PC__RANK_ALWAYS_DENIED, 1, "always-denied",
	                       "this use of photos is never allowed",
	                       "photos are never shared for %s: %s", j->purpose->description,
	                       pc__judge_policy(j));
}

/*
 * Every stage, in the order it runs. The order changes no verdict's
 * reasons (they are listed by rank), with one exception: the names stage
 * reads the persons that the people stage found, to tell a child tagged
 * from one only named.
 */
static const struct pc__stage stages[] = {
	{ "always-denied", pc__policy_always_denied },
	{ "event", pc__policy_event },
	{ "people", pc__policy_people },
	{ "names", pc__policy_names },
	{ "reading", pc__policy_reading },
	{ "gps", pc__policy_gps },
};

int pc_snapshot_judge(pc_verdict **out, const pc_snapshot *snap, const pc_photo *photo)
{
	int ret = PC_ERROR;
	struct pc_verdict *v = NULL;
	struct pc__judge j;

	*out = NULL;
	if (!snap || !photo)
		goto done;
	v = pc__verdict_new(pc_photo_path(photo) ? pc_photo_path(photo) : "", snap->purpose->id,
	                    snap->date);
	if (!v)
		goto done;
	j = (struct pc__judge){ snap, photo, snap->purpose, v->date, v };
	for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++)
		if ((ret = stages[i].run(&j)))
			goto done;
	if ((ret = pc__verdict_combine(v, j.purpose->always_deny)))
		goto done;
	*out = v;
	v = NULL;
	ret = 0;
done:
	pc_verdict_free(v);
	return ret;
}

/* One photo: a snapshot of its own. A caller judging many photos loads
 * one snapshot and judges them all against it. */
int pc_policy_judge(pc_verdict **out, pc_store *store, const pc_photo *photo,
                    const char *purpose_id, const char *date)
{
	pc_snapshot *snap = NULL;
	*out = NULL;
	if (!store || !photo)
		return PC_ERROR;
	int ret = pc_snapshot_load(&snap, store, purpose_id, date);
	if (ret == 0 && (ret = pc_snapshot_judge(out, snap, photo)))
		ret = pc__store_fail(store, ret, "out of memory");
	pc_snapshot_free(snap);
	return ret;
}
