# harvest-digikam-sidecar.jpg + harvest-digikam-sidecar.jpg.xmp
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
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
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
