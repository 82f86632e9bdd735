# science-fair-apple-photos.jpg
# Imitates an export from Apple Photos (macOS/iOS ImageIO: "XMP Core 6.0.0",
# RegionList as rdf:Seq, fields as elements in a fixed odd order,
# apple-fi:* face extensions, no names: Apple Photos never exports the names
# of recognised people) with keywords exported flat.
# Tagged: two MWG regions of Type Face with NO Name (centres 0.225 0.35 and
# 0.725 0.35, 0.15 x 0.20; AppliedToDimensions 240x180); dc:subject "Harry
# Wilson", "Science Fair 2026" (flat keywords: for inspect these are keywords,
# not people; check matches "Harry Wilson" to the pupil).  EXIF Apple iPhone 13,
# DateTimeOriginal 2026-05-14.
# Faces (top-left): 0.15 0.25 0.15 0.20 and 0.65 0.25 0.15 0.20
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=science-fair-apple-photos
{ bg_science; cat <<'EOF'
face 0.15 0.25 0.15 0.20 90 60 160
face 0.65 0.25 0.15 0.20 220 120 30
EOF
} | draw $n 240 180
encode $n
cat > "$tmp/$n.xmp" <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 6.0.0">
   <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about=""
            xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
            xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"
            xmlns:apple-fi="http://ns.apple.com/faceinfo/1.0/"
            xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"
            xmlns:dc="http://purl.org/dc/elements/1.1/">
         <mwg-rs:Regions rdf:parseType="Resource">
            <mwg-rs:RegionList>
               <rdf:Seq>
                  <rdf:li rdf:parseType="Resource">
                     <mwg-rs:Area rdf:parseType="Resource">
                        <stArea:y>0.350000</stArea:y>
                        <stArea:w>0.150000</stArea:w>
                        <stArea:x>0.225000</stArea:x>
                        <stArea:h>0.200000</stArea:h>
                        <stArea:unit>normalized</stArea:unit>
                     </mwg-rs:Area>
                     <mwg-rs:Type>Face</mwg-rs:Type>
                     <mwg-rs:Extensions rdf:parseType="Resource">
                        <apple-fi:AngleInfoYaw>0</apple-fi:AngleInfoYaw>
                        <apple-fi:AngleInfoRoll>0</apple-fi:AngleInfoRoll>
                        <apple-fi:ConfidenceLevel>412</apple-fi:ConfidenceLevel>
                        <apple-fi:Timestamp>801234567890</apple-fi:Timestamp>
                        <apple-fi:FaceID>3</apple-fi:FaceID>
                     </mwg-rs:Extensions>
                  </rdf:li>
                  <rdf:li rdf:parseType="Resource">
                     <mwg-rs:Area rdf:parseType="Resource">
                        <stArea:y>0.350000</stArea:y>
                        <stArea:w>0.150000</stArea:w>
                        <stArea:x>0.725000</stArea:x>
                        <stArea:h>0.200000</stArea:h>
                        <stArea:unit>normalized</stArea:unit>
                     </mwg-rs:Area>
                     <mwg-rs:Type>Face</mwg-rs:Type>
                     <mwg-rs:Extensions rdf:parseType="Resource">
                        <apple-fi:AngleInfoYaw>315</apple-fi:AngleInfoYaw>
                        <apple-fi:AngleInfoRoll>0</apple-fi:AngleInfoRoll>
                        <apple-fi:ConfidenceLevel>376</apple-fi:ConfidenceLevel>
                        <apple-fi:Timestamp>801234567890</apple-fi:Timestamp>
                        <apple-fi:FaceID>5</apple-fi:FaceID>
                     </mwg-rs:Extensions>
                  </rdf:li>
               </rdf:Seq>
            </mwg-rs:RegionList>
            <mwg-rs:AppliedToDimensions rdf:parseType="Resource">
               <stDim:h>180</stDim:h>
               <stDim:w>240</stDim:w>
               <stDim:unit>pixel</stDim:unit>
            </mwg-rs:AppliedToDimensions>
         </mwg-rs:Regions>
         <dc:subject>
            <rdf:Bag>
               <rdf:li>Harry Wilson</rdf:li>
               <rdf:li>Science Fair 2026</rdf:li>
            </rdf:Bag>
         </dc:subject>
      </rdf:Description>
   </rdf:RDF>
</x:xmpmeta>
EOF
tag $n.jpg -ExifByteOrder=MM -Make=Apple -Model='iPhone 13' -Software=17.4.1 \
    -DateTimeOriginal='2026:05:14 14:21:07' -CreateDate='2026:05:14 14:21:07' \
    -OffsetTimeOriginal=+01:00 "-XMP<=$tmp/$n.xmp"
