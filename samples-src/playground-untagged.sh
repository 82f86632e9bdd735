# playground-untagged.jpg
# Imitates a compact camera's straight-out-of-camera JPEG: EXIF only
# (Make, Model, DateTimeOriginal 2026-01-20, which is in no event's dates).
# No people tags, no event, no keywords: photoconsent must treat it as
# untagged (review), not as "nobody in it".
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=playground-untagged
{ bg_playground; cat <<'EOF'
face 0.12 0.30 0.12 0.16 200 40 40
face 0.45 0.35 0.12 0.16 40 60 200
face 0.75 0.28 0.12 0.16 230 200 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=MM -Make=OLYMPUS\ CORPORATION -Model=TG-6 \
    -DateTimeOriginal='2026:01:20 10:40:00' -CreateDate='2026:01:20 10:40:00'
