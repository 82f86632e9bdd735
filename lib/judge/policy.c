/*
 * policy.c: the judge: runs every stage over one photo, in the order of
 * the table below, then has the verdict combine what they found into
 * share, review or do-not-share. It is the hub of lib/judge (stage.h):
 * it calls the stages, the verdict and the snapshot, and none of them
 * calls it.
 */
#include "base/error.h"
#include "judge/stage.h"

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
	int ret = PC_ENOMEM;
	struct pc_verdict *v = NULL;
	struct pc__judge j;

	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(snap);
	PC_ASSERT_ARG_CODE(photo);
	v = pc__verdict_new(pc_photo_path(photo) ? pc_photo_path(photo) : "", snap->purpose->id,
	                    snap->date);
	if (!v)
		goto done;
	j = (struct pc__judge){ snap, photo, snap->purpose, v->date, v };
	for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); i++)
		if ((ret = stages[i].run(&j)))
			goto done;
	if ((ret = pc__verdict_combine(v, pc_purpose_overrides_consent(j.purpose))))
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
                    const char *purpose_id, const char *date, struct pc_error *err)
{
	pc_snapshot *snap = NULL;
	PC_ASSERT_ARG(err, out);
	*out = NULL;
	PC_ASSERT_ARG(err, store);
	PC_ASSERT_ARG(err, photo);
	int ret = pc_snapshot_load(&snap, store, purpose_id, date, err);
	if (ret == 0 && (ret = pc_snapshot_judge(out, snap, photo)))
		pc__error_copy(err, ret, NULL);
	pc_snapshot_free(snap);
	return ret;
}
