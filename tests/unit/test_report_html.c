/*
 * test_report_html.c: the contact sheet. Cards are made from real
 * verdicts: the sample photos judged against the demo class list
 * (consent-db/demo.csv, imported into a database in a temporary folder)
 * on 2026-11-26, as the end-to-end tests judge them. Then what a user
 * relies on: the card's verdict and badge, names in the staff view and
 * none in the parent view, hostile file names and tags escaped, and a
 * report file that is whole, self-contained, replaced at once, and leaves
 * no temporary file behind whatever happens.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"
#include "report/report_html.h"
#include "report/report_html_internal.h"
#include "report/scan_summary.h"
#include "base/text.h"
#include "test_store.h"
#include "store/store_internal.h"

#define ON "2026-11-26"

static char dir[64];   /* the test's folder: the database, copies of photos */
static char out[128];  /* dir/out: where reports are written, nothing else */
static pc_store *store;

static void setup(void)
{
	char db[128];
	struct pc_import_report *report = NULL;
	snprintf(dir, sizeof(dir), "%s/pc-html-XXXXXX", scratch_root());
	cr_assert_not_null(mkdtemp(dir), "cannot make a temporary folder");
	snprintf(out, sizeof(out), "%s/out", dir);
	cr_assert_eq(mkdir(out, 0755), 0);
	snprintf(db, sizeof(db), "%s/consent.db", dir);
	int ret = pc_store_open(&store, db, PC_STORE_CREATE, &test_err);
	cr_assert_eq(ret, 0, "creating the database: %s", test_err.message);
	ret = pc_store_import_csv(&report, store, "consent-db/demo.csv", NULL, &test_err);
	cr_assert_eq(ret, 0, "importing demo.csv: %s", test_err.message);
	pc_import_report_free(report);
	const char *tags[] = { "Sports Day 2026" };
	struct pc_event e = { "sports-day-2026", "Sports Day 2026", "2026-07-03", "2026-07-03",
	                      tags, 1, NULL, 0, NULL };
	cr_assert_eq(pc_store_event_add(store, &e, "test", &test_err), 0, "%s", test_err.message);
	const char *nativity_tags[] = { "Nativity Play 2025" };
	struct pc_event nativity = { "nativity-2025", "Nativity Play 2025", "2025-12-10",
	                             "2025-12-11", nativity_tags, 1, NULL, 0, NULL };
	cr_assert_eq(pc_store_event_add(store, &nativity, "test", &test_err), 0, "%s", test_err.message);
}

static void teardown(void)
{
	char cmd[200];
	pc_store_free(store);
	store = NULL;
	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
	/* NOLINTNEXTLINE(cert-env33-c): a fixed command on the test's own temporary folder */
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

TestSuite(report_html, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static pc_verdict *judge(const char *path, const char *purpose)
{
	pc_photo *photo = NULL;
	pc_verdict *v = NULL;
	cr_assert_eq(pc_photo_read(&photo, path, NULL), 0, "reading %s", path);
	struct pc_error err = PC_ERROR_INIT;
	int ret = pc_policy_judge(&v, store, photo, purpose, ON, &err);
	cr_assert_eq(ret, 0, "judging %s: %s", path, err.message);
	pc_photo_free(photo);
	return v;
}

static char *card_with(const pc_verdict *v, enum pc_view view,
                       const struct pc__html_card_info *info)
{
	char *c = NULL;
	cr_assert_eq(pc__html_card(&c, v, view, info), 0);
	cr_assert_not_null(c);
	return c;
}

static char *card(const pc_verdict *v, enum pc_view view, int unreadable, const char *thumb,
                  const char *why)
{
	struct pc__html_card_info info = { .unreadable = unreadable, .thumb = thumb,
	                                   .thumb_error = why };
	return card_with(v, view, &info);
}

/* Whether `needle` is in `hay`, ignoring ASCII case. */
static int has_word(const char *hay, const char *needle)
{
	for (size_t len = strlen(needle); *hay; hay++)
		if (!strncasecmp(hay, needle, len))
			return 1;
	return 0;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The badge's words, without its icon or tags (static: one at a time). */
static const char *badge(const char *c)
{
	static char text[200];
	const char *p = strstr(c, "<p class=\"badge\">");
	cr_assert_not_null(p, "no badge in %s", c);
	p = strstr(p, "</span>");
	cr_assert_not_null(p);
	p += strlen("</span>");
	size_t n = 0;
	for (int in_tag = 0; *p && strncmp(p, "</p>", 4) && n + 1 < sizeof(text); p++) {
		if (*p == '<' || *p == '>')
			in_tag = *p == '<';
		else if (!in_tag)
			text[n++] = *p;
	}
	text[n] = '\0';
	return text;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	size_t alloc = 1 << 16, n = 0, got;
	char *data = malloc(alloc);
	cr_assert_not_null(data);
	while ((got = fread(data + n, 1, alloc - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == alloc) {
			char *grown = realloc(data, alloc *= 2);
			cr_assert_not_null(grown);
			data = grown;
		}
	}
	fclose(f);
	data[n] = '\0';
	return data;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot write %s", path);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

static void copy_file(const char *from, const char *to)
{
	char *data = NULL;
	FILE *f = fopen(from, "rb"), *t = fopen(to, "wb");
	cr_assert(f && t, "cannot copy %s to %s", from, to);
	data = malloc(1 << 20);
	size_t n = fread(data, 1, 1 << 20, f);
	cr_assert_eq(fwrite(data, 1, n, t), n);
	fclose(f);
	cr_assert_eq(fclose(t), 0);
	free(data);
}

/* The names in `folder`, sorted, joined by spaces ("" when empty). */
static char *listing(const char *folder)
{
	struct dirent **names = NULL;
	int n = scandir(folder, &names, NULL, alphasort);
	cr_assert_geq(n, 0, "cannot list %s", folder);
	char *all = calloc(1, 4096);
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, "..")) {
			strncat(all, *all ? " " : "", 4095 - strlen(all));
			strncat(all, names[i]->d_name, 4095 - strlen(all));
		}
		free(names[i]);
	}
	free(names);
	return all;
}

/* The samples, sorted; *n of them. */
static char **samples(size_t *n)
{
	struct dirent **names = NULL;
	int k = scandir("samples", &names, NULL, alphasort);
	cr_assert_gt(k, 0, "run the tests from the project's folder");
	char **paths = calloc((size_t)k + 1, sizeof(*paths));
	*n = 0;
	for (int i = 0; i < k; i++) {
		size_t len = strlen(names[i]->d_name);
		if (len > 4 && !strcmp(names[i]->d_name + len - 4, ".jpg")) {
			paths[*n] = malloc(len + 9);
			snprintf(paths[*n], len + 9, "samples/%s", names[i]->d_name);
			(*n)++;
		}
		free(names[i]);
	}
	free(names);
	cr_assert_gt(*n, 0, "no photo in samples/");
	return paths;
}

static void free_samples(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* A summary as the scan would give it for `n` verdicts. */
static struct pc_scan_summary summary_of(pc_verdict *const *v, size_t n, enum pc_view view)
{
	struct pc_scan_summary s;
	memset(&s, 0, sizeof(s));
	s.purpose = "website";
	snprintf(s.date, sizeof(s.date), "%s", ON);
	s.view = view;
	s.photos = n;
	for (size_t i = 0; i < n; i++) {
		enum pc_verdict_kind k = pc_verdict_kind(v[i]);
		s.share += k == PC_VERDICT_SHARE;
		s.review += k == PC_VERDICT_REVIEW;
		s.do_not_share += k == PC_VERDICT_DO_NOT_SHARE;
	}
	s.skipped = 3;
	s.skipped_by_kind[PC_SCAN_NOT_JPEG] = 2;
	s.skipped_by_kind[PC_SCAN_BROKEN_LINK] = 1;
	s.seconds = 1.25;
	return s;
}

/* ------------------------------------------------------------ cards */

/* A class for every pupil, which no parent card may show. */
static const char *fake_class(const void *ctx, const char *pupil_id)
{
	static char classes[64][32];
	static int next;
	(void)ctx;
	/* Not thread-safe, and need not be: only the main thread makes these. */
	char *c = classes[next++ % 64];
	snprintf(c, sizeof(classes[0]), "Class-%s", pupil_id);
	return c;
}

#define FAKE_THUMB "data:image/jpeg;base64,/9j/4AAQSkZJRg=="
static const struct pc__html_card_info full_info = {
	.thumb = FAKE_THUMB, .thumb_w = 240, .thumb_h = 180, .cwd = "/school/photos",
	.class_of = fake_class,
};

Test(report_html, card_verdict_and_badge)
{
	static const struct {
		const char *file, *purpose, *verdict, *badge;
	} cases[] = {
		{ "samples/sports-day-digikam.jpg", "website", "do-not-share", "Do not share" },
		{ "samples/sports-day-digikam.jpg", "newsletter", "share", "Share" },
		{ "samples/sports-day-lightroom.jpg", "website", "share", "Share" },
		{ "samples/playground-untagged.jpg", "website", "review", "Review" },
		{ "samples/nativity-name-variants.jpg", "website", "review", "Review" },
		{ "samples/sports-day-lightroom.jpg", "staff-personal", "do-not-share",
		  "Do not share" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		pc_verdict *v = judge(cases[i].file, cases[i].purpose);
		cr_assert_str_eq(pc_verdict_kind_name(pc_verdict_kind(v)), cases[i].verdict,
		                 "%s for %s: the demo data changed", cases[i].file,
		                 cases[i].purpose);
		for (int view = PC_VIEW_STAFF; view <= PC_VIEW_PARENT; view++) {
			char *c = card(v, (enum pc_view)view, 0, NULL, NULL);
			char want[200];
			snprintf(want, sizeof(want), "<article class=\"card\" data-verdict=\"%s\" "
			         "data-file=\"%s\" data-search=\"%s", cases[i].verdict, cases[i].file,
			         cases[i].file);
			cr_expect(!strncmp(c, want, strlen(want)), "%s: the card opens %.120s",
			          want, c);
			cr_expect_str_eq(badge(c), cases[i].badge, "%s", cases[i].file);
			cr_expect_eq(count(c, "<article"), 1);
			cr_expect_eq(count(c, "</article>\n"), 1);
			cr_expect(pc__utf8_valid(c, strlen(c)));
			free(c);
		}
		pc_verdict_free(v);
	}
}

Test(report_html, card_of_an_unreadable_file)
{
	char path[160];
	snprintf(path, sizeof(path), "%s/notes.jpg", dir);
	write_file(path, "Amy Jones, 2208, refused\n");
	pc_verdict *v = judge(path, "website");
	char *c = card(v, PC_VIEW_STAFF, 1, NULL, "cannot decode the image: Not a JPEG file");
	cr_expect(strstr(c, "data-verdict=\"unreadable\""), "%s", c);
	cr_expect_str_eq(badge(c), "Unreadable (review)");
	cr_expect(strstr(c, "No preview"));
	cr_expect(strstr(c, "cannot decode the image: Not a JPEG file"));
	cr_expect_null(strstr(c, "<img"));
	free(c);
	c = card(v, PC_VIEW_PARENT, 1, NULL, NULL);
	cr_expect(strstr(c, "data-verdict=\"unreadable\""));
	cr_expect_null(strstr(c, "Amy"), "the parent card shows what the file holds: %s", c);
	free(c);
	pc_verdict_free(v);
}

Test(report_html, card_preview)
{
	pc_verdict *v = judge("samples/sports-day-lightroom.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, "data:image/jpeg;base64,/9j/4AAQSkZJRg==", NULL);
	cr_expect(strstr(c, "<img src=\"data:image/jpeg;base64,/9j/4AAQSkZJRg==\" "
	                    "alt=\"preview of sports-day-lightroom.jpg\">"), "%s", c);
	free(c);
	/* Anything that a browser would fetch, or that leaves the attribute,
	 * is no preview. */
	static const char *const bad[] = {
		"http://example.org/x.jpg", "//example.org/x.jpg", "/etc/x.jpg",
		"javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
		"data:image/png;base64,AAAA\" onerror=\"alert(1)", "data:image/png;base64,AA AA",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		c = card(v, PC_VIEW_STAFF, 0, bad[i], NULL);
		cr_expect_null(strstr(c, "<img"), "%s became a preview", bad[i]);
		cr_expect(strstr(c, "No preview"));
		cr_expect_null(strstr(c, "example.org"));
		cr_expect_null(strstr(c, "onerror"));
		free(c);
	}
	pc_verdict_free(v);
}

Test(report_html, staff_card_names_people_and_consent)
{
	pc_verdict *v = judge("samples/sports-day-digikam.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_expect(strstr(c, "<b>Oliver Smith</b> \xE2\x80\x94 <span class=\"consent c-no\">"
	                    "refused</span>"), "%s", c);
	cr_expect(strstr(c, "<b>Amy Jones</b> \xE2\x80\x94 <span class=\"consent c-ok\">"
	                    "granted</span>"));
	cr_expect(strstr(c, "Sports Day 2026"));
	cr_expect(strstr(c, "Oliver Smith (2217)"), "the reason's staff message");
	cr_expect(strstr(c, "class=\"warnings\""));
	/* The one who blocks comes first. */
	cr_expect_lt(strstr(c, "Oliver Smith</b>"), strstr(c, "Amy Jones</b>"));
	free(c);
	pc_verdict_free(v);

	v = judge("samples/nativity-name-variants.jpg", "website");
	c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_expect(strstr(c, "Katie Smith \xE2\x86\x92</span> <b>Katherine Smith</b>"), "%s", c);
	cr_expect(strstr(c, "<b>Grace Hall</b> \xE2\x80\x94 <span class=\"consent c-unsure\">"
	                    "no such pupil</span>"));
	cr_expect(strstr(c, "<b>Jack Green</b> \xE2\x80\x94 <span class=\"consent c-unsure\">"
	                    "several pupils</span>"));
	cr_expect(strstr(c, "<p class=\"event\">Nativity Play 2025 (by the date taken)</p>"));
	free(c);
	pc_verdict_free(v);

	/* A crowd: the first few, the rest folded away, every one there. */
	v = judge("samples/whole-school-extended-xmp.jpg", "website");
	c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_expect(strstr(c, "<details class=\"more\"><summary>11 more</summary>"), "%s", c);
	cr_expect(strstr(c, "<b>224 unnamed faces</b>"));
	cr_expect(strstr(c, "<b>Isla Taylor</b> \xE2\x80\x94 <span class=\"consent c-no\">"
	                    "no_photo</span>"));
	for (size_t i = 0; i < pc_verdict_person_count(v); i++) {
		const struct pc_judged_person *p = pc_verdict_person(v, i);
		if (p->pupil_name)
			cr_expect(strstr(c, p->pupil_name), "%s is missing", p->pupil_name);
	}
	free(c);
	pc_verdict_free(v);
}

/* Every pupil's id, names and aliases, and every word that tells a
 * consent state; none may be in a parent card. */
static void expect_nothing_secret(const char *card_text, const char *file,
                                  const struct pc_pupil_list *pupils)
{
	char *text = strdup(card_text);
	/* The card's own numbers for its layout ("left:20.000%") are no
	 * words: out first. */
	for (char *p = text; (p = strstr(p, " style=\""));) {
		char *end = strchr(p + 8, '"');
		cr_assert_not_null(end);
		memset(p, '#', (size_t)(end + 1 - p));
	}
	/* The file's own name is the user's: take it out first. */
	const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	for (const char *cut[] = { file, base }, **k = cut; k < cut + 2; k++)
		for (char *p; (p = strstr(text, *k));)
			memset(p, '#', strlen(*k));
	static const char *const words[] = {
		"consent", "granted", "refus", "withdr", "expir", "no-photo", "no_photo",
		"no-name", "no_name", "left", "none",
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		cr_expect(!has_word(text, words[i]), "%s: the parent card says '%s': %s",
		               file, words[i], card_text);
	for (size_t i = 0; i < pupils->count; i++) {
		const struct pc_pupil *p = &pupils->items[i];
		const char *names[] = { p->id, p->forename, p->surname, p->preferred_name };
		for (size_t k = 0; k < 4; k++) {
			if (!names[k])
				continue;
			size_t len = strlen(names[k]);
			for (const char *at = text; (at = strstr(at, names[k])); at += len) {
				int alone = (at == text || !isalnum((unsigned char)at[-1])) &&
				            !isalnum((unsigned char)at[len]);
				cr_expect(!alone, "%s: the parent card names '%s': %s", file,
				          names[k], card_text);
			}
		}
		for (size_t k = 0; k < p->alias_count; k++)
			cr_expect_null(strstr(text, p->aliases[k]), "%s: alias '%s'", file,
			               p->aliases[k]);
	}
	free(text);
}

Test(report_html, parent_card_names_no_child)
{
	struct pc_pupil_list *pupils = NULL;
	size_t n;
	char **paths = samples(&n);
	cr_assert_eq(pc_store_pupil_list(&pupils, store, NULL, &test_err), 0);
	cr_assert_gt(pupils->count, 100);
	static const char *const purposes[] = {
		"website", "parent-social", "press", "staff-personal",
	};
	for (size_t k = 0; k < sizeof(purposes) / sizeof(purposes[0]); k++) {
		for (size_t i = 0; i < n; i++) {
			pc_verdict *v = judge(paths[i], purposes[k]);
			/* Everything a card may be given, a class for every pupil
			 * and a preview that boxes could be drawn on. */
			char *c = card_with(v, PC_VIEW_PARENT, &full_info);
			expect_nothing_secret(c, paths[i], pupils);
			cr_expect_null(strstr(c, "Class-"), "%s: a class in the parent card", paths[i]);
			cr_expect_null(strstr(c, "class=\"box"), "%s: a face box", paths[i]);
			cr_expect_null(strstr(c, "title="), "%s: a title", paths[i]);
			cr_expect(strstr(c, "<img src=\"data:image/jpeg"), "%s: no preview", paths[i]);
			free(c);
			pc_verdict_free(v);
		}
	}
	/* The same check sees names where they are: in the staff card. */
	pc_verdict *v = judge("samples/sports-day-digikam.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_expect(strstr(c, "Oliver") && strstr(c, "Smith") && strstr(c, "refused"));
	free(c);
	/* What the parent card does say: a count. */
	c = card(v, PC_VIEW_PARENT, 0, NULL, NULL);
	cr_expect(strstr(c, "<p class=\"count\">2 children pictured</p>"), "%s", c);
	cr_expect(strstr(c, "<li>1 child in this photo has not agreed to this use</li>"));
	/* As check --as parent says it. */
	char *text = NULL;
	cr_assert_eq(pc_report_check_text(&text, v, PC_VIEW_PARENT), 0);
	cr_expect(strstr(text, "1 child in this photo has not agreed to this use"), "%s", text);
	pc_free(text);
	free(c);
	pc_verdict_free(v);
	v = judge("samples/sports-day-lightroom.jpg", "parent-social");
	c = card(v, PC_VIEW_PARENT, 0, NULL, NULL);
	cr_expect(strstr(c, "You may post this photo."), "%s", c);
	cr_expect(strstr(c, "2 children pictured</p>"));
	free(c);
	pc_verdict_free(v);
	pc_pupil_list_free(pupils);
	free_samples(paths, n);
}

Test(report_html, hostile_strings_are_escaped)
{
	char photo[200], sidecar[220];
	snprintf(photo, sizeof(photo), "%s/<b>&\"'x<script>.jpg", dir);
	snprintf(sidecar, sizeof(sidecar), "%s.xmp", photo);
	copy_file("samples/playground-untagged.jpg", photo);
	/* A tag and an event that are markup once the XML is read. */
	write_file(sidecar,
	           "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf="
	           "'http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
	           " xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'>"
	           "<Iptc4xmpExt:PersonInImage><rdf:Bag>"
	           "<rdf:li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</rdf:li>"
	           "<rdf:li>O'Brien &amp; &lt;i&gt;Co</rdf:li>"
	           "</rdf:Bag></Iptc4xmpExt:PersonInImage>"
	           "<Iptc4xmpExt:Event><rdf:Alt><rdf:li xml:lang='x-default'>&lt;img src=x "
	           "onerror=alert(1)&gt;</rdf:li></rdf:Alt></Iptc4xmpExt:Event>"
	           "</rdf:Description></rdf:RDF></x:xmpmeta>");
	pc_verdict *v = judge(photo, "website");
	cr_assert_eq(pc_verdict_person_count(v), 2, "the sidecar was not read");
	for (int view = PC_VIEW_STAFF; view <= PC_VIEW_PARENT; view++) {
		char *c = card(v, (enum pc_view)view, 0, NULL, "<img src=x onerror=alert(2)>");
		cr_expect_null(strstr(c, "<script"), "%s", c);
		cr_expect_null(strstr(c, "<b>&\"'"));
		cr_expect_null(strstr(c, "<i>"));
		cr_expect_null(strstr(c, "<img"));
		cr_expect_null(strstr(c, "\"'x"));
		cr_expect(strstr(c, "data-file=\"") && strstr(c, "/&lt;b&gt;&amp;&quot;&#39;x"
		                                                 "&lt;script&gt;.jpg\" data-search=\""),
		          "%s", c);
		cr_expect(strstr(c, "&lt;img src=x onerror=alert(2)&gt;"));
		if (view == PC_VIEW_STAFF) {
			cr_expect(strstr(c, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
			          "%s", c);
			cr_expect(strstr(c, "O&#39;Brien &amp; &lt;i&gt;Co"));
		}
		/* Every '<' opens one of the card's own elements. */
		for (const char *p = c; (p = strchr(p, '<')); p++)
			cr_expect(p[1] && strchr("/abdhilpsu", p[1]), "a stray '<' at %.40s", p);
		free(c);
	}
	pc_verdict_free(v);
}

Test(report_html, file_names_that_are_not_utf8)
{
	char photo[200];
	snprintf(photo, sizeof(photo), "%s/caf\xE9\x01\tx.jpg", dir);
	copy_file("samples/sports-day-lightroom.jpg", photo);
	pc_verdict *v = judge(photo, "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_expect(pc__utf8_valid(c, strlen(c)), "not UTF-8: %s", c);
	cr_expect(strstr(c, "caf\xEF\xBF\xBD\xEF\xBF\xBD&#9;x.jpg\" data-search=\""), "%s", c);
	free(c);
	pc_verdict_free(v);
}

/* The text of card `c`'s data-search attribute, as written (static: one
 * at a time). */
static const char *search_of(const char *c)
{
	static char text[8192];
	const char *p = strstr(c, " data-search=\"");
	cr_assert_not_null(p, "no data-search in %.200s", c);
	p += strlen(" data-search=\"");
	size_t n = strcspn(p, "\"");
	cr_assert_lt(n, sizeof(text));
	memcpy(text, p, n);
	text[n] = '\0';
	return text;
}

Test(report_html, search_text)
{
	pc_verdict *v = judge("samples/sports-day-digikam.jpg", "website");
	char *c = card_with(v, PC_VIEW_STAFF, &full_info);
	const char *t = search_of(c);
	/* The file, the event, each pupil's tag, id and class, the reasons
	 * and the warnings, a line each. */
	cr_expect(!strncmp(t, "samples/sports-day-digikam.jpg&#10;Sports Day 2026&#10;", 55),
	          "%s", t);
	cr_expect(strstr(t, "&#10;Oliver Smith&#10;2217&#10;Class-2217&#10;"), "%s", t);
	cr_expect(strstr(t, "&#10;Amy Jones&#10;2208&#10;Class-2208&#10;"), "%s", t);
	cr_expect(strstr(t, "&#10;Oliver Smith (2217) has refused consent"), "%s", t);
	cr_expect(strstr(t, "publish an exported copy"), "%s", t);
	/* The class shows beside the name too, which is why a search for it
	 * finds the card. */
	cr_expect(strstr(c, "<b>Oliver Smith</b> <span class=\"class\">Class-2217</span> "
	                    "\xE2\x80\x94 <span class=\"consent c-no\">refused</span>"), "%s", c);
	free(c);

	/* The parent's: the file, and the parent messages only. */
	c = card_with(v, PC_VIEW_PARENT, &full_info);
	t = search_of(c);
	cr_expect_str_eq(t, "samples/sports-day-digikam.jpg&#10;1 child in this photo has not "
	                    "agreed to this use&#10;the photo&#39;s details name the people in it");
	free(c);
	pc_verdict_free(v);

	/* A tag that is no pupil, and one that is several, are searched as
	 * written; the preferred name finds the pupil's own name too. */
	v = judge("samples/nativity-name-variants.jpg", "website");
	c = card_with(v, PC_VIEW_STAFF, &full_info);
	t = search_of(c);
	cr_expect(strstr(t, "&#10;Grace Hall&#10;"), "%s", t);
	cr_expect(strstr(t, "&#10;Jack Green&#10;"), "%s", t);
	cr_expect(strstr(t, "&#10;Katie Smith&#10;Katherine Smith&#10;1915&#10;Class-1915"),
	          "%s", t);
	free(c);
	pc_verdict_free(v);
}

/* The href of the card's file link, or NULL (static: one at a time). */
static const char *link_of(const char *c)
{
	static char href[1024];
	const char *p = strstr(c, "<h3 class=\"file\"><a href=\"");
	if (!p)
		return NULL;
	p += strlen("<h3 class=\"file\"><a href=\"");
	size_t n = strcspn(p, "\"");
	cr_assert_lt(n, sizeof(href));
	memcpy(href, p, n);
	href[n] = '\0';
	return href;
}

Test(report_html, file_link)
{
	pc_verdict *v = judge("samples/sports-day-digikam.jpg", "website");
	struct pc__html_card_info info = { .cwd = "/home/office/My Photos/2026 #1" };
	char *c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect_str_eq(link_of(c) ? link_of(c) : "(none)",
	                 "file:///home/office/My%20Photos/2026%20%231/samples/sports-day-digikam.jpg");
	cr_expect(strstr(c, "sports-day-digikam.jpg\">sports-day-digikam.jpg</a> "
	                    "<span class=\"dir\">samples/</span></h3>"), "%s", c);
	free(c);
	/* A folder given with a slash at its end, or the root. */
	info.cwd = "/srv/photos/";
	c = card_with(v, PC_VIEW_PARENT, &info);
	cr_expect_str_eq(link_of(c), "file:///srv/photos/samples/sports-day-digikam.jpg");
	free(c);
	info.cwd = "/";
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect_str_eq(link_of(c), "file:///samples/sports-day-digikam.jpg");
	free(c);
	/* Where the folder is not known (or not absolute), a relative path has
	 * no link, only its name. */
	info.cwd = NULL;
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect_null(link_of(c));
	cr_expect_null(strstr(c, "<a "));
	cr_expect(strstr(c, "<h3 class=\"file\">sports-day-digikam.jpg <span"), "%s", c);
	free(c);
	info.cwd = "photos";
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect_null(link_of(c));
	free(c);
	pc_verdict_free(v);

	/* An absolute path needs no folder; every byte that is not unreserved
	 * is percent-encoded, the bytes that are not UTF-8 as they are. */
	char photo[200], want[400];
	snprintf(photo, sizeof(photo), "%s/<b>&\"'x %%41#?;\xE9\x01\n~._-.jpg", dir);
	copy_file("samples/sports-day-lightroom.jpg", photo);
	v = judge(photo, "website");
	c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	snprintf(want, sizeof(want), "file://%s/%%3Cb%%3E%%26%%22%%27x%%20%%2541%%23%%3F%%3B%%E9"
	         "%%01%%0A~._-.jpg", dir);
	cr_expect_str_eq(link_of(c) ? link_of(c) : "(none)", want);
	cr_expect(pc__utf8_valid(c, strlen(c)));
	free(c);
	pc_verdict_free(v);
}

Test(report_html, face_boxes)
{
	/* Oliver blocks, Amy is fine: a red box and a light one, where the
	 * regions are (fractions of the upright image). */
	pc_verdict *v = judge("samples/sports-day-digikam.jpg", "website");
	char *c = card_with(v, PC_VIEW_STAFF, &full_info);
	cr_expect(strstr(c, "<div class=\"thumb\"><div class=\"frame\" style=\"left:0.000%;"
	                    "top:0.000%;width:100.000%;height:100.000%;\"><img src=\"" FAKE_THUMB
	                    "\""), "%s", c);
	cr_expect(strstr(c, "<span class=\"box b-no\" aria-hidden=\"true\" style=\"left:60.000%;"
	                    "top:30.000%;width:15.000%;height:20.000%;\" title=\"Oliver Smith "
	                    "\xE2\x80\x94 refused\"></span>"), "%s", c);
	cr_expect(strstr(c, "<span class=\"box b-ok\" aria-hidden=\"true\" style=\"left:20.000%;"
	                    "top:25.000%;width:15.000%;height:20.000%;\" title=\"Amy Jones "
	                    "\xE2\x80\x94 granted\"></span>"), "%s", c);
	cr_expect_eq(count(c, "class=\"box "), 2);
	free(c);
	/* The parent's card: the preview, no box. */
	c = card_with(v, PC_VIEW_PARENT, &full_info);
	cr_expect(strstr(c, "<img src=\"" FAKE_THUMB "\""));
	cr_expect_null(strstr(c, "class=\"box"), "%s", c);
	free(c);
	/* A preview of unknown size is fitted into its box, with no boxes. */
	struct pc__html_card_info info = full_info;
	info.thumb_w = info.thumb_h = 0;
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect(strstr(c, "<div class=\"thumb\"><div class=\"frame fit\"><img"), "%s", c);
	cr_expect_null(strstr(c, "class=\"box"));
	free(c);
	/* No preview, no box. */
	info.thumb = NULL;
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect_null(strstr(c, "class=\"box"));
	cr_expect_null(strstr(c, "class=\"frame"));
	free(c);
	pc_verdict_free(v);

	/* A portrait preview (orientation 6: stored 160 x 120, shown 120 x
	 * 160, a 15 x 20 preview) stands in the middle of its 4:3 box; the
	 * regions, already upright, go on it as they are. */
	v = judge("samples/zoo-trip-orientation-6.jpg", "website");
	info = full_info;
	info.thumb_w = 15;
	info.thumb_h = 20;
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect(strstr(c, "<div class=\"frame\" style=\"left:21.875%;top:0.000%;width:56.250%;"
	                    "height:100.000%;\">"), "%s", c);
	cr_expect(strstr(c, "style=\"left:10.000%;top:15.000%;width:30.000%;height:20.000%;\" "
	                    "title=\"Ava Thomas"), "%s", c);
	cr_expect(strstr(c, "style=\"left:55.000%;top:45.000%;width:30.000%;height:20.000%;\" "
	                    "title=\"Leo Walker"), "%s", c);
	free(c);
	pc_verdict_free(v);
	/* A panorama: the whole width, centred from top to bottom. */
	v = judge("samples/sports-day-lightroom.jpg", "website");
	info.thumb_w = 240;
	info.thumb_h = 60;
	c = card_with(v, PC_VIEW_STAFF, &info);
	cr_expect(strstr(c, "<div class=\"frame\" style=\"left:0.000%;top:33.333%;width:100.000%;"
	                    "height:33.333%;\">"), "%s", c);
	free(c);
	pc_verdict_free(v);

	/* Unnamed faces, and tags the tool is not sure of: amber. */
	v = judge("samples/science-fair-apple-photos.jpg", "website");
	c = card_with(v, PC_VIEW_STAFF, &full_info);
	cr_expect_eq(count(c, "<span class=\"box b-unsure\""), 2, "%s", c);
	cr_expect_eq(count(c, "title=\"unnamed face \xE2\x80\x94 not tagged\""), 2);
	free(c);
	pc_verdict_free(v);
	/* A crowd: a box for every face. */
	v = judge("samples/whole-school-extended-xmp.jpg", "website");
	c = card_with(v, PC_VIEW_STAFF, &full_info);
	cr_expect_eq(count(c, "class=\"box "), 240);
	cr_expect_eq(count(c, "class=\"box b-unsure\""), 224 + 1, "the unnamed and Jack Green");
	cr_expect(strstr(c, "title=\"Isla Taylor \xE2\x80\x94 no_photo\""));
	free(c);
	pc_verdict_free(v);
	/* An always denied purpose: boxes in red, with no consent beside the
	 * names (nobody's counts). */
	v = judge("samples/sports-day-digikam.jpg", "staff-personal");
	c = card_with(v, PC_VIEW_STAFF, &full_info);
	cr_expect(strstr(c, "title=\"Amy Jones\"></span>"), "%s", c);
	free(c);
	pc_verdict_free(v);
}

/* ------------------------------------------------------------ the script */

/* SHA-256 (FIPS 180-4), small and slow, to hold the page's script and
 * its hash in the policy together. */
static void sha256(const void *data, size_t len, unsigned char digest[32])
{
	static const uint32_t k[64] = {
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
		0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
		0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
		0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
		0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
		0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
		0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
		0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
		0xc67178f2,
	};
	uint32_t h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	size_t padded = (len + 9 + 63) / 64 * 64;
	unsigned char *m = calloc(1, padded);
	cr_assert_not_null(m);
	memcpy(m, data, len);
	m[len] = 0x80;
	for (int i = 0; i < 8; i++)
		m[padded - 1 - i] = (unsigned char)((uint64_t)len * 8 >> (8 * i));
#define ROR(x, n) ((x) >> (n) | (x) << (32 - (n)))
	for (size_t at = 0; at < padded; at += 64) {
		uint32_t w[64], v[8];
		for (int i = 0; i < 16; i++)
			w[i] = (uint32_t)m[at + 4 * i] << 24 | (uint32_t)m[at + 4 * i + 1] << 16 |
			       (uint32_t)m[at + 4 * i + 2] << 8 | m[at + 4 * i + 3];
		for (int i = 16; i < 64; i++) {
			uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ w[i - 15] >> 3;
			uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ w[i - 2] >> 10;
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		memcpy(v, h, sizeof(v));
		for (int i = 0; i < 64; i++) {
			uint32_t t1 = v[7] + (ROR(v[4], 6) ^ ROR(v[4], 11) ^ ROR(v[4], 25)) +
			              ((v[4] & v[5]) ^ (~v[4] & v[6])) + k[i] + w[i];
			uint32_t t2 = (ROR(v[0], 2) ^ ROR(v[0], 13) ^ ROR(v[0], 22)) +
			              ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
			memmove(v + 1, v, 7 * sizeof(v[0]));
			v[4] += t1;
			v[0] = t1 + t2;
		}
		for (int i = 0; i < 8; i++)
			h[i] += v[i];
	}
#undef ROR
	for (int i = 0; i < 32; i++)
		digest[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
	free(m);
}

/* "'sha256-<base64>'", as a Content-Security-Policy source. */
static void csp_hash(const char *text, char source[64])
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char d[33] = { 0 };
	sha256(text, strlen(text), d);
	char *q = source + snprintf(source, 64, "'sha256-");
	for (int i = 0; i < 33; i += 3, q += 4) {
		uint32_t x = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
		q[0] = b64[x >> 18];
		q[1] = b64[x >> 12 & 63];
		q[2] = i + 1 < 32 ? b64[x >> 6 & 63] : '=';
		q[3] = i + 2 < 32 ? b64[x & 63] : '=';
	}
	memcpy(q, "'", 2);
}

Test(report_html, script_hash)
{
	char h[64];
	/* FIPS 180-2's example first: the hash is right before it is used. */
	csp_hash("abc", h);
	cr_assert_str_eq(h, "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
	csp_hash("", h);
	cr_assert_str_eq(h, "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
	csp_hash(pc__html_script, h);
	cr_expect_str_eq(pc__html_script_hash, h,
	                 "the script changed: its hash in report_html_script.c must be %s", h);
	/* Nothing in it may end its element early, nor stand out of ASCII
	 * (the hash is of its bytes as the page holds them). */
	cr_expect_null(strstr(pc__html_script, "</"));
	for (const char *p = pc__html_script; *p; p++)
		cr_expect((unsigned char)*p < 0x80, "not ASCII at %.20s", p);
}

struct job {
	pc_verdict **v;
	size_t n;
	char **want;
	int mismatches;
};

static void *make_cards(void *arg)
{
	struct job *j = arg;
	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < j->n; i++) {
			char *c = NULL;
			struct pc__html_card_info info = { .thumb_error = "none" };
			if (pc__html_card(&c, j->v[i], (enum pc_view)(i % 2), &info) ||
			    strcmp(c, j->want[i]))
				j->mismatches++;
			free(c);
		}
	}
	return NULL;
}

Test(report_html, cards_on_many_threads)
{
	size_t n;
	char **paths = samples(&n);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	pc_verdict **v = calloc(n, sizeof(*v));
	char **want = calloc(n, sizeof(*want));
	for (size_t i = 0; i < n; i++) {
		v[i] = judge(paths[i], "website");
		want[i] = card(v[i], (enum pc_view)(i % 2), 0, NULL, "none");
	}
	pthread_t t[4];
	struct job jobs[4];
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct job){ v, n, want, 0 };
		cr_assert_eq(pthread_create(&t[i], NULL, make_cards, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		cr_expect_eq(jobs[i].mismatches, 0);
	}
	for (size_t i = 0; i < n; i++) {
		pc_verdict_free(v[i]);
		free(want[i]);
	}
	free(v);
	free(want);
	free_samples(paths, n);
}

/* ------------------------------------------------------------ the report */

/* Writes a report of every sample, judged for the website, to `path` in
 * `view`, with these blockers in its summary. */
static void write_report(const char *path, enum pc_view view, const struct pc_scan_blocker *b,
                         size_t nb)
{
	size_t n;
	char **paths = samples(&n);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	pc_verdict **v = calloc(n, sizeof(*v));
	struct pc__html *html = NULL;
	char *error = NULL;
	cr_assert_eq(pc__html_open(&html, &error, path, view), 0, "%s", error);
	for (size_t i = 0; i < n; i++) {
		v[i] = judge(paths[i], "website");
		char *c = card(v[i], view, 0, NULL, NULL);
		cr_assert_eq(pc__html_add(html, &error, paths[i], c), 0, "%s", error);
		free(c);
	}
	struct pc_scan_summary s = summary_of(v, n, view);
	s.blockers = b;
	s.blocker_count = nb;
	cr_assert_eq(pc__html_finish(html, &error, &s), 0, "%s", error);
	pc__html_free(html);
	for (size_t i = 0; i < n; i++)
		pc_verdict_free(v[i]);
	free(v);
	free_samples(paths, n);
}

Test(report_html, finished_report_is_whole_and_self_contained)
{
	char path[160];
	static const struct pc_scan_blocker blockers[] = {
		{ "2217", "Oliver Smith", "Year 3", 4 }, { "2014", "Isla Taylor", NULL, 2 },
	};
	snprintf(path, sizeof(path), "%s/report.html", out);
	write_report(path, PC_VIEW_STAFF, blockers, 2);
	char *page = slurp(path);
	size_t n;
	char **paths = samples(&n);
	cr_assert_eq(n, 31, "samples/ has %zu photos", n);

	cr_expect(!strncmp(page, "<!DOCTYPE html>\n", 16));
	cr_expect(strlen(page) > 8 && !strcmp(page + strlen(page) - 8, "</html>\n"));
	cr_expect(pc__utf8_valid(page, strlen(page)));
	cr_expect(strstr(page, "<title>photoconsent: 31 photos for website on 2026-11-26</title>"),
	          "%.600s", page);
	cr_expect_eq(count(page, "<article class=\"card\""), n);
	for (size_t i = 0; i < n; i++) {
		char attr[200];
		snprintf(attr, sizeof(attr), "data-file=\"%s\"", paths[i]);
		cr_expect_eq(count(page, attr), 1, "%s", attr);
	}
	/* The summary: verdicts, skipped by kind, the filters with counts,
	 * the pupils who block most. */
	cr_expect(strstr(page, "<tr class=\"v v-share\"><th scope=\"row\">Share</th>"));
	cr_expect(strstr(page, "<th scope=\"row\">Photos judged</th><td class=\"n\">31</td>"));
	cr_expect(strstr(page, "<th scope=\"row\">Skipped</th><td class=\"n\">3</td>"));
	cr_expect(strstr(page, "<th scope=\"row\">not JPEG</th><td class=\"n\">2</td>"));
	cr_expect(strstr(page, "<th scope=\"row\">broken link</th><td class=\"n\">1</td>"));
	cr_expect_null(strstr(page, "symlink loop"), "a kind with no count is listed");
	cr_expect(strstr(page, "<label for=\"show-all\">All<span class=\"n\">31</span></label>"));
	size_t dns = count(page, "data-verdict=\"do-not-share\"");
	char want[200];
	snprintf(want, sizeof(want), "Do not share</th><td class=\"n\">%zu</td>", dns);
	cr_expect(strstr(page, want), "%s", want);
	snprintf(want, sizeof(want), "Do not share<span class=\"n\">%zu</span></label>", dns);
	cr_expect(strstr(page, want), "%s", want);
	cr_expect(strstr(page, "<tr><td>Oliver Smith</td><td>Year 3</td><td class=\"n\">4</td>"
	                       "</tr>"));
	cr_expect(strstr(page, "<tr><td>Isla Taylor</td><td></td><td class=\"n\">2</td></tr>"));
	/* Filters come before the cards, as their siblings, for CSS alone. */
	cr_expect_lt(strstr(page, "id=\"show-do-not-share\""), strstr(page, "<main>"));
	cr_expect(strstr(page, "@media print"));
	/* Nothing loaded from anywhere; nothing run but the page's script,
	 * the one its policy allows, at the end. */
	static const char *const banned[] = {
		"http://", "https://", "src=\"/", "src=\"http", "<link", "@import", "url(",
		"<iframe", "@font-face", "<form", "<base",
	};
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		cr_expect_null(strstr(page, banned[i]), "the report holds '%s'", banned[i]);
	cr_expect_eq(count(page, "<script"), 1);
	cr_expect_eq(count(page, "</script>"), 1);
	char *script = strstr(page, "<script>");
	cr_assert_not_null(script);
	cr_expect(!strncmp(script + 8, pc__html_script, strlen(pc__html_script)));
	cr_expect(!strcmp(script + 8 + strlen(pc__html_script), "</script>\n</body>\n</html>\n"));
	char csp[200];
	snprintf(csp, sizeof(csp), "content=\"default-src 'none'; img-src data:; style-src "
	         "'unsafe-inline'; script-src %s; base-uri 'none'; form-action 'none'\">",
	         pc__html_script_hash);
	cr_expect(strstr(page, csp), "no policy %s", csp);
	/* The search box, hidden until the script shows it. */
	cr_expect(strstr(page, "<div class=\"search\" id=\"search\" role=\"search\" hidden>"));
	cr_expect(strstr(page, "placeholder=\"file, pupil, class or reason\""));
	/* Mode 0600 whatever the umask: it names children. Nothing else is
	 * left in the folder. */
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0600, "mode %o", (unsigned)(st.st_mode & 0777));
	char *names = listing(out);
	cr_expect_str_eq(names, "report.html");
	free(names);
	free_samples(paths, n);
	free(page);
}

Test(report_html, parent_report_names_no_child)
{
	char path[160];
	static const struct pc_scan_blocker blockers[] = {
		{ "2217", "Oliver Smith", "Year 3", 4 },
	};
	snprintf(path, sizeof(path), "%s/parent.html", out);
	/* Even a summary that wrongly carries blockers shows none. */
	write_report(path, PC_VIEW_PARENT, blockers, 1);
	char *page = slurp(path);
	cr_expect(strstr(page, "Parent view"));
	cr_expect_null(strstr(page, "Oliver"));
	cr_expect_null(strstr(page, "2217"));
	cr_expect_null(strstr(page, "block the most"));
	cr_expect_null(strstr(page, "refused"));
	free(page);
}

Test(report_html, cards_in_path_order)
{
	char path[160];
	struct pc__html *html = NULL;
	char *error = NULL;
	snprintf(path, sizeof(path), "%s/sorted.html", out);
	/* In the order workers might finish; the report has them by the
	 * bytes of their paths: capitals before small letters, '-' and '.'
	 * before '/', a byte over 0x7F after them all, and each folder's
	 * photos together. */
	static const char *const added[] = {
		"b/z.jpg", "a/b.jpg", "\xC3\xA9t\xC3\xA9/1.jpg", "a-b/c.jpg", "B/a.jpg",
		"a/a.jpg", "a.jpg", "a/b/c.jpg", "z.jpg",
	};
	static const char *const sorted[] = {
		"B/a.jpg", "a-b/c.jpg", "a.jpg", "a/a.jpg", "a/b.jpg", "a/b/c.jpg", "b/z.jpg",
		"z.jpg", "\xC3\xA9t\xC3\xA9/1.jpg",
	};
	size_t n = sizeof(added) / sizeof(added[0]);
	cr_assert_eq(pc__html_open(&html, &error, path, PC_VIEW_STAFF), 0, "%s", error);
	for (size_t i = 0; i < n; i++) {
		char card_text[64];
		snprintf(card_text, sizeof(card_text), "<p>[%s]</p>\n", added[i]);
		cr_assert_eq(pc__html_add(html, &error, added[i], card_text), 0, "%s", error);
	}
	pc_verdict *v = judge("samples/sports-day-lightroom.jpg", "website");
	struct pc_scan_summary s = summary_of(&v, 1, PC_VIEW_STAFF);
	cr_assert_eq(pc__html_finish(html, &error, &s), 0, "%s", error);
	pc__html_free(html);
	char *page = slurp(path);
	const char *at = strstr(page, "<main>\n");
	cr_assert_not_null(at);
	for (size_t i = 0; i < n; i++) {
		char want[64];
		snprintf(want, sizeof(want), "<p>[%s]</p>\n", sorted[i]);
		cr_expect(!strncmp(at + (i ? 0 : 7), want, strlen(want)), "card %zu: %s, not %.40s",
		          i, want, at + (i ? 0 : 7));
		at += (i ? 0 : 7) + strlen(want);
	}
	cr_expect(!strncmp(at, "</main>\n", 8), "%.40s", at);
	free(page);
	pc_verdict_free(v);
}

Test(report_html, finish_replaces_an_old_report_whole)
{
	char path[160];
	struct pc__html *html = NULL;
	char *error = NULL;
	snprintf(path, sizeof(path), "%s/report.html", out);
	write_file(path, "the old report\n");
	pc_verdict *v = judge("samples/sports-day-digikam.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_assert_eq(pc__html_open(&html, &error, path, PC_VIEW_STAFF), 0, "%s", error);
	cr_assert_eq(pc__html_add(html, &error, "samples/sports-day-digikam.jpg", c), 0);
	/* Until it is finished, the old report stands, whole. */
	char *page = slurp(path);
	cr_expect_str_eq(page, "the old report\n");
	free(page);
	struct pc_scan_summary s = summary_of(&v, 1, PC_VIEW_STAFF);
	cr_assert_eq(pc__html_finish(html, &error, &s), 0, "%s", error);
	page = slurp(path);
	cr_expect_null(strstr(page, "old report"));
	cr_expect(!strncmp(page, "<!DOCTYPE html>", 15));
	cr_expect_eq(count(page, "data-file=\"samples/sports-day-digikam.jpg\""), 1);
	free(page);
	/* Finishing twice is refused; the report stays. */
	cr_expect_neq(pc__html_finish(html, &error, &s), 0);
	cr_expect_not_null(error);
	free(error);
	pc__html_free(html);
	char *names = listing(out);
	cr_expect_str_eq(names, "report.html");
	free(names);
	free(c);
	pc_verdict_free(v);
}

Test(report_html, free_without_finish_leaves_nothing)
{
	char path[160];
	struct pc__html *html = NULL;
	char *error = NULL;
	snprintf(path, sizeof(path), "%s/report.html", out);
	pc_verdict *v = judge("samples/sports-day-lightroom.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_assert_eq(pc__html_open(&html, &error, path, PC_VIEW_STAFF), 0, "%s", error);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(pc__html_add(html, &error, "samples/sports-day-lightroom.jpg", c), 0);
	char *names = listing(out);
	cr_expect_str_eq(names, "", "while the cards are written: %s", names);
	free(names);
	pc__html_free(html);
	names = listing(out);
	cr_expect_str_eq(names, "");
	free(names);

	/* An old report survives a scan that never finished. */
	write_file(path, "the old report\n");
	cr_assert_eq(pc__html_open(&html, &error, path, PC_VIEW_STAFF), 0, "%s", error);
	cr_assert_eq(pc__html_add(html, &error, "samples/sports-day-lightroom.jpg", c), 0);
	pc__html_free(html);
	names = listing(out);
	cr_expect_str_eq(names, "report.html");
	free(names);
	char *page = slurp(path);
	cr_expect_str_eq(page, "the old report\n");
	free(page);
	pc__html_free(NULL);
	free(c);
	pc_verdict_free(v);
}

/* pc__html_open on `path` fails with PC_EOPEN and this message. */
static void expect_cannot_open(const char *path, const char *why)
{
	struct pc__html *html = (struct pc__html *)1;
	char *error = NULL, want[400];
	int ret = pc__html_open(&html, &error, path, PC_VIEW_STAFF);
	cr_expect_eq(ret, PC_EOPEN, "%s: %d", path, ret);
	cr_expect_null(html);
	snprintf(want, sizeof(want), "cannot write the report '%s': %s", path, why);
	cr_expect_str_eq(error ? error : "(none)", want);
	free(error);
}

Test(report_html, open_where_nothing_can_be_written)
{
	char path[200];
	snprintf(path, sizeof(path), "%s/missing/report.html", dir);
	expect_cannot_open(path, "No such file or directory");
	snprintf(path, sizeof(path), "%s/plain", dir);
	write_file(path, "a file, not a folder\n");
	snprintf(path, sizeof(path), "%s/plain/report.html", dir);
	expect_cannot_open(path, "Not a directory");
	expect_cannot_open(out, "Is a directory");
	expect_cannot_open("", "No such file or directory");
	if (geteuid() != 0) {
		/* File modes do not stop root. */
		cr_assert_eq(chmod(out, 0555), 0);
		snprintf(path, sizeof(path), "%s/report.html", out);
		expect_cannot_open(path, "Permission denied");
	}
	char *names = listing(dir);
	cr_expect_null(strstr(names, ".cards-"), "%s", names);
	cr_expect_null(strstr(names, ".tmp-"), "%s", names);
	free(names);
}

Test(report_html, finish_fails_cleanly_when_the_folder_goes)
{
	char folder[160], path[200];
	struct pc__html *html = NULL;
	char *error = NULL;
	snprintf(folder, sizeof(folder), "%s/gone", dir);
	cr_assert_eq(mkdir(folder, 0755), 0);
	snprintf(path, sizeof(path), "%s/report.html", folder);
	pc_verdict *v = judge("samples/sports-day-lightroom.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_assert_eq(pc__html_open(&html, &error, path, PC_VIEW_STAFF), 0, "%s", error);
	cr_assert_eq(pc__html_add(html, &error, "samples/sports-day-lightroom.jpg", c), 0);
	/* The cards' file is already unlinked: the folder is empty. */
	cr_assert_eq(rmdir(folder), 0);
	struct pc_scan_summary s = summary_of(&v, 1, PC_VIEW_STAFF);
	cr_expect_eq(pc__html_finish(html, &error, &s), PC_EOPEN);
	char want[300];
	snprintf(want, sizeof(want), "cannot write the report '%s': No such file or directory",
	         path);
	cr_expect_str_eq(error ? error : "(none)", want);
	free(error);
	pc__html_free(html);
	free(c);
	pc_verdict_free(v);
}

Test(report_html, many_cards_stream_through)
{
	char path[160];
	struct pc__html *html = NULL;
	char *error = NULL;
	snprintf(path, sizeof(path), "%s/big.html", out);
	pc_verdict *v = judge("samples/whole-school-extended-xmp.jpg", "website");
	char *c = card(v, PC_VIEW_STAFF, 0, NULL, NULL);
	cr_assert_gt(strlen(c), 1000);
	cr_assert_eq(pc__html_open(&html, &error, path, PC_VIEW_STAFF), 0, "%s", error);
	for (int i = 0; i < 3000; i++) {
		char key[32];
		snprintf(key, sizeof(key), "photo-%05d.jpg", (i * 7919) % 3000);
		cr_assert_eq(pc__html_add(html, &error, key, c), 0);
	}
	struct pc_scan_summary s = summary_of(&v, 1, PC_VIEW_STAFF);
	cr_assert_eq(pc__html_finish(html, &error, &s), 0, "%s", error);
	pc__html_free(html);
	char *page = slurp(path);
	cr_expect_eq(count(page, "<article class=\"card\""), 3000);
	cr_expect_eq(count(page, c), 3000, "a card was cut at a copy boundary");
	cr_expect(strlen(page) > 3000 * strlen(c));
	free(page);
	free(c);
	pc_verdict_free(v);
}

/* What the page is given of `s` by the escaping every outside string
 * goes through. */
static void expect_html(const char *s, const char *want)
{
	struct pc__html_out o = { 0 };
	pc__buf_init(&o.b, 0);
	pc__html_esc(&o, s);
	cr_assert_eq(o.err, 0);
	cr_assert_eq(pc__buf_putc(&o.b, '\0'), 0);
	cr_expect_str_eq(o.b.data, want);
	pc__buf_release(&o.b);
}

/* The inputs hold the controls on purpose, escaped. */
/* NOLINTBEGIN(misc-misleading-bidirectional) */
Test(html_escape, no_control_or_bidirectional_character_is_written_raw)
{
	expect_html("a\x1b[2J\x07", "a\xef\xbf\xbd[2J\xef\xbf\xbd");
	expect_html("Ann\xc2\x9b" "2J", "Ann\xef\xbf\xbd" "2J");
	expect_html("Bob \xe2\x80\xaegpj.exe", "Bob \xef\xbf\xbdgpj.exe");
	expect_html("a\xe2\x80\xa8" "b\xe2\x81\xa6", "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	expect_html("Zo\xc3\xab <b>&\"'", "Zo\xc3\xab &lt;b&gt;&amp;&quot;&#39;");
}
/* NOLINTEND(misc-misleading-bidirectional) */
