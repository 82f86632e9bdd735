# zoo-trip-gps.jpg
# Imitates a phone photo (Google Pixel: EXIF GPS IFD, OffsetTimeOriginal)
# later face-tagged in ExifToolGUI, which writes both MWG and MP regions
# through ExifTool (ExifTool's XMP layout).
# Tagged: EXIF GPSLatitude 53.2269 N, GPSLongitude 2.8842 W, GPSAltitude
# 25 m, GPS date/time; DateTimeOriginal 2026-06-11 12:34:56 +01:00; MWG
# region Face "Oliver Smith" (AppliedToDimensions 240x180, centre 0.475
# 0.40, 0.15 x 0.20); MP region "Oliver Smith" Rectangle "0.4, 0.3, 0.15,
# 0.2".  No event tag (the date falls in Zoo Trip 2026).
# Face (top-left): Oliver 0.40 0.30 0.15 0.20
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=zoo-trip-gps
{ bg_zoo; cat <<'EOF'
rect 0.72 0.12 0.06 0.45 220 180 60
ell 0.70 0.08 0.10 0.08 220 180 60
face 0.40 0.30 0.15 0.20 40 160 160
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Google -Model='Pixel 7a' \
    -DateTimeOriginal='2026:06:11 12:34:56' -CreateDate='2026:06:11 12:34:56' \
    -OffsetTimeOriginal=+01:00 \
    -GPSLatitude=53.2269 -GPSLatitudeRef=N -GPSLongitude=2.8842 -GPSLongitudeRef=W \
    -GPSAltitude=25 -GPSAltitudeRef='Above Sea Level' \
    -GPSDateStamp=2026:06:11 -GPSTimeStamp=11:34:56 \
    '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=240,H=180,Unit=pixel},RegionList=[{Area={X=0.475,Y=0.4,W=0.15,H=0.2,Unit=normalized},Name=Oliver Smith,Type=Face}]}' \
    '-XMP-MP:RegionInfoMP={Regions=[{PersonDisplayName=Oliver Smith,Rectangle=0.4|, 0.3|, 0.15|, 0.2}]}'
