#!/bin/sh
# What the browser tests need beyond Python packages: Chromium and Java from
# Debian's packages (installed when missing and we are root), and the npm
# packages pinned in package-lock.json (axe-core, the Nu checker, lunr).
# Playwright drives the Debian Chromium: never `playwright install`.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null || missing="$missing openjdk-17-jre-headless"
command -v node >/dev/null || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing from Debian:$missing"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "The tests need:$missing. Run: sudo apt-get install$missing" >&2
        exit 1
    fi
fi
