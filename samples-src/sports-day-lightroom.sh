# sports-day-lightroom.jpg
# Imitates Adobe Lightroom Classic 13 "Save Metadata to File" on a JPEG (Adobe
# XMP Core 7.0 compact layout) with "include parent keywords" on, plus the
# IPTC-IIM block Lightroom writes alongside.
# Tagged: MWG face regions (Bag, Type Face, Name, centre-based stArea with six
# decimals, AppliedToDimensions 240x180) for Chloe Davies and Leo Walker;
# lr:hierarchicalSubject with every ancestor path: "Events",
# "Events|Sports Day 2026", "People", "People|Year 4",
# "People|Year 4|Chloe Davies", "People|Year 4|Leo Walker"; dc:subject with
# leaves and ancestors (Chloe Davies, Events, Leo Walker, People, Sports Day
# 2026, Year 4); an xmpMM:History list (attribute-only rdf:li items).  IPTC
# IIM: 1:90 CodedCharacterSet UTF8, 2:25 Keywords = the dc:subject list,
# 2:55/2:60 date and time created, and the Photoshop IPTC digest (0x0425).
# EXIF DateTimeOriginal 2026-07-03.
# Faces (top-left): Chloe 0.15 0.20 0.15 0.20, Leo 0.55 0.25 0.15 0.20
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=sports-day-lightroom
{ bg_sports; cat <<'EOF'
face 0.15 0.20 0.15 0.20 230 200 40
face 0.55 0.25 0.15 0.20 230 200 40
EOF
} | draw $n 240 180
encode $n
{ packet_begin; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00        ">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
    xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
    xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
    xmlns:lr="http://ns.adobe.com/lightroom/1.0/"
   xmp:ModifyDate="2026-07-04T19:12:03+01:00"
   xmp:CreateDate="2026-07-03T11:20:31"
   xmp:CreatorTool="Adobe Photoshop Lightroom Classic 13.0 (Windows)"
   xmp:MetadataDate="2026-07-04T19:12:03+01:00"
   photoshop:DateCreated="2026-07-03T11:20:31"
   xmpMM:DocumentID="xmp.did:5d0a8c0e-3b1f-4c6e-9a40-1c2d3e4f5a61"
   xmpMM:OriginalDocumentID="9C4E1A2B3D5F60718293A4B5C6D7E8F9"
   xmpMM:InstanceID="xmp.iid:5d0a8c0e-3b1f-4c6e-9a40-1c2d3e4f5a61"
   dc:format="image/jpeg">
   <dc:subject>
    <rdf:Bag>
     <rdf:li>Chloe Davies</rdf:li>
     <rdf:li>Events</rdf:li>
     <rdf:li>Leo Walker</rdf:li>
     <rdf:li>People</rdf:li>
     <rdf:li>Sports Day 2026</rdf:li>
     <rdf:li>Year 4</rdf:li>
    </rdf:Bag>
   </dc:subject>
   <xmpMM:History>
    <rdf:Seq>
     <rdf:li
      stEvt:action="saved"
      stEvt:instanceID="xmp.iid:5d0a8c0e-3b1f-4c6e-9a40-1c2d3e4f5a61"
      stEvt:when="2026-07-04T19:12:03+01:00"
      stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.0 (Windows)"
      stEvt:changed="/metadata"/>
    </rdf:Seq>
   </xmpMM:History>
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
        stArea:h="0.200000"
        stArea:w="0.150000"
        stArea:x="0.225000"
        stArea:y="0.300000"
        stArea:unit="normalized"/>
       </rdf:Description>
      </rdf:li>
      <rdf:li>
       <rdf:Description
        mwg-rs:Name="Leo Walker"
        mwg-rs:Type="Face">
       <mwg-rs:Area
        stArea:h="0.200000"
        stArea:w="0.150000"
        stArea:x="0.625000"
        stArea:y="0.350000"
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
     <rdf:li>People|Year 4</rdf:li>
     <rdf:li>People|Year 4|Chloe Davies</rdf:li>
     <rdf:li>People|Year 4|Leo Walker</rdf:li>
    </rdf:Bag>
   </lr:hierarchicalSubject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=NIKON\ CORPORATION -Model='NIKON D7500' \
    -DateTimeOriginal='2026:07:03 11:20:31' -CreateDate='2026:07:03 11:20:31' \
    -Software='Adobe Photoshop Lightroom Classic 13.0 (Windows)' \
    -IPTC:CodedCharacterSet=UTF8 -IPTC:ApplicationRecordVersion=4 \
    -IPTC:Keywords='Chloe Davies' -IPTC:Keywords=Events -IPTC:Keywords='Leo Walker' \
    -IPTC:Keywords=People -IPTC:Keywords='Sports Day 2026' -IPTC:Keywords='Year 4' \
    -IPTC:DateCreated=2026:07:03 -IPTC:TimeCreated=11:20:31+01:00 \
    -IPTC:DigitalCreationDate=2026:07:03 -IPTC:DigitalCreationTime=11:20:31+01:00 \
    "-XMP<=$tmp/$n.xmp"
tag $n.jpg -Photoshop:IPTCDigest=new
