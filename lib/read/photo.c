#include "read/photo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/error.h"
#include "read/exif.h"
#include "read/iptc.h"
#include "read/jpeg.h"
#include "base/path.h"
#include "read/sidecar.h"
#include "read/xmp.h"

/* Reads every metadata block the walk kept, in the order that makes the
 * preferences come out right: EXIF before XMP (EXIF's orientation wins),
 * the main XMP packets before their extension. A file with several XMP
 * packets (the standard allows one) is read whole: a child named in any of
 * them is in the photo. */
static int read_blocks(struct pc__facts *facts, const struct pc__jpeg *jpeg)
{
	if (jpeg->exif && pc__exif_read(facts, jpeg->exif, jpeg->exif_len))
		return PC_ENOMEM;
	/* The first packet that promises an extension names the one to read. */
	char guid[33] = "", other[33] = "";
	for (size_t i = 0; i < jpeg->xmp_count; i++) {
		if (pc__xmp_read(facts, jpeg->xmp[i], jpeg->xmp_len[i], "XMP",
		                 guid[0] ? other : guid))
			return PC_ENOMEM;
	}
	if (guid[0]) {
		char *ext = NULL;
		size_t ext_len = 0;
		int err = pc__xmp_extended_join(&ext, &ext_len, facts, guid, jpeg->chunks,
		                                jpeg->chunk_count);
		if (err == PC_ENOMEM)
			return PC_ENOMEM;
		if (!err) {
			err = pc__xmp_read(facts, ext, ext_len, "ExtendedXMP", NULL);
			free(ext);
			if (err)
				return PC_ENOMEM;
		}
	}
	if (jpeg->app13 && pc__iptc_read_photoshop(facts, jpeg->app13, jpeg->app13_len))
		return PC_ENOMEM;
	facts->width = jpeg->width;
	facts->height = jpeg->height;
	return 0;
}

/* Turns the facts into what the accessors hand out. */
static int finish(pc_photo *photo, const struct pc_read_options *opts)
{
	/* The public ids: the internal order is one of preference, free to
	 * change; these are not. */
	static const enum pc_text_field text_ids[PC__TEXT_COUNT] = {
		[PC__TEXT_XMP_DESCRIPTION] = PC_TEXT_XMP_DESCRIPTION,
		[PC__TEXT_IPTC_CAPTION] = PC_TEXT_IPTC_CAPTION,
		[PC__TEXT_EXIF_DESCRIPTION] = PC_TEXT_EXIF_DESCRIPTION,
		[PC__TEXT_XP_SUBJECT] = PC_TEXT_XP_SUBJECT,
		[PC__TEXT_EXIF_USER_COMMENT] = PC_TEXT_EXIF_USER_COMMENT,
		[PC__TEXT_XMP_USER_COMMENT] = PC_TEXT_XMP_USER_COMMENT,
		[PC__TEXT_XMP_TITLE] = PC_TEXT_XMP_TITLE,
		[PC__TEXT_XMP_HEADLINE] = PC_TEXT_XMP_HEADLINE,
		[PC__TEXT_IPTC_OBJECT_NAME] = PC_TEXT_IPTC_OBJECT_NAME,
		[PC__TEXT_IPTC_HEADLINE] = PC_TEXT_IPTC_HEADLINE,
		[PC__TEXT_XP_TITLE] = PC_TEXT_XP_TITLE,
		[PC__TEXT_XP_COMMENT] = PC_TEXT_XP_COMMENT,
		[PC__TEXT_XMP_OTHER_LANGUAGES] = PC_TEXT_XMP_OTHER_LANGUAGES,
	};
	static const char *const text_names[PC__TEXT_COUNT] = {
		[PC__TEXT_XMP_DESCRIPTION] = "xmp-description",
		[PC__TEXT_IPTC_CAPTION] = "iptc-caption",
		[PC__TEXT_EXIF_DESCRIPTION] = "exif-description",
		[PC__TEXT_XP_SUBJECT] = "xp-subject",
		[PC__TEXT_EXIF_USER_COMMENT] = "exif-user-comment",
		[PC__TEXT_XMP_USER_COMMENT] = "xmp-user-comment",
		[PC__TEXT_XMP_TITLE] = "xmp-title",
		[PC__TEXT_XMP_HEADLINE] = "xmp-headline",
		[PC__TEXT_IPTC_OBJECT_NAME] = "iptc-object-name",
		[PC__TEXT_IPTC_HEADLINE] = "iptc-headline",
		[PC__TEXT_XP_TITLE] = "xp-title",
		[PC__TEXT_XP_COMMENT] = "xp-comment",
		[PC__TEXT_XMP_OTHER_LANGUAGES] = "xmp-other-languages",
	};
	const struct pc__facts *f = &photo->facts;
	for (int i = 0; i < PC__TEXT_COUNT; i++)
		if (f->texts[i])
			photo->texts[photo->text_count++] =
				(struct pc_text){ text_names[i], f->texts[i], text_ids[i] };
	for (int i = 0; i < PC__DATE_COUNT && !photo->taken; i++)
		photo->taken = f->dates[i];

	const char *const *roots = opts ? opts->person_roots : NULL;
	size_t root_count = opts ? opts->person_root_count : 0;
	if (pc__people_build(&photo->people, f, roots, root_count))
		return PC_ENOMEM;
	if (photo->status == PC_PHOTO_OK && f->errors.n)
		photo->status = PC_PHOTO_DAMAGED;
	return 0;
}

static pc_photo *photo_new(const char *path)
{
	pc_photo *photo = calloc(1, sizeof(*photo));
	if (!photo)
		return NULL;
	pc__facts_init(&photo->facts);
	photo->size = -1;
	photo->path = strdup(path ? path : "");
	if (!photo->path) {
		free(photo);
		return NULL;
	}
	return photo;
}

/* The start of the error an unopened file records; pc_photo_open_error
 * hands out the rest, so that no caller takes the sentence apart. */
#define OPEN_PREFIX "cannot open: "

/* Records why the file could not be read at all: PC_EOPEN, or PC_ENOMEM. */
static int unopened(pc_photo *photo, const char *why)
{
	photo->status = PC_PHOTO_UNOPENED;
	if (pc__facts_error(&photo->facts, OPEN_PREFIX "%s", why))
		return PC_ENOMEM;
	return PC_EOPEN;
}

/* Where what pc_photo_open_error says begins: the first error, after its
 * prefix when it has one. */
static void note_open_error(pc_photo *photo)
{
	const char *why = photo->facts.errors.n ? photo->facts.errors.v[0] : "";
	if (!strncmp(why, OPEN_PREFIX, sizeof(OPEN_PREFIX) - 1))
		why += sizeof(OPEN_PREFIX) - 1;
	photo->open_error = why;
}

/* What both readers check before reading: 0, or the code to return. */
static int check_call(pc_photo **out, const char *path, const struct pc_read_options *opts)
{
	PC_ASSERT_ARG_CODE(out);
	*out = NULL;
	PC_ASSERT_ARG_CODE(path);
	if (opts && pc__options_check(NULL, opts->version, PC_READ_OPTIONS_VERSION,
	                              "struct pc_read_options"))
		return PC_EVERSION;
	return 0;
}

/* The end of both readers: the photo made whole and handed out (0), or
 * freed (PC_ENOMEM). `ret` is what the walk came to: 0, PC_EOPEN,
 * PC_EFORMAT (each a photo, with its status), or PC_ENOMEM. */
static int hand_out(pc_photo **out, pc_photo *photo, int ret,
                    const struct pc_read_options *opts)
{
	if (ret != PC_ENOMEM && finish(photo, opts))
		ret = PC_ENOMEM;
	if (ret == PC_ENOMEM) {
		pc_photo_free(photo);
		return PC_ENOMEM;
	}
	if (photo->status == PC_PHOTO_UNOPENED)
		note_open_error(photo);
	*out = photo;
	return 0;
}

int pc_photo_read(pc_photo **out, const char *path, const struct pc_read_options *opts)
{
	int ret = check_call(out, path, opts);
	if (ret)
		return ret;
	ret = PC_ENOMEM;
	int fd = -1;
	struct pc__jpeg jpeg;
	memset(&jpeg, 0, sizeof(jpeg));
	pc_photo *photo = photo_new(path);
	if (!photo)
		return PC_ENOMEM;
	errno = 0;
	if (!(photo->absolute = pc__path_absolute(photo->path)) && errno == ENOMEM) {
		pc_photo_free(photo);
		return PC_ENOMEM;
	}

	/* O_NONBLOCK so that a FIFO cannot block the open; a photo must be a
	 * regular file, which never blocks anyway. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	if (fd < 0) {
		ret = unopened(photo, strerror(errno));
		goto done;
	}
	if (fstat(fd, &st) < 0) {
		ret = unopened(photo, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = unopened(photo, S_ISDIR(st.st_mode) ? "it is a folder"
		                                          : "not a regular file");
		goto done;
	}
	photo->size = (long long)st.st_size;
	photo->mtime = (long long)st.st_mtime;

	int walk = pc__jpeg_read_fd(&jpeg, &photo->facts, fd);
	if (walk == PC_ENOMEM)
		goto done;
	if (walk == PC_EOPEN) {
		photo->status = PC_PHOTO_UNOPENED;
		ret = PC_EOPEN;
	} else if (walk == PC_EFORMAT) {
		photo->status = PC_PHOTO_UNREADABLE;
		ret = PC_EFORMAT;
	} else {
		if (read_blocks(&photo->facts, &jpeg))
			goto done;
		ret = 0;
	}
	/* Tags in a sidecar are read even beside a damaged photo: they are
	 * still the school's tags, and the verdict must see them. */
	if (ret != PC_EOPEN && !(opts && opts->no_sidecar)) {
		pc__facts_mark_sidecar(&photo->facts);
		if (pc__sidecar_read(&photo->facts, path))
			ret = PC_ENOMEM;
	}
done:
	if (fd >= 0)
		close(fd);
	pc__jpeg_release(&jpeg);
	return hand_out(out, photo, ret, opts);
}

int pc_photo_read_memory(pc_photo **out, const char *name, const void *data,
                         size_t len, const struct pc_read_options *opts)
{
	int ret = check_call(out, name, opts);
	if (ret)
		return ret;
	PC_ASSERT_ARG_CODE(data || !len);
	ret = PC_ENOMEM;
	struct pc__jpeg jpeg;
	memset(&jpeg, 0, sizeof(jpeg));
	pc_photo *photo = photo_new(name);
	if (!photo)
		return PC_ENOMEM;
	/* A name is where the bytes came from only when it says so in full;
	 * a relative one is a label, not a path under the current folder. */
	if (photo->path[0] == '/' && !(photo->absolute = pc__path_absolute(photo->path))) {
		pc_photo_free(photo);
		return PC_ENOMEM;
	}
	int walk = pc__jpeg_read_memory(&jpeg, &photo->facts, data, len);
	if (walk == PC_EFORMAT) {
		photo->status = PC_PHOTO_UNREADABLE;
		ret = PC_EFORMAT;
	} else if (walk == 0 && !read_blocks(&photo->facts, &jpeg)) {
		ret = 0;
	}
	pc__jpeg_release(&jpeg);
	return hand_out(out, photo, ret, opts);
}

void pc_photo_free(pc_photo *photo)
{
	if (!photo)
		return;
	pc__people_release(&photo->people);
	pc__facts_release(&photo->facts);
	free(photo->absolute);
	free(photo->path);
	free(photo);
}

const char *pc_photo_path(const pc_photo *photo)
{
	return photo ? photo->path : NULL;
}

const char *pc_photo_open_error(const pc_photo *photo)
{
	return photo && photo->status == PC_PHOTO_UNOPENED ? photo->open_error : NULL;
}

const char *pc_photo_absolute_path(const pc_photo *photo)
{
	return photo ? photo->absolute : NULL;
}

enum pc_photo_status pc_photo_status(const pc_photo *photo)
{
	/* No photo is one that could not be opened, not one read cleanly. */
	return photo ? photo->status : PC_PHOTO_UNOPENED;
}

int pc_photo_is_other_image(const pc_photo *photo)
{
	return photo && photo->status == PC_PHOTO_UNREADABLE && photo->facts.other_image;
}

size_t pc_photo_person_count(const pc_photo *photo)
{
	return photo ? photo->people.person_count : 0;
}

const struct pc_person *pc_photo_person(const pc_photo *photo, size_t i)
{
	return photo && i < photo->people.person_count ? &photo->people.persons[i] : NULL;
}

size_t pc_photo_event_count(const pc_photo *photo)
{
	return photo ? photo->people.events.n : 0;
}

const char *pc_photo_event(const pc_photo *photo, size_t i)
{
	return photo && i < photo->people.events.n ? photo->people.events.v[i] : NULL;
}

const char *pc_photo_event_source(const pc_photo *photo, size_t i)
{
	if (!photo || i >= photo->people.events.n)
		return NULL;
	return photo->people.event_from_keyword[i] ? "keyword" : "xmp-event";
}

enum pc_event_match pc_photo_event_from(const pc_photo *photo, size_t i)
{
	if (!photo || i >= photo->people.events.n)
		return PC_EVENT_XMP_EVENT;
	return photo->people.event_from_keyword[i] ? PC_EVENT_KEYWORD : PC_EVENT_XMP_EVENT;
}

size_t pc_photo_keyword_count(const pc_photo *photo)
{
	return photo ? photo->people.keyword_count : 0;
}

const struct pc_keyword *pc_photo_keyword(const pc_photo *photo, size_t i)
{
	return photo && i < photo->people.keyword_count ? &photo->people.keywords[i] : NULL;
}

size_t pc_photo_text_count(const pc_photo *photo)
{
	return photo ? photo->text_count : 0;
}

const struct pc_text *pc_photo_text(const pc_photo *photo, size_t i)
{
	return photo && i < photo->text_count ? &photo->texts[i] : NULL;
}

const char *pc_photo_caption(const pc_photo *photo)
{
	return photo && photo->text_count ? photo->texts[0].text : NULL;
}

const char *pc_photo_taken(const pc_photo *photo)
{
	return photo ? photo->taken : NULL;
}

size_t pc_photo_date_count(const pc_photo *photo)
{
	size_t n = 0;
	for (int i = 0; photo && i < PC__DATE_COUNT; i++)
		n += photo->facts.dates[i] != NULL;
	return n;
}

const char *pc_photo_date(const pc_photo *photo, size_t i)
{
	for (int d = 0; photo && d < PC__DATE_COUNT; d++)
		if (photo->facts.dates[d] && i-- == 0)
			return photo->facts.dates[d];
	return NULL;
}

int pc_photo_has_gps(const pc_photo *photo)
{
	return photo ? photo->facts.gps : 0;
}

int pc_photo_orientation(const pc_photo *photo)
{
	int o = photo ? photo->facts.orientation : 1;
	return o >= 1 && o <= 8 ? o : 1;
}

size_t pc_photo_error_count(const pc_photo *photo)
{
	return photo ? photo->facts.errors.n : 0;
}

const char *pc_photo_error(const pc_photo *photo, size_t i)
{
	return photo && i < photo->facts.errors.n ? photo->facts.errors.v[i] : NULL;
}
