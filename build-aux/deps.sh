#!/bin/sh
# Makes sure the Debian packages that photoconsent builds and tests with are
# installed. As root it installs the missing ones (apt-get update first); as
# anyone else it prints the apt-get line to run and stops.
# Usage: deps.sh [build|test]: build (for `make demo` and `make`) is what
# the build needs; test (the default, for `make test` and `make analyze`)
# adds the test tools.
set -eu
want=${1:-test}

# Build: compiler, pkg-config, and the libraries the code links.
BUILD_PKGS="gcc make pkg-config libc6-dev libexif-dev libexpat1-dev libutf8proc-dev libsqlite3-dev libcsv-dev libjpeg62-turbo-dev"
# Tests: Criterion for the unit tests; exiftool to cross-check what we read;
# valgrind for the leak and invalid-read check; perl runs the cross-check;
# cppcheck and clang-tidy for `make analyze`.
TEST_PKGS="libcriterion-dev libimage-exiftool-perl valgrind perl sqlite3 chromium cppcheck clang-tidy"

case $want in
build) PKGS=$BUILD_PKGS ;;
test) PKGS="$BUILD_PKGS $TEST_PKGS" ;;
*) echo "deps: '$want' is not build or test" >&2; exit 64 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; install the equivalents of:" >&2
	echo "  $PKGS" >&2
	exit 0
fi

missing=""
for pkg in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $pkg" ;;
	esac
done

if [ -z "$missing" ]; then
	echo "deps: all packages present ($want)"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages:$missing" >&2
	echo "deps: run as root:  apt-get update && apt-get install -y$missing" >&2
	exit 1
fi

echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $missing
