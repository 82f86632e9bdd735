/*
 * policy_purpose.c: what the purpose alone decides, before anything in
 * the photo is looked at.
 *
 * An always-denied purpose is denied even for a photo that cannot be read
 * (PRODUCT.md). The other stages still run, so that the verdict lists who
 * is pictured, but the verdict keeps none of what they find
 * (pc__verdict_combine): a list of refusals under a purpose that no
 * consent can allow would only distract from the one reason that matters.
 */
#include "judge/stage.h"

int pc__policy_always_denied(struct pc__judge *j)
{
	if (!pc_purpose_overrides_consent(j->purpose))
		return 0;
	return pc__verdict_add(j->v, PC__RANK_ALWAYS_DENIED, 1, "always-denied",
	                       "this use of photos is never allowed",
	                       "photos are never shared for %s: %s", j->purpose->description,
	                       pc__judge_policy(j));
}
