#!/usr/bin/env bash
# Quick start, first command: installs what is missing, builds, opens ConsignDesk.
# Arguments are passed to the program (e.g. scripts/run.sh --help).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "${CONSIGNDESK_BUILD_DIR:-$root/build}/src/app/consigndesk" "$@"
