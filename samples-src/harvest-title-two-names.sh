# harvest-title-two-names.jpg
# Imitates Windows File Explorer's Details tab: a Title typed by the class
# teacher (XPTitle, and XMP dc:title as Explorer writes both) that names two
# children, and a People tag for one of them only. Tagged: MP:RegionInfo
# "Amy Jones"; XPTitle and dc:title "Amy Jones and Isla Taylor with the
# harvest basket"; XPKeywords "Harvest Festival 2026"; DateTimeOriginal
# 2026-10-02. Isla (no_photo) is named but not tagged: do-not-share for
# every purpose.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=harvest-title-two-names
{ bg_harvest; cat <<'EOF'
face 0.25 0.25 0.15 0.20 90 140 60
face 0.60 0.27 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon EOS 2000D' \
    -DateTimeOriginal='2026:10:02 10:45:00' -CreateDate='2026:10:02 10:45:00' \
    '-XPTitle=Amy Jones and Isla Taylor with the harvest basket' \
    '-XMP-dc:Title=Amy Jones and Isla Taylor with the harvest basket' \
    '-XPKeywords=Harvest Festival 2026' \
    '-XMP-MP:RegionInfoMP={Regions=[{PersonDisplayName=Amy Jones,Rectangle=0.25|, 0.25|, 0.15|, 0.2}]}'
