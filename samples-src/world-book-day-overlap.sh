# world-book-day-overlap.jpg
# Imitates Windows Photo Gallery's people tags, on a day two school events
# share: World Book Day (2026-03-05, which forbids the school's social
# media) falls inside Book Week (2026-03-02..06). No event tag.
# Tagged: MP:RegionInfo with Amy Jones (a Microsoft Photo rectangle, top-left
# based) and MicrosoftPhoto:LastKeywordXMP "People/Amy Jones";
# DateTimeOriginal 2026-03-05. Both events are its events; World Book
# Day's denial applies.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=world-book-day-overlap
{ bg_bookweek; cat <<'EOF'
face 0.40 0.25 0.15 0.20 40 160 120
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon PowerShot SX740 HS' \
    -DateTimeOriginal='2026:03:05 10:30:00' -CreateDate='2026:03:05 10:30:00' \
    '-XMP-MP:RegionInfoMP={Regions=[{PersonDisplayName=Amy Jones,Rectangle=0.4|, 0.25|, 0.15|, 0.2}]}' \
    '-XMP-microsoft:LastKeywordXMP=People/Amy Jones'
