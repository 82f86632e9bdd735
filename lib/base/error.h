/*
 * error.h: filling the caller's struct pc_error (photoconsent.h gives the
 * contract), and checking arguments without crashing.
 */
#ifndef PC_BASE_ERROR_H
#define PC_BASE_ERROR_H

#include "photoconsent/photoconsent.h"

/* Sets err's code and message (printf-style; cut at a whole UTF-8
 * character when too long) when err is not NULL; returns `code`. */
int pc__error_set(struct pc_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Copies code and message into err (when not NULL); NULL or "" is
 * pc_strerror(code). Returns `code`. */
int pc__error_copy(struct pc_error *err, int code, const char *message);

/* PC_EVERSION, with a message naming the struct, unless `version` is
 * `expected`; else 0. */
int pc__options_check(struct pc_error *err, unsigned version, unsigned expected,
                      const char *name);

/* Returns PC_EINVALID from the calling function, with a message naming it
 * and the argument, when `arg` is NULL (libgit2's GIT_ASSERT_ARG). */
#define PC_ASSERT_ARG(err, arg) \
	do { \
		if (!(arg)) \
			return pc__error_set((err), PC_EINVALID, "%s: '%s' is NULL", \
			                     __func__, #arg); \
	} while (0)

/* As PC_ASSERT_ARG, for a function that takes no struct pc_error. */
#define PC_ASSERT_ARG_CODE(arg) \
	do { \
		if (!(arg)) \
			return PC_EINVALID; \
	} while (0)

#endif
