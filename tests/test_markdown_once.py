"""Each Markdown file is converted once per build: the checks' HTML is what the pages are made from
(front_matter.converted_texts), and the pages are the same bytes as when every file is converted
again."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import markdown
import pytest

from kit_testing import build, copy_fixture, tree_digest

NOW = "1798761600"
# A logo: party_brand adds its file to the inputs every site is built from as the build starts, after
# the checks kept their HTML; the kept HTML is found all the same.
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
    '<rect width="200" height="100" fill="#1d5c2e"/></svg>\n'
)
# A text whose first block is a comment, which a branch's cleaning removes: its kept HTML must be what
# a fresh conversion gives, byte for byte.
COMMENT_FIRST = "---\ntitle: {title}\n---\n<!-- a comment -->\n\nThe words after the comment, in {title}.\n"


def _project(tmp_path: Path) -> Path:
    """The two-branch fixture with a logo and a text on the main site and a branch that starts with a comment."""
    project = copy_fixture("two_branches", tmp_path / "site")
    (project / "theme" / "brand").mkdir(parents=True)
    (project / "theme" / "brand" / "logo.svg").write_text(LOGO, encoding="utf-8")
    for folder, title in (("content/pages", "Notes"), ("branches/alpha/pages", "Alphaton notes")):
        (project / folder / "notes.md").write_text(COMMENT_FIRST.format(title=title), encoding="utf-8")
    return project


@pytest.fixture
def conversions(tmp_path, monkeypatch):
    """The digest of every text Markdown converts in this process and the workers it forks, in order."""
    log = tmp_path / "conversions.log"
    convert = markdown.Markdown.convert

    def logged(self, source):
        with open(log, "a", encoding="ascii") as out:  # one short line a call: whole, from any process
            out.write(hashlib.sha256(source.encode("utf-8")).hexdigest() + "\n")
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", logged)

    def taken() -> list[str]:
        lines = log.read_text(encoding="ascii").split() if log.exists() else []
        log.unlink(missing_ok=True)
        return lines

    return taken


def _bodies(project: Path) -> dict[str, str]:
    """Each Markdown file's body (after its front matter), by digest."""
    found = {}
    for path in sorted([*project.glob("content/**/*.md"), *project.glob("branches/*/**/*.md")]):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---", 1)[1].split("\n", 1)[1] if text.startswith("---") else text
        found[hashlib.sha256(body.encode("utf-8")).hexdigest()] = str(path.relative_to(project))
    return found


def test_each_file_is_converted_once_per_build(tmp_path, conversions):
    project = _project(tmp_path)
    bodies = _bodies(project)
    output = build(project, now=NOW, WORKER_START_METHOD="fork", EDITOR_CHECKS_JOBS=2, BRANCH_BUILD_JOBS=2)
    assert (output / "theme" / "brand" / "logo.svg").is_file(), "the build has the logo"
    converted = conversions()
    files = [digest for digest in converted if digest in bodies]
    assert sorted(set(files)) == sorted(bodies), "every post, page and event is converted"
    twice = sorted(bodies[d] for d in set(files) if files.count(d) > 1)
    assert twice == [], f"converted more than once in one build: {twice}"

    # an edit: the checks and the build of its branch convert that file alone
    post = sorted(project.glob("branches/*/news/*.md"))[0]
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    build(project, now=NOW, WORKER_START_METHOD="fork", EDITOR_CHECKS_JOBS=2, BRANCH_BUILD_JOBS=2)
    edited = [digest for digest in conversions() if digest in _bodies(project)]
    assert [_bodies(project)[d] for d in edited] == [str(post.relative_to(project))]


def test_pages_from_kept_html_are_the_pages_converted_afresh(tmp_path):
    project = _project(tmp_path)
    output = build(project, now=NOW)
    kept = tree_digest(output)
    notes = [output / "notes" / "index.html", output / "branches" / "alpha" / "notes" / "index.html"]
    for page in notes:
        text = page.read_text(encoding="utf-8")
        assert "The words after the comment" in text
    store = project / ".cache" / "markdown"
    assert sorted(p.name for p in store.iterdir()) == ["branch-alpha.pickle", "branch-beta-net.pickle", "main.pickle"]

    shutil.rmtree(output)
    shutil.rmtree(project / ".cache")
    os.environ.pop("KIT_TEST_NOTHING", None)
    # the build's reader converting everything itself: no checks' HTML to take (the checks are off)
    build(project, now=NOW, EDITOR_CHECKS_ON_BUILD=False)
    assert not store.exists()
    assert tree_digest(output) == kept
    assert all(page.is_file() for page in notes)


def test_make_check_keeps_no_html(tmp_path):
    """`make check` (and an import's check) builds nothing: it leaves the build cache as it was."""
    from editor_checks.run import check_project
    from kit_testing import project_settings

    project = copy_fixture("two_branches", tmp_path / "site")
    assert not check_project(project_settings(project)).errors
    assert not (project / ".cache" / "markdown").exists()


def test_a_deleted_branchs_converted_texts_are_removed(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "site")
    build(project, now=NOW)
    store = project / ".cache" / "markdown"
    kept = {name: (store / name).read_bytes() for name in ("main.pickle", "branch-alpha.pickle")}
    assert (store / "branch-beta-net.pickle").is_file()

    shutil.rmtree(project / "branches" / "beta-net")
    output = build(project, now=NOW)
    assert sorted(p.name for p in store.iterdir()) == sorted(kept)
    assert {name: (store / name).read_bytes() for name in kept} == kept  # the others' as they were
    assert not (output / "branches" / "beta-net").exists()
