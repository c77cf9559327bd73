"""scripts/deploy.sh's pull-request previews against a real sshd on 127.0.0.1: upload into
previews/N beside the live site, replacement by one rename, removal, pruning by age, and a bad
number refused with nothing written."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from test_deploy import deploy, live, stat

from kit_testing import tree_digest


@pytest.fixture
def site(published_output, tmp_path):
    return shutil.copytree(published_output, tmp_path / "site")


@pytest.fixture
def host(ssh_host, site, tmp_path):
    """A host with a live release r1 already on it."""
    base = tmp_path / "srv"
    env = ssh_host.env(DEPLOY_PATH=str(base))
    deploy({**env, "RELEASE": "r1"}, "upload", str(site))
    return base, env


def test_a_preview_lands_beside_the_live_site_and_a_second_upload_swaps_it_whole(host, site):
    base, env = host
    live_before = tree_digest(base / "current")
    deploy({**env, "RELEASE": "p1"}, "preview-upload", "21", str(site))
    preview = base / "previews" / "21"
    assert os.readlink(preview) == ".builds/21-p1"
    assert tree_digest(preview) == tree_digest(site)
    assert live(base) == "releases/r1" and tree_digest(base / "current") == live_before

    (site / "index.html").write_text((site / "index.html").read_text() + "<!-- pr change -->\n")
    again = deploy({**env, "RELEASE": "p2"}, "preview-upload", "21", str(site))
    assert stat(again.stdout, "Number of regular files transferred") == 1
    assert os.readlink(preview) == ".builds/21-p2"
    assert tree_digest(preview) == tree_digest(site)
    assert sorted(os.listdir(base / "previews" / ".builds")) == ["21-p2"]  # the old one is gone
    assert tree_digest(base / "current") == live_before


def test_remove_and_prune_take_only_their_previews(host, site):
    base, env = host
    live_before = tree_digest(base / "current")
    for n in ("3", "4", "5"):
        deploy({**env, "RELEASE": "p"}, "preview-upload", n, str(site))
    deploy(env, "preview-remove", "4")
    previews = base / "previews"
    assert sorted(os.listdir(previews)) == [".builds", "3", "5"]
    assert sorted(os.listdir(previews / ".builds")) == ["3-p", "5-p"]

    old = time.time() - 20 * 86400
    os.utime(previews / "3", (old, old), follow_symlinks=False)
    pruned = deploy(env, "preview-prune", "14")
    assert "preview removed: 3" in pruned.stdout
    assert sorted(os.listdir(previews)) == [".builds", "5"]
    assert sorted(os.listdir(previews / ".builds")) == ["5-p"]
    assert tree_digest(base / "current") == live_before


@pytest.mark.parametrize("number", ["", "0", "21/../../current", "-1", "2 1", "../x", "12a"])
def test_a_bad_pull_request_number_is_refused_and_nothing_is_written(host, site, number):
    base, env = host
    before = sorted(str(p.relative_to(base)) for p in base.rglob("*"))
    for args in (("preview-upload", number, str(site)), ("preview-remove", number)):
        done = deploy(env, *args, check=False)
        assert done.returncode == 1
        assert "digits only" in done.stderr
    assert sorted(str(p.relative_to(base)) for p in base.rglob("*")) == before
    assert not (base / "previews").exists()


def test_prune_needs_a_number_of_days(host, site):
    base, env = host
    deploy(env, "preview-upload", "7", str(site))
    done = deploy(env, "preview-prune", "soon", check=False)
    assert done.returncode == 1 and "number of days" in done.stderr
    assert tree_digest(base / "previews" / "7") == tree_digest(site)
