#!/bin/sh
# End-to-end tests of `photoconsent inspect` and of the command line every
# command shares: --version, --help, usage errors, each command's --help
# against the man page's SYNOPSIS, odd file names.
# Usage: tests/e2e/inspect.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"
# inspect reads the school's person roots from a database when there is
# one: these tests read the samples with the defaults.
PHOTOCONSENT_DB=$E2E_TMP/no-database.db
export PHOTOCONSENT_DB

# ------------------------------------------------------------ command line
t "version"
run --version
expect_status 0
expect_out "photoconsent 0.1.0"

t "help lists inspect"
run --help
expect_status 0
expect_out "inspect"

t "inspect --help"
run inspect --help
expect_status 0
expect_out "usage: photoconsent inspect"
cp "$OUT" "$E2E_TMP/help1"

t "help inspect is inspect --help"
run help inspect
expect_status 0
expect_same_file "$OUT" "$E2E_TMP/help1" "differs from inspect --help"

t "inspect with no file"
run inspect
expect_status 64
expect_err "try 'photoconsent inspect --help'"

t "inspect with an unknown option"
run inspect --frobnicate samples/playground-untagged.jpg
expect_status 64
expect_err "unknown option '--frobnicate'"

t "inspect --person-root with no value"
run inspect --person-root
expect_status 64
expect_err "photoconsent: option '--person-root' needs a value"
expect_err "try 'photoconsent inspect --help'"

t "inspect --json=yes"
run inspect --json=yes samples/playground-untagged.jpg
expect_status 64
expect_err "photoconsent: option '--json' takes no value"

t "inspect takes its options before the photos"
run inspect samples/playground-untagged.jpg --json
expect_status 66
expect_err "'--json': cannot open"

t "unknown command"
run frobnicate
expect_status 64
expect_err "'frobnicate' is not a command"

t "--db may stand before the command"
run --db /nonexistent.db inspect --json samples/playground-untagged.jpg
expect_status 0

t "a missing file is exit 66 and the others are still read"
run inspect --json no-such-photo.jpg samples/playground-untagged.jpg
expect_status 66
expect_err "'no-such-photo.jpg': cannot open: No such file or directory"
expect_json '@j == 2 && $j[0]{errors}[0] =~ /cannot open/ && $j[1]{file} eq "samples/playground-untagged.jpg"'

t "a folder is not a photo"
run inspect samples
expect_status 66
expect_err "it is a folder"

t "a FIFO is reported, not waited on"
mkfifo "$E2E_TMP/pipe.jpg"
run inspect "$E2E_TMP/pipe.jpg"
expect_status 66
expect_err "not a regular file"

t "JSON stays valid whatever the file name holds"
weird="$E2E_TMP/quote\"back\\slash	tab.jpg"
cp samples/playground-untagged.jpg "$weird"
run inspect --json "$weird"
expect_status 0
if perl -MJSON::PP -e 'my $j = JSON::PP->new->decode(scalar <STDIN>);
	exit($j->{file} eq $ARGV[0] ? 0 : 1)' "$weird" <"$OUT"; then
	ok
else
	bad "the file name did not survive the JSON round trip"
fi

# The man page's SYNOPSIS is, line for line and in order, every usage line
# of every command, as the commands' option tables print them (the hidden
# --usage-lines): an option added to a table and not to the man page fails
# here. And each command's --help shows exactly its own usage lines.
t "the man page's SYNOPSIS is every command's usage lines"
sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' man/photoconsent.1 | sed -n 's/\\-/-/g; /^photoconsent/p' \
	>"$E2E_TMP/man-synopsis"
run --usage-lines
expect_status 0
expect_no_err
cp "$OUT" "$E2E_TMP/usage-lines"
# Line by line first, to name what is missing where.
while IFS= read -r line; do
	if grep -qxF -- "$line" "$E2E_TMP/man-synopsis"; then ok; else bad "man/photoconsent.1 lacks '$line'"; fi
done <"$E2E_TMP/usage-lines"
while IFS= read -r line; do
	if grep -qxF -- "$line" "$E2E_TMP/usage-lines"; then
		ok
	else
		bad "the man page's '$line' is no command's usage line"
	fi
done <"$E2E_TMP/man-synopsis"
if [ "$(wc -l <"$E2E_TMP/usage-lines")" -gt 20 ] &&
	cmp -s "$E2E_TMP/usage-lines" "$E2E_TMP/man-synopsis"; then
	ok
else
	bad "man/photoconsent.1's SYNOPSIS is not --usage-lines: $(diff "$E2E_TMP/man-synopsis" "$E2E_TMP/usage-lines")"
fi
for c in check scan inspect db pupil purpose consent event log; do
	t "$c --help shows its usage lines"
	run "$c" --help
	expect_status 0
	expect_no_err
	sed -n -e 's/^usage: //p' -e 's/^   or: //p' "$OUT" >"$E2E_TMP/synopsis"
	grep "^photoconsent $c " "$E2E_TMP/usage-lines" >"$E2E_TMP/lines"
	if [ -s "$E2E_TMP/lines" ] && cmp -s "$E2E_TMP/synopsis" "$E2E_TMP/lines"; then
		ok
	else
		bad "$c --help's usage lines are not those of --usage-lines"
	fi
done

t "JSON stays valid UTF-8 for a file name that is not"
latin1=$(printf '%s/caf\351.jpg' "$E2E_TMP")
cp samples/playground-untagged.jpg "$latin1"
run inspect --json "$latin1"
expect_status 0
expect_json '$j[0]{file} =~ /caf\x{fffd}\.jpg$/'

# ------------------------------------------------------------ unprintable text
if hostile_text_photo "$E2E_TMP/hostile-text.jpg"; then
	t "C1 controls and bidirectional overrides in tags do not reach inspect's text"
	run inspect "$E2E_TMP/hostile-text.jpg"
	expect_status 0
	expect_printable
	expect_out "People/Ann?2J"
	expect_out "Bob ?gpj.exe"
	expect_out '"cap?tion"'

	t "inspect --json keeps the text exactly, escaped: one strict line, no raw control"
	run inspect --json "$E2E_TMP/hostile-text.jpg"
	expect_status 0
	expect_printable
	expect_lines 1 "$OUT"
	expect_out '\u009b'
	expect_out '\u202e'
	expect_out '"caption": "cap\u2028tion"'
	expect_json '$j[0]{caption} eq "cap\x{2028}tion" &&
		(grep { ($_->{name} // "") eq "Bob \x{202e}gpj.exe" } @{$j[0]{people}}) &&
		(grep { ($_->{name} // "") eq "Ann\x{9b}2J" } @{$j[0]{people}})'
else
	t "C1 controls and bidirectional overrides in tags do not reach inspect's text"
	skip "exiftool is not installed ('make test' installs it)"
fi

t "a file name with a line end and escapes is one line of inspect's text"
named=$(printf '%s/x\nSHARE  evil\033[2J\007\377' "$E2E_TMP")
cp samples/playground-untagged.jpg "$named.jpg"
run inspect "$named.jpg"
expect_status 0
expect_printable
expect_line "$E2E_TMP/x?SHARE  evil?[2J??.jpg"
expect_no_match '^SHARE'

t "inspect's messages name a file from the command line without its escapes"
run inspect "$named.missing"
expect_status 66
expect_printable "$ERR"
expect_err "$E2E_TMP/x?SHARE  evil?[2J??.missing"

e2e_finish inspect
