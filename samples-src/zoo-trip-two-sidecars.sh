# zoo-trip-two-sidecars.jpg, with zoo-trip-two-sidecars.jpg.xmp and
# zoo-trip-two-sidecars.xmp
# Imitates a folder touched by two tools: digiKam wrote NAME.jpg.xmp (Amy
# Jones) and darktable's import of the same folder wrote NAME.xmp (Isla
# Taylor, no_photo). The JPEG itself holds no people. DateTimeOriginal
# 2026-06-11 (Zoo Trip 2026). Both sidecars are read: do-not-share.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=zoo-trip-two-sidecars
{ bg_zoo; cat <<'EOF'
face 0.20 0.25 0.15 0.20 200 60 60
face 0.60 0.28 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=FUJIFILM -Model=X-T30 \
    -DateTimeOriginal='2026:06:11 13:14:15' -CreateDate='2026:06:11 13:14:15'
rm -f $n.jpg.xmp $n.xmp
exiftool -q -o $n.jpg.xmp '-XMP-digiKam:TagsList=People/Amy Jones' \
    '-XMP-dc:Subject=Amy Jones' '-XMP-xmp:CreatorTool=digiKam-8.2.0'
exiftool -q -o $n.xmp '-XMP-dc:Subject=Isla Taylor' \
    '-XMP-lr:HierarchicalSubject=People|Isla Taylor' '-XMP-xmp:CreatorTool=darktable 4.6.1'
