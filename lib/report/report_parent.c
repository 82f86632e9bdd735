/*
 * report_parent.c: the parent view's reasons and warnings (report_parent.h).
 */
#include "report/report_parent.h"

#include <string.h>

#include "base/buf.h"

/*
 * Reasons that are about one child's record or flags: the parent view
 * counts them (pc_verdict_blocking) and never shows them one by one, nor
 * their codes, which would tell another family's choice.
 */
static int about_a_child(const char *code)
{
	static const char *const codes[] = {
		"no-photo", "pupil-left", "consent-refused", "consent-withdrawn",
		"consent-expired", "consent-none",
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		if (!strcmp(code, codes[i]))
			return 1;
	return 0;
}

/* The code a parent sees: the staff codes for a child named in the
 * photo's words say whether that child is no_photo, which is another
 * family's business, so both read the same. */
static const char *parent_code(const char *code)
{
	if (!strcmp(code, "no-photo-named") || !strcmp(code, "named-not-tagged"))
		return "named-in-photo";
	return code;
}

static const struct pc_reason *finding(const pc_verdict *v, size_t i, int warnings)
{
	return warnings ? pc_verdict_warning(v, i) : pc_verdict_reason(v, i);
}

/* Whether the parent_message of finding i was already given: the same
 * sentence for several children or faces is said once. */
static int said_before(const pc_verdict *v, size_t i, int warnings)
{
	const struct pc_reason *r = finding(v, i, warnings);
	for (size_t k = 0; k < i; k++) {
		const struct pc_reason *o = finding(v, k, warnings);
		if (!strcmp(o->code, r->code) &&
		    !strcmp(o->parent_message ? o->parent_message : "",
		            r->parent_message ? r->parent_message : ""))
			return 1;
	}
	return 0;
}

/* How many children the parent view says have not agreed: the verdict's
 * count when some reason is about a child; none when only the purpose
 * or the event stands in the way (then every child "blocks", but no
 * family said no). */
static size_t children_blocking(const pc_verdict *v)
{
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++)
		if (about_a_child(pc_verdict_reason(v, i)->code))
			return pc_verdict_blocking(v);
	return 0;
}

int pc__parent_reasons(const pc_verdict *v, pc__parent_fn fn, void *ctx)
{
	int ret = 0;
	size_t blocking = children_blocking(v);
	if (blocking) {
		struct pc__buf msg;
		pc__buf_init(&msg, 0);
		if (pc__buf_printf(&msg, "%zu %s in this photo %s not agreed to this use", blocking,
		                   blocking == 1 ? "child" : "children",
		                   blocking == 1 ? "has" : "have"))
			ret = PC_ENOMEM;
		else
			ret = fn(ctx, "not-agreed", msg.data);
		pc__buf_release(&msg);
	}
	for (size_t i = 0; i < pc_verdict_reason_count(v) && !ret; i++) {
		const struct pc_reason *r = pc_verdict_reason(v, i);
		if (about_a_child(r->code) || !r->parent_message || said_before(v, i, 0))
			continue;
		ret = fn(ctx, parent_code(r->code), r->parent_message);
	}
	return ret;
}

int pc__parent_warnings(const pc_verdict *v, pc__parent_fn fn, void *ctx)
{
	int ret = 0;
	for (size_t i = 0; i < pc_verdict_warning_count(v) && !ret; i++) {
		const struct pc_reason *r = pc_verdict_warning(v, i);
		if (!strcmp(r->code, "consent-expiring") || !r->parent_message ||
		    said_before(v, i, 1))
			continue;
		ret = fn(ctx, r->code, r->parent_message);
	}
	return ret;
}
