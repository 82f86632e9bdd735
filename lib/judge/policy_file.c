/*
 * policy_file.c: what the file tells beyond who is in it: whether it was
 * read whole, and whether it records where it was taken.
 */
#include "base/buf.h"
#include "judge/stage.h"

/* A photo that could not be read whole may name people the verdict never
 * saw: it is never shared on what was read. */
int pc__policy_reading(struct pc__judge *j)
{
	int ret = PC_ENOMEM;
	struct pc__buf errors;
	const char *what;

	pc__buf_init(&errors, 0);
	switch (pc_photo_status(j->photo)) {
	case PC_PHOTO_OK:
		ret = 0;
		goto done;
	case PC_PHOTO_DAMAGED:
		what = "some of the photo's metadata is damaged, so it may name people not "
		       "listed here";
		break;
	case PC_PHOTO_UNREADABLE:
		what = "the file is not a readable JPEG";
		break;
	default:
		what = "the file could not be opened";
		break;
	}
	for (size_t i = 0; i < pc_photo_error_count(j->photo); i++) {
		if ((i && pc__buf_puts(&errors, "; ")) ||
		    pc__buf_puts(&errors, pc_photo_error(j->photo, i)))
			goto done;
	}
	ret = pc__verdict_add(j->v, PC__RANK_UNREADABLE, 0, "unreadable",
	                      "the photo's details could not be read", "%s%s%s", what,
	                      errors.len ? ": " : "", errors.len ? errors.data : "");
done:
	pc__buf_release(&errors);
	return ret;
}

int pc__policy_gps(struct pc__judge *j)
{
	if (!pc_photo_has_gps(j->photo))
		return 0;
	return pc__verdict_add(j->v, PC__RANK_GPS, 0, "gps",
	                       "the photo records where it was taken",
	                       "the photo carries a GPS position: anyone who gets the file can "
	                       "see where it was taken");
}
