#!/bin/sh
# End-to-end tests of `photoconsent scan`: the same verdicts as check on
# every sample for every purpose, in every output format (the CSV read back
# with libcsv, as the import reads); a folder with a symbolic link loop, a
# FIFO, a file that cannot be read and files that are not photos; exit
# statuses; the parent view; progress on a terminal.
# Usage: tests/e2e/scan.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

fresh_demo
CSV_TABLE=$BUILD/tests/csv_table

# ------------------------------------------------------------ usage
t "scan with no folder"
scn
expect_status 64
expect_err "try 'photoconsent scan --help'"

t "scan --json --csv"
scn --json --csv samples
expect_status 64
expect_err "cannot be used together"

t "scan --jobs 0"
scn --jobs 0 samples
expect_status 64
expect_err "from 1 to 256"

t "scan of a folder that is not there"
scn "$E2E_TMP/no-such-folder"
expect_status 66
expect_err "cannot open '$E2E_TMP/no-such-folder': No such file or directory"

t "scan for an unknown purpose"
scn --purpose billboard samples
expect_status 65
expect_err "billboard"

t "scan --on a date that is not one"
scn --on 2026-02-30 samples
expect_status 65

# ------------------------------------------------- the same verdicts as check
# For every purpose, the JSON lines of scan (in whatever order they came)
# are exactly the JSON lines check prints for the same photos.
for purpose in $PURPOSES; do
	for view in staff parent; do
		t "scan agrees with check on every sample: $purpose, $view view"
		chk --on "$ON" --no-log --as "$view" --purpose "$purpose" --json samples/*.jpg
		sort "$OUT" >"$E2E_TMP/check.sorted"
		scn --on "$ON" --as "$view" --purpose "$purpose" --json samples
		check_status=$status
		sort "$OUT" >"$E2E_TMP/scan.sorted"
		if [ "$(wc -l <"$E2E_TMP/scan.sorted")" -eq 31 ] &&
			cmp -s "$E2E_TMP/check.sorted" "$E2E_TMP/scan.sorted"; then
			ok
		else
			bad "scan's JSON differs from check's: $(diff "$E2E_TMP/check.sorted" "$E2E_TMP/scan.sorted" | head -c 400)"
		fi
		# The exit status is check's too (every sample opens): a verdict's.
		chk --on "$ON" --no-log --as "$view" --purpose "$purpose" samples/*.jpg
		if [ "$check_status" -eq "$status" ] && [ "$status" -le 2 ]; then ok; else bad "scan exited $check_status, check $status"; fi
	done
done

t "one thread or eight: the same records"
scn --on "$ON" --json --jobs 1 samples
sort "$OUT" >"$E2E_TMP/one.sorted"
expect_lines "$N_SAMPLES" "$E2E_TMP/one.sorted"
scn --on "$ON" --json --jobs 8 samples
sort "$OUT" >"$E2E_TMP/eight.sorted"
expect_same_file "$E2E_TMP/one.sorted" "$E2E_TMP/eight.sorted" "--jobs 1 and --jobs 8 differ"

t "a single photo may be given instead of a folder"
scn --on "$ON" --json samples/sports-day-digikam.jpg
expect_status 1
expect_json '@j == 1 && $j[0]{file} eq "samples/sports-day-digikam.jpg" && $j[0]{verdict} eq "do-not-share"'

# ------------------------------------------------------------ text and summary
t "the text records and the summary"
scn --on "$ON" samples
expect_status 1
expect_out "DO NOT SHARE  samples/sports-day-digikam.jpg"
expect_out "SHARE         samples/sports-day-lightroom.jpg"
expect_out "REVIEW        samples/playground-untagged.jpg"
if [ "$(grep -cE '^(SHARE|DO NOT SHARE|REVIEW) ' "$OUT")" -eq "$N_SAMPLES" ]; then ok; else bad "not a record per sample"; fi
t "the summary"
# From its first line on, with the time the scan took read as "(time)".
# The counts are verdicts.expected's for website; make-samples.sh and
# README.md are skipped, the sidecars read with their photos. The policy
# the refusals rest on is said once. Then the pupils who block a photo
# (refused or no consent, or no_photo), most photos first, then by class
# and surname, as pupil list orders them; counted from the photos check
# refuses for website.
sed -n '/^[0-9]* photos checked /,$p' "$OUT" |
	sed '1s/ in [0-9.]* s ([0-9]* a second)$/ in (time)/' >"$E2E_TMP/summary"
cat >"$E2E_TMP/summary.expected" <<EOF
31 photos checked for website as of $ON in (time)
  share              12
  review              4
  do not share       15
  unreadable          0
  skipped             2   (2 not a JPEG)

The school's policy for website, which the refusals above rest on:
  The school publishes photos of pupils on its website only with each pictured
    child's parent's consent.

Pupils who keep the most photos from being shared
        4  Zoë Brown (2201, Year 3)
        4  Isla Taylor (2014, Year 5)
        3  Oliver Smith (2217, Year 3)
        2  Aisha Patel (2312, Year 2)
        1  Harrison Cox (2104, Year 4)
        1  Callum Fraser (2107, Year 4)
        1  Kian Byrne (2001, Year 5)
EOF
test_cmp "$E2E_TMP/summary.expected" "$E2E_TMP/summary"
t "the files that are not photos are named on stderr, and nothing else"
# In the order of the walk, which the threads may change: sorted.
LC_ALL=C sort "$ERR" >"$E2E_TMP/skipped"
cat >"$E2E_TMP/skipped.expected" <<'EOF'
photoconsent: skipped 'samples/README.md': not a JPEG file: it looks like text
photoconsent: skipped 'samples/make-samples.sh': not a JPEG file: it looks like text
EOF
test_cmp "$E2E_TMP/skipped.expected" "$E2E_TMP/skipped"
expect_no_escape

t "with --json the summary stays off a pipe"
scn --on "$ON" --json samples
expect_status 1
expect_lines "$N_SAMPLES" "$OUT"
expect_no_match "photos checked" "$OUT" "$ERR"

# ------------------------------------------------------------ CSV
t "the CSV opens as a table, one row per photo, with check's verdicts"
scn --on "$ON" --csv samples
expect_status 1
t "the CSV starts with a UTF-8 byte order mark, for Excel"
if [ "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then ok; else
	bad "no byte order mark: $(head -c 3 "$OUT" | od -An -c)"; fi
t "the CSV opens as a table, one row per photo, with check's verdicts"
if "$CSV_TABLE" <"$OUT" >"$E2E_TMP/table" 2>"$E2E_TMP/table.err"; then
	ok
else
	bad "not a well-formed table: $(cat "$E2E_TMP/table.err")"
fi
if [ "$(head -n 1 "$E2E_TMP/table")" = "$(printf 'file\tverdict\tpurpose\tchecked_on\tevent\tpeople\treason_codes\treasons\twarnings')" ]; then
	ok
else
	bad "header row: $(head -n 1 "$E2E_TMP/table")"
fi
tail -n +2 "$E2E_TMP/table" | cut -f 1,2 | sort >"$E2E_TMP/csv.verdicts"
chk --on "$ON" --no-log --json samples/*.jpg
perl -MJSON::PP -ne 'my $j = decode_json($_); print "$j->{file}\t$j->{verdict}\n"' "$OUT" |
	sort >"$E2E_TMP/check.verdicts"
if [ "$(wc -l <"$E2E_TMP/csv.verdicts")" -eq 31 ] &&
	cmp -s "$E2E_TMP/csv.verdicts" "$E2E_TMP/check.verdicts"; then
	ok
else
	bad "CSV verdicts differ from check's: $(diff "$E2E_TMP/check.verdicts" "$E2E_TMP/csv.verdicts" | head -c 300)"
fi
if grep -q "^samples/sports-day-digikam.jpg	do-not-share	website	$ON	Sports Day 2026	.*Oliver Smith (2217): refused.*	consent-refused	" "$E2E_TMP/table"; then
	ok
else
	bad "the sports day row lacks its event, people or reason: $(grep sports-day-digikam "$E2E_TMP/table")"
fi

t "a cell a spreadsheet would run as a formula starts with an apostrophe"
mkdir -p "$E2E_TMP/formula"
cp samples/playground-untagged.jpg "$E2E_TMP/formula/=HYPERLINK(1).jpg"
scn --on "$ON" --csv "$E2E_TMP/formula/=HYPERLINK(1).jpg"
"$CSV_TABLE" <"$OUT" >"$E2E_TMP/table" 2>&1 || bad "not a table: $(cat "$E2E_TMP/table")"
if grep -q "^$E2E_TMP/formula/=HYPERLINK" "$E2E_TMP/table"; then ok; else bad "the path was changed: $(cat "$E2E_TMP/table")"; fi
run --db "$DB" scan --on "$ON" --csv "$E2E_TMP/formula"
"$CSV_TABLE" <"$OUT" >"$E2E_TMP/table" 2>&1 || bad "not a table: $(cat "$E2E_TMP/table")"
# The header and the one photo's row, neither defused.
if [ "$(wc -l <"$E2E_TMP/table")" -eq 2 ] && ! grep -q "^'" "$E2E_TMP/table"; then
	ok
else
	bad "a path that is not a formula was defused, or no row: $(cat "$E2E_TMP/table")"
fi
cp samples/playground-untagged.jpg "$E2E_TMP/=SUM(A1).jpg"
bin=$(cd "$(dirname "$PHOTOCONSENT")" && pwd)/photoconsent
(cd "$E2E_TMP" && timeout 60 "$bin" --db "$DB" scan --on "$ON" --csv "=SUM(A1).jpg" >"$OUT" 2>"$ERR")
"$CSV_TABLE" <"$OUT" >"$E2E_TMP/table" 2>&1 || bad "not a table: $(cat "$E2E_TMP/table")"
if grep -q "^'=SUM(A1).jpg	review" "$E2E_TMP/table"; then ok; else bad "a formula cell kept its '=': $(cat "$E2E_TMP/table")"; fi

t "the parent CSV names no child"
scn --on "$ON" --as parent --csv samples
if "$CSV_TABLE" <"$OUT" >"$E2E_TMP/table" 2>"$E2E_TMP/table.err"; then ok; else bad "not a table: $(cat "$E2E_TMP/table.err")"; fi
if [ "$(head -n 1 "$E2E_TMP/table")" = "$(printf 'file\tverdict\tpurpose\tchecked_on\tchildren\tblocking\treason_codes\treasons')" ]; then
	ok
else
	bad "parent header row: $(head -n 1 "$E2E_TMP/table")"
fi

# ------------------------------------------------------------ the parent view
# The pupils pictured in the samples, as consent-db/README.md lists them.
for view_format in "" --json --csv; do
	t "scan --as parent ${view_format:-(text)} names no child"
	scn --on "$ON" --as parent $view_format samples
	expect_status 1
	# Something judged, in which to look for names.
	if [ "$(grep -c 'samples/' "$OUT")" -ge "$N_SAMPLES" ]; then ok; else bad "not every sample in the output"; fi
	named=""
	[ -s "$OUT" ] || named=" (nothing printed)"
	for name in "Oliver" "Smith" "Zoë" "Zoe" "Brown" "Isla" "Taylor" "Aisha" "Patel" \
		"Łukasz" "Lukasz" "Nowak" "Katherine" "Amy Jones" "2217" "2201" "2014" "2312"; do
		if grep -qi -- "$name" "$OUT" "$ERR"; then named="$named $name"; fi
	done
	if [ -z "$named" ]; then ok; else bad "the parent view names:$named"; fi
done

# ------------------------------------------------------------ odd folders
# A folder as a school's shared drive may hold it: photos in sub-folders, a
# link back up the tree, a link to nothing, a FIFO, a file nobody may read,
# and files that are not photos (a renamed PNG, an empty .jpg, a video).
odd=$E2E_TMP/odd
mkdir -p "$odd/sports day/heats" "$odd/empty"
cp samples/sports-day-lightroom.jpg "$odd/sports day/"
cp samples/zoo-trip-orientation-6.jpg "$odd/sports day/heats/"
cp samples/sports-day-digikam.jpg "$odd/unreadable.jpg"
chmod 000 "$odd/unreadable.jpg"
ln -s .. "$odd/sports day/heats/back-up"
ln -s "$odd/nowhere.jpg" "$odd/broken.jpg"
mkfifo "$odd/pipe.jpg"
printf '\211PNG\r\n\032\n0000' >"$odd/renamed.jpg"
: >"$odd/empty.jpg"
printf 'not a video' >"$odd/clip.mov"
if unprivileged "$odd"; then
	chmod 755 "$odd/sports day" "$odd/sports day/heats" "$odd/empty"
	# The database is the school's (mode 0600): a copy the user may read.
	cp "$DB" "$E2E_TMP/odd.db"
	chmod 644 "$E2E_TMP/odd.db"
	t "a folder with a loop, a FIFO, an unreadable file and other files finishes"
	timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$E2E_TMP/odd.db" scan --on "$ON" "$odd" >"$OUT" 2>"$ERR"
	status=$?
	expect_status 2
	expect_out "SHARE         $odd/sports day/sports-day-lightroom.jpg"
	expect_out "SHARE         $odd/sports day/heats/zoo-trip-orientation-6.jpg"
	expect_out "REVIEW        $odd/unreadable.jpg"
	expect_out "the file could not be opened: cannot open: Permission denied"
	expect_err "skipped '$odd/sports day/heats/back-up': a link back to the folder '$odd/sports day': not followed"
	expect_err "skipped '$odd/broken.jpg': a symbolic link to nothing"
	expect_err "skipped '$odd/pipe.jpg': a FIFO"
	expect_err "skipped '$odd/renamed.jpg': not a JPEG file: it looks like a PNG image"
	expect_err "1 folder or file passed over without being judged (named above)"
	expect_err "skipped '$odd/empty.jpg': file is empty"
	expect_err "skipped '$odd/clip.mov': not a JPEG file"
	expect_out "3 photos checked"
	expect_out "share               2"
	expect_out "unreadable          1"
	expect_out "skipped             6   (2 not a JPEG, 1 FIFO, socket or device, 1 symbolic link loop, 1 broken symbolic link, 1 in a format not read)"
	if [ "$(grep -c "back-up" "$ERR")" -eq 1 ]; then ok; else bad "the loop was reported $(grep -c back-up "$ERR") times"; fi

	t "a folder that cannot be read is reported and passed over: exit 2"
	mkdir -p "$odd/private"
	cp samples/sports-day-digikam.jpg "$odd/private/"
	chmod 000 "$odd/private"
	timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$E2E_TMP/odd.db" scan --on "$ON" "$odd" >"$OUT" 2>"$ERR"
	status=$?
	expect_status 2
	expect_err "skipped '$odd/private': cannot open the folder: Permission denied"
	expect_out "1 unreadable folder"
	chmod 755 "$odd/private"
	rm -rf "$odd/private"
else
	t "a folder with an unreadable file"
	skip "running as root without setpriv: file modes cannot be tested"
fi
chmod 644 "$odd/unreadable.jpg"

t "the odd folder as JSON: one line per photo, each valid"
scn --on "$ON" --json "$odd"
expect_status 1
expect_json '@j == 3 && !grep { !defined $_->{verdict} } @j'

# ------------------------------------------------------------ exit statuses
t "a folder where every photo may be shared exits 0"
mkdir -p "$E2E_TMP/all-share"
cp samples/sports-day-lightroom.jpg samples/zoo-trip-orientation-6.jpg "$E2E_TMP/all-share/"
scn --on "$ON" "$E2E_TMP/all-share"
expect_status 0
expect_out "share               2"

# `scan DIR && publish DIR` must not publish what was never judged.
t "an empty folder: no photo judged, exit 2, saying why"
mkdir -p "$E2E_TMP/none"
scn --on "$ON" "$E2E_TMP/none"
expect_status 2
expect_out "0 photos checked"
expect_err "no photo was judged, so none may be shared on this scan's word"

t "a folder of HEIC and PNG files only: none judged, exit 2"
mkdir -p "$E2E_TMP/phone"
printf '\000\000\000\030ftypheic\000\000\000\000mif1heic' >"$E2E_TMP/phone/IMG_0001.HEIC"
printf '\211PNG\r\n\032\n0000' >"$E2E_TMP/phone/Screenshot.png"
scn --on "$ON" "$E2E_TMP/phone"
expect_status 2
expect_err "skipped '$E2E_TMP/phone/IMG_0001.HEIC': not a JPEG file: it looks like a HEIC/HEIF or AVIF image"
expect_err "no photo was judged"

t "shareable photos beside a HEIC: exit 2, the HEIC is not known to be safe"
cp samples/sports-day-lightroom.jpg "$E2E_TMP/phone/"
scn --on "$ON" "$E2E_TMP/phone"
expect_status 2
expect_out "share               1"
expect_out "2 in a format not read"
expect_err "2 folders or files passed over without being judged"

t "a video is not a photo: skipped, and the scan still says share"
rm -f "$E2E_TMP/phone/IMG_0001.HEIC" "$E2E_TMP/phone/Screenshot.png"
printf '\000\000\000\030ftypmp42\000\000\000\000isommp42' >"$E2E_TMP/phone/clip.mp4"
scn --on "$ON" "$E2E_TMP/phone"
expect_status 0
expect_err "it looks like an MP4 or QuickTime video"

t "a folder nested deeper than the walk goes: exit 2"
deep=$E2E_TMP/deep
mkdir -p "$deep"
cp samples/sports-day-lightroom.jpg "$deep/"
d=$deep
i=0
while [ $i -lt 66 ]; do d=$d/d; i=$((i + 1)); done
mkdir -p "$d"
cp samples/sports-day-lightroom.jpg "$d/"
scn --on "$ON" "$deep"
expect_status 2
expect_out "share               1"
expect_err "nested more than 64 folders deep: not walked"
rm -rf "$deep"

t "output that cannot be written: 74"
if [ -w /dev/full ]; then
	timeout 60 "$PHOTOCONSENT" --db "$DB" scan --on "$ON" --json samples >/dev/full 2>"$ERR"
	status=$?
	expect_status 74
	expect_err "cannot write the output"
else
	skip "no /dev/full here"
fi

# ------------------------------------------------------------ previews
t "previews that would cost minutes: no preview, the verdict stands, in seconds"
costly=$E2E_TMP/costly
mkdir -p "$costly"
# scans.jpg: 100 megapixels, 499 progressive scans (23 s to preview
# unbounded); zeros.jpg: FF D8, the metadata, 16 GiB of zeros, sparse
# (a minute to read). Both with the people of a photo that may be shared.
if "$BUILD/tests/make_preview_hostile" "$costly" samples/sports-day-lightroom.jpg \
	2>"$E2E_TMP/costly.err"; then
	started=$(date +%s)
	scn --on "$ON" --json --html "$E2E_TMP/sheet.html" "$costly"
	took=$(($(date +%s) - started))
	expect_no_crash
	expect_status 2
	if [ "$took" -le 10 ]; then ok; else bad "the scan took $took s"; fi
	# The verdicts are check's, which makes no preview.
	expect_json '@j == 2 && (grep { $_->{file} =~ m{/scans\.jpg$} && $_->{verdict} eq "share" } @j)
		&& (grep { $_->{file} =~ m{/zeros\.jpg$} && $_->{verdict} eq "review" } @j)'
	for f in scans zeros; do
		perl -0777 -e 'my $f = shift; my $s = <STDIN>;
			print grep { index($_, "$f.jpg") >= 0 } split /<article /, $s' "$f" \
			<"$E2E_TMP/sheet.html" >"$E2E_TMP/card-$f.html"
	done
	if grep -q 'data-verdict="share"' "$E2E_TMP/card-scans.html" &&
		grep -q '<b>No preview</b> the image is too costly to preview (its 21 scans cover more than 32 million blocks)' \
			"$E2E_TMP/card-scans.html"; then
		ok
	else
		bad "scans.jpg's card: $(head -c 400 "$E2E_TMP/card-scans.html")"
	fi
	if grep -q 'data-verdict="review"' "$E2E_TMP/card-zeros.html" &&
		grep -q '<b>No preview</b> the image is too costly to preview (no image data in the first 1 MiB)' \
			"$E2E_TMP/card-zeros.html"; then
		ok
	else
		bad "zeros.jpg's card: $(head -c 400 "$E2E_TMP/card-zeros.html")"
	fi
else
	fail_setup "make_preview_hostile: $(cat "$E2E_TMP/costly.err")"
fi
rm -rf "$costly"

# ------------------------------------------------------------ on a terminal
if command -v script >/dev/null 2>&1 &&
	timeout 10 script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
	t "on a terminal: progress, colour and the summary"
	timeout 60 script -qec "'$PHOTOCONSENT' --db '$DB' scan --on $ON samples" /dev/null \
		>"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 1
	expect_out "$(printf '\033[1;31mDO NOT SHARE\033[0m')"
	expect_out "31 photos checked"
	# script(1) merges the two streams: the progress line ends up in $OUT.
	# It counts files: the 31 photos and the 2 that are not photos.
	expect_out "33 of 33 files"

	t "JSON to a file from a terminal: the summary on the terminal, none in the data"
	timeout 60 script -qec "'$PHOTOCONSENT' --db '$DB' scan --on $ON --json samples >'$E2E_TMP/tty.json'" \
		/dev/null >"$OUT" 2>"$ERR" </dev/null
	expect_out "31 photos checked"
	if [ "$(grep -c '^{"file"' "$E2E_TMP/tty.json")" -eq 31 ] &&
		! grep -q "$(printf '\033')" "$E2E_TMP/tty.json"; then
		ok
	else
		bad "the JSON file is not 31 clean lines"
	fi
else
	t "progress on a terminal"
	skip "no pseudo-terminal here (script(1) missing, or no /dev/pts): progress not tested"
fi

# ------------------------------------------------------------ unprintable text
if hostile_text_photo "$E2E_TMP/hostile-text.jpg"; then
	t "C1 controls and bidirectional overrides in tags do not reach scan's text or CSV"
	mkdir -p "$E2E_TMP/hostile-text"
	mv "$E2E_TMP/hostile-text.jpg" "$E2E_TMP/hostile-text/"
	scn --no-log --on "$ON" --purpose display "$E2E_TMP/hostile-text"
	expect_status 2
	expect_printable
	expect_said "'Bob ?gpj.exe'"
	scn --no-log --on "$ON" --purpose display --csv "$E2E_TMP/hostile-text"
	expect_status 2
	expect_printable
	expect_out "'Ann?2J': no such pupil"
else
	t "C1 controls and bidirectional overrides in tags do not reach scan's text or CSV"
	skip "exiftool is not installed ('make test' installs it)"
fi

t "scan --csv writes no escape, bell or byte that is not UTF-8 from a file name"
mkdir -p "$E2E_TMP/names"
cp samples/playground-untagged.jpg "$E2E_TMP/names/$(printf 'a\033[31mb\007c\377d\342\200\256').jpg"
scn --no-log --on "$ON" --csv "$E2E_TMP/names"
expect_status 2
expect_printable
"$CSV_TABLE" <"$OUT" >"$E2E_TMP/table" 2>&1 || bad "not a table: $(cat "$E2E_TMP/table")"
if grep -qF "$E2E_TMP/names/a?[31mb?c?d?.jpg	review" "$E2E_TMP/table"; then
	ok
else
	bad "the file's cell is not its name shown printable: $(cat "$E2E_TMP/table")"
fi
t "scan's text and messages show such a file name printable"
scn --no-log --on "$ON" "$E2E_TMP/names"
expect_status 2
expect_printable
expect_out "$E2E_TMP/names/a?[31mb?c?d?.jpg"
scn --no-log --on "$ON" "$E2E_TMP/$(printf 'gone\033[2J\007\377')"
expect_status 66
expect_printable "$ERR"
expect_err "$E2E_TMP/gone?[2J??"

e2e_finish scan
