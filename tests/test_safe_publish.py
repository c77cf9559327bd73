"""`make publish` stopped at any point: the last good build stays whole under a known name, and the next
publish, whether its build succeeds or fails, starts from whatever state it finds.

The script is killed for real (SIGKILL, as a killed CI job or a power cut would stop it) just before
and just after each of its file operations, through `mv` and `rm` put first on its PATH; the build is
a stand-in that writes a small site (or fails), so that every point is tried in seconds. A real
build goes through the same swap in test_publish.py."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys

import pytest
from test_publish import run_publish

from conftest import published_fixture
from kit_testing import KIT_ROOT, PUBLISH_SETTINGS_FILE, tree_digest

PUBLISH = str(KIT_ROOT / "scripts" / "publish.sh")

# Stands in for pelican: `$PELICAN INPUTDIR -o OUTPUT -s SETTINGS ...` writes the three files publish
# requires, holding $SITE_VERSION; with BUILD=fail it stops half-way with an error, with BUILD=killed
# the publish is killed while it builds.
FAKE_PELICAN = """#!/bin/sh
while [ "$1" != -o ]; do shift; done
site=$2
mkdir -p "$site/news"
printf '%s\\n' "home $SITE_VERSION" > "$site/index.html"
[ "${BUILD:-}" != killed ] || kill -KILL "$PPID"
[ "${BUILD:-}" != fail ] || exit 1
printf '%s\\n' "news $SITE_VERSION" > "$site/news/index.html"
printf '%s\\n' "missing $SITE_VERSION" > "$site/404.html"
printf '%s\\n' "<urlset>$SITE_VERSION</urlset>" > "$site/sitemap.xml"
"""

# `mv` or `rm`, each call logged; the publish that called it is killed just before or just after the
# call numbered $STOP_AT (counting both commands), as $STOP_WHEN says.
STOPPING_COMMAND = """#!/bin/sh
echo "$(basename "$0") $*" >> "$CALLS"
n=$(wc -l < "$CALLS")
if [ "$n" = "${STOP_AT:-0}" ] && [ "$STOP_WHEN" = before ]; then kill -KILL "$PPID"; exit 1; fi
"REAL_COMMAND" "$@"
status=$?
if [ "$n" = "${STOP_AT:-0}" ] && [ "$STOP_WHEN" = after ]; then kill -KILL "$PPID"; fi
exit $status
"""


def _executable(path, text: str) -> None:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def publisher(tmp_path):
    """Runs publish.sh into tmp_path/output with the stand-in build and the stopping mv and rm."""
    tools = tmp_path / "bin"
    tools.mkdir()
    _executable(tools / "pelican", FAKE_PELICAN)
    for name in ("mv", "rm"):
        _executable(tools / name, STOPPING_COMMAND.replace("REAL_COMMAND", shutil.which(name)))
    calls = tmp_path / "calls"

    def publish(version: str, build: str = "", stop_at: int = 0, when: str = "") -> tuple[int, list[str]]:
        calls.write_text("")
        env = {
            **os.environ,
            "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
            "PELICAN": str(tools / "pelican"),
            "PYTHON": sys.executable,
            "SETTINGS": str(PUBLISH_SETTINGS_FILE),
            "INPUTDIR": str(tmp_path),
            "SITE_VERSION": version,
            "BUILD": build,
            "CALLS": str(calls),
            "STOP_AT": str(stop_at),
            "STOP_WHEN": when,
        }
        args = [PUBLISH, str(tmp_path / "output"), "", "-e", f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"]
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
        return done.returncode, calls.read_text().splitlines()

    return publish


def site(version: str) -> dict[str, str]:
    return {
        "index.html": f"home {version}\n",
        "news/index.html": f"news {version}\n",
        "404.html": f"missing {version}\n",
        "sitemap.xml": f"<urlset>{version}</urlset>\n",
    }


def files(folder) -> dict[str, str] | None:
    if not folder.is_dir():
        return None
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


def publish_twice(publisher, tmp_path) -> list[str]:
    """A fresh output folder, published, then published again over it: the calls of the second."""
    for name in ("output", "output.old", "output.new"):
        shutil.rmtree(tmp_path / name, ignore_errors=True)
    assert publisher("v1")[0] == 0
    code, calls = publisher("v1")
    assert code == 0
    return calls


def test_the_swap_is_two_renames_and_the_removal_of_the_old_copy(publisher, tmp_path):
    calls = publish_twice(publisher, tmp_path)
    out = tmp_path / "output"
    assert calls == [f"mv {out} {out}.old", f"mv {out}.new {out}", f"rm -rf {out}.old"]


# (call stopped at, before or after it): every point of a publish over an earlier one
STOP_POINTS = [(n, when) for n in (1, 2, 3) for when in ("before", "after")] + [(0, "while building")]
# what is left at each point: the whole good sites, by folder
LEFT_AT = {
    (1, "before"): {"output": "v1"},
    (1, "after"): {"output.old": "v1"},
    (2, "before"): {"output.old": "v1"},
    (2, "after"): {"output": "v2", "output.old": "v1"},
    (3, "before"): {"output": "v2", "output.old": "v1"},
    (3, "after"): {"output": "v2"},
    (0, "while building"): {"output": "v1"},
}


def stop_publish(publisher, version: str, stop_at: int, when: str) -> None:
    if when == "while building":
        code, _ = publisher(version, build="killed")
    else:
        code, _ = publisher(version, stop_at=stop_at, when=when)
    assert code == -signal.SIGKILL


def good_sites(tmp_path) -> dict[str, str]:
    """{folder: version} of every whole site under a name the next publish trusts."""
    found = {}
    for name in ("output", "output.old"):
        held = files(tmp_path / name)
        for version in ("v1", "v2", "v3"):
            if held == site(version):
                found[name] = version
    return found


@pytest.mark.parametrize(("stop_at", "when"), STOP_POINTS)
def test_a_publish_stopped_anywhere_leaves_a_good_copy_and_the_next_publish_recovers(
    publisher, tmp_path, stop_at, when
):
    output, old, new = tmp_path / "output", tmp_path / "output.old", tmp_path / "output.new"
    for next_build in ("fail", ""):
        publish_twice(publisher, tmp_path)
        stop_publish(publisher, "v2", stop_at, when)
        assert good_sites(tmp_path) == LEFT_AT[stop_at, when]
        last_good = good_sites(tmp_path).get("output", "v1")  # v2 once the swap's second rename ran

        code, _ = publisher("v3", build=next_build)
        if next_build == "fail":
            assert code != 0
            assert files(output) == site(last_good)  # the last good copy, back where it belongs
        else:
            assert code == 0
            assert files(output) == site("v3")
            assert not new.exists()
        assert not old.exists()


@pytest.mark.parametrize(("stop_at", "when"), STOP_POINTS)
def test_a_publish_stopped_while_it_recovers_from_another_still_recovers(publisher, tmp_path, stop_at, when):
    """The recovery is itself made of steps a publish can be stopped between."""
    output = tmp_path / "output"
    publish_twice(publisher, tmp_path)
    stop_publish(publisher, "v2", stop_at, when)
    _, recovering = publisher("v3", build="fail")  # the calls its recovery makes, then the build fails
    for second_stop in range(1, len(recovering) + 1):
        for second_when in ("before", "after"):
            publish_twice(publisher, tmp_path)
            stop_publish(publisher, "v2", stop_at, when)
            last_good = LEFT_AT[stop_at, when].get("output", "v1")
            stop_publish(publisher, "v3", second_stop, second_when)
            left = good_sites(tmp_path)
            assert last_good in left.values(), (second_stop, second_when, left)
            code, _ = publisher("v4", build="fail")
            assert code != 0
            assert files(output) == site(last_good), (second_stop, second_when)


def test_a_real_publish_after_one_stopped_between_its_renames_fails_without_losing_the_site(tmp_path):
    """With the kit's own build: what was published stays, byte for byte, through a failed build."""
    project = published_fixture(tmp_path / "project")
    output = tmp_path / "output"
    assert run_publish(project, output).returncode == 0
    good = tree_digest(output)
    output.rename(tmp_path / "output.old")  # stopped between the two renames
    shutil.copytree(tmp_path / "output.old", tmp_path / "output.new")

    failed = run_publish(project, output, settings={"SITE_FILES_SECURITY_CONTACT": []})

    assert failed.returncode != 0
    assert tree_digest(output) == good
    assert "stopped between its two renames" in failed.stderr
    assert not (tmp_path / "output.old").exists()
