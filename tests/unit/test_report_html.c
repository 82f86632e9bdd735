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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"
#include "report_html.h"
#include "text.h"

#define ON "2026-11-26"

static char dir[64];   /* the test's folder: the database, copies of photos */
static char out[128];  /* dir/out: where reports are written, nothing else */
static pc_store *store;

static void setup(void)
{
	char db[128];
	struct pc_import_report *report = NULL;
	snprintf(dir, sizeof(dir), "/tmp/pc-html-XXXXXX");
	cr_assert_not_null(mkdtemp(dir), "cannot make a temporary folder");
	snprintf(out, sizeof(out), "%s/out", dir);
	cr_assert_eq(mkdir(out, 0755), 0);
	snprintf(db, sizeof(db), "%s/consent.db", dir);
	int ret = pc_store_open(&store, db, PC_STORE_CREATE);
	cr_assert_eq(ret, 0, "creating the database: %s", pc_store_error(store));
	ret = pc_store_import_csv(store, "consent-db/demo.csv", NULL, &report);
	cr_assert_eq(ret, 0, "importing demo.csv: %s", pc_store_error(store));
	pc_import_report_free(report);
	const char *tags[] = { "Sports Day 2026" };
	struct pc_event e = { "sports-day-2026", "Sports Day 2026", "2026-07-03", "2026-07-03",
	                      tags, 1, NULL, 0, NULL };
	cr_assert_eq(pc_store_event_add(store, &e, "test"), 0, "%s", pc_store_error(store));
	const char *nativity_tags[] = { "Nativity Play 2025" };
	struct pc_event nativity = { "nativity-2025", "Nativity Play 2025", "2025-12-10",
	                             "2025-12-11", nativity_tags, 1, NULL, 0, NULL };
	cr_assert_eq(pc_store_event_add(store, &nativity, "test"), 0, "%s", pc_store_error(store));
}

static void teardown(void)
{
	char cmd[200];
	pc_store_free(store);
	store = NULL;
	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

TestSuite(report_html, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static pc_verdict *judge(const char *path, const char *purpose)
{
	pc_photo *photo = NULL;
	pc_verdict *v = NULL;
	cr_assert_neq(pc_photo_read(&photo, path, NULL), PC_ERROR, "reading %s", path);
	int ret = pc_policy_judge(&v, store, photo, purpose, ON);
	cr_assert_eq(ret, 0, "judging %s: %s", path, pc_store_error(store));
	pc_photo_free(photo);
	return v;
}

static char *card(const pc_verdict *v, enum pc_view view, int unreadable, const char *thumb,
                  const char *why)
{
	char *c = NULL;
	cr_assert_eq(pc__html_card(&c, v, view, unreadable, thumb, why), 0);
	cr_assert_not_null(c);
	return c;
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
	while ((got = fread(data + n, 1, alloc - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == alloc)
			data = realloc(data, alloc *= 2);
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
			         "data-file=\"%s\">", cases[i].verdict, cases[i].file);
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
	cr_assert_eq(pc_store_pupil_list(store, NULL, &pupils), 0);
	cr_assert_gt(pupils->count, 100);
	static const char *const purposes[] = {
		"website", "parent-social", "press", "staff-personal",
	};
	for (size_t k = 0; k < sizeof(purposes) / sizeof(purposes[0]); k++) {
		for (size_t i = 0; i < n; i++) {
			pc_verdict *v = judge(paths[i], purposes[k]);
			char *c = card(v, PC_VIEW_PARENT, 0, NULL, NULL);
			expect_nothing_secret(c, paths[i], pupils);
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
	cr_assert_eq(pc_report_check_text(&text, v, PC_VIEW_PARENT, 0), 0);
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
		                                                 "&lt;script&gt;.jpg\">"), "%s", c);
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
	cr_expect(strstr(c, "caf\xEF\xBF\xBD\xEF\xBF\xBD&#9;x.jpg\">"), "%s", c);
	free(c);
	pc_verdict_free(v);
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
			if (pc__html_card(&c, j->v[i], (enum pc_view)(i % 2), 0, NULL, "none") ||
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
	pc_verdict **v = calloc(n, sizeof(*v));
	struct pc__html *html = NULL;
	char *error = NULL;
	cr_assert_eq(pc__html_open(&html, &error, path, view), 0, "%s", error);
	for (size_t i = 0; i < n; i++) {
		v[i] = judge(paths[i], "website");
		char *c = card(v[i], view, 0, NULL, NULL);
		cr_assert_eq(pc__html_add(html, &error, c), 0, "%s", error);
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
	/* Nothing loaded from anywhere, nothing run. */
	static const char *const banned[] = {
		"http://", "https://", "src=\"/", "src=\"http", "<link", "@import", "url(",
		"<script", "<iframe", "@font-face",
	};
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		cr_expect_null(strstr(page, banned[i]), "the report holds '%s'", banned[i]);
	/* Written like any new file (0666 less the umask), and nothing else
	 * left in the folder. */
	struct stat st;
	mode_t mask = umask(022);
	umask(mask);
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0666 & ~mask, "mode %o", (unsigned)(st.st_mode & 0777));
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
	cr_assert_eq(pc__html_add(html, &error, c), 0);
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
		cr_assert_eq(pc__html_add(html, &error, c), 0);
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
	cr_assert_eq(pc__html_add(html, &error, c), 0);
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
	cr_assert_eq(pc__html_add(html, &error, c), 0);
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
	for (int i = 0; i < 3000; i++)
		cr_assert_eq(pc__html_add(html, &error, c), 0);
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
