# BYRNE-Kian-sports-day.jpg
# Imitates the office's own renaming: SURNAME-Forename, as the MIS prints
# names. Tagged: Iptc4xmpExt:PersonInImage "Kian Byrne" (no_name) and
# Iptc4xmpExt:Event "Sports Day 2026"; DateTimeOriginal 2026-07-03.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=BYRNE-Kian-sports-day
{ bg_sports; cat <<'EOF'
face 0.42 0.30 0.15 0.20 220 120 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=SONY -Model=DSC-RX100M5A \
    -DateTimeOriginal='2026:07:03 14:22:51' -CreateDate='2026:07:03 14:22:51' \
    '-XMP-iptcExt:PersonInImage=Kian Byrne' '-XMP-iptcExt:Event=Sports Day 2026'
