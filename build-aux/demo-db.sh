#!/bin/sh
# The demo consent database: Hollybrook Primary School's pupils from
# consent-db/demo.csv and the seven events its sample photos show, made with
# photoconsent's own commands. `make demo` (build-aux/demo.sh), the
# end-to-end tests and the benchmarks all build it this way.
# Usage: build-aux/demo-db.sh BIN DB [--show]
#   BIN     the photoconsent command
#   DB      the database to make (an existing file there is replaced)
#   --show  print each set-up command and its output, as `make demo` does;
#           otherwise only what goes wrong is printed
# Run from the project's root folder. Exits non-zero when a step fails.
set -u
bin=$1
db=$2
show=${3:-}

# say ARGS...: show the command, then run it on the database.
say() {
	if [ "$show" = --show ]; then
		line="\$ photoconsent"
		for arg in "$@"; do
			case $arg in
			*" "*) line="$line \"$arg\"" ;;
			*) line="$line $arg" ;;
			esac
		done
		echo "$line"
		"$bin" --db "$db" "$@" || exit
	else
		quietly "$@"
	fi
}
# quietly ARGS...: run it, showing only what goes wrong.
quietly() {
	"$bin" --db "$db" "$@" >/dev/null || exit
}

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
quietly event add world-book-day-2026 --name "World Book Day 2026" \
	--from 2026-03-05 --deny social \
	--note "costumes were photographed with no parents present; none go on social media"
quietly event add science-fair-2026 --name "Science Fair 2026" \
	--from 2026-05-14 --to 2026-05-14 --tag "Science Fair 2026"
quietly event add zoo-trip-2026 --name "Zoo Trip 2026" \
	--from 2026-06-11 --to 2026-06-11 --tag "Zoo Trip 2026"
say event list
