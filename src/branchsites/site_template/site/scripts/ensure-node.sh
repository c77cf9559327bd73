#!/bin/sh
# npm installs lunr.js (search; package.json), and whatever else the site's package.json lists.
# On a fresh Debian without Node, install Debian's nodejs and npm when we are root.
set -eu
command -v npm >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Node.js and npm from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
else
    echo "The build needs npm (for lunr.js). Run: sudo apt-get install nodejs npm" >&2
    exit 1
fi
