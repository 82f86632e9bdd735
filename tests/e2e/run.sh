#!/bin/sh
# The end-to-end tests: runs each suite, a script that stands alone in a
# scratch folder of its own, then adds up their counts.
# Usage: tests/e2e/run.sh [BUILD_DIR [SUITE...]]
#   SUITE  a suite's name (db, scan, ...), to run only those; by default all
# A suite that ends before it prints its counts (a crash of the shell, an
# exit on the way) counts as a failure, so a run cannot pass by running
# less than it should.
set -u
BUILD=${1:-build}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/../.." || exit 1
ALL="inspect samples hostile-parsers db excel check scan messages log trust html faults"
suites=${*:-$ALL}

for s in $suites; do
	if [ ! -f "tests/e2e/$s.sh" ]; then
		echo "run.sh: no suite '$s' (the suites: $ALL)"
		exit 64
	fi
done

E2E_COUNTS=$(mktemp "${TMPDIR:-/tmp}/photoconsent-e2e-counts.XXXXXX") || exit 1
trap 'rm -f "$E2E_COUNTS"' EXIT
trap 'exit 130' HUP INT TERM
export E2E_COUNTS

passed=0
failed=0
skipped=0
for s in $suites; do
	lines_before=$(wc -l <"$E2E_COUNTS")
	sh "tests/e2e/$s.sh" "$BUILD"
	suite_status=$?
	if [ "$(wc -l <"$E2E_COUNTS")" -ne $((lines_before + 1)) ]; then
		echo "FAIL $s: the suite ended (exit status $suite_status) before it gave its counts"
		failed=$((failed + 1))
		continue
	fi
	read -r name p f k <<EOF
$(tail -n 1 "$E2E_COUNTS")
EOF
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + k))
	if [ "$name" != "$s" ] || { [ "$suite_status" -ne 0 ] && [ "$f" -eq 0 ]; }; then
		echo "FAIL $s: exit status $suite_status with no failed check counted ('$name')"
		failed=$((failed + 1))
	fi
done

if [ "$skipped" -gt 0 ]; then
	printf 'end-to-end: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
else
	printf 'end-to-end: %d passed, %d failed\n' "$passed" "$failed"
fi
[ "$failed" -eq 0 ]
