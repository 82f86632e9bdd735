# Hostile metadata inside otherwise well-formed JPEGs: each parser must
# name what is wrong and where. Sourced by run.sh (uses its `hostile`).
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
expect_json '!grep { /lol/ } @{$j[0]{keywords}}'

t "a malformed packet keeps nothing from its broken part"
run inspect --json "$HOSTILE/xmp-malformed.jpg"
expect_json '@{$j[0]{keywords}} == 0'
