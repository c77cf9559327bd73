"""Branch Markdown cannot put script on the party's domain; make check says what was removed, where."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from editor_checks.run import check_project
from html_policy.allow_list import clean
from kit_testing import build, copy_fixture, project_settings

HOSTILE_BODY = """\
Plain words stay.

<script>alert("script tag")</script>

<img src="images/x.png" alt="pic" onerror="alert('onerror')">

<svg onload="alert('svg')"><circle r="5"/></svg>

[a javascript link](javascript:alert('link'))

<a href="JaVaScRiPt&colon;alert(1)">entity trick</a>

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>

<iframe src="https://evil.example/"></iframe>

<p style="color:red" onclick="alert('click')">styled</p>

<scr<script>ipt>alert("nested")</script>

[pelican marker]({}javascript:alert(document.domain)) [index marker]({index}javascript:?%0aalert(2))

<a href="{x}javascript:alert(3)">html marker</a> <a href="|filename|javascript:alert(4)">pipe marker</a>

<div class="kit-header"><a href="https://example.org/">a fair link</a></div>

| Left | Right |
|:-----|------:|
| a    | b     |
"""

DANGEROUS = [r"<script", r"\son\w+\s*=", r"javascript:", r"data:text", r"<iframe", r"<svg", r"style=", r"alert\("]


def page_text(output, path):
    html = (output / path).read_text()
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("policy") / "project")
    (project / "branches/alpha/images").mkdir()  # the picture is there: only the markup is hostile
    Image.new("RGB", (8, 8), (20, 90, 40)).save(project / "branches/alpha/images/x.png")
    (project / "branches/alpha/pages/hostile.md").write_text(f"---\ntitle: Hostile\n---\n{HOSTILE_BODY}")
    (project / "branches/alpha/events/2027-02-01-hostile.md").write_text(
        f"---\ntitle: Hostile event\nstart: 2027-02-01 19:00\nduration: 1h\n---\n{HOSTILE_BODY}"
    )
    (project / "content/pages/trusted.md").write_text(
        '---\ntitle: Trusted\n---\n<div class="kit-notice">National notice</div>\n\n| A |\n|--:|\n| 1 |\n'
    )
    # javascript: and data: links are errors that stop `make html`; build without the checks to show
    # that the cleaning holds on its own, whatever reaches the build
    return project, build(project, EDITOR_CHECKS_ON_BUILD=False)


@pytest.mark.parametrize(
    "path", ["branches/alpha/hostile/index.html", "branches/alpha/events/2027-02-01-hostile/index.html"]
)
def test_branch_html_is_cleaned(built, path):
    _, output = built
    main = page_text(output, path)
    for pattern in DANGEROUS:
        assert not re.search(pattern, main, re.IGNORECASE), (pattern, main)
    assert "Plain words stay." in main
    assert '<a href="https://example.org/">a fair link</a>' in main
    assert "<div>" in main and 'class="kit-header"' not in main  # classes only from the allow-list
    assert '<th class="kit-align-left">Left</th>' in main and '<td class="kit-align-right">b</td>' in main


def test_main_site_content_is_trusted_but_never_gets_inline_style(built):
    _, output = built
    main = page_text(output, "trusted/index.html")
    assert '<div class="kit-notice">National notice</div>' in main
    assert '<th class="kit-align-right">A</th>' in main and "style=" not in main


def test_a_setting_cleans_the_main_site_too(built):
    project, _ = built
    output = build(
        project, HTML_POLICY_SANITISE_MAIN=True, OUTPUT_PATH=str(project / "output-clean"), EDITOR_CHECKS_ON_BUILD=False
    )
    assert '<div class="kit-notice">' not in page_text(output, "trusted/index.html")


def test_make_check_reports_what_is_removed_and_where(built):
    project, _ = built
    problems = [p for p in check_project(project_settings(project)).sorted() if p.path.endswith("pages/hostile.md")]
    found = {(p.line, p.message.split(" was removed")[0]) for p in problems}
    assert (6, "`<script>`") in found  # the line in the file, front matter included
    assert (8, "`onerror` on `<img>`") in found
    assert (10, "`<svg>`") in found
    assert (12, "the address `javascript:alert(` on `<a>`") in found  # as Markdown reads the link
    assert (14, "the address `JaVaScRiPt:alert(1)` on `<a>`") in found
    assert (16, "the address `data:text/html;base64,PHNjcmlwdD5hbGV...` on `<a>`") in found
    assert not any("circle" in message for _, message in found)  # reported as part of its <svg>
    assert (18, "`<iframe>`") in found
    assert (20, "`style` on `<p>`") in found
    removed = [p for p in problems if " was removed" in p.message]
    assert all(p.severity == "warning" and p.fix for p in removed)
    # the link check goes further: a javascript: or data: link stops the build
    assert {(p.line, p.severity) for p in problems if "links are not allowed" in p.message} == {
        (12, "error"),
        (14, "error"),
        (16, "error"),
    }
    # the trusted main site reports nothing
    assert not [p for p in check_project(project_settings(project)).sorted() if p.path.startswith("content/")]


@pytest.mark.parametrize(
    "dirty, cleaned",
    [
        ('<a href="&#106;avascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="java\tscript:alert(1)">x</a>', "<a>x</a>"),
        ('<math><mi xlink:href="javascript:alert(1)">m</mi></math>', ""),
        ("<form action=/x><input name=q><button>go</button></form>", "go"),
        ('<img src="x" alt="a" onerror=alert(1)>', '<img src="x" alt="a">'),
        (
            '<a href="/events/" id="fn:1" class="footnote-ref">1</a>',
            '<a href="/events/" id="fn:1" class="footnote-ref">1</a>',
        ),
        ('<a href="/events/" id="branch-finder">x</a>', '<a href="/events/">x</a>'),
        ('<a href="{}javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="{filename}JavaScript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="{filename}/pages/about.md">x</a>', '<a href="{filename}/pages/about.md">x</a>'),
        ("<p>a<!-- hidden -->b</p>", "<p>ab</p>"),
    ],
)
def test_allow_list(dirty, cleaned):
    assert clean(dirty) == cleaned
