# zoo-trip-person-details.jpg
# Imitates an IPTC Photo Metadata 2019+ "Person Shown (with details)" entry
# as written by ExifTool (the layout ExifTool-based tools such as
# ExifToolGUI produce: rdf:parseType='Resource' structs, one rdf:Description
# per namespace, x:xmptk 'Image::ExifTool 12.57').
# Tagged: Iptc4xmpExt:PersonInImageWDetails (Bag of structs): PersonName
# (Lang Alt) "Ava Thomas" with PersonId (Bag)
# "https://hollybrook.example/pupils/ava-thomas", and "Leo Walker" with
# "https://hollybrook.example/pupils/leo-walker"; Iptc4xmpExt:Event "Zoo Trip
# 2026"; dc:subject "penguins".  EXIF DateTimeOriginal 2026-06-11.
# No face regions (faces drawn at 0.25 0.30 and 0.60 0.30, 0.15 x 0.20).
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=zoo-trip-person-details
{ bg_zoo; cat <<'EOF'
rect 0.05 0.58 0.12 0.14 30 30 30
ell 0.07 0.50 0.08 0.10 30 30 30
face 0.25 0.30 0.15 0.20 200 80 40
face 0.60 0.30 0.15 0.20 40 80 200
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=SONY -Model=DSC-RX100M5A \
    -DateTimeOriginal='2026:06:11 11:05:43' -CreateDate='2026:06:11 11:05:43' \
    '-XMP-iptcExt:PersonInImageWDetails=[{PersonName=Ava Thomas,PersonId=[https://hollybrook.example/pupils/ava-thomas]},{PersonName=Leo Walker,PersonId=[https://hollybrook.example/pupils/leo-walker]}]' \
    '-XMP-iptcExt:Event=Zoo Trip 2026' '-XMP-dc:Subject=penguins'
