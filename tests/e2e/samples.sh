#!/bin/sh
# End-to-end tests of `photoconsent inspect` on the samples, read as
# samples/README.md says they were tagged (samples.expected).
# Usage: tests/e2e/samples.sh [BUILD_DIR]
. "$(dirname "$0")/lib.sh"
e2e_start "$@"
# inspect reads the school's person roots from a database when there is
# one: these tests read the samples with the defaults.
PHOTOCONSENT_DB=$E2E_TMP/no-database.db
export PHOTOCONSENT_DB

t "samples/ holds the photos samples/README.md lists"
n=0
for f in samples/*.jpg; do [ -f "$f" ] && n=$((n + 1)); done
if [ "$n" -eq "$N_SAMPLES" ]; then ok; else bad "$n photos in samples/, expected $N_SAMPLES"; fi

t "every sample reads cleanly"
run inspect --json samples/*.jpg
expect_status 0
expect_no_err
expect_lines "$N_SAMPLES" "$OUT"
cp "$OUT" "$E2E_TMP/samples.json"

t "each sample names who and what samples/README.md says"
if perl tests/e2e/expect_samples.pl tests/e2e/samples.expected "$E2E_TMP/samples.json" \
	>"$E2E_TMP/samples.log" 2>&1; then
	ok
else
	bad "$(grep -v '^samples:' "$E2E_TMP/samples.log")"
fi
tail -n 1 "$E2E_TMP/samples.log"

t "the text report names people and events for a person to read"
run inspect samples/sports-day-digikam.jpg
expect_status 0
expect_out "  people:   Amy Jones  [mwg-region, mp-region, digikam-tag, lr-hierarchical, ms-keyword, other-keyword]  face at x=0.20 y=0.25 w=0.15 h=0.20"
expect_out "  event:    Sports Day 2026"

t "a crowd of unnamed faces is one line"
run inspect samples/whole-school-extended-xmp.jpg
expect_out "224 unnamed faces (--json lists their boxes)"

t "--no-sidecar leaves the sidecar unread"
run inspect --json --no-sidecar samples/harvest-digikam-sidecar.jpg
expect_status 0
expect_json '@j == 1 && @{$j[0]{people}} == 0 && @{$j[0]{events}} == 0'

t "--person-root replaces the default roots"
run inspect --json --person-root Children samples/sports-day-digikam.jpg
expect_status 0
expect_json '@{$j[0]{people}} == 2 && !grep { grep { /tag|hierarchical|keyword/ } @{$_->{sources}} } @{$j[0]{people}}'

t "a damaged sidecar is a problem for its photo"
cp samples/playground-untagged.jpg "$E2E_TMP/broken-sidecar.jpg"
printf '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF' >"$E2E_TMP/broken-sidecar.jpg.xmp"
run inspect --json "$E2E_TMP/broken-sidecar.jpg"
expect_status 65
expect_err "sidecar 'broken-sidecar.jpg.xmp'"

e2e_finish samples
