#!/usr/bin/env bash
# Quick start, second command: installs what is missing, builds, runs every test
# through ctest in a D-Bus session with an unlocked gnome-keyring under Xvfb.
# Arguments are passed to ctest (e.g. scripts/test.sh -R tst_cli).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CONSIGNDESK_BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "$root/scripts/test-session.sh" ctest --test-dir "$build" --output-on-failure \
    --parallel "$(nproc)" --timeout 900 "$@"
