#!/bin/sh
# Create the virtualenv. On a fresh Debian, `python3 -m venv` needs the
# python3-venv package: install it when we can (as root), or say what to run.
set -eu
PY="$1"
VENV="$2"
[ -x "$VENV/bin/python" ] && exit 0
if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv python3-pip >/dev/null
        "$PY" -m venv "$VENV"
    else
        echo "Could not create $VENV: run 'sudo apt-get install python3-venv', then try again." >&2
        exit 1
    fi
fi
