/*
 * store_file.h: the database as a file on disk (store_file.c), a leaf of
 * the store: SQLite result codes and errno values in, store.c's messages
 * out of them.
 */
#ifndef PC_STORE_FILE_H
#define PC_STORE_FILE_H

#include <stddef.h>
#include <sqlite3.h>

/* The folder holding `path` ("." for a bare name), cut to `size`. */
void pc__store_folder_of(const char *path, char *out, size_t size);

/* 1 when this process may make files in the folder holding `path`, where
 * SQLite keeps the write-ahead log and its index. */
int pc__store_folder_writable(const char *path);

/* PRAGMA quick_check: SQLITE_OK when it passes; SQLITE_CORRUPT with the
 * damage it names in `problem`; another code when it could not run. */
int pc__store_quick_check(sqlite3 *db, char *problem, size_t size);

/* Puts the file in WAL mode unless it is already (or is busy: next time).
 * An SQLite result code. */
int pc__store_use_wal(sqlite3 *db);

/* Sets the mode of `path` and of its -wal and -shm, where they exist. 0,
 * or the errno of the file named in `failed`. */
int pc__store_chmod(const char *path, unsigned mode, char *failed, size_t size);

#endif
