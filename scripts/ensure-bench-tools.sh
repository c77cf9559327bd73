#!/bin/sh
# What `make bench` needs beyond Python packages, from Debian's packages (installed when missing
# and we are root): Hugo, the static site generator the benchmark builds the same Markdown with,
# as a second baseline beside one plain `pelican` run (bench/hugo_site.py). The tests never need
# it: they check the Hugo site the benchmark writes, not Hugo.
set -eu
missing=""
command -v hugo >/dev/null || missing="$missing hugo"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing from Debian:$missing"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "make bench needs:$missing. Run: sudo apt-get install$missing (or BENCH_ARGS=--skip-hugo)" >&2
        exit 1
    fi
fi
