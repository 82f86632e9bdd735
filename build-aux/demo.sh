#!/bin/sh
# `make demo`: builds the demo consent database from consent-db/demo.csv
# with photoconsent's own commands (build-aux/demo-db.sh), shows what it
# reads from each sample photo, then checks every sample against it.
set -u
bin=$1
cd "$(dirname "$0")/.." || exit
db=$(dirname "$bin")/demo.db
# The demo's consents and samples were chosen for this day (Katie Smith's
# consent expires 16 days later); judging on it keeps the demo's verdicts
# the same whatever today is.
on=2026-11-26

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
	"$bin" --db "$db" "$@"
}

echo "== the demo consent database, $db"
echo
sh build-aux/demo-db.sh "$bin" "$db" --show || exit
say pupil list --class "Year 3" || exit
echo
echo "== photoconsent inspect samples/*.jpg"
echo
"$bin" inspect samples/*.jpg
status=$?
echo
echo "== may each sample go on the school website? (as on $on)"
echo
# check's own exit status says some photo may not be shared: that is the
# demo working, not failing.
echo "\$ photoconsent check --on $on samples/*.jpg"
"$bin" --db "$db" check --on "$on" samples/*.jpg
[ $? -lt 64 ] || exit
echo
echo "== every sample, every purpose (as on $on; the reasons: check --purpose P FILE)"
echo
# check's exit status is the verdict: 0 share, 1 do not share, 2 review.
purposes="display newsletter website social press parent-social staff-personal"
{
	printf '%-36s' "photo"
	for p in $purposes; do printf ' %-14s' "$p"; done
	echo
	for f in samples/*.jpg; do
		printf '%-36s' "${f#samples/}"
		for p in $purposes; do
			"$bin" --db "$db" check --no-log --on "$on" --purpose "$p" "$f" >/dev/null 2>&1
			case $? in
			0) v=share ;;
			1) v="DO NOT SHARE" ;;
			2) v=review ;;
			*) v=error ;;
			esac
			printf ' %-14s' "$v"
		done
		echo
	done
} | sed 's/ *$//'
echo
echo "== the same photo for three purposes, and as a parent sees it"
echo
for purpose in website newsletter press; do
	say check --on "$on" --purpose "$purpose" samples/sports-day-digikam.jpg
	[ $? -lt 64 ] || exit
done
say check --on "$on" --as parent samples/whole-school-extended-xmp.jpg
[ $? -lt 64 ] || exit
echo
echo "== the whole folder at once, with a contact sheet to open in a browser"
echo
say scan --on "$on" --purpose website --html "$(dirname "$bin")/demo-report.html" samples
[ $? -lt 64 ] || exit
echo
echo "(open $(dirname "$bin")/demo-report.html in a browser: a card per photo in path order, a search box, filters by verdict)"
echo "(as JSON lines: $bin --db $db check --json --on $on samples/*.jpg)"
echo "(the audit log of these checks: $bin --db $db log)"
echo "(the demo database: $bin --db $db pupil list | pupil show 2208 | consent history 2208)"
exit $status
