# sophie-wright-book-week.jpg
# A photo whose file name names a pupil (a warning for public purposes).
# Imitates Google Picasa 3.9 "store name tags in photo" (MWG regions, Adobe
# XMP Core 5.1.2 compact layout) plus its IPTC-IIM keyword.
# Tagged: MWG Face "Sophie Wright" (centre 0.45 0.375, 0.20 x 0.25,
# AppliedToDimensions 240x180); IPTC Keywords "Book Week 2026" (flat, no
# 1:90, ASCII).  DateTimeOriginal 2026-03-03.
# Face (top-left): Sophie 0.35 0.25 0.20 0.25
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
