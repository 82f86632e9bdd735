/*
 * photo.h: the photo object behind the public pc_photo handle.
 *
 * A photo owns its facts (raw values and errors) and the people built from
 * them; every pointer the accessors hand out points into one of the two.
 */
#ifndef PC_PHOTO_H
#define PC_PHOTO_H

#include "read/facts.h"
#include "read/people.h"
#include "photoconsent/photoconsent.h"

struct pc_photo {
	char *path;
	char *absolute;    /* the path made absolute; NULL when read from memory */
	/* The file as it was read (fstat): its size in bytes (-1 when not
	 * read from a regular file) and its modification time (seconds since
	 * 1970, UTC; meaningful only when size is not -1). For the audit log. */
	long long size;
	long long mtime;
	enum pc_photo_status status;
	struct pc__facts facts;
	struct pc__people people;
	struct pc_text texts[PC__TEXT_COUNT]; /* the non-empty ones, in order */
	size_t text_count;
	const char *taken; /* points into facts.dates */
	const char *open_error; /* UNOPENED: why, in facts.errors; else NULL */
};

#endif
