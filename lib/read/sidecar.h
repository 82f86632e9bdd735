/*
 * sidecar.h: the XMP file that digiKam, darktable, Lightroom and Immich
 * write beside a photo.
 *
 * For "IMG_0042.jpg" the sidecars are "IMG_0042.jpg.xmp" (digiKam,
 * darktable, Immich) and "IMG_0042.xmp" (Lightroom, Bridge); each one
 * there is read, since a school that used two tools has tags in both. The
 * upper-case extension is tried too, since photos copied from Windows
 * often carry it.
 */
#ifndef PC_SIDECAR_H
#define PC_SIDECAR_H

#include "read/facts.h"

/* Finds and parses the sidecar of `path` into the facts (merged with what
 * is there). No sidecar is not an error. An unreadable or oversized one is
 * an error in the facts. Returns 0, or PC_ENOMEM when out of memory. */
int pc__sidecar_read(struct pc__facts *facts, const char *path);

#endif
