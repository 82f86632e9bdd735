# Helpers for the end-to-end tests: run the built command with its output,
# errors and exit status kept in files (never through a pipe, which would
# hide a crash), then check them. Sourced by the test scripts.

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/photoconsent-e2e.XXXXXX")
trap 'rm -rf "$E2E_TMP"' EXIT
OUT=$E2E_TMP/stdout
ERR=$E2E_TMP/stderr
passed=0
failed=0
skipped=0
current=""

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

expect_status() {
	if [ "$status" -eq "$1" ]; then ok; else bad "exit status $status, expected $1"; fi
}

# A crash (signal) or a hang (timeout's 124) is never acceptable.
expect_no_crash() {
	if [ "$status" -lt 124 ]; then ok; else bad "exit status $status: crashed or hung"; fi
}

expect_out() {
	if grep -qF -- "$1" "$OUT"; then ok; else bad "stdout lacks '$1'"; fi
}

expect_err() {
	if grep -qF -- "$1" "$ERR"; then ok; else bad "stderr lacks '$1'"; fi
}

expect_no_err() {
	if [ ! -s "$ERR" ]; then ok; else bad "stderr is not empty"; fi
}

# expect_json PERL-EXPR: each output line is JSON; the expression, with the
# decoded lines in @j ($j[0] the first), must be true.
expect_json() {
	if perl -MJSON::PP -e '
		my @j; open my $f, "<", $ARGV[0] or die;
		while (<$f>) { push @j, JSON::PP->new->decode($_) }
		exit(eval($ARGV[1]) ? 0 : 1);' "$OUT" "$1" 2>"$E2E_TMP/perl.err"; then
		ok
	else
		bad "JSON check failed: $1 $(cat "$E2E_TMP/perl.err")"
	fi
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

finish() {
	if [ "$skipped" -gt 0 ]; then
		printf '%s: %d passed, %d failed, %d skipped\n' "$1" "$passed" "$failed" "$skipped"
	else
		printf '%s: %d passed, %d failed\n' "$1" "$passed" "$failed"
	fi
	[ "$failed" -eq 0 ]
}
