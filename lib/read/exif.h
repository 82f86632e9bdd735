/*
 * exif.h: the EXIF fields that matter for consent, read with libexif.
 *
 * Reads DateTimeOriginal, whether a GPS position is present, ImageDescription,
 * XPKeywords (split at ';' into PC__KW_XP), XPSubject, UserComment and
 * Orientation into the facts. Problems (a bad IFD offset, a loop of IFDs,
 * a truncated segment) become errors in the facts, never a crash.
 */
#ifndef PC_EXIF_H
#define PC_EXIF_H

#include <stddef.h>

#include "read/facts.h"

/* `data` is an APP1 payload that starts with "Exif\0\0". Returns 0 (even
 * when the EXIF was damaged: the facts say how), PC_ENOMEM out of memory. */
int pc__exif_read(struct pc__facts *facts, const unsigned char *data, size_t len);

#endif
