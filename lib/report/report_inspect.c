/* The reports of `photoconsent inspect`: a JSON line per photo for scripts,
 * a few aligned lines per photo for people. */
#include <stdlib.h>

#include "base/error.h"
#include "base/buf.h"
#include "base/text.h"
#include "base/json.h"
#include "photoconsent/photoconsent.h"

int pc_report_inspect_json(char **out, const pc_photo *photo)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(photo);
	struct pc__buf b;
	pc__buf_init(&b, 0);
	int err = pc__buf_puts(&b, "{\"file\": ");
	err = err ? err : pc__json_string(&b, pc_photo_path(photo));
	err = err ? err : pc__buf_puts(&b, ", \"people\": [");
	for (size_t i = 0; i < pc_photo_person_count(photo) && !err; i++) {
		const struct pc_person *p = pc_photo_person(photo, i);
		err = pc__buf_puts(&b, i ? ", {\"name\": " : "{\"name\": ");
		err = err ? err : pc__json_string(&b, p->name);
		err = err ? err : pc__buf_puts(&b, ", \"sources\": ");
		err = err ? err : pc__json_sources(&b, p->sources);
		err = err ? err : pc__buf_puts(&b, ", \"region\": ");
		err = err ? err : pc__json_region(&b, p->has_region ? &p->region : NULL);
		err = err ? err : pc__buf_putc(&b, '}');
	}
	err = err ? err : pc__buf_puts(&b, "], \"events\": [");
	for (size_t i = 0; i < pc_photo_event_count(photo) && !err; i++) {
		err = i ? pc__buf_puts(&b, ", ") : 0;
		err = err ? err : pc__json_string(&b, pc_photo_event(photo, i));
	}
	err = err ? err : pc__buf_puts(&b, "], \"keywords\": [");
	for (size_t i = 0; i < pc_photo_keyword_count(photo) && !err; i++) {
		err = i ? pc__buf_puts(&b, ", ") : 0;
		err = err ? err : pc__json_string(&b, pc_photo_keyword(photo, i)->text);
	}
	err = err ? err : pc__buf_puts(&b, "], \"taken\": ");
	err = err ? err : pc__json_string(&b, pc_photo_taken(photo));
	err = err ? err : pc__buf_puts(&b, pc_photo_has_gps(photo) ? ", \"gps\": true"
	                                                             : ", \"gps\": false");
	err = err ? err : pc__buf_puts(&b, ", \"caption\": ");
	err = err ? err : pc__json_string(&b, pc_photo_caption(photo));
	err = err ? err : pc__buf_puts(&b, ", \"errors\": [");
	for (size_t i = 0; i < pc_photo_error_count(photo) && !err; i++) {
		err = i ? pc__buf_puts(&b, ", ") : 0;
		err = err ? err : pc__json_string(&b, pc_photo_error(photo, i));
	}
	err = err ? err : pc__buf_puts(&b, "]}\n");
	return pc__buf_finish(out, &b, err);
}

static int text_sources(struct pc__buf *b, unsigned sources)
{
	int err = 0, first = 1;
	for (int i = 0; i < PC_SOURCE_COUNT && !err; i++) {
		unsigned bit = 1u << i;
		if (!(sources & bit))
			continue;
		err = pc__buf_puts(b, first ? "" : ", ");
		first = 0;
		err = err ? err : pc__buf_puts(b, pc_source_name(bit));
	}
	return err;
}

/* One label column, so a person's eye runs down the values. */
#define LABEL "  %-9s "
#define CONT  "            "
/* Up to this many unnamed faces are listed one by one, with their boxes;
 * a crowd of them is one line. */
#define UNNAMED_LISTED 3

/* A value under a label, or under the previous one when `label` is NULL;
 * the value as a terminal may be given it (pc__buf_put_printable). */
static int labelled(struct pc__buf *b, const char *label, const char *value)
{
	int err = label ? pc__buf_printf(b, LABEL, label) : pc__buf_puts(b, CONT);
	err = err ? err : pc__buf_put_printable(b, value);
	return err ? err : pc__buf_putc(b, '\n');
}

static int text_person(struct pc__buf *b, const struct pc_person *p, int first)
{
	int err = first ? pc__buf_printf(b, LABEL, "people:") : pc__buf_puts(b, CONT);
	err = err ? err : pc__buf_put_printable(b, p->name ? p->name : "(unnamed face)");
	err = err ? err : pc__buf_puts(b, "  [");
	err = err ? err : text_sources(b, p->sources);
	err = err ? err : pc__buf_putc(b, ']');
	if (p->has_region && !err)
		err = pc__buf_printf(b, "  face at x=%.2f y=%.2f w=%.2f h=%.2f",
		                     p->region.x, p->region.y, p->region.w, p->region.h);
	return err ? err : pc__buf_putc(b, '\n');
}

static int text_people(struct pc__buf *b, const pc_photo *photo)
{
	size_t n = pc_photo_person_count(photo), unnamed = 0, shown = 0;
	int err = 0;
	for (size_t i = 0; i < n; i++)
		unnamed += !pc_photo_person(photo, i)->name;
	if (!n)
		return labelled(b, "people:", "none tagged");
	for (size_t i = 0; i < n && !err; i++) {
		const struct pc_person *p = pc_photo_person(photo, i);
		if (!p->name && unnamed > UNNAMED_LISTED)
			continue;
		err = text_person(b, p, !shown++);
	}
	if (unnamed > UNNAMED_LISTED && !err)
		err = pc__buf_printf(b, "%s%zu unnamed faces (--json lists their boxes)\n",
		                     shown ? CONT : "  people:   ", unnamed);
	return err;
}

int pc_report_inspect_text(char **out, const pc_photo *photo)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(photo);
	struct pc__buf b;
	pc__buf_init(&b, 0);
	/* Every string below came from the file or its name. */
	int err = pc__buf_put_printable(&b, pc_photo_path(photo));
	err = err ? err : pc__buf_putc(&b, '\n');
	err = err ? err : text_people(&b, photo);
	for (size_t i = 0; i < pc_photo_event_count(photo) && !err; i++)
		err = labelled(&b, i ? NULL : "event:", pc_photo_event(photo, i));
	if (pc_photo_keyword_count(photo) && !err) {
		err = pc__buf_printf(&b, LABEL, "keywords:");
		for (size_t i = 0; i < pc_photo_keyword_count(photo) && !err; i++) {
			err = i ? pc__buf_puts(&b, "; ") : 0;
			err = err ? err : pc__buf_put_printable(&b, pc_photo_keyword(photo, i)->text);
		}
		err = err ? err : pc__buf_putc(&b, '\n');
	}
	if (!err)
		err = labelled(&b, "taken:", pc_photo_taken(photo) ? pc_photo_taken(photo) : "unknown");
	if (!err && pc_photo_has_gps(photo))
		err = labelled(&b, "gps:", "position present");
	if (!err && pc_photo_caption(photo))
		err = pc__buf_printf(&b, LABEL "\"", "caption:") ||
		      pc__buf_put_printable(&b, pc_photo_caption(photo)) || pc__buf_puts(&b, "\"\n");
	for (size_t i = 0; i < pc_photo_error_count(photo) && !err; i++)
		err = labelled(&b, i ? NULL : "problem:", pc_photo_error(photo, i));
	return pc__buf_finish(out, &b, err);
}
