# zoo-trip-orientation-6.jpg
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
#
# Rotated: see "Rotated samples" in ../make-samples.sh.
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
