#include "read/facts.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"
#include "base/text.h"

int pc__strvec_take(struct pc__strvec *sv, char *s)
{
	if (!s)
		return PC_ENOMEM;
	if (!*s) {
		free(s);
		return 0;
	}
	if (sv->n >= PC__FACTS_MAX_ITEMS) {
		free(s);
		return PC_ETOOBIG;
	}
	if (sv->n == sv->alloc) {
		size_t alloc = sv->alloc ? sv->alloc * 2 : 8;
		char **v = realloc(sv->v, alloc * sizeof(*v));
		if (!v) {
			free(s);
			return PC_ENOMEM;
		}
		sv->v = v;
		sv->alloc = alloc;
	}
	sv->v[sv->n++] = s;
	return 0;
}

void pc__strvec_release(struct pc__strvec *sv)
{
	if (!sv)
		return;
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	memset(sv, 0, sizeof(*sv));
}

void pc__facts_init(struct pc__facts *facts)
{
	memset(facts, 0, sizeof(*facts));
	facts->sidecar_from.regions = SIZE_MAX;
	facts->sidecar_from.persons_in_image = SIZE_MAX;
	for (int i = 0; i < PC__KW_COUNT; i++)
		facts->sidecar_from.keywords[i] = SIZE_MAX;
}

void pc__facts_mark_sidecar(struct pc__facts *facts)
{
	facts->sidecar_from.regions = facts->region_count;
	facts->sidecar_from.persons_in_image = facts->persons_in_image.n;
	for (int i = 0; i < PC__KW_COUNT; i++)
		facts->sidecar_from.keywords[i] = facts->keywords[i].n;
}

void pc__facts_release(struct pc__facts *facts)
{
	if (!facts)
		return;
	for (int i = 0; i < PC__KW_COUNT; i++)
		pc__strvec_release(&facts->keywords[i]);
	pc__strvec_release(&facts->persons_in_image);
	pc__strvec_release(&facts->events);
	for (size_t i = 0; i < facts->region_count; i++) {
		free(facts->regions[i].name);
		free(facts->regions[i].type);
	}
	free(facts->regions);
	for (int i = 0; i < PC__TEXT_COUNT; i++)
		free(facts->texts[i]);
	for (int i = 0; i < PC__DATE_COUNT; i++)
		free(facts->dates[i]);
	pc__strvec_release(&facts->errors);
	memset(facts, 0, sizeof(*facts));
}

int pc__facts_add_region(struct pc__facts *facts, struct pc__raw_region *region)
{
	int ret = PC_ENOMEM;
	if (facts->region_count >= PC__FACTS_MAX_ITEMS) {
		ret = PC_ETOOBIG;
		goto fail;
	}
	if (facts->region_count == facts->region_alloc) {
		size_t alloc = facts->region_alloc ? facts->region_alloc * 2 : 4;
		struct pc__raw_region *v = realloc(facts->regions, alloc * sizeof(*v));
		if (!v)
			goto fail;
		facts->regions = v;
		facts->region_alloc = alloc;
	}
	facts->regions[facts->region_count++] = *region;
	return 0;
fail:
	free(region->name);
	free(region->type);
	region->name = region->type = NULL;
	return ret;
}

static int set_once(char **slot, char *s)
{
	if (s && *s && !*slot)
		*slot = s;
	else
		free(s);
	return 0;
}

int pc__facts_set_text(struct pc__facts *facts, enum pc__textfield field, char *s)
{
	return set_once(&facts->texts[field], s);
}

int pc__facts_set_date(struct pc__facts *facts, enum pc__datefield field, char *s)
{
	return set_once(&facts->dates[field], s);
}

int pc__facts_error(struct pc__facts *facts, const char *fmt, ...)
{
	if (facts->errors.n >= PC__FACTS_MAX_ERRORS)
		return 0;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		return PC_ENOMEM;
	/* Through the text cleaner: a message cut at 512 bytes may have split a
	 * character, and errors are UTF-8 like every other string. */
	char *s = pc__text_from_utf8(msg, strlen(msg));
	if (!s)
		return PC_ENOMEM;
	return pc__strvec_take(&facts->errors, s) == PC_ENOMEM ? PC_ENOMEM : 0;
}
