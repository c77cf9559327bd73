"""Hostile or broken editors' files: each ends quickly as a problem with its file and line, never as
a traceback, a runaway use of memory or time, or a build that spoils pages already published."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from editor_checks.problems import ContentProblems
from kit_testing import KIT_ROOT, build, copy_fixture, site_settings_file, tree_digest

ADDRESS_SPACE = 1_500_000_000
POST = "branches/alpha/news/2026-02-01-alpha-news.md"
BRANCH_YAML = "branches/beta-net/branch.yaml"


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_check(project, **settings):
    """`make check`'s entry on ``project``, with ``settings`` added, in a process held to 1.5 GB."""
    settings_file = site_settings_file(project, **settings)
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT / "plugins")}
    return subprocess.run(
        [sys.executable, "-m", "editor_checks", "--settings", str(settings_file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
        preexec_fn=_limited,
    )


def assert_reported(result, where: str, *words: str):
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith(where + ":")]
    assert lines, result.stdout
    assert ": error: " in lines[0]
    for word in words:
        assert word in result.stdout, result.stdout


def billion_laughs(indent: str = "") -> str:
    lines = [f'{indent}a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"{indent}a{level}: &a{level} [{', '.join([previous] * 9)}]")
    return "\n".join(lines) + "\n"


def post(front: str, body: str = "Text.\n") -> str:
    return f"---\ntitle: A post\ndate: 2026-02-01\n{front}---\n{body}"


@pytest.fixture
def project(tmp_path):
    return copy_fixture("two_branches", tmp_path / "project")


def test_alias_bomb_in_front_matter(project):
    (project / POST).write_text(post(billion_laughs()))
    result = run_check(project)
    assert_reported(result, f"{POST}:4", "anchor or alias")


def test_alias_bomb_in_branch_yaml(project):
    path = project / BRANCH_YAML
    path.write_text(path.read_text() + billion_laughs())
    result = run_check(project)
    assert_reported(result, f"{BRANCH_YAML}:5", "anchor or alias")


def test_recursive_alias(project):
    (project / POST).write_text(post("tags: &loop [*loop]\n"))
    assert_reported(run_check(project), f"{POST}:4", "anchor or alias")


def test_deep_yaml_nesting(project):
    (project / POST).write_text(post("tags: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert_reported(run_check(project), f"{POST}:4", "nested more than")


def test_tag_is_refused(project):
    (project / POST).write_text(post("summary: !!python/name:os.system\n"))
    assert_reported(run_check(project), f"{POST}:4", "YAML tag")


def test_post_above_the_size_cap(project):
    (project / POST).write_text(post("", "A long text. " * 1000))
    result = run_check(project, FRONT_MATTER_MAX_FILE_BYTES=5000)
    assert_reported(result, f"{POST}:1", "larger than 5 KB")


def test_branch_yaml_above_its_cap(project):
    path = project / BRANCH_YAML
    path.write_text(path.read_text() + "# a comment\n" * 20_000)
    assert_reported(run_check(project), f"{BRANCH_YAML}:1", "larger than 100 KB")


@pytest.mark.parametrize("marker", ["- ", "> "])
def test_markdown_nested_1000_deep(project, marker):
    (project / POST).write_text(post("", marker * 1000 + "deep\n"))
    assert_reported(run_check(project), f"{POST}:5", "more than 20 levels")


def test_indented_list_nested_300_deep(project):
    body = "".join("    " * level + "- item\n" for level in range(300))
    (project / POST).write_text(post("", body))
    assert_reported(run_check(project), f"{POST}:25", "more than 20 levels")


def test_year_0000(project):
    (project / POST).write_text(post("").replace("2026-02-01", "0000-02-01"))
    assert_reported(run_check(project), f"{POST}:3", "there is no year 0000")


def test_binary_garbage_in_a_post(project):
    (project / POST).write_bytes(b"---\ntitle: x\n---\n\xff\xfe\x00\x9c garbage \x80\x81")
    assert_reported(run_check(project), f"{POST}:4", "UTF-8")


def test_empty_branch_yaml(project):
    (project / BRANCH_YAML).write_text("")
    assert_reported(run_check(project), f"{BRANCH_YAML}:1", "not empty")


def test_branch_yaml_that_is_a_list(project):
    (project / BRANCH_YAML).write_text("- name: Beta\n- kind: network\n")
    assert_reported(run_check(project), f"{BRANCH_YAML}:1", "not a list")


BAD_POSTS = {
    "alias bomb": post(billion_laughs()),
    "nested list": post("", "- " * 1000 + "deep\n"),
    "nested quote": post("", "> " * 1000 + "deep\n"),
    "too large": post("", "A long text. " * 100_000),
}


@pytest.mark.parametrize("case", sorted(BAD_POSTS))
def test_a_bad_post_fails_the_build_and_spoils_nothing(project, capsys, case):
    output = build(project)
    before = tree_digest(output)
    (project / POST).write_text(BAD_POSTS[case])
    with pytest.raises(ContentProblems) as raised:
        build(project)
    assert [p.path for p in raised.value.problems] == [POST]
    assert raised.value.problems[0].line >= 1
    assert "Traceback" not in capsys.readouterr().err
    after = tree_digest(output)
    kept = {name: digest for name, digest in before.items() if not name.startswith("branches/alpha/")}
    assert kept and any(name.startswith("branches/beta-net/") for name in kept)
    assert {name: after.get(name) for name in kept} == kept


@pytest.mark.parametrize("checks_on_build", [True, False])
@pytest.mark.parametrize("case", ["alias bomb", "too large"])
def test_a_bad_branch_yaml_fails_the_build_and_spoils_nothing(project, capsys, case, checks_on_build):
    output = build(project)
    before = tree_digest(output)
    path = project / BRANCH_YAML
    path.write_text(path.read_text() + (billion_laughs() if case == "alias bomb" else "# a comment\n" * 20_000))
    with pytest.raises(ContentProblems) as raised:
        build(project, EDITOR_CHECKS_ON_BUILD=checks_on_build)
    assert [p.path for p in raised.value.problems] == [BRANCH_YAML]
    assert raised.value.problems[0].line >= 1
    assert "Traceback" not in capsys.readouterr().err
    after = tree_digest(output)
    kept = {name: digest for name, digest in before.items() if not name.startswith("branches/beta-net/")}
    assert kept and any(name.startswith("branches/alpha/") for name in kept)
    assert {name: after.get(name) for name in kept} == kept
