#!/bin/sh
# `make demo`: builds the demo consent database from consent-db/demo.csv
# with photoconsent's own commands, then shows what it reads from each
# sample photo.
set -u
bin=$1
cd "$(dirname "$0")/.." || exit
db=$(dirname "$bin")/demo.db

# say ARGS...: show the command, then run it on the demo database.
say() {
	line="\$ photoconsent"
	for arg in "$@"; do
		case $arg in
		*" "*) line="$line \"$arg\"" ;;
		*) line="$line $arg" ;;
		esac
	done
	echo "$line"
	"$bin" --db "$db" "$@" || exit
}
# quietly ARGS...: run it, showing only what goes wrong.
quietly() {
	"$bin" --db "$db" "$@" >/dev/null || exit
}

echo "== the demo consent database, $db"
echo
rm -f "$db"
say db init
say db import consent-db/demo.csv
quietly event add sports-day-2026 --name "Sports Day 2026" \
	--from 2026-07-03 --to 2026-07-03 --tag "Sports Day 2026"
quietly event add nativity-2025 --name "Nativity Play 2025" \
	--from 2025-12-10 --to 2025-12-11 --tag "Nativity Play 2025" --deny parent-social
quietly event add harvest-2026 --name "Harvest Festival 2026" \
	--from 2026-10-02 --to 2026-10-02 --tag "Harvest Festival 2026"
quietly event add book-week-2026 --name "Book Week 2026" \
	--from 2026-03-02 --to 2026-03-06 --tag "Book Week 2026"
quietly event add science-fair-2026 --name "Science Fair 2026" \
	--from 2026-05-14 --to 2026-05-14 --tag "Science Fair 2026"
quietly event add zoo-trip-2026 --name "Zoo Trip 2026" \
	--from 2026-06-11 --to 2026-06-11 --tag "Zoo Trip 2026"
say event list
say pupil list --class "Year 3"
echo
echo "== photoconsent inspect samples/*.jpg"
echo
"$bin" inspect samples/*.jpg
status=$?
echo
echo "(as JSON lines: $bin inspect --json samples/*.jpg)"
echo "(the demo database: $bin --db $db pupil list | pupil show 2208 | consent history 2208)"
exit $status
