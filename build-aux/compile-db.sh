#!/bin/sh
# Writes a compile command list (compile_commands.json) to standard output,
# so that clang-tidy and cppcheck see each file with the flags the Makefile
# builds it with. The Makefile passes its own flags in, so the list cannot
# drift from the build; nothing is compiled.
# Usage: compile-db.sh CC 'FLAGS' FILE... [-- 'FLAGS' FILE...]...
#   each group is one set of flags (split on blanks, as make splits them)
#   and the files compiled with it; paths are taken from the current folder.
set -euf
[ $# -ge 2 ] || { echo "usage: compile-db.sh CC 'FLAGS' FILE... [-- 'FLAGS' FILE...]..." >&2; exit 64; }
cc=$1
shift
dir=$(pwd)

# A JSON string: backslashes and double quotes escaped. Flags and paths here
# hold no control characters (make would not pass them either).
json() {
	printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

first=1
printf '[\n'
while [ $# -gt 0 ]; do
	flags=$1
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		file=$1
		shift
		[ $first -eq 1 ] || printf ',\n'
		first=0
		printf '  { "directory": %s, "file": %s,\n    "arguments": [%s' \
			"$(json "$dir")" "$(json "$file")" "$(json "$cc")"
		# Word splitting is wanted here: FLAGS is a make variable's text.
		# shellcheck disable=SC2086
		for f in $flags; do printf ', %s' "$(json "$f")"; done
		printf ', "-c", %s] }' "$(json "$file")"
	done
	[ $# -eq 0 ] || shift
done
printf '\n]\n'
