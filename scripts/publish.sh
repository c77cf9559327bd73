#!/bin/sh
# `make publish`: build for publication into a fresh folder, and only when the whole build
# (every check, every site) succeeded, put it in place of the output folder. A failed
# build exits non-zero and leaves the output folder exactly as it was.
#
#   scripts/publish.sh OUTPUT_DIR [BRANCH] [-e KEY=JSON ...]
#
# Without BRANCH: the main site and every branch, with pelican. With BRANCH: that branch
# alone, as the site of its own domain (python -m branch_subsites). Environment: PELICAN,
# PYTHON (the virtualenv's), SETTINGS (publishconf.py), INPUTDIR (content/), PELICANOPTS.
#
# Stopped at any point (Ctrl-C, a killed CI job, a power cut), the last good build is whole
# under a known name: OUTPUT_DIR, or OUTPUT_DIR.old in the instant between the swap's two
# renames. OUTPUT_DIR.new is never trusted, however complete it looks. The next publish
# starts by putting things back (recover), whether its own build then succeeds or fails.
set -eu

out=${1:?usage: scripts/publish.sh OUTPUT_DIR [BRANCH] [-e KEY=JSON ...]}
branch=${2:-}
[ $# -ge 2 ] && shift 2 || shift $#
kit=$(cd "$(dirname "$0")/.." && pwd)
PELICAN=${PELICAN:-$kit/.venv/bin/pelican}
PYTHON=${PYTHON:-$kit/.venv/bin/python}
SETTINGS=${SETTINGS:-$kit/publishconf.py}
INPUTDIR=${INPUTDIR:-$kit/content}
out=${out%/}
new="$out.new"
old="$out.old"

# One build at a time per checkout, held from here to the end: the build, and the recovery and
# the swap, which another publish must not do at the same time (incremental_build/build_lock.py).
if [ "${PUBLISH_HOLDS_BUILD_LOCK:-}" != "$$" ]; then
    export PUBLISH_HOLDS_BUILD_LOCK=$$  # the same process once the lock's holder has run this again
    exec "$PYTHON" "$kit/plugins/incremental_build/build_lock.py" "$SETTINGS" "$@" -- "$0" "$out" "$branch" "$@"
fi

# What an earlier publish stopped part way left. Only renames and the removal of copies that are
# no longer the good one: each step leaves a state this same function recovers from.
recover() {
    if [ -e "$old" ]; then
        if [ -e "$out" ]; then
            rm -rf "$old"  # stopped after the swap: $out is the new build, $old the one before
        else
            echo "publish: an earlier publish stopped between its two renames; $out is back as it was." >&2
            mv "$old" "$out"
        fi
    fi
    if [ -e "$new" ]; then
        rm -rf "$new"  # a build that failed or was stopped: never the good copy
    fi
}

recover
if [ -n "$branch" ]; then
    # shellcheck disable=SC2086
    set -- "$PYTHON" -m branch_subsites --settings "$SETTINGS" --branch "$branch" --output "$new" "$@"
    PYTHONPATH="$kit/plugins${PYTHONPATH:+:$PYTHONPATH}" "$@" || status=$?
else
    # shellcheck disable=SC2086
    "$PELICAN" "$INPUTDIR" -o "$new" -s "$SETTINGS" ${PELICANOPTS:-} "$@" || status=$?
fi
if [ "${status:-0}" != 0 ]; then
    echo "publish: the build failed; $out is as it was." >&2
    [ ! -d "$new" ] || echo "publish: what was built before it failed is in $new, for a look." >&2
    exit "$status"
fi
for required in index.html 404.html sitemap.xml; do
    if [ ! -s "$new/$required" ]; then
        echo "publish: $new/$required is missing; $out is as it was." >&2
        exit 1
    fi
done

# Two renames: output/ is never half-written, and the old one goes only once the new is there.
# Between them the good copy is $old, which recover() puts back if this is stopped there.
if [ -e "$out" ]; then
    mv "$out" "$old"
fi
mv "$new" "$out"
rm -rf "$old"
echo "publish: $out is ready ($(find "$out" -type f | wc -l) files); upload it with \`make deploy\`."
