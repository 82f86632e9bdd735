# science-fair-windows-explorer.jpg
# Imitates the EXIF part of what Windows Explorer's Properties > Details tab
# writes (the "Tags", "Subject", "Title" and "Comments" fields become the
# UCS-2 XP* tags in IFD0).  No XMP, no IPTC.
# Tagged: EXIF XPKeywords "People/Mohammed Khan;People/Noah Evans;Science Fair
# 2026" (";"-separated list), XPSubject "Science Fair 2026", XPTitle
# "Volcano experiment", XPComment "Year 5 science fair"; DateTimeOriginal
# 2026-05-14.
# No face regions (faces drawn at 0.20 0.30 and 0.60 0.30).
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=science-fair-windows-explorer
{ bg_science; cat <<'EOF'
face 0.20 0.30 0.15 0.20 220 120 30
face 0.60 0.30 0.15 0.20 90 60 160
ell 0.42 0.40 0.12 0.22 150 75 40
ell 0.455 0.36 0.05 0.06 230 60 30
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon PowerShot SX740 HS' \
    -DateTimeOriginal='2026:05:14 13:30:12' -CreateDate='2026:05:14 13:30:12' \
    '-XPKeywords=People/Mohammed Khan;People/Noah Evans;Science Fair 2026' \
    '-XPSubject=Science Fair 2026' '-XPTitle=Volcano experiment' \
    '-XPComment=Year 5 science fair'
