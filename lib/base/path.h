/*
 * path.h: a file's name made absolute, the two ways the library needs.
 *
 * Each returns a new string the caller frees, or NULL: when out of memory
 * (errno ENOMEM) or when the current folder cannot be known.
 */
#ifndef PC_PATH_H
#define PC_PATH_H

/* `path` made absolute without asking the file system anything but the
 * current folder: "." and ".." are taken out as written, and symbolic
 * links are not resolved, so that the folders are the ones the school
 * filed the photo under. */
char *pc__path_absolute(const char *path);

/* The file's one real name: `path` with every symbolic link resolved
 * (realpath), so that two names for one file are the same; for a file that
 * is not there (or cannot be resolved), pc__path_absolute's. */
char *pc__path_real(const char *path);

#endif
