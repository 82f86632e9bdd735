# nativity-name-variants.jpg
# Imitates Adobe Photoshop's File Info dialog (IPTC Extension "Person Shown"
# typed by hand; Adobe XMP Core compact layout).
# Tagged: Iptc4xmpExt:PersonInImage "Katie Smith" (preferred name of
# Katherine Smith), "Jones, Amy" (surname first), "Grace Hall" (a visitor,
# not a pupil), "Jack Green" (two pupils share the name).  No event tag, no
# keywords: the event comes only from DateTimeOriginal 2025-12-10 (inside
# Nativity Play 2025).
# No face regions (four faces drawn along the stage).
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
