#!/usr/bin/env bash
# make-samples.sh: regenerate every sample photo in this folder from scratch.
#
# The samples are small JPEGs of a fictional primary school, "Hollybrook
# Primary School", each tagged the way one real photo tool tags people and
# events (see README.md for the table).  The pictures are drawn here as plain
# PPM files (a background per event, a light ellipse exactly where each tagged
# face region is), compressed with cjpeg, rotated losslessly with jpegtran
# where the sample needs a rotated stored image, and then tagged with exiftool.
#
# This file is the engine: the drawing, encoding and tagging that every
# sample shares.  Each sample is one file, ../samples-src/NAME.sh, which says the tool
# it imitates and exactly what it tags, and makes NAME.jpg (and its sidecars)
# with these helpers; the engine sources them all, in name order.  A new
# sample is a new file there.
#
# Needs: bash, awk, cjpeg and jpegtran (libjpeg-turbo-progs), exiftool
# (libimage-exiftool-perl; written against 12.57).  No ImageMagick.
#
# The outputs (*.jpg and the *.xmp sidecars) are committed: building or
# testing photoconsent does not need this script nor exiftool.  Run it only
# to change a sample, then commit what it wrote.  With the same tool versions
# the output is byte-for-byte the same every run.
#
# Usage: samples/make-samples.sh        (writes into the folder it lives in)

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

for tool in exiftool cjpeg jpegtran awk; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "make-samples.sh: '$tool' is not installed (needs exiftool, cjpeg, jpegtran, awk)" >&2
        exit 69
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------

# The scene language (fractions of the displayed image, top-left based; later
# lines paint over earlier ones):
#   band  y0 y1 R G B        full-width horizontal band (sky, ground, stage)
#   rect  x y w h R G B      filled rectangle
#   ell   x y w h R G B      filled ellipse inscribed in the box
#   frame x y w h R G B      2-pixel outline of the box
#   face  x y w h R G B      a person: a body of colour RGB below the box and
#                            a light face ellipse exactly filling the box, so
#                            the tagged regions can be checked by eye
cat > "$tmp/draw.awk" <<'AWK'
function px(f, n) { return int(f * n + 0.5) }
function cx_(v) { return v < 0 ? 0 : (v > W ? W : v) }
function cy_(v) { return v < 0 ? 0 : (v > H ? H : v) }
function fill(x0, y0, x1, y1, c,   i, j) {
    x0 = cx_(x0); x1 = cx_(x1); y0 = cy_(y0); y1 = cy_(y1)
    for (j = y0; j < y1; j++) for (i = x0; i < x1; i++) pix[i, j] = c
}
function oval(x0, y0, x1, y1, c,   i, j, cx, cy, rx, ry, dx, dy) {
    cx = (x0 + x1) / 2; cy = (y0 + y1) / 2; rx = (x1 - x0) / 2; ry = (y1 - y0) / 2
    if (rx <= 0 || ry <= 0) return
    for (j = cy_(y0); j < cy_(y1); j++)
        for (i = cx_(x0); i < cx_(x1); i++) {
            dx = (i + 0.5 - cx) / rx; dy = (j + 0.5 - cy) / ry
            if (dx * dx + dy * dy <= 1.0) pix[i, j] = c
        }
}
/^[ \t]*(#|$)/ { next }
{
    c = $(NF - 2) " " $(NF - 1) " " $NF
    if ($1 == "band") { fill(0, px($2, H), W, px($3, H), c); next }
    x0 = px($2, W); y0 = px($3, H); x1 = px($2 + $4, W); y1 = px($3 + $5, H)
    if ($1 == "rect") fill(x0, y0, x1, y1, c)
    else if ($1 == "ell") oval(x0, y0, x1, y1, c)
    else if ($1 == "frame") {
        fill(x0, y0, x1, y0 + 2, c); fill(x0, y1 - 2, x1, y1, c)
        fill(x0, y0, x0 + 2, y1, c); fill(x1 - 2, y0, x1, y1, c)
    } else if ($1 == "face") {
        bw = x1 - x0; bh = y1 - y0
        fill(x0 - int(bw / 4), y1 - int(bh / 10), x1 + int(bw / 4), y1 + bh + int(bh / 2), c)
        oval(x0, y0, x1, y1, "250 221 190")
        e = (bw >= 12) ? 2 : 1
        ex = x0 + int(bw * 0.28); ey = y0 + int(bh * 0.35)
        oval(ex, ey, ex + e, ey + e, "60 40 30")
        ex = x1 - int(bw * 0.28) - e
        oval(ex, ey, ex + e, ey + e, "60 40 30")
    } else {
        print "draw.awk: unknown shape '" $1 "'" > "/dev/stderr"; exit 1
    }
}
END {
    printf "P3\n%d %d\n255\n", W, H
    for (j = 0; j < H; j++)
        for (i = 0; i < W; i++)
            print ((i, j) in pix) ? pix[i, j] : "0 0 0"
}
AWK

# draw NAME W H < scene   ->  $tmp/NAME.ppm  (W x H is the DISPLAYED size)
draw() {
    LC_ALL=C awk -v W="$2" -v H="$3" -f "$tmp/draw.awk" > "$tmp/$1.ppm"
}

# encode NAME [ROTATE]  ->  NAME.jpg at quality 80.  With ROTATE (90, 180 or
# 270) the stored pixels are the drawn (displayed) picture turned clockwise by
# ROTATE degrees with jpegtran; the EXIF Orientation that undoes it is set
# when the file is tagged.  Rotated samples use 1x1 chroma sampling and sizes
# that are multiples of 8, so the rotation is exact (-perfect).
encode() {
    if [ $# -lt 2 ]; then
        cjpeg -quality 80 -optimize "$tmp/$1.ppm" > "$1.jpg"
    else
        cjpeg -quality 80 -optimize -sample 1x1 "$tmp/$1.ppm" > "$tmp/$1.upright.jpg"
        jpegtran -perfect -copy none -optimize -rotate "$2" "$tmp/$1.upright.jpg" > "$1.jpg"
    fi
}

# tag FILE EXIFTOOL-ARGS...: write tags in place; cjpeg's JFIF APP0 segment is
# dropped (camera and photo-tool output starts with EXIF instead).
tag() {
    local f=$1
    shift
    exiftool -q -overwrite_original -JFIF:all= "$@" "$f"
}

# Backgrounds, one per event (a sky or back wall and a floor, so which way is
# up is plain to see in the rotated samples, and a sun top right).
bg_sports()     { printf 'band 0 0.55 135 195 235\nband 0.55 1 90 170 80\nell 0.84 0.04 0.11 0.15 255 220 60\n'; }
bg_nativity()   { printf 'band 0 0.7 70 30 60\nband 0.7 1 120 80 45\nell 0.47 0.03 0.06 0.08 255 235 120\n'; }
bg_harvest()    { printf 'band 0 0.6 240 200 120\nband 0.6 1 170 110 50\nrect 0.05 0.62 0.9 0.06 200 120 40\n'; }
bg_bookweek()   { printf 'band 0 0.65 150 120 190\nband 0.65 1 95 75 120\nrect 0.02 0.08 0.12 0.5 120 70 40\nrect 0.86 0.08 0.12 0.5 120 70 40\n'; }
bg_science()    { printf 'band 0 0.6 110 190 190\nband 0.6 1 70 110 120\nrect 0.05 0.62 0.9 0.08 230 230 230\n'; }
bg_zoo()        { printf 'band 0 0.5 150 210 240\nband 0.5 1 120 180 70\nell 0.84 0.04 0.11 0.15 255 220 60\n'; }
bg_playground() { printf 'band 0 0.5 170 200 230\nband 0.5 1 150 150 155\nrect 0.05 0.7 0.25 0.02 250 250 250\n'; }

# XMP packet wrapper as Adobe's XMP toolkit and Exiv2 write it: BOM in the
# header, whitespace padding so the packet can be edited in place.
bom=$'\xef\xbb\xbf'
packet_begin() { printf '<?xpacket begin="%s" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' "$bom"; }
packet_end() {
    local i
    for ((i = 0; i < $1; i++)); do printf '%99s\n' ''; done
    printf '<?xpacket end="w"?>'
}

# ---------------------------------------------------------------------------
# Rotated samples.  Each is drawn upright (as displayed), then stored rotated
# with jpegtran so that a viewer applying the EXIF Orientation shows it
# upright again:
#   Orientation 3 (Rotate 180):    stored = displayed turned 180
#   Orientation 6 (Rotate 90 CW):  stored = displayed turned 270 clockwise
#   Orientation 8 (Rotate 270 CW): stored = displayed turned 90 clockwise
# Regions are tagged in DISPLAYED coordinates, with AppliedToDimensions the
# displayed size, as digiKam and Lightroom do.  README.md lists the expected
# displayed top-left boxes.
# ---------------------------------------------------------------------------

# Every sample, each in its own file.  They are sourced, not run, so that
# they share the helpers above, $tmp and the shell options.
for sample in "$here"/../samples-src/*.sh; do
    . "$sample"
done

jpegs=(./*.jpg)
sidecars=(./*.xmp)
echo "make-samples.sh: wrote ${#jpegs[@]} JPEGs and ${#sidecars[@]} sidecars in $here"
