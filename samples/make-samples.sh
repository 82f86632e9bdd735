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
# 1. sports-day-digikam.jpg
# Imitates digiKam 8 (which writes through Exiv2: Adobe XMP toolkit compact
# layout, simple properties as attributes, x:xmptk "XMP Core 4.4.0-Exiv2").
# Tagged: MWG face regions (mwg-rs:Regions, AppliedToDimensions 240x180 pixel,
# RegionList Bag of Type Face with Name and a centre-based normalized
# stArea x/y/w/h) for Amy Jones and Oliver Smith; the same faces as Microsoft
# Photo regions (MP:RegionInfo, digiKam writes both); digiKam:TagsList
# "People/Amy Jones", "People/Oliver Smith", "Events/Sports Day 2026"; the
# same tags as lr:hierarchicalSubject ("|"), MicrosoftPhoto:LastKeywordXMP
# ("/"), mediapro:CatalogSets ("|") and acdsee:categories (escaped XML in an
# attribute); dc:subject with the leaves.  EXIF DateTimeOriginal 2026-07-03.
# Faces (top-left x, y, w, h): Amy 0.20 0.25 0.15 0.20, Oliver 0.60 0.30 0.15 0.20
# ---------------------------------------------------------------------------
n=sports-day-digikam
{ bg_sports; cat <<'EOF'
face 0.20 0.25 0.15 0.20 200 40 40
face 0.60 0.30 0.15 0.20 40 60 200
EOF
} | draw $n 240 180
encode $n
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:digiKam="http://www.digikam.org/ns/1.0/"
    xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:mediapro="http://ns.iview-multimedia.com/mediapro/1.0/"
    xmlns:acdsee="http://ns.acdsee.com/iptc/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:MP="http://ns.microsoft.com/photo/1.2/"
    xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
    xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#"
   xmp:Rating="0"
   acdsee:categories="&lt;Categories&gt;&lt;Category Assigned=&quot;0&quot;&gt;Events&lt;Category Assigned=&quot;1&quot;&gt;Sports Day 2026&lt;/Category&gt;&lt;/Category&gt;&lt;Category Assigned=&quot;0&quot;&gt;People&lt;Category Assigned=&quot;1&quot;&gt;Amy Jones&lt;/Category&gt;&lt;Category Assigned=&quot;1&quot;&gt;Oliver Smith&lt;/Category&gt;&lt;/Category&gt;&lt;/Categories&gt;">
   <digiKam:TagsList>
    <rdf:Seq>
     <rdf:li>Events/Sports Day 2026</rdf:li>
     <rdf:li>People/Amy Jones</rdf:li>
     <rdf:li>People/Oliver Smith</rdf:li>
    </rdf:Seq>
   </digiKam:TagsList>
   <MicrosoftPhoto:LastKeywordXMP>
    <rdf:Bag>
     <rdf:li>Events/Sports Day 2026</rdf:li>
     <rdf:li>People/Amy Jones</rdf:li>
     <rdf:li>People/Oliver Smith</rdf:li>
    </rdf:Bag>
   </MicrosoftPhoto:LastKeywordXMP>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Events|Sports Day 2026</rdf:li>
     <rdf:li>People|Amy Jones</rdf:li>
     <rdf:li>People|Oliver Smith</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
   <mediapro:CatalogSets>
    <rdf:Bag>
     <rdf:li>Events|Sports Day 2026</rdf:li>
     <rdf:li>People|Amy Jones</rdf:li>
     <rdf:li>People|Oliver Smith</rdf:li>
    </rdf:Bag>
   </mediapro:CatalogSets>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Sports Day 2026</rdf:li>
     <rdf:li>Amy Jones</rdf:li>
     <rdf:li>Oliver Smith</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="240"
     stDim:h="180"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Amy Jones"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.275"
        stArea:y="0.35"
        stArea:w="0.15"
        stArea:h="0.2"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Oliver Smith"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.675"
        stArea:y="0.4"
        stArea:w="0.15"
        stArea:h="0.2"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
   <MP:RegionInfo rdf:parseType="Resource">
    <MPRI:Regions>
     <rdf:Bag>
      <rdf:li
       MPReg:PersonDisplayName="Amy Jones"
       MPReg:Rectangle="0.2, 0.25, 0.15, 0.2"/>
      <rdf:li
       MPReg:PersonDisplayName="Oliver Smith"
       MPReg:Rectangle="0.6, 0.3, 0.15, 0.2"/>
     </rdf:Bag>
    </MPRI:Regions>
   </MP:RegionInfo>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon EOS 250D' \
    -DateTimeOriginal='2026:07:03 10:15:22' -CreateDate='2026:07:03 10:15:22' \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 2. sports-day-lightroom.jpg
# Imitates Adobe Lightroom Classic 13 "Save Metadata to File" on a JPEG (Adobe
# XMP Core 7.0 compact layout) with "include parent keywords" on, plus the
# IPTC-IIM block Lightroom writes alongside.
# Tagged: MWG face regions (Bag, Type Face, Name, centre-based stArea with six
# decimals, AppliedToDimensions 240x180) for Chloe Davies and Leo Walker;
# lr:hierarchicalSubject with every ancestor path: "Events",
# "Events|Sports Day 2026", "People", "People|Year 4",
# "People|Year 4|Chloe Davies", "People|Year 4|Leo Walker"; dc:subject with
# leaves and ancestors (Chloe Davies, Events, Leo Walker, People, Sports Day
# 2026, Year 4); an xmpMM:History list (attribute-only rdf:li items).  IPTC
# IIM: 1:90 CodedCharacterSet UTF8, 2:25 Keywords = the dc:subject list,
# 2:55/2:60 date and time created, and the Photoshop IPTC digest (0x0425).
# EXIF DateTimeOriginal 2026-07-03.
# Faces (top-left): Chloe 0.15 0.20 0.15 0.20, Leo 0.55 0.25 0.15 0.20
# ---------------------------------------------------------------------------
n=sports-day-lightroom
{ bg_sports; cat <<'EOF'
face 0.15 0.20 0.15 0.20 230 200 40
face 0.55 0.25 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:ModifyDate="2026-07-04T19:12:03+01:00"
   xmp:CreateDate="2026-07-03T11:20:31"
   xmp:CreatorTool="Adobe Photoshop Lightroom Classic 13.0 (Windows)"
   xmp:MetadataDate="2026-07-04T19:12:03+01:00"
   photoshop:DateCreated="2026-07-03T11:20:31"
   xmpMM:DocumentID="xmp.did:5d0a8c0e-3b1f-4c6e-9a40-1c2d3e4f5a61"
   xmpMM:OriginalDocumentID="9C4E1A2B3D5F60718293A4B5C6D7E8F9"
   xmpMM:InstanceID="xmp.iid:5d0a8c0e-3b1f-4c6e-9a40-1c2d3e4f5a61"
   dc:format="image/jpeg">
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Chloe Davies</rdf:li>
     <rdf:li>Events</rdf:li>
     <rdf:li>Leo Walker</rdf:li>
     <rdf:li>People</rdf:li>
     <rdf:li>Sports Day 2026</rdf:li>
     <rdf:li>Year 4</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <xmpMM:History>
    <rdf:Seq>
     <rdf:li
      stEvt:action="saved"
      stEvt:instanceID="xmp.iid:5d0a8c0e-3b1f-4c6e-9a40-1c2d3e4f5a61"
      stEvt:when="2026-07-04T19:12:03+01:00"
      stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.0 (Windows)"
      stEvt:changed="/metadata"/>
    </rdf:Seq>
   </xmpMM:History>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="240"
     stDim:h="180"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Chloe Davies"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.200000"
        stArea:w="0.150000"
        stArea:x="0.225000"
        stArea:y="0.300000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Leo Walker"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.200000"
        stArea:w="0.150000"
        stArea:x="0.625000"
        stArea:y="0.350000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Events</rdf:li>
     <rdf:li>Events|Sports Day 2026</rdf:li>
     <rdf:li>People</rdf:li>
     <rdf:li>People|Year 4</rdf:li>
     <rdf:li>People|Year 4|Chloe Davies</rdf:li>
     <rdf:li>People|Year 4|Leo Walker</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=NIKON\ CORPORATION -Model='NIKON D7500' \
    -DateTimeOriginal='2026:07:03 11:20:31' -CreateDate='2026:07:03 11:20:31' \
    -Software='Adobe Photoshop Lightroom Classic 13.0 (Windows)' \
    -IPTC:CodedCharacterSet=UTF8 -IPTC:ApplicationRecordVersion=4 \
    -IPTC:Keywords='Chloe Davies' -IPTC:Keywords=Events -IPTC:Keywords='Leo Walker' \
    -IPTC:Keywords=People -IPTC:Keywords='Sports Day 2026' -IPTC:Keywords='Year 4' \
    -IPTC:DateCreated=2026:07:03 -IPTC:TimeCreated=11:20:31+01:00 \
    -IPTC:DigitalCreationDate=2026:07:03 -IPTC:DigitalCreationTime=11:20:31+01:00 \
    "-XMP<=$tmp/$n.xmp"
tag $n.jpg -Photoshop:IPTCDigest=new

# ---------------------------------------------------------------------------
# 3. nativity-wlpg.jpg
# Imitates Windows Live Photo Gallery 2011 / Microsoft Photo Gallery 16 (the
# Windows Imaging Component's XMP writer: rdf:about="uuid:faf5bdd5-...", one
# rdf:Description per namespace, namespaces declared inline on the elements
# that use them, struct items as nested rdf:Description, single-quoted
# xpacket header).
# Tagged: MP:RegionInfo / MPRI:Regions Bag of MPReg:Rectangle ("x, y, w, h",
# top-left based fractions, six decimals) with MPReg:PersonDisplayName for
# Łukasz Nowak and Ava Thomas; MicrosoftPhoto:LastKeywordXMP
# "People/Łukasz Nowak", "People/Ava Thomas", "Events/Nativity Play 2025";
# dc:subject "Nativity Play 2025" (flat); xmp:CreatorTool.  EXIF
# DateTimeOriginal 2025-12-10.
# Faces (top-left): Łukasz 0.25 0.30 0.15 0.20, Ava 0.60 0.35 0.15 0.20
# ---------------------------------------------------------------------------
n=nativity-wlpg
{ bg_nativity; cat <<'EOF'
face 0.25 0.30 0.15 0.20 110 80 50
face 0.60 0.35 0.15 0.20 60 90 180
EOF
} | draw $n 240 180
encode $n
{ printf "<?xpacket begin='%s' id='W5M0MpCehiHzreSzNTczkc9d'?>\n" "$bom"; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Windows Live Photo Gallery 15.4.3555.308</xmp:CreatorTool></rdf:Description><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"><MicrosoftPhoto:LastKeywordXMP><rdf:Bag xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:li>People/Łukasz Nowak</rdf:li><rdf:li>People/Ava Thomas</rdf:li><rdf:li>Events/Nativity Play 2025</rdf:li></rdf:Bag>
			</MicrosoftPhoto:LastKeywordXMP></rdf:Description><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:li>Nativity Play 2025</rdf:li></rdf:Bag>
			</dc:subject></rdf:Description><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:MP="http://ns.microsoft.com/photo/1.2/"><MP:RegionInfo><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><MPRI:Regions xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"><rdf:Bag xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:li><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><MPReg:Rectangle xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">0.250000, 0.300000, 0.150000, 0.200000</MPReg:Rectangle><MPReg:PersonDisplayName xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">Łukasz Nowak</MPReg:PersonDisplayName></rdf:Description>
							</rdf:li><rdf:li><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><MPReg:Rectangle xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">0.600000, 0.350000, 0.150000, 0.200000</MPReg:Rectangle><MPReg:PersonDisplayName xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">Ava Thomas</MPReg:PersonDisplayName></rdf:Description>
							</rdf:li></rdf:Bag>
					</MPRI:Regions></rdf:Description>
			</MP:RegionInfo></rdf:Description></rdf:RDF></x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=Panasonic -Model=DMC-TZ70 \
    -DateTimeOriginal='2025:12:10 18:32:05' -CreateDate='2025:12:10 18:32:05' \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 4. harvest-photo-mechanic.jpg
# Imitates Camera Bits Photo Mechanic (its XMP layout: single-quoted
# attributes, one rdf:Description per namespace, xmlns:iX on rdf:RDF,
# photomechanic: namespace) with the IPTC Extension "Person Shown" and "Event"
# fields filled in, plus the IPTC-IIM block Photo Mechanic writes.
# Tagged: Iptc4xmpExt:PersonInImage (Bag) "Aisha Patel", "Harry Wilson";
# Iptc4xmpExt:Event (Lang Alt, x-default) "Harvest Festival 2026";
# dc:subject "Hollybrook Primary School", "harvest", "assembly";
# dc:description "Year 2 bring their harvest baskets to the hall" (names no
# one); photoshop:DateCreated.  IPTC IIM (1:90 UTF8): Keywords and Caption the
# same as XMP, no people.  EXIF DateTimeOriginal 2026-10-02.
# No face regions (faces drawn at 0.20 0.30 and 0.60 0.30, 0.15 x 0.20).
# ---------------------------------------------------------------------------
n=harvest-photo-mechanic
{ bg_harvest; cat <<'EOF'
face 0.20 0.30 0.15 0.20 160 40 120
face 0.60 0.30 0.15 0.20 40 120 60
ell 0.38 0.55 0.18 0.12 150 90 30
EOF
} | draw $n 240 180
encode $n
{ printf "<?xpacket begin='%s' id='W5M0MpCehiHzreSzNTczkc9d'?>\n" "$bom"; cat <<'EOF'
<x:xmpmeta xmlns:x='adobe:ns:meta/' x:xmptk='XMP toolkit 2.9-9, framework 1.6'>
<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns:iX='http://ns.adobe.com/iX/1.0/'>

 <rdf:Description rdf:about=''
  xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'>
  <photoshop:City>Hollybrook</photoshop:City>
  <photoshop:Country>United Kingdom</photoshop:Country>
  <photoshop:DateCreated>2026-10-02T09:45:10</photoshop:DateCreated>
 </rdf:Description>

 <rdf:Description rdf:about=''
  xmlns:photomechanic='http://ns.camerabits.com/photomechanic/1.0/'>
  <photomechanic:ColorClass>0</photomechanic:ColorClass>
  <photomechanic:Tagged>False</photomechanic:Tagged>
  <photomechanic:Prefs>0:0:0:-00001</photomechanic:Prefs>
  <photomechanic:PMVersion>PM6</photomechanic:PMVersion>
 </rdf:Description>

 <rdf:Description rdf:about=''
  xmlns:Iptc4xmpExt='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'>
  <Iptc4xmpExt:PersonInImage>
   <rdf:Bag>
    <rdf:li>Aisha Patel</rdf:li>
    <rdf:li>Harry Wilson</rdf:li>
   </rdf:Bag>
  </Iptc4xmpExt:PersonInImage>
  <Iptc4xmpExt:Event>
   <rdf:Alt>
    <rdf:li xml:lang='x-default'>Harvest Festival 2026</rdf:li>
   </rdf:Alt>
  </Iptc4xmpExt:Event>
 </rdf:Description>

 <rdf:Description rdf:about=''
  xmlns:dc='http://purl.org/dc/elements/1.1/'>
  <dc:subject>
   <rdf:Bag>
    <rdf:li>Hollybrook Primary School</rdf:li>
    <rdf:li>harvest</rdf:li>
    <rdf:li>assembly</rdf:li>
   </rdf:Bag>
  </dc:subject>
  <dc:description>
   <rdf:Alt>
    <rdf:li xml:lang='x-default'>Year 2 bring their harvest baskets to the hall</rdf:li>
   </rdf:Alt>
  </dc:description>
 </rdf:Description>

</rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=MM -Make=Canon -Model='Canon EOS R6' \
    -DateTimeOriginal='2026:10:02 09:45:10' -CreateDate='2026:10:02 09:45:10' \
    -IPTC:CodedCharacterSet=UTF8 -IPTC:ApplicationRecordVersion=4 \
    -IPTC:Keywords='Hollybrook Primary School' -IPTC:Keywords=harvest -IPTC:Keywords=assembly \
    -IPTC:Caption-Abstract='Year 2 bring their harvest baskets to the hall' \
    -IPTC:City=Hollybrook -IPTC:Country-PrimaryLocationName='United Kingdom' \
    -IPTC:DateCreated=2026:10:02 -IPTC:TimeCreated=09:45:10+01:00 \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 5. zoo-trip-person-details.jpg
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
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 6. book-week-iptc-utf8.jpg
# Imitates an IPTC-IIM-only writer (FotoStation, or an older newsroom tool /
# Photoshop "File Info" with XMP off): APP13 "Photoshop 3.0" with one 0x0404
# IPTC resource, no EXIF, no XMP.
# Tagged (IIM): 1:90 CodedCharacterSet UTF8 (ESC % G); 2:25 Keywords
# "Zoë Brown" (flat: a keyword, not a person, for inspect),
# "People/Łukasz Nowak" (a person), "Events/Book Week 2026",
# "Hollybrook Primary School"; 2:120 Caption "Zoë Brown and Łukasz Nowak
# dressed as characters from their favourite books"; 2:55 Date Created
# 2026-03-04; 2:60 Time Created 10:20:00+00:00.  (exiftool also adds 1:00 and
# 2:00 record versions.)  No DateTimeOriginal: the date is 2:55.
# No face regions (faces drawn at 0.20 0.30 and 0.60 0.30).
# ---------------------------------------------------------------------------
n=book-week-iptc-utf8
{ bg_bookweek; cat <<'EOF'
face 0.20 0.30 0.15 0.20 40 150 60
face 0.60 0.30 0.15 0.20 200 60 140
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -IPTC:CodedCharacterSet=UTF8 -IPTC:ApplicationRecordVersion=4 \
    '-IPTC:Keywords=Zoë Brown' '-IPTC:Keywords=People/Łukasz Nowak' \
    '-IPTC:Keywords=Events/Book Week 2026' '-IPTC:Keywords=Hollybrook Primary School' \
    '-IPTC:Caption-Abstract=Zoë Brown and Łukasz Nowak dressed as characters from their favourite books' \
    -IPTC:DateCreated=2026:03:04 -IPTC:TimeCreated=10:20:00+00:00

# ---------------------------------------------------------------------------
# 7. book-week-iptc-latin1.jpg
# Imitates an old IPTC-IIM writer that stores ISO 8859-1 text and writes no
# 1:90 record (Photoshop 7 era, older Photo Mechanic with Unicode off).
# Tagged (IIM, Latin-1 bytes, no 1:90 at all): 2:25 Keywords
# "People/Zoë Brown" (ë stored as the single byte 0xEB), "Book Week 2026"
# (flat); 2:120 Caption "Zoë Brown reading in the library corner" (0xEB);
# 2:55 Date Created 2026-03-05.  No EXIF, no XMP.
# PRODUCT.md: IIM text with no 1:90 is UTF-8 if valid, else Latin-1, so this
# must read as "Zoë Brown".  (exiftool reads it right only because its own
# default IPTC charset is Latin.)
# No face region (face drawn at 0.40 0.30 0.15 0.20).
# ---------------------------------------------------------------------------
n=book-week-iptc-latin1
{ bg_bookweek; cat <<'EOF'
rect 0.30 0.55 0.35 0.12 230 230 210
face 0.40 0.30 0.15 0.20 40 150 60
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -charset iptc=Latin -IPTC:ApplicationRecordVersion=4 \
    '-IPTC:Keywords=People/Zoë Brown' '-IPTC:Keywords=Book Week 2026' \
    '-IPTC:Caption-Abstract=Zoë Brown reading in the library corner' \
    -IPTC:DateCreated=2026:03:05

# ---------------------------------------------------------------------------
# 8. science-fair-windows-explorer.jpg
# Imitates the EXIF part of what Windows Explorer's Properties > Details tab
# writes (the "Tags", "Subject", "Title" and "Comments" fields become the
# UCS-2 XP* tags in IFD0).  No XMP, no IPTC.
# Tagged: EXIF XPKeywords "People/Mohammed Khan;People/Noah Evans;Science Fair
# 2026" (";"-separated list), XPSubject "Science Fair 2026", XPTitle
# "Volcano experiment", XPComment "Year 5 science fair"; DateTimeOriginal
# 2026-05-14.
# No face regions (faces drawn at 0.20 0.30 and 0.60 0.30).
# ---------------------------------------------------------------------------
n=science-fair-windows-explorer
{ bg_science; cat <<'EOF'
face 0.20 0.30 0.15 0.20 220 120 30
face 0.60 0.30 0.15 0.20 90 60 160
ell 0.42 0.40 0.12 0.22 150 75 40
ell 0.455 0.36 0.05 0.06 230 60 30
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon PowerShot SX740 HS' \
    -DateTimeOriginal='2026:05:14 13:30:12' -CreateDate='2026:05:14 13:30:12' \
    '-XPKeywords=People/Mohammed Khan;People/Noah Evans;Science Fair 2026' \
    '-XPSubject=Science Fair 2026' '-XPTitle=Volcano experiment' \
    '-XPComment=Year 5 science fair'

# ---------------------------------------------------------------------------
# 9. whole-school-extended-xmp.jpg
# Imitates a whole-school photograph after face detection: 240 MWG Face
# regions (16 named, 224 unnamed), written by ExifTool.  The XMP is larger
# than one APP1 segment allows, so ExifTool moves its largest rdf:Description
# (the mwg-rs one holding every region) to ExtendedXMP: the standard XMP
# keeps xmpNote:HasExtendedXMP (the MD5 GUID), dc:description,
# Iptc4xmpExt:Event and the toolkit; the regions, and so every name, are only
# in the two "http://ns.adobe.com/xmp/extension/" APP1 segments that follow.
# Tagged: mwg-rs:RegionInfo (AppliedToDimensions 320x240 pixel) with 240
# regions in a 20 x 12 grid (row r, column c: top-left x = (16c+3)/320,
# y = (20r+2)/240, each face 0.03125 x 0.05), the 16 pupils named (see the
# index table below; "Katherine Smith" is split across the two chunks),
# the other 224 Face regions unnamed; Iptc4xmpExt:Event "Sports Day 2026";
# dc:description "Hollybrook Primary School whole-school photograph, Sports
# Day 2026".  EXIF DateTimeOriginal 2026-07-03.
# ---------------------------------------------------------------------------
n=whole-school-extended-xmp
# Region index (row * 20 + column) -> name.  The first five are placed so
# that, in the extended XMP ExifTool writes, "Katherine Smith" (index 186)
# straddles the boundary between the two ExtendedXMP chunks: the first chunk
# ends with "Ka", the second starts with "therine Smith".  The rest stand in
# the front row.
declare -A named=(
    [47]="Amy Jones" [93]="Leo Walker" [124]="Ava Thomas" [170]="Noah Evans"
    [186]="Katherine Smith"
    [223]="Chloe Davies" [225]="Oliver Smith" [226]="Łukasz Nowak"
    [228]="Zoë Brown" [229]="Mohammed Khan" [231]="Harry Wilson"
    [232]="Isla Taylor" [234]="Freya Roberts" [235]="Sophie Wright"
    [236]="Jack Green" [238]="Aisha Patel"
)
{
    printf 'band 0 0.3 135 195 235\nband 0.3 1 90 170 80\n'
    # top-left x = (16c+3)/320, y = (20r+2)/240, 10 x 12 pixels
    LC_ALL=C awk 'BEGIN {
        for (r = 0; r < 12; r++) for (c = 0; c < 20; c++)
            printf "face %.6f %.6f 0.031250 0.050000 %d %d %d\n",
                (16 * c + 3) / 320, (20 * r + 2) / 240,
                60 + (c * 37 + r * 11) % 180, 60 + (c * 13 + r * 29) % 150, 90 + (c * 7 + r * 31) % 150
    }'
} | draw $n 320 240
encode $n
{
    printf '%s' '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=320,H=240,Unit=pixel},RegionList=['
    for ((i = 0; i < 240; i++)); do
        r=$((i / 20)); c=$((i % 20))
        [ $i -gt 0 ] && printf ','
        read -r x y < <(LC_ALL=C awk -v c=$c -v r=$r 'BEGIN { printf "%.6f %.6f\n", (16 * c + 8) / 320, (20 * r + 8) / 240 }')
        name=
        if [ -n "${named[$i]:-}" ]; then
            name="Name=${named[$i]},"
        fi
        printf '{Area={X=%s,Y=%s,W=0.03125,H=0.05,Unit=normalized},%sType=Face}' "$x" "$y" "$name"
    done
    printf ']}\n'
    echo '-XMP-iptcExt:Event=Sports Day 2026'
    echo '-XMP-dc:Description=Hollybrook Primary School whole-school photograph, Sports Day 2026'
} > "$tmp/$n.args"
tag $n.jpg -ExifByteOrder=II -Make=FUJIFILM -Model=X-T30 \
    -DateTimeOriginal='2026:07:03 14:00:00' -CreateDate='2026:07:03 14:00:00' \
    -@ "$tmp/$n.args"
# Check the layout this sample exists for: two ExtendedXMP chunks, the first
# ending inside "Katherine Smith".  (A different exiftool version may lay the
# XMP out differently; then move the names in the table above.)
if ! perl -e '
    local $/; open(my $fh, "<:raw", $ARGV[0]) or die; my $d = <$fh>;
    my ($p, @chunks) = (2);
    while ($p + 4 <= length $d) {
        my ($m, $len) = unpack("x C n", substr($d, $p, 4));
        last if $m == 0xDA;
        my $seg = substr($d, $p + 4, $len - 2);
        push @chunks, [unpack("N", substr($seg, 71, 4)), substr($seg, 75)]
            if $m == 0xE1 && $seg =~ m{^http://ns\.adobe\.com/xmp/extension/\0};
        $p += 2 + $len;
    }
    @chunks = sort { $a->[0] <=> $b->[0] } @chunks;
    exit !(@chunks == 2 && $chunks[0][1] =~ /Name>Ka$/ && $chunks[1][1] =~ /^therine Smith</);
    ' $n.jpg; then
    echo "make-samples.sh: warning: $n.jpg: \"Katherine Smith\" no longer straddles the two ExtendedXMP chunks" >&2
fi

# ---------------------------------------------------------------------------
# 10. playground-untagged.jpg
# Imitates a compact camera's straight-out-of-camera JPEG: EXIF only
# (Make, Model, DateTimeOriginal 2026-01-20, which is in no event's dates).
# No people tags, no event, no keywords: photoconsent must treat it as
# untagged (review), not as "nobody in it".
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 11. zoo-trip-gps.jpg
# Imitates a phone photo (Google Pixel: EXIF GPS IFD, OffsetTimeOriginal)
# later face-tagged in ExifToolGUI, which writes both MWG and MP regions
# through ExifTool (ExifTool's XMP layout).
# Tagged: EXIF GPSLatitude 53.2269 N, GPSLongitude 2.8842 W, GPSAltitude
# 25 m, GPS date/time; DateTimeOriginal 2026-06-11 12:34:56 +01:00; MWG
# region Face "Oliver Smith" (AppliedToDimensions 240x180, centre 0.475
# 0.40, 0.15 x 0.20); MP region "Oliver Smith" Rectangle "0.4, 0.3, 0.15,
# 0.2".  No event tag (the date falls in Zoo Trip 2026).
# Face (top-left): Oliver 0.40 0.30 0.15 0.20
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 12. book-week-caption-bridge.jpg
# Imitates Adobe Bridge 2024 (Adobe XMP Core 9.1 compact layout) with the
# IPTC Core "Description" and IPTC Extension "Person Shown" / "Event"
# fields filled in; Bridge also syncs the description to EXIF.
# Tagged: dc:description (Lang Alt x-default) and EXIF ImageDescription
# "Isla Taylor receives the reading award from Noah Evans";
# Iptc4xmpExt:PersonInImage "Isla Taylor", "Noah Evans";
# Iptc4xmpExt:Event "Book Week 2026"; DateTimeOriginal 2026-03-06.
# No face regions (faces drawn at 0.25 0.30 and 0.60 0.25).
# ---------------------------------------------------------------------------
n=book-week-caption-bridge
{ bg_bookweek; cat <<'EOF'
face 0.25 0.30 0.15 0.20 200 60 60
face 0.60 0.25 0.15 0.20 60 60 60
rect 0.41 0.50 0.08 0.10 240 200 40
EOF
} | draw $n 240 180
encode $n
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c001 79.14ecb42f2, 2023/01/13-12:25:44        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
   xmp:CreatorTool="Adobe Bridge 2024"
   xmp:MetadataDate="2026-03-06T15:02:11Z"
   photoshop:DateCreated="2026-03-06T11:00:04">
   <dc:description>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Isla Taylor receives the reading award from Noah Evans</rdf:li>
    </rdf:Alt>
   </dc:description>
   <Iptc4xmpExt:PersonInImage>
    <rdf:Bag>
     <rdf:li>Isla Taylor</rdf:li>
     <rdf:li>Noah Evans</rdf:li>
    </rdf:Bag>
   </Iptc4xmpExt:PersonInImage>
   <Iptc4xmpExt:Event>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Book Week 2026</rdf:li>
    </rdf:Alt>
   </Iptc4xmpExt:Event>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=MM -Make=Canon -Model='Canon EOS 90D' \
    -DateTimeOriginal='2026:03:06 11:00:04' -CreateDate='2026:03:06 11:00:04' \
    '-EXIF:ImageDescription=Isla Taylor receives the reading award from Noah Evans' \
    "-XMP<=$tmp/$n.xmp"

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

# 13. science-fair-orientation-3.jpg
# Imitates Lightroom Classic (Adobe XMP Core compact layout) on a photo that
# the camera stored upside down.  Stored 160x120, Orientation 3, displayed
# 160x120.
# Tagged: MWG Face "Amy Jones" centre 0.30 0.40 size 0.20 x 0.30 and
# "Harry Wilson" centre 0.70 0.50 size 0.20 x 0.30 (displayed), AppliedTo
# 160x120; lr:hierarchicalSubject People|Amy Jones, People|Harry Wilson;
# dc:subject leaves.  DateTimeOriginal 2026-05-14.
# Faces (displayed top-left): Amy 0.20 0.25 0.20 0.30, Harry 0.60 0.35 0.20 0.30
n=science-fair-orientation-3
{ bg_science; cat <<'EOF'
face 0.20 0.25 0.20 0.30 220 120 30
face 0.60 0.35 0.20 0.30 90 60 160
EOF
} | draw $n 160 120
encode $n 180
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:CreatorTool="Adobe Photoshop Lightroom Classic 13.0 (Macintosh)"
   xmp:MetadataDate="2026-05-15T08:01:44+01:00">
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Amy Jones</rdf:li>
     <rdf:li>Harry Wilson</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="160"
     stDim:h="120"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Amy Jones"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.300000"
        stArea:w="0.200000"
        stArea:x="0.300000"
        stArea:y="0.400000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Harry Wilson"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.300000"
        stArea:w="0.200000"
        stArea:x="0.700000"
        stArea:y="0.500000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>People|Amy Jones</rdf:li>
     <rdf:li>People|Harry Wilson</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 10; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon EOS 2000D' -Orientation#=3 \
    -DateTimeOriginal='2026:05:14 10:12:00' -CreateDate='2026:05:14 10:12:00' \
    -ExifImageWidth=160 -ExifImageHeight=120 \
    "-XMP<=$tmp/$n.xmp"

# 14. zoo-trip-orientation-6.jpg
# Imitates digiKam (Exiv2 compact layout; MWG and MP regions) on a portrait
# phone photo: stored 160x120 landscape pixels, Orientation 6 (Rotate 90 CW),
# displayed 120x160 portrait.
# Tagged: MWG Face "Ava Thomas" centre 0.25 0.25 size 0.30 x 0.20 and
# "Leo Walker" centre 0.70 0.55 size 0.30 x 0.20, AppliedToDimensions
# w=120 h=160 (displayed); MP regions (displayed, top-left) "0.1, 0.15, 0.3,
# 0.2" Ava Thomas and "0.55, 0.45, 0.3, 0.2" Leo Walker; digiKam:TagsList
# People/Ava Thomas, People/Leo Walker, Events/Zoo Trip 2026 (+ the usual
# digiKam copies).  DateTimeOriginal 2026-06-11.
# Faces (displayed top-left): Ava 0.10 0.15 0.30 0.20, Leo 0.55 0.45 0.30 0.20
n=zoo-trip-orientation-6
{ bg_zoo; cat <<'EOF'
rect 0.08 0.62 0.22 0.30 120 120 120
face 0.10 0.15 0.30 0.20 200 80 40
face 0.55 0.45 0.30 0.20 40 80 200
EOF
} | draw $n 120 160
encode $n 270
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:digiKam="http://www.digikam.org/ns/1.0/"
    xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:MP="http://ns.microsoft.com/photo/1.2/"
    xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"
    xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">
   <digiKam:TagsList>
    <rdf:Seq>
     <rdf:li>Events/Zoo Trip 2026</rdf:li>
     <rdf:li>People/Ava Thomas</rdf:li>
     <rdf:li>People/Leo Walker</rdf:li>
    </rdf:Seq>
   </digiKam:TagsList>
   <MicrosoftPhoto:LastKeywordXMP>
    <rdf:Bag>
     <rdf:li>Events/Zoo Trip 2026</rdf:li>
     <rdf:li>People/Ava Thomas</rdf:li>
     <rdf:li>People/Leo Walker</rdf:li>
    </rdf:Bag>
   </MicrosoftPhoto:LastKeywordXMP>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Events|Zoo Trip 2026</rdf:li>
     <rdf:li>People|Ava Thomas</rdf:li>
     <rdf:li>People|Leo Walker</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Zoo Trip 2026</rdf:li>
     <rdf:li>Ava Thomas</rdf:li>
     <rdf:li>Leo Walker</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="120"
     stDim:h="160"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Ava Thomas"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.25"
        stArea:y="0.25"
        stArea:w="0.3"
        stArea:h="0.2"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Leo Walker"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.7"
        stArea:y="0.55"
        stArea:w="0.3"
        stArea:h="0.2"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
   <MP:RegionInfo rdf:parseType="Resource">
    <MPRI:Regions>
     <rdf:Bag>
      <rdf:li
       MPReg:PersonDisplayName="Ava Thomas"
       MPReg:Rectangle="0.1, 0.15, 0.3, 0.2"/>
      <rdf:li
       MPReg:PersonDisplayName="Leo Walker"
       MPReg:Rectangle="0.55, 0.45, 0.3, 0.2"/>
     </rdf:Bag>
    </MPRI:Regions>
   </MP:RegionInfo>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 10; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=Google -Model='Pixel 7a' -Orientation#=6 \
    -DateTimeOriginal='2026:06:11 14:02:10' -CreateDate='2026:06:11 14:02:10' \
    -OffsetTimeOriginal=+01:00 -ExifImageWidth=160 -ExifImageHeight=120 \
    "-XMP<=$tmp/$n.xmp"

# 15. sports-day-orientation-8.jpg
# Imitates Lightroom Classic on a camera photo held the other way up: stored
# 160x120, Orientation 8 (Rotate 270 CW), displayed 120x160 portrait.
# Tagged: MWG Face "Sophie Wright" centre 0.30 0.30 size 0.30 x 0.20 and
# "Mohammed Khan" centre 0.65 0.65 size 0.30 x 0.20, AppliedToDimensions
# w=120 h=160; lr:hierarchicalSubject with ancestors (People, People|Sophie
# Wright, People|Mohammed Khan, Events, Events|Sports Day 2026); dc:subject
# leaves and ancestors.  DateTimeOriginal 2026-07-03.
# Faces (displayed top-left): Sophie 0.15 0.20 0.30 0.20, Mohammed 0.50 0.55 0.30 0.20
n=sports-day-orientation-8
{ bg_sports; cat <<'EOF'
face 0.15 0.20 0.30 0.20 230 200 40
face 0.50 0.55 0.30 0.20 200 40 40
EOF
} | draw $n 120 160
encode $n 90
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:CreatorTool="Adobe Photoshop Lightroom Classic 13.0 (Windows)"
   xmp:MetadataDate="2026-07-05T21:40:09+01:00">
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Events</rdf:li>
     <rdf:li>Mohammed Khan</rdf:li>
     <rdf:li>People</rdf:li>
     <rdf:li>Sophie Wright</rdf:li>
     <rdf:li>Sports Day 2026</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="120"
     stDim:h="160"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Sophie Wright"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.200000"
        stArea:w="0.300000"
        stArea:x="0.300000"
        stArea:y="0.300000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Mohammed Khan"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.200000"
        stArea:w="0.300000"
        stArea:x="0.650000"
        stArea:y="0.650000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Events</rdf:li>
     <rdf:li>Events|Sports Day 2026</rdf:li>
     <rdf:li>People</rdf:li>
     <rdf:li>People|Mohammed Khan</rdf:li>
     <rdf:li>People|Sophie Wright</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 10; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=NIKON\ CORPORATION -Model='NIKON D7500' -Orientation#=8 \
    -DateTimeOriginal='2026:07:03 13:15:40' -CreateDate='2026:07:03 13:15:40' \
    -ExifImageWidth=160 -ExifImageHeight=120 \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 16a. harvest-digikam-sidecar.jpg + harvest-digikam-sidecar.jpg.xmp
# Imitates digiKam set to "write metadata to sidecar files only": the JPEG
# holds only the camera's EXIF (DateTimeOriginal 2026-10-02); the sidecar
# NAME.jpg.xmp (Exiv2 compact layout, packet wrapper, no padding) holds
# the people.
# Sidecar: MWG Face regions "Chloe Davies" centre 0.275 0.40 and "Mohammed
# Khan" centre 0.675 0.40, 0.15 x 0.20, AppliedToDimensions 240x180;
# digiKam:TagsList People/Chloe Davies, People/Mohammed Khan, Events/Harvest
# Festival 2026; lr:hierarchicalSubject, MicrosoftPhoto:LastKeywordXMP and
# dc:subject as digiKam writes them; exif:DateTimeOriginal.
# Faces (top-left): Chloe 0.20 0.30 0.15 0.20, Mohammed 0.60 0.30 0.15 0.20
# ---------------------------------------------------------------------------
n=harvest-digikam-sidecar
{ bg_harvest; cat <<'EOF'
face 0.20 0.30 0.15 0.20 230 200 40
face 0.60 0.30 0.15 0.20 40 120 60
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon EOS 250D' \
    -DateTimeOriginal='2026:10:02 10:05:00' -CreateDate='2026:10:02 10:05:00'
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
    xmlns:digiKam="http://www.digikam.org/ns/1.0/"
    xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
   exif:DateTimeOriginal="2026-10-02T10:05:00"
   tiff:Make="Canon"
   tiff:Model="Canon EOS 250D">
   <digiKam:TagsList>
    <rdf:Seq>
     <rdf:li>Events/Harvest Festival 2026</rdf:li>
     <rdf:li>People/Chloe Davies</rdf:li>
     <rdf:li>People/Mohammed Khan</rdf:li>
    </rdf:Seq>
   </digiKam:TagsList>
   <MicrosoftPhoto:LastKeywordXMP>
    <rdf:Bag>
     <rdf:li>Events/Harvest Festival 2026</rdf:li>
     <rdf:li>People/Chloe Davies</rdf:li>
     <rdf:li>People/Mohammed Khan</rdf:li>
    </rdf:Bag>
   </MicrosoftPhoto:LastKeywordXMP>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Events|Harvest Festival 2026</rdf:li>
     <rdf:li>People|Chloe Davies</rdf:li>
     <rdf:li>People|Mohammed Khan</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Harvest Festival 2026</rdf:li>
     <rdf:li>Chloe Davies</rdf:li>
     <rdf:li>Mohammed Khan</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="240"
     stDim:h="180"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Chloe Davies"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.275"
        stArea:y="0.4"
        stArea:w="0.15"
        stArea:h="0.2"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Mohammed Khan"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.675"
        stArea:y="0.4"
        stArea:w="0.15"
        stArea:h="0.2"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 0; } > "$n.jpg.xmp"

# ---------------------------------------------------------------------------
# 16b. zoo-trip-darktable.jpg + zoo-trip-darktable.xmp
# Sidecar contents imitate darktable 4 (Exiv2 compact layout, no packet
# wrapper but an <?xml?> declaration, darktable: namespace, its automatic
# "darktable|..." tags).  The sidecar's NAME.xmp form (extension replaced) is
# the Adobe/Lightroom convention; darktable itself names it NAME.jpg.xmp.
# This tests the "else IMG.xmp" fallback.
# JPEG: camera EXIF only (DateTimeOriginal 2026-06-11).
# Sidecar: dc:subject "Zoë Brown", "Freya Roberts", "Zoo Trip 2026" (leaves);
# lr:hierarchicalSubject "People|Zoë Brown", "People|Freya Roberts",
# "Events|Zoo Trip 2026", "darktable|format|jpg", "darktable|changed";
# exif:DateTimeOriginal written EXIF-style ("2026:06:11 15:20:33").
# No regions (faces drawn at 0.25 0.30 and 0.60 0.30).
# ---------------------------------------------------------------------------
n=zoo-trip-darktable
{ bg_zoo; cat <<'EOF'
rect 0.80 0.30 0.15 0.25 140 140 140
face 0.25 0.30 0.15 0.20 120 40 160
face 0.60 0.30 0.15 0.20 230 120 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=MM -Make=FUJIFILM -Model=X100V \
    -DateTimeOriginal='2026:06:11 15:20:33' -CreateDate='2026:06:11 15:20:33'
cat > "$n.xmp" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
    xmlns:darktable="http://darktable.sf.net/"
   exif:DateTimeOriginal="2026:06:11 15:20:33"
   xmp:Rating="1"
   xmpMM:DerivedFrom="zoo-trip-darktable.jpg"
   darktable:import_timestamp="63918832833000000"
   darktable:change_timestamp="63918919233000000"
   darktable:export_timestamp="-1"
   darktable:print_timestamp="-1"
   darktable:xmp_version="5"
   darktable:raw_params="0"
   darktable:auto_presets_applied="1"
   darktable:history_end="0"
   darktable:iop_order_version="4">
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Freya Roberts</rdf:li>
     <rdf:li>Zoo Trip 2026</rdf:li>
     <rdf:li>Zoë Brown</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <lr:hierarchicalSubject>
    <rdf:Bag>
     <rdf:li>Events|Zoo Trip 2026</rdf:li>
     <rdf:li>People|Freya Roberts</rdf:li>
     <rdf:li>People|Zoë Brown</rdf:li>
     <rdf:li>darktable|changed</rdf:li>
     <rdf:li>darktable|format|jpg</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
   <darktable:masks_history>
    <rdf:Seq/>
   </darktable:masks_history>
   <darktable:history>
    <rdf:Seq/>
   </darktable:history>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF

# ---------------------------------------------------------------------------
# 17. science-fair-apple-photos.jpg
# Imitates an export from Apple Photos (macOS/iOS ImageIO: "XMP Core 6.0.0",
# RegionList as rdf:Seq, fields as elements in a fixed odd order,
# apple-fi:* face extensions, no names: Apple Photos never exports the names
# of recognised people) with keywords exported flat.
# Tagged: two MWG regions of Type Face with NO Name (centres 0.225 0.35 and
# 0.725 0.35, 0.15 x 0.20; AppliedToDimensions 240x180); dc:subject "Harry
# Wilson", "Science Fair 2026" (flat keywords: for inspect these are keywords,
# not people; check matches "Harry Wilson" to the pupil).  EXIF Apple iPhone 13,
# DateTimeOriginal 2026-05-14.
# Faces (top-left): 0.15 0.25 0.15 0.20 and 0.65 0.25 0.15 0.20
# ---------------------------------------------------------------------------
n=science-fair-apple-photos
{ bg_science; cat <<'EOF'
face 0.15 0.25 0.15 0.20 90 60 160
face 0.65 0.25 0.15 0.20 220 120 30
EOF
} | draw $n 240 180
encode $n
cat > "$tmp/$n.xmp" <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 6.0.0">
   <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about=""
            xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
            xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
            xmlns:apple-fi="http://ns.apple.com/faceinfo/1.0/"
            xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
            xmlns:dc="http://purl.org/dc/elements/1.1/">
         <mwg-rs:Regions rdf:parseType="Resource">
            <mwg-rs:RegionList>
               <rdf:Seq>
                  <rdf:li rdf:parseType="Resource">
                     <mwg-rs:Area rdf:parseType="Resource">
                        <stArea:y>0.350000</stArea:y>
                        <stArea:w>0.150000</stArea:w>
                        <stArea:x>0.225000</stArea:x>
                        <stArea:h>0.200000</stArea:h>
                        <stArea:unit>normalized</stArea:unit>
                     </mwg-rs:Area>
                     <mwg-rs:Type>Face</mwg-rs:Type>
                     <mwg-rs:Extensions rdf:parseType="Resource">
                        <apple-fi:AngleInfoYaw>0</apple-fi:AngleInfoYaw>
                        <apple-fi:AngleInfoRoll>0</apple-fi:AngleInfoRoll>
                        <apple-fi:ConfidenceLevel>412</apple-fi:ConfidenceLevel>
                        <apple-fi:Timestamp>801234567890</apple-fi:Timestamp>
                        <apple-fi:FaceID>3</apple-fi:FaceID>
                     </mwg-rs:Extensions>
                  </rdf:li>
                  <rdf:li rdf:parseType="Resource">
                     <mwg-rs:Area rdf:parseType="Resource">
                        <stArea:y>0.350000</stArea:y>
                        <stArea:w>0.150000</stArea:w>
                        <stArea:x>0.725000</stArea:x>
                        <stArea:h>0.200000</stArea:h>
                        <stArea:unit>normalized</stArea:unit>
                     </mwg-rs:Area>
                     <mwg-rs:Type>Face</mwg-rs:Type>
                     <mwg-rs:Extensions rdf:parseType="Resource">
                        <apple-fi:AngleInfoYaw>315</apple-fi:AngleInfoYaw>
                        <apple-fi:AngleInfoRoll>0</apple-fi:AngleInfoRoll>
                        <apple-fi:ConfidenceLevel>376</apple-fi:ConfidenceLevel>
                        <apple-fi:Timestamp>801234567890</apple-fi:Timestamp>
                        <apple-fi:FaceID>5</apple-fi:FaceID>
                     </mwg-rs:Extensions>
                  </rdf:li>
               </rdf:Seq>
            </mwg-rs:RegionList>
            <mwg-rs:AppliedToDimensions rdf:parseType="Resource">
               <stDim:h>180</stDim:h>
               <stDim:w>240</stDim:w>
               <stDim:unit>pixel</stDim:unit>
            </mwg-rs:AppliedToDimensions>
         </mwg-rs:Regions>
         <dc:subject>
            <rdf:Bag>
               <rdf:li>Harry Wilson</rdf:li>
               <rdf:li>Science Fair 2026</rdf:li>
            </rdf:Bag>
         </dc:subject>
      </rdf:Description>
   </rdf:RDF>
</x:xmpmeta>
EOF
tag $n.jpg -ExifByteOrder=MM -Make=Apple -Model='iPhone 13' -Software=17.4.1 \
    -DateTimeOriginal='2026:05:14 14:21:07' -CreateDate='2026:05:14 14:21:07' \
    -OffsetTimeOriginal=+01:00 "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 18. harvest-pet-focus-regions.jpg
# Imitates the MWG 2.0 region types other than Face, in the layout Mylio
# writes (Adobe "XMP Core 5.4.0" compact, on one line, RegionList rdf:Seq,
# MY: namespace).
# Tagged: mwg-rs:RegionList with a Face "Freya Roberts" (centre 0.275 0.30,
# 0.15 x 0.20), a Pet "Hazel" (the class hamster; centre 0.65 0.675, 0.20 x
# 0.15) and an unnamed Focus region (centre 0.65 0.30, 0.30 x 0.30);
# AppliedToDimensions 240x180; dc:subject "Harvest Festival 2026".
# Only Freya Roberts is a person; the Focus region is not an unnamed face.
# DateTimeOriginal 2026-10-02.
# ---------------------------------------------------------------------------
n=harvest-pet-focus-regions
{ bg_harvest; cat <<'EOF'
face 0.20 0.20 0.15 0.20 160 40 120
ell 0.52 0.18 0.26 0.24 240 130 30
frame 0.50 0.15 0.30 0.30 255 255 0
ell 0.55 0.60 0.20 0.15 150 100 60
ell 0.60 0.62 0.03 0.04 20 20 20
EOF
} | draw $n 240 180
encode $n
{ packet_begin; printf '%s' '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 5.4.0"> <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"> <rdf:Description rdf:about="" xmlns:MY="http://ns.mylollc.com/MyloEdit/" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" xmlns:dc="http://purl.org/dc/elements/1.1/" MY:DateConfidence="Full"> <mwg-rs:Regions rdf:parseType="Resource"> <mwg-rs:AppliedToDimensions stDim:w="240" stDim:h="180" stDim:unit="pixel"/> <mwg-rs:RegionList> <rdf:Seq> <rdf:li> <rdf:Description mwg-rs:Type="Face" mwg-rs:Name="Freya Roberts"> <mwg-rs:Area stArea:x="0.275" stArea:y="0.3" stArea:w="0.15" stArea:h="0.2" stArea:unit="normalized"/> </rdf:Description> </rdf:li> <rdf:li> <rdf:Description mwg-rs:Type="Pet" mwg-rs:Name="Hazel"> <mwg-rs:Area stArea:x="0.65" stArea:y="0.675" stArea:w="0.2" stArea:h="0.15" stArea:unit="normalized"/> </rdf:Description> </rdf:li> <rdf:li> <rdf:Description mwg-rs:Type="Focus"> <mwg-rs:Area stArea:x="0.65" stArea:y="0.3" stArea:w="0.3" stArea:h="0.3" stArea:unit="normalized"/> </rdf:Description> </rdf:li> </rdf:Seq> </mwg-rs:RegionList> </mwg-rs:Regions> <dc:subject> <rdf:Seq> <rdf:li>Harvest Festival 2026</rdf:li> </rdf:Seq> </dc:subject> </rdf:Description> </rdf:RDF> </x:xmpmeta>'
  printf '\n'; packet_end 10; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=SONY -Model=ILCE-6400 \
    -DateTimeOriginal='2026:10:02 11:30:15' -CreateDate='2026:10:02 11:30:15' \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 19. nativity-name-variants.jpg
# Imitates Adobe Photoshop's File Info dialog (IPTC Extension "Person Shown"
# typed by hand; Adobe XMP Core compact layout).
# Tagged: Iptc4xmpExt:PersonInImage "Katie Smith" (preferred name of
# Katherine Smith), "Jones, Amy" (surname first), "Grace Hall" (a visitor,
# not a pupil), "Jack Green" (two pupils share the name).  No event tag, no
# keywords: the event comes only from DateTimeOriginal 2025-12-10 (inside
# Nativity Play 2025).
# No face regions (four faces drawn along the stage).
# ---------------------------------------------------------------------------
n=nativity-name-variants
{ bg_nativity; cat <<'EOF'
face 0.08 0.32 0.13 0.18 110 80 50
face 0.31 0.30 0.13 0.18 240 240 240
face 0.54 0.34 0.13 0.18 60 90 180
face 0.77 0.31 0.13 0.18 200 160 40
EOF
} | draw $n 240 180
encode $n
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c001 79.675d0f7, 2023/06/11-19:21:16        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
   xmp:CreatorTool="Adobe Photoshop 25.0 (Windows)"
   xmp:MetadataDate="2025-12-12T09:14:52Z">
   <Iptc4xmpExt:PersonInImage>
    <rdf:Bag>
     <rdf:li>Katie Smith</rdf:li>
     <rdf:li>Jones, Amy</rdf:li>
     <rdf:li>Grace Hall</rdf:li>
     <rdf:li>Jack Green</rdf:li>
    </rdf:Bag>
   </Iptc4xmpExt:PersonInImage>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=MM -Make=Canon -Model='Canon EOS R6' \
    -DateTimeOriginal='2025:12:10 18:45:00' -CreateDate='2025:12:10 18:45:00' \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 20. sophie-wright-book-week.jpg
# A photo whose file name names a pupil (a warning for public purposes).
# Imitates Google Picasa 3.9 "store name tags in photo" (MWG regions, Adobe
# XMP Core 5.1.2 compact layout) plus its IPTC-IIM keyword.
# Tagged: MWG Face "Sophie Wright" (centre 0.45 0.375, 0.20 x 0.25,
# AppliedToDimensions 240x180); IPTC Keywords "Book Week 2026" (flat, no
# 1:90, ASCII).  DateTimeOriginal 2026-03-03.
# Face (top-left): Sophie 0.35 0.25 0.20 0.25
# ---------------------------------------------------------------------------
n=sophie-wright-book-week
{ bg_bookweek; cat <<'EOF'
face 0.35 0.25 0.20 0.25 220 60 60
rect 0.30 0.62 0.30 0.10 250 250 240
EOF
} | draw $n 240 180
encode $n
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 5.1.2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">
   <mwg-rs:Regions rdf:parseType="Resource">
    <mwg-rs:AppliedToDimensions
     stDim:w="240"
     stDim:h="180"
     stDim:unit="pixel"/>
    <mwg-rs:RegionList>
     <rdf:Bag>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Sophie Wright"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:x="0.45"
        stArea:y="0.375"
        stArea:w="0.2"
        stArea:h="0.25"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
     </rdf:Bag>
    </mwg-rs:RegionList>
   </mwg-rs:Regions>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=Canon -Model='Canon PowerShot G7 X Mark II' \
    -DateTimeOriginal='2026:03:03 09:50:21' -CreateDate='2026:03:03 09:50:21' \
    -IPTC:ApplicationRecordVersion=4 '-IPTC:Keywords=Book Week 2026' \
    "-XMP<=$tmp/$n.xmp"

# ---------------------------------------------------------------------------
# 21. playground-year-keyword.jpg
# Imitates Apple Photos on a Mac exporting with "Title, Caption and
# Keywords": the album year as a keyword, no people (nobody was named in
# Photos). Tagged: dc:subject and IPTC Keywords "2004" (a year, and also
# the demo pupil id of Lucy Evans) and "Playground". DateTimeOriginal
# 2026-09-15 (no event). A number in a keyword names nobody: untagged.
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 22. zoo-trip-digikam-class-root.jpg
# Imitates digiKam with the school's own tag tree: the class as the root,
# written only as hierarchies (digiKam:TagsList, lr:hierarchicalSubject,
# MicrosoftPhoto:LastKeywordXMP), no flat dc:subject.
# Tagged: "Year 4/Callum Fraser" (no_photo) and "People/Amy Jones", with an
# MWG face region for Amy only; Event keyword "Events/Zoo Trip 2026";
# DateTimeOriginal 2026-06-11. Callum is a person though his root is not
# one of the default person roots: do-not-share for every purpose.
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 23. book-week-lightroom-class-root.jpg
# Imitates Lightroom Classic with a keyword set per class, the person
# keyword's "Include on Export" off for its parents and for itself as a
# flat keyword (only the hierarchy is written).
# Tagged: lr:hierarchicalSubject "Class 5T|Isla Taylor" (no_photo) and
# nothing else about people; dc:subject "Book Week 2026". DateTimeOriginal
# 2026-03-04. No people tag under a default root: Isla is found only as the
# leaf of her class's keyword.
# ---------------------------------------------------------------------------
n=book-week-lightroom-class-root
{ bg_bookweek; cat <<'EOF'
face 0.42 0.30 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=MM -Make=NIKON\ CORPORATION -Model='NIKON Z 50' \
    -DateTimeOriginal='2026:03:04 13:40:02' -CreateDate='2026:03:04 13:40:02' \
    '-XMP-lr:HierarchicalSubject=Class 5T|Isla Taylor' '-XMP-dc:Subject=Book Week 2026' \
    '-XMP-xmp:CreatorTool=Adobe Photoshop Lightroom Classic 13.2 (Windows)'

# ---------------------------------------------------------------------------
# 24. world-book-day-overlap.jpg
# Imitates Windows Photo Gallery's people tags, on a day two school events
# share: World Book Day (2026-03-05, which forbids the school's social
# media) falls inside Book Week (2026-03-02..06). No event tag.
# Tagged: MP:RegionInfo with Amy Jones (a Microsoft Photo rectangle, top-left
# based) and MicrosoftPhoto:LastKeywordXMP "People/Amy Jones";
# DateTimeOriginal 2026-03-05. Both events are its events; World Book
# Day's denial applies.
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 25. YusufRahman.jpg
# Imitates a photo shared from a phone and saved by a member of staff under
# the child's name run together, as a messaging app names a download.
# Tagged: Iptc4xmpExt:PersonInImage "Yusuf Rahman" (no_name);
# DateTimeOriginal 2026-09-22 (no event). The file name names him.
# ---------------------------------------------------------------------------
n=YusufRahman
{ bg_playground; cat <<'EOF'
face 0.42 0.30 0.15 0.20 120 60 160
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=Google -Model='Pixel 7a' \
    -DateTimeOriginal='2026:09:22 12:01:09' -CreateDate='2026:09:22 12:01:09' \
    '-XMP-iptcExt:PersonInImage=Yusuf Rahman'

# ---------------------------------------------------------------------------
# 26. BYRNE-Kian-sports-day.jpg
# Imitates the office's own renaming: SURNAME-Forename, as the MIS prints
# names. Tagged: Iptc4xmpExt:PersonInImage "Kian Byrne" (no_name) and
# Iptc4xmpExt:Event "Sports Day 2026"; DateTimeOriginal 2026-07-03.
# ---------------------------------------------------------------------------
n=BYRNE-Kian-sports-day
{ bg_sports; cat <<'EOF'
face 0.42 0.30 0.15 0.20 220 120 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=SONY -Model=DSC-RX100M5A \
    -DateTimeOriginal='2026:07:03 14:22:51' -CreateDate='2026:07:03 14:22:51' \
    '-XMP-iptcExt:PersonInImage=Kian Byrne' '-XMP-iptcExt:Event=Sports Day 2026'

# ---------------------------------------------------------------------------
# 27. sports-day-leaver.jpg
# Imitates digiKam (MWG face region and People/ tag) on a photo of a pupil
# who has since left: Harrison Cox, left 2026-02-13, all consents granted.
# Tagged: MWG region "Harrison Cox", digiKam:TagsList "People/Harrison Cox";
# dc:subject "Sports Day 2026"; DateTimeOriginal 2026-07-03.
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 28. zoo-trip-two-sidecars.jpg, with zoo-trip-two-sidecars.jpg.xmp and
# zoo-trip-two-sidecars.xmp
# Imitates a folder touched by two tools: digiKam wrote NAME.jpg.xmp (Amy
# Jones) and darktable's import of the same folder wrote NAME.xmp (Isla
# Taylor, no_photo). The JPEG itself holds no people. DateTimeOriginal
# 2026-06-11 (Zoo Trip 2026). Both sidecars are read: do-not-share.
# ---------------------------------------------------------------------------
n=zoo-trip-two-sidecars
{ bg_zoo; cat <<'EOF'
face 0.20 0.25 0.15 0.20 200 60 60
face 0.60 0.28 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
tag $n.jpg -ExifByteOrder=II -Make=FUJIFILM -Model=X-T30 \
    -DateTimeOriginal='2026:06:11 13:14:15' -CreateDate='2026:06:11 13:14:15'
rm -f $n.jpg.xmp $n.xmp
exiftool -q -o $n.jpg.xmp '-XMP-digiKam:TagsList=People/Amy Jones' \
    '-XMP-dc:Subject=Amy Jones' '-XMP-xmp:CreatorTool=digiKam-8.2.0'
exiftool -q -o $n.xmp '-XMP-dc:Subject=Isla Taylor' \
    '-XMP-lr:HierarchicalSubject=People|Isla Taylor' '-XMP-xmp:CreatorTool=darktable 4.6.1'

# ---------------------------------------------------------------------------
# 29. harvest-title-two-names.jpg
# Imitates Windows File Explorer's Details tab: a Title typed by the class
# teacher (XPTitle, and XMP dc:title as Explorer writes both) that names two
# children, and a People tag for one of them only. Tagged: MP:RegionInfo
# "Amy Jones"; XPTitle and dc:title "Amy Jones and Isla Taylor with the
# harvest basket"; XPKeywords "Harvest Festival 2026"; DateTimeOriginal
# 2026-10-02. Isla (no_photo) is named but not tagged: do-not-share for
# every purpose.
# ---------------------------------------------------------------------------
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

# ---------------------------------------------------------------------------
# 30. nativity-school-tree.jpg
# Imitates digiKam with the school's tag tree by year, the event filed as
# "School/2025/Nativity Play 2025" rather than under Events/, and no date
# taken (a scan of a printed photo: no EXIF date). Tagged: digiKam:TagsList
# that and "People/Amy Jones"; lr:hierarchicalSubject the same with "|".
# The event is found from the leaf of its keyword: parent-social is denied.
# ---------------------------------------------------------------------------
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

jpegs=(./*.jpg)
sidecars=(./*.xmp)
echo "make-samples.sh: wrote ${#jpegs[@]} JPEGs and ${#sidecars[@]} sidecars in $here"
