# book-week-iptc-utf8.jpg
# Imitates an IPTC-IIM-only writer (FotoStation, or an older newsroom tool /
# Photoshop "File Info" with XMP off): APP13 "Photoshop 3.0" with one 0x0404
# IPTC resource, no EXIF, no XMP.
# Tagged (IIM): 1:90 CodedCharacterSet UTF8 (ESC % G); 2:25 Keywords
# "Zoë Brown" (flat: a keyword, not a person, for inspect),
# "People/Łukasz Nowak" (a person), "Events/Book Week 2026",
# "Hollybrook Primary School"; 2:120 Caption "Zoë Brown and Łukasz Nowak
# dressed as characters from their favourite books"; 2:55 Date Created
# 2026-03-04; 2:60 Time Created 10:20:00+00:00.  (exiftool also adds 1:00 and
# 2:00 record versions.)  No DateTimeOriginal: the date is 2:55.
# No face regions (faces drawn at 0.20 0.30 and 0.60 0.30).
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=book-week-iptc-utf8
{ bg_bookweek; cat <<'EOF'
face 0.20 0.30 0.15 0.20 40 150 60
face 0.60 0.30 0.15 0.20 200 60 140
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -IPTC:CodedCharacterSet=UTF8 -IPTC:ApplicationRecordVersion=4 \
    '-IPTC:Keywords=Zoë Brown' '-IPTC:Keywords=People/Łukasz Nowak' \
    '-IPTC:Keywords=Events/Book Week 2026' '-IPTC:Keywords=Hollybrook Primary School' \
    '-IPTC:Caption-Abstract=Zoë Brown and Łukasz Nowak dressed as characters from their favourite books' \
    -IPTC:DateCreated=2026:03:04 -IPTC:TimeCreated=10:20:00+00:00
