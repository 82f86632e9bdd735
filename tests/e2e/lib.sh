# Helpers for the end-to-end tests: run the built command with its output,
# errors and exit status kept in files (never through a pipe, which would
# hide a crash), then check them. Each suite is a script of its own that
# stands alone:
#
#   . "$(dirname "$0")/lib.sh"
#   e2e_start "$@"
#   ... tests ...
#   e2e_finish NAME
#
# e2e_start gives the suite its own scratch folder, removed when the suite
# ends, and everything else a test needs (the demo database, the hostile
# files) is made there by the functions below, never taken from another
# suite. Run one suite as `sh tests/e2e/NAME.sh BUILD_DIR`; run.sh runs
# them all and adds up their counts.
#
# A check must not pass when the command it checks printed nothing or
# failed: the expect_ functions refuse an empty pattern, expect_json wants
# at least one line of JSON, and a count compared is the exact one the
# rules give.

# The project's root: the suites are in tests/e2e/ below it.
E2E_ROOT=$(cd "$(dirname "$0")/../.." && pwd)

# e2e_start [BUILD_DIR]: from the project's root, with $PHOTOCONSENT the
# build's command and a new scratch folder $E2E_TMP, removed on exit.
e2e_start() {
	set -u
	BUILD=${1:-build}
	# A build folder named from elsewhere than the project's root.
	case $BUILD in
	/*) ;;
	*) if [ ! -d "$E2E_ROOT/$BUILD" ] && [ -d "$BUILD" ]; then BUILD=$(cd "$BUILD" && pwd); fi ;;
	esac
	cd "$E2E_ROOT" || exit 1
	PHOTOCONSENT=$BUILD/photoconsent
	if [ ! -x "$PHOTOCONSENT" ]; then
		echo "FAIL: no command at '$PHOTOCONSENT': build it first (make -j2)"
		exit 1
	fi
	# Scratch in memory when there is room (a container's /dev/shm may be
	# 64 MB): every database write is synced, and on a busy disk the syncs
	# took much of the suites' time while proving nothing more.
	scratch=${TMPDIR:-/tmp}
	if [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ] &&
		[ "$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')" -gt 1048576 ] 2>/dev/null; then
		scratch=/dev/shm
	fi
	E2E_TMP=$(mktemp -d "$scratch/photoconsent-e2e.XXXXXX") || exit 1
	# A test may leave a folder no one may enter: open it for rm.
	trap 'chmod -R u+rwx "$E2E_TMP" 2>/dev/null; rm -rf "$E2E_TMP"' EXIT
	trap 'exit 130' HUP INT TERM
	OUT=$E2E_TMP/stdout
	ERR=$E2E_TMP/stderr
	: >"$OUT"
	: >"$ERR"
	passed=0
	failed=0
	skipped=0
	current=""
	status=0
	# Every suite starts from the same environment, whoever runs it.
	unset PHOTOCONSENT_DB NO_COLOR
	PHOTOCONSENT_USER=e2e-tester
	export PHOTOCONSENT_USER
}

# The date the hand-written expectations judge as of, and the standard
# purposes (tests/e2e/verdicts.expected uses both).
ON=2026-11-26
PURPOSES="display newsletter website social press parent-social staff-personal"
DEMO_CSV=${DEMO_CSV:-consent-db/demo.csv}
# How many photos samples/README.md lists (samples.sh holds samples/ to it).
N_SAMPLES=31

# run ARGS...: runs photoconsent with a time limit; sets $status.
run() {
	timeout 60 "$PHOTOCONSENT" "$@" >"$OUT" 2>"$ERR"
	status=$?
}

t() { current=$1; }

ok() { passed=$((passed + 1)); }

bad() {
	failed=$((failed + 1))
	printf 'FAIL %s: %s\n' "$current" "$1"
	printf '  stdout: %s\n' "$(head -c 600 "$OUT")"
	printf '  stderr: %s\n' "$(head -c 600 "$ERR")"
}

skip() {
	skipped=$((skipped + 1))
	printf 'skipped %s: %s\n' "$current" "$1"
}

# fail_setup WHAT: a set-up step failed; the tests after it would check
# nothing, so it counts as a failure.
fail_setup() {
	failed=$((failed + 1))
	printf 'FAIL %s: set-up: %s\n' "$current" "$1"
}

expect_status() {
	if [ "$status" -eq "$1" ]; then ok; else bad "exit status $status, expected $1"; fi
}

# A crash (signal) or a hang (timeout's 124) is never acceptable.
expect_no_crash() {
	if [ "$status" -lt 124 ]; then ok; else bad "exit status $status: crashed or hung"; fi
}

# expect_out TEXT, expect_err TEXT: stdout or stderr holds TEXT. An empty
# TEXT, which every output holds, is a mistake in the test.
expect_out() {
	if [ -z "$1" ]; then
		bad "expect_out given nothing to look for"
	elif grep -qF -- "$1" "$OUT"; then ok; else bad "stdout lacks '$1'"; fi
}

expect_err() {
	if [ -z "$1" ]; then
		bad "expect_err given nothing to look for"
	elif grep -qF -- "$1" "$ERR"; then ok; else bad "stderr lacks '$1'"; fi
}

# expect_line TEXT: stdout holds TEXT as a whole line.
expect_line() {
	if [ -z "$1" ]; then
		bad "expect_line given nothing to look for"
	elif grep -qxF -- "$1" "$OUT"; then ok; else bad "stdout lacks the line '$1'"; fi
}

# expect_not_out TEXT: stdout, which must hold something, lacks TEXT.
expect_not_out() {
	if [ ! -s "$OUT" ]; then
		bad "stdout is empty (looking for no '$1' in it)"
	elif grep -qF -- "$1" "$OUT"; then bad "stdout holds '$1'"; else ok; fi
}

# expect_no_match REGEX [FILE...]: no line of the FILEs (stdout by
# default) matches REGEX, and they hold something: a command that printed
# nothing, having failed, names nothing either.
expect_no_match() {
	no_match_re=$1
	shift
	[ $# -gt 0 ] || set -- "$OUT"
	if [ -z "$(cat "$@" 2>/dev/null)" ]; then
		bad "nothing printed (looking for no line matching '$no_match_re')"
	elif grep -q -- "$no_match_re" "$@"; then
		bad "a line matches '$no_match_re': $(grep -h -- "$no_match_re" "$@" | head -n 3)"
	else
		ok
	fi
}

expect_no_err() {
	if [ ! -s "$ERR" ]; then ok; else bad "stderr is not empty"; fi
}

expect_no_out() {
	if [ ! -s "$OUT" ]; then ok; else bad "stdout is not empty"; fi
}

# expect_same_file FILE COPY MESSAGE: FILE is byte for byte COPY, and holds
# something (two files that are both missing or empty are no evidence).
expect_same_file() {
	if [ -s "$1" ] && cmp -s "$1" "$2"; then ok; else bad "$3"; fi
}

# expect_lines N FILE: FILE has exactly N lines (N may not be 0: a count
# that is 0 when nothing ran checks nothing).
expect_lines() {
	if [ "$1" -eq 0 ]; then
		bad "expect_lines of 0 lines checks nothing"
		return
	fi
	n=$(wc -l <"$2")
	if [ "$n" -eq "$1" ]; then ok; else bad "$n lines in $(basename "$2"), expected $1"; fi
}

# test_cmp EXPECTED ACTUAL: the whole of ACTUAL is the hand-written
# EXPECTED (git's test_cmp); on failure the difference is shown, the
# expected text's lines marked -, the actual's +.
test_cmp() {
	if diff -u "$1" "$2" >"$E2E_TMP/test_cmp.diff" 2>&1; then
		ok
	else
		failed=$((failed + 1))
		printf 'FAIL %s: %s differs from what is expected:\n' "$current" "$(basename "$2")"
		sed -n '3,60s/^/  /p' "$E2E_TMP/test_cmp.diff"
	fi
}

# expect_stdout: stdout is exactly the text on standard input (a here
# document, written by hand from the rules).
expect_stdout() {
	cat >"$E2E_TMP/expected"
	cp "$OUT" "$E2E_TMP/stdout.actual"
	test_cmp "$E2E_TMP/expected" "$E2E_TMP/stdout.actual"
}

# expect_stderr: as expect_stdout, for stderr.
expect_stderr() {
	cat >"$E2E_TMP/expected"
	cp "$ERR" "$E2E_TMP/stderr.actual"
	test_cmp "$E2E_TMP/expected" "$E2E_TMP/stderr.actual"
}

# expect_json PERL-EXPR: stdout holds at least one line, each line is JSON;
# the expression, with the decoded lines in @j ($j[0] the first), must be
# true.
expect_json() {
	if perl -MJSON::PP -e '
		my @j; open my $f, "<", $ARGV[0] or die;
		while (<$f>) { push @j, JSON::PP->new->decode($_) }
		@j or die "no JSON at all\n";
		exit(eval($ARGV[1]) ? 0 : 1);' "$OUT" "$1" 2>"$E2E_TMP/perl.err"; then
		ok
	else
		bad "JSON check failed: $1 $(cat "$E2E_TMP/perl.err")"
	fi
}

# expect_no_escape: stdout, which must hold something, has no escape code.
expect_no_escape() {
	if [ ! -s "$OUT" ]; then
		bad "stdout is empty (looking for escape codes in it)"
	elif grep -q "$(printf '\033')" "$OUT"; then bad "an escape code in stdout"; else ok; fi
}

# expect_printable [FILE...]: the FILEs (stdout and stderr by default),
# which must hold something, hold nothing a terminal obeys or a reader is
# fooled by: no control byte but a line end (ESC, BEL, CR, a tab), only
# valid UTF-8, no C1 control (U+0080-U+009F: U+009B is CSI), no line or
# paragraph separator, no bidirectional override, embedding, isolate or
# mark.
expect_printable() {
	[ $# -gt 0 ] || set -- "$OUT" "$ERR"
	if [ -z "$(cat "$@" 2>/dev/null)" ]; then
		bad "nothing printed (looking for characters that are not printable)"
	elif perl -MEncode -e '
		my $bad = 0;
		for my $f (@ARGV) {
			open my $h, "<:raw", $f or die "$f: $!\n";
			local $/;
			my $b = <$h> // "";
			if ($b =~ /([\x00-\x09\x0b-\x1f\x7f])/) {
				printf STDERR "%s holds the byte 0x%02x; ", $f, ord $1;
				$bad = 1;
				next;
			}
			my $s = eval { Encode::decode("UTF-8", $b, Encode::FB_CROAK) };
			if (!defined $s) {
				print STDERR "$f is not valid UTF-8; ";
				$bad = 1;
			} elsif ($s =~ /([\x{80}-\x{9f}\x{61c}\x{200e}\x{200f}\x{2028}-\x{202e}\x{2066}-\x{2069}])/) {
				printf STDERR "%s holds U+%04X; ", $f, ord $1;
				$bad = 1;
			}
		}
		exit $bad;' "$@" 2>"$E2E_TMP/printable.err"; then
		ok
	else
		bad "$(cat "$E2E_TMP/printable.err")"
	fi
}

# expect_said TEXT: stdout holds TEXT once the report's wrapped lines are
# joined again (a line break and its indent read as one space).
expect_said() {
	if SAID=$1 perl -0777 -ne 's/\n {6,}/ /g; exit(index($_, $ENV{SAID}) >= 0 ? 0 : 1)' "$OUT"; then
		ok
	else
		bad "stdout lacks '$1'"
	fi
}

# ------------------------------------------------------------ databases
n_db=0
# fresh_db: a new empty database in $DB.
fresh_db() {
	n_db=$((n_db + 1))
	DB=$E2E_TMP/t$n_db.db
	if ! "$PHOTOCONSENT" --db "$DB" db init >/dev/null 2>"$E2E_TMP/init.err"; then
		fail_setup "db init for a fresh database: $(cat "$E2E_TMP/init.err")"
	fi
}

n_demo=0
# fresh_demo: a new demo database in $DB, made as `make demo` makes it
# (build-aux/demo-db.sh).
fresh_demo() {
	n_demo=$((n_demo + 1))
	DB=$E2E_TMP/demo$n_demo.db
	if ! sh build-aux/demo-db.sh "$PHOTOCONSENT" "$DB" >/dev/null 2>"$E2E_TMP/demo.err"; then
		fail_setup "the demo database: $(cat "$E2E_TMP/demo.err")"
	fi
}

# rdb ARGS...: run against $DB.
rdb() { run --db "$DB" "$@"; }
# chk ARGS...: check against $DB.
chk() { run --db "$DB" check "$@"; }
# scn ARGS...: scan against $DB.
scn() { run --db "$DB" scan "$@"; }

# quiet ARGS...: set-up against $DB that must succeed.
quiet() {
	if ! "$PHOTOCONSENT" --db "$DB" "$@" >/dev/null 2>"$E2E_TMP/quiet.err"; then
		fail_setup "$*: $(cat "$E2E_TMP/quiet.err")"
	fi
}

# ------------------------------------------------------------ files
# hostile_files: the hostile files of tests/tools/make_hostile.c in
# $HOSTILE, and how many in $n_hostile (never 0: a loop over none checks
# nothing).
hostile_files() {
	HOSTILE=$E2E_TMP/hostile
	mkdir -p "$HOSTILE"
	if ! "$BUILD/tests/make_hostile" "$HOSTILE" >/dev/null 2>"$E2E_TMP/hostile.err"; then
		echo "FAIL: make_hostile could not write the hostile files: $(cat "$E2E_TMP/hostile.err")"
		exit 1
	fi
	n_hostile=$(find "$HOSTILE" -type f | wc -l)
	if [ "$n_hostile" -lt 1 ]; then
		echo "FAIL: make_hostile wrote no hostile file"
		exit 1
	fi
}

# Characters a terminal obeys or that turn text around, as UTF-8: a C1
# CSI (U+009B), a right-to-left override (U+202E), a line separator
# (U+2028).
CSI_C1=$(printf '\302\233')
RLO=$(printf '\342\200\256')
LSEP=$(printf '\342\200\250')

# hostile_text_photo FILE: a photo whose tags hold what a terminal obeys:
# an IPTC keyword in Latin-1 (no character set named) with the byte 0x9B,
# which reads as U+009B (CSI), "People/Ann" CSI "2J"; an XMP name with a
# right-to-left override, "People/Bob " RLO "gpj.exe"; an XMP caption
# with a line separator, "cap" LSEP "tion". Returns 1 when exiftool is
# not installed (the test must skip).
hostile_text_photo() {
	command -v exiftool >/dev/null 2>&1 || return 1
	cp samples/book-week-iptc-latin1.jpg "$1" || return 1
	# exiftool's Latin is Windows-1252, where U+203A is the byte 0x9B.
	exiftool -q -q -overwrite_original -charset iptc=latin \
		"-IPTC:Keywords+=People/Ann$(printf '\342\200\272')2J" \
		"-XMP-dc:Subject+=People/Bob ${RLO}gpj.exe" \
		"-XMP-dc:Description=cap${LSEP}tion" "$1"
}

# unprivileged DIR: file modes do not stop root, so a test of a read-only
# file runs its command as an unprivileged user when we are root. Sets
# $as_unprivileged to the prefix to run commands with ("" when not root) and
# opens the way to DIR for that user; returns 1 when root has no setpriv,
# and the test must skip.
unprivileged() {
	as_unprivileged=""
	[ "$(id -u)" -eq 0 ] || return 0
	command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null || return 1
	as_unprivileged="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 711 "$E2E_TMP"
	chmod 755 "$1"
}

# e2e_finish NAME: prints the suite's counts (and adds them to the file
# $E2E_COUNTS names, when run.sh runs the suite), and exits 0 only when
# nothing failed.
e2e_finish() {
	if [ "$skipped" -gt 0 ]; then
		printf '%s: %d passed, %d failed, %d skipped\n' "$1" "$passed" "$failed" "$skipped"
	else
		printf '%s: %d passed, %d failed\n' "$1" "$passed" "$failed"
	fi
	if [ -n "${E2E_COUNTS:-}" ]; then
		printf '%s %d %d %d\n' "$1" "$passed" "$failed" "$skipped" >>"$E2E_COUNTS"
	fi
	[ "$failed" -eq 0 ]
	exit
}
