"""scripts/deploy.sh against a real sshd on 127.0.0.1: releases, the atomic switch, hard links,
no transfer when nothing changed, an interrupted deploy, rollback, and the no-shell fallback."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time

import pytest

from kit_testing import KIT_ROOT, tree_digest

DEPLOY = str(KIT_ROOT / "scripts" / "deploy.sh")


def deploy(env: dict, *args, check=True, **popen) -> subprocess.CompletedProcess:
    done = subprocess.run([DEPLOY, *args], env=env, capture_output=True, text=True, timeout=120, **popen)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def stat(output: str, name: str) -> int:
    """A figure from rsync --stats: "Literal data: 0 bytes" -> 0."""
    match = re.search(rf"^{name}: ([0-9,.]+)", output, re.MULTILINE)
    assert match, output
    return float(match.group(1).replace(",", ""))


def live(base):
    return os.readlink(base / "current")


@pytest.fixture
def site(published_output, tmp_path):
    """A copy of the published fixture that a test may change."""
    return shutil.copytree(published_output, tmp_path / "site")


def test_a_deploy_is_a_new_release_and_unchanged_files_are_hard_links(ssh_host, site, tmp_path):
    base = tmp_path / "srv"
    env = ssh_host.env(DEPLOY_PATH=str(base))
    first = deploy({**env, "RELEASE": "r1"}, "upload", str(site))
    assert live(base) == "releases/r1"
    assert tree_digest(base / "current") == tree_digest(site)
    assert stat(first.stdout, "Number of regular files transferred") == len(tree_digest(site))

    # Nothing changed, though the files are new (a fresh build gives them new times):
    # no file's contents cross the wire, and the new release is all hard links.
    for path in site.rglob("*"):
        os.utime(path)
    again = deploy({**env, "RELEASE": "r2"}, "upload", str(site))
    assert stat(again.stdout, "Number of regular files transferred") == 0
    assert stat(again.stdout, "Literal data") == 0
    assert live(base) == "releases/r2"
    r1, r2 = base / "releases" / "r1", base / "releases" / "r2"
    assert all((r1 / f).stat().st_ino == (r2 / f).stat().st_ino for f in tree_digest(site))

    (site / "index.html").write_text((site / "index.html").read_text() + "<!-- changed -->\n")
    third = deploy({**env, "RELEASE": "r3"}, "upload", str(site))
    assert stat(third.stdout, "Number of regular files transferred") == 1
    r3 = base / "releases" / "r3"
    assert (r3 / "index.html").stat().st_ino != (r2 / "index.html").stat().st_ino
    assert (r3 / "about" / "index.html").stat().st_ino == (r2 / "about" / "index.html").stat().st_ino
    assert tree_digest(base / "current") == tree_digest(site)
    assert oct((r3 / "index.html").stat().st_mode & 0o777) == "0o644"
    assert "* r3" in deploy(env, "list").stdout


def test_an_interrupted_deploy_leaves_the_live_site_whole_and_the_next_one_finishes(ssh_host, site, tmp_path):
    base = tmp_path / "srv"
    env = ssh_host.env(DEPLOY_PATH=str(base))
    deploy({**env, "RELEASE": "old"}, "upload", str(site))
    before = tree_digest(base / "current")

    for n in range(16):  # 4 MiB of new files, sent at 1 MB/s: the kill lands half-way
        (site / "images" / f"photo-{n:02}.jpg").parent.mkdir(exist_ok=True)
        (site / "images" / f"photo-{n:02}.jpg").write_bytes(os.urandom(256 * 1024))
    (site / "index.html").write_text("<p>new home</p>" * 100)
    slow = {**env, "RELEASE": "new", "RSYNC_OPTS": "--bwlimit=1000"}
    proc = subprocess.Popen(
        [DEPLOY, "upload", str(site)],
        env=slow,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not (base / "incoming" / "images").is_dir() or len(list((base / "incoming" / "images").iterdir())) < 3:
        assert proc.poll() is None and time.monotonic() < deadline, "the deploy ended before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # deploy.sh, rsync and its ssh, at once
    proc.wait()

    assert live(base) == "releases/old"
    assert tree_digest(base / "current") == before  # readers still get the whole old site
    assert not (base / "releases" / "new").exists()

    done = deploy({**env, "RELEASE": "new"}, "upload", str(site))
    assert live(base) == "releases/new"
    assert tree_digest(base / "current") == tree_digest(site)
    assert not (base / "incoming").exists()
    assert stat(done.stdout, "Number of regular files transferred") < 17  # some came over before the kill


def test_rollback_switches_back_and_old_releases_are_pruned(ssh_host, site, tmp_path):
    base = tmp_path / "srv"
    env = ssh_host.env(DEPLOY_PATH=str(base), KEEP_RELEASES="3")
    digests = {}
    for n in range(1, 5):
        (site / "about" / "index.html").write_text(f"<p>version {n}</p>")
        deploy({**env, "RELEASE": f"2026110{n}T120000Z"}, "upload", str(site))
        digests[n] = tree_digest(site)
    assert sorted(os.listdir(base / "releases")) == [f"2026110{n}T120000Z" for n in (2, 3, 4)]

    assert "20261104T120000Z -> 20261103T120000Z" in deploy(env, "rollback").stdout
    assert tree_digest(base / "current") == digests[3]
    deploy(env, "rollback")
    assert tree_digest(base / "current") == digests[2]
    refused = deploy(env, "rollback", check=False)
    assert refused.returncode != 0 and "no release before 20261102T120000Z" in refused.stderr
    assert tree_digest(base / "current") == digests[2]
    deploy(env, "rollback", "20261104T120000Z")
    assert tree_digest(base / "current") == digests[4]

    # a deploy after a rollback is live, and the oldest beyond KEEP_RELEASES go
    deploy(env, "rollback", "20261102T120000Z")
    deploy({**env, "RELEASE": "20261105T120000Z"}, "upload", str(site))
    assert live(base) == "releases/20261105T120000Z"
    assert sorted(os.listdir(base / "releases")) == [f"2026110{n}T120000Z" for n in (3, 4, 5)]


def test_a_release_name_taken_twice_gets_a_suffix(ssh_host, site, tmp_path):
    env = ssh_host.env(DEPLOY_PATH=str(tmp_path / "srv"), RELEASE="same")
    deploy(env, "upload", str(site))
    assert "releases/same-1 " in deploy(env, "upload", str(site)).stdout


def test_the_no_shell_fallback_updates_in_place_and_sends_nothing_when_nothing_changed(site, tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    (root / "gone.html").write_text("a page the site no longer has")
    env = {**os.environ, "DEPLOY_HOST": "", "DEPLOY_PATH": str(root), "DEPLOY_METHOD": "direct"}
    deploy(env, "upload", str(site))
    assert tree_digest(root) == tree_digest(site)
    again = deploy(env, "upload", str(site))
    assert stat(again.stdout, "Literal data") == 0
    refused = deploy(env, "rollback", check=False)
    assert refused.returncode != 0 and "keeps no releases" in refused.stderr


def test_make_upload_and_rollback_pass_the_settings_on(ssh_host, site, tmp_path):
    base = tmp_path / "srv"
    env = ssh_host.env()
    variables = [
        f"PUBLISHDIR={site}",
        f"DEPLOY_HOST={ssh_host.host}",
        f"DEPLOY_PATH={base}",
        f"SSH_PORT={ssh_host.port}",
    ]
    for release in ("a", "b"):
        done = subprocess.run(
            ["make", "-s", "-C", str(KIT_ROOT), "upload", *variables],
            env={**env, "RELEASE": release},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    assert live(base) == "releases/b"
    done = subprocess.run(
        ["make", "-s", "-C", str(KIT_ROOT), "rollback", *variables], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert live(base) == "releases/a"


def test_make_upload_without_a_site_folder_is_refused_and_writes_nothing(site, tmp_path):
    """The Makefile names no party's folder: DEPLOY_PATH must be set by the site."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEPLOY_PATH", "SSH_TARGET_DIR")}
    host = tmp_path / "host"
    host.mkdir()
    done = subprocess.run(
        ["make", "-s", "-C", str(KIT_ROOT), "upload", f"PUBLISHDIR={site}", "DEPLOY_HOST="],
        env=env,
        cwd=host,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "DEPLOY_PATH is not set" in done.stderr
    assert list(host.iterdir()) == []
    assert not (KIT_ROOT / "releases").exists() and not (KIT_ROOT / "incoming").exists()


def test_ci_style_settings_user_and_key_apart(ssh_host, site, tmp_path):
    """The CI workflows give DEPLOY_HOST without a user, DEPLOY_USER and SSH_KEY."""
    key = re.search(r"-i (\S+)", ssh_host.options).group(1)
    options = re.sub(r"-i \S+ ", "", ssh_host.options)
    env = ssh_host.env(
        DEPLOY_HOST="127.0.0.1",
        DEPLOY_USER="root",
        SSH_KEY=key,
        SSH_OPTS=options,
        DEPLOY_PATH=str(tmp_path / "srv"),
        RELEASE="ci",
    )
    assert "root@127.0.0.1:" in deploy(env, "upload", str(site)).stdout
    assert live(tmp_path / "srv") == "releases/ci"
