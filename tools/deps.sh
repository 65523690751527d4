#!/bin/sh
# deps.sh — install the Debian packages planc needs to build and test, if any
# are missing.  Idempotent: prints nothing when everything is present; says
# what it installs otherwise.  Used by `make demo`, `make test` and .ci/run.
set -eu

PKGS="build-essential cmake pkg-config flex bison llvm-19-dev libzstd-dev check libsqlite3-dev libxlsxwriter-dev libminizip-dev libexpat1-dev zlib1g-dev python3"
# Extra packages for a target (e.g. `tools/deps.sh valgrind`).
PKGS="$PKGS ${*:-}"

missing=""
for p in $PKGS; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$st" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "planc: installing missing Debian packages:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "planc: need root (or sudo) to install:$missing" >&2
        echo "planc: run: apt-get install$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
# apt-cache may know nothing before the first update on a new machine.
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "planc: installed:$missing" >&2
