#!/usr/bin/env bash
# Takes a screenshot of ConsignDesk under Xvfb, with a private HOME (fresh
# settings): scripts/screenshot.sh OUT.png [program arguments...]
# CONSIGNDESK_SHOT_DELAY (seconds, default 3) waits for the window to settle.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "$1"); shift
binary=${CONSIGNDESK_BUILD_DIR:-$root/build}/src/app/consigndesk
"$root/scripts/test-session.sh" bash -c '
    out=$1; binary=$2; shift 2
    "$binary" "$@" &
    pid=$!
    sleep "${CONSIGNDESK_SHOT_DELAY:-3}"
    import -window root "$out"
    kill "$pid"; wait "$pid" 2>/dev/null || true
' shot "$out" "$binary" "$@"
