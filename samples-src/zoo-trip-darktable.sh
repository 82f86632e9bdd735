# zoo-trip-darktable.jpg + zoo-trip-darktable.xmp
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
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
