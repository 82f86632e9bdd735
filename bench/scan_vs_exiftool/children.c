/* Running the tools: each in a fresh child, timed, with its peak memory;
 * the first line a tool prints; finding photoconsent and exiftool. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "scan_vs_exiftool.h"

static double seconds_of(struct timeval t)
{
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

/* Waits for `pid`; on an interrupt, asks it to stop and still reaps it. */
static int reap(pid_t pid, int *status, struct rusage *ru)
{
	int signalled = 0;
	while (wait4(pid, status, 0, ru) < 0) {
		if (errno != EINTR)
			return bench_fail("wait4: %s", strerror(errno));
		if (interrupted && !signalled) {
			kill(pid, SIGTERM);
			signalled = 1;
		}
	}
	return 0;
}

/*
 * Runs argv in a fresh child (so wait4 gives this run's own peak memory)
 * with its standard output to `out` (NULL: /dev/null) and its standard
 * error to `err` (NULL: this process's). Returns 0 when it ran, whatever
 * its status; -1 when it could not be run or waited for.
 */
int spawn(const char *const argv[], const char *out, const char *err, struct outcome *o)
{
	double start = now_seconds();
	pid_t pid = fork();
	if (pid < 0)
		return bench_fail("fork: %s", strerror(errno));
	if (pid == 0) {
		/* Only async-signal-safe calls between fork and exec. */
		int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(126);
		if (err) {
			int efd = open(err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
			if (efd < 0 || dup2(efd, STDERR_FILENO) < 0)
				_exit(126);
		}
		/* execvp never changes the strings; its prototype predates const. */
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (reap(pid, &st, &ru))
		return -1;
	o->seconds = now_seconds() - start;
	o->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	o->cpu = seconds_of(ru.ru_utime) + seconds_of(ru.ru_stime);
	o->maxrss_kb = ru.ru_maxrss;
	return 0;
}

/* Runs argv and keeps the first line of what it prints (a version, a
 * count) in `out`; "?" when it cannot be run or exits non-zero. */
void first_line(char *out, size_t size, const char *const argv[])
{
	int fds[2];
	snprintf(out, size, "?");
	if (pipe(fds))
		return;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (dup2(fds[1], STDOUT_FILENO) < 0 || null < 0 || dup2(null, STDERR_FILENO) < 0)
			_exit(126);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	char buf[512], rest[512];
	size_t len = 0;
	ssize_t got;
	/* Read to the end, so that the child never blocks on a full pipe. */
	for (;;) {
		int full = len == sizeof(buf) - 1;
		/* read() fills the buffer; cppcheck takes it for a use of it. */
		/* cppcheck-suppress legacyUninitvar */
		got = read(fds[0], full ? rest : buf + len, full ? sizeof(rest) : sizeof(buf) - 1 - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (!full)
			len += (size_t)got;
	}
	close(fds[0]);
	int st;
	struct rusage ru;
	if (reap(pid, &st, &ru) || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return;
	buf[len] = '\0';
	len = strcspn(buf, "\n");
	len = len < size - 1 ? len : size - 1;
	memcpy(out, buf, len);
	out[len] = '\0';
}

/* Whether `name` is an executable on $PATH. */
int on_path(const char *name)
{
	const char *path = getenv("PATH");
	char file[PATH_MAX];
	while (path && *path) {
		size_t len = strcspn(path, ":");
		snprintf(file, sizeof(file), "%.*s/%s", (int)len, len ? path : ".", name);
		if (access(file, X_OK) == 0)
			return 1;
		path += len + (path[len] == ':');
	}
	return 0;
}

/* $PHOTOCONSENT_BIN, else the photoconsent beside this benchmark
 * (BUILD/bench/x -> BUILD/photoconsent), else build/photoconsent. */
void find_binary(char *out, size_t size, const char *self)
{
	const char *env = getenv("PHOTOCONSENT_BIN");
	if (env && *env) {
		snprintf(out, size, "%s", env);
		return;
	}
	const char *slash = strrchr(self, '/');
	if (slash) {
		snprintf(out, size, "%.*s/../photoconsent", (int)(slash - self), self);
		if (access(out, X_OK) == 0)
			return;
	}
	snprintf(out, size, "build/photoconsent");
}

/*
 * Runs one of the measured commands; a status outside {0, 1, 2} (0 all
 * share or read, 1 some do-not-share, 2 some review) ends the benchmark,
 * with what the command wrote to its standard error.
 */
int run_tool(const struct bench *b, const char *what, const char *const argv[],
                    const char *out, struct outcome *o)
{
	if (spawn(argv, out, b->errlog, o))
		return -1;
	if (interrupted)
		return -1;
	if (o->status > 2) {
		bench_fail("%s exited with status %d (expected 0, 1 or 2)%s", what, o->status,
		     o->status == 127 ? ": could it be run?" : "");
		show_tail(b->errlog);
		return -1;
	}
	return 0;
}
