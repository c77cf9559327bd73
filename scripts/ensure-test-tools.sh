#!/bin/sh
# What the tests need beyond Python packages, from Debian's packages (installed when missing
# and we are root): Chromium and Java for the browser tests; openssh-server and rsync for the
# deploy tests, which start their own sshd on 127.0.0.1; nginx and its brotli module, which
# the server tests start on 127.0.0.1 with the configuration `branchsites server-config` writes;
# Apache and Caddy, which check the configurations it writes for them. The npm packages pinned in
# package-lock.json come from `npm ci`: lunr for the build, and the devDependencies (axe-core, the
# Nu checker, ical.js), which only `make test` installs.
# Playwright drives the Debian Chromium: never `playwright install`.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null || missing="$missing openjdk-17-jre-headless"
command -v node >/dev/null || missing="$missing nodejs npm"
[ -x /usr/sbin/sshd ] || missing="$missing openssh-server"
command -v ssh >/dev/null || missing="$missing openssh-client"
command -v rsync >/dev/null || missing="$missing rsync"
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
command -v openssl >/dev/null || missing="$missing openssl"
[ -x /usr/sbin/apache2 ] || missing="$missing apache2"
[ -x /usr/bin/caddy ] || missing="$missing caddy"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing from Debian:$missing"
        # The tests start their own servers: keep apt from starting the system's sshd (or any
        # other service) while it installs, unless the machine already has such a policy.
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
            chmod 755 /usr/sbin/policy-rc.d
            trap 'rm -f /usr/sbin/policy-rc.d' EXIT
        fi
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "The tests need:$missing. Run: sudo apt-get install$missing" >&2
        exit 1
    fi
fi
