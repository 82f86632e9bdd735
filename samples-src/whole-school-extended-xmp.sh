# whole-school-extended-xmp.jpg
# Imitates a whole-school photograph after face detection: 240 MWG Face
# regions (16 named, 224 unnamed), written by ExifTool.  The XMP is larger
# than one APP1 segment allows, so ExifTool moves its largest rdf:Description
# (the mwg-rs one holding every region) to ExtendedXMP: the standard XMP
# keeps xmpNote:HasExtendedXMP (the MD5 GUID), dc:description,
# Iptc4xmpExt:Event and the toolkit; the regions, and so every name, are only
# in the two "http://ns.adobe.com/xmp/extension/" APP1 segments that follow.
# Tagged: mwg-rs:RegionInfo (AppliedToDimensions 320x240 pixel) with 240
# regions in a 20 x 12 grid (row r, column c: top-left x = (16c+3)/320,
# y = (20r+2)/240, each face 0.03125 x 0.05), the 16 pupils named (see the
# index table below; "Katherine Smith" is split across the two chunks),
# the other 224 Face regions unnamed; Iptc4xmpExt:Event "Sports Day 2026";
# dc:description "Hollybrook Primary School whole-school photograph, Sports
# Day 2026".  EXIF DateTimeOriginal 2026-07-03.
#
# Sourced by ../make-samples.sh, which defines draw, encode, tag, the
# backgrounds and the packet helpers.
n=whole-school-extended-xmp
# Region index (row * 20 + column) -> name.  The first five are placed so
# that, in the extended XMP ExifTool writes, "Katherine Smith" (index 186)
# straddles the boundary between the two ExtendedXMP chunks: the first chunk
# ends with "Ka", the second starts with "therine Smith".  The rest stand in
# the front row.
declare -A named=(
    [47]="Amy Jones" [93]="Leo Walker" [124]="Ava Thomas" [170]="Noah Evans"
    [186]="Katherine Smith"
    [223]="Chloe Davies" [225]="Oliver Smith" [226]="Łukasz Nowak"
    [228]="Zoë Brown" [229]="Mohammed Khan" [231]="Harry Wilson"
    [232]="Isla Taylor" [234]="Freya Roberts" [235]="Sophie Wright"
    [236]="Jack Green" [238]="Aisha Patel"
)
{
    printf 'band 0 0.3 135 195 235\nband 0.3 1 90 170 80\n'
    # top-left x = (16c+3)/320, y = (20r+2)/240, 10 x 12 pixels
    LC_ALL=C awk 'BEGIN {
        for (r = 0; r < 12; r++) for (c = 0; c < 20; c++)
            printf "face %.6f %.6f 0.031250 0.050000 %d %d %d\n",
                (16 * c + 3) / 320, (20 * r + 2) / 240,
                60 + (c * 37 + r * 11) % 180, 60 + (c * 13 + r * 29) % 150, 90 + (c * 7 + r * 31) % 150
    }'
} | draw $n 320 240
encode $n
{
    printf '%s' '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=320,H=240,Unit=pixel},RegionList=['
    for ((i = 0; i < 240; i++)); do
        r=$((i / 20)); c=$((i % 20))
        [ $i -gt 0 ] && printf ','
        read -r x y < <(LC_ALL=C awk -v c=$c -v r=$r 'BEGIN { printf "%.6f %.6f\n", (16 * c + 8) / 320, (20 * r + 8) / 240 }')
        name=
        if [ -n "${named[$i]:-}" ]; then
            name="Name=${named[$i]},"
        fi
        printf '{Area={X=%s,Y=%s,W=0.03125,H=0.05,Unit=normalized},%sType=Face}' "$x" "$y" "$name"
    done
    printf ']}\n'
    echo '-XMP-iptcExt:Event=Sports Day 2026'
    echo '-XMP-dc:Description=Hollybrook Primary School whole-school photograph, Sports Day 2026'
} > "$tmp/$n.args"
tag $n.jpg -ExifByteOrder=II -Make=FUJIFILM -Model=X-T30 \
    -DateTimeOriginal='2026:07:03 14:00:00' -CreateDate='2026:07:03 14:00:00' \
    -@ "$tmp/$n.args"
# Check the layout this sample exists for: two ExtendedXMP chunks, the first
# ending inside "Katherine Smith".  (A different exiftool version may lay the
# XMP out differently; then move the names in the table above.)
if ! perl -e '
    local $/; open(my $fh, "<:raw", $ARGV[0]) or die; my $d = <$fh>;
    my ($p, @chunks) = (2);
    while ($p + 4 <= length $d) {
        my ($m, $len) = unpack("x C n", substr($d, $p, 4));
        last if $m == 0xDA;
        my $seg = substr($d, $p + 4, $len - 2);
        push @chunks, [unpack("N", substr($seg, 71, 4)), substr($seg, 75)]
            if $m == 0xE1 && $seg =~ m{^http://ns\.adobe\.com/xmp/extension/\0};
        $p += 2 + $len;
    }
    @chunks = sort { $a->[0] <=> $b->[0] } @chunks;
    exit !(@chunks == 2 && $chunks[0][1] =~ /Name>Ka$/ && $chunks[1][1] =~ /^therine Smith</);
    ' $n.jpg; then
    echo "make-samples.sh: warning: $n.jpg: \"Katherine Smith\" no longer straddles the two ExtendedXMP chunks" >&2
fi
