# sports-day-digikam.jpg
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
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
