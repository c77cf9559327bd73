"""Worker processes started by `spawn` (as on macOS and Windows) build exactly what forked ones build."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kit_testing import build, copy_fixture, site_settings_file, tree_digest

EPOCH = "1798761600"


def pelican(settings):
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    environment["SOURCE_DATE_EPOCH"] = EPOCH
    return subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings), "--fatal", "errors"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )


def test_branches_built_by_spawned_workers_are_byte_for_byte_those_built_by_forked_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    forked = build(copy_fixture("two_branches", tmp_path / "fork"), WORKER_START_METHOD="fork")

    project = copy_fixture("two_branches", tmp_path / "spawn")
    done = pelican(site_settings_file(project, WORKER_START_METHOD="spawn", BRANCH_BUILD_JOBS=2))
    assert done.returncode == 0, done.stderr
    assert "2 branches, 2 built" in done.stderr and "2 worker processes" in done.stderr
    spawned = project / "output"
    assert tree_digest(spawned) == tree_digest(forked)
    assert (spawned / "branches/alpha/news/2026/alpha-news/index.html").is_file()
    assert (spawned / "branches/beta-net/index.html").is_file()


def test_an_unknown_start_method_is_named_and_nothing_is_built(two_branches):
    # the settings check refuses it before anything is built (worker_pools checks it again where it is used)
    with pytest.raises(Exception, match=r"WORKER_START_METHOD is 'thread': it must be one of") as refused:
        build(two_branches, WORKER_START_METHOD="thread")
    assert "'spawn'" in str(refused.value)
    output = two_branches / "output"
    assert not (output / "index.html").exists()
    assert not (output / "branches/alpha/index.html").exists()
