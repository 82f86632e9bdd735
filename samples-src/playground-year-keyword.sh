# playground-year-keyword.jpg
# Imitates Apple Photos on a Mac exporting with "Title, Caption and
# Keywords": the album year as a keyword, no people (nobody was named in
# Photos). Tagged: dc:subject and IPTC Keywords "2004" (a year, and also
# the demo pupil id of Lucy Evans) and "Playground". DateTimeOriginal
# 2026-09-15 (no event). A number in a keyword names nobody: untagged.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=playground-year-keyword
{ bg_playground; cat <<'EOF'
face 0.30 0.30 0.14 0.19 70 140 200
face 0.58 0.28 0.14 0.19 210 90 90
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=MM -Make=Apple -Model='iPhone 12' \
    -DateTimeOriginal='2026:09:15 10:02:41' -CreateDate='2026:09:15 10:02:41' \
    -XMP-dc:Subject=2004 -XMP-dc:Subject=Playground \
    -IPTC:Keywords=2004 -IPTC:Keywords=Playground
