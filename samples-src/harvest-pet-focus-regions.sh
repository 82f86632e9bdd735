# harvest-pet-focus-regions.jpg
# Imitates the MWG 2.0 region types other than Face, in the layout Mylio
# writes (Adobe "XMP Core 5.4.0" compact, on one line, RegionList rdf:Seq,
# MY: namespace).
# Tagged: mwg-rs:RegionList with a Face "Freya Roberts" (centre 0.275 0.30,
# 0.15 x 0.20), a Pet "Hazel" (the class hamster; centre 0.65 0.675, 0.20 x
# 0.15) and an unnamed Focus region (centre 0.65 0.30, 0.30 x 0.30);
# AppliedToDimensions 240x180; dc:subject "Harvest Festival 2026".
# Only Freya Roberts is a person; the Focus region is not an unnamed face.
# DateTimeOriginal 2026-10-02.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=harvest-pet-focus-regions
{ bg_harvest; cat <<'EOF'
face 0.20 0.20 0.15 0.20 160 40 120
ell 0.52 0.18 0.26 0.24 240 130 30
frame 0.50 0.15 0.30 0.30 255 255 0
ell 0.55 0.60 0.20 0.15 150 100 60
ell 0.60 0.62 0.03 0.04 20 20 20
EOF
} | draw $n 240 180
encode $n
{ packet_begin; printf '%s' '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 5.4.0"> <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"> <rdf:Description rdf:about="" xmlns:MY="http://ns.mylollc.com/MyloEdit/" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" xmlns:dc="http://purl.org/dc/elements/1.1/" MY:DateConfidence="Full"> <mwg-rs:Regions rdf:parseType="Resource"> <mwg-rs:AppliedToDimensions stDim:w="240" stDim:h="180" stDim:unit="pixel"/> <mwg-rs:RegionList> <rdf:Seq> <rdf:li> <rdf:Description mwg-rs:Type="Face" mwg-rs:Name="Freya Roberts"> <mwg-rs:Area stArea:x="0.275" stArea:y="0.3" stArea:w="0.15" stArea:h="0.2" stArea:unit="normalized"/> </rdf:Description> </rdf:li> <rdf:li> <rdf:Description mwg-rs:Type="Pet" mwg-rs:Name="Hazel"> <mwg-rs:Area stArea:x="0.65" stArea:y="0.675" stArea:w="0.2" stArea:h="0.15" stArea:unit="normalized"/> </rdf:Description> </rdf:li> <rdf:li> <rdf:Description mwg-rs:Type="Focus"> <mwg-rs:Area stArea:x="0.65" stArea:y="0.3" stArea:w="0.3" stArea:h="0.3" stArea:unit="normalized"/> </rdf:Description> </rdf:li> </rdf:Seq> </mwg-rs:RegionList> </mwg-rs:Regions> <dc:subject> <rdf:Seq> <rdf:li>Harvest Festival 2026</rdf:li> </rdf:Seq> </dc:subject> </rdf:Description> </rdf:RDF> </x:xmpmeta>'
  printf '\n'; packet_end 10; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=SONY -Model=ILCE-6400 \
    -DateTimeOriginal='2026:10:02 11:30:15' -CreateDate='2026:10:02 11:30:15' \
    "-XMP<=$tmp/$n.xmp"
