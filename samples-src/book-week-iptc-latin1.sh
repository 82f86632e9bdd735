# book-week-iptc-latin1.jpg
# Imitates an old IPTC-IIM writer that stores ISO 8859-1 text and writes no
# 1:90 record (Photoshop 7 era, older Photo Mechanic with Unicode off).
# Tagged (IIM, Latin-1 bytes, no 1:90 at all): 2:25 Keywords
# "People/Zoë Brown" (ë stored as the single byte 0xEB), "Book Week 2026"
# (flat); 2:120 Caption "Zoë Brown reading in the library corner" (0xEB);
# 2:55 Date Created 2026-03-05.  No EXIF, no XMP.
# PRODUCT.md: IIM text with no 1:90 is UTF-8 if valid, else Latin-1, so this
# must read as "Zoë Brown".  (exiftool reads it right only because its own
# default IPTC charset is Latin.)
# No face region (face drawn at 0.40 0.30 0.15 0.20).
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=book-week-iptc-latin1
{ bg_bookweek; cat <<'EOF'
rect 0.30 0.55 0.35 0.12 230 230 210
face 0.40 0.30 0.15 0.20 40 150 60
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -charset iptc=Latin -IPTC:ApplicationRecordVersion=4 \
    '-IPTC:Keywords=People/Zoë Brown' '-IPTC:Keywords=Book Week 2026' \
    '-IPTC:Caption-Abstract=Zoë Brown reading in the library corner' \
    -IPTC:DateCreated=2026:03:05
