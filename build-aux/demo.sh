#!/bin/sh
# `make demo`: what photoconsent reads from each sample photo.
set -u
bin=$1
cd "$(dirname "$0")/.."
echo "== photoconsent inspect samples/*.jpg"
echo
"$bin" inspect samples/*.jpg
status=$?
echo
echo "(the same as JSON lines: $bin inspect --json samples/*.jpg)"
exit $status
