# book-week-lightroom-class-root.jpg
# Imitates Lightroom Classic with a keyword set per class, the person
# keyword's "Include on Export" off for its parents and for itself as a
# flat keyword (only the hierarchy is written).
# Tagged: lr:hierarchicalSubject "Class 5T|Isla Taylor" (no_photo) and
# nothing else about people; dc:subject "Book Week 2026". DateTimeOriginal
# 2026-03-04. No people tag under a default root: Isla is found only as the
# leaf of her class's keyword.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=book-week-lightroom-class-root
{ bg_bookweek; cat <<'EOF'
face 0.42 0.30 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=MM -Make=NIKON\ CORPORATION -Model='NIKON Z 50' \
    -DateTimeOriginal='2026:03:04 13:40:02' -CreateDate='2026:03:04 13:40:02' \
    '-XMP-lr:HierarchicalSubject=Class 5T|Isla Taylor' '-XMP-dc:Subject=Book Week 2026' \
    '-XMP-xmp:CreatorTool=Adobe Photoshop Lightroom Classic 13.2 (Windows)'
