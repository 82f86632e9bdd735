#!/bin/sh
# End-to-end tests of `photoconsent check`: the verdict on every sample for
# every purpose against the hand-written table verdicts.expected, the
# parent view (no child's name anywhere), exit statuses, colour, the audit
# log, and odd files. Each test that writes starts from a fresh demo
# database in $E2E_TMP, made as `make demo` makes it (build-aux/demo-db.sh).
# Usage: tests/e2e/check.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"
hostile_files

# expect_log_lines N: the audit log of $DB holds N checks, and `log` says
# so (a log that cannot be read is a failure, not 0 checks).
expect_log_lines() {
	timeout 60 "$PHOTOCONSENT" --db "$DB" log >"$E2E_TMP/log.out" 2>&1
	log_status=$?
	n_log=$(grep -c ' e2e-tester ' "$E2E_TMP/log.out")
	if [ "$log_status" -eq 0 ] && [ "$n_log" -eq "$1" ]; then
		ok
	else
		bad "log exited $log_status with $n_log checks, expected $1: $(head -c 600 "$E2E_TMP/log.out")"
	fi
}

# ------------------------------------------------------------ help and usage
t "check --help"
run check --help
expect_status 0
expect_out "usage: photoconsent check [--purpose P] [--as staff|parent] [--on DATE] [--json] [--no-log] FILE..."
expect_no_err
cp "$OUT" "$E2E_TMP/help-check"

t "help check is check --help"
run help check
expect_status 0
expect_same_file "$OUT" "$E2E_TMP/help-check" "differs from check --help"

t "--help lists check"
run --help
expect_out "  check "

t "the man page's synopsis matches check --help"
sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' man/photoconsent.1 | sed 's/\\-/-/g' >"$E2E_TMP/man-synopsis"
sed -n 's/^usage: //p' "$E2E_TMP/help-check" >"$E2E_TMP/synopsis"
if [ -s "$E2E_TMP/synopsis" ] && grep -qxF -f "$E2E_TMP/synopsis" "$E2E_TMP/man-synopsis"; then
	ok
else
	bad "man/photoconsent.1 lacks '$(cat "$E2E_TMP/synopsis")'"
fi
if [ "$(grep -c '^photoconsent check ' "$E2E_TMP/man-synopsis")" -eq 1 ]; then ok; else bad "the man page has another check synopsis"; fi

t "check with no photo: 64"
fresh_demo
chk
expect_status 64
expect_err "no photo given"
expect_err "try 'photoconsent check --help'"

t "check with an unknown option: 64"
chk --frobnicate samples/playground-untagged.jpg
expect_status 64
expect_err "unknown option '--frobnicate'"

t "check --purpose with no value: 64"
chk samples/playground-untagged.jpg --purpose
expect_status 64
expect_err "option '--purpose' needs a value"

t "check --json=yes: 64"
chk --json=yes samples/playground-untagged.jpg
expect_status 64
expect_err "option '--json' takes no value"

t "check --as someone else: 64"
chk --as teacher samples/playground-untagged.jpg
expect_status 64
expect_err "staff or parent"

# ------------------------------------------------------------ data errors
t "an unknown purpose: 65, with the store's message, once"
chk --purpose webiste samples/sports-day-digikam.jpg samples/zoo-trip-gps.jpg
expect_status 65
expect_err "no purpose is called 'webiste' (did you mean 'website'?)"
if [ "$(grep -c . "$ERR")" -eq 1 ]; then ok; else bad "more than one line on stderr"; fi
expect_no_out

t "a bad date: 65, before the database is opened"
run --db "$E2E_TMP/none.db" check --on 2026-02-30 samples/sports-day-digikam.jpg
expect_status 65
expect_err "'2026-02-30' is not a date (YYYY-MM-DD)"

t "no database: 66"
run --db "$E2E_TMP/none.db" check samples/sports-day-digikam.jpg
expect_status 66
expect_err "photoconsent db init"
if [ -e "$E2E_TMP/none.db" ]; then bad "check made a database"; else ok; fi

t "no database, parent view: 66"
run --db "$E2E_TMP/none.db" check --as parent samples/sports-day-digikam.jpg
expect_status 66

# ------------------------------------------------------------ the verdict table
t "every sample, every purpose, as verdicts.expected says"
fresh_demo
: >"$E2E_TMP/verdicts.json"
for p in $PURPOSES; do
	chk --on "$ON" --json --no-log --purpose "$p" samples/*.jpg
	expect_no_crash
	expect_no_err
	cat "$OUT" >>"$E2E_TMP/verdicts.json"
done
expect_lines $((7 * N_SAMPLES)) "$E2E_TMP/verdicts.json"
chk --as parent --on "$ON" --json samples/*.jpg
expect_no_crash
cp "$OUT" "$E2E_TMP/verdicts-parent.json"
expect_lines "$N_SAMPLES" "$E2E_TMP/verdicts-parent.json"
if perl tests/e2e/expect_verdicts.pl tests/e2e/verdicts.expected "$E2E_TMP/verdicts.json" \
	"$E2E_TMP/verdicts-parent.json" samples/*.jpg >"$E2E_TMP/verdicts.log" 2>&1; then
	ok
else
	bad "$(grep -v '^verdicts:' "$E2E_TMP/verdicts.log")"
fi
tail -n 1 "$E2E_TMP/verdicts.log"

t "every staff JSON line has PRODUCT.md's keys, in order"
if [ -s "$E2E_TMP/verdicts.json" ] && perl -MJSON::PP -ne '
	my $j = JSON::PP->new->decode($_);
	my @k = /"(file|verdict|purpose|checked_on|event|people|reasons|warnings)": /g;
	my $top = join " ", grep { !$seen{$_}++ } @k; %seen = ();
	$top eq "file verdict purpose checked_on event people reasons warnings" or die "keys: $top\n";
	$j->{checked_on} eq "2026-11-26" or die "checked_on $j->{checked_on}\n";
	for my $p (@{$j->{people}}) {
		join(" ", sort keys %$p) eq "consent match pupil region sources tag" or die "person keys\n";
	}
	for my $r (@{$j->{reasons}}, @{$j->{warnings}}) {
		length $r->{code} && length $r->{message} or die "an empty reason\n";
	}' "$E2E_TMP/verdicts.json" 2>"$E2E_TMP/perl.err"; then
	ok
else
	bad "$(cat "$E2E_TMP/perl.err")"
fi

t "a denial quotes the purpose's policy sentence"
chk --on "$ON" --json --no-log samples/sports-day-digikam.jpg
policy=$("$PHOTOCONSENT" --db "$DB" purpose list | sed -n '/^website /,/policy:/s/.*policy: //p' | head -n 1 | cut -c1-40)
if [ -n "$policy" ]; then expect_out "$policy"; else bad "no policy sentence for website"; fi

t "the parent JSON line has its keys, in order, and reasons with no child's state"
if [ -s "$E2E_TMP/verdicts-parent.json" ] && perl -MJSON::PP -ne '
	my $j = JSON::PP->new->decode($_);
	my $top = join " ", /"(file|verdict|purpose|checked_on|children|blocking|reasons)": /g;
	$top eq "file verdict purpose checked_on children blocking reasons" or die "keys: $top\n";
	!/"(people|warnings|event|tag|pupil|consent)":/ or die "a staff key: $_";
	for my $r (@{$j->{reasons}}) {
		$r->{code} !~ /^(consent-|no-photo|pupil-left)/ or die "code $r->{code}\n";
	}' "$E2E_TMP/verdicts-parent.json" 2>"$E2E_TMP/perl.err"; then
	ok
else
	bad "$(cat "$E2E_TMP/perl.err")"
fi

# ------------------------------------------------------------ the parent view
# Every sample and purpose, text and JSON, plus a file that is not a JPEG
# and one that is missing: stdout and stderr hold no pupil's name (any
# part of it, whole, surname first, preferred, alias, with or without its
# accents) and no pupil id. The file names the command was given are taken
# out first: they are the parent's own words.
t "the parent view names no child"
printf 'Amy Jones was here\n' >"$E2E_TMP/Amy Jones notes.jpg"
: >"$E2E_TMP/parent.out"
for p in $PURPOSES; do
	for json in "" --json; do
		chk --as parent $json --on "$ON" --purpose "$p" samples/*.jpg \
			"$E2E_TMP/Amy Jones notes.jpg" "$E2E_TMP/Isla Taylor missing.jpg"
		expect_no_crash
		cat "$OUT" "$ERR" >>"$E2E_TMP/parent.out"
	done
done
# 7 purposes, text and JSON: each run judged every sample.
if [ "$(grep -c 'samples/.*\.jpg' "$E2E_TMP/parent.out")" -ge $((14 * N_SAMPLES)) ]; then
	ok
else
	bad "the parent view judged fewer photos than it was given"
fi
if [ -s "$E2E_TMP/parent.out" ] && perl -CSD -Mutf8 -MUnicode::Normalize -e '
	my ($csv, $out, @files) = @ARGV;
	my %ascii = qw(Ł L ł l Ø O ø o Đ D đ d);
	sub plain { my $s = NFD(shift); $s =~ s/\p{Mn}//g; $s =~ s/([ŁłØøĐđ])/$ascii{$1}/g; return $s }
	open my $c, "<:encoding(UTF-8)", $csv or die; my @head = split /,/, scalar <$c>;
	my %words;
	while (<$c>) {
		chomp; my @f = split /,/, $_, -1; my %r; @r{@head} = @f;
		my @n = ($r{pupil_id}, $r{forename}, $r{surname}, "$r{forename} $r{surname}",
			"$r{surname}, $r{forename}", grep { length } ($r{preferred_name}, split /;/, $r{aliases}));
		$words{$_} = 1 for grep { length } map { ($_, plain($_)) } @n;
	}
	open my $o, "<:encoding(UTF-8)", $out or die; local $/; my $text = <$o>;
	for my $f (@files) { utf8::decode($f); $text =~ s/\Q$f\E//g }
	my @hit = grep { $text =~ /(?<![\w])\Q$_\E(?![\w])/i } sort keys %words;
	print "names or ids in the parent view: @hit\n" if @hit;
	exit(@hit ? 1 : 0);' consent-db/demo.csv "$E2E_TMP/parent.out" samples/*.jpg \
	"$E2E_TMP/Amy Jones notes.jpg" "$E2E_TMP/Isla Taylor missing.jpg" >"$E2E_TMP/names.log" 2>&1; then
	ok
else
	bad "$(cat "$E2E_TMP/names.log")"
fi
if grep -q "could not be read" "$E2E_TMP/parent.out"; then ok; else bad "no 'could not be read' for the missing file"; fi

t "the parent view: a count, not a name"
# Oliver Smith refused the website; Amy Jones agreed. The tags in the
# file are a warning that names no one.
chk --as parent --on "$ON" --purpose website samples/sports-day-digikam.jpg
expect_status 1
expect_stdout <<'EOF'
DO NOT SHARE  samples/sports-day-digikam.jpg  (website)
    1 child in this photo has not agreed to this use
    warning: the photo's details name the people in it
EOF
# Zoë Brown and Freya Roberts both refused parent-social, the default
# purpose for parents; their tags are in the sidecar only.
chk --as parent --on "$ON" samples/zoo-trip-darktable.jpg
expect_status 1
expect_stdout <<'EOF'
DO NOT SHARE  samples/zoo-trip-darktable.jpg  (parent-social)
    2 children in this photo have not agreed to this use
EOF
chk --as parent --on "$ON" samples/sports-day-lightroom.jpg
expect_status 0
expect_stdout <<'EOF'
SHARE         samples/sports-day-lightroom.jpg  (parent-social)
    you may post this photo
    warning: the photo's details name the people in it
EOF
t "the parent JSON line: the verdict and the counts, no more"
chk --as parent --on "$ON" --json samples/sports-day-digikam.jpg samples/zoo-trip-darktable.jpg
expect_status 1
expect_stdout <<'EOF'
{"file": "samples/sports-day-digikam.jpg", "verdict": "share", "purpose": "parent-social", "checked_on": "2026-11-26", "children": 2, "blocking": 0, "reasons": []}
{"file": "samples/zoo-trip-darktable.jpg", "verdict": "do-not-share", "purpose": "parent-social", "checked_on": "2026-11-26", "children": 2, "blocking": 2, "reasons": [{"code": "not-agreed", "message": "2 children in this photo have not agreed to this use"}]}
EOF

t "the parent view of a file that is not a JPEG says nothing from inside it"
printf 'Amy Jones, 2208, refused\n' >"$E2E_TMP/text.jpg"
chk --as parent --json "$E2E_TMP/text.jpg"
expect_status 2
expect_json '$j[0]{verdict} eq "review" && $j[0]{children} == 0'
expect_no_err

# ------------------------------------------------------------ exit statuses
t "every photo may be shared: 0"
chk --on "$ON" --no-log samples/sports-day-lightroom.jpg samples/zoo-trip-orientation-6.jpg
expect_status 0
expect_no_err

t "one photo may not be shared: 1"
chk --on "$ON" --no-log samples/sports-day-lightroom.jpg samples/sports-day-digikam.jpg samples/playground-untagged.jpg
expect_status 1

# Each photo's verdict, its reasons (a denial quoting the purpose's
# policy), who is in it and how each name matched, the event, and the
# warnings, wrapped to 80 columns; a blank line between photos, and the
# count last.
t "several photos: the text report of each, and a count last"
expect_stdout <<'EOF'
SHARE         samples/sports-day-lightroom.jpg  (website)
    people: Chloe Davies (granted), Leo Walker (granted)
    event:  Sports Day 2026
    warning: the file's metadata names 'Chloe Davies', 'Leo Walker': publish an
             exported copy, which strips them

DO NOT SHARE  samples/sports-day-digikam.jpg  (website)
    Oliver Smith (2217) has refused consent for the school website: The school
      publishes photos of pupils on its website only with each pictured child's
      parent's consent.
    people: Amy Jones (granted), Oliver Smith (refused)
    event:  Sports Day 2026
    warning: the file's metadata names 'Amy Jones', 'Oliver Smith': publish an
             exported copy, which strips them

REVIEW        samples/playground-untagged.jpg  (website)
    the photo has no people tags; untagged is not the same as nobody in it
    people: none tagged

3 photos (website): 1 share, 1 do not share, 1 review
EOF

t "one photo needs review, none refused: 2"
chk --on "$ON" --no-log samples/sports-day-lightroom.jpg samples/playground-untagged.jpg
expect_status 2

t "a missing file among good ones: the others are judged, 66"
chk --on "$ON" --no-log --json samples/sports-day-digikam.jpg "$E2E_TMP/no-such.jpg" samples/sports-day-lightroom.jpg
expect_status 66
expect_err "photoconsent: cannot read '$E2E_TMP/no-such.jpg': "
expect_err "No such file or directory"
expect_json '@j == 2 && $j[0]{file} eq "samples/sports-day-digikam.jpg" && $j[1]{file} eq "samples/sports-day-lightroom.jpg"'
chk --on "$ON" --no-log samples/sports-day-lightroom.jpg "$E2E_TMP/no-such.jpg"
expect_status 66
expect_line "2 photos (website): 1 share, 0 do not share, 0 review, 1 could not be read"

t "a folder is not a photo: 66, and check points to scan"
chk --no-log samples
expect_status 66
expect_err "'samples' is a folder: to judge every photo in it, run 'photoconsent scan samples'"

t "a file that is not a JPEG is review (unreadable)"
chk --on "$ON" --no-log --json "$E2E_TMP/text.jpg"
expect_status 2
expect_json '$j[0]{verdict} eq "review" && grep { $_->{code} eq "unreadable" } @{$j[0]{reasons}}'

t "staff-personal on a file that is not a JPEG: do not share"
chk --on "$ON" --no-log --json --purpose staff-personal "$E2E_TMP/text.jpg"
expect_status 1
expect_json '$j[0]{verdict} eq "do-not-share" && grep { $_->{code} eq "always-denied" } @{$j[0]{reasons}}'

t "hostile files: review, no crash"
n=0
for f in "$HOSTILE"/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	chk --no-log --json "$f"
	expect_no_crash
done
if [ "$n" -eq "$n_hostile" ]; then ok; else bad "$n hostile files checked of $n_hostile"; fi
chk --no-log --json "$HOSTILE"/*
expect_no_crash
expect_json "@j == $n_hostile"' && grep({ $_->{verdict} eq "review" } @j) == @j'

# ------------------------------------------------------------ defaults
t "the staff default is website, today"
chk --no-log --json samples/sports-day-digikam.jpg
expect_json "\$j[0]{purpose} eq 'website' && \$j[0]{checked_on} eq '$(date +%Y-%m-%d)'"

t "the parent default is parent-social"
chk --as parent --json samples/sports-day-digikam.jpg
expect_json '$j[0]{purpose} eq "parent-social"'

t "options may follow the files"
chk samples/sports-day-digikam.jpg --purpose newsletter --no-log --on "$ON"
expect_status 0
expect_out "(newsletter)"

# ------------------------------------------------------------ the text report
t "the staff text report: verdict, reasons, people, event"
chk --on "$ON" --no-log samples/sports-day-digikam.jpg
expect_status 1
# One photo: no count line.
expect_stdout <<'EOF'
DO NOT SHARE  samples/sports-day-digikam.jpg  (website)
    Oliver Smith (2217) has refused consent for the school website: The school
      publishes photos of pupils on its website only with each pictured child's
      parent's consent.
    people: Amy Jones (granted), Oliver Smith (refused)
    event:  Sports Day 2026
    warning: the file's metadata names 'Amy Jones', 'Oliver Smith': publish an
             exported copy, which strips them
EOF
expect_no_escape

t "the staff JSON line, as PRODUCT.md spells it"
# Chloe Davies (2105) and Leo Walker (2115), both granted, each tagged by
# an MWG region, the leaf in dc:subject, People|Year 4|... and IPTC
# Keywords; the event by its Events| keyword. The regions as
# samples/README.md gives them.
chk --on "$ON" --no-log --json samples/sports-day-lightroom.jpg
expect_status 0
expect_stdout <<'EOF'
{"file": "samples/sports-day-lightroom.jpg", "verdict": "share", "purpose": "website", "checked_on": "2026-11-26", "event": {"id": "sports-day-2026", "name": "Sports Day 2026", "matched_by": "keyword"}, "events": [{"id": "sports-day-2026", "name": "Sports Day 2026", "matched_by": "keyword"}], "people": [{"tag": "Chloe Davies", "sources": ["mwg-region", "xmp-keyword", "lr-hierarchical", "iptc-keyword"], "pupil": "2105", "match": "exact", "consent": "granted", "region": {"x": 0.15, "y": 0.2, "w": 0.15, "h": 0.2}}, {"tag": "Leo Walker", "sources": ["mwg-region", "xmp-keyword", "lr-hierarchical", "iptc-keyword"], "pupil": "2115", "match": "exact", "consent": "granted", "region": {"x": 0.55, "y": 0.25, "w": 0.15, "h": 0.2}}], "reasons": [], "warnings": [{"code": "names-in-metadata", "message": "the file's metadata names 'Chloe Davies', 'Leo Walker': publish an exported copy, which strips them"}]}
EOF

t "the staff text report: how names matched"
chk --on "$ON" --no-log --purpose newsletter samples/nativity-name-variants.jpg
expect_status 2
expect_line "REVIEW        samples/nativity-name-variants.jpg  (newsletter)"
expect_said "people: Katherine Smith as 'Katie Smith' (granted), Amy Jones as 'Jones, Amy' (granted), 'Grace Hall' (no such pupil), 'Jack Green' (several pupils)"
expect_out "    event:  Nativity Play 2025 (by the date taken)"
expect_said "'Grace Hall' matches no pupil"

t "a crowd: the first few, how many more, how many unnamed"
chk --on "$ON" --no-log samples/whole-school-extended-xmp.jpg
expect_said ", and 10 more; 224 unnamed faces"

t "no line is wider than 80 columns"
chk --on "$ON" --no-log samples/*.jpg
expect_status 1
if [ -s "$OUT" ] && perl -CSD -ne 'exit 1 if length($_) > 81' "$OUT"; then ok; else bad "a line wider than 80 columns"; fi

# ------------------------------------------------------------ colour
t "no colour when stdout is not a terminal"
chk --on "$ON" --no-log samples/sports-day-digikam.jpg samples/sports-day-lightroom.jpg samples/playground-untagged.jpg
expect_status 1
expect_no_escape

# script(1) gives the command a terminal, when the machine can make one (a
# chroot without /dev/pts cannot); its output lands in $OUT.
if command -v script >/dev/null 2>&1 &&
	timeout 10 script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
	tty_run() {
		timeout 60 script -qec "$*" /dev/null >"$OUT" 2>"$ERR" </dev/null
		status=$?
	}
	t "colour on a terminal: red, green, yellow"
	tty_run "TERM=xterm '$PHOTOCONSENT' --db '$DB' check --on $ON --no-log samples/sports-day-digikam.jpg samples/sports-day-lightroom.jpg samples/playground-untagged.jpg"
	expect_status 1
	expect_out "$(printf '\033[1;31mDO NOT SHARE\033[0m')"
	expect_out "$(printf '\033[1;32mSHARE\033[0m')"
	expect_out "$(printf '\033[1;33mREVIEW\033[0m')"

	t "NO_COLOR on a terminal: no colour"
	tty_run "NO_COLOR=1 '$PHOTOCONSENT' --db '$DB' check --on $ON --no-log samples/sports-day-digikam.jpg"
	expect_status 1
	expect_out "DO NOT SHARE"
	expect_no_escape

	t "TERM=dumb: no colour"
	tty_run "TERM=dumb '$PHOTOCONSENT' --db '$DB' check --on $ON --no-log samples/sports-day-digikam.jpg"
	expect_status 1
	expect_out "DO NOT SHARE"
	expect_no_escape
	tty_run "TERM=dumb '$PHOTOCONSENT' --db '$DB' scan --on $ON samples"
	expect_out "DO NOT SHARE"
	expect_no_escape

	t "JSON on a terminal: no colour"
	tty_run "'$PHOTOCONSENT' --db '$DB' check --json --no-log samples/sports-day-digikam.jpg"
	expect_out '{"file": "samples/sports-day-digikam.jpg", "verdict": "do-not-share"'
	expect_no_escape
else
	t "colour on a terminal"
	skip "no pseudo-terminal here (script(1) missing, or no /dev/pts): colour on a terminal not tested"
fi

# ------------------------------------------------------------ the audit log
t "each staff check is logged, once"
fresh_demo
chk --on "$ON" samples/sports-day-digikam.jpg samples/playground-untagged.jpg
expect_status 1
expect_no_err
expect_log_lines 2
if grep -q "e2e-tester  check  website  judged as of $ON  do-not-share  $(pwd -P)/samples/sports-day-digikam.jpg" "$E2E_TMP/log.out"; then
	ok
else
	bad "no log line for sports-day-digikam: $(cat "$E2E_TMP/log.out")"
fi
if grep -q "review  $(pwd -P)/samples/playground-untagged.jpg" "$E2E_TMP/log.out"; then ok; else bad "no review line"; fi

t "--no-log and the parent view write nothing"
chk --no-log samples/sports-day-digikam.jpg
chk --as parent samples/sports-day-digikam.jpg
chk --as parent --purpose website --json samples/sports-day-digikam.jpg
expect_log_lines 2

t "a file that could not be opened is not logged"
chk "$E2E_TMP/no-such.jpg"
expect_status 66
expect_log_lines 2

# A read-only database: still judged, one warning, nothing logged. Root
# ignores file modes, so as root the command runs as nobody (setpriv), as
# db.sh does; without setpriv the test is skipped.
t "a read-only database: judged, with one warning"
fresh_demo
ro_dir=$E2E_TMP/ro-check
mkdir -p "$ro_dir"
cp "$DB" "$ro_dir/demo.db"
chmod 444 "$ro_dir/demo.db"
if unprivileged "$ro_dir"; then
	cp "$ro_dir/demo.db" "$E2E_TMP/ro-check.copy"
	# shellcheck disable=SC2086 # $as_unprivileged is a command and its options
	timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$ro_dir/demo.db" check --on "$ON" \
		samples/sports-day-digikam.jpg samples/sports-day-lightroom.jpg >"$OUT" 2>"$ERR"
	status=$?
	expect_status 1
	expect_out "DO NOT SHARE  samples/sports-day-digikam.jpg"
	expect_out "SHARE         samples/sports-day-lightroom.jpg"
	expect_err "audit log"
	if [ "$(grep -c . "$ERR")" -eq 1 ] && grep -q "audit log" "$ERR"; then ok; else bad "not one warning: $(cat "$ERR")"; fi
	expect_same_file "$ro_dir/demo.db" "$E2E_TMP/ro-check.copy" "the read-only database changed"
else
	skip "running as root without setpriv: file modes do not stop root"
fi
chmod 700 "$E2E_TMP"

# ------------------------------------------------------------ odd file names
t "JSON stays valid whatever the file name holds"
weird="$E2E_TMP/quote\"back\\slash	tab.jpg"
cp samples/sports-day-digikam.jpg "$weird"
chk --json --no-log "$weird"
expect_status 1
if perl -MJSON::PP -e 'my $j = JSON::PP->new->decode(scalar <STDIN>);
	exit($j->{file} eq $ARGV[0] && $j->{verdict} eq "do-not-share" ? 0 : 1)' "$weird" <"$OUT"; then
	ok
else
	bad "the file name did not survive the JSON round trip"
fi
chk --as parent --json "$weird"
if perl -MJSON::PP -e 'my $j = JSON::PP->new->decode(scalar <STDIN>);
	exit($j->{file} eq $ARGV[0] ? 0 : 1)' "$weird" <"$OUT"; then
	ok
else
	bad "the file name did not survive the parent JSON round trip"
fi

t "a file name that is not UTF-8 still gives valid JSON"
latin1="$E2E_TMP/$(printf 'caf\351').jpg"
cp samples/sports-day-lightroom.jpg "$latin1"
chk --json --no-log "$latin1"
expect_status 0
if perl -MJSON::PP -e 'JSON::PP->new->utf8->decode(scalar <STDIN>)' <"$OUT" 2>/dev/null; then
	ok
else
	bad "not valid UTF-8 JSON"
fi

t "a file name with control characters does not reach the terminal"
ctl="$E2E_TMP/$(printf 'bell\007esc\033[31m').jpg"
cp samples/sports-day-lightroom.jpg "$ctl"
chk --no-log "$ctl"
expect_status 0
expect_no_escape

if hostile_text_photo "$E2E_TMP/hostile-text.jpg"; then
	t "C1 controls and bidirectional overrides in tags do not reach check's text"
	chk --no-log --on "$ON" --purpose display "$E2E_TMP/hostile-text.jpg"
	expect_status 2
	expect_printable
	expect_said "'Ann?2J' (no such pupil)"
	expect_said "'Bob ?gpj.exe' (no such pupil)"
	chk --no-log --on "$ON" --purpose display --as parent "$E2E_TMP/hostile-text.jpg"
	expect_status 2
	expect_printable

	t "check --json keeps the tags exactly, escaped"
	chk --no-log --on "$ON" --purpose display --json "$E2E_TMP/hostile-text.jpg"
	expect_status 2
	expect_printable
	expect_json '(grep { ($_->{tag} // "") eq "Bob \x{202e}gpj.exe" } @{$j[0]{people}}) &&
		(grep { ($_->{tag} // "") eq "Ann\x{9b}2J" } @{$j[0]{people}})'
else
	t "C1 controls and bidirectional overrides in tags do not reach check's text"
	skip "exiftool is not installed ('make test' installs it)"
fi

t "check's messages name a file from the command line without its escapes"
chk --no-log "$E2E_TMP/$(printf 'gone\033[2J\007\377\302\233\342\200\256').jpg"
expect_status 66
expect_printable "$ERR"
expect_err "$E2E_TMP/gone?[2J????.jpg"

# ------------------------------------------------------------ memory
# Valgrind cannot run a sanitizer build, which checks memory itself.
if grep -q -a __asan_init "$PHOTOCONSENT" 2>/dev/null; then
	t "valgrind: check"
	skip "a sanitizer build checks its own memory"
elif command -v valgrind >/dev/null 2>&1; then
	for mode in "" "--json" "--as parent" "--as parent --json"; do
		t "valgrind: check $mode over every sample"
		# shellcheck disable=SC2086 # $mode is options
		valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
			--error-exitcode=99 --log-file="$E2E_TMP/valgrind.log" \
			"$PHOTOCONSENT" --db "$DB" check $mode --no-log --purpose press samples/*.jpg \
			"$E2E_TMP/text.jpg" "$E2E_TMP/no-such.jpg" >"$OUT" 2>"$ERR"
		status=$?
		if [ "$status" -ne 99 ] && [ ! -s "$E2E_TMP/valgrind.log" ]; then
			ok
		else
			bad "valgrind (status $status): $(head -c 1500 "$E2E_TMP/valgrind.log")"
		fi
	done
else
	t "valgrind: check"
	skip "valgrind not installed"
fi

e2e_finish check
