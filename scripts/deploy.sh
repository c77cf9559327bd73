#!/usr/bin/env bash
# Deploy a published site to a host with rsync, so that readers never see a half-updated site.
#
#   scripts/deploy.sh upload SITE_DIR   upload into a new release, then switch `current` to it
#   scripts/deploy.sh rollback [NAME]   switch `current` back to the release before it (or NAME)
#   scripts/deploy.sh list              list the releases on the host; `*` marks the live one
#   scripts/deploy.sh preview-upload N SITE_DIR   upload a pull request's preview into previews/N
#   scripts/deploy.sh preview-remove N  remove pull request N's preview
#   scripts/deploy.sh preview-prune DAYS  remove previews last uploaded more than DAYS days ago
#
# On the host (DEPLOY_PATH):
#   releases/<UTC time>/   one complete copy of the site per deploy; unchanged files are hard
#                          links to the previous release's (rsync --link-dest), so each costs
#                          only what changed
#   current -> releases/…  what the web server serves; replaced by rename(2), in one step
#   incoming/              the upload in progress; an interrupted deploy leaves it, and the
#                          next deploy finishes it
# The web server's root is DEPLOY_PATH/current (`make server-config` writes the server's configuration; docs/hosts.md).
#
# Settings (environment variables; the Makefile passes its own of the same names):
#   DEPLOY_HOST     user@host to ssh to; empty for a folder on this machine
#   DEPLOY_USER     the ssh user, when DEPLOY_HOST is only the host's name
#   SSH_KEY         the private key to log in with (as ssh -i)
#   DEPLOY_PATH     the site's folder on the host, e.g. /srv/party
#   SSH_PORT        22
#   SSH_OPTS        more ssh options, e.g. "-i ~/.ssh/deploy_key -o UserKnownHostsFile=..."
#   KEEP_RELEASES   how many releases to keep (at least 2, for a rollback); 5
#   DEPLOY_METHOD   releases (the above), or direct: for hosts where rsync may write but no
#                   shell command may run, rsync straight into DEPLOY_PATH with
#                   --delay-updates --delete-after (changed files appear together at the end,
#                   but not in one step, and there is no rollback)
#   RSYNC_OPTS      more rsync options, e.g. --bwlimit=1000 or --dry-run
#   RELEASE         the new release's name; the current UTC time by default
set -euo pipefail

DEPLOY_HOST=${DEPLOY_HOST-}
DEPLOY_PATH=${DEPLOY_PATH:?DEPLOY_PATH is not set: the site folder on the host, e.g. /srv/party}
SSH_PORT=${SSH_PORT:-22}
SSH_OPTS=${SSH_OPTS-}
KEEP_RELEASES=${KEEP_RELEASES:-5}
DEPLOY_METHOD=${DEPLOY_METHOD:-releases}
RSYNC_OPTS=${RSYNC_OPTS-}
RELEASE=${RELEASE:-$(date -u +%Y%m%dT%H%M%SZ)}
DEPLOY_PATH=${DEPLOY_PATH%/}
if [[ -n $DEPLOY_HOST && $DEPLOY_HOST != *@* && -n ${DEPLOY_USER-} ]]; then
    DEPLOY_HOST=$DEPLOY_USER@$DEPLOY_HOST
fi
if [[ -n ${SSH_KEY-} ]]; then
    SSH_OPTS="-i ${SSH_KEY/#\~/$HOME} $SSH_OPTS"  # a CI variable may say ~/.ssh/id_deploy
fi

die() {
    echo "deploy: $*" >&2
    exit 1
}

[[ $KEEP_RELEASES =~ ^[0-9]+$ && $KEEP_RELEASES -ge 2 ]] || die "KEEP_RELEASES must be 2 or more (a rollback needs one)"

# shellcheck disable=SC2206
ssh_command=(ssh -p "$SSH_PORT" -o BatchMode=yes $SSH_OPTS)

# Run a POSIX sh script (stdin) on the host, with arguments, without the login shell
# re-splitting them: every argument is single-quoted.
on_host() {
    local quoted=() arg
    for arg in "$@"; do
        quoted+=("'$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")'")
    done
    if [[ -n $DEPLOY_HOST ]]; then
        "${ssh_command[@]}" "$DEPLOY_HOST" "sh -s -- ${quoted[*]}"
    else
        sh -s -- "$@"
    fi
}

rsync_target() {
    if [[ -n $DEPLOY_HOST ]]; then
        echo "$DEPLOY_HOST:$1"
    else
        echo "$1"
    fi
}

rsync_with_ssh() {
    # --checksum: compare by content, since a fresh build gives every file a new time but the
    # same bytes. No -t: times are not copied, so an unchanged file matches the previous
    # release's in every kept attribute and --link-dest hard-links it (keeping its old time,
    # so Last-Modified and ETag stay put); a changed file gets the time it arrived.
    # Permissions readable by the web server; owner and group left to the host.
    # A .tmp-* file is a write a killed build left unfinished (incremental_build/atomic.py), never a page.
    # shellcheck disable=SC2086
    rsync -rlp --checksum --no-owner --no-group --chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r --exclude='.tmp-*' \
        --stats --human-readable -e "${ssh_command[*]}" $RSYNC_OPTS "$@"
}

# The sh scripts below run on the host. $1 is always DEPLOY_PATH.

REMOTE_PREPARE='
set -eu
mkdir -p "$1/releases"
cd "$1"
if [ -e current ] && [ ! -L current ]; then
    echo "$1/current is a real folder, not a link: move it into $1/releases/ and link it (docs/hosts.md)" >&2
    exit 3
fi
if [ -L current ]; then readlink current; fi
'

REMOTE_SWITCH='
set -eu
cd "$1"
name=$2
keep=$3
n=1
while [ -e "releases/$name" ]; do name="$2-$n"; n=$((n + 1)); done
mv incoming "releases/$name"
ln -sfn "releases/$name" current.tmp
mv -T current.tmp current
live=$(basename "$(readlink current)")
count=$(ls -1 releases | wc -l)
ls -1 releases | sort | head -n "$((count > keep ? count - keep : 0))" | while read -r old; do
    if [ "$old" != "$live" ]; then rm -rf "releases/$old"; fi
done
echo "$name"
'

REMOTE_ROLLBACK='
set -eu
cd "$1"
[ -L current ] || { echo "no release is live in $1" >&2; exit 3; }
live=$(basename "$(readlink current)")
if [ -n "$2" ]; then
    target=$2
else
    target=$(ls -1 releases | sort | awk -v live="$live" "\$0 == live { print prev; exit } { prev = \$0 }")
fi
if [ -z "$target" ] || [ ! -d "releases/$target" ]; then
    echo "no release ${2:-before $live} to go back to; releases: $(ls -1 releases | sort | tr "\n" " ")" >&2
    exit 3
fi
ln -sfn "releases/$target" current.tmp
mv -T current.tmp current
echo "$live -> $target"
'

REMOTE_LIST='
set -eu
cd "$1"
live=$(basename "$(readlink current 2>/dev/null || echo none)")
ls -1 releases | sort | while read -r r; do
    if [ "$r" = "$live" ]; then echo "* $r"; else echo "  $r"; fi
done
'

# Previews live beside the releases, never inside them: previews/N -> .builds/N-<time>, swapped
# by rename(2) like `current`, so a reader sees the old preview or the new one, never half.
REMOTE_PREVIEW_PREPARE='
set -eu
mkdir -p "$1/previews/.builds"
cd "$1/previews"
rm -rf ".builds/incoming-$2"
if [ -L "$2" ]; then readlink "$2"; fi
'

REMOTE_PREVIEW_SWITCH='
set -eu
cd "$1/previews"
old=$(readlink "$2" 2>/dev/null || true)
mv ".builds/incoming-$2" ".builds/$2-$3"
ln -sfn ".builds/$2-$3" "$2.tmp"
mv -T "$2.tmp" "$2"
if [ -n "$old" ] && [ "$old" != ".builds/$2-$3" ]; then rm -rf "$old"; fi
'

REMOTE_PREVIEW_REMOVE='
set -eu
cd "$1/previews" 2>/dev/null || exit 0
old=$(readlink "$2" 2>/dev/null || true)
rm -f "$2"
if [ -n "$old" ]; then rm -rf "$old"; fi
rm -rf ".builds/incoming-$2"
echo "$2"
'

REMOTE_PREVIEW_PRUNE='
set -eu
cd "$1/previews" 2>/dev/null || exit 0
find . -maxdepth 1 -type l -mtime "+$2" | while read -r link; do
    n=${link#./}
    case $n in *[!0-9]* | "") continue ;; esac
    old=$(readlink "$n")
    rm -f "$n"
    rm -rf "$old"
    echo "$n"
done
'

check_number() {
    [[ $1 =~ ^[1-9][0-9]{0,9}$ ]] || die "the pull request number must be digits only (e.g. 21), not '$1'"
}

preview_upload() {
    local number=$1 site=${2:?usage: scripts/deploy.sh preview-upload NUMBER SITE_DIR}
    check_number "$number"
    site=${site%/}
    [[ -f $site/index.html ]] || die "$site/index.html is missing: build the preview first"
    [[ $RELEASE =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "RELEASE must be letters, digits, . _ and - only"
    local started=$SECONDS previous link_dest=()
    previous=$(on_host "$DEPLOY_PATH" "$number" <<<"$REMOTE_PREVIEW_PREPARE")
    if [[ -n $previous ]]; then
        link_dest=(--link-dest="../../$previous")  # relative to previews/.builds/incoming-N/
    fi
    rsync_with_ssh --delete "${link_dest[@]}" "$site/" \
        "$(rsync_target "$DEPLOY_PATH/previews/.builds/incoming-$number/")"
    on_host "$DEPLOY_PATH" "$number" "$RELEASE" <<<"$REMOTE_PREVIEW_SWITCH"
    echo "deploy: preview $number on ${DEPLOY_HOST:+$DEPLOY_HOST:}$DEPLOY_PATH/previews/$number in $((SECONDS - started)) s"
}

upload() {
    local site=${1:?usage: scripts/deploy.sh upload SITE_DIR}
    site=${site%/}
    [[ -f $site/index.html ]] || die "$site/index.html is missing: run \`make publish\` first"
    [[ $RELEASE =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "RELEASE must be letters, digits, . _ and - only"
    local where=${DEPLOY_HOST:+$DEPLOY_HOST:}$DEPLOY_PATH
    local started=$SECONDS

    if [[ $DEPLOY_METHOD == direct ]]; then
        # No shell on the host: files land in place. --delay-updates puts each changed file in
        # a hidden folder first and renames them all at the end; --delete-after removes old
        # pages only once the new ones are there.
        rsync_with_ssh --delete-after --delay-updates "$site/" "$(rsync_target "$DEPLOY_PATH/")"
        echo "deploy: $where updated in place in $((SECONDS - started)) s"
        return
    fi
    [[ $DEPLOY_METHOD == releases ]] || die "DEPLOY_METHOD must be releases or direct, not $DEPLOY_METHOD"

    local previous
    previous=$(on_host "$DEPLOY_PATH" <<<"$REMOTE_PREPARE")
    local link_dest=()
    if [[ -n $previous ]]; then
        link_dest=(--link-dest="../$previous")  # relative to incoming/
    fi
    # --delete: an interrupted deploy's incoming/ may hold files the site no longer has
    rsync_with_ssh --delete "${link_dest[@]}" "$site/" "$(rsync_target "$DEPLOY_PATH/incoming/")"
    local name
    name=$(on_host "$DEPLOY_PATH" "$RELEASE" "$KEEP_RELEASES" <<<"$REMOTE_SWITCH")
    echo "deploy: $where/current -> releases/$name (was ${previous:-nothing}) in $((SECONDS - started)) s"
}

case ${1:-} in
upload)
    upload "${2:-}"
    ;;
rollback)
    [[ $DEPLOY_METHOD == releases ]] || die "DEPLOY_METHOD=direct keeps no releases: deploy the older build again"
    switched=$(on_host "$DEPLOY_PATH" "${2:-}" <<<"$REMOTE_ROLLBACK")
    echo "deploy: rollback on ${DEPLOY_HOST:+$DEPLOY_HOST:}$DEPLOY_PATH: $switched"
    ;;
preview-upload)
    [[ $DEPLOY_METHOD == releases ]] || die "previews need a shell on the host (DEPLOY_METHOD=releases)"
    preview_upload "${2:-}" "${3:-}"
    ;;
preview-remove)
    check_number "${2:-}"
    on_host "$DEPLOY_PATH" "$2" <<<"$REMOTE_PREVIEW_REMOVE" >/dev/null
    echo "deploy: preview $2 removed from ${DEPLOY_HOST:+$DEPLOY_HOST:}$DEPLOY_PATH/previews"
    ;;
preview-prune)
    [[ ${2:-} =~ ^[0-9]{1,5}$ ]] || die "preview-prune needs a number of days, e.g. 14, not '${2:-}'"
    on_host "$DEPLOY_PATH" "$2" <<<"$REMOTE_PREVIEW_PRUNE" | sed 's/^/deploy: preview removed: /'
    ;;
list)
    on_host "$DEPLOY_PATH" <<<"$REMOTE_LIST"
    ;;
*)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
