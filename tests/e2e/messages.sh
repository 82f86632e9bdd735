#!/bin/sh
# End-to-end tests of what a person reads: scan's text shows under each
# photo every reason and warning check gives it, wrapped as check wraps
# them, with the purpose's policy said once; and the messages for what was
# tried and found wanting say what to do.
# Usage: tests/e2e/messages.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

fresh_demo

# scan_blocks FILE: scan's text records as "path<TAB>line" a line each,
# each wrapped line joined back to the one it continues.
scan_blocks() {
	perl -CSD -ne '
		chomp;
		if (/^(SHARE|DO NOT SHARE|REVIEW) +(\S.*)$/) { $file = $2; next }
		last if /^$/;
		next unless defined $file;
		if (/^ {14}(\S.*)$/) { push @l, [$file, $1]; next }
		if (/^ {16,}(\S.*)$/ && @l) { $l[-1][1] .= " $1"; next }
		END { print "$_->[0]\t$_->[1]\n" for @l }' "$1"
}

t "scan's text shows each photo's reasons and warnings, as check gives them"
run --db "$DB" scan --on "$ON" samples
expect_status 1
cp "$OUT" "$E2E_TMP/scan.text"
scan_blocks "$E2E_TMP/scan.text" | sort >"$E2E_TMP/scan.lines"
run --db "$DB" check --on "$ON" --no-log --json samples/*.jpg
policy=$(perl -MJSON::PP -ne '
	my $j = decode_json($_);
	for my $r (@{$j->{reasons}}) { print "$1\n" if $r->{message} =~ /: (The school publishes .*)$/ }' "$OUT" |
	sort -u)
POLICY=$policy perl -MJSON::PP -CSD -ne '
	my $j = JSON::PP->new->decode($_);
	for my $r (@{$j->{reasons}}) {
		(my $m = $r->{message}) =~ s/: \Q$ENV{POLICY}\E$//;
		print "$j->{file}\t$m\n";
	}
	print "$j->{file}\twarning: $_->{message}\n" for @{$j->{warnings}};' "$OUT" |
	sort >"$E2E_TMP/check.lines"
if [ -s "$E2E_TMP/check.lines" ] && cmp -s "$E2E_TMP/check.lines" "$E2E_TMP/scan.lines"; then
	ok
else
	bad "$(diff "$E2E_TMP/check.lines" "$E2E_TMP/scan.lines" | head -20)"
fi
t "scan's text shows the GPS warning under its photo"
if grep -q "^samples/zoo-trip-gps.jpg	warning: the photo carries a GPS position" "$E2E_TMP/scan.lines"
then ok; else bad "no GPS warning for zoo-trip-gps.jpg"; fi
t "scan's text fits 80 columns but for a long file name"
if [ -s "$E2E_TMP/scan.text" ] &&
	perl -CSD -ne 'exit 1 if length($_) > 81 && !/^(SHARE|DO NOT|REVIEW)/' "$E2E_TMP/scan.text"
then ok; else bad "a line wider than 80 columns"; fi
t "scan's text says the purpose's policy once, in the summary"
if [ -n "$policy" ] && [ "$(grep -c "The school publishes" "$E2E_TMP/scan.text")" -eq 1 ] &&
	grep -A1 "^The school's policy for website" "$E2E_TMP/scan.text" | grep -q "The school publishes"
then ok; else bad "the policy is not said once: $(grep -c "The school publishes" "$E2E_TMP/scan.text") times"; fi

# ------------------------------------------------------------ messages
t "an unknown purpose suggests the nearest"
run --db "$DB" scan --purpose socail samples
expect_status 65
expect_err "no purpose is called 'socail' (did you mean 'social'?)"
run --db "$DB" consent grant 2208 webiste
expect_status 65
expect_err "(did you mean 'website'?)"
t "an unknown purpose with none near suggests none"
run --db "$DB" scan --purpose billboard samples
expect_err "no purpose is called 'billboard'; 'photoconsent purpose list' shows them"

t "withdrawing a consent that was never given says so"
run --db "$DB" consent withdraw 2208 press --on 2026-11-01
expect_status 0
expect_out "recorded: 2208 press withdrawn from 2026-11-01"
expect_no_match "^note: there was no consent to withdraw"
run --db "$DB" consent withdraw 2208 press --on 2026-11-02
expect_status 0
expect_out "note: there was no consent to withdraw: 2208 press was withdrawn"
# 2501's display consent was refused in the demo MIS export.
run --db "$DB" consent withdraw 2501 display
expect_out "note: there was no consent to withdraw: 2501 display was refused"
expect_out "recorded: 2501 display withdrawn"

t "a database another user cannot open: permission denied, and whose it is"
if unprivileged "$E2E_TMP"; then
	chmod 600 "$DB"
	timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$DB" pupil list >"$OUT" 2>"$ERR"
	status=$?
	expect_status 66
	expect_err "cannot open '$DB': permission denied; it belongs to $(id -un) (mode 0600)"
else
	skip "root without setpriv: a file's mode does not stop root"
fi

# ------------------------------------------------------------ file names
# A name from the command line holds whatever bytes it was given: each
# message shows it with '?' for each character a terminal would obey
# and each byte that is not UTF-8.
gone="$E2E_TMP/$(printf 'gone\033[2J\007\r\377\302\233\342\200\256\nSHARE')"
shown="$E2E_TMP/gone?[2J??????SHARE"
for cmd in "check --no-log" "scan --no-log" "inspect" "db import"; do
	t "$cmd names a file that cannot be opened without its escapes"
	# shellcheck disable=SC2086 # $cmd is a command and its options
	rdb $cmd "$gone"
	expect_status 66
	expect_printable "$ERR"
	expect_err "$shown"
	if grep -q '^SHARE' "$ERR"; then bad "a line of stderr starts with the file's name"; else ok; fi
done
t "a database named with escapes is named without them"
run --db "$gone" pupil list
expect_no_crash
expect_printable "$ERR"

e2e_finish messages
