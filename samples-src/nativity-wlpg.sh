# nativity-wlpg.jpg
# Imitates Windows Live Photo Gallery 2011 / Microsoft Photo Gallery 16 (the
# Windows Imaging Component's XMP writer: rdf:about="uuid:faf5bdd5-...", one
# rdf:Description per namespace, namespaces declared inline on the elements
# that use them, struct items as nested rdf:Description, single-quoted
# xpacket header).
# Tagged: MP:RegionInfo / MPRI:Regions Bag of MPReg:Rectangle ("x, y, w, h",
# top-left based fractions, six decimals) with MPReg:PersonDisplayName for
# Łukasz Nowak and Ava Thomas; MicrosoftPhoto:LastKeywordXMP
# "People/Łukasz Nowak", "People/Ava Thomas", "Events/Nativity Play 2025";
# dc:subject "Nativity Play 2025" (flat); xmp:CreatorTool.  EXIF
# DateTimeOriginal 2025-12-10.
# Faces (top-left): Łukasz 0.25 0.30 0.15 0.20, Ava 0.60 0.35 0.15 0.20
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=nativity-wlpg
{ bg_nativity; cat <<'EOF'
face 0.25 0.30 0.15 0.20 110 80 50
face 0.60 0.35 0.15 0.20 60 90 180
EOF
} | draw $n 240 180
encode $n
{ printf "<?xpacket begin='%s' id='W5M0MpCehiHzreSzNTczkc9d'?>\n" "$bom"; cat <<'EOF'
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>Windows Live Photo Gallery 15.4.3555.308</xmp:CreatorTool></rdf:Description><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:MicrosoftPhoto="http://ns.microsoft.com/photo/1.0/"><MicrosoftPhoto:LastKeywordXMP><rdf:Bag xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:li>People/Łukasz Nowak</rdf:li><rdf:li>People/Ava Thomas</rdf:li><rdf:li>Events/Nativity Play 2025</rdf:li></rdf:Bag>
			</MicrosoftPhoto:LastKeywordXMP></rdf:Description><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:li>Nativity Play 2025</rdf:li></rdf:Bag>
			</dc:subject></rdf:Description><rdf:Description rdf:about="uuid:faf5bdd5-ba3d-11da-ad31-d33d75182f1b" xmlns:MP="http://ns.microsoft.com/photo/1.2/"><MP:RegionInfo><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><MPRI:Regions xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"><rdf:Bag xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:li><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><MPReg:Rectangle xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">0.250000, 0.300000, 0.150000, 0.200000</MPReg:Rectangle><MPReg:PersonDisplayName xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">Łukasz Nowak</MPReg:PersonDisplayName></rdf:Description>
							</rdf:li><rdf:li><rdf:Description xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><MPReg:Rectangle xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">0.600000, 0.350000, 0.150000, 0.200000</MPReg:Rectangle><MPReg:PersonDisplayName xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#">Ava Thomas</MPReg:PersonDisplayName></rdf:Description>
							</rdf:li></rdf:Bag>
					</MPRI:Regions></rdf:Description>
			</MP:RegionInfo></rdf:Description></rdf:RDF></x:xmpmeta>
EOF
packet_end 20; } > "$tmp/$n.xmp"
tag $n.jpg -ExifByteOrder=II -Make=Panasonic -Model=DMC-TZ70 \
    -DateTimeOriginal='2025:12:10 18:32:05' -CreateDate='2025:12:10 18:32:05' \
    "-XMP<=$tmp/$n.xmp"
