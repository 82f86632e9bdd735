/* The contact sheet's page and files (report_html.h): cards streamed to
 * an unlinked temporary file beside the report, indexed by path, then
 * copied in path order after the summary into a second temporary file
 * that is renamed over the report.
 *
 * The page forbids itself, by its Content-Security-Policy, any script but
 * its own one (allowed by its hash) and any load but its own data:
 * images: should an escape ever be missed, nothing injected runs and
 * nothing leaves the machine. */
#include "report/report_html.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "report/report_html_internal.h"
#include "report/scan_summary.h"

/* Cards are copied into the report this much at a time. */
#define COPY_CHUNK (64 * 1024)
/* The index of the cards: far beyond any school's photo library, and
 * what keeps it (32 bytes and a path per card) well under a gigabyte. */
#define MAX_CARDS (4u * 1024 * 1024)
#define MAX_PATH_BYTES (256u * 1024 * 1024)

/* Where a card is in the cards' file, and the path it is sorted by. */
struct card_entry {
	const char *path; /* into `paths`, set only while sorting */
	size_t path_at;   /* its offset in `paths` */
	uint64_t at;      /* its offset in the cards' file */
	size_t len;
};

struct pc__html {
	char *path;        /* the report */
	char *tmp;         /* the report being written, while it exists */
	int cards;         /* the cards so far: an unlinked file, or -1 */
	uint64_t end;      /* how much of it the cards fill */
	struct card_entry *index;
	size_t count, alloc;
	struct pc__buf paths; /* each card's path, NUL-terminated */
	enum pc_view view;
	unsigned mode;     /* the report's permission bits */
};

/* ------------------------------------------------------------ the page */

static const char *const skip_labels[PC__SCAN_SKIP_KINDS] = {
	"not JPEG", "FIFO or device", "symlink loop", "broken link", "unreadable folder",
	"too deep", "format not read",
};

/* One row per verdict (the summary table) or one label (the filters). */
static const struct {
	const char *slug, *label;
} verdicts[] = {
	{ "share", "Share" }, { "review", "Review" }, { "do-not-share", "Do not share" },
	{ "unreadable", "Unreadable" },
};
#define VERDICTS (sizeof(verdicts) / sizeof(verdicts[0]))

/* The document's head, and the page's header: what, for what, when. */
static void head(struct pc__html_out *o, const struct pc_scan_summary *s, int parent)
{
	const char *what = pc__html_plural(s->photos, "photo", "photos");
	pc__html_raw(o, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	             "img-src data:; style-src 'unsafe-inline'; script-src ");
	pc__html_raw(o, pc__html_script_hash);
	pc__html_raw(o, "; base-uri 'none'; form-action 'none'\">\n"
	             "<meta name=\"referrer\" content=\"no-referrer\">\n"
	             "<meta name=\"generator\" content=\"photoconsent " PC_VERSION "\">\n");
	pc__html_rawf(o, "<title>photoconsent: %zu %s for ", s->photos, what);
	pc__html_with(o, "%s on ", s->purpose);
	pc__html_with(o, "%s</title>\n<style>\n", s->date);
	pc__html_raw(o, pc__html_style);
	pc__html_raw(o, "</style>\n</head>\n<body>\n<header>\n");
	pc__html_rawf(o, "<h1>%zu %s for ", s->photos, what);
	pc__html_with(o, "<q>%s</q> on ", s->purpose);
	pc__html_with(o, "%s</h1>\n", s->date);
	pc__html_raw(o, parent ? "<p class=\"view\"><b>Parent view:</b> no child is named.</p>\n"
	                       : "<p class=\"view\"><b>Staff view:</b> names pupils and their "
	                         "consent; keep it inside the school.</p>\n");
	pc__html_raw(o, "</header>\n");
}

/* The counts, what was skipped by kind, and (staff) who blocks most. */
static void summary_table(struct pc__html_out *o, const struct pc_scan_summary *s,
                          const size_t *counts, int parent)
{
	pc__html_raw(o, "<section class=\"summary\">\n<table class=\"counts\">\n"
	             "<caption>Summary</caption>\n");
	for (size_t i = 0; i < VERDICTS; i++)
		pc__html_rawf(o, "<tr class=\"v v-%s\"><th scope=\"row\">%s</th>"
		              "<td class=\"n\">%zu</td></tr>\n",
		              verdicts[i].slug, verdicts[i].label, counts[i]);
	pc__html_rawf(o, "<tr class=\"total\"><th scope=\"row\">Photos judged</th>"
	              "<td class=\"n\">%zu</td></tr>\n<tr class=\"skipped\"><th scope=\"row\">"
	              "Skipped</th><td class=\"n\">%zu</td></tr>\n", s->photos, s->skipped);
	for (size_t k = 0; k < PC__SCAN_SKIP_KINDS; k++)
		if (s->skipped_by_kind[k])
			pc__html_rawf(o, "<tr class=\"kind\"><th scope=\"row\">%s</th>"
			              "<td class=\"n\">%zu</td></tr>\n",
			              skip_labels[k], s->skipped_by_kind[k]);
	pc__html_raw(o, "</table>\n");
	if (parent) {
		pc__html_raw(o, "</section>\n");
		return;
	}
	if (!s->blocker_count || !s->blockers) {
		pc__html_raw(o, "<p class=\"none-block\">No pupil blocks any photo.</p>\n"
		             "</section>\n");
		return;
	}
	pc__html_raw(o, "<table class=\"blockers\">\n<caption>Pupils who block the most photos"
	             "</caption>\n<thead><tr><th scope=\"col\">Pupil</th><th scope=\"col\">Class"
	             "</th><th scope=\"col\">Photos</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < s->blocker_count; i++) {
		const struct pc_scan_blocker *b = &s->blockers[i];
		pc__html_with(o, "<tr><td>%s</td>", b->name ? b->name : b->pupil_id);
		pc__html_with(o, "<td>%s</td>", b->class_name);
		pc__html_rawf(o, "<td class=\"n\">%zu</td></tr>\n", b->photos);
	}
	pc__html_raw(o, "</tbody>\n</table>\n</section>\n");
}

/* The radios, then their labels: the stylesheet hides the cards of the
 * other verdicts from the checked radio, its sibling, with no script.
 * Then the search box, hidden until the script shows it. */
static void filters(struct pc__html_out *o, const struct pc_scan_summary *s,
                    const size_t *counts, int parent)
{
	pc__html_raw(o, "<input type=\"radio\" name=\"show\" id=\"show-all\" class=\"filter\" "
	             "checked aria-label=\"show all photos\">\n");
	for (size_t i = 0; i < VERDICTS; i++)
		pc__html_rawf(o, "<input type=\"radio\" name=\"show\" id=\"show-%s\" "
		              "class=\"filter\" aria-label=\"show %s only\">\n",
		              verdicts[i].slug, verdicts[i].label);
	pc__html_rawf(o, "<nav class=\"filters\" aria-label=\"find photos\">\n"
	              "<label for=\"show-all\">All<span class=\"n\">%zu</span></label>\n",
	              s->photos);
	for (size_t i = 0; i < VERDICTS; i++)
		pc__html_rawf(o, "<label for=\"show-%s\" class=\"v-%s\">%s"
		              "<span class=\"n\">%zu</span></label>\n", verdicts[i].slug,
		              verdicts[i].slug, verdicts[i].label, counts[i]);
	pc__html_rawf(o, "<div class=\"search\" id=\"search\" role=\"search\" hidden>"
	              "<label for=\"q\">Find</label> <input type=\"search\" id=\"q\" "
	              "placeholder=\"%s\" autocomplete=\"off\" spellcheck=\"false\"> "
	              "<output id=\"found\" for=\"q\" aria-live=\"polite\"></output></div>\n"
	              "</nav>\n<main>\n",
	              parent ? "file name or reason" : "file, pupil, class or reason");
}

/* Everything before the cards. */
static void before_cards(struct pc__html_out *o, const struct pc_scan_summary *s,
                         enum pc_view view)
{
	const size_t counts[VERDICTS] = { s->share, s->review, s->do_not_share, s->unreadable };
	int parent = view == PC_VIEW_PARENT || s->view == PC_VIEW_PARENT;
	head(o, s, parent);
	summary_table(o, s, counts, parent);
	filters(o, s, counts, parent);
}

/* Everything after the cards, the script last: it runs once every card
 * is there. */
static void after_cards(struct pc__html_out *o, const struct pc_scan_summary *s)
{
	pc__html_rawf(o, "</main>\n<footer>\n<p>Made by photoconsent " PC_VERSION " in %.1f s. "
	              "This page is one file: it loads nothing, and its one script only runs "
	              "the search box.</p>\n</footer>\n<script>", s->seconds);
	pc__html_raw(o, pc__html_script);
	pc__html_raw(o, "</script>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------ files */

__attribute__((format(printf, 2, 3)))
static void set_error(char **error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (error)
		*error = pc__vformat(fmt, ap);
	va_end(ap);
}

/* PC_EOPEN, saying why the report cannot be written. */
static int cannot_write(char **error, const char *path, int err)
{
	char why[128];
	if (strerror_r(err, why, sizeof(why)) != 0)
		snprintf(why, sizeof(why), "error %d", err);
	set_error(error, "cannot write the report '%s': %s", path, why);
	return PC_EOPEN;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : EIO;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Makes "PATH.tmp-XXXXXX", mode 0600 whatever the umask: the staff sheet
 * names children and their families' choices, and the parent sheet is
 * no one else's either; whoever it is for is given a copy. O_EXCL makes
 * the name ours alone.
 */
void pc__html_set_mode(struct pc__html *html, unsigned mode)
{
	html->mode = mode & 0777u;
}

static int make_tmp(struct pc__html *h, int *fd)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 17)
	           ^ (uint64_t)(uintptr_t)h;
	size_t len = strlen(h->path);
	if (!(h->tmp = malloc(len + sizeof(".tmp-XXXXXX"))))
		return ENOMEM;
	memcpy(h->tmp, h->path, len);
	memcpy(h->tmp + len, ".tmp-", 5);
	for (int attempt = 0; attempt < 100; attempt++) {
		x += 0x9E3779B97F4A7C15u; /* splitmix64 */
		uint64_t z = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
		z ^= z >> 31;
		for (int i = 0; i < 6; i++, z /= 36)
			h->tmp[len + 5 + i] = digits[z % 36];
		h->tmp[len + 11] = '\0';
		*fd = open(h->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		/* Other bits only when asked for, and whatever the umask. */
		if (*fd >= 0 && h->mode != 0600 && fchmod(*fd, (mode_t)h->mode) != 0) {
			int err = errno;
			close(*fd);
			unlink(h->tmp);
			free(h->tmp);
			h->tmp = NULL;
			return err;
		}
		if (*fd >= 0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	int err = errno;
	free(h->tmp);
	h->tmp = NULL;
	return err;
}

int pc__html_open(struct pc__html **out, char **error, const char *path, enum pc_view view)
{
	struct pc__html *h = NULL;
	char *template = NULL;
	struct stat st;
	int ret = PC_ENOMEM;

	*out = NULL;
	if (error)
		*error = NULL;
	if (!*path || (!stat(path, &st) && S_ISDIR(st.st_mode)))
		return cannot_write(error, path, *path ? EISDIR : ENOENT);
	if (!(h = calloc(1, sizeof(*h))) || !(h->path = strdup(path)))
		goto done;
	h->cards = -1;
	h->view = view;
	h->mode = 0600;
	pc__buf_init(&h->paths, MAX_PATH_BYTES);
	if (!(template = malloc(strlen(path) + sizeof(".cards-XXXXXX"))))
		goto done;
	memcpy(template, path, strlen(path));
	memcpy(template + strlen(path), ".cards-XXXXXX", sizeof(".cards-XXXXXX"));
	if ((h->cards = mkstemp(template)) < 0) {
		ret = cannot_write(error, path, errno);
		goto done;
	}
	/* Unlinked at once: whatever happens to the process, nothing is left. */
	unlink(template);
	fcntl(h->cards, F_SETFD, FD_CLOEXEC);
	*out = h;
	h = NULL;
	ret = 0;
done:
	if (ret == PC_ENOMEM)
		set_error(error, "cannot write the report '%s': out of memory", path);
	free(template);
	pc__html_free(h);
	return ret;
}

/* Writes all of `data` at `at` in `fd`. 0 or an errno. */
static int write_at(int fd, const char *data, size_t len, uint64_t at)
{
	while (len) {
		ssize_t n = pwrite(fd, data, len, (off_t)at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : EIO;
		data += n;
		len -= (size_t)n;
		at += (uint64_t)n;
	}
	return 0;
}

int pc__html_add(struct pc__html *html, char **error, const char *path, const char *card)
{
	size_t len = strlen(card), path_at = html->paths.len;
	if (error)
		*error = NULL;
	if (html->cards < 0)
		return cannot_write(error, html->path, EBADF);
	if (html->count == MAX_CARDS) {
		set_error(error, "cannot write the report '%s': more than %u photos", html->path,
		          MAX_CARDS);
		return PC_ETOOBIG;
	}
	if (html->count == html->alloc) {
		size_t alloc = html->alloc ? html->alloc * 2 : 256;
		struct card_entry *grown = realloc(html->index, alloc * sizeof(*grown));
		if (!grown) {
			set_error(error, "cannot write the report '%s': out of memory", html->path);
			return PC_ENOMEM;
		}
		html->index = grown;
		html->alloc = alloc;
	}
	int ret = pc__buf_append(&html->paths, path, strlen(path) + 1);
	if (ret) {
		set_error(error, ret == PC_ETOOBIG ? "cannot write the report '%s': too many photos"
		                                   : "cannot write the report '%s': out of memory",
		          html->path);
		return ret;
	}
	/* Written where the last card ended, whatever a failed write left
	 * behind it; a card that fails is not indexed, so never copied. */
	int err = write_at(html->cards, card, len, html->end);
	if (err) {
		html->paths.len = path_at;
		html->paths.data[path_at] = '\0';
		return cannot_write(error, html->path, err);
	}
	html->index[html->count++] = (struct card_entry){ NULL, path_at, html->end, len };
	html->end += len;
	return 0;
}

/* Paths in byte order (strcmp's, as unsigned char), which keeps each
 * folder's photos together, ahead of no locale's collation: the order is
 * the same wherever the report is made. The same path twice (it cannot
 * happen in one scan) keeps the order the cards came in. */
static int by_path(const void *a, const void *b)
{
	const struct card_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* Copies the cards, in path order, to `fd`, a chunk at a time. 0 or an
 * errno. */
static int copy_cards(struct pc__html *h, int fd)
{
	char *chunk = malloc(COPY_CHUNK);
	size_t used = 0;
	int err = chunk ? 0 : ENOMEM;
	for (size_t i = 0; i < h->count; i++)
		h->index[i].path = h->paths.data + h->index[i].path_at;
	if (h->count > 1)
		qsort(h->index, h->count, sizeof(*h->index), by_path);
	for (size_t i = 0; i < h->count && !err; i++) {
		uint64_t at = h->index[i].at;
		size_t left = h->index[i].len;
		while (left && !err) {
			if (used == COPY_CHUNK) {
				err = write_all(fd, chunk, used);
				used = 0;
				continue;
			}
			size_t want = left < COPY_CHUNK - used ? left : COPY_CHUNK - used;
			ssize_t n = pread(h->cards, chunk + used, want, (off_t)at);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				err = n < 0 ? errno : EIO;
				break;
			}
			used += (size_t)n;
			at += (uint64_t)n;
			left -= (size_t)n;
		}
	}
	if (!err && used)
		err = write_all(fd, chunk, used);
	free(chunk);
	return err;
}

/* Makes the rename last: the folder's entry reaches the disk too. */
static void sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : NULL;
	int fd = open(dir ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int pc__html_finish(struct pc__html *html, char **error, const struct pc_scan_summary *summary)
{
	struct pc__html_out page = { { NULL, 0, 0, 0 }, 0 };
	int fd = -1, err = 0, ret = PC_ENOMEM;

	if (error)
		*error = NULL;
	if (html->cards < 0) {
		set_error(error, "the report '%s' was already written", html->path);
		return PC_ENOMEM;
	}
	before_cards(&page, summary, html->view);
	if (page.err)
		goto done;
	if ((err = make_tmp(html, &fd)) != 0)
		goto done;
	err = write_all(fd, page.b.data, page.b.len);
	err = err ? err : copy_cards(html, fd);
	pc__buf_release(&page.b);
	after_cards(&page, summary);
	if (page.err)
		goto done;
	err = err ? err : write_all(fd, page.b.data, page.b.len);
	err = err ? err : fsync(fd) ? errno : 0;
	if (close(fd) && !err)
		err = errno;
	fd = -1;
	err = err ? err : rename(html->tmp, html->path) ? errno : 0;
	if (!err) {
		free(html->tmp);
		html->tmp = NULL;
		sync_folder(html->path);
		close(html->cards);
		html->cards = -1;
		ret = 0;
	}
done:
	if (fd >= 0)
		close(fd);
	if (html->tmp) {
		unlink(html->tmp);
		free(html->tmp);
		html->tmp = NULL;
	}
	if (err == ENOMEM)
		err = 0;
	if (err)
		ret = cannot_write(error, html->path, err);
	else if (ret)
		set_error(error, "cannot write the report '%s': out of memory", html->path);
	pc__buf_release(&page.b);
	return ret;
}

void pc__html_free(struct pc__html *html)
{
	if (!html)
		return;
	if (html->cards >= 0)
		close(html->cards);
	if (html->tmp)
		unlink(html->tmp);
	free(html->tmp);
	free(html->index);
	pc__buf_release(&html->paths);
	free(html->path);
	free(html);
}
