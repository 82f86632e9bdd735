#!/bin/sh
# Valgrind over `inspect`, and `scan --html`, on every sample and every
# hostile file: no leak, no invalid read or write, no use of uninitialised
# memory.
# Usage: tests/e2e/valgrind.sh BUILD_DIR
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/../.."
if ! command -v valgrind >/dev/null 2>&1; then
	echo "skipped: valgrind not installed"
	echo "valgrind: 0 passed, 0 failed, 1 skipped"
	exit 0
fi
HOSTILE=$BUILD/hostile
rm -rf "$HOSTILE" && mkdir -p "$HOSTILE"
"$BUILD/tests/make_hostile" "$HOSTILE" || { echo "FAIL: make_hostile failed"; exit 1; }
# The sparse file of FF D8 and 16 GiB of zeros, whose preview stops after
# a mebibyte; not the 499-scan one, which under valgrind runs into the
# preview's limit on processor time (seconds) and costs 200 MB.
PREVIEW=$BUILD/preview-hostile
rm -rf "$PREVIEW" && mkdir -p "$PREVIEW"
"$BUILD/tests/make_preview_hostile" "$PREVIEW" && rm -f "$PREVIEW/scans.jpg" ||
	{ echo "FAIL: make_preview_hostile failed"; exit 1; }
# A glob that matched nothing would hand valgrind a name that is not there.
if [ "$(find "$HOSTILE" -type f | wc -l)" -lt 1 ] || [ ! -f samples/sports-day-digikam.jpg ]; then
	echo "FAIL: no hostile files or no samples to run valgrind over"
	exit 1
fi

passed=0
failed=0
for mode in --json ""; do
	log=$BUILD/valgrind$mode.log
	# 99 marks a valgrind finding, apart from inspect's own statuses.
	valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
		--error-exitcode=99 --log-file="$log" \
		"$BUILD/photoconsent" inspect $mode samples/*.jpg "$HOSTILE"/* >/dev/null 2>&1
	status=$?
	if [ "$status" -eq 99 ] || [ -s "$log" ]; then
		echo "FAIL valgrind inspect $mode (status $status):"
		cat "$log"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
# scan on its threads, with previews for a contact sheet, over the same
# files and a database of the demo's pupils. libjpeg-turbo's SIMD code
# stays on, as users run it: the previews take the decoder's samples raw
# and read none it did not write (lib/report/thumb.c).
db=$BUILD/valgrind-scan.db
rm -f "$db"
sh build-aux/demo-db.sh "$BUILD/photoconsent" "$db" >/dev/null 2>&1 ||
	{ echo "FAIL: the demo database"; exit 1; }
log=$BUILD/valgrind-scan.log
valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
	--error-exitcode=99 --log-file="$log" \
	"$BUILD/photoconsent" --db "$db" scan --jobs 2 --html "$BUILD/valgrind-scan.html" \
	samples "$HOSTILE" "$PREVIEW" >/dev/null 2>&1
status=$?
if [ "$status" -eq 99 ] || [ -s "$log" ]; then
	echo "FAIL valgrind scan --html (status $status):"
	cat "$log"
	failed=$((failed + 1))
else
	passed=$((passed + 1))
fi
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
