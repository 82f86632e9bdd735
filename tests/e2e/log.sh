#!/bin/sh
# End-to-end tests of the audit log, `photoconsent log`: a scan of the
# samples and a check run as of a past date, then what `log --json` holds of
# them, held against what scan --json and check --json said of each photo
# (the rules), never against what log itself printed before; --pupil,
# --file, --since; the text lines; what is not logged; and a database that
# cannot be written to when the scan ends.
# Usage: tests/e2e/log.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"

fresh_demo
SAMPLES_REAL=$(cd samples && pwd -P)
BACKDATED=2026-03-01
# log_rows: how many rows `log --json` gives for $DB; "failed" when log
# fails, which no count equals.
log_rows() {
	if timeout 60 "$PHOTOCONSENT" --db "$DB" log --json >"$E2E_TMP/log-count.json" 2>&1; then
		grep -c . "$E2E_TMP/log-count.json"
	else
		echo failed
	fi
}
# expect_rows N: `log --json` gives N rows.
expect_rows() {
	n_rows=$(log_rows)
	if [ "$n_rows" = "$1" ]; then ok; else bad "$n_rows rows in the log, expected $1"; fi
}
# expect_log MODE: the log's JSON in $OUT against the scan's and the check's.
expect_log() {
	if perl tests/e2e/expect_log.pl "$1" "$OUT" "$E2E_TMP/log-scan.json" \
		"$E2E_TMP/log-check.json" "$SAMPLES_REAL" "$log_skipped" >"$E2E_TMP/expect-log.out" 2>&1; then
		ok
	else
		bad "the log does not say what was judged: $(cat "$E2E_TMP/expect-log.out")"
	fi
}

t "log --help"
run log --help
expect_status 0
expect_out "usage: photoconsent log [--since DATE] [--file PATH] [--pupil ID] [--json]"

t "a scan and a check as of a past date are logged, as they judged"
run --db "$DB" scan --on "$ON" --json samples
expect_status 1
expect_lines "$N_SAMPLES" "$OUT"
cp "$OUT" "$E2E_TMP/log-scan.json"
log_skipped=$(grep -c "^photoconsent: skipped " "$ERR")
chk --on "$BACKDATED" --json samples/sports-day-digikam.jpg
expect_status 1
cp "$OUT" "$E2E_TMP/log-check.json"
expect_json '$j[0]{checked_on} eq "2026-03-01"'
run --db "$DB" log --json
expect_status 0
expect_no_err
expect_log all

t "log --pupil: the photos of Amy Jones (2208), and no others"
run --db "$DB" log --json --pupil 2208
expect_status 0
expect_log pupil:2208

t "log --file: one photo's rows, by its name relative to here"
run --db "$DB" log --json --file samples/sports-day-digikam.jpg
expect_status 0
expect_log file:sports-day-digikam.jpg
t "log --file: the same photo by another name for it"
ln -s "$SAMPLES_REAL/sports-day-digikam.jpg" "$E2E_TMP/link-to-digikam.jpg"
run --db "$DB" log --json --file "$E2E_TMP/link-to-digikam.jpg"
expect_status 0
expect_log file:sports-day-digikam.jpg

t "log: a line per row, the check reading as judged as of its date"
# A row per photo the scan judged, one for the scan, one for the check.
rows=$((N_SAMPLES + 2))
expect_rows "$rows"
run --db "$DB" log
expect_status 0
if [ "$(grep -c . "$OUT")" -eq "$rows" ]; then ok; else bad "$(grep -c . "$OUT") lines for $rows rows"; fi
expect_out "e2e-tester  check  website  judged as of $BACKDATED  do-not-share  $SAMPLES_REAL/sports-day-digikam.jpg  reasons: consent-refused"
# The one check, and it reads as judged as of its own date.
if [ "$(grep -c " check " "$OUT")" -eq 1 ] && [ "$(grep " check " "$OUT" | grep -c "judged as of $BACKDATED")" -eq 1 ]; then
	ok
else
	bad "the backdated check reads as judged on another day"
fi
if [ "$(grep -c "  judged as of $ON  " "$OUT")" -eq "$((rows - 1))" ]; then ok; else bad "the scan's rows do not all say $ON"; fi

t "log: the scan's row and the check's, whole"
# Oldest first: the scan before the photos it judged, the check last. A
# scan: when, who, "scan N", the purpose, the date judged as of, its
# counts (as scan's summary gives them) and its folders; a photo: when,
# who, the command, the purpose, the date judged as of, the verdict, the
# file's real path, then its reasons, warnings and pupils (Amy Jones and
# Oliver Smith). Every time of day read as "(time)".
sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]/(time)/g' "$OUT" |
	sed -n '1p;$p' >"$E2E_TMP/log-ends"
cat >"$E2E_TMP/log-ends.expected" <<EOF
(time)  e2e-tester  scan 1  website  judged as of $ON  31 photos: 12 share, 4 review, 15 do-not-share, 0 unreadable; 2 skipped  of $SAMPLES_REAL  (logged (time))
(time)  e2e-tester  check  website  judged as of $BACKDATED  do-not-share  $SAMPLES_REAL/sports-day-digikam.jpg  reasons: consent-refused  warnings: names-in-metadata  pupils: 2208, 2217
EOF
test_cmp "$E2E_TMP/log-ends.expected" "$E2E_TMP/log-ends"

t "log --since"
run --db "$DB" log --since "$(date -u +%Y-%m-%d)" --json
expect_status 0
if [ "$(grep -c . "$OUT")" -eq "$rows" ]; then ok; else bad "--since today dropped rows"; fi
run --db "$DB" log --since 9999-12-31
expect_status 0
expect_out "no checks logged since 9999-12-31"

t "log --pupil: an unknown pupil"
run --db "$DB" log --pupil 9999
expect_status 65
expect_err "no pupil has the id '9999'"

t "scan --no-log and the parent view write nothing"
run --db "$DB" scan --on "$ON" --json --no-log samples
expect_status 1
run --db "$DB" scan --on "$ON" --json --as parent samples
expect_status 1
expect_rows "$rows"

# A read-only database: judged, one warning, nothing logged (as root the
# command runs as nobody, as check.sh does; skipped without setpriv).
t "scan of a read-only database: judged, with one warning"
ro_dir=$E2E_TMP/ro-scan
mkdir -p "$ro_dir"
cp "$DB" "$ro_dir/demo.db"
chmod 444 "$ro_dir/demo.db"
if unprivileged "$ro_dir"; then
	# shellcheck disable=SC2086 # $as_unprivileged is a command and its options
	timeout 60 $as_unprivileged "$PHOTOCONSENT" --db "$ro_dir/demo.db" scan --on "$ON" --json \
		samples/sports-day-digikam.jpg >"$OUT" 2>"$ERR"
	status=$?
	expect_status 1
	expect_json '@j == 1 && $j[0]{verdict} eq "do-not-share"'
	expect_err "the photos are not written to the audit log"
	if [ "$(grep -c . "$ERR")" -eq 1 ] && grep -q "audit log" "$ERR"; then ok; else bad "not one warning: $(cat "$ERR")"; fi
else
	skip "running as root without setpriv: file modes do not stop root"
fi
chmod 700 "$E2E_TMP"

# Another writer holds the database when the scan ends: every verdict is
# printed, the scan says it is not logged and why, and exits 75; so does a
# check. The lock is held by sqlite3 reading from a FIFO until we close it.
if command -v sqlite3 >/dev/null 2>&1; then
	t "a database locked when the scan ends: verdicts printed, exit 75, nothing logged"
	lock_fifo=$E2E_TMP/log-lock.fifo
	rm -f "$lock_fifo"
	mkfifo "$lock_fifo"
	sqlite3 "$DB" <"$lock_fifo" >/dev/null 2>&1 &
	locker=$!
	exec 9>"$lock_fifo"
	# The locker waits out the probe below, which may hold the lock for an
	# instant just as it begins: without the wait its BEGIN would fail,
	# and the CREATE TABLE after it commit at once, holding nothing.
	printf '.timeout 10000\nBEGIN IMMEDIATE; CREATE TABLE e2e_lock (x);\n' >&9
	# A loaded machine can be slow to start sqlite3: up to 30 s.
	tries=0
	until ! sqlite3 "$DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 || [ "$tries" -ge 300 ]; do
		sleep 0.1
		tries=$((tries + 1))
	done
	if [ "$tries" -lt 300 ]; then
		run --db "$DB" scan --on "$ON" --json samples
		expect_status 75
		if [ "$(grep -c . "$OUT")" -eq "$((rows - 2))" ]; then ok; else bad "not every verdict was printed"; fi
		expect_err "the scan could not be written to the audit log"
		expect_err "locked by another writer"
		chk --on "$ON" samples/sports-day-lightroom.jpg
		expect_status 75
		expect_out "SHARE"
		expect_err "locked by another writer"
	else
		skip "sqlite3 did not take the database's lock within 30 s: a locked database is not tested"
	fi
	echo "ROLLBACK;" >&9
	exec 9>&-
	tries=0
	while kill -0 "$locker" 2>/dev/null && [ "$tries" -lt 50 ]; do sleep 0.1; tries=$((tries + 1)); done
	kill "$locker" 2>/dev/null
	wait "$locker" 2>/dev/null
	expect_rows "$rows"
else
	t "a database locked when the scan ends"
	skip "sqlite3 is not installed: a locked database is not tested"
fi

# ------------------------------------------------------------ unprintable names
t "a file name cannot forge a line of the log's text"
fresh_demo
forged="x
2026-11-26 09:00:00  e2e-tester  check  website  judged as of 2026-11-26  share  ${CSI_C1}evil${RLO}gpj"
cp samples/playground-untagged.jpg "$E2E_TMP/$forged.jpg"
chk --on "$ON" "$E2E_TMP/$forged.jpg"
expect_status 2
rdb log
expect_status 0
expect_printable
expect_lines 1 "$OUT"
expect_no_match '^2026-11-26 09:00:00'
expect_out "  review  $(cd "$E2E_TMP" && pwd -P)/x?2026-11-26 09:00:00  e2e-tester  check  website  judged as of 2026-11-26  share  ?evil?gpj.jpg"
t "log --json keeps the file name exactly, escaped"
rdb log --json
expect_status 0
expect_printable
expect_json '@j == 1 && $j[0]{file} =~ /\/x\n2026-11-26 09:00:00 .*\x{9b}evil\x{202e}gpj\.jpg$/s'
t "log --file names the file without its escapes when nothing is logged"
rdb log --file "$E2E_TMP/$(printf 'gone\033[2J\007\377')"
expect_status 0
expect_printable
expect_out "of '$E2E_TMP/gone?[2J??'"

e2e_finish log
