# harvest-photo-mechanic.jpg
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
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
