# YusufRahman.jpg
# Imitates a photo shared from a phone and saved by a member of staff under
# the child's name run together, as a messaging app names a download.
# Tagged: Iptc4xmpExt:PersonInImage "Yusuf Rahman" (no_name);
# DateTimeOriginal 2026-09-22 (no event). The file name names him.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=YusufRahman
{ bg_playground; cat <<'EOF'
face 0.42 0.30 0.15 0.20 120 60 160
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Google -Model='Pixel 7a' \
    -DateTimeOriginal='2026:09:22 12:01:09' -CreateDate='2026:09:22 12:01:09' \
    '-XMP-iptcExt:PersonInImage=Yusuf Rahman'
