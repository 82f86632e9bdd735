#!/bin/sh
# Checks that calls go down the stages of lib/, never up and never round:
# a file may include the private headers of its own stage and of the
# stages below it, never of one above. The order, lowest first:
#   base  read  store  judge  report  scan
# (read and store stand side by side: read is ranked lower, so it cannot
# include the store, and the store is refused read by name.) Every source must be
# in a stage folder. Prints each fault and exits 1 if there are any.
# Usage: check-stages.sh [ROOT]   (the project's root; default .)
set -u
cd "${1:-.}" || exit 2
order="base read store judge report scan"
rank() {
	i=0
	for s in $order; do
		[ "$s" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo -1
}
faults=0
for f in lib/*.c lib/*.h; do
	[ -e "$f" ] || continue
	echo "stages: $f is not in a stage folder (lib/<stage>/)"
	faults=$((faults + 1))
done
for f in lib/*/*.c lib/*/*.h; do
	stage=${f#lib/}; stage=${stage%%/*}
	[ "$stage" = include ] && continue
	own=$(rank "$stage")
	if [ "$own" -lt 0 ]; then
		echo "stages: $f is in '$stage', which is not a stage ($order)"
		faults=$((faults + 1)); continue
	fi
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		case $inc in
		photoconsent/*) continue ;;
		*/*) ;;
		*) echo "stages: $f includes \"$inc\": name its stage (\"<stage>/$inc\")"
		   faults=$((faults + 1)); continue ;;
		esac
		to=${inc%%/*}
		r=$(rank "$to")
		if [ "$r" -lt 0 ]; then
			echo "stages: $f includes \"$inc\", which is in no stage"
			faults=$((faults + 1))
		elif [ "$stage" = store ] && [ "$to" = read ]; then
			echo "stages: $f (store) includes \"$inc\" from read: they stand side by side"
			faults=$((faults + 1))
		elif [ "$r" -gt "$own" ]; then
			echo "stages: $f ($stage) includes \"$inc\" from $to, a stage above it"
			faults=$((faults + 1))
		fi
	done
done
if [ "$faults" -gt 0 ]; then
	echo "stages: $faults include(s) go up or round; see docs/ARCHITECTURE.md"
	exit 1
fi
echo "stages: every include goes down ($order)"
