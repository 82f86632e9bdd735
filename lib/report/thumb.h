/*
 * thumb.h: a small preview of a photo for the contact sheet, decoded with
 * libjpeg-turbo at 1/8 scale (its DCT scaling: the cost of a 1/8 decode,
 * not of a full one), turned upright, shrunk, and re-encoded as a JPEG
 * inside a data URI.
 *
 * Invariants:
 * - The file is hostile: libjpeg's errors never exit the process, its
 *   warnings never print; the image's size and the memory the decoder may
 *   take are bounded before any pixel is decoded, and the work as it goes
 *   (progressive scans, the blocks they cover, bytes read, processor
 *   time).
 * - No byte of a preview comes from data libjpeg did not decode: a
 *   warning about the image data ends the decode, and the rows after it
 *   are grey.
 * - Nothing is shared between calls: threads may make previews at once.
 */
#ifndef PC_THUMB_H
#define PC_THUMB_H

/* The longest side of a preview, in pixels. */
#define PC__THUMB_SIDE 240

/* A preview's size in pixels, as it is shown (upright). */
struct pc__thumb_size {
	unsigned width, height;
};

/*
 * Makes the preview of the JPEG at `path`, turned by `orientation` (EXIF
 * 1..8; anything else is 1) and shrunk so that neither side exceeds
 * `max_side` (0 is taken as 1), as "data:image/jpeg;base64,..." into *out
 * (the caller's, free()), and its size, upright, into *size unless `size`
 * is NULL (zeroed unless the preview was made). The preview is a new
 * JPEG: none of the photo's metadata goes with it.
 * The photo is decoded at 1/8 scale and never enlarged, so one less than
 * 8 x max_side across gives a smaller preview (a 240 x 180 photo: 30 x 23).
 * A damaged photo (a truncated file, corrupt data) is decoded up to the
 * first damage, and the rest of its preview is grey, with no message; when
 * less than a quarter of it decodes, or the damage is in a progressive or
 * multi-scan file (read whole before its first row), it has no preview
 * (PC_EFORMAT).
 * Returns 0; PC_EOPEN (cannot open or read it, or not a regular file: a
 * FIFO is refused, not waited on), PC_EFORMAT (libjpeg cannot decode it),
 * PC_ETOOBIG (beyond the size, memory, scan or work limits: "the image is
 * too large to preview (...)", "the image is too costly to preview
 * (...)"), with *error set to
 * a message for a person (the caller's, free()), such as "cannot decode
 * the image: Not a JPEG file: starts with 0x89 0x50"; or PC_ENOMEM when out
 * of memory (no message). *out and *error are NULL unless set.
 */
int pc__thumb_data_uri(char **out, struct pc__thumb_size *size, char **error,
                       const char *path, int orientation, unsigned max_side);

#endif
