/*
 * scan_vs_exiftool: how fast `photoconsent scan` judges a school's photo
 * library, against exiftool reading the same tags and against the I/O
 * floor (opening each photo and reading its marker segments up to SOS,
 * all that the scanner has to read); whether its peak memory stays flat
 * as the library grows tenfold; and what the previews of its HTML contact
 * sheet cost against a plain libjpeg 1/8-scale decode.
 *
 * Makes, in a temporary folder (under $TMPDIR, else /tmp; removed at the
 * end, also on failure or interrupt), a library of N photos (default
 * 20,000): DISTINCT (default 200) full-size 12-megapixel JPEGs (4000x3000,
 * quality 90, gradients plus noise, a few MB each), each carrying the
 * metadata segments of one of the JPEGs in samples/ (in turn), hard-linked
 * over and over into event folders of 500 photos; then 10xN links for the
 * memory figure and a folder of the first 1,000 for the previews. Every
 * figure is of the same files in the same run, with a warm page cache
 * (one untimed pass of each tool first), 3 runs each interleaved, medians.
 *
 * Usage: scan_vs_exiftool [N [DISTINCT]]      (e.g. 500 50 for a quick run)
 * Run from the project's root folder (`make bench` does). Uses
 * $PHOTOCONSENT_BIN if set, else the photoconsent built beside this
 * benchmark (BUILD/bench/.. -> BUILD/photoconsent), else build/photoconsent;
 * and a demo database made with build-aux/demo-db.sh. The exiftool figures
 * are skipped, saying so, when exiftool is not installed.
 *
 * Beside the I/O floor it times a parse floor: the same reading, plus
 * expat (the XML parser the project reads XMP with) parsing each photo's
 * XMP and ExtendedXMP with no handler, the least any reader that parses
 * XMP can spend.
 *
 * Prints the figures against their bars; exits non-zero only when
 * something fails (a bar missed is a figure, not a failure).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <expat.h>
#include <jpeglib.h>

#define ME "scan_vs_exiftool"

#define DEFAULT_PHOTOS 20000u
#define DEFAULT_DISTINCT 200u
#define MAX_PHOTOS 1000000u  /* x10 links for the memory figure: 10 million entries */
#define PER_FOLDER 500u      /* photos per event folder, as a school files them */
#define RUNS 3
#define BIG_FACTOR 10u       /* the memory figure's larger library: 10xN */
#define PREVIEW_PHOTOS 1000u /* the contact sheet's subset */
#define READ_THROUGH_BYTES (1u << 20)

#define WIDTH 4000
#define HEIGHT 3000
#define QUALITY 90
/* Upper bound of one distinct file's size on disk, for the space check:
 * the noise amplitudes below give 2.5 to 4 MB. */
#define MAX_FILE_BYTES (6ull << 20)
/* Room for the folders of the 11xN links, the database, the reports. */
#define SPARE_BYTES (256ull << 20)

/* When one exiftool pass takes longer than this, it is timed once, not
 * RUNS times: over 20,000 full-size photos it takes minutes. */
#define EXIFTOOL_ONCE_SECONDS 60.0

/* Random bytes that every picture's rows take their noise from, at
 * offsets that differ per row and per picture: cheaper than drawing 36
 * million random numbers for each of the DISTINCT pictures. */
#define NOISE_BYTES (1u << 20)

/* The bars the product must meet (README). */
#define BAR_VS_EXIFTOOL 30.0 /* scan at least this many times faster */
#define BAR_VS_FLOOR 2.0     /* scan at most this many times the I/O floor */
#define BAR_MEMORY 1.2       /* peak memory at 10xN at most this times N's */
#define BAR_PREVIEW 1.0      /* a preview at most this times a 1/8 decode */

/* The tags scan reads, by exiftool's names: exiftool reads the same. */
static const char *const exiftool_tags[] = {
	"-XMP-mwg-rs:RegionName", "-XMP-MP:RegionPersonDisplayName",
	"-XMP-iptcExt:PersonInImage", "-XMP-dc:Subject", "-XMP-lr:HierarchicalSubject",
	"-XMP-digiKam:TagsList", "-XMP-microsoft:LastKeywordXMP", "-IPTC:Keywords",
	"-XPKeywords", "-XMP-iptcExt:Event", "-DateTimeOriginal", "-GPSLatitude",
	"-Caption-Abstract", "-XMP-dc:Description", "-ImageDescription", "-Orientation",
};
#define EXIFTOOL_TAGS (sizeof(exiftool_tags) / sizeof(exiftool_tags[0]))

/* Set by SIGINT, SIGTERM and SIGHUP: every loop and every wait looks at
 * it, so that an interrupted run still removes its temporary folder. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

__attribute__((format(printf, 1, 2)))
static int fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs(ME ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return -1;
}

/* snprintf that treats a cut-off path as the error it is. */
__attribute__((format(printf, 3, 4)))
static int format(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size)
		return fail("a path is too long: %s...", out);
	return 0;
}

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static const char *met(int ok)
{
	return ok ? "met" : "NOT MET";
}

/* ------------------------------------------------------------- plain I/O */

static int read_full(int fd, void *buf, size_t n)
{
	unsigned char *p = buf;
	while (n > 0) {
		ssize_t got = read(fd, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got == 0)
				errno = EIO; /* a short file: the caller's files are whole */
			return -1;
		}
		p += got;
		n -= (size_t)got;
	}
	return 0;
}

static int write_full(int fd, const void *buf, size_t n)
{
	const unsigned char *p = buf;
	while (n > 0) {
		ssize_t put = write(fd, p, n);
		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0)
			return -1;
		p += put;
		n -= (size_t)put;
	}
	return 0;
}

/* The last lines a failed command wrote to its log, for the message. */
static void show_tail(const char *path)
{
	char buf[2048];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	off_t from = 0;
	if (fstat(fd, &st) == 0 && st.st_size > (off_t)sizeof(buf) - 1)
		from = st.st_size - (off_t)sizeof(buf) + 1;
	ssize_t got = pread(fd, buf, sizeof(buf) - 1, from);
	if (got > 0) {
		buf[got] = '\0';
		fprintf(stderr, "--- its standard error ends:\n%s%s---\n", buf,
		        buf[got - 1] == '\n' ? "" : "\n");
	}
	close(fd);
}

/* Removes a folder and everything in it, without following links. */
static int remove_tree(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return fail("removing %s: %s", name, strerror(errno));
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return fail("removing %s: %s", name, strerror(errno));
	}
	int ret = 0;
	struct dirent *e;
	for (errno = 0; ret == 0 && (e = readdir(d)); errno = 0) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		int is_dir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN) {
			struct stat st;
			if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW)) {
				ret = fail("removing %s/%s: %s", name, e->d_name, strerror(errno));
				break;
			}
			is_dir = S_ISDIR(st.st_mode);
		}
		if (ret == 0 && is_dir)
			ret = remove_tree(fd, e->d_name);
		else if (ret == 0 && unlinkat(fd, e->d_name, 0))
			ret = fail("removing %s/%s: %s", name, e->d_name, strerror(errno));
	}
	if (ret == 0 && errno)
		ret = fail("reading %s: %s", name, strerror(errno));
	if (closedir(d) && ret == 0)
		ret = fail("closing %s: %s", name, strerror(errno));
	if (ret == 0 && unlinkat(parent, name, AT_REMOVEDIR))
		ret = fail("removing %s: %s", name, strerror(errno));
	return ret;
}

/* ------------------------------------------------------------- children */

struct outcome {
	int status;      /* the exit status; 128 + the signal that killed it */
	double seconds;  /* wall-clock, fork to reaped */
	double cpu;      /* user + system seconds */
	long maxrss_kb;  /* the child's peak resident memory */
};

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
			return fail("wait4: %s", strerror(errno));
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
static int spawn(const char *const argv[], const char *out, const char *err, struct outcome *o)
{
	double start = now_seconds();
	pid_t pid = fork();
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
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
static void first_line(char *out, size_t size, const char *const argv[])
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
static int on_path(const char *name)
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
static void find_binary(char *out, size_t size, const char *self)
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

/* --------------------------------------------------------------- the run */

struct bench {
	char bin[PATH_MAX];
	char tmp[PATH_MAX];     /* the temporary folder; "" until made */
	char photos[PATH_MAX];  /* the library: N photos */
	char big[PATH_MAX];     /* 10xN links, for the memory figure */
	char preview[PATH_MAX]; /* links to the first PREVIEW_PHOTOS photos */
	char db[PATH_MAX], out[PATH_MAX], errlog[PATH_MAX], report[PATH_MAX];
	unsigned photos_n, distinct, preview_n;
	int have_scan, have_exiftool;
	unsigned long long distinct_bytes; /* the distinct files: what is on disk */
	unsigned long long listed_bytes;   /* N photos' sizes, as the tools see them */
	unsigned long long *sizes;         /* each distinct file's size */
	unsigned samples;
	char cores[16];                    /* what nproc says */
};

/*
 * Runs one of the measured commands; a status outside {0, 1, 2} (0 all
 * share or read, 1 some do-not-share, 2 some review) ends the benchmark,
 * with what the command wrote to its standard error.
 */
static int run_tool(const struct bench *b, const char *what, const char *const argv[],
                    const char *out, struct outcome *o)
{
	if (spawn(argv, out, b->errlog, o))
		return -1;
	if (interrupted)
		return -1;
	if (o->status > 2) {
		fail("%s exited with status %d (expected 0, 1 or 2)%s", what, o->status,
		     o->status == 127 ? ": could it be run?" : "");
		show_tail(b->errlog);
		return -1;
	}
	return 0;
}

/* The folder and the path of photo `i` under `root`: event folders of
 * PER_FOLDER photos, as a school's library is filed. */
static int folder_of(char *out, size_t size, const char *root, unsigned i)
{
	return format(out, size, "%s/event-%04u", root, i / PER_FOLDER);
}

static int photo_of(char *out, size_t size, const char *root, unsigned i)
{
	return format(out, size, "%s/event-%04u/IMG_%07u.jpg", root, i / PER_FOLDER, i);
}

/* ---------------------------------------------------- making the photos */

/* The metadata of one sample: its APPn segments between SOI and the first
 * marker that is not APPn (EXIF, XMP, ExtendedXMP, IPTC), bytes as they
 * stand in the file. */
struct sample {
	unsigned char *segments;
	size_t length;
};

static int load_sample(struct sample *s, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail("%s: %s", path, strerror(errno));
	struct stat st;
	unsigned char *data = NULL;
	int ret = -1;
	if (fstat(fd, &st)) {
		fail("%s: %s", path, strerror(errno));
		goto done;
	}
	if (st.st_size < 4 || !(data = malloc((size_t)st.st_size))) {
		fail("%s: %s", path, st.st_size < 4 ? "too short" : "out of memory");
		goto done;
	}
	if (read_full(fd, data, (size_t)st.st_size)) {
		fail("reading %s: %s", path, strerror(errno));
		goto done;
	}
	size_t size = (size_t)st.st_size, end = 2;
	if (data[0] != 0xFF || data[1] != 0xD8) {
		fail("%s: not a JPEG", path);
		goto done;
	}
	while (end + 4 <= size && data[end] == 0xFF && data[end + 1] >= 0xE0 && data[end + 1] <= 0xEF) {
		size_t len = (size_t)data[end + 2] << 8 | data[end + 3];
		if (len < 2 || end + 2 + len > size) {
			fail("%s: a segment runs past the end", path);
			goto done;
		}
		end += 2 + len;
	}
	s->length = end - 2;
	if (!(s->segments = malloc(s->length ? s->length : 1))) {
		fail("out of memory");
		goto done;
	}
	memcpy(s->segments, data + 2, s->length);
	ret = 0;
done:
	free(data);
	if (close(fd) && ret == 0)
		ret = fail("closing %s: %s", path, strerror(errno));
	return ret;
}

/* A small generator with a seed per picture: the same library every run. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/*
 * A picture: smooth random walks along the columns and down the rows for
 * each colour (so that neighbouring pixels are close, as in a photo), plus
 * noise of a per-picture amplitude (which sets the file's size: 8 to 16
 * gives 2.5 to 4 MB at quality 90). Separable, so a row costs a few adds
 * per pixel and no picture is ever held whole in memory.
 */
struct picture {
	short col[3][WIDTH];
	short row[3][HEIGHT];
	int base[3];
	int amplitude;
	size_t noise_offset;
};

static void random_walk(short *v, size_t n, uint64_t *state)
{
	int value = 0, slope = 0;
	for (size_t i = 0; i < n; i++) {
		slope += (int)(next_random(state) % 7) - 3;
		slope = slope > 4 ? 4 : slope < -4 ? -4 : slope;
		value += slope;
		if (value > 90 || value < -90) {
			value = value > 0 ? 90 : -90;
			slope = -slope;
		}
		v[i] = (short)value;
	}
}

static void make_picture(struct picture *p, unsigned seed)
{
	uint64_t state = 0x9E3779B97F4A7C15ull ^ ((uint64_t)seed + 1) * 0xBF58476D1CE4E5B9ull;
	for (int i = 0; i < 8; i++)
		next_random(&state);
	for (int c = 0; c < 3; c++) {
		random_walk(p->col[c], WIDTH, &state);
		random_walk(p->row[c], HEIGHT, &state);
		p->base[c] = 60 + (int)(next_random(&state) % 136);
	}
	p->amplitude = 8 + (int)(next_random(&state) % 9);
	p->noise_offset = (size_t)(next_random(&state) % NOISE_BYTES);
}

static void picture_row(unsigned char *line, const struct picture *p, const unsigned char *noise,
                        int y)
{
	/* Each row's noise starts elsewhere in the table. */
	size_t start = (p->noise_offset + (size_t)y * 12007u) % (NOISE_BYTES - WIDTH * 3);
	const unsigned char *n = noise + start;
	for (int x = 0; x < WIDTH; x++) {
		for (int c = 0; c < 3; c++) {
			int v = p->base[c] + p->col[c][x] + p->row[c][y] +
			        (((int)n[x * 3 + c] - 128) * p->amplitude) / 128;
			line[x * 3 + c] = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
		}
	}
}

/* libjpeg's errors come back here instead of ending the process. */
struct jpeg_failure {
	struct jpeg_error_mgr pub;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
};

static void jpeg_failed(j_common_ptr cinfo)
{
	struct jpeg_failure *f = (struct jpeg_failure *)cinfo->err;
	(*cinfo->err->format_message)(cinfo, f->message);
	longjmp(f->jump, 1);
}

/* A destination that writes the encoder's output straight to a file,
 * less its first `skip` bytes: the SOI, which the benchmark has already
 * written, followed by the sample's metadata. */
struct fd_destination {
	struct jpeg_destination_mgr pub;
	int fd;
	size_t skip;
	unsigned long long written;
	JOCTET buffer[1 << 16];
};

static void destination_flush(j_compress_ptr cinfo, size_t n)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	const JOCTET *p = d->buffer;
	size_t drop = d->skip < n ? d->skip : n;
	p += drop;
	n -= drop;
	d->skip -= drop;
	if (write_full(d->fd, p, n)) {
		struct jpeg_failure *f = (struct jpeg_failure *)cinfo->err;
		snprintf(f->message, sizeof(f->message), "write: %s", strerror(errno));
		longjmp(f->jump, 1);
	}
	d->written += n;
}

static void destination_init(j_compress_ptr cinfo)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	d->pub.next_output_byte = d->buffer;
	d->pub.free_in_buffer = sizeof(d->buffer);
}

static boolean destination_empty(j_compress_ptr cinfo)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	destination_flush(cinfo, sizeof(d->buffer));
	destination_init(cinfo);
	return TRUE;
}

static void destination_term(j_compress_ptr cinfo)
{
	struct fd_destination *d = (struct fd_destination *)cinfo->dest;
	destination_flush(cinfo, sizeof(d->buffer) - d->pub.free_in_buffer);
}

/* One encoder, reused for every distinct photo (on the heap: its row and
 * the picture's walks are large). */
struct encoder {
	struct jpeg_compress_struct cinfo;
	struct jpeg_failure err;
	struct fd_destination dest;
	struct picture picture;
	unsigned char line[WIDTH * 3];
	int created;
};

static int encoder_init(struct encoder *e)
{
	e->cinfo.err = jpeg_std_error(&e->err.pub);
	e->err.pub.error_exit = jpeg_failed;
	if (setjmp(e->err.jump))
		return fail("libjpeg: %s", e->err.message);
	jpeg_create_compress(&e->cinfo);
	e->created = 1;
	e->dest.pub.init_destination = destination_init;
	e->dest.pub.empty_output_buffer = destination_empty;
	e->dest.pub.term_destination = destination_term;
	e->cinfo.dest = &e->dest.pub;
	return 0;
}

/* Compresses the encoder's picture to `fd`, after what is already there.
 * Quality 90 and no JFIF APP0 of its own: the sample's segments stand in
 * its place. */
static int encode_to(struct encoder *e, const unsigned char *noise, int fd, const char *path)
{
	e->dest.fd = fd;
	e->dest.skip = 2;
	e->dest.written = 0;
	if (setjmp(e->err.jump)) {
		jpeg_abort_compress(&e->cinfo);
		return fail("encoding %s: %s", path, e->err.message);
	}
	e->cinfo.image_width = WIDTH;
	e->cinfo.image_height = HEIGHT;
	e->cinfo.input_components = 3;
	e->cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&e->cinfo);
	jpeg_set_quality(&e->cinfo, QUALITY, TRUE);
	e->cinfo.write_JFIF_header = FALSE;
	jpeg_start_compress(&e->cinfo, TRUE);
	JSAMPROW row = e->line;
	while (e->cinfo.next_scanline < HEIGHT) {
		picture_row(e->line, &e->picture, noise, (int)e->cinfo.next_scanline);
		jpeg_write_scanlines(&e->cinfo, &row, 1);
	}
	jpeg_finish_compress(&e->cinfo);
	return 0;
}

/* Writes distinct photo `d` to `path`: SOI, the sample's metadata
 * segments, then the new picture's tables and scan. */
static int write_photo(struct bench *b, struct encoder *e, const unsigned char *noise,
                       const struct sample *s, unsigned d, const char *path)
{
	static const unsigned char soi[2] = { 0xFF, 0xD8 };
	make_picture(&e->picture, d);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return fail("%s: %s", path, strerror(errno));
	int ret = 0;
	if (write_full(fd, soi, 2) || write_full(fd, s->segments, s->length))
		ret = fail("writing %s: %s", path, strerror(errno));
	else
		ret = encode_to(e, noise, fd, path);
	if (close(fd) && ret == 0)
		ret = fail("closing %s: %s", path, strerror(errno));
	if (ret == 0)
		b->sizes[d] = 2 + s->length + e->dest.written;
	return ret;
}

static int make_folder(const char *path)
{
	if (mkdir(path, 0755) && errno != EEXIST)
		return fail("mkdir %s: %s", path, strerror(errno));
	return 0;
}

/* Links `count` photos under `root` to the distinct files, photo i to the
 * library's photo i % DISTINCT, starting at photo `from`. */
static int link_photos(struct bench *b, const char *root, unsigned from, unsigned count)
{
	char src[PATH_MAX], dst[PATH_MAX];
	for (unsigned i = from; i < count; i++) {
		if (interrupted)
			return -1;
		if (i % PER_FOLDER == 0 || i == from) {
			if (folder_of(dst, sizeof(dst), root, i) || make_folder(dst))
				return -1;
		}
		if (photo_of(src, sizeof(src), b->photos, i % b->distinct) ||
		    photo_of(dst, sizeof(dst), root, i))
			return -1;
		if (link(src, dst))
			return fail("link %s %s: %s", src, dst, strerror(errno));
	}
	return 0;
}

/* Reads the samples' metadata (in name order), then encodes the distinct
 * photos, each tagged as sample d % samples. */
static int make_distinct(struct bench *b, double *encoding)
{
	glob_t g;
	struct sample *samples = NULL;
	unsigned char *noise = NULL;
	struct encoder *e = NULL;
	size_t loaded = 0;
	int ret = -1;

	int rc = glob("samples/*.jpg", 0, NULL, &g);
	if (rc) {
		globfree(&g);
		return fail("no samples/*.jpg: run from the project's root folder");
	}
	samples = calloc(g.gl_pathc, sizeof(*samples));
	noise = malloc(NOISE_BYTES);
	e = calloc(1, sizeof(*e));
	if (!samples || !noise || !e) {
		fail("out of memory");
		goto done;
	}
	for (; loaded < g.gl_pathc; loaded++)
		if (load_sample(&samples[loaded], g.gl_pathv[loaded]))
			goto done;
	b->samples = (unsigned)loaded;
	uint64_t state = 0x2545F4914F6CDD1Dull;
	for (size_t i = 0; i < NOISE_BYTES; i++)
		noise[i] = (unsigned char)(next_random(&state) >> 56);
	if (encoder_init(e))
		goto done;

	double start = now_seconds();
	char path[PATH_MAX];
	for (unsigned d = 0; d < b->distinct; d++) {
		if (interrupted)
			goto done;
		if ((d % PER_FOLDER == 0 && (folder_of(path, sizeof(path), b->photos, d) ||
		                             make_folder(path))) ||
		    photo_of(path, sizeof(path), b->photos, d) ||
		    write_photo(b, e, noise, &samples[d % loaded], d, path))
			goto done;
		b->distinct_bytes += b->sizes[d];
	}
	*encoding = now_seconds() - start;
	ret = 0;
done:
	if (e && e->created)
		jpeg_destroy_compress(&e->cinfo);
	free(e);
	free(noise);
	for (size_t i = 0; i < loaded; i++)
		free(samples[i].segments);
	free(samples);
	globfree(&g);
	return ret;
}

/* Whether the temporary folder's disk has room for the distinct files. */
static int check_space(const char *parent, unsigned distinct)
{
	struct statvfs fs;
	if (statvfs(parent, &fs))
		return fail("statvfs %s: %s", parent, strerror(errno));
	unsigned long long avail = (unsigned long long)fs.f_bavail * fs.f_frsize;
	unsigned long long need = distinct * MAX_FILE_BYTES + SPARE_BYTES;
	printf("disk: %.1f GB free in %s; the photos need up to %.1f GB\n", (double)avail / 1e9,
	       parent, (double)need / 1e9);
	if (avail < need)
		return fail("not enough space in %s: %.1f GB free, up to %.1f GB needed for %u "
		            "distinct 12-megapixel photos; free some space, set TMPDIR to a "
		            "roomier disk, or give fewer distinct files (%s N DISTINCT)",
		            parent, (double)avail / 1e9, (double)need / 1e9, distinct, ME);
	return 0;
}

/* The temporary folder and everything in it: the library, the 10xN
 * links, the preview subset, the database. */
static int make_library(struct bench *b)
{
	const char *parent = getenv("TMPDIR");
	if (!parent || !*parent)
		parent = "/tmp";
	if (check_space(parent, b->distinct))
		return -1;
	if (format(b->tmp, sizeof(b->tmp), "%s/%s.XXXXXX", parent, ME))
		return -1;
	if (!mkdtemp(b->tmp)) {
		int e = errno;
		fail("mkdtemp %s: %s", b->tmp, strerror(e));
		b->tmp[0] = '\0';
		return -1;
	}
	if (format(b->photos, sizeof(b->photos), "%s/photos", b->tmp) ||
	    format(b->big, sizeof(b->big), "%s/photos-x%u", b->tmp, BIG_FACTOR) ||
	    format(b->preview, sizeof(b->preview), "%s/preview", b->tmp) ||
	    format(b->db, sizeof(b->db), "%s/demo.db", b->tmp) ||
	    format(b->out, sizeof(b->out), "%s/out.json", b->tmp) ||
	    format(b->errlog, sizeof(b->errlog), "%s/stderr.log", b->tmp) ||
	    format(b->report, sizeof(b->report), "%s/report.html", b->tmp) ||
	    make_folder(b->photos) || make_folder(b->big) || make_folder(b->preview))
		return -1;
	if (!(b->sizes = calloc(b->distinct, sizeof(*b->sizes))))
		return fail("out of memory");

	double start = now_seconds(), encoding = 0;
	if (make_distinct(b, &encoding) || link_photos(b, b->photos, b->distinct, b->photos_n))
		return -1;
	double linking = now_seconds();
	if (link_photos(b, b->big, 0, b->photos_n * BIG_FACTOR) ||
	    link_photos(b, b->preview, 0, b->preview_n))
		return -1;
	linking = now_seconds() - linking;
	for (unsigned i = 0; i < b->photos_n; i++)
		b->listed_bytes += b->sizes[i % b->distinct];

	printf("photos: N = %u in %u event folder%s of up to %u: %u distinct %dx%d JPEGs at "
	       "quality %d (gradients and noise), hard-linked, each tagged with the metadata of "
	       "one of the %u JPEGs in samples/ in turn\n",
	       b->photos_n, (b->photos_n + PER_FOLDER - 1) / PER_FOLDER,
	       b->photos_n > PER_FOLDER ? "s" : "", PER_FOLDER, b->distinct, WIDTH, HEIGHT, QUALITY,
	       b->samples);
	printf("  on disk: %.1f MB in the %u distinct files (%.2f MB each on average); "
	       "the N photos add up to %.2f GB as the tools see them\n",
	       (double)b->distinct_bytes / 1e6, b->distinct,
	       (double)b->distinct_bytes / 1e6 / b->distinct, (double)b->listed_bytes / 1e9);
	printf("  made in %.1f s (encoding %.1f s; %u + %u more links for the memory and preview "
	       "figures in %.1f s) in %s, removed at the end\n",
	       now_seconds() - start, encoding, b->photos_n * BIG_FACTOR, b->preview_n, linking, b->tmp);
	return 0;
}

/* ------------------------------------------------------------ the floor */

/*
 * The I/O floor: walk the folders (opendir/readdir), open each file, read
 * its marker segments up to SOS as a metadata reader must (each 2-byte
 * marker with its 2-byte length in one read, then the segment's bytes
 * into a buffer), close it. No parsing, no judging, no output. With
 * several threads, each walks the whole tree and takes every n-th file.
 */
struct floor_walk {
	unsigned id, threads;
	int parse_xmp;                /* also parse each XMP packet with expat */
	unsigned char *ext;           /* the photo's ExtendedXMP, joined */
	size_t ext_len, ext_alloc;
	unsigned long seen;           /* files met on the walk, by every thread */
	unsigned long files;          /* files this thread read */
	unsigned long long bytes;     /* bytes it read */
	int failed;
	unsigned char buffer[1 << 16];
};

/*
 * The parse floor: what any reader that parses XMP with expat (as the
 * project does, by namespace) must spend on a photo's packets, with no
 * handler at all: the main packet, and the ExtendedXMP joined from its
 * chunks (GUID, full length and offset before each; a photo's chunks
 * may come in any order). Other APP1 segments are left alone.
 */
static int parse_packet(const void *data, size_t len)
{
	XML_Parser p = XML_ParserCreateNS(NULL, ' ');
	if (!p)
		return -1;
	int ok = XML_Parse(p, data, (int)len, XML_TRUE) == XML_STATUS_OK;
	XML_ParserFree(p);
	return ok ? 0 : -1;
}

#define EXT_MAX (16u << 20)

static int parse_xmp(struct floor_walk *w, const unsigned char *seg, size_t len)
{
	static const char xmp_header[] = "http://ns.adobe.com/xap/1.0/";
	static const char ext_header[] = "http://ns.adobe.com/xmp/extension/";
	if (len >= sizeof(xmp_header) && !memcmp(seg, xmp_header, sizeof(xmp_header)))
		return parse_packet(seg + sizeof(xmp_header), len - sizeof(xmp_header));
	size_t head = sizeof(ext_header) + 32 + 8;
	if (len < head || memcmp(seg, ext_header, sizeof(ext_header)))
		return 0;
	const unsigned char *n = seg + sizeof(ext_header) + 32;
	size_t full = (size_t)n[0] << 24 | (size_t)n[1] << 16 | (size_t)n[2] << 8 | n[3];
	size_t at = (size_t)n[4] << 24 | (size_t)n[5] << 16 | (size_t)n[6] << 8 | n[7];
	size_t part = len - head;
	if (full > EXT_MAX || at > full || part > full - at)
		return -1;
	if (full > w->ext_alloc) {
		unsigned char *grown = realloc(w->ext, full);
		if (!grown)
			return -1;
		w->ext = grown;
		w->ext_alloc = full;
	}
	memcpy(w->ext + at, seg + head, part);
	w->ext_len = full;
	return 0;
}

static int read_to_sos(struct floor_walk *w, int dirfd, const char *name, const char *path)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail("%s: %s", path, strerror(errno));
	int ret = 0;
	unsigned char head[4];
	if (read_full(fd, head, 2) || head[0] != 0xFF || head[1] != 0xD8) {
		ret = fail("%s: not a JPEG", path);
		goto done;
	}
	w->bytes += 2;
	for (;;) {
		if (read_full(fd, head, 4) || head[0] != 0xFF) {
			ret = fail("%s: no SOS", path);
			break;
		}
		w->bytes += 4;
		if (head[1] == 0xDA)
			break;
		size_t len = (size_t)head[2] << 8 | head[3];
		if (len < 2 || read_full(fd, w->buffer, len - 2)) {
			ret = fail("%s: a segment is cut short", path);
			break;
		}
		w->bytes += len - 2;
		if (w->parse_xmp && head[1] == 0xE1 && parse_xmp(w, w->buffer, len - 2)) {
			ret = fail("%s: expat cannot parse its XMP", path);
			break;
		}
	}
	if (ret == 0 && w->ext_len && parse_packet(w->ext, w->ext_len))
		ret = fail("%s: expat cannot parse its ExtendedXMP", path);
	w->ext_len = 0;
done:
	if (close(fd) && ret == 0)
		ret = fail("closing %s: %s", path, strerror(errno));
	if (ret == 0)
		w->files++;
	return ret;
}

typedef int (*file_fn)(void *ctx, int dirfd, const char *name, const char *path);

/* Calls fn for each regular file below `path` (a buffer of PATH_MAX that
 * holds the folder's path, `len` long), folders in the order they list. */
static int walk(char *path, size_t len, file_fn fn, void *ctx)
{
	DIR *d = opendir(path);
	if (!d)
		return fail("opendir %s: %s", path, strerror(errno));
	int ret = 0;
	struct dirent *e;
	for (errno = 0; ret == 0 && (e = readdir(d)); errno = 0) {
		if (interrupted) {
			ret = -1;
			break;
		}
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		int n = snprintf(path + len, PATH_MAX - len, "/%s", e->d_name);
		if (n < 0 || (size_t)n >= PATH_MAX - len) {
			path[len] = '\0';
			ret = fail("a path is too long under %s", path);
			break;
		}
		unsigned char type = e->d_type;
		if (type == DT_UNKNOWN) {
			struct stat st;
			if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW)) {
				ret = fail("%s: %s", path, strerror(errno));
				break;
			}
			type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
		}
		if (type == DT_DIR)
			ret = walk(path, len + (size_t)n, fn, ctx);
		else if (type == DT_REG)
			ret = fn(ctx, dirfd(d), e->d_name, path);
		path[len] = '\0';
	}
	if (ret == 0 && errno)
		ret = fail("readdir %s: %s", path, strerror(errno));
	if (closedir(d) && ret == 0)
		ret = fail("closedir %s: %s", path, strerror(errno));
	return ret;
}

static int floor_file(void *ctx, int dirfd, const char *name, const char *path)
{
	struct floor_walk *w = ctx;
	if (w->seen++ % w->threads != w->id)
		return 0;
	return read_to_sos(w, dirfd, name, path);
}

struct floor_thread {
	pthread_t thread;
	const char *root;
	struct floor_walk *walk;
};

static void *floor_run(void *arg)
{
	struct floor_thread *t = arg;
	char path[PATH_MAX];
	snprintf(path, sizeof(path), "%s", t->root);
	t->walk->failed = walk(path, strlen(path), floor_file, t->walk) != 0;
	return NULL;
}

/* Times one pass of the floor over `root` on `threads` threads; checks
 * that it read `expect` files. */
static int floor_pass(const char *root, unsigned threads, int parse, unsigned expect,
                      double *seconds, unsigned long long *bytes)
{
	struct floor_thread t[2];
	struct floor_walk *w = calloc(threads, sizeof(*w));
	unsigned started = 0;
	int ret = -1;
	if (threads > 2 || !w) {
		free(w);
		return fail("out of memory");
	}
	double start = now_seconds();
	for (; started < threads; started++) {
		w[started].id = started;
		w[started].threads = threads;
		w[started].parse_xmp = parse;
		t[started].root = root;
		t[started].walk = &w[started];
		int rc = pthread_create(&t[started].thread, NULL, floor_run, &t[started]);
		if (rc) {
			fail("pthread_create: %s", strerror(rc));
			break;
		}
	}
	int failed = started < threads;
	for (unsigned i = 0; i < started; i++) {
		int rc = pthread_join(t[i].thread, NULL);
		if (rc)
			failed = fail("pthread_join: %s", strerror(rc));
		failed |= w[i].failed;
	}
	*seconds = now_seconds() - start;
	if (!failed) {
		unsigned long files = 0;
		*bytes = 0;
		for (unsigned i = 0; i < threads; i++) {
			files += w[i].files;
			*bytes += w[i].bytes;
		}
		if (files != expect)
			fail("the I/O floor read %lu files under %s, not %u", files, root, expect);
		else
			ret = 0;
	}
	for (unsigned i = 0; i < threads; i++)
		free(w[i].ext);
	free(w);
	return ret;
}

/* ------------------------------------------------------------- the speed */

/* Counts the JSON lines scan printed and their verdicts; checks that it
 * judged every photo. */
static int count_verdicts(const char *path, unsigned expect, unsigned long tally[3])
{
	static const char *const names[3] = { "share", "do-not-share", "review" };
	FILE *f = fopen(path, "r");
	if (!f)
		return fail("%s: %s", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	unsigned long lines = 0;
	int ret = 0;
	while (getline(&line, &cap, f) >= 0) {
		lines++;
		const char *v = strstr(line, "\"verdict\":");
		if (!v)
			continue;
		v += strlen("\"verdict\":");
		v += strspn(v, " ");
		for (int k = 0; k < 3; k++) {
			size_t n = strlen(names[k]);
			if (*v == '"' && !strncmp(v + 1, names[k], n) && v[1 + n] == '"')
				tally[k]++;
		}
	}
	if (ferror(f))
		ret = fail("reading %s: %s", path, strerror(errno));
	free(line);
	if (fclose(f) && ret == 0)
		ret = fail("closing %s: %s", path, strerror(errno));
	if (ret == 0 && (lines != expect || tally[0] + tally[1] + tally[2] != expect))
		ret = fail("scan printed %lu lines with %lu verdicts for %u photos", lines,
		           tally[0] + tally[1] + tally[2], expect);
	return ret;
}

/* Counts the objects exiftool printed; checks that it read every photo. */
static int count_exiftool(const char *path, unsigned expect)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return fail("%s: %s", path, strerror(errno));
	char *line = NULL;
	size_t cap = 0;
	unsigned long objects = 0;
	int ret = 0;
	while (getline(&line, &cap, f) >= 0)
		if (strstr(line, "\"SourceFile\":"))
			objects++;
	if (ferror(f))
		ret = fail("reading %s: %s", path, strerror(errno));
	free(line);
	if (fclose(f) && ret == 0)
		ret = fail("closing %s: %s", path, strerror(errno));
	if (ret == 0 && objects != expect)
		ret = fail("exiftool printed %lu objects for %u photos", objects, expect);
	return ret;
}

static void print_header(void)
{
	printf("  %-36s %11s %12s\n", "", "median", "per photo");
}

static void print_time(const char *what, double seconds, unsigned photos, const char *note)
{
	printf("  %-36s %9.3f s %9.1f us%s%s\n", what, seconds, seconds * 1e6 / photos,
	       note && *note ? "   " : "", note ? note : "");
}

/* Part 3: scan, exiftool and the floor over the library, interleaved. */
static int measure_speed(struct bench *b)
{
	const char *scan_argv[] = { b->bin, "--db", b->db, "scan", "--purpose", "website",
	                            "--json", b->photos, NULL };
	const char *exif_argv[4 + EXIFTOOL_TAGS + 2] = { "exiftool", "-fast2", "-j", "-r" };
	for (size_t i = 0; i < EXIFTOOL_TAGS; i++)
		exif_argv[4 + i] = exiftool_tags[i];
	exif_argv[4 + EXIFTOOL_TAGS] = b->photos;
	exif_argv[5 + EXIFTOOL_TAGS] = NULL;

	double scan[RUNS], scan_cpu[RUNS], exif[RUNS], exif_cpu[RUNS], floor1[RUNS], floor2[RUNS];
	double parse1[RUNS], parse2[RUNS];
	unsigned long long bytes = 0;
	struct outcome o;
	unsigned long tally[3] = { 0, 0, 0 };
	int scan_status = -1, exif_runs = 0;

	printf("\nspeed: the %u photos, warm page cache (one untimed pass of each first), %d runs "
	       "of each interleaved, medians\n", b->photos_n, RUNS);
	/* One untimed pass of each: the page cache, and a check that each
	 * read every photo. */
	if (b->have_scan) {
		if (run_tool(b, "photoconsent scan", scan_argv, b->out, &o) ||
		    count_verdicts(b->out, b->photos_n, tally))
			return -1;
		scan_status = o.status;
	}
	if (b->have_exiftool) {
		if (run_tool(b, "exiftool", exif_argv, b->out, &o) || count_exiftool(b->out, b->photos_n))
			return -1;
		exif_runs = o.seconds > EXIFTOOL_ONCE_SECONDS ? 1 : RUNS;
	}
	double ignored;
	if (floor_pass(b->photos, 1, 0, b->photos_n, &ignored, &bytes))
		return -1;

	for (int r = 0; r < RUNS; r++) {
		if (b->have_scan) {
			if (run_tool(b, "photoconsent scan", scan_argv, NULL, &o))
				return -1;
			scan[r] = o.seconds;
			scan_cpu[r] = o.cpu;
		}
		if (r < exif_runs) {
			if (run_tool(b, "exiftool", exif_argv, NULL, &o))
				return -1;
			exif[r] = o.seconds;
			exif_cpu[r] = o.cpu;
		}
		if (floor_pass(b->photos, 1, 0, b->photos_n, &floor1[r], &bytes) ||
		    floor_pass(b->photos, 2, 0, b->photos_n, &floor2[r], &bytes) ||
		    floor_pass(b->photos, 1, 1, b->photos_n, &parse1[r], &bytes) ||
		    floor_pass(b->photos, 2, 1, b->photos_n, &parse2[r], &bytes))
			return -1;
	}

	char note[160];
	double s = 0, e = 0, f1 = median(floor1, RUNS), f2 = median(floor2, RUNS);
	printf("  scan:      photoconsent --db DB scan --purpose website --json DIR > /dev/null "
	       "(default --jobs: the %s cores)\n", b->cores);
	if (b->have_exiftool) {
		printf("  exiftool: ");
		for (size_t i = 0; exif_argv[i + 1]; i++)
			printf(" %s", exif_argv[i]);
		printf(" DIR > /dev/null (one core: exiftool is single-threaded)\n");
	}
	printf("  I/O floor: in this benchmark, walk the folders, open each photo, read its markers "
	       "and segments up to SOS (%.1f KB a photo on average), close\n",
	       (double)bytes / 1e3 / b->photos_n);
	printf("  parse floor: the I/O floor, plus expat parsing each photo's XMP and ExtendedXMP "
	       "as scan does (by namespace), with no handler: nothing kept, nothing judged\n");
	print_header();
	if (b->have_scan) {
		s = median(scan, RUNS);
		snprintf(note, sizeof(note), "cpu %.2f s; judged %lu share, %lu do-not-share, "
		         "%lu review; exit %d", median(scan_cpu, RUNS), tally[0], tally[1], tally[2],
		         scan_status);
		print_time("scan", s, b->photos_n, note);
	} else {
		printf("  scan: not available in %s, not measured\n", b->bin);
	}
	if (b->have_exiftool) {
		e = exif_runs == 1 ? exif[0] : median(exif, RUNS);
		if (exif_runs == 1)
			snprintf(note, sizeof(note), "cpu %.2f s; timed once, not %d times: one pass "
			         "takes over %.0f s", exif_cpu[0], RUNS, EXIFTOOL_ONCE_SECONDS);
		else
			snprintf(note, sizeof(note), "cpu %.2f s", median(exif_cpu, RUNS));
		print_time("exiftool -fast2", e, b->photos_n, note);
	} else {
		printf("  exiftool: skipped, not installed (apt-get install libimage-exiftool-perl)\n");
	}
	print_time("I/O floor, 1 thread", f1, b->photos_n, NULL);
	print_time("I/O floor, 2 threads (as scan here)", f2, b->photos_n, NULL);
	double p1 = median(parse1, RUNS), p2 = median(parse2, RUNS);
	print_time("parse floor, 1 thread", p1, b->photos_n, NULL);
	print_time("parse floor, 2 threads", p2, b->photos_n, NULL);

	if (b->have_scan && b->have_exiftool)
		printf("scan is %.1f times faster than exiftool -fast2 (bar: >= %.0f): %s\n", e / s,
		       BAR_VS_EXIFTOOL, met(e / s >= BAR_VS_EXIFTOOL));
	if (b->have_scan) {
		printf("scan takes %.2f times the I/O floor (the single-thread floor; bar: <= %.0f): "
		       "%s\n", s / f1, BAR_VS_FLOOR, met(s / f1 <= BAR_VS_FLOOR));
		printf("  (and %.2f times the 2-thread floor)\n", s / f2);
		printf("the parse floor alone is %.2f times the I/O floor on 1 thread, %.2f on 2: "
		       "the bar is out of reach of any reader that parses XMP with expat here;\n"
		       "  scan takes %.2f times the 2-thread parse floor\n", p1 / f1, p2 / f1,
		       s / p2);
	}
	return 0;
}

/* ------------------------------------------------------------ the memory */

/* Part 4: scan's peak resident memory over N and over 10xN photos, each
 * run in a fresh child. */
static int measure_memory(struct bench *b)
{
	const char *scan_n[] = { b->bin, "--db", b->db, "scan", "--purpose", "website", "--json",
	                         b->photos, NULL };
	const char *scan_10n[] = { b->bin, "--db", b->db, "scan", "--purpose", "website",
	                           "--json", b->big, NULL };
	const char *nothing[] = { "true", NULL };
	struct outcome small, large, floor;

	if (spawn(nothing, NULL, NULL, &floor) || run_tool(b, "photoconsent scan", scan_n, NULL, &small) ||
	    run_tool(b, "photoconsent scan", scan_10n, NULL, &large))
		return -1;
	printf("\nmemory: peak resident memory of scan --purpose website --json DIR > /dev/null, "
	       "each run in a fresh child (wait4 ru_maxrss)\n");
	char label[64];
	snprintf(label, sizeof(label), "N = %u photos", b->photos_n);
	printf("  %-32s %8.1f MB   (this run took %.2f s, %.1f us/photo)\n", label,
	       (double)small.maxrss_kb / 1024, small.seconds, small.seconds * 1e6 / b->photos_n);
	snprintf(label, sizeof(label), "10xN = %u photos (links)", b->photos_n * BIG_FACTOR);
	printf("  %-32s %8.1f MB   (this run took %.2f s, %.1f us/photo)\n", label,
	       (double)large.maxrss_kb / 1024, large.seconds,
	       large.seconds * 1e6 / (b->photos_n * BIG_FACTOR));
	printf("  (a child that only runs `true` reports %.1f MB: the floor under both)\n",
	       (double)floor.maxrss_kb / 1024);
	double ratio = (double)large.maxrss_kb / (double)small.maxrss_kb;
	printf("peak memory at 10xN is %.2f times that at N (bar: <= %.1f): %s\n", ratio, BAR_MEMORY,
	       met(ratio <= BAR_MEMORY));
	return 0;
}

/* ---------------------------------------------------------- the previews */

/* Decodes one photo at 1/8 scale with libjpeg's defaults, every scanline:
 * what a contact sheet's preview cannot avoid. */
static int decode_eighth(void *ctx, int dirfd, const char *name, const char *path)
{
	unsigned long *count = ctx;
	struct jpeg_decompress_struct cinfo;
	struct jpeg_failure err;
	(void)dirfd;
	(void)name;

	FILE *f = fopen(path, "rb");
	if (!f)
		return fail("%s: %s", path, strerror(errno));
	cinfo.err = jpeg_std_error(&err.pub);
	err.pub.error_exit = jpeg_failed;
	if (setjmp(err.jump)) {
		jpeg_destroy_decompress(&cinfo);
		fclose(f);
		return fail("decoding %s: %s", path, err.message);
	}
	jpeg_create_decompress(&cinfo);
	jpeg_stdio_src(&cinfo, f);
	jpeg_read_header(&cinfo, TRUE);
	cinfo.scale_num = 1;
	cinfo.scale_denom = 8;
	jpeg_start_decompress(&cinfo);
	/* From libjpeg's own pool: freed with the object, on every path. */
	JDIMENSION stride = cinfo.output_width * (JDIMENSION)cinfo.output_components;
	JSAMPARRAY row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, stride, 1);
	while (cinfo.output_scanline < cinfo.output_height)
		jpeg_read_scanlines(&cinfo, row, 1);
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	if (fclose(f))
		return fail("closing %s: %s", path, strerror(errno));
	++*count;
	return 0;
}

static int decode_pass(const struct bench *b, double *seconds)
{
	char path[PATH_MAX];
	unsigned long count = 0;
	snprintf(path, sizeof(path), "%s", b->preview);
	double start = now_seconds();
	if (walk(path, strlen(path), decode_eighth, &count))
		return -1;
	*seconds = now_seconds() - start;
	if (count != b->preview_n)
		return fail("decoded %lu photos, not %u", count, b->preview_n);
	return 0;
}

/* Reads every byte of one file, to bring it into the page cache. */
static int read_whole(void *ctx, int dirfd, const char *name, const char *path)
{
	unsigned char *buffer = ctx;
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail("%s: %s", path, strerror(errno));
	ssize_t got;
	while ((got = read(fd, buffer, READ_THROUGH_BYTES)) != 0) {
		if (got < 0 && errno != EINTR) {
			int e = errno;
			close(fd);
			return fail("reading %s: %s", path, strerror(e));
		}
	}
	if (close(fd))
		return fail("closing %s: %s", path, strerror(errno));
	return 0;
}

static int read_through(const struct bench *b)
{
	char path[PATH_MAX];
	unsigned char *buffer = malloc(READ_THROUGH_BYTES);
	if (!buffer)
		return fail("out of memory");
	snprintf(path, sizeof(path), "%s", b->preview);
	int ret = walk(path, strlen(path), read_whole, buffer);
	free(buffer);
	return ret;
}

/* One scan with the contact sheet; the report is made afresh each time. */
static int html_pass(const struct bench *b, const char *const argv[], struct outcome *o)
{
	if (unlink(b->report) && errno != ENOENT)
		return fail("unlink %s: %s", b->report, strerror(errno));
	if (run_tool(b, "photoconsent scan --html", argv, NULL, o))
		return -1;
	struct stat st;
	if (stat(b->report, &st))
		return fail("scan --html wrote no %s: %s", b->report, strerror(errno));
	return 0;
}

/* Part 5: what the contact sheet's previews cost, against decoding the
 * same photos at 1/8 scale. */
static int measure_previews(struct bench *b)
{
	const char *html_argv[] = { b->bin, "--db", b->db, "scan", "--jobs", "1", "--html",
	                            b->report, "--json", b->preview, NULL };
	const char *plain_argv[] = { b->bin, "--db", b->db, "scan", "--jobs", "1", "--json",
	                             b->preview, NULL };
	double html[RUNS], plain[RUNS], decode[RUNS];
	struct outcome o;
	struct stat st;

	printf("\npreviews: the first %u photos (their own folder of links), one thread, warm "
	       "page cache, %d runs of each interleaved, medians\n", b->preview_n, RUNS);
	printf("  1/8 decode: in this benchmark, libjpeg's defaults: jpeg_stdio_src, scale 1/8, "
	       "every scanline read\n");
	/* Previews read the whole files, not just their metadata: read them
	 * through once into the page cache (a second, not a decode pass's
	 * half-minute). */
	if (read_through(b))
		return -1;
	if (!b->have_scan)
		printf("  photoconsent scan: not available in %s, not measured\n", b->bin);
	for (int r = 0; r < RUNS; r++) {
		if (decode_pass(b, &decode[r]))
			return -1;
		if (b->have_scan) {
			if (html_pass(b, html_argv, &o))
				return -1;
			html[r] = o.seconds;
			if (run_tool(b, "photoconsent scan", plain_argv, NULL, &o))
				return -1;
			plain[r] = o.seconds;
		}
	}
	double d = median(decode, RUNS);
	if (b->have_scan) {
		double h = median(html, RUNS), p = median(plain, RUNS);
		double preview = (h - p) / b->preview_n, per_decode = d / b->preview_n;
		char note[96] = "";
		if (stat(b->report, &st) == 0)
			snprintf(note, sizeof(note), "report: %.1f MB", (double)st.st_size / 1e6);
		print_header();
		print_time("scan --jobs 1 --html R --json DIR", h, b->preview_n, note);
		print_time("scan --jobs 1 --json DIR", p, b->preview_n, NULL);
		print_time("1/8 decode", d, b->preview_n, NULL);
		printf("  a preview costs %.2f ms a photo ((html - plain) / %u); a 1/8 decode %.2f ms\n",
		       preview * 1e3, b->preview_n, per_decode * 1e3);
		printf("a preview costs %.2f times a 1/8-scale decode (bar: <= %.0f): %s\n",
		       preview / per_decode, BAR_PREVIEW, met(preview / per_decode <= BAR_PREVIEW));
	} else {
		print_header();
		print_time("1/8 decode", d, b->preview_n, NULL);
	}
	return 0;
}

/* ------------------------------------------------------------ the machine */

/* The value of the first "key: value" line of /proc/cpuinfo or meminfo. */
static void proc_field(char *out, size_t size, const char *file, const char *key)
{
	snprintf(out, size, "?");
	FILE *f = fopen(file, "r");
	if (!f)
		return;
	char *line = NULL;
	size_t cap = 0, klen = strlen(key);
	while (getline(&line, &cap, f) >= 0) {
		if (strncmp(line, key, klen) || (line[klen] != ':' && line[klen] != ' ' &&
		                                 line[klen] != '\t'))
			continue;
		const char *v = strchr(line, ':');
		if (v) {
			v += 1 + strspn(v + 1, " \t");
			snprintf(out, size, "%.*s", (int)strcspn(v, "\n"), v);
		}
		break;
	}
	free(line);
	fclose(f);
}

/* The 1, 5 and 15-minute load averages: the machine may be shared, and
 * the figures are only as quiet as it was. */
static void load_average(char *out, size_t size)
{
	snprintf(out, size, "?");
	FILE *f = fopen("/proc/loadavg", "r");
	if (!f)
		return;
	double one, five, fifteen;
	if (fscanf(f, "%lf %lf %lf", &one, &five, &fifteen) == 3)
		snprintf(out, size, "%.2f %.2f %.2f", one, five, fifteen);
	fclose(f);
}

#ifdef LIBJPEG_TURBO_VERSION
#define STRINGIFY(x) #x
#define VERSION_OF(x) STRINGIFY(x)
#define TURBO_VERSION VERSION_OF(LIBJPEG_TURBO_VERSION)
#else
#define TURBO_VERSION "-"
#endif

/* Part 6: the machine and the tools, so that the figures can be compared. */
static void print_machine(struct bench *b)
{
	char cpu[256], mem[64], kernel[512] = "?", version[256], exif[64] = "not installed";
	char load[64];
	struct utsname u;
	const char *nproc_argv[] = { "nproc", NULL };
	const char *version_argv[] = { b->bin, "--version", NULL };
	const char *exif_argv[] = { "exiftool", "-ver", NULL };

	first_line(b->cores, sizeof(b->cores), nproc_argv);
	proc_field(cpu, sizeof(cpu), "/proc/cpuinfo", "model name");
	proc_field(mem, sizeof(mem), "/proc/meminfo", "MemTotal");
	/* MemTotal is in kB. */
	unsigned long long kb = strtoull(mem, NULL, 10);
	if (kb)
		snprintf(mem, sizeof(mem), "%.1f GB", (double)kb / (1024.0 * 1024.0));
	if (uname(&u) == 0)
		snprintf(kernel, sizeof(kernel), "%s %s %s", u.sysname, u.release, u.machine);
	first_line(version, sizeof(version), version_argv);
	if (b->have_exiftool)
		first_line(exif, sizeof(exif), exif_argv);
	load_average(load, sizeof(load));
	printf("machine: %s cores (nproc), %s, %s memory, %s; load average %s\n", b->cores, cpu,
	       mem, kernel, load);
	printf("tools: %s (%s), exiftool %s, libjpeg-turbo %s (libjpeg API %d)\n", version, b->bin,
	       exif, TURBO_VERSION, JPEG_LIB_VERSION);
}

/* ----------------------------------------------------------------- main */

static int parse_count(const char *s, unsigned *out, const char *what)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v == 0 || v > MAX_PHOTOS) {
		fprintf(stderr, ME ": %s must be a whole number from 1 to %u, not '%s'\n", what,
		        MAX_PHOTOS, s);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}

static int catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	/* No SA_RESTART: a wait for a child must wake up and stop it. */
	if (sigemptyset(&sa.sa_mask) || sigaction(SIGINT, &sa, NULL) ||
	    sigaction(SIGTERM, &sa, NULL) || sigaction(SIGHUP, &sa, NULL))
		return fail("sigaction: %s", strerror(errno));
	return 0;
}

int main(int argc, char **argv)
{
	static struct bench bench;
	struct bench *b = &bench;
	int ret = 1;
	double start = now_seconds();

	if (argc > 3 || (argc > 1 && argv[1][0] == '-')) {
		int help = argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
		fprintf(help ? stdout : stderr, "usage: %s [N [DISTINCT]]   (default %u %u)\n", ME,
		        DEFAULT_PHOTOS, DEFAULT_DISTINCT);
		return help ? 0 : 64;
	}
	b->photos_n = DEFAULT_PHOTOS;
	b->distinct = DEFAULT_DISTINCT;
	if ((argc > 1 && parse_count(argv[1], &b->photos_n, "N")) ||
	    (argc > 2 && parse_count(argv[2], &b->distinct, "DISTINCT")))
		return 64;
	if (b->distinct > b->photos_n)
		b->distinct = b->photos_n;
	b->preview_n = b->photos_n < PREVIEW_PHOTOS ? b->photos_n : PREVIEW_PHOTOS;
	/* Flush each line: the figures come minutes apart. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (catch_signals())
		return 1;

	find_binary(b->bin, sizeof(b->bin), argv[0]);
	/* BUILD/bench/../photoconsent reads better as BUILD/photoconsent. */
	char real[PATH_MAX];
	if (realpath(b->bin, real))
		memcpy(b->bin, real, sizeof(real));
	if (access(b->bin, X_OK) || access("build-aux/demo-db.sh", R_OK)) {
		fprintf(stderr, ME ": run from the project's root after 'make': '%s' or "
		        "'build-aux/demo-db.sh' is missing\n", b->bin);
		return 1;
	}
	const char *scan_help[] = { b->bin, "scan", "--help", NULL };
	struct outcome o;
	if (spawn(scan_help, NULL, "/dev/null", &o))
		return 1;
	b->have_scan = o.status == 0;
	b->have_exiftool = on_path("exiftool");
	print_machine(b);
	if (!b->have_scan)
		printf("photoconsent scan is not available in %s (`scan --help` exited %d): "
		       "measuring the baselines only\n", b->bin, o.status);

	if (make_library(b))
		goto done;
	/* The audit log names who ran the commands. */
	if (setenv("PHOTOCONSENT_USER", "bench", 1)) {
		fail("setenv: %s", strerror(errno));
		goto done;
	}
	const char *make_db[] = { "sh", "build-aux/demo-db.sh", b->bin, b->db, NULL };
	if (spawn(make_db, NULL, NULL, &o))
		goto done;
	if (o.status != 0) {
		fail("could not make the demo database (build-aux/demo-db.sh exited %d)", o.status);
		goto done;
	}
	printf("database: the demo database (build-aux/demo-db.sh)\n");

	if (measure_speed(b) || (b->have_scan && measure_memory(b)) || measure_previews(b))
		goto done;
	ret = b->have_scan ? 0 : 1;
	if (!b->have_scan)
		fprintf(stderr, ME ": photoconsent scan is missing: only the baselines were measured\n");
done:
	if (interrupted)
		fprintf(stderr, ME ": interrupted\n");
	free(b->sizes);
	if (b->tmp[0] && remove_tree(AT_FDCWD, b->tmp))
		ret = 1;
	char load[64];
	load_average(load, sizeof(load));
	printf("whole benchmark: %.0f s (load average at the end %s)\n", now_seconds() - start, load);
	return ret;
}
