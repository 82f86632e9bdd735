#!/bin/sh
# End-to-end tests of the rules that keep a SHARE trustworthy as a school
# uses the tool: the MIS import as a sync, pupil and purpose ids in any
# case, the school's person roots, and what scan says when it could not
# judge.
# Usage: tests/e2e/trust.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

# A school's MIS export with no signed_on column: each grant counts from
# the day it is recorded.
MIS_CSV=$E2E_TMP/mis.csv
printf 'pupil_id,forename,surname,class,no_photo,website,social\n' >"$MIS_CSV"
printf 'A1001,Amy,Jones,Year 3,,yes,yes\n' >>"$MIS_CSV"
printf 'A1002,Callum,Fraser,Year 4,,yes,yes\n' >>"$MIS_CSV"

# records PUPIL: how many consent records `consent history` lists;
# "failed" when it fails, which no count equals.
records() {
	if timeout 60 "$PHOTOCONSENT" --db "$DB" consent history "$1" >"$E2E_TMP/history" 2>&1; then
		grep -cE '^ +#[0-9]+ ' "$E2E_TMP/history"
	else
		echo failed
	fi
}
# expect_records PUPIL N: `consent history` lists N records of PUPIL.
expect_records() {
	n_records=$(records "$1")
	if [ "$n_records" = "$2" ]; then ok; else bad "$n_records records of $1, expected $2"; fi
}

# ------------------------------------------------------------ import sync
t "re-importing the MIS file after a withdrawal records nothing"
fresh_db
quiet db import "$MIS_CSV"
quiet consent withdraw A1001 website --note "parent emailed the office"
# The import's grants of website and social, and the withdrawal.
expect_records A1001 3
rdb db import "$MIS_CSV"
expect_status 0
expect_out "0 consents granted, 0 refused"
expect_records A1001 3
rdb consent history A1001
expect_out "withdrawn"

t "the same file imported three times appends nothing"
quiet db import "$MIS_CSV"
quiet db import "$MIS_CSV"
expect_records A1001 3

t "a no_photo set by hand survives an import whose cell is empty"
quiet pupil set A1002 no_photo on
rdb db import "$MIS_CSV"
expect_status 0
rdb pupil show A1002
expect_out "NO PHOTO"

t "a changed cell that would undo a withdrawal is a conflict, and the withdrawal stays"
fresh_db
printf 'pupil_id,forename,surname,website,signed_on\nA1001,Amy,Jones,yes,2025-09-08\n' >"$E2E_TMP/v1.csv"
printf 'pupil_id,forename,surname,website,signed_on\nA1001,Amy,Jones,yes,2026-09-07\n' >"$E2E_TMP/v2.csv"
quiet db import "$E2E_TMP/v1.csv"
quiet consent withdraw A1001 website --on 2026-01-10
rdb db import --dry-run "$E2E_TMP/v2.csv"
expect_status 0
expect_out "conflict: line 2: A1001 website"
expect_out "1 conflict: what was recorded by hand was kept"
rdb db import "$E2E_TMP/v2.csv"
expect_status 0
expect_out "conflict: line 2: A1001 website"
chk --no-log --on "$ON" --purpose website samples/world-book-day-overlap.jpg
expect_status 1
expect_out "DO NOT SHARE"
rdb consent history A1001
expect_out "withdrawn"
expect_records A1001 2

t "--prefer-file takes the MIS file's word over the withdrawal"
rdb db import --prefer-file "$E2E_TMP/v2.csv"
expect_status 0
expect_out "1 consent granted"
expect_records A1001 3
chk --no-log --on "$ON" --purpose website samples/world-book-day-overlap.jpg
expect_status 0

# ------------------------------------------------------------ ids in any case
t "--purpose Website is the website purpose"
fresh_demo
chk --no-log --on "$ON" --purpose Website --json samples/world-book-day-overlap.jpg
expect_status 0
expect_json '$j[0]{purpose} eq "website" && $j[0]{verdict} eq "share"'

t "pupil show finds a pupil whose id is typed in another case"
fresh_db
quiet db import "$MIS_CSV"
rdb pupil show a1001
expect_status 0
expect_out "pupil A1001: Amy Jones"

t "consent is recorded against the pupil's own id whatever the case typed"
quiet consent refuse a1001 SOCIAL
rdb consent history A1001
expect_status 0
expect_out "refused"

# ------------------------------------------------------------ person roots
t "db get person-roots: the defaults until set"
fresh_demo
rdb db get person-roots
expect_status 0
expect_out "People;Pupils;Persons;Children;Students"
expect_out "the default"

t "db set person-roots stores the school's roots"
rdb db set person-roots 'People;Pupils;Year 4'
expect_status 0
rdb db get person-roots
expect_line "People;Pupils;Year 4"

t "db set with an unknown setting is a usage error"
rdb db set person-rots 'People'
expect_status 64
expect_err "'person-rots' is not a setting"

t "inspect reads the school's person roots from the database"
rdb inspect --json samples/zoo-trip-digikam-class-root.jpg
expect_status 0
expect_json '(grep { ($_->{name} // "") eq "Callum Fraser" } @{$j[0]{people}}) == 1'

t "inspect --person-root replaces the school's roots"
rdb inspect --json --person-root People samples/zoo-trip-digikam-class-root.jpg
expect_status 0
expect_json '@j == 1 && !(grep { ($_->{name} // "") eq "Callum Fraser" } @{$j[0]{people}})'

# A name filed under a school root that matches no pupil: a person (unknown,
# review) only once the root is a person root.
if command -v exiftool >/dev/null 2>&1; then
	cp samples/sports-day-lightroom.jpg "$E2E_TMP/visitor.jpg"
	exiftool -q -overwrite_original '-XMP-digiKam:TagsList+=Year 4/Grace Hall' \
		"$E2E_TMP/visitor.jpg"
	t "check and scan read with the school's person roots"
	chk --no-log --on "$ON" --purpose display --json "$E2E_TMP/visitor.jpg"
	expect_status 2
	expect_json '(grep { $_->{code} eq "unknown-person" } @{$j[0]{reasons}}) == 1'
	mkdir -p "$E2E_TMP/visitor"
	cp "$E2E_TMP/visitor.jpg" "$E2E_TMP/visitor/"
	run --db "$DB" scan --on "$ON" --purpose display --json "$E2E_TMP/visitor"
	expect_status 2
	expect_json '(grep { $_->{code} eq "unknown-person" } @{$j[0]{reasons}}) == 1'
	rdb db set person-roots 'People;Pupils'
	chk --no-log --on "$ON" --purpose display --json "$E2E_TMP/visitor.jpg"
	expect_status 0
else
	t "check and scan read with the school's person roots"
	skip "exiftool is not installed ('make test' installs it)"
fi

# ------------------------------------------------------------ scan's folders
t "scan of a folder named on the command line that cannot be opened: 66"
mkdir -p "$E2E_TMP/closed-folder"
cp samples/sports-day-lightroom.jpg "$E2E_TMP/closed-folder/"
chmod 000 "$E2E_TMP/closed-folder"
if unprivileged "$E2E_TMP"; then
	cp "$DB" "$E2E_TMP/closed-folder.db"
	chmod 644 "$E2E_TMP/closed-folder.db"
	timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$E2E_TMP/closed-folder.db" scan --on "$ON" \
		"$E2E_TMP/closed-folder" >"$OUT" 2>"$ERR"
	status=$?
	expect_status 66
	expect_err "cannot open '$E2E_TMP/closed-folder': Permission denied"
else
	skip "running as root without setpriv: file modes cannot be tested"
fi
chmod 755 "$E2E_TMP/closed-folder"

e2e_finish trust
