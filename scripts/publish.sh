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

rm -rf "$new" "$old"
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
if [ -e "$out" ]; then
    mv "$out" "$old"
fi
mv "$new" "$out"
rm -rf "$old"
echo "publish: $out is ready ($(find "$out" -type f | wc -l) files); upload it with \`make deploy\`."
