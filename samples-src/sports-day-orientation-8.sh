# sports-day-orientation-8.jpg
# Imitates Lightroom Classic on a camera photo held the other way up: stored
# 160x120, Orientation 8 (Rotate 270 CW), displayed 120x160 portrait.
# Tagged: MWG Face "Sophie Wright" centre 0.30 0.30 size 0.30 x 0.20 and
# "Mohammed Khan" centre 0.65 0.65 size 0.30 x 0.20, AppliedToDimensions
# w=120 h=160; lr:hierarchicalSubject with ancestors (People, People|Sophie
# Wright, People|Mohammed Khan, Events, Events|Sports Day 2026); dc:subject
# leaves and ancestors.  DateTimeOriginal 2026-07-03.
# Faces (displayed top-left): Sophie 0.15 0.20 0.30 0.20, Mohammed 0.50 0.55 0.30 0.20
#
# Rotated: see "Rotated samples" in ../make-samples.sh.
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
