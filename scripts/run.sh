#!/usr/bin/env bash
# Quick start, first command: installs what is missing, builds, opens ConsignDesk
# on the demo stores (the vendor sandbox, in process).
# With arguments, they go to the program instead (e.g. scripts/run.sh --help).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
binary=${CONSIGNDESK_BUILD_DIR:-$root/build}/src/app/consigndesk
if [ $# -eq 0 ]; then
    exec "$binary" --demo
fi
exec "$binary" "$@"
