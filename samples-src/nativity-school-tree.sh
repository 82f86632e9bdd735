# nativity-school-tree.jpg
# Imitates digiKam with the school's tag tree by year, the event filed as
# "School/2025/Nativity Play 2025" rather than under Events/, and no date
# taken (a scan of a printed photo: no EXIF date). Tagged: digiKam:TagsList
# that and "People/Amy Jones"; lr:hierarchicalSubject the same with "|".
# The event is found from the leaf of its keyword: parent-social is denied.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=nativity-school-tree
{ bg_nativity; cat <<'EOF'
face 0.42 0.30 0.15 0.20 240 240 240
EOF
} | draw $n 240 180
encode $n
tag $n.jpg '-XMP-digiKam:TagsList=School/2025/Nativity Play 2025' \
    '-XMP-digiKam:TagsList=People/Amy Jones' \
    '-XMP-lr:HierarchicalSubject=School|2025|Nativity Play 2025' \
    '-XMP-lr:HierarchicalSubject=People|Amy Jones'
