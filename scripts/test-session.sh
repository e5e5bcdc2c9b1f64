#!/usr/bin/env bash
# Runs a command the way the tests need the desktop: a private HOME, a new D-Bus
# session holding an unlocked gnome-keyring (the real Secret Service), and an
# X server (Xvfb). Nothing touches the user's own keyring, settings or display.
set -euo pipefail

if [ "${1:-}" != --inside ]; then
    home=$(mktemp -d -t consigndesk-test-home.XXXXXX)
    trap 'rm -rf "$home"' EXIT
    mkdir -p "$home/.cache" "$home/.config" "$home/.local/share" "$home/runtime"
    chmod 700 "$home/runtime"
    env HOME="$home" XDG_CACHE_HOME="$home/.cache" XDG_CONFIG_HOME="$home/.config" \
        XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/runtime" \
        dbus-run-session -- "$0" --inside "$@"
    exit $?
fi
shift

# gnome-keyring reads the login password on stdin, creates and unlocks the
# login keyring with it, and answers on the session bus as org.freedesktop.secrets.
eval "$(printf 'consigndesk-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
for _ in $(seq 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'true'; then
        break
    fi
    sleep 0.1
done

exec xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
