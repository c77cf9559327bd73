"""Writes that cannot lose output: every file the build writes into output/ is written beside its
target and renamed into place, so a write that fails half-way (a full disk, a file-size limit, a
build stopped) leaves the old file whole and no temporary behind."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from kit_testing import KIT_ROOT, build, tree_digest

NOW = "1793534400"  # 2026-11-01 12:00 UTC
# The file-size limit of the failing build: the changed page is written bigger than this, every
# other file of the fixture (and of its cache) stays well below it.
LIMIT = 200_000
LONG_TEXT = "\n\n" + "A long paragraph about what the party stands for. " * 9000 + "\n"


def build_with_file_size_limit(project, limit: int = LIMIT, **overrides) -> subprocess.CompletedProcess:
    """Build ``project`` in a child process that may not write any file beyond ``limit`` bytes: the
    kernel stops the write that crosses it part way, as a full disk would (Python ignores SIGXFSZ,
    so the write fails with EFBIG instead of killing the process)."""
    script = textwrap.dedent(
        f"""
        import resource, sys
        from pathlib import Path
        sys.path.insert(0, {str(KIT_ROOT / "tests")!r})
        from kit_testing import build
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
        build(Path({str(project)!r}), now={NOW!r}, **{overrides!r})
        """
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=KIT_ROOT)


def snapshot(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def temporaries(*roots) -> list[str]:
    return [str(p) for root in roots for p in root.rglob(".tmp-*")]


def test_a_write_that_fails_part_way_leaves_the_old_page_whole(two_branches):
    output = build(two_branches, now=NOW)
    before = snapshot(output)
    about = two_branches / "content" / "pages" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + LONG_TEXT, encoding="utf-8")

    failed = build_with_file_size_limit(two_branches)

    assert failed.returncode != 0, failed.stdout + failed.stderr
    assert "File too large" in failed.stderr
    after_failure = snapshot(output)
    # the page whose new text could not be written is the good old page, byte for byte
    assert after_failure["about/index.html"] == before["about/index.html"]
    assert temporaries(output, two_branches / ".cache") == []

    # the next build, with room to write, makes the new page; every file the failed build left was
    # either as it was or already whole in its new form: none is cut short
    build(two_branches, now=NOW)
    after = snapshot(output)
    assert len(after["about/index.html"]) > LIMIT
    for name, data in after_failure.items():
        assert data in (before.get(name), after.get(name)), f"{name} was left half-written"


# A kind of file the national site may publish as it is (file_policy), so Pelican's static copy copies it.
AS_IT_IS = {"FILE_POLICY_MAIN_SUFFIXES": [".csv"]}


def test_a_static_file_that_fails_part_way_stops_the_build_and_stays_whole(two_branches):
    """Pelican copies static files into the old file and only warns when the copy fails: the build
    would go on and publish a cut-short file."""
    table = two_branches / "content" / "images" / "results.csv"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_bytes(b"ward,votes\n" + b"old ward,1\n" * 4000)
    output = build(two_branches, now=NOW, **AS_IT_IS)
    old = (output / "images" / "results.csv").read_bytes()
    assert old == table.read_bytes()

    table.write_bytes(b"ward,votes\n" + b"new ward,2\n" * 40000)
    failed = build_with_file_size_limit(two_branches, **AS_IT_IS)

    assert failed.returncode != 0, failed.stdout + failed.stderr
    assert (output / "images" / "results.csv").read_bytes() == old
    assert temporaries(output) == []
    build(two_branches, now=NOW, **AS_IT_IS)
    assert (output / "images" / "results.csv").read_bytes() == table.read_bytes()


def test_a_temporary_left_by_a_killed_build_is_removed_and_never_deployed(two_branches, tmp_path):
    output = build(two_branches, now=NOW)
    # what a build killed (SIGKILL, power cut) in the middle of a write leaves
    left = output / "about" / ".tmp-4242-0123456789ab"
    left.write_bytes(b"<html>half a pa")
    root = tmp_path / "www"
    root.mkdir()
    env = {**os.environ, "DEPLOY_HOST": "", "DEPLOY_PATH": str(root), "DEPLOY_METHOD": "direct"}
    deploy = subprocess.run(
        [str(KIT_ROOT / "scripts" / "deploy.sh"), "upload", str(output)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert (root / "about" / "index.html").is_file()
    assert temporaries(root) == []

    build(two_branches, now=NOW, BUILD_SKIP_UNCHANGED=False)
    assert not left.exists()


def test_written_files_are_readable_like_any_other_and_an_unchanged_rebuild_writes_nothing(two_branches):
    table = two_branches / "content" / "images" / "results.csv"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_bytes(b"ward,votes\n")
    output = build(two_branches, now=NOW, **AS_IT_IS)
    umask = os.umask(0)
    os.umask(umask)
    for path in [output / "index.html", output / "about" / "index.html", output / "images" / "results.csv"]:
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() would make it, for the web server
    times = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    digest = tree_digest(output)
    build(two_branches, now=NOW, BUILD_SKIP_UNCHANGED=False, **AS_IT_IS)  # every generator runs, every file compared
    assert tree_digest(output) == digest
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()} == times
