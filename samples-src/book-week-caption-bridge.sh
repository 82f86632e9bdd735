# book-week-caption-bridge.jpg
# Imitates Adobe Bridge 2024 (Adobe XMP Core 9.1 compact layout) with the
# IPTC Core "Description" and IPTC Extension "Person Shown" / "Event"
# fields filled in; Bridge also syncs the description to EXIF.
# Tagged: dc:description (Lang Alt x-default) and EXIF ImageDescription
# "Isla Taylor receives the reading award from Noah Evans";
# Iptc4xmpExt:PersonInImage "Isla Taylor", "Noah Evans";
# Iptc4xmpExt:Event "Book Week 2026"; DateTimeOriginal 2026-03-06.
# No face regions (faces drawn at 0.25 0.30 and 0.60 0.25).
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
