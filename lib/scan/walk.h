/*
 * walk.h: walks folders for the files in them, streaming: memory grows with
 * the depth of the tree, never with the number of files in it.
 *
 * Invariants:
 * - Symbolic links are followed (a link to a photo is a photo the user
 *   pointed at), but a link back to a folder already on the way down (a
 *   loop) is reported and not entered, so the walk always ends.
 * - Nothing but folders is opened: FIFOs, sockets and devices are reported
 *   from the folder's listing or their stat() alone, so the walk never
 *   blocks on one.
 * - Folders deeper than the limit are reported and not entered; no
 *   recursion on the C stack (an explicit stack of open folders).
 * - Every problem is reported through the callback, with a message for a
 *   person, and the walk goes on.
 */
#ifndef PC_WALK_H
#define PC_WALK_H

#include <stddef.h>
#include <sys/types.h>

/* The deepest folder nesting walked, below a root. */
#define PC__WALK_MAX_DEPTH 64

enum pc__walk_kind {
	PC__WALK_FILE = 0,        /* a regular file (directly or through a link) */
	PC__WALK_SPECIAL = 1,     /* a FIFO, socket, or character or block device */
	PC__WALK_LOOP = 2,        /* a link back to a folder being walked */
	PC__WALK_BROKEN_LINK = 3, /* a symbolic link to nothing */
	PC__WALK_NO_FOLDER = 4,   /* a folder (or root) that cannot be opened or read,
	                             or an entry whose stat() fails */
	PC__WALK_TOO_DEEP = 5     /* a folder beyond the depth limit, or a path of
	                             PATH_MAX bytes or more (reported cut short) */
};

struct pc__walk_entry {
	enum pc__walk_kind kind;
	const char *path;    /* root + "/" + names; valid during the callback */
	const char *message; /* NULL for a FILE; else what was found, for a person:
	                        "a FIFO: not a photo, not opened",
	                        "a link back to the folder 'DIR': not followed",
	                        "cannot open the folder: Permission denied", ...;
	                        valid during the callback */
	off_t size;          /* a FILE's size in bytes, or -1 when not known: the
	                        folder's listing said "regular file", so no stat()
	                        was spent on it (the reader fstat()s what it opens);
	                        known when the entry was stat()ed anyway (a link,
	                        the root, a filesystem without d_type); -1 for
	                        every other kind */
	int xmp_beside;      /* a FILE's folder holds a name ending in .xmp (any
	                        case), so the file may have an XMP sidecar; 0
	                        means it has none (as of when the folder was
	                        opened); 1 for a root, which nobody listed */
};

/* Called for each entry; a non-zero return stops the walk, and pc__walk
 * returns it. */
typedef int (*pc__walk_fn)(void *ctx, const struct pc__walk_entry *entry);

/*
 * Walks `root`: a folder (every file below it, in the order the folders
 * list them) or a single file (reported as itself). A root that does not
 * exist is one NO_FOLDER entry. Paths are reported as root + "/" + name,
 * with no doubled slash when root ends with one. The entry's strings are
 * the walk's own, reused for the next entry: copy what you keep.
 * Uses no global state, so walks in different threads do not meet; the
 * open folders (at most PC__WALK_MAX_DEPTH + 1 descriptors) are closed
 * before it returns, also when the callback stops it.
 * Returns 0, the callback's non-zero value, or PC_ENOMEM when out of memory.
 */
int pc__walk(const char *root, pc__walk_fn fn, void *ctx);

#endif
