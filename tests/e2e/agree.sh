#!/bin/sh
# What inspect reads, held against what exiftool reads: on every sample,
# then on the real-world corpus beside the project when it is there.
# Usage: tests/e2e/agree.sh PHOTOCONSENT [CORPUS_DIR]
set -u
bin=$1
corpus=${2:-../shared/corpus/real}
cd "$(dirname "$0")/../.."
status=0
echo "== agreement with exiftool: samples"
perl tests/e2e/exiftool_agree.pl --photoconsent "$bin" --label samples samples/*.jpg || status=1
echo "== agreement with exiftool: real-world corpus"
if [ -d "$corpus" ]; then
	find "$corpus" -type f ! -name '*.md' ! -name '*.xmp' | LC_ALL=C sort >"${TMPDIR:-/tmp}/pc-corpus.$$"
	tr '\n' '\0' <"${TMPDIR:-/tmp}/pc-corpus.$$" | xargs -0 perl tests/e2e/exiftool_agree.pl \
		--photoconsent "$bin" --known tests/e2e/corpus-differences.txt --label corpus || status=1
	rm -f "${TMPDIR:-/tmp}/pc-corpus.$$"
else
	echo "skipped: no corpus at '$corpus' (it sits beside the project, not in a clone)"
	echo "corpus: 0 passed, 0 failed, 1 skipped"
fi
exit $status
