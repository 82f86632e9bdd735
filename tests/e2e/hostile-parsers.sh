#!/bin/sh
# End-to-end tests of `photoconsent inspect` on the hostile files of
# tests/tools/make_hostile.c: broken JPEGs, and hostile metadata inside
# otherwise well-formed ones. Each parser must name what is wrong and
# where, with no crash or hang.
# Usage: tests/e2e/hostile-parsers.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"
PHOTOCONSENT_DB=$E2E_TMP/no-database.db
export PHOTOCONSENT_DB
hostile_files

# hostile FILE STATUS MESSAGE: a clear error naming the file, the status,
# and no crash or hang.
hostile() {
	t "hostile $1"
	run inspect --json "$HOSTILE/$1"
	expect_no_crash
	expect_status "$2"
	expect_err "'$HOSTILE/$1': $3"
	expect_json '@j == 1 && @{$j[0]{errors}} >= 1'
}
hostile empty.jpg 65 "file is empty"
hostile soi-only.jpg 65 "file ends at byte 2 before the image data"
hostile truncated-in-segment.jpg 65 "file ends inside the APP1 segment at byte 2"
hostile png-named.jpg 65 "not a JPEG file: it looks like a PNG image"
hostile text-named.jpg 65 "not a JPEG file: it looks like text"
hostile segment-length-1.jpg 65 "APP1 segment at byte 2 declares an impossible length of 1 bytes"
hostile many-segments.jpg 65 "more than 10000 segments before the image data"
hostile exif-offset-outside.jpg 65 "EXIF IFD 'IFD0' at byte 2147483632 is outside the segment"
hostile exif-ifd-loop.jpg 65 "EXIF IFD 'EXIF' at byte 8 is IFD 'IFD0' again: a loop of IFDs"
hostile xmp-malformed.jpg 65 "XMP is malformed at byte 202 (line 1, column 203): mismatched tag"
hostile xmp-billion-laughs.jpg 65 "XMP has a DOCTYPE declaration; refused (entity expansion)"
hostile xmp-deep-nesting.jpg 65 "XMP nests deeper than 64 levels"
hostile iim-past-segment.jpg 65 "IPTC dataset 2:25 at byte 0 claims 5000 bytes, only 9 remain"
hostile extxmp-overlap.jpg 65 "ExtendedXMP chunks overlap at byte 150"
hostile extxmp-past-length.jpg 65 "ExtendedXMP chunk at offset 200 (200 bytes) runs past the declared length 250"
hostile xmp-nine-packets.jpg 65 "more than 8 XMP packets; the one at byte 1394 and later ones were not read"
hostile extxmp-too-many-chunks.jpg 65 "more than 4096 ExtendedXMP segments; the rest were not read"
hostile app13-past-4mib.jpg 65 "Photoshop APP13 data passes 4194304 bytes at byte 4161154; the rest was not read"
hostile app13-too-many-resources.jpg 65 "APP13 has more than 10000 Photoshop resources; the rest were not read"

t "the billion laughs are never expanded"
run inspect --json "$HOSTILE/xmp-billion-laughs.jpg"
expect_json '@j == 1 && !grep { /lol/ } @{$j[0]{keywords}}'

t "a malformed packet keeps nothing from its broken part"
run inspect --json "$HOSTILE/xmp-malformed.jpg"
expect_json '@j == 1 && @{$j[0]{keywords}} == 0'

# ------------------------------------------------------------ limits
# Each bound the README's "Limits" lists, passed: a message naming the
# file and the bound, and a verdict that is never share on what was read.
fresh_demo
LIMITS=$E2E_TMP/limits
mkdir -p "$LIMITS"

# sidecar NAME BODY: a copy of a sample that may be shared (Chloe Davies
# and Leo Walker, both agreed, at Sports Day) as NAME.jpg, and NAME.xmp
# beside it holding BODY in one rdf:Description.
sidecar() {
	cp samples/sports-day-lightroom.jpg "$LIMITS/$1.jpg"
	{
		printf '%s\n' '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
		printf '%s\n' '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">'
		printf '%s\n' "$2"
		printf '%s\n' '</rdf:Description></rdf:RDF></x:xmpmeta>'
	} >"$LIMITS/$1.xmp"
}

t "more people in a photo than the limit: review, never share on the first 4096"
# 4096 times a pupil who agreed, then one who refused: dropping the rest
# would share a photo of a refusing child.
sidecar people "<Iptc4xmpExt:PersonInImage><rdf:Bag>$(perl -e 'print "<rdf:li>Chloe Davies</rdf:li>" x 4096')<rdf:li>Oliver Smith</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>"
chk --on "$ON" --no-log --json "$LIMITS/people.jpg"
expect_status 2
expect_json '$j[0]{verdict} eq "review" && grep { $_->{code} eq "unreadable" && $_->{message} =~ /more than 4096 people in Iptc4xmpExt:PersonInImage/ } @{$j[0]{reasons}}'

t "captions in other languages past 64 KiB: review, saying so"
long=$(perl -e 'print "a" x 40000')
sidecar languages "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Sports day</rdf:li><rdf:li xml:lang=\"fr\">$long</rdf:li><rdf:li xml:lang=\"de\">$long</rdf:li><rdf:li xml:lang=\"es\">Oliver Smith</rdf:li></rdf:Alt></dc:description>"
chk --on "$ON" --no-log --json "$LIMITS/languages.jpg"
expect_status 2
expect_json '$j[0]{verdict} eq "review" && grep { $_->{message} =~ /more than 64 KiB of captions and titles in other languages/ } @{$j[0]{reasons}}'

t "a sidecar past 16 MiB: not read, review, saying so"
cp samples/sports-day-lightroom.jpg "$LIMITS/big-sidecar.jpg"
: >"$LIMITS/big-sidecar.xmp"
truncate -s 17M "$LIMITS/big-sidecar.xmp"
chk --on "$ON" --no-log --json "$LIMITS/big-sidecar.jpg"
expect_status 2
expect_json '$j[0]{verdict} eq "review" && grep { $_->{message} =~ /sidecar .big-sidecar\.xmp. is larger than 16777216 bytes; not read/ } @{$j[0]{reasons}}'

t "a photo in more events than the verdict lists: every event's denial still applies"
# 65 events named by the photo's keywords, besides its Sports Day; the
# last denies the website. Dropping the events past 64 would share it.
i=1
while [ $i -le 65 ]; do
	if [ $i -eq 65 ]; then
		quiet event add "trip-$i" --name "Trip $i" --from 2026-01-01 --tag "Trip $i" \
			--deny website --note "no photos of this trip online"
	else
		quiet event add "trip-$i" --name "Trip $i" --from 2026-01-01 --tag "Trip $i"
	fi
	i=$((i + 1))
done
sidecar events "<dc:subject><rdf:Bag>$(perl -e 'print map { "<rdf:li>Trip $_</rdf:li>" } 1 .. 65')</rdf:Bag></dc:subject>"
chk --on "$ON" --no-log --json "$LIMITS/events.jpg"
expect_status 1
expect_json '$j[0]{verdict} eq "do-not-share" && grep { $_->{code} eq "event-denies" && $_->{message} =~ /Trip 65/ } @{$j[0]{reasons}}'
expect_json 'grep { $_->{code} eq "several-events" && $_->{message} =~ /more than 64 events/ } @{$j[0]{warnings}}'

e2e_finish hostile-parsers
