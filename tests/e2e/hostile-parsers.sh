#!/bin/sh
# End-to-end tests of `photoconsent inspect` on the hostile files of
# tests/tools/make_hostile.c: broken JPEGs, and hostile metadata inside
# otherwise well-formed ones. Each parser must name what is wrong and
# where, with no crash or hang.
# Usage: tests/e2e/hostile-parsers.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"
PHOTOCONSENT_DB=$E2E_TMP/no-database.db
export PHOTOCONSENT_DB
hostile_files

# hostile FILE STATUS MESSAGE: a clear error naming the file, the status,
# and no crash or hang.
hostile() {
	t "hostile $1"
	run inspect --json "$HOSTILE/$1"
	expect_no_crash
	expect_status "$2"
	expect_err "'$HOSTILE/$1': $3"
	expect_json '@j == 1 && @{$j[0]{errors}} >= 1'
}
hostile empty.jpg 65 "file is empty"
hostile soi-only.jpg 65 "file ends at byte 2 before the image data"
hostile truncated-in-segment.jpg 65 "file ends inside the APP1 segment at byte 2"
hostile png-named.jpg 65 "not a JPEG file: it looks like a PNG image"
hostile text-named.jpg 65 "not a JPEG file: it looks like text"
hostile segment-length-1.jpg 65 "APP1 segment at byte 2 declares an impossible length of 1 bytes"
hostile many-segments.jpg 65 "more than 10000 segments before the image data"
hostile exif-offset-outside.jpg 65 "EXIF IFD 'IFD0' at byte 2147483632 is outside the segment"
hostile exif-ifd-loop.jpg 65 "EXIF IFD 'EXIF' at byte 8 is IFD 'IFD0' again: a loop of IFDs"
hostile xmp-malformed.jpg 65 "XMP is malformed at byte 202 (line 1, column 203): mismatched tag"
hostile xmp-billion-laughs.jpg 65 "XMP has a DOCTYPE declaration; refused (entity expansion)"
hostile xmp-deep-nesting.jpg 65 "XMP nests deeper than 64 levels"
hostile iim-past-segment.jpg 65 "IPTC dataset 2:25 at byte 0 claims 5000 bytes, only 9 remain"
hostile extxmp-overlap.jpg 65 "ExtendedXMP chunks overlap at byte 150"
hostile extxmp-past-length.jpg 65 "ExtendedXMP chunk at offset 200 (200 bytes) runs past the declared length 250"

t "the billion laughs are never expanded"
run inspect --json "$HOSTILE/xmp-billion-laughs.jpg"
expect_json '@j == 1 && !grep { /lol/ } @{$j[0]{keywords}}'

t "a malformed packet keeps nothing from its broken part"
run inspect --json "$HOSTILE/xmp-malformed.jpg"
expect_json '@j == 1 && @{$j[0]{keywords}} == 0'

e2e_finish hostile-parsers
