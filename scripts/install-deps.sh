#!/usr/bin/env bash
# Installs the Debian 12 packages ConsignDesk needs to build, run and test.
# Idempotent: installs only what is missing, and asks apt nothing when all is there.
set -euo pipefail

packages=(
    # build
    build-essential cmake ninja-build ccache pkg-config dpkg-dev file
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libsqlite3-dev libqt6opengl6-dev libgl-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libxlsxwriter-dev libsimdjson-dev
    # run: SVG icons, the X11 platform plugin, a keychain
    libqt6svg6 qt6-qpa-plugins gnome-keyring
    # test: a D-Bus session with gnome-keyring, an X server, validators, PDF text, XLSX unzipped
    dbus dbus-x11 libsecret-tools xvfb xauth poppler-utils desktop-file-utils appstream imagemagick unzip
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
