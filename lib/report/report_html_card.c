/* The contact sheet's cards (report_html_card.h).
 *
 * A card is made from the verdict's public accessors only, with no state
 * but its own buffer, so that workers make cards at once. The parent view
 * tells what every parent report tells (report_parent.h): the verdict, how
 * many children are pictured and how many of them have not agreed, the
 * reasons and warnings about the photo in their parent messages; nothing
 * about one child, not even in an attribute. */
#include <stdlib.h>
#include <string.h>

#include "photoconsent/photoconsent.h"
#include "report/html_escape.h"
#include "report/report_html_card.h"
#include "report/report_parent.h"
#include "base/text.h"

/* People named on a card before the rest fold away under "N more". */
#define PEOPLE_SHOWN 6

/* ------------------------------------------------------------ the card */

/* How each verdict looks: its slug (data-verdict), icon and words. */
struct look {
	const char *slug, *icon, *label;
};

static struct look look_of(const pc_verdict *v, int unreadable)
{
	static const char *const icons[] = { "\xE2\x9C\x93", "\xE2\x9C\x95", "?" }; /* ✓ ✕ */
	static const char *const labels[] = { "Share", "Do not share", "Review" };
	enum pc_verdict_kind k = pc_verdict_kind(v);
	struct look l = { "unreadable", "!", "Unreadable" };
	if (!unreadable && (unsigned)k < 3) {
		l.slug = pc_verdict_kind_name(k);
		l.icon = icons[k];
		l.label = labels[k];
	}
	return l;
}

/* A data URI of an image, and nothing that a browser would fetch. */
static int is_data_image(const char *s)
{
	static const char safe[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                           "0123456789+/=;,:.-_";
	return !strncmp(s, "data:image/", 11) && s[11 + strspn(s + 11, safe)] == '\0';
}

static int has_reason(const pc_verdict *v, const char *code)
{
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++)
		if (!strcmp(pc_verdict_reason(v, i)->code, code))
			return 1;
	return 0;
}

/* What a consent state reads as beside a name; as report_check.c. */
static const char *consent_words(enum pc_person_consent consent)
{
	if (consent == PC_PERSON_CONSENT_NONE)
		return "no consent";
	return consent == PC_PERSON_CONSENT_NO_PHOTO ? "no_photo" : pc_person_consent_name(consent);
}

static int is_unsure(const struct pc_judged_person *p)
{
	return !p->tag || p->match == PC_PERSON_AMBIGUOUS || p->match == PC_PERSON_UNKNOWN;
}

/* What the card says of a person beside the name: a pupil's consent
 * (NULL when `consent` is 0: an always denied purpose, where nobody's
 * consent counts), or why the tool is not sure of them. */
static const char *state_words(const struct pc_judged_person *p, int consent)
{
	if (!p->tag)
		return "not tagged";
	if (!is_unsure(p))
		return consent ? consent_words(p->consent) : NULL;
	return p->match == PC_PERSON_AMBIGUOUS ? "several pupils" : "no such pupil";
}

/* ------------------------------------------------------------ the preview */

/* `prop` set to `v` (a fraction) as a percentage, "left:12.345%;": in
 * whole numbers, so that no locale's decimal comma reaches the page. */
static void percent(struct pc__html_out *o, const char *prop, double v)
{
	long m = v > 0 ? (long)(v * 100000.0 + 0.5) : 0; /* thousandths of a percent */
	if (m > 100000)
		m = 100000;
	pc__html_rawf(o, "%s:%ld.%03ld%%;", prop, m / 1000, m % 1000);
}

/* The face boxes, in percentages of the frame, which has the preview's
 * shape. A region is a fraction of the displayed image (region.h: MWG
 * areas and MP rectangles already mapped through the EXIF orientation,
 * as inspect reports them) and the preview is that image turned upright
 * (thumb.h), so the box needs no turning here: turning it again would
 * put it where the face is in the stored pixels. Red (b-no, solid) for a
 * pupil who blocks, amber (b-unsure, dashed) for a face or a tag the
 * tool is not sure of, a thin light line (b-ok) for a pupil who is fine:
 * the line says it as well as the colour. */
static void boxes(struct pc__html_out *o, const pc_verdict *v, int consent)
{
	for (size_t i = 0; i < pc_verdict_person_count(v); i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		if (!p->has_region)
			continue;
		pc__html_rawf(o, "<span class=\"box %s\" aria-hidden=\"true\" style=\"",
		              p->blocks ? "b-no" : is_unsure(p) ? "b-unsure" : "b-ok");
		percent(o, "left", p->x);
		percent(o, "top", p->y);
		percent(o, "width", p->w);
		percent(o, "height", p->h);
		const char *name = p->pupil_name ? p->pupil_name : p->tag;
		const char *words = state_words(p, consent);
		pc__html_with(o, "\" title=\"%s", name ? name : "unnamed face");
		if (words)
			pc__html_with(o, " \xE2\x80\x94 %s", words);
		pc__html_raw(o, "\"></span>");
	}
}

/* The preview in its 4:3 box; inside it, centred, a frame of the
 * preview's own shape that holds the image and (staff) the face boxes. A
 * preview of unknown size is only fitted into the box, with no boxes:
 * there is nothing to place them on. */
static void preview(struct pc__html_out *o, const char *base, const pc_verdict *v,
                    enum pc_view view, const struct pc__html_card_info *in)
{
	const char *thumb = in->thumb, *why = in->thumb_error;
	unsigned w = in->thumb_w, h = in->thumb_h;
	if (thumb && is_data_image(thumb)) {
		if (w && h) {
			/* Wider than 4:3: the whole width; else the whole height. */
			double fw = 1, fh = 1;
			if ((unsigned long long)w * 3 >= (unsigned long long)h * 4)
				fh = (double)h * 4 / (3.0 * w);
			else
				fw = (double)w * 3 / (4.0 * h);
			pc__html_raw(o, "<div class=\"thumb\"><div class=\"frame\" style=\"");
			percent(o, "left", (1 - fw) / 2);
			percent(o, "top", (1 - fh) / 2);
			percent(o, "width", fw);
			percent(o, "height", fh);
			pc__html_raw(o, "\">");
		} else {
			pc__html_raw(o, "<div class=\"thumb\"><div class=\"frame fit\">");
		}
		pc__html_with(o, "<img src=\"%s\"", thumb);
		pc__html_with(o, " alt=\"preview of %s\">", base);
		if (w && h && view != PC_VIEW_PARENT)
			boxes(o, v, !has_reason(v, "always-denied"));
		pc__html_raw(o, "</div></div>\n");
		return;
	}
	if (thumb)
		why = "the preview is not an embedded image";
	pc__html_raw(o, "<div class=\"thumb\"><p><b>No preview</b>");
	if (why && *why)
		pc__html_with(o, " %s", why);
	pc__html_raw(o, "</p></div>\n");
}

/* ------------------------------------------------------------ the parent view */

static int parent_item(void *ctx, const char *code, const char *message)
{
	struct pc__html_out *items = ctx;
	(void)code;
	pc__html_with(items, "<li>%s</li>\n", message);
	return items->err;
}

/* The parent's reasons or warnings, as report_parent.h gives them, in a
 * list that `ul` opens; nothing when there are none. */
static void parent_list(struct pc__html_out *o, const pc_verdict *v, int warnings,
                        const char *ul)
{
	struct pc__html_out items = { { NULL, 0, 0, 0 }, 0 };
	int ret = warnings ? pc__parent_warnings(v, parent_item, &items)
	                   : pc__parent_reasons(v, parent_item, &items);
	if (ret && !o->err)
		o->err = ret;
	if (items.b.len) {
		pc__html_raw(o, ul);
		pc__html_raw(o, items.b.data);
		pc__html_raw(o, "</ul>\n");
	}
	pc__buf_release(&items.b);
}

/* What `check --as parent` says: the verdict for a parent, how many
 * children are pictured, the reasons (the children who have not agreed
 * as one count), and the warnings about the photo. */
static void parent_body(struct pc__html_out *o, const pc_verdict *v)
{
	size_t children = pc_verdict_children(v);
	enum pc_verdict_kind k = pc_verdict_kind(v);
	if (k == PC_VERDICT_SHARE)
		pc__html_raw(o, "<p class=\"lead\">You may post this photo.</p>\n");
	else if (k == PC_VERDICT_REVIEW)
		pc__html_raw(o, "<p class=\"lead\">Ask the school before you post this photo."
		             "</p>\n");
	if (children)
		pc__html_rawf(o, "<p class=\"count\">%zu %s pictured</p>\n", children,
		              pc__html_plural(children, "child", "children"));
	parent_list(o, v, 0, "<ul class=\"reasons\">\n");
	parent_list(o, v, 1, "<ul class=\"warnings\" aria-label=\"warnings\">\n");
}

/* ------------------------------------------------------------ the staff view */

static const char *class_of(const struct pc__html_card_info *in,
                            const struct pc_judged_person *p)
{
	return in->class_of && p->pupil_id ? in->class_of(in->class_ctx, p->pupil_id) : NULL;
}

/* "Katie Smith → Katherine Smith Year 3 — granted",
 * "Grace Hall — no such pupil". */
static void person(struct pc__html_out *o, const struct pc_judged_person *p, int consent,
                   const char *class_name)
{
	const char *name = p->pupil_name ? p->pupil_name : p->tag;
	const char *words = state_words(p, consent);
	pc__html_raw(o, "<li>");
	if (!is_unsure(p) && p->tag && name && strcmp(p->tag, name))
		pc__html_with(o, "<span class=\"tag\">%s \xE2\x86\x92</span> ", p->tag);
	pc__html_with(o, "<b>%s</b>", name);
	if (class_name && *class_name)
		pc__html_with(o, " <span class=\"class\">%s</span>", class_name);
	if (words)
		pc__html_rawf(o, " \xE2\x80\x94 <span class=\"consent %s\">%s</span>",
		              p->blocks ? "c-no" : is_unsure(p) ? "c-unsure" : "c-ok", words);
	pc__html_raw(o, "</li>\n");
}

/* Counts the lines of the people list, and folds the rest away after
 * PEOPLE_SHOWN of them. */
static void next_line(struct pc__html_out *o, size_t *shown, size_t lines)
{
	if ((*shown)++ == PEOPLE_SHOWN)
		pc__html_rawf(o, "</ul>\n<details class=\"more\"><summary>%zu more</summary>"
		              "<ul class=\"people\">\n", lines - PEOPLE_SHOWN);
}

/* Who is pictured: those who block first, then those the tool is not sure
 * of (unnamed faces as one line), then the rest. */
static void people(struct pc__html_out *o, const pc_verdict *v,
                   const struct pc__html_card_info *in)
{
	size_t n = pc_verdict_person_count(v), unnamed = 0, shown = 0;
	int consent = !has_reason(v, "always-denied");
	for (size_t i = 0; i < n; i++)
		unnamed += !pc_verdict_person(v, i)->tag;
	if (!n)
		return;
	size_t lines = n - unnamed + (unnamed > 0);
	pc__html_raw(o, "<ul class=\"people\" aria-label=\"people\">\n");
	for (int rank = 0; rank < 3; rank++) {
		for (size_t i = 0; i < n; i++) {
			const struct pc_judged_person *p = pc_verdict_person(v, i);
			if (!p->tag || (p->blocks ? 0 : is_unsure(p) ? 1 : 2) != rank)
				continue;
			next_line(o, &shown, lines);
			person(o, p, consent, class_of(in, p));
		}
		if (rank == 1 && unnamed) {
			next_line(o, &shown, lines);
			pc__html_rawf(o, "<li><b>%zu unnamed %s</b> \xE2\x80\x94 <span "
			              "class=\"consent c-unsure\">not tagged</span></li>\n",
			              unnamed, pc__html_plural(unnamed, "face", "faces"));
		}
	}
	pc__html_raw(o, shown > PEOPLE_SHOWN ? "</ul></details>\n" : "</ul>\n");
}

static void staff_body(struct pc__html_out *o, const pc_verdict *v,
                       const struct pc__html_card_info *in)
{
	if (pc_verdict_event_id(v)) {
		const char *name = pc_verdict_event_name(v);
		pc__html_with(o, "<p class=\"event\">%s", name ? name : pc_verdict_event_id(v));
		const char *by = pc_verdict_event_matched_by(v);
		pc__html_raw(o, by && !strcmp(by, "date") ? " (by the date taken)</p>\n"
		                                          : "</p>\n");
	}
	size_t n = pc_verdict_reason_count(v);
	pc__html_raw(o, n ? "<ul class=\"reasons\">\n" : "");
	for (size_t i = 0; i < n; i++)
		pc__html_with(o, "<li>%s</li>\n", pc_verdict_reason(v, i)->message);
	pc__html_raw(o, n ? "</ul>\n" : "");
	people(o, v, in);
	n = pc_verdict_warning_count(v);
	pc__html_raw(o, n ? "<ul class=\"warnings\" aria-label=\"warnings\">\n" : "");
	for (size_t i = 0; i < n; i++)
		pc__html_with(o, "<li>%s</li>\n", pc_verdict_warning(v, i)->message);
	pc__html_raw(o, n ? "</ul>\n" : "");
}

/* ------------------------------------------------------------ search and link */

/* One field of data-search: a line of its own, escaped. */
static void search_field(struct pc__html_out *o, const char *s)
{
	if (!s || !*s)
		return;
	pc__html_raw(o, "&#10;");
	pc__html_esc(o, s);
}

static int search_item(void *ctx, const char *code, const char *message)
{
	struct pc__html_out *o = ctx;
	(void)code;
	search_field(o, message);
	return o->err;
}

/* The attribute the search box looks in: what the card shows that a
 * person would look for. Staff: the file, the event, each person's tag,
 * pupil name, id and class, the reasons and warnings. Parent: the file
 * and the parent messages, which name no child; nothing else. */
static void search_text(struct pc__html_out *o, const pc_verdict *v, enum pc_view view,
                        const char *file, const struct pc__html_card_info *in)
{
	pc__html_with(o, " data-search=\"%s", file);
	if (view == PC_VIEW_PARENT) {
		int ret = pc__parent_reasons(v, search_item, o);
		ret = ret ? ret : pc__parent_warnings(v, search_item, o);
		if (ret && !o->err)
			o->err = ret;
		pc__html_raw(o, "\"");
		return;
	}
	search_field(o, pc_verdict_event_name(v) ? pc_verdict_event_name(v)
	                                         : pc_verdict_event_id(v));
	for (size_t i = 0; i < pc_verdict_person_count(v); i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		if (!p->tag)
			continue;
		search_field(o, p->tag);
		if (p->pupil_name && strcmp(p->pupil_name, p->tag))
			search_field(o, p->pupil_name);
		search_field(o, p->pupil_id);
		search_field(o, class_of(in, p));
	}
	for (size_t i = 0; i < pc_verdict_reason_count(v); i++)
		search_field(o, pc_verdict_reason(v, i)->message);
	for (size_t i = 0; i < pc_verdict_warning_count(v); i++)
		search_field(o, pc_verdict_warning(v, i)->message);
	pc__html_raw(o, "\"");
}

/* Appends `s` percent-encoded as a URL's path (RFC 3986): every byte but
 * the unreserved characters and '/' as %XX, so that a space, '#', '?',
 * '%', a quote, a control character or a byte that is not UTF-8 names
 * exactly the byte it is. */
static int url_path(struct pc__buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	int err = 0;
	for (size_t i = 0; i < len && !err; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			err = pc__buf_putc(b, (char)c);
		} else {
			char esc[3] = { '%', hex[c >> 4], hex[c & 15] };
			err = pc__buf_append(b, esc, 3);
		}
	}
	return err;
}

/* The file's name, as a link to the original: file:// and its absolute
 * path, `cwd` before a relative one. Without an absolute path to give,
 * only the name. */
static void file_link(struct pc__html_out *o, const char *file, const char *base,
                      const char *cwd)
{
	struct pc__buf url;
	pc__buf_init(&url, 0);
	if (file[0] != '/' && !(cwd && cwd[0] == '/')) {
		pc__html_esc(o, base);
		return;
	}
	int err = pc__buf_puts(&url, "file://");
	if (!err && file[0] != '/') {
		size_t len = strlen(cwd);
		while (len > 1 && cwd[len - 1] == '/')
			len--;
		err = url_path(&url, cwd, len);
		err = err ? err : len > 1 ? pc__buf_putc(&url, '/') : 0;
	}
	err = err ? err : url_path(&url, file, strlen(file));
	if (err && !o->err)
		o->err = err;
	/* Escaped all the same, though a URL so made has nothing to escape. */
	pc__html_with(o, "<a href=\"%s\">", err ? "" : url.data);
	pc__html_esc(o, base);
	pc__html_raw(o, "</a>");
	pc__buf_release(&url);
}

int pc__html_card(char **out, const pc_verdict *verdict, enum pc_view view,
                  const struct pc__html_card_info *info)
{
	static const struct pc__html_card_info none;
	const struct pc__html_card_info *in = info ? info : &none;
	struct pc__html_out o = { { NULL, 0, 0, 0 }, 0 };
	const char *file = pc_verdict_file(verdict) ? pc_verdict_file(verdict) : "";
	const char *slash = strrchr(file, '/');
	const char *base = slash && slash[1] ? slash + 1 : file;
	struct look l = look_of(verdict, in->unreadable);

	*out = NULL;
	pc__html_rawf(&o, "<article class=\"card\" data-verdict=\"%s\"", l.slug);
	pc__html_with(&o, " data-file=\"%s\"", file);
	search_text(&o, verdict, view, file, in);
	pc__html_raw(&o, ">\n");
	preview(&o, base, verdict, view, in);
	pc__html_rawf(&o, "<p class=\"badge\"><span class=\"icon\" aria-hidden=\"true\">%s"
	              "</span>%s", l.icon, l.label);
	/* What to do with it all the same: review, or (an always denied
	 * purpose) do not share. */
	if (in->unreadable)
		pc__html_rawf(&o, " <small>(%s)</small>",
		              pc_verdict_kind(verdict) == PC_VERDICT_DO_NOT_SHARE ? "do not share"
		                                                                  : "review");
	pc__html_raw(&o, "</p>\n<h3 class=\"file\">");
	file_link(&o, file, base, in->cwd);
	if (base != file) {
		char *dir = strndup(file, (size_t)(base - file));
		o.err = o.err ? o.err : dir ? 0 : PC_ENOMEM;
		pc__html_with(&o, " <span class=\"dir\">%s</span>", dir);
		free(dir);
	}
	pc__html_raw(&o, "</h3>\n");
	if (view == PC_VIEW_PARENT)
		parent_body(&o, verdict);
	else
		staff_body(&o, verdict, in);
	pc__html_raw(&o, "</article>\n");
	if (!o.err && (*out = pc__buf_detach(&o.b)))
		return 0;
	pc__buf_release(&o.b);
	return PC_ENOMEM;
}
