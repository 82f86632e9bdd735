# science-fair-orientation-3.jpg
# Imitates Lightroom Classic (Adobe XMP Core compact layout) on a photo that
# the camera stored upside down.  Stored 160x120, Orientation 3, displayed
# 160x120.
# Tagged: MWG Face "Amy Jones" centre 0.30 0.40 size 0.20 x 0.30 and
# "Harry Wilson" centre 0.70 0.50 size 0.20 x 0.30 (displayed), AppliedTo
# 160x120; lr:hierarchicalSubject People|Amy Jones, People|Harry Wilson;
# dc:subject leaves.  DateTimeOriginal 2026-05-14.
# Faces (displayed top-left): Amy 0.20 0.25 0.20 0.30, Harry 0.60 0.35 0.20 0.30
#
# Rotated: see "Rotated samples" in ../make-samples.sh.
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
