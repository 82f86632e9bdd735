# sports-day-leaver.jpg
# Imitates digiKam (MWG face region and People/ tag) on a photo of a pupil
# who has since left: Harrison Cox, left 2026-02-13, all consents granted.
# Tagged: MWG region "Harrison Cox", digiKam:TagsList "People/Harrison Cox";
# dc:subject "Sports Day 2026"; DateTimeOriginal 2026-07-03.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=sports-day-leaver
{ bg_sports; cat <<'EOF'
face 0.40 0.25 0.15 0.20 90 90 200
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon EOS 250D' \
    -DateTimeOriginal='2026:07:03 15:05:40' -CreateDate='2026:07:03 15:05:40' \
    '-XMP-digiKam:TagsList=People/Harrison Cox' '-XMP-dc:Subject=Sports Day 2026' \
    '-XMP-mwg-rs:RegionAppliedToDimensionsW=240' '-XMP-mwg-rs:RegionAppliedToDimensionsH=180' \
    '-XMP-mwg-rs:RegionAppliedToDimensionsUnit=pixel' \
    '-XMP-mwg-rs:RegionList={Name=Harrison Cox,Type=Face,Area={X=0.475,Y=0.35,W=0.15,H=0.2,Unit=normalized}}'
