"""`make publish`: a fresh folder, swapped in only when the whole build succeeded."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import PUBLISHED_SITEURL, published_fixture
from kit_testing import KIT_PYTHONPATH, KIT_ROOT, PUBLISH_SETTINGS_FILE, project_paths, tree_digest

PUBLISH = KIT_ROOT / "scripts" / "publish.sh"
EPOCH = "1793534400"  # 2026-11-01 12:00 UTC


def run_publish(project, output, branch="", settings=None, **env):
    paths = {k: v for k, v in project_paths(project).items() if k != "OUTPUT_PATH"}  # publish.sh gives that
    overrides = {**(settings or {}), **paths, "SITEURL": PUBLISHED_SITEURL}
    args = [str(PUBLISH), str(output), branch, "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    environment = {
        **os.environ,
        "INPUTDIR": str(project / "content"),
        "PELICAN": str(KIT_ROOT / ".venv" / "bin" / "pelican"),
        "PYTHON": sys.executable,
        "SETTINGS": str(PUBLISH_SETTINGS_FILE),
        "PYTHONPATH": KIT_PYTHONPATH,  # the kit, as installed
        "SOURCE_DATE_EPOCH": EPOCH,
        "PELICANOPTS": "--fatal errors",
        **env,
    }
    return subprocess.run(args, capture_output=True, text=True, env=environment, timeout=300)


def test_publish_replaces_the_output_only_when_the_build_succeeds(tmp_path):
    project = published_fixture(tmp_path / "project")
    output = tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("a page deleted since")

    done = run_publish(project, output)
    assert done.returncode == 0, done.stderr
    assert (output / "index.html").is_file() and (output / "sitemap-index.xml").is_file()
    assert not (output / "stale.html").exists()  # a fresh folder: nothing survives from before
    assert not (tmp_path / "output.new").exists() and not (tmp_path / "output.old").exists()
    good = tree_digest(output)

    # a second build of the same input gives the same bytes (SOURCE_DATE_EPOCH)
    assert run_publish(project, output).returncode == 0
    assert tree_digest(output) == good

    # a build that fails half-way, after writing pages (security.txt needs a contact)
    failed = run_publish(project, output, settings={"SITE_FILES_SECURITY_CONTACT": []})
    assert failed.returncode != 0
    assert "output is as it was" in failed.stderr and "output.new, for a look" in failed.stderr
    assert tree_digest(output) == good  # the live build untouched

    # content with an error: the checks stop the build before anything is written
    (project / "content" / "news" / "2026-01-10-national-hello.md").write_text("---\ntitle: [unclosed\n---\n")
    failed = run_publish(project, output)
    assert failed.returncode != 0
    assert "output is as it was" in failed.stderr
    assert tree_digest(output) == good


def test_a_branch_on_its_own_domain_publishes_alone_as_in_the_full_build(tmp_path):
    project = published_fixture(tmp_path / "project")
    assert run_publish(project, tmp_path / "output").returncode == 0
    alone = run_publish(project, tmp_path / "output.branch-beta-net", branch="beta-net")
    assert alone.returncode == 0, alone.stderr
    alone = tmp_path / "output.branch-beta-net"
    assert tree_digest(alone) == tree_digest(tmp_path / "output" / "branches" / "beta-net")
    assert (alone / "theme").is_dir()


def test_a_branch_without_a_domain_cannot_publish_alone(tmp_path):
    project = published_fixture(tmp_path / "project")
    refused = run_publish(project, tmp_path / "output.branch-alpha", branch="alpha")
    assert refused.returncode == 2
    assert "branch `alpha` has no `domain`" in refused.stderr
    assert not (tmp_path / "output.branch-alpha").exists()


def test_a_branch_published_alone_reports_each_error_with_its_file_and_line(tmp_path):
    project = published_fixture(tmp_path / "project")
    output = tmp_path / "output.branch-beta-net"
    assert run_publish(project, output, branch="beta-net").returncode == 0
    good = tree_digest(output)
    news = project / "branches" / "beta-net" / "news"
    (news / "2026-03-05-broken.md").write_text("---\ntitle: Broken\ndate: 2026-02-30\n---\nText.\n")
    (news / "2026-03-06-other.md").write_text("---\ntitle: Other\ndate: 2026-02-31\n---\nText.\n")
    # the checks off, as if they had missed it: only the branch's own build meets the errors
    failed = run_publish(project, output, branch="beta-net", settings={"EDITOR_CHECKS_ON_BUILD": False})
    assert failed.returncode == 1, failed.stderr
    assert "make publish BRANCH=beta-net: branch `beta-net` failed to build:" in failed.stderr
    for name, day in (("2026-03-05-broken.md", 30), ("2026-03-06-other.md", 31)):
        where = f"branches/beta-net/news/{name}:3:"
        assert f"{where} `date` is `2026-02-{day}`, which is not a real date" in failed.stderr
    assert "Traceback" not in failed.stderr and "Warning or error encountered" not in failed.stderr
    assert "output.branch-beta-net is as it was" in failed.stderr
    assert tree_digest(output) == good  # the live copy untouched
    tried = tmp_path / "output.branch-beta-net.new"  # what the refused build wrote, kept for a look
    assert (tried / "index.html").is_file() and not list(tried.rglob("*broken*")) and not list(tried.rglob("*other*"))
    checked = run_publish(project, output, branch="beta-net")  # the checks on: they stop it first
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    assert "branches/beta-net/news/2026-03-05-broken.md:3: error: `date` is `2026-02-30`" in checked.stderr
    assert "make publish BRANCH=beta-net: 2 errors in the content: nothing was built" in checked.stderr
    assert tree_digest(output) == good
