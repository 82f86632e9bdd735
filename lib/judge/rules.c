/* Rules of the verdict that a caller needs without judging a photo: what
 * a check is for when it does not say, and when consent does not count. */
#include "photoconsent/photoconsent.h"

const char *pc_view_default_purpose(enum pc_view view)
{
	switch (view) {
	case PC_VIEW_STAFF: return "website";
	case PC_VIEW_PARENT: return "parent-social";
	}
	return NULL;
}

int pc_purpose_overrides_consent(const struct pc_purpose *purpose)
{
	return purpose && purpose->always_deny;
}
