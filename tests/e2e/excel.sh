#!/bin/sh
# End-to-end tests of the MIS import of files as Excel saves them
# (tests/e2e/excel/README.md): each imports to the same pupils and the same
# consent records as its UTF-8 twin, and what cannot be read is refused
# with a message that says what to do.
# Usage: tests/e2e/excel.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

XL=tests/e2e/excel
XL_IDS="3001 3002 3003 3004 3005"

# xl_import NAME FILE: imports FILE, copied as mis.csv (so that every
# record's note names the same file), into a new database
# $E2E_TMP/xl-NAME/consent.db; the command's output is in $OUT.
xl_import() {
	mkdir -p "$E2E_TMP/xl-$1"
	cp "$2" "$E2E_TMP/xl-$1/mis.csv"
	PHOTOCONSENT_DB=$E2E_TMP/xl-$1/consent.db
	export PHOTOCONSENT_DB
	run db init
	run db import "$E2E_TMP/xl-$1/mis.csv"
}

# xl_dump NAME: `pupil list` and every pupil's `consent history`, with the
# minute each record was made taken out (the imports run seconds apart).
# A command that fails says so in the dump, which then matches no twin.
xl_dump() {
	PHOTOCONSENT_DB=$E2E_TMP/xl-$1/consent.db
	export PHOTOCONSENT_DB
	{
		timeout 60 "$PHOTOCONSENT" pupil list || echo "FAILED: pupil list, exit status $?"
		for id in $XL_IDS; do
			timeout 60 "$PHOTOCONSENT" pupil show "$id" >"$E2E_TMP/xl-show" ||
				echo "FAILED: pupil show $id, exit status $?"
			sed -n '1p;/no_photo:/,$p' "$E2E_TMP/xl-show"
			timeout 60 "$PHOTOCONSENT" consent history "$id" || echo "FAILED: consent history $id, exit status $?"
		done
	} 2>&1 | sed 's/recorded [0-9-]* [0-9:]* by/recorded (when) by/' >"$E2E_TMP/xl-$1.dump"
}

t "excel: the UTF-8 export imports"
xl_import twin "$XL/mis-utf8.csv"
expect_status 0
t "excel: the UTF-8 export is read without a note"
expect_out "5 rows: 5 pupils added"
expect_no_match '^note:'
xl_dump twin
if grep -q '^FAILED: ' "$E2E_TMP/xl-twin.dump"; then bad "$(grep '^FAILED: ' "$E2E_TMP/xl-twin.dump")"; else ok; fi
# What the twin must hold, by the rules, so that a twin read wrong cannot
# make every comparison below pass.
t "excel: the twin holds the names and classes as written"
if grep -q 'Zoë Brontë' "$E2E_TMP/xl-twin.dump" &&
	grep -q 'Renée O’Neil' "$E2E_TMP/xl-twin.dump" &&
	grep -q 'Year 4, Oak' "$E2E_TMP/xl-twin.dump" &&
	grep -q 'Year 6 "Elm"' "$E2E_TMP/xl-twin.dump"; then ok; else
	bad "names or classes: $(head -c 600 "$E2E_TMP/xl-twin.dump")"; fi
t "excel: the twin's consent is dated as the file says"
if grep -q 'social      refused    signed 2026-09-07, until 2027-08-31' "$E2E_TMP/xl-twin.dump" &&
	grep -q 'since 2026-09-07, until 2027-08-31' "$E2E_TMP/xl-twin.dump"; then ok; else
	bad "dates: $(head -c 900 "$E2E_TMP/xl-twin.dump")"; fi

for xl in excel-windows-1252.csv excel-csv-utf8.csv excel-semicolon.csv excel-tab.txt; do
	t "excel: $xl imports"
	xl_import "$xl" "$XL/$xl"
	expect_status 0
	t "excel: $xl says how it was read"
	case $xl in
	*utf8*)
		expect_out "5 rows: 5 pupils added"
		expect_no_match '^note:' ;;
	*)
		if grep -q "^note: 'mis.csv' is not UTF-8 (from line 2): read as Windows-1252" "$OUT" &&
			[ "$(grep -c '^note:' "$OUT")" -eq 1 ]; then ok; else
			bad "no one-line note of Windows-1252"; fi ;;
	esac
	t "excel: $xl gives the same pupils and consent records as the UTF-8 file"
	xl_dump "$xl"
	if ! grep -q '^FAILED: ' "$E2E_TMP/xl-$xl.dump" &&
		cmp -s "$E2E_TMP/xl-twin.dump" "$E2E_TMP/xl-$xl.dump"; then ok; else
		bad "$(diff "$E2E_TMP/xl-twin.dump" "$E2E_TMP/xl-$xl.dump" | head -20)"; fi
	t "excel: $xl again changes nothing"
	PHOTOCONSENT_DB=$E2E_TMP/xl-$xl/consent.db
	export PHOTOCONSENT_DB
	run db import "$E2E_TMP/xl-$xl/mis.csv"
	expect_out "0 pupils added, 0 changed, 5 unchanged; 0 consents granted, 0 refused, 12 unchanged"
done

# A date re-saved month first, as a US-locale Excel would: refused, and
# the message says which order is read.
t "excel: a month-first date is refused, naming the order"
mkdir -p "$E2E_TMP/xl-bad"
PHOTOCONSENT_DB=$E2E_TMP/xl-bad/consent.db
export PHOTOCONSENT_DB
run db init
printf 'pupil_id,forename,surname,signed_on,website\r\n3101,Amy,Hill,09/13/2026,yes\r\n' \
	>"$E2E_TMP/xl-bad/us.csv"
run db import "$E2E_TMP/xl-bad/us.csv"
expect_status 65
expect_err "line 2, column 'signed_on': '09/13/2026' is not a date: dates are read day first (DD/MM/YYYY, as in the UK)"
t "excel: a two-digit year is refused"
printf 'pupil_id,forename,surname,signed_on,website\r\n3101,Amy,Hill,07/09/26,yes\r\n' \
	>"$E2E_TMP/xl-bad/short.csv"
run db import "$E2E_TMP/xl-bad/short.csv"
expect_status 65
expect_err "'07/09/26' has a two-digit year"
# 0x81 is one of the five bytes Windows-1252 leaves undefined.
t "excel: a byte that is neither UTF-8 nor Windows-1252 is refused by its line"
printf 'pupil_id,forename,surname,website\r\n3101,Amy,Hill,yes\r\n3102,Ben\201,Ray,yes\r\n' \
	>"$E2E_TMP/xl-bad/undefined.csv"
run db import "$E2E_TMP/xl-bad/undefined.csv"
expect_status 65
expect_err "line 3: byte 0x81 is a character neither in UTF-8 nor in Windows-1252"
t "excel: a refused file writes nothing"
run pupil list
expect_status 0
expect_out "no pupils yet"

# Next year's export: a pupil it no longer lists is named, with what to do.
t "excel: next year's file names the pupil it no longer lists, and what to do"
PHOTOCONSENT_DB=$E2E_TMP/xl-twin/consent.db
export PHOTOCONSENT_DB
grep -v '^3005,' "$XL/mis-utf8.csv" >"$E2E_TMP/xl-twin/next.csv"
run db import "$E2E_TMP/xl-twin/next.csv"
expect_status 0
expect_out "not in this file (kept): 3005 Chloé Dupré (Year 6 \"Elm\")"
expect_out "if this pupil has left, record it: 'photoconsent pupil set ID left_on DATE', or import again with --leavers-left-on DATE"
t "excel: --dry-run --leavers-left-on says what it would record"
run db import --dry-run --leavers-left-on 2026-07-22 "$E2E_TMP/xl-twin/next.csv"
expect_out "would: not in this file, left on 2026-07-22: 3005 Chloé Dupré"
run pupil show 3005
if grep -q 'left on:        -' "$OUT"; then ok; else bad "a dry run recorded a leaver"; fi
t "excel: --leavers-left-on records them as left"
run db import --leavers-left-on 2026-07-22 "$E2E_TMP/xl-twin/next.csv"
expect_status 0
run pupil show 3005
expect_out "left on:        2026-07-22"
t "excel: a pupil recorded as left already is only counted"
run db import "$E2E_TMP/xl-twin/next.csv"
expect_out "1 pupil not in this file was already recorded as left"
expect_no_match 'not in this file (kept)'

e2e_finish excel
