/* What the library says about itself, and the names it gives things. */
#include <stdlib.h>

#include "photoconsent/photoconsent.h"

const char *pc_version(void)
{
	return PC_VERSION;
}

void pc_free(void *ptr)
{
	free(ptr);
}

const char *pc_source_name(unsigned source)
{
	switch (source) {
	case PC_SOURCE_MWG_REGION: return "mwg-region";
	case PC_SOURCE_MP_REGION: return "mp-region";
	case PC_SOURCE_PERSON_IN_IMAGE: return "person-in-image";
	case PC_SOURCE_XMP_KEYWORD: return "xmp-keyword";
	case PC_SOURCE_DIGIKAM_TAG: return "digikam-tag";
	case PC_SOURCE_LR_HIERARCHICAL: return "lr-hierarchical";
	case PC_SOURCE_MS_KEYWORD: return "ms-keyword";
	case PC_SOURCE_IPTC_KEYWORD: return "iptc-keyword";
	case PC_SOURCE_XP_KEYWORDS: return "xp-keywords";
	case PC_SOURCE_OTHER_KEYWORD: return "other-keyword";
	default: return NULL;
	}
}
