/* The words for a consent decision, as the database stores them and the
 * commands print them. */
#include <string.h>

#include "base/error.h"
#include "photoconsent/photoconsent.h"

static const struct {
	enum pc_decision decision;
	const char *name;
} names[] = {
	{ PC_DECISION_GRANTED, "granted" },
	{ PC_DECISION_REFUSED, "refused" },
	{ PC_DECISION_WITHDRAWN, "withdrawn" },
};

const char *pc_decision_name(enum pc_decision decision)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].decision == decision)
			return names[i].name;
	return NULL;
}

int pc_decision_from_name(enum pc_decision *out, const char *name)
{
	PC_ASSERT_ARG_CODE(out);
	PC_ASSERT_ARG_CODE(name);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!strcmp(names[i].name, name)) {
			*out = names[i].decision;
			return 0;
		}
	}
	return PC_EFORMAT;
}
