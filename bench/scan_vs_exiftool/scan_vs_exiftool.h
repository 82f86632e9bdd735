/*
 * What the files of scan_vs_exiftool share: the sizes and the bars, the
 * run's paths and counts (struct bench), how a child ran (struct outcome),
 * and the functions one part calls in another. Each .c file is one
 * concern:
 *   main.c      the arguments, the signals, the order of the parts
 *   util.c      messages, bounded paths, the clock
 *   files.c     whole reads and writes, a folder walk, removing a tree
 *   children.c  running the tools and timing them
 *   library.c   the temporary folder, the event folders and the links
 *   photos.c    drawing and encoding the distinct photos
 *   floor.c     the I/O floor and the parse floor
 *   speed.c     part 3: scan, exiftool and the floors over the library
 *   memory.c    part 4: peak memory over N and 10xN photos
 *   previews.c  part 5: the contact sheet's previews against a 1/8 decode
 *   figures.c   medians and the lines that print them
 *   machine.c   part 6: the machine and the tools
 */
#ifndef SCAN_VS_EXIFTOOL_H
#define SCAN_VS_EXIFTOOL_H

#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#include <jpeglib.h>

#define ME "scan_vs_exiftool"

#define DEFAULT_PHOTOS 20000u
#define DEFAULT_DISTINCT 200u
#define MAX_PHOTOS 1000000u  /* x10 links for the memory figure: 10 million entries */
#define PER_FOLDER 500u      /* photos per event folder, as a school files them */
#define RUNS 3
#define BIG_FACTOR 10u       /* the memory figure's larger library: 10xN */
#define PREVIEW_PHOTOS 1000u /* the contact sheet's subset */

#define WIDTH 4000
#define HEIGHT 3000
#define QUALITY 90

/* The bars the product must meet (README). */
#define BAR_VS_EXIFTOOL 30.0 /* scan at least this many times faster */
#define BAR_VS_FLOOR 2.0     /* scan at most this many times the I/O floor */
#define BAR_MEMORY 1.2       /* peak memory at 10xN at most this times N's */
#define BAR_PREVIEW 1.0      /* a preview at most this times a 1/8 decode */

/* Set by SIGINT, SIGTERM and SIGHUP: every loop and every wait looks at
 * it, so that an interrupted run still removes its temporary folder. */
extern volatile sig_atomic_t interrupted;

/* How one run of a child went. */
struct outcome {
	int status;      /* the exit status; 128 + the signal that killed it */
	double seconds;  /* wall-clock, fork to reaped */
	double cpu;      /* user + system seconds */
	long maxrss_kb;  /* the child's peak resident memory */
};

/* The run: the paths it made, its counts, what is installed. */
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

/* libjpeg's errors come back here instead of ending the process. */
struct jpeg_failure {
	struct jpeg_error_mgr pub;
	jmp_buf jump;
	char message[JMSG_LENGTH_MAX];
};

/* What walk() calls for each regular file. */
typedef int (*file_fn)(void *ctx, int dirfd, const char *name, const char *path);

/* util.c */
__attribute__((format(printf, 1, 2)))
int bench_fail(const char *fmt, ...);
__attribute__((format(printf, 3, 4)))
int bench_format(char *out, size_t size, const char *fmt, ...);
double now_seconds(void);

/* files.c */
int read_full(int fd, void *buf, size_t n);
int write_full(int fd, const void *buf, size_t n);
void show_tail(const char *path);
int remove_tree(int parent, const char *name);
int walk(char *path, size_t len, file_fn fn, void *ctx);

/* children.c */
int spawn(const char *const argv[], const char *out, const char *err, struct outcome *o);
void first_line(char *out, size_t size, const char *const argv[]);
int on_path(const char *name);
void find_binary(char *out, size_t size, const char *self);
int run_tool(const struct bench *b, const char *what, const char *const argv[],
             const char *out, struct outcome *o);

/* library.c */
int folder_of(char *out, size_t size, const char *root, unsigned i);
int photo_of(char *out, size_t size, const char *root, unsigned i);
int make_folder(const char *path);
int make_library(struct bench *b);

/* photos.c */
void jpeg_failed(j_common_ptr cinfo);
int make_distinct(struct bench *b, double *encoding);

/* floor.c */
int floor_pass(const char *root, unsigned threads, int parse, unsigned expect,
               double *seconds, unsigned long long *bytes);

/* figures.c */
double median(double *v, size_t n);
const char *met(int ok);
void print_header(void);
void print_time(const char *what, double seconds, unsigned photos, const char *note);

/* speed.c, memory.c, previews.c, machine.c: the parts main runs */
int measure_speed(struct bench *b);
int measure_memory(struct bench *b);
int measure_previews(struct bench *b);
void load_average(char *out, size_t size);
void print_machine(struct bench *b);

#endif
