/*
 * The folder walk, on real trees in a temporary folder (each test runs in a
 * process of its own, in that folder, so paths are short and relative):
 * every file once with its path, links that loop, a FIFO that would block a
 * reader, folders that cannot be opened, trees deeper or longer than the
 * limits, a stop from the callback, and no descriptor left open.
 */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "photoconsent/photoconsent.h"
#include "scan/walk.h"

#define MAX_SEEN 256

struct seen {
	enum pc__walk_kind kind;
	char *path;
	char *message;
	off_t size;
	int xmp_beside;
};

static char dir[64];
static struct seen seen[MAX_SEEN];
static int nseen;
static int stop_after; /* the callback returns 7 at this entry; 0: never */

static void setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/pc-walk-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0);
}

/* Modes back first: a folder left at 000 could not be emptied by a user
 * other than root. */
static void teardown(void)
{
	for (int i = 0; i < nseen; i++) {
		free(seen[i].path);
		free(seen[i].message);
	}
	nseen = 0;
	char cmd[200];
	snprintf(cmd, sizeof(cmd), "cd / && chmod -R u+rwx '%s' && rm -rf '%s'", dir, dir);
	/* NOLINTNEXTLINE(cert-env33-c): a fixed command on the test's own temporary folder */
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
}

TestSuite(walk, .init = setup, .fini = teardown, .timeout = 20);

/* ------------------------------------------------------------------ helpers */

static int collect(void *ctx, const struct pc__walk_entry *e)
{
	(void)ctx;
	cr_assert_lt(nseen, MAX_SEEN, "more entries than any test tree holds");
	cr_assert_not_null(e->path);
	cr_assert_eq(e->message == NULL, e->kind == PC__WALK_FILE,
	             "'%s': a message for everything but a file", e->path);
	struct seen *s = &seen[nseen++];
	s->kind = e->kind;
	s->path = strdup(e->path);
	s->message = e->message ? strdup(e->message) : NULL;
	s->size = e->size;
	s->xmp_beside = e->xmp_beside;
	return nseen == stop_after ? 7 : 0;
}

static void walk(const char *root)
{
	cr_assert_eq(pc__walk(root, collect, NULL), 0, "walking '%s'", root);
}

/* The entry reported for `path`; fails the test unless there is exactly one. */
static const struct seen *one(const char *path)
{
	const struct seen *found = NULL;
	int count = 0;
	for (int i = 0; i < nseen; i++) {
		if (strcmp(seen[i].path, path) == 0) {
			found = &seen[i];
			count++;
		}
	}
	cr_assert_eq(count, 1, "'%s' reported %d times, not once", path, count);
	return found;
}

static int count_kind(enum pc__walk_kind kind)
{
	int n = 0;
	for (int i = 0; i < nseen; i++)
		n += seen[i].kind == kind;
	return n;
}

static void expect_kind(const char *path, enum pc__walk_kind kind, const char *message)
{
	const struct seen *s = one(path);
	cr_expect_eq(s->kind, kind, "'%s': kind %d, not %d", path, s->kind, kind);
	if (message)
		cr_expect(s->message && strcmp(s->message, message) == 0,
		          "'%s': message \"%s\", not \"%s\"", path, s->message ? s->message : "(null)",
		          message);
}

static void make_dir(const char *path)
{
	cr_assert_eq(mkdir(path, 0755), 0, "mkdir %s: %s", path, strerror(errno));
}

static void make_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "create %s: %s", path, strerror(errno));
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

static void make_link(const char *target, const char *path)
{
	cr_assert_eq(symlink(target, path), 0, "symlink %s: %s", path, strerror(errno));
}

static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	cr_assert_not_null(d, "cannot list /proc/self/fd");
	int n = 0;
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

/* ------------------------------------------------------------------- tests */

Test(walk, files_in_nested_folders_each_reported_once_with_their_paths)
{
	make_dir("photos");
	make_dir("photos/trip");
	make_dir("photos/trip/day2");
	make_dir("photos/empty");
	make_file("photos/a.jpg", "a");
	make_file("photos/trip/b.jpg", "bb");
	make_file("photos/trip/day2/c.jpg", "ccc");
	make_file("photos/trip/day2/d.JPG", "dddd");

	walk("photos");

	cr_expect_eq(nseen, 4, "four files, no entries for the folders themselves");
	expect_kind("photos/a.jpg", PC__WALK_FILE, NULL);
	expect_kind("photos/trip/b.jpg", PC__WALK_FILE, NULL);
	expect_kind("photos/trip/day2/c.jpg", PC__WALK_FILE, NULL);
	expect_kind("photos/trip/day2/d.JPG", PC__WALK_FILE, NULL);
	/* Unknown (-1) when the listing said "file", else the true size. */
	const struct seen *c = one("photos/trip/day2/c.jpg");
	cr_expect(c->size == -1 || c->size == 3, "size %lld", (long long)c->size);
}

Test(walk, trailing_slash_on_root_gives_no_doubled_slash)
{
	make_dir("photos");
	make_dir("photos/trip");
	make_file("photos/trip/a.jpg", "a");

	walk("photos/");
	cr_expect_eq(nseen, 1);
	expect_kind("photos/trip/a.jpg", PC__WALK_FILE, NULL);
}

Test(walk, dot_root_gives_dot_slash_paths)
{
	make_file("a.jpg", "a");

	walk(".");
	cr_expect_eq(nseen, 1);
	expect_kind("./a.jpg", PC__WALK_FILE, NULL);
}

Test(walk, link_back_up_the_tree_is_a_loop_and_the_walk_ends)
{
	make_dir("photos");
	make_dir("photos/a");
	make_dir("photos/a/b");
	make_file("photos/a/b/x.jpg", "x");
	make_link("../..", "photos/a/b/up");

	walk("photos");

	cr_expect_eq(nseen, 2, "x.jpg once, the loop once");
	expect_kind("photos/a/b/x.jpg", PC__WALK_FILE, NULL);
	expect_kind("photos/a/b/up", PC__WALK_LOOP, "a link back to the folder 'photos': not followed");
}

Test(walk, link_to_itself_is_a_loop)
{
	make_dir("photos");
	make_link("x", "photos/x");
	make_file("photos/a.jpg", "a");

	walk("photos");

	cr_expect_eq(nseen, 2);
	expect_kind("photos/x", PC__WALK_LOOP, "a symbolic link that loops: not followed");
	expect_kind("photos/a.jpg", PC__WALK_FILE, NULL);
}

/* Opening a FIFO for reading waits for a writer: this test would hang
 * (and fail on the suite's timeout) if the walk opened one. */
Test(walk, fifo_and_socket_are_special_and_never_opened)
{
	make_dir("photos");
	cr_assert_eq(mkfifo("photos/pipe", 0644), 0, "mkfifo: %s", strerror(errno));
	make_link("pipe", "photos/pipe-link.jpg");
	int sock = socket(AF_UNIX, SOCK_STREAM, 0);
	cr_assert_geq(sock, 0);
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	snprintf(addr.sun_path, sizeof(addr.sun_path), "photos/sock");
	cr_assert_eq(bind(sock, (struct sockaddr *)&addr, sizeof(addr)), 0, "bind: %s",
	             strerror(errno));
	make_file("photos/a.jpg", "a");

	walk("photos");
	close(sock);

	cr_expect_eq(nseen, 4);
	expect_kind("photos/pipe", PC__WALK_SPECIAL, "a FIFO: not a photo, not opened");
	expect_kind("photos/pipe-link.jpg", PC__WALK_SPECIAL, "a FIFO: not a photo, not opened");
	expect_kind("photos/sock", PC__WALK_SPECIAL, "a socket: not a photo, not opened");
	expect_kind("photos/a.jpg", PC__WALK_FILE, NULL);
}

Test(walk, fifo_root_is_special_and_never_opened)
{
	cr_assert_eq(mkfifo("pipe", 0644), 0, "mkfifo: %s", strerror(errno));

	walk("pipe");

	cr_expect_eq(nseen, 1);
	expect_kind("pipe", PC__WALK_SPECIAL, "a FIFO: not a photo, not opened");
}

Test(walk, character_device_is_special)
{
	walk("/dev/null");
	cr_expect_eq(nseen, 1);
	expect_kind("/dev/null", PC__WALK_SPECIAL, "a character device: not a photo, not opened");
}

Test(walk, unreadable_folder_is_reported_and_the_rest_walked)
{
	make_dir("photos");
	make_dir("photos/locked");
	make_file("photos/locked/inside.jpg", "i");
	make_file("photos/ok.jpg", "o");
	cr_assert_eq(chmod("photos/locked", 0), 0);

	/* File modes do not stop root: walk as nobody (this process is the
	 * test's own, and the effective ids are put back for the clean-up). */
	int dropped = 0;
	if (geteuid() == 0) {
		cr_assert_eq(chmod(".", 0755), 0);
		dropped = setegid(65534) == 0 && seteuid(65534) == 0;
	}
	int fd = open("photos/locked", O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		close(fd);
		if (dropped && (seteuid(0) != 0 || setegid(0) != 0))
			cr_log_warn("could not take back root's ids");
		cr_log_info("an unreadable folder opens here anyway (root without a user to "
		            "drop to?): nothing to test");
		cr_skip_test("folder modes do not apply to this user");
	}

	walk("photos");
	if (dropped)
		cr_assert(seteuid(0) == 0 && setegid(0) == 0, "cannot take back root's ids");

	cr_expect_eq(nseen, 2);
	expect_kind("photos/locked", PC__WALK_NO_FOLDER,
	            "cannot open the folder: Permission denied");
	expect_kind("photos/ok.jpg", PC__WALK_FILE, NULL);
}

Test(walk, broken_links_are_reported_and_good_links_followed)
{
	make_dir("photos");
	make_file("photos/a.jpg", "abc");
	make_link("nothing.jpg", "photos/gone.jpg");
	make_link("a.jpg/x", "photos/through-a-file.jpg");
	make_link("a.jpg", "photos/link.jpg");

	walk("photos");

	cr_expect_eq(nseen, 4);
	expect_kind("photos/gone.jpg", PC__WALK_BROKEN_LINK,
	            "a symbolic link to nothing: not followed");
	expect_kind("photos/through-a-file.jpg", PC__WALK_BROKEN_LINK, NULL);
	expect_kind("photos/a.jpg", PC__WALK_FILE, NULL);
	expect_kind("photos/link.jpg", PC__WALK_FILE, NULL);
	cr_expect_eq(one("photos/link.jpg")->size, 3, "a link is stat()ed: its size is known");
}

Test(walk, file_root_is_reported_as_itself)
{
	make_file("a.jpg", "abcd");

	walk("a.jpg");

	cr_expect_eq(nseen, 1);
	expect_kind("a.jpg", PC__WALK_FILE, NULL);
	cr_expect_eq(one("a.jpg")->size, 4);
}

Test(walk, missing_root_is_one_no_folder)
{
	walk("nowhere");

	cr_expect_eq(nseen, 1);
	expect_kind("nowhere", PC__WALK_NO_FOLDER, "cannot open: No such file or directory");
}

/* deep/d1/d2/.../d70, a photo in each: the folders down to d64 are walked,
 * d65 is reported once, and nothing below it. */
Test(walk, folders_nested_past_the_limit_are_reported_once)
{
	char path[PATH_MAX] = "deep";
	char file[PATH_MAX + 8];
	make_dir(path);
	for (int i = 1; i <= 70; i++) {
		size_t len = strlen(path);
		snprintf(path + len, sizeof(path) - len, "/d%d", i);
		make_dir(path);
		snprintf(file, sizeof(file), "%s/f.jpg", path);
		make_file(file, "f");
	}
	int fds = open_fds();

	walk("deep");

	cr_expect_eq(count_kind(PC__WALK_TOO_DEEP), 1);
	cr_expect_eq(count_kind(PC__WALK_FILE), PC__WALK_MAX_DEPTH);
	cr_expect_eq(nseen, PC__WALK_MAX_DEPTH + 1);
	for (int i = 0; i < nseen; i++) {
		if (seen[i].kind != PC__WALK_TOO_DEEP)
			continue;
		cr_expect(strstr(seen[i].path, "/d64/d65") &&
		          strcmp(strstr(seen[i].path, "/d64/d65"), "/d64/d65") == 0,
		          "the folder too deep is d65, not '%s'", seen[i].path);
		cr_expect_str_eq(seen[i].message, "nested more than 64 folders deep: not walked");
	}
	cr_expect_eq(open_fds(), fds, "every folder closed");
}

/* Folders with 200-byte names, 25 deep, make a path longer than PATH_MAX:
 * nothing could open a file there by its path. */
Test(walk, path_longer_than_path_max_is_reported_not_walked)
{
	char name[201];
	memset(name, 'n', 200);
	name[200] = '\0';
	make_dir("long");
	int fd = open("long", O_RDONLY | O_DIRECTORY);
	cr_assert_geq(fd, 0);
	for (int i = 0; i < 25; i++) {
		cr_assert_eq(mkdirat(fd, name, 0755), 0, "level %d: %s", i, strerror(errno));
		int next = openat(fd, name, O_RDONLY | O_DIRECTORY);
		cr_assert_geq(next, 0);
		close(fd);
		fd = next;
	}
	close(fd);

	walk("long");

	cr_expect_eq(nseen, 1);
	cr_expect_eq(count_kind(PC__WALK_TOO_DEEP), 1);
	if (nseen == 1) {
		cr_expect_eq(strlen(seen[0].path), PATH_MAX - 1, "the path cut short, but a string");
		cr_expect_str_eq(seen[0].message, "the path is too long to open: not walked");
	}
}

Test(walk, callback_stop_ends_the_walk_and_closes_every_folder)
{
	make_dir("photos");
	make_dir("photos/a");
	make_dir("photos/a/b");
	make_dir("photos/a/b/c");
	make_file("photos/a/b/c/x.jpg", "x");
	make_file("photos/a/b/c/y.jpg", "y");
	make_file("photos/a/b/c/z.jpg", "z");
	int fds = open_fds();

	stop_after = 2;
	cr_expect_eq(pc__walk("photos", collect, NULL), 7, "the callback's value comes back");
	cr_expect_eq(nseen, 2, "nothing reported after the stop");
	cr_expect_eq(open_fds(), fds, "the four open folders are closed");
}

Test(walk, no_descriptor_left_open_after_loops_and_errors)
{
	make_dir("photos");
	make_dir("photos/a");
	make_link("..", "photos/a/up");
	make_link("loop", "photos/loop");
	make_link("nothing", "photos/gone");
	make_file("photos/a/x.jpg", "x");
	int fds = open_fds();

	walk("photos");
	walk("photos/a/x.jpg");
	walk("nowhere");

	cr_expect_eq(nseen, 6);
	cr_expect_eq(open_fds(), fds);
}

/* The reader looks for a sidecar only beside photos whose folder holds
 * one: a folder with IMG.jpg.xmp (or IMG.XMP) says so for every file in
 * it; a folder without, and only that folder, says no. */
Test(walk, says_which_folders_may_hold_a_sidecar)
{
	make_dir("photos");
	make_dir("photos/tagged");
	make_dir("photos/plain");
	make_dir("photos/upper");
	make_file("photos/tagged/a.jpg", "a");
	make_file("photos/tagged/a.jpg.xmp", "<x/>");
	make_file("photos/plain/b.jpg", "b");
	make_file("photos/plain/b.xmp.txt", "not a sidecar");
	make_file("photos/upper/c.jpg", "c");
	make_file("photos/upper/C.XMP", "<x/>");
	walk("photos");
	cr_expect_eq(one("photos/tagged/a.jpg")->xmp_beside, 1);
	cr_expect_eq(one("photos/plain/b.jpg")->xmp_beside, 0);
	cr_expect_eq(one("photos/upper/c.jpg")->xmp_beside, 1);
	/* Listing the folder twice reports each file once. */
	cr_expect_eq(count_kind(PC__WALK_FILE), 6);
	teardown();
	setup();
	make_file("alone.jpg", "a");
	walk("alone.jpg");
	cr_expect_eq(one("alone.jpg")->xmp_beside, 1, "a root file: nobody listed its folder");
}
