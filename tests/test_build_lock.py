"""One build at a time per checkout: while a build runs, a second `make html`, `make check` or `make
publish` of the same checkout stops at once with a clear message and writes nothing; the running
build's own branch worker processes go on; the lock goes with the process that held it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from test_publish import run_publish

from conftest import published_fixture
from kit_testing import KIT_PYTHONPATH, KIT_ROOT, SETTINGS_FILE, project_paths, tree_digest

NOW = "1793534400"
PELICAN = os.path.join(os.path.dirname(sys.executable), "pelican")
BUSY = "another build of this checkout is running (pid {pid}); wait for it or stop it"

# A real build of the project, paused once every generator has read its content (the branches'
# builds are done by then, in their worker processes) until the file `go` appears.
PAUSED_BUILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from pelican import signals
    from kit_testing import build

    project = Path(sys.argv[1])

    def pause(generators):
        if generators[0].settings.get("BRANCH"):
            return
        (project / "paused").write_text("")
        while not (project / "go").exists():
            time.sleep(0.05)

    signals.all_generators_finalized.connect(pause)
    build(project, now=sys.argv[3], BUILD_SKIP_UNCHANGED=False)
    print("paused build: done")
    """
)


def start_paused_build(project) -> subprocess.Popen:
    build = subprocess.Popen(
        [sys.executable, "-c", PAUSED_BUILD, str(project), str(KIT_ROOT / "tests"), NOW],
        cwd=KIT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not (project / "paused").exists():
        assert build.poll() is None, build.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return build


def project_overrides(project) -> list[str]:
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in project_paths(project).items())]


def make_html(project) -> subprocess.CompletedProcess:
    """`make html` of ``project``: pelican itself, in a process of its own."""
    args = [PELICAN, str(project / "content"), "-o", str(project / "output"), "-s", str(SETTINGS_FILE)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": NOW, "PYTHONPATH": KIT_PYTHONPATH}
    return subprocess.run(
        [*args, "--fatal", "errors", *project_overrides(project)], capture_output=True, text=True, env=env, timeout=300
    )


def make_check(project) -> subprocess.CompletedProcess:
    """`make check` of ``project``, as the Makefile runs it."""
    script = textwrap.dedent(
        f"""
        import sys
        from editor_checks.declared_settings import read_kit_settings
        from editor_checks.run import check_project
        settings = read_kit_settings({str(SETTINGS_FILE)!r}, override={project_paths(project)!r})
        problems = check_project(settings).sorted()
        print("checked:", len(problems))
        """
    )
    env = {**os.environ, "PYTHONPATH": KIT_PYTHONPATH}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)


def everything_under(project) -> dict[str, str]:
    return {
        name: digest
        for name, digest in tree_digest(project).items()
        if not name.startswith(("content", "branches")) and name != "paused"
    }


def test_a_second_build_while_one_runs_stops_at_once_and_writes_nothing(tmp_path):
    project = published_fixture(tmp_path / "project")
    published = tmp_path / "output"
    assert run_publish(project, published).returncode == 0
    good = tree_digest(published)

    first = start_paused_build(project)
    try:
        before = everything_under(project)  # the output and the cache as the running build left them
        for second in (make_html(project), make_check(project), run_publish(project, published)):
            assert second.returncode != 0, second.stdout + second.stderr
            assert BUSY.format(pid=first.pid) in second.stderr
            assert everything_under(project) == before
        assert tree_digest(published) == good  # the publish that could not start recovered nothing, swapped nothing
        assert not (tmp_path / "output.new").exists()
    finally:
        (project / "go").write_text("")
        out, err = first.communicate(timeout=300)
    # the running build, branch worker processes and all, was not disturbed
    assert first.returncode == 0, out + err
    assert "paused build: done" in out
    assert "2 branches, 2 built" in out + err
    assert (project / "output" / "branches" / "alpha" / "index.html").is_file()

    done = make_html(project)
    assert done.returncode == 0, done.stderr
    assert "another build" not in done.stderr


def test_the_lock_goes_with_a_build_that_is_killed(tmp_path):
    project = published_fixture(tmp_path / "project")
    first = start_paused_build(project)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    # no file to clean up by hand: the system let go of the lock with the process
    done = make_html(project)
    assert done.returncode == 0, done.stderr
    assert (project / "output" / "index.html").is_file()
    checked = make_check(project)
    assert checked.returncode == 0, checked.stderr
