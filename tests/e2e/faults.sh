#!/bin/sh
# End-to-end tests of faults: a writer killed half-way, a check while an
# import runs, a full disk, a read-only folder, a damaged database, two
# imports at once, and the modes of the files that name children. After
# each, nothing recorded is lost, readers answer, and the message says
# what happened.
# Usage: tests/e2e/faults.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

# An import long enough to be caught half-way: ROWS pupils, each granted
# the website (big-yes.csv) or refused it (big-no.csv).
ROWS=8000
big_csv() {
	awk -v rows="$ROWS" -v says="$2" 'BEGIN {
		print "pupil_id,forename,surname,class,website,social"
		for (i = 0; i < rows; i++)
			printf "P%05d,Forename%d,Surname%d,5A,%s,no\n", i, i, i, says
	}' >"$1"
}
big_csv "$E2E_TMP/big-yes.csv" yes
big_csv "$E2E_TMP/big-no.csv" no
LAST=P$(printf '%05d' $((ROWS - 1)))

# The database every test here starts from: the demo pupils, then the big
# file imported once (website granted to all of it). Made once, copied.
fresh_demo
BASE=$E2E_TMP/base.db
if timeout 120 "$PHOTOCONSENT" --db "$DB" db import "$E2E_TMP/big-yes.csv" >"$OUT" 2>"$ERR"; then
	cp "$DB" "$BASE"
else
	t "set-up"
	fail_setup "importing the big file: $(cat "$ERR")"
fi
n_copy=0
# from_base: $DB is a new copy of the base database.
from_base() {
	n_copy=$((n_copy + 1))
	DB=$E2E_TMP/copy$n_copy.db
	cp "$BASE" "$DB"
}

# website_of ID: "granted", "refused"... as `pupil show` says today.
website_of() {
	timeout 60 "$PHOTOCONSENT" --db "$DB" pupil show "$1" 2>/dev/null |
		awk '$1 == "website" { print $2 }'
}

# now_ms: milliseconds, for how long a command took.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# start_import FILE: an import of FILE into $DB in the background; its pid
# in $import_pid, its output in import.out and import.err.
start_import() {
	# sh starts a job in the background with SIGINT ignored; Ctrl-C
	# reaches a command in the foreground, which has it as the default.
	perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die "$ARGV[0]: $!\n"' \
		"$PHOTOCONSENT" --db "$DB" db import "$1" >"$E2E_TMP/import.out" 2>"$E2E_TMP/import.err" &
	import_pid=$!
}

# writing_now [BYTES]: waits until the import in the background is
# writing (its write-ahead log, or a rollback journal, has grown past BYTES,
# 64 KB by default); 1 if it ended first or took over 60 s.
writing_now() {
	past=${1:-65536}
	i=0
	while kill -0 "$import_pid" 2>/dev/null && [ "$i" -lt 6000 ]; do
		for j in "$DB-wal" "$DB-journal"; do
			if [ -f "$j" ] && [ "$(stat -c %s "$j")" -gt "$past" ]; then
				return 0
			fi
		done
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}

# ------------------------------------------------------------ a writer killed
for sig in KILL TERM INT; do
	t "SIG$sig during db import: check and pupil show answer at once"
	from_base
	start_import "$E2E_TMP/big-no.csv"
	# Well into the import's write: a megabyte of its log.
	if writing_now 1000000; then
		kill -s "$sig" "$import_pid"
		wait "$import_pid" 2>/dev/null
		run --db "$DB" check --as parent samples/sports-day-lightroom.jpg
		expect_status 0
		expect_out "SHARE"
		run --db "$DB" pupil show "$LAST"
		expect_status 0
		expect_out "pupil $LAST: Forename$((ROWS - 1)) Surname$((ROWS - 1))"
		# Nothing of the killed import is there, nothing before it lost.
		if [ "$(website_of P00000)" = granted ] && [ "$(website_of "$LAST")" = granted ]; then
			ok
		else
			bad "after the killed import, website is $(website_of P00000) / $(website_of "$LAST")"
		fi
		run --db "$DB" check --on "$ON" samples/sports-day-digikam.jpg
		expect_status 1
		expect_out "DO NOT SHARE"
		run --db "$DB" log --file samples/sports-day-digikam.jpg
		expect_status 0
		expect_out "sports-day-digikam.jpg"

		t "SIG$sig during db import: the import run again goes through whole"
		run --db "$DB" db import "$E2E_TMP/big-no.csv"
		expect_status 0
		if [ "$(website_of P00000)" = refused ] && [ "$(website_of "$LAST")" = refused ]; then
			ok
		else
			bad "after the import, website is $(website_of P00000) / $(website_of "$LAST")"
		fi
	else
		wait "$import_pid" 2>/dev/null
		bad "the import ended before it could be stopped: $(cat "$E2E_TMP/import.err")"
	fi
done

# A file made before the write-ahead log, left by a writer killed with its
# rollback journal hot (sqlite3 with a one-page cache spills the change
# into the file): a reader puts it back and answers.
if command -v sqlite3 >/dev/null 2>&1; then
	t "an older database left with a hot journal: readers answer"
	from_base
	sqlite3 "$DB" 'PRAGMA journal_mode = DELETE' >/dev/null
	mkfifo "$E2E_TMP/hot.fifo"
	sqlite3 "$DB" <"$E2E_TMP/hot.fifo" >"$E2E_TMP/hot.log" 2>&1 &
	hot_pid=$!
	exec 3>"$E2E_TMP/hot.fifo"
	printf "PRAGMA cache_size = 1;\nBEGIN;\nUPDATE pupils SET surname = 'Half-written';\n.shell touch '%s'\n" \
		"$E2E_TMP/hot.done" >&3
	i=0
	while [ ! -e "$E2E_TMP/hot.done" ] && [ "$i" -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	kill -9 "$hot_pid"
	wait "$hot_pid" 2>/dev/null
	exec 3>&-
	if [ -s "$DB-journal" ]; then
		run --db "$DB" pupil show P00000
		expect_status 0
		expect_out "pupil P00000: Forename0 Surname0"
		run --db "$DB" check --as parent samples/sports-day-lightroom.jpg
		expect_status 0
		run --db "$DB" pupil list
		expect_status 0
		expect_not_out "Half-written"
	else
		bad "sqlite3 left no hot journal: $(cat "$E2E_TMP/hot.log")"
	fi
else
	t "an older database left with a hot journal: readers answer"
	skip "sqlite3 is not installed"
fi

# ------------------------------------------------------------ a check during an import
# A long import, held open: sqlite3 fed through a FIFO writes to every
# pupil in one transaction (a one-page cache spills it into the file, as a
# big import does) and keeps it open until we close our end.
if command -v sqlite3 >/dev/null 2>&1; then
	t "a check during a long write answers without waiting for it"
	from_base
	mkfifo "$E2E_TMP/long.fifo"
	sqlite3 "$DB" <"$E2E_TMP/long.fifo" >"$E2E_TMP/long.log" 2>&1 &
	long_pid=$!
	exec 4>"$E2E_TMP/long.fifo"
	printf "PRAGMA cache_size = 1;\nBEGIN IMMEDIATE;\nUPDATE pupils SET surname = 'Half-written';\n.shell touch '%s'\n" \
		"$E2E_TMP/long.writing" >&4
	i=0
	while [ ! -e "$E2E_TMP/long.writing" ] && [ "$i" -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	if [ -e "$E2E_TMP/long.writing" ]; then
		for args in "check --as parent samples/sports-day-lightroom.jpg" \
			"check --no-log samples/sports-day-lightroom.jpg" "pupil show P00000"; do
			started=$(now_ms)
			# shellcheck disable=SC2086 # the arguments are split on purpose
			run --db "$DB" $args
			took=$(($(now_ms) - started))
			expect_status 0
			# A reader that waited for the writer would take the
			# busy timeout, 5 s, and then fail.
			if [ "$took" -lt 3000 ]; then ok; else bad "'$args' took $took ms"; fi
		done
		# It reads what was committed before the write began.
		expect_out "pupil P00000: Forename0 Surname0"
		# A staff check answers at once too; only its audit log entry
		# must wait for the writer, and says so when it cannot.
		run --db "$DB" check samples/sports-day-lightroom.jpg
		expect_out "SHARE         samples/sports-day-lightroom.jpg"
		expect_status 75
		expect_err "are not logged: check the photos again to log them"
	else
		bad "sqlite3 did not begin writing: $(cat "$E2E_TMP/long.log")"
	fi
	exec 4>&-
	wait "$long_pid" 2>/dev/null

	t "once the long write is given up, nothing of it is left"
	run --db "$DB" pupil list
	expect_status 0
	expect_not_out "Half-written"
else
	t "a check during a long write answers without waiting for it"
	skip "sqlite3 is not installed"
fi

# ------------------------------------------------------------ two imports at once
t "two imports at once: each goes through whole, or is told to wait"
from_base
start_import "$E2E_TMP/big-no.csv"
first_pid=$import_pid
"$PHOTOCONSENT" --db "$DB" db import "$E2E_TMP/big-yes.csv" >"$E2E_TMP/second.out" 2>"$E2E_TMP/second.err"
second=$?
wait "$first_pid"
first=$?
if [ "$first" -eq 0 ] && { [ "$second" -eq 0 ] || { [ "$second" -eq 75 ] &&
	grep -q "locked by another writer" "$E2E_TMP/second.err"; }; }; then
	ok
else
	bad "the imports gave $first and $second: $(cat "$E2E_TMP/import.err" "$E2E_TMP/second.err")"
fi
# Whichever came last, it came whole: every pupil says the same.
if [ "$(website_of P00000)" = "$(website_of "$LAST")" ] &&
	[ -n "$(website_of P00000)" ]; then
	ok
else
	bad "half of one import: website is $(website_of P00000) / $(website_of "$LAST")"
fi

# ------------------------------------------------------------ a full disk
# A file-size limit (ulimit -f, with SIGXFSZ ignored so that a write fails
# as on a full disk) stops the import's log from growing.
t "a full disk during db import: nothing written, the cause said"
from_base
cp "$DB" "$E2E_TMP/before-full.db"
(
	ulimit -f 400
	trap '' XFSZ
	exec timeout 120 "$PHOTOCONSENT" --db "$DB" db import "$E2E_TMP/big-no.csv"
) >"$OUT" 2>"$ERR"
status=$?
expect_status 74
expect_err "may not grow any larger"
expect_err "nothing was imported"
expect_same_file "$DB" "$E2E_TMP/before-full.db" "the failed import changed the database"
if [ "$(website_of P00000)" = granted ]; then ok; else bad "website is $(website_of P00000)"; fi
run --db "$DB" db import "$E2E_TMP/big-no.csv"
expect_status 0

t "a full disk during scan --html: no report, nothing half-written"
from_base
mkdir -p "$E2E_TMP/full-html"
(
	# 100 KB: the database's log and its index fit, the report does not.
	ulimit -f 200
	trap '' XFSZ
	exec timeout 120 "$PHOTOCONSENT" --db "$DB" scan --on "$ON" \
		--html "$E2E_TMP/full-html/report.html" samples/
) >"$OUT" 2>"$ERR"
status=$?
expect_status 74
expect_err "cannot write the report '$E2E_TMP/full-html/report.html'"
if [ -z "$(ls -A "$E2E_TMP/full-html")" ]; then ok; else bad "left: $(ls -A "$E2E_TMP/full-html")"; fi
run --db "$DB" pupil show P00000
expect_status 0

# ------------------------------------------------------------ a read-only folder
t "a read-only folder: writes say why, reads answer"
from_base
ro_dir=$E2E_TMP/ro-folder
mkdir -p "$ro_dir"
cp "$DB" "$ro_dir/consent.db"
chmod 666 "$ro_dir/consent.db"
chmod 555 "$ro_dir"
if unprivileged "$ro_dir" && chmod 555 "$ro_dir"; then
	cp "$ro_dir/consent.db" "$E2E_TMP/ro-folder.copy"
	# ro_run ARGS...: as run, as the unprivileged user when root.
	# shellcheck disable=SC2086 # $as_unprivileged is a command and its options
	ro_run() { timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$ro_dir/consent.db" "$@" >"$OUT" 2>"$ERR"; status=$?; }
	ro_run consent grant P00000 press
	expect_status 74
	expect_err "cannot create the journal in '$ro_dir': read-only folder"
	ro_run pupil show P00000
	expect_status 0
	expect_out "granted"
	ro_run check --as parent samples/sports-day-lightroom.jpg
	expect_status 0
	expect_same_file "$ro_dir/consent.db" "$E2E_TMP/ro-folder.copy" "the database changed"
	if [ -z "$(ls -A "$ro_dir" | grep -v '^consent.db$')" ]; then ok; else bad "left: $(ls -A "$ro_dir")"; fi
else
	skip "running as root without setpriv: file modes do not stop root"
fi
chmod 700 "$ro_dir" "$E2E_TMP"

# ------------------------------------------------------------ a damaged database
# 4 KB overwritten in the middle of the file, at three places: every page
# there is damaged, and a command that would write, or judge, refuses.
for page in 5 10 20; do
	t "a damaged database (page $page overwritten) is refused for writing"
	fresh_demo
	head -c 4096 /dev/zero | tr '\0' '\377' |
		dd of="$DB" bs=4096 seek="$page" conv=notrunc 2>/dev/null
	cp "$DB" "$E2E_TMP/damaged.copy"
	for args in "consent grant 2501 website" "consent withdraw 2502 website" \
		"pupil add 9999 --forename A --surname B" "db import $DEMO_CSV"; do
		# shellcheck disable=SC2086 # the arguments are split on purpose
		rdb $args
		expect_status 65
		expect_err "'$DB' is damaged"
	done
	expect_err "restore it from a backup"
	expect_same_file "$DB" "$E2E_TMP/damaged.copy" "a write changed the damaged database"
	rdb check samples/sports-day-lightroom.jpg
	expect_status 65
	expect_err "'$DB' is damaged"
done

# ------------------------------------------------------------ file modes
t "db init on an empty file that is there makes it the owner's alone"
DB=$E2E_TMP/touched.db
: >"$DB"
chmod 644 "$DB"
rdb db init
expect_status 0
if [ "$(stat -c %a "$DB")" = 600 ]; then ok; else bad "mode $(stat -c %a "$DB"), expected 600"; fi

t "an import into an empty file makes it the owner's alone"
DB=$E2E_TMP/touched-import.db
: >"$DB"
chmod 644 "$DB"
rdb db import "$DEMO_CSV"
expect_status 0
if [ "$(stat -c %a "$DB")" = 600 ]; then ok; else bad "mode $(stat -c %a "$DB"), expected 600"; fi

t "db init --mode 0640 shares it with the group, as asked"
DB=$E2E_TMP/group.db
rdb db init --mode 0640
expect_status 0
if [ "$(stat -c %a "$DB")" = 640 ]; then ok; else bad "mode $(stat -c %a "$DB"), expected 640"; fi
rdb db init --mode 1777
expect_status 64
expect_err "--mode takes permission bits in octal"
run --db "$DB" pupil add 7001 --forename Amy --surname Jones
expect_status 0
if [ "$(stat -c %a "$DB")" = 640 ]; then ok; else bad "mode $(stat -c %a "$DB") after a write"; fi
rdb db init --mode 0200
expect_status 64

t "the contact sheet is the owner's alone whatever the umask"
from_base
: >"$E2E_TMP/sheet.html"
chmod 644 "$E2E_TMP/sheet.html"
(
	umask 000
	exec timeout 60 "$PHOTOCONSENT" --db "$DB" scan --on "$ON" --html "$E2E_TMP/sheet.html" samples/
) >"$OUT" 2>"$ERR"
status=$?
expect_status 1
if [ "$(stat -c %a "$E2E_TMP/sheet.html")" = 600 ]; then ok; else bad "mode $(stat -c %a "$E2E_TMP/sheet.html")"; fi

t "scan --mode 0640 shares the contact sheet with the group, as asked"
run --db "$DB" scan --on "$ON" --no-log --html "$E2E_TMP/group.html" --mode 0640 samples/
expect_status 1
if [ "$(stat -c %a "$E2E_TMP/group.html")" = 640 ]; then ok; else bad "mode $(stat -c %a "$E2E_TMP/group.html")"; fi
run --db "$DB" scan --mode 0640 samples/
expect_status 64
expect_err "give --html REPORT too"

e2e_finish faults
