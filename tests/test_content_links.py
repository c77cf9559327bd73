"""make check: links to files that do not exist, and web addresses that lead nowhere."""

from __future__ import annotations

import pytest
from PIL import Image

from editor_checks.run import check_project
from kit_testing import copy_fixture, project_settings

CASES = {
    "{filename} to a missing post": (
        "[see]({filename}/pages/contcat.md)",
        "error",
        "Did you mean `{filename}/pages/contact.md`?",
    ),
    "{filename} to a picture": ("[pic]({filename}/images/logo.png)", "error", "Write `{static}/images/logo.png`"),
    "a path to a Markdown file": ("[contact](contact.md)", "error", "Write `{filename}/pages/contact.md`"),
    "missing https": ("[site](www.example.org/page)", "error", "Write `https://www.example.org/page`"),
    "https without colon": ("[site](https//example.org/)", "error", "Write `https://example.org/`"),
    "misspelt scheme": ("[site](htp://example.org/)", "error", "Web addresses start with https://"),
    "no website": ("[site](https://localhost)", "error", "Write the whole address"),
    "javascript": ('<a href="javascript:alert(1)">x</a>', "error", "Link to a web address."),
    "plain http": ("[site](http://example.org/)", "warning", "Use its https:// address"),
    "reference link": ("[site][1]\n\n[1]: {filename}/pages/nope.md", "error", "does not exist"),
    "unknown marker": ("[x]({}javascript:alert(1))", "error", "which the kit does not know"),
    "marker then a scheme": ("[x]({filename}javascript:alert(1))", "error", "mixes a file link and a web address"),
    "outside the site": ("[x]({filename}/../../secret.md)", "error", "Link within the site."),
}

FINE = """\
[contact]({filename}/pages/contact.md) [same folder]({filename}contact.md) [logo]({static}/images/logo.png)
[web](https://example.org/a_(b)) [mail](mailto:a@example.org) [phone](tel:+441234567890) [top](#top)
[site root](/branches/) <https://example.org/auto>

    [indented code](nowhere.md)

```
[fenced code](nowhere.md)
```
Inline `[code](nowhere.md)` too.
"""


def write_page(project, body: str) -> str:
    path = project / "content/pages/links.md"
    path.write_text(f"---\ntitle: Links\n---\n{body}\n")
    return "content/pages/links.md"


@pytest.fixture
def project(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    (project / "content/images").mkdir(exist_ok=True)
    Image.new("L", (1, 1)).save(project / "content/images/logo.png")
    return project


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_links_name_file_line_and_fix(project, case):
    body, severity, fix = CASES[case]
    name = write_page(project, "Intro.\n\n" + body)
    problems = [p for p in check_project(project_settings(project)).sorted() if p.path == name]
    line = 6 + body.count("\n")  # the last line of the body: a reference link's definition
    assert [(p.line, p.severity) for p in problems] == [(line, severity)], problems
    assert fix in problems[0].fix or fix in problems[0].message


def test_good_links_pass(project):
    name = write_page(project, FINE)
    assert [p for p in check_project(project_settings(project)).sorted() if p.path == name] == []


def test_branch_links_are_checked_too(project):
    (project / "branches/alpha/news/2026-03-01-x.md").write_text(
        "---\ntitle: X\ndate: 2026-03-01\n---\n[a]({filename}/pages/gone.md)\n"
    )
    problems = check_project(project_settings(project)).sorted()
    assert [(p.path, p.line) for p in problems if p.is_error] == [("branches/alpha/news/2026-03-01-x.md", 5)]
