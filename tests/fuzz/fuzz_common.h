/*
 * fuzz_common.h: what the fuzz targets share: a private scratch folder,
 * files in it, and the properties every report must keep. A broken
 * property aborts, so that libFuzzer (or the replay of the kept inputs)
 * reports it with the input that broke it.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* The fuzz target's entry points, as libFuzzer and replay.c call them. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Prints "fuzz: broken: WHAT" and the text it is about, then aborts. */
_Noreturn void fuzz_broken(const char *what, const char *text, size_t len);

/* A folder of this process's own, made once (under $TMPDIR, else /tmp)
 * and removed at exit. */
const char *fuzz_dir(void);
/* "fuzz_dir()/name" into out (of `size` bytes); aborts when it is cut. */
void fuzz_path(char *out, size_t size, const char *name);
/* Writes the bytes to `path`, replacing it; aborts on failure. */
void fuzz_write(const char *path, const void *data, size_t len);
/* The whole file (malloc'd, NUL added) and its length; NULL when absent. */
char *fuzz_read(const char *path, size_t *len);

/* `s` is one strict JSON value (RFC 8259, valid UTF-8, and in a string no
 * raw character that pc__cp_printable refuses: controls, line separators,
 * bidirectional controls) followed by exactly one newline. */
void fuzz_check_json_line(const char *s, const char *what);
/* `s` is valid UTF-8 in which every character but the line end is
 * printable by the library's one rule (pc__cp_printable). */
void fuzz_check_text(const char *s, const char *what);
/* `s` is one CSV record of `columns` cells with its newline, as a
 * spreadsheet reads it, no cell starting with = + - @ tab or CR, and no
 * cell holding a character that is not printable. */
void fuzz_check_csv_record(const char *s, size_t columns, const char *what);
/* `s` is a contact sheet whose only markup is the writer's own: known
 * elements and attributes, quoted attribute values, entities spelt
 * whole, one script and one style. */
void fuzz_check_html(const char *s, size_t len, const char *what);

#endif
