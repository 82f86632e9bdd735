#!/bin/sh
# End-to-end tests of the consent-database commands: db, pupil, purpose,
# consent, event, log. Each test that writes starts from a fresh database
# in $E2E_TMP.
# Usage: tests/e2e/db.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

add_amy() {
	quiet pupil add 1001 --forename Amy --surname Jones --class "Year 3"
}
# pupil show and every consent command judge as of today.
TODAY=$(date +%Y-%m-%d)
# expect_history: stdout is the consent history on standard input, with
# the time each record was made (UTC, to the second) read as "(when)".
expect_history() {
	sed 's/^\(        recorded \)[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9] by /\1(when) by /' \
		"$OUT" >"$E2E_TMP/history.actual"
	cat >"$E2E_TMP/expected"
	test_cmp "$E2E_TMP/expected" "$E2E_TMP/history.actual"
}

# ------------------------------------------------------------ help and usage
for c in db pupil purpose consent event log; do
	t "$c --help"
	run "$c" --help
	expect_status 0
	expect_out "usage: photoconsent $c"
	expect_no_err
	cp "$OUT" "$E2E_TMP/help-$c"

	t "help $c is $c --help"
	run help "$c"
	expect_status 0
	expect_same_file "$OUT" "$E2E_TMP/help-$c" "differs from $c --help"
done

t "--help lists the database commands"
run --help
expect_status 0
for c in db pupil purpose consent event log; do expect_out "  $c "; done

for sub in "db init" "db import" "pupil add" "pupil show" "pupil list" "pupil set" \
	"pupil alias" "purpose list" "purpose add" "consent grant" "consent refuse" \
	"consent withdraw" "consent history" "event add" "event list"; do
	t "$sub --help"
	# shellcheck disable=SC2086 # split "pupil add" into two words
	run $sub --help
	expect_status 0
	expect_out "usage: photoconsent ${sub%% *}"
done

t "a group with no subcommand is a usage error"
run pupil
expect_status 64
expect_err "missing a pupil command: add, show, list, set, alias"
expect_err "try 'photoconsent pupil --help'"

t "an unknown subcommand is a usage error"
run consent give 1001 website
expect_status 64
expect_err "'give' is not a consent command"

t "an unknown option names itself and the subcommand's help"
run --db "$E2E_TMP/none.db" pupil add 1001 --forename A --surname B --frobnicate
expect_status 64
expect_err "unknown option '--frobnicate'"
expect_err "try 'photoconsent pupil add --help'"

t "an option with no value"
run pupil list --class
expect_status 64
expect_err "option '--class' needs a value"

t "a flag given a value"
run purpose add podcast --description D --public=yes
expect_status 64
expect_err "option '--public' takes no value"

t "a required option left out"
run pupil add 1001 --forename Amy
expect_status 64
expect_err "option '--surname' is required"

t "a missing argument"
run consent grant 1001
expect_status 64
expect_err "missing PURPOSE"
expect_err "try 'photoconsent consent grant --help'"

t "an argument too many"
run pupil show 1001 1002
expect_status 64
expect_err "unexpected argument '1002'"

t "withdraw takes no --until"
run consent withdraw 1001 website --until 2026-01-01
expect_status 64
expect_err "unknown option '--until'"

t "pupil set with a value that is not on or off"
run pupil set 1001 no_photo maybe
expect_status 64
expect_err "'maybe' is not on or off (or yes or no, as the import reads them)"

t "pupil set with an unknown setting"
run pupil set 1001 colour blue
expect_status 64
expect_err "'colour' is not no_photo, no_name or left_on"

# ------------------------------------------------------------ db init
t "db init creates a database only its owner can read"
DB=$E2E_TMP/init.db
rdb db init
expect_status 0
expect_out "created the consent database '$DB'"
expect_no_err
if [ "$(stat -c %a "$DB" 2>/dev/null)" = 600 ]; then ok; else bad "mode $(stat -c %a "$DB" 2>/dev/null), expected 600"; fi

t "db init twice says so and leaves the database as it is"
cp "$DB" "$E2E_TMP/init.copy"
rdb db init
expect_status 73
expect_err "photoconsent: '$DB' is already a photoconsent database; it was left as it is"
expect_same_file "$DB" "$E2E_TMP/init.copy" "the database changed"

t "db init seeds the seven purposes"
rdb purpose list
expect_status 0
for p in display newsletter website social press parent-social staff-personal; do expect_out "$p "; done
expect_out "always denied"
expect_out "policy: Staff agree not to post pictures of school events"

# ------------------------------------------------------------ where the database is
t "--db after the command name"
fresh_db
run pupil add 1001 --forename Amy --surname Jones --db "$DB"
expect_status 0
run pupil list --db="$DB"
expect_status 0
expect_out "Amy Jones"

t "--db before the command name"
run --db "$DB" pupil show 1001
expect_status 0
expect_out "pupil 1001: Amy Jones"

t "PHOTOCONSENT_DB names the database"
PHOTOCONSENT_DB=$DB
export PHOTOCONSENT_DB
run pupil show 1001
expect_status 0
expect_out "pupil 1001: Amy Jones"

t "--db wins over PHOTOCONSENT_DB"
run --db "$E2E_TMP/elsewhere.db" pupil show 1001
expect_status 66
unset PHOTOCONSENT_DB

t "consent.db in the current folder by default"
mkdir -p "$E2E_TMP/cwd"
abs_bin=$(cd "$(dirname "$PHOTOCONSENT")" && pwd)/$(basename "$PHOTOCONSENT")
(cd "$E2E_TMP/cwd" && timeout 60 "$abs_bin" db init) >"$OUT" 2>"$ERR"
status=$?
expect_status 0
if [ -f "$E2E_TMP/cwd/consent.db" ]; then ok; else bad "no consent.db in the current folder"; fi

t "no database: a read"
run --db "$E2E_TMP/missing.db" pupil list
expect_status 66
expect_err "photoconsent: no database at '$E2E_TMP/missing.db'; create one with 'photoconsent db init'"

t "no database: a write creates none"
run --db "$E2E_TMP/missing.db" pupil add 1001 --forename Amy --surname Jones
expect_status 66
expect_err "no database at '$E2E_TMP/missing.db'"
if [ ! -e "$E2E_TMP/missing.db" ]; then ok; else bad "a database file was made"; fi

t "a text file is not a database"
printf 'pupil_id,forename\n1001,Amy\n' >"$E2E_TMP/notes.txt"
cp "$E2E_TMP/notes.txt" "$E2E_TMP/notes.copy"
run --db "$E2E_TMP/notes.txt" pupil list
expect_status 65
expect_err "photoconsent: "
run --db "$E2E_TMP/notes.txt" pupil add 1001 --forename Amy --surname Jones
expect_status 65
expect_same_file "$E2E_TMP/notes.txt" "$E2E_TMP/notes.copy" "the text file changed"

t "db init will not overwrite a file that is not a database"
run --db "$E2E_TMP/notes.txt" db init
if [ "$status" -eq 65 ] || [ "$status" -eq 73 ]; then ok; else bad "exit status $status, expected 65 or 73"; fi
expect_same_file "$E2E_TMP/notes.txt" "$E2E_TMP/notes.copy" "the text file changed"

if command -v sqlite3 >/dev/null 2>&1; then
	t "another application's SQLite file is not a photoconsent database"
	sqlite3 "$E2E_TMP/other.db" 'CREATE TABLE t (a); INSERT INTO t VALUES (1);'
	cp "$E2E_TMP/other.db" "$E2E_TMP/other.copy"
	run --db "$E2E_TMP/other.db" consent grant 1001 website
	expect_status 65
	expect_same_file "$E2E_TMP/other.db" "$E2E_TMP/other.copy" "the file changed"
fi

# ------------------------------------------------------------ pupils
t "pupil add"
fresh_db
rdb pupil add 1001 --forename Amy --surname Jones --class "Year 3"
expect_status 0
expect_out "added pupil 1001 Amy Jones (Year 3)"
expect_no_err

t "pupil set takes the import's yes and no"
rdb pupil set 1001 no_photo yes
expect_status 0
rdb pupil show 1001
expect_out "no_photo:       on"
rdb pupil set 1001 no_photo N
expect_status 0
rdb pupil show 1001
expect_out "no_photo:       off"

t "pupil add with a preferred name and aliases"
rdb pupil add 1004 --forename Katherine --surname Smith --preferred Katie \
	--class "Year 4" --alias "Kate Smith" --alias "Katie Smyth"
expect_status 0
rdb pupil show 1004
expect_status 0
expect_stdout <<EOF
pupil 1004: Katherine Smith
  preferred name: Katie
  class:          Year 4
  aliases:        Kate Smith; Katie Smyth
  no_photo:       off
  no_name:        off
  left on:        -

consent in force today, $TODAY:
  display         none        never given, or not yet in force
  newsletter      none        never given, or not yet in force
  website         none        never given, or not yet in force
  social          none        never given, or not yet in force
  press           none        never given, or not yet in force
  parent-social   none        never given, or not yet in force
  staff-personal  denied      always, by the school's policy
EOF

t "pupil add: a duplicate id"
rdb pupil add 1001 --forename Other --surname Child
expect_status 65
expect_err "1001"
rdb pupil show 1001
expect_out "Amy Jones"

t "pupil add: accented names line up in the list"
rdb pupil add 1005 --forename Łukasz --surname Nowak --class "Year 3"
expect_status 0
rdb pupil list
expect_status 0
# By class, then surname; the columns line up by the width a terminal
# gives each letter, so Ł takes one column.
expect_stdout <<'EOF'
ID    NAME             PREFERRED  CLASS   FLAGS
1001  Amy Jones        -          Year 3
1005  Łukasz Nowak     -          Year 3
1004  Katherine Smith  Katie      Year 4
EOF

t "pupil list --class"
rdb pupil list --class "Year 4"
expect_status 0
expect_out "Katherine Smith"
expect_not_out "Amy Jones"
rdb pupil list --class "Year 9"
expect_status 0
expect_out "no pupils in class 'Year 9'"

t "pupil set no_photo and no_name"
rdb pupil set 1001 no_photo on
expect_status 0
expect_out "pupil 1001: no_photo on"
rdb pupil set 1001 no_name on
expect_status 0
rdb pupil show 1001
expect_out "NO PHOTO: never share a photo of this pupil anywhere"
expect_out "no_photo:       on"
expect_out "no_name:        on"
rdb pupil list
expect_out "no_photo no_name"
rdb pupil set 1001 no_photo off
expect_status 0
rdb pupil show 1001
expect_out "no_photo:       off"
expect_not_out "NO PHOTO"

t "pupil set left_on"
rdb pupil set 1001 left_on 2026-07-20
expect_status 0
expect_out "pupil 1001: left on 2026-07-20"
rdb pupil show 1001
expect_out "left on:        2026-07-20"
rdb pupil list
expect_out "left 2026-07-20"
rdb pupil set 1001 left_on 2020-07-20
rdb pupil show 1001
expect_out "LEFT on 2020-07-20: from that day no consent is in force"
expect_out "website         pupil-left  left on 2020-07-20"
rdb pupil set 1001 left_on none
expect_status 0
expect_out "pupil 1001: has not left"
rdb pupil show 1001
expect_out "left on:        -"

t "pupil set left_on a bad date"
rdb pupil set 1001 left_on 2026-02-30
expect_status 65
expect_err "photoconsent: '2026-02-30' is not a date (YYYY-MM-DD)"

t "pupil alias"
rdb pupil alias 1001 "Amelia Jones"
expect_status 0
expect_out "pupil 1001: also tagged as 'Amelia Jones'"
rdb pupil alias 1001 "Amelia Jones"
expect_status 0
rdb pupil show 1001
expect_out "aliases:        Amelia Jones"

t "an unknown pupil"
for args in "pupil show 9999" "pupil set 9999 no_photo on" "pupil set 9999 left_on none" \
	"pupil alias 9999 Someone" "consent grant 9999 website" "consent history 9999"; do
	# shellcheck disable=SC2086
	rdb $args
	expect_status 65
	expect_err "9999"
done

t "pupil list of an empty database"
fresh_db
rdb pupil list
expect_status 0
expect_out "no pupils yet"

# ------------------------------------------------------------ purposes
t "purpose add"
fresh_db
rdb purpose add podcast --description "the school's podcast" --public \
	--policy "The school names no child on its podcast."
expect_status 0
expect_out "added purpose podcast: the school's podcast (public)"
rdb purpose list
expect_out "podcast "
expect_out "policy: The school names no child on its podcast."

t "purpose add with the default policy"
rdb purpose add corridor --description "the corridor screens"
expect_status 0
rdb purpose list
expect_out "in school"
expect_out "the corridor screens"

t "purpose add: a duplicate id"
rdb purpose add website --description "again"
expect_status 65
expect_err "website"

t "purpose add: a bad id"
rdb purpose add "Big Screen" --description "the hall screen"
expect_status 65

# ------------------------------------------------------------ consent
t "consent grant, refuse, withdraw and history"
fresh_db
add_amy
rdb consent grant 1001 website --on 2019-09-08 --until 2027-08-31 --note "form from parents' evening"
expect_status 0
expect_out "recorded: 1001 website granted, signed 2019-09-08, until 2027-08-31"
expect_out "in force today: "
rdb consent refuse 1001 press --on 2019-09-08
expect_status 0
expect_out "recorded: 1001 press refused, signed 2019-09-08"
rdb consent grant 1001 newsletter --on 2019-09-08
expect_status 0
rdb consent withdraw 1001 newsletter --on 2020-01-12 --note "letter from mother"
expect_status 0
expect_out "recorded: 1001 newsletter withdrawn from 2020-01-12"
expect_out "in force today: withdrawn, since 2020-01-12"
rdb consent history 1001
expect_status 0
# Oldest first, numbered in the order they were made: each record's
# number, purpose, decision and dates, then when, by whom, and its note.
expect_history <<'EOF'
consent records of 1001 Amy Jones, oldest first:
  #1    website     granted    signed 2019-09-08, until 2027-08-31
        recorded (when) by e2e-tester; note: form from parents' evening
  #2    press       refused    signed 2019-09-08
        recorded (when) by e2e-tester
  #3    newsletter  granted    signed 2019-09-08
        recorded (when) by e2e-tester
  #4    newsletter  withdrawn  from 2020-01-12
        recorded (when) by e2e-tester; note: letter from mother
EOF

t "pupil show: the consent in force today for every purpose"
rdb pupil show 1001
expect_status 0
expect_stdout <<EOF
pupil 1001: Amy Jones
  preferred name: -
  class:          Year 3
  aliases:        -
  no_photo:       off
  no_name:        off
  left on:        -

consent in force today, $TODAY:
  display         none        never given, or not yet in force
  newsletter      withdrawn   since 2020-01-12
  website         granted     since 2019-09-08, until 2027-08-31
  social          none        never given, or not yet in force
  press           refused     since 2019-09-08
  parent-social   none        never given, or not yet in force
  staff-personal  denied      always, by the school's policy
EOF

t "a grant past its last day has expired"
rdb consent grant 1001 parent-social --on 2019-09-08 --until 2020-08-31
expect_status 0
expect_out "in force today: expired, its last day was 2020-08-31"
rdb pupil show 1001
expect_out "parent-social   expired     its last day was 2020-08-31"

t "on the same day a refusal beats a grant"
rdb consent grant 1001 social --on 2019-09-08
rdb consent refuse 1001 social --on 2019-09-08
expect_status 0
expect_out "in force today: refused, since 2019-09-08"

t "who records it: \$USER when \$PHOTOCONSENT_USER is unset"
(
	unset PHOTOCONSENT_USER
	USER=office-user timeout 60 "$PHOTOCONSENT" --db "$DB" consent grant 1001 display
) >"$OUT" 2>"$ERR"
status=$?
expect_status 0
rdb consent history 1001
expect_out "by office-user"

t "a grant for an always-denied purpose"
rdb consent grant 1001 staff-personal
expect_status 65
expect_err "staff-personal"

t "an unknown purpose"
rdb consent grant 1001 billboard
expect_status 65
expect_err "billboard"

t "a bad date"
rdb consent grant 1001 website --on 2026-13-01
expect_status 65
expect_err "photoconsent: '2026-13-01' is not a date (YYYY-MM-DD)"
rdb consent grant 1001 website --until tomorrow
expect_status 65
expect_err "'tomorrow' is not a date (YYYY-MM-DD)"

t "an expiry before the signing date"
rdb consent grant 1001 website --on 2026-09-01 --until 2026-08-31
expect_status 65

t "consent history of a pupil with none"
rdb pupil add 1002 --forename Oliver --surname Smith
rdb consent history 1002
expect_status 0
expect_out "no consent recorded for 1002 Oliver Smith"

# ------------------------------------------------------------ events
t "event add and list"
fresh_db
rdb event add sports-day-2026 --name "Sports Day 2026" --from 2026-07-03 --to 2026-07-03 \
	--tag "Sports Day 2026"
expect_status 0
expect_out "added event sports-day-2026: Sports Day 2026, 2026-07-03 to 2026-07-03"
rdb event add nativity-2025 --name "Nativity Play 2025" --from 2025-12-10 --to 2025-12-11 \
	--tag "Nativity Play 2025" --tag "Nativity" --deny parent-social
expect_status 0
rdb event list
expect_status 0
# By start date: id, name and dates (a one-day event's one date), then
# its tags and the purposes it denies.
expect_stdout <<'EOF'
nativity-2025    Nativity Play 2025  2025-12-10 to 2025-12-11
    tags:    Nativity Play 2025; Nativity
    denies:  parent-social
sports-day-2026  Sports Day 2026     2026-07-03
    tags:    Sports Day 2026
EOF

t "event add: a duplicate id"
rdb event add sports-day-2026 --name "Again" --from 2026-07-03 --to 2026-07-03
expect_status 65
expect_err "sports-day-2026"

t "event add: an unknown purpose to deny"
rdb event add fair-2026 --name "Fair" --from 2026-06-01 --to 2026-06-01 --deny billboard
expect_status 65
expect_err "billboard"

t "event add: a bad date and reversed dates"
rdb event add fair-2026 --name "Fair" --from 2026-02-30 --to 2026-03-01
expect_status 65
expect_err "'2026-02-30' is not a date (YYYY-MM-DD)"
rdb event add fair-2026 --name "Fair" --from 2026-06-02 --to 2026-06-01
expect_status 65
rdb event list
expect_status 0
expect_out "sports-day-2026"
expect_not_out "fair-2026"

t "event add: --from is required"
rdb event add fair-2026 --name "Fair" --to 2026-06-01
expect_status 64
expect_err "option '--from' is required"

t "event add with --from alone is a one-day event"
rdb event add fair-2026 --name "Fair" --from 2026-06-01 --deny website \
	--note "the fair's photographer holds the rights"
expect_status 0
expect_out "added event fair-2026: Fair, 2026-06-01 to 2026-06-01"
rdb event list
expect_line "    because: the fair's photographer holds the rights"

t "event list of an empty database"
fresh_db
rdb event list
expect_status 0
expect_out "no events yet"

# ------------------------------------------------------------ log
t "log of a database with no checks"
fresh_db
rdb log
expect_status 0
expect_out "no checks logged"
rdb log --since 2026-01-01
expect_status 0
expect_out "no checks logged since 2026-01-01"

t "log: a bad date"
rdb log --since 2026-1-1
expect_status 65
expect_err "'2026-1-1' is not a date (YYYY-MM-DD)"

if command -v sqlite3 >/dev/null 2>&1; then
	t "log: one line per check, oldest first, --since"
	sqlite3 "$DB" "INSERT INTO checks (checked_at, checked_by, file, purpose_id, verdict) VALUES
		('2026-03-04 10:00:00', 'office', 'samples/a.jpg', 'website', 'share'),
		('2026-07-03 15:30:00', 'head', 'samples/b.jpg', 'newsletter', 'do-not-share');"
	rdb log
	expect_status 0
	# Rows as a version 2 database held them: when, who, the file as it
	# was given, the purpose and the verdict; no date judged as of.
	expect_stdout <<'EOF'
2026-03-04 10:00:00  office  check  website  judged as of: not recorded  share  samples/a.jpg
2026-07-03 15:30:00  head  check  newsletter  judged as of: not recorded  do-not-share  samples/b.jpg
EOF
	rdb log --since 2026-07-01
	expect_status 0
	expect_stdout <<'EOF'
2026-07-03 15:30:00  head  check  newsletter  judged as of: not recorded  do-not-share  samples/b.jpg
EOF
fi

# ------------------------------------------------------------ import
# A small file whose every line of output is known.
cat >"$E2E_TMP/small.csv" <<'CSV'
pupil_id,forename,surname,preferred_name,class,aliases,no_photo,no_name,left_on,signed_on,expires_on,website,newsletter,press
2001,Amy,Jones,,Year 3,,,,,2025-09-08,,yes,yes,no
2002,Katherine,Smith,Katie,Year 4,Kate Smith;Katie Smyth,no,YES,,2025-09-08,2026-08-31,Y,,false
CSV

t "db import: the summary"
fresh_db
rdb db import "$E2E_TMP/small.csv"
expect_status 0
expect_no_err
expect_line "2 rows: 2 pupils added, 0 changed, 0 unchanged; 3 consents granted, 2 refused, 0 unchanged"
expect_no_match '^would: '
rdb pupil show 2002
expect_out "preferred name: Katie"
expect_out "Kate Smith; Katie Smyth"
expect_out "no_name:        on"
rdb consent history 2001
expect_out "press       refused    signed 2025-09-08"
expect_out "by e2e-tester"

t "db import --verbose lists every change"
fresh_db
rdb db import --verbose "$E2E_TMP/small.csv"
expect_status 0
# Two pupils added, three grants and two refusals, each by its line;
# signed_on and expires_on apply to every purpose column of their row.
expect_stdout <<'EOF'
line 2: pupil 2001 Amy Jones added (Year 3)
line 2: 2001 website granted, signed 2025-09-08
line 2: 2001 newsletter granted, signed 2025-09-08
line 2: 2001 press refused, signed 2025-09-08
line 3: pupil 2002 Katherine Smith added (Year 4, no_name)
line 3: 2002 website granted, signed 2025-09-08, until 2026-08-31
line 3: 2002 press refused, signed 2025-09-08, until 2026-08-31
2 rows: 2 pupils added, 0 changed, 0 unchanged; 3 consents granted, 2 refused, 0 unchanged
EOF

t "db import the same file twice changes nothing"
rdb db import "$E2E_TMP/small.csv"
expect_status 0
expect_line "2 rows: 0 pupils added, 0 changed, 2 unchanged; 0 consents granted, 0 refused, 5 unchanged"

t "db import --dry-run writes nothing and says so"
fresh_db
cp "$DB" "$E2E_TMP/dry.copy"
rdb db import --dry-run "$E2E_TMP/small.csv"
expect_status 0
# Every change the import would make, then the summary, exactly as the
# import says them.
expect_stdout <<EOF
would: line 2: pupil 2001 Amy Jones added (Year 3)
would: line 2: 2001 website granted, signed 2025-09-08
would: line 2: 2001 newsletter granted, signed 2025-09-08
would: line 2: 2001 press refused, signed 2025-09-08
would: line 3: pupil 2002 Katherine Smith added (Year 4, no_name)
would: line 3: 2002 website granted, signed 2025-09-08, until 2026-08-31
would: line 3: 2002 press refused, signed 2025-09-08, until 2026-08-31
2 rows: 2 pupils added, 0 changed, 0 unchanged; 3 consents granted, 2 refused, 0 unchanged
dry run: nothing was written to '$DB'
EOF
expect_same_file "$DB" "$E2E_TMP/dry.copy" "--dry-run changed the database"

t "db import: a file that is not there"
rdb db import "$E2E_TMP/no-such.csv"
expect_status 66
expect_err "no-such.csv"

# bad_csv NAME LINE MESSAGE: importing $E2E_TMP/NAME.csv is refused with
# exit 65, the fault named by its line, and the database unchanged.
bad_csv() {
	t "db import refuses $1"
	cp "$DB" "$E2E_TMP/before.db"
	rdb db import "$E2E_TMP/$1.csv"
	expect_status 65
	expect_err "photoconsent: '$E2E_TMP/$1.csv': $2"
	expect_err "$3"
	expect_err "photoconsent: '$E2E_TMP/$1.csv' was refused"
	expect_no_out
	expect_same_file "$DB" "$E2E_TMP/before.db" "the database changed"
}
fresh_db
quiet db import "$E2E_TMP/small.csv"
sed 's/^2002,\(.*\),Y,,false$/2002,\1,maybe,,false/' "$E2E_TMP/small.csv" >"$E2E_TMP/bad-value.csv"
bad_csv bad-value "line 3" "maybe"
sed '1s/,website,/,webiste,/' "$E2E_TMP/small.csv" >"$E2E_TMP/unknown-column.csv"
bad_csv unknown-column "" "webiste"
sed -e '1s/$/,staff-personal/' -e '2,$s/$/,yes/' "$E2E_TMP/small.csv" >"$E2E_TMP/always-denied.csv"
bad_csv always-denied "" "staff-personal"
sed 's/^2001,\(.*\),2025-09-08,,yes,yes,no$/2001,\1,2025-09-31,,yes,yes,no/' "$E2E_TMP/small.csv" >"$E2E_TMP/bad-date.csv"
bad_csv bad-date "line 2" "2025-09-31"
{ cat "$E2E_TMP/small.csv"; echo "2003,Noah,,,,,,,,,,yes,,"; echo "2004,Isla,Taylor,,,,,,,,,perhaps,,"; } >"$E2E_TMP/two-faults.csv"
bad_csv two-faults "line 4" "line 5"

t "every fault of a refused file is on its own line"
if [ "$(grep -c "^photoconsent: '$E2E_TMP/two-faults.csv': line" "$ERR")" -eq 2 ]; then ok; else bad "not two fault lines"; fi

if [ -f "$DEMO_CSV" ] && command -v sqlite3 >/dev/null 2>&1; then
	t "db import $DEMO_CSV"
	fresh_db
	rdb db import "$DEMO_CSV"
	expect_status 0
	expect_no_err
	expect_out " rows: "
	summary=$(grep ' rows: ' "$OUT")
	rows=${summary%% rows: *}
	added=$(printf '%s\n' "$summary" | sed -n 's/.* rows: \([0-9]*\) pupils\{0,1\} added.*/\1/p')
	granted=$(printf '%s\n' "$summary" | sed -n 's/.*; \([0-9]*\) consents\{0,1\} granted.*/\1/p')
	refused=$(printf '%s\n' "$summary" | sed -n 's/.* granted, \([0-9]*\) refused.*/\1/p')
	# Numbers, or the sums below would check nothing (or stop the suite).
	case "$rows$added$granted$refused" in
	'' | *[!0-9]*) bad "a summary that is not counts: '$summary'"; rows=0 added=0 granted=0 refused=0 ;;
	esac
	if [ "$rows" -gt 0 ] && [ "$rows" = "$added" ]; then ok; else bad "rows '$rows', added '$added'"; fi
	sqlite3 "$DB" .dump >"$E2E_TMP/dump1"
	grep -q '^CREATE TABLE' "$E2E_TMP/dump1" || fail_setup "no tables in the database imported to"

	t "db import $DEMO_CSV twice leaves the database as it was"
	rdb db import "$DEMO_CSV"
	expect_status 0
	expect_out "0 pupils added, 0 changed, $rows unchanged; 0 consents granted, 0 refused, $((granted + refused)) unchanged"
	sqlite3 "$DB" .dump >"$E2E_TMP/dump2"
	expect_same_file "$E2E_TMP/dump1" "$E2E_TMP/dump2" "the second import changed the database"

	# An edited copy: one website consent yes -> no, one pupil removed, one
	# added. The edit script prints the changed and the removed pupil's ids
	# and how many consent values the removed row held.
	perl -e '
		my ($in, $out) = @ARGV;
		open my $f, "<", $in or die; my @lines = <$f>; close $f;
		my ($eol) = $lines[0] =~ /(\r?\n)$/; $eol //= "\n";
		chomp(my $h = $lines[0]); $h =~ s/\r$//;
		my @head = map { lc } split /,/, $h, -1;
		my %fixed = map { $_ => 1 } qw(pupil_id forename surname preferred_name class
			aliases no_photo no_name left_on signed_on expires_on);
		my %col; @col{@head} = 0 .. $#head;
		my @purpose = grep { !$fixed{$head[$_]} } 0 .. $#head;
		my ($changed, $removed, $k);
		for my $i (1 .. $#lines) {
			next if $lines[$i] =~ /"/ || $lines[$i] !~ /\S/;
			chomp(my $l = $lines[$i]); $l =~ s/\r$//;
			my @c = split /,/, $l, -1;
			next if defined $col{left_on} && $c[$col{left_on}] ne "";
			if (!defined $changed && $c[$col{website}] =~ /^(yes|y|true|1)$/i) {
				$c[$col{website}] = "no"; $changed = $c[0];
				$lines[$i] = join(",", @c) . $eol;
			}
		}
		for my $i (reverse 1 .. $#lines) {
			next if $lines[$i] =~ /"/ || $lines[$i] !~ /\S/;
			chomp(my $l = $lines[$i]); $l =~ s/\r$//;
			my @c = split /,/, $l, -1;
			next if $c[0] eq $changed;
			$removed = $c[0]; $k = grep { $c[$_] ne "" } @purpose;
			splice @lines, $i, 1; last;
		}
		my @new = ("") x @head;
		$new[$col{pupil_id}] = "9001"; $new[$col{forename}] = "Test";
		$new[$col{surname}] = "Newcomer"; $new[$col{website}] = "yes";
		$new[$col{signed_on}] = "2026-09-07" if defined $col{signed_on};
		push @lines, join(",", @new) . $eol;
		open my $o, ">", $out or die; print $o @lines; close $o;
		print "$changed $removed $k\n";
	' "$DEMO_CSV" "$E2E_TMP/edited.csv" >"$E2E_TMP/edit.out" || fail_setup "editing $DEMO_CSV"
	changed="" removed="" k=""
	read -r changed removed k <"$E2E_TMP/edit.out"
	# An empty id would match every line below.
	case "$changed" in '' | *[!0-9A-Za-z]*) fail_setup "no pupil to change: '$changed'"; changed=none ;; esac
	case "$removed" in '' | *[!0-9A-Za-z]*) fail_setup "no pupil to remove: '$removed'"; removed=none ;; esac
	case "$k" in '' | *[!0-9]*) fail_setup "no count of consents: '$k'"; k=0 ;; esac
	unchanged=$((granted + refused - 1 - k))
	expected="$rows rows: 1 pupil added, 0 changed, $((rows - 1)) unchanged; 1 consent granted, 1 refused, $unchanged unchanged"

	t "db import --dry-run of an edited file says what would change and writes nothing"
	cp "$DB" "$E2E_TMP/before.db"
	rdb db import --dry-run "$E2E_TMP/edited.csv"
	expect_status 0
	expect_line "$expected"
	expect_out "would: "
	if grep "^would: " "$OUT" | grep -F "$changed" | grep -q website; then ok; else bad "no would-line for $changed website"; fi
	if grep "^would: " "$OUT" | grep -q 9001; then ok; else bad "no would-line for the new pupil"; fi
	expect_out "not in this file (kept): $removed "
	expect_line "dry run: nothing was written to '$DB'"
	expect_same_file "$DB" "$E2E_TMP/before.db" "--dry-run changed the database"

	t "db import of an edited file reports exactly its changes"
	rdb db import "$E2E_TMP/edited.csv"
	expect_status 0
	expect_line "$expected"
	expect_out "not in this file (kept): $removed "
	if [ "$(grep -c '^not in this file' "$OUT")" -eq 1 ]; then ok; else bad "more than one pupil missing"; fi

	t "the changed consent is appended to the history"
	rdb consent history "$changed"
	expect_status 0
	if grep ' website ' "$OUT" | tail -n 1 | grep -q refused; then ok; else bad "the last website record is not refused"; fi
	# The grant the first import recorded, and the refusal of this one.
	if [ "$(grep -c ' website ' "$OUT")" -eq 2 ]; then ok; else bad "not the grant and the refusal"; fi
	rdb pupil show "$changed"
	expect_out "website "
	if grep '^  website ' "$OUT" | grep -q refused; then ok; else bad "website is not refused today"; fi

	t "the removed pupil is kept"
	rdb pupil show "$removed"
	expect_status 0

	t "a refused file leaves the demo database byte for byte"
	cp "$DB" "$E2E_TMP/before.db"
	{ cat "$DEMO_CSV"; echo "9002,No,Surname,,,,maybe,,,,"; } >"$E2E_TMP/demo-bad.csv"
	rdb db import "$E2E_TMP/demo-bad.csv"
	expect_status 65
	expect_err "photoconsent: '$E2E_TMP/demo-bad.csv': line "
	expect_same_file "$DB" "$E2E_TMP/before.db" "a refused import changed the database"
else
	t "db import $DEMO_CSV"
	skip "$DEMO_CSV or sqlite3 missing"
fi

# ------------------------------------------------------------ read-only and locked
# A read-only database: root ignores file modes, so as root the command is
# run as an unprivileged user (setpriv); without setpriv the test is skipped.
t "a read-only database: writes fail with 74, reads work"
ro_dir=$E2E_TMP/ro
mkdir -p "$ro_dir"
DB=$ro_dir/ro.db
quiet db init
add_amy
chmod 444 "$DB"
if unprivileged "$ro_dir"; then
	# ro_run ARGS...: as run, as the unprivileged user when root.
	# shellcheck disable=SC2086 # $as_unprivileged is a command and its options
	ro_run() { timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$DB" "$@" >"$OUT" 2>"$ERR"; status=$?; }
	cp "$DB" "$E2E_TMP/ro.copy"
	ro_run consent grant 1001 website
	expect_status 74
	expect_err "photoconsent: '$DB' cannot be written"
	ro_run pupil add 1002 --forename Oliver --surname Smith
	expect_status 74
	expect_same_file "$DB" "$E2E_TMP/ro.copy" "the read-only database changed"
	ro_run pupil show 1001
	expect_status 0
	expect_out "pupil 1001: Amy Jones"
	ro_run db import --dry-run "$E2E_TMP/small.csv"
	expect_status 0
	expect_out "dry run: nothing was written"
else
	skip "running as root without setpriv: file modes do not stop root"
fi
chmod 700 "$E2E_TMP"

# A locked database: another process holds a write transaction (sqlite3 fed
# through a FIFO, so that closing our end ends it). A write waits for the
# busy timeout, then gives up with 75.
if command -v sqlite3 >/dev/null 2>&1; then
	t "a database locked by another writer: 75"
	fresh_db
	add_amy
	cp "$DB" "$E2E_TMP/locked.copy"
	rm -f "$E2E_TMP/lock.fifo" "$E2E_TMP/locked"
	mkfifo "$E2E_TMP/lock.fifo"
	sqlite3 "$DB" <"$E2E_TMP/lock.fifo" >"$E2E_TMP/lock.log" 2>&1 &
	lock_pid=$!
	exec 3>"$E2E_TMP/lock.fifo"
	printf "BEGIN EXCLUSIVE;\n.shell touch '%s'\n" "$E2E_TMP/locked" >&3
	i=0
	while [ ! -e "$E2E_TMP/locked" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	if [ -e "$E2E_TMP/locked" ]; then
		started=$(date +%s)
		rdb consent grant 1001 website
		took=$(($(date +%s) - started))
		expect_status 75
		expect_err "locked by another writer"
		if [ "$took" -lt 30 ]; then ok; else bad "waited ${took}s"; fi
	else
		bad "sqlite3 did not take the lock: $(cat "$E2E_TMP/lock.log")"
	fi
	exec 3>&-
	i=0
	while kill -0 "$lock_pid" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	kill "$lock_pid" 2>/dev/null
	wait "$lock_pid" 2>/dev/null

	t "once the lock is gone, the write goes through"
	rdb consent grant 1001 website
	expect_status 0
else
	t "a database locked by another writer: 75"
	skip "sqlite3 is not installed"
fi

# ------------------------------------------------------------ control characters
# The database refuses them from every command, as the import does: a
# name holding an escape would reach every report that shows it.
ESC_T=$(printf 'x\033[2J')
BEL_T=$(printf 'x\007')
C1_T=$(printf 'x\302\233')
fresh_db
quiet pupil add 1001 --forename Amy --surname Jones
cp "$DB" "$E2E_TMP/controls.copy"
# refused FIELD ARGS...: the command is refused (65), names FIELD, and
# the database is as it was.
refused() {
	refused_field=$1
	shift
	rdb "$@"
	expect_status 65
	expect_printable "$ERR"
	expect_err "$refused_field holds a control character"
	expect_same_file "$DB" "$E2E_TMP/controls.copy" "the database changed"
}
t "pupil add refuses an escape or a bell in a name"
refused "the forename of pupil '1002'" pupil add 1002 --forename "$ESC_T" --surname Jones
refused "the surname of pupil '1002'" pupil add 1002 --forename Amy --surname "$BEL_T"
refused "the preferred name of pupil '1002'" pupil add 1002 --forename A --surname B --preferred "$C1_T"
refused "the class of pupil '1002'" pupil add 1002 --forename A --surname B --class "$ESC_T"
refused "the alias of pupil '1002'" pupil add 1002 --forename A --surname B --alias "$BEL_T"
refused "a pupil id" pupil add "$BEL_T" --forename A --surname B
t "pupil alias refuses an escape"
refused "the alias of pupil '1001'" pupil alias 1001 "$ESC_T"
t "event add refuses an escape or a bell in its name, tags and note"
refused "the name of event 'trip'" event add trip --name "$ESC_T" --from 2026-05-01
refused "a tag of event 'trip'" event add trip --name Trip --from 2026-05-01 --tag "$BEL_T"
refused "the note of event 'trip'" event add trip --name Trip --from 2026-05-01 --note "$ESC_T"
t "consent notes and purpose add refuse an escape or a bell"
refused "the note of the consent record" consent grant 1001 display --note "$ESC_T"
refused "the description of purpose 'zine'" purpose add zine --description "$BEL_T"
refused "the policy of purpose 'zine'" purpose add zine --description Zine --policy "$ESC_T"
t "db set person-roots refuses an escape"
rdb db set person-roots "People;$ESC_T"
expect_status 65
expect_printable "$ERR"
expect_same_file "$DB" "$E2E_TMP/controls.copy" "the database changed"
t "db import refuses the same characters, C1 controls too"
printf 'UPN,Forename,Surname\n1003,A%sB,Jones\n' "$(printf '\302\233')" >"$E2E_TMP/c1.csv"
rdb db import "$E2E_TMP/c1.csv"
expect_status 65
expect_err "holds a control character"
expect_same_file "$DB" "$E2E_TMP/controls.copy" "the database changed"
t "text without control characters is taken as written"
rdb pupil add 1004 --forename "Zo$(printf '\303\253')" --surname "O'Brien-Smith" --alias "Zo$(printf '\303\253') B"
expect_status 0
expect_out "added pupil 1004 Zo$(printf '\303\253') O'Brien-Smith"

e2e_finish db
