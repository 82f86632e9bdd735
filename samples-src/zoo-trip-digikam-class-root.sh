# zoo-trip-digikam-class-root.jpg
# Imitates digiKam with the school's own tag tree: the class as the root,
# written only as hierarchies (digiKam:TagsList, lr:hierarchicalSubject,
# MicrosoftPhoto:LastKeywordXMP), no flat dc:subject.
# Tagged: "Year 4/Callum Fraser" (no_photo) and "People/Amy Jones", with an
# MWG face region for Amy only; Event keyword "Events/Zoo Trip 2026";
# DateTimeOriginal 2026-06-11. Callum is a person though his root is not
# one of the default person roots: do-not-share for every purpose.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=zoo-trip-digikam-class-root
{ bg_zoo; cat <<'EOF'
face 0.20 0.25 0.15 0.20 200 60 60
face 0.60 0.28 0.15 0.20 60 60 200
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon EOS 250D' \
    -DateTimeOriginal='2026:06:11 11:12:13' -CreateDate='2026:06:11 11:12:13' \
    '-XMP-digiKam:TagsList=Year 4/Callum Fraser' '-XMP-digiKam:TagsList=People/Amy Jones' \
    '-XMP-digiKam:TagsList=Events/Zoo Trip 2026' \
    '-XMP-lr:HierarchicalSubject=Year 4|Callum Fraser' \
    '-XMP-lr:HierarchicalSubject=People|Amy Jones' \
    '-XMP-lr:HierarchicalSubject=Events|Zoo Trip 2026' \
    '-XMP-microsoft:LastKeywordXMP=Year 4/Callum Fraser' \
    '-XMP-microsoft:LastKeywordXMP=People/Amy Jones' \
    '-XMP-microsoft:LastKeywordXMP=Events/Zoo Trip 2026' \
    '-XMP-mwg-rs:RegionAppliedToDimensionsW=240' '-XMP-mwg-rs:RegionAppliedToDimensionsH=180' \
    '-XMP-mwg-rs:RegionAppliedToDimensionsUnit=pixel' \
    '-XMP-mwg-rs:RegionList={Name=Amy Jones,Type=Face,Area={X=0.275,Y=0.35,W=0.15,H=0.2,Unit=normalized}}'
