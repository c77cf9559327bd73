"""News posts and pages: front matter read, validated, and every mistake reported."""

from __future__ import annotations

import pytest

from content_schema import ContentProblems
from editor_checks.run import check_project
from kit_testing import build, project_settings

NEWS = """\
---
title: Library saved
date: 2026-02-01 18:30
summary: The library stays open.
tags: [libraries, campaigns]
---
Body text.
"""


def problems_for(project, files: dict[str, str | bytes]):
    (project / "content").mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    report = check_project(project_settings(project))
    return [(p.path, p.line, p.severity, p.message, p.fix) for p in report.sorted()]


def test_good_files_have_no_problems(tmp_path):
    assert problems_for(tmp_path, {"content/news/2026-02-01-library.md": NEWS}) == []


@pytest.mark.parametrize(
    ("text", "line", "message", "fix"),
    [
        (NEWS.replace("title: Library saved\n", ""), 5, "the news post has no `title` (the headline)", "Add a line"),
        (NEWS.replace("2026-02-01 18:30", "2026-02-30"), 3, "not a real date: February 2026 has 28 days", "1 to 28"),
        (NEWS.replace("2026-02-01 18:30", "2026-02-01 25:00"), 3, "the time 25:00 does not exist", "24-hour"),
        (NEWS.replace("2026-02-01 18:30", "1st Feb"), 3, "`1st Feb`, which is not a date", "YYYY-MM-DD"),
        (NEWS.replace("summary:", "sumary:"), 4, "`sumary` is not a key a news post can have", "`summary`"),
        (NEWS.replace("---\ntitle", "title", 1), 1, "does not start with front matter", "first line `---`"),
        (NEWS.replace("---\nBody", "Body"), 1, "the front matter is never closed", "Add a line `---`"),
        (NEWS.replace("title: Library saved", "title: Library: saved"), 2, "cannot be read", "double quotes"),
        (NEWS.replace("title: Library saved", "title: true"), 2, "`title` should be text", "quotes"),
        (NEWS.replace("summary: The", "slug: Bad Slug!\nsummary: The"), 4, "`slug` is `Bad Slug!`", "`bad-slug`"),
        (NEWS.replace("tags:", "image: images/x.jpg\ntags:"), 5, "there is no such file", "images/"),
        (NEWS.replace("tags:", "image: ../../secret.jpg\nimage_alt: x\ntags:"), 5, "must be in this", "images/"),
    ],
)
def test_news_mistakes_name_line_and_fix(tmp_path, text, line, message, fix):
    problems = problems_for(tmp_path, {"content/news/2026-02-01-library.md": text})
    assert any(
        p[0] == "content/news/2026-02-01-library.md" and p[1] == line and message in p[3] and fix in p[4]
        for p in problems
    ), problems


def test_page_rules(tmp_path):
    problems = problems_for(
        tmp_path,
        {
            "content/pages/news.md": "---\ntitle: News\n---\n",
            "content/pages/about.md": "---\ntitle: About\norder: first\n---\n",
            "content/pages/About.md": "---\ntitle: About again\n---\n",
        },
    )
    messages = [(p[0], p[1], p[3]) for p in problems]
    assert ("content/pages/news.md", 1, "a page cannot be called `news`: the main site uses that address already") in [
        (a, b, c) for a, b, c in messages
    ]
    assert ("content/pages/about.md", 3, "`order` should be a whole number, not `first`") in messages
    assert not any(p[0] == "content/pages/About.md" for p in problems if "same address" in p[3])


def test_duplicate_slugs_in_one_site_are_errors_naming_both(tmp_path):
    problems = problems_for(
        tmp_path,
        {
            "content/news/2026-02-01-library.md": NEWS,
            "content/news/2026-03-01-library.md": NEWS.replace("2026-02-01", "2026-03-01"),
            "branches/alpha/news/2026-02-01-library.md": NEWS,  # another site: no clash
        },
    )
    dupes = [p for p in problems if "same address" in p[3]]
    assert [p[0] for p in dupes] == ["content/news/2026-02-01-library.md", "content/news/2026-03-01-library.md"]
    assert "content/news/2026-02-01-library.md, content/news/2026-03-01-library.md" in dupes[0][3]


def test_not_utf8_and_not_markdown(tmp_path):
    problems = problems_for(
        tmp_path,
        {
            "content/news/2026-02-01-latin1.md": NEWS.replace("Body text.", "Caf\xe9").encode("latin-1"),
            "content/news/notes.docx": b"PK",
        },
    )
    assert [(p[0], p[1], p[2]) for p in problems] == [
        ("content/news/2026-02-01-latin1.md", 7, "error"),
        ("content/news/notes.docx", 0, "warning"),
    ]
    assert "UTF-8" in problems[0][3]


def test_all_problems_across_sites_are_reported_at_once(tmp_path):
    problems = problems_for(
        tmp_path,
        {
            "content/news/2026-02-01-a.md": NEWS.replace("title: Library saved\n", ""),
            "content/pages/b.md": "no front matter",
            "branches/alpha/branch.yaml": "name: A\n",
            "branches/alpha/news/2026-02-01-c.md": NEWS.replace("2026-02-01 18:30", "2026-13-01"),
        },
    )
    paths = sorted({p[0] for p in problems})
    assert paths == [
        "branches/alpha/branch.yaml",
        "branches/alpha/news/2026-02-01-c.md",
        "content/news/2026-02-01-a.md",
        "content/pages/b.md",
    ]


def test_build_refuses_on_errors_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "content" / "news").mkdir(parents=True)
    (tmp_path / "content" / "news" / "2026-02-01-a.md").write_text(NEWS.replace("2026-02-01 18:30", "2026-02-30"))
    with pytest.raises(ContentProblems) as raised:
        build(tmp_path)
    assert raised.value.exitcode == 1
    assert not (tmp_path / "output").exists()
    err = capsys.readouterr().err
    assert "content/news/2026-02-01-a.md:3: error: `date` is `2026-02-30`, which is not a real date" in err
    assert "    fix: Check the day of the month (1 to 28)." in err


def test_reader_gives_pelican_the_metadata(two_branches_output):
    article = (two_branches_output / "news/2026/national-hello/index.html").read_text()
    assert '<time datetime="2026-01-10T10:00:00+00:00">10 January 2026</time>' in article
    assert 'href="/tags/welcome/">welcome</a>' in article
    assert '<meta name="description" content="The national site says hello.">' in article


BILINGUAL = """\
---
title: Fàilte / Welcome
lang: gd
languages:
  Mu dheidhinn: gd
  About us: en-GB
---
Intro.

## Mu dheidhinn

Tha sinn a' coinneachadh gach mìos.

## About us

We meet every month.
"""


def test_page_and_section_languages(two_branches, tmp_path):
    (two_branches / "content/pages/welcome.md").write_text(BILINGUAL)
    output = build(two_branches)
    page = (output / "welcome/index.html").read_text()
    assert '<html lang="gd">' in page
    assert '<section lang="gd">\n<h2>Mu dheidhinn</h2>' in page
    assert '<section lang="en-GB">\n<h2>About us</h2>' in page


def test_section_language_for_a_missing_heading_is_an_error(tmp_path):
    pages = tmp_path / "content" / "pages"
    pages.mkdir(parents=True)
    (pages / "welcome.md").write_text(BILINGUAL.replace("About us: en-GB", "About uss: en-GB"))
    (pages / "other.md").write_text(BILINGUAL.replace("lang: gd", "lang: gaelic"))
    problems = check_project(project_settings(tmp_path, LANGUAGES=["en-GB", "gd"])).sorted()
    assert [(p.path.rsplit("/", 1)[1], p.line, p.message) for p in problems] == [
        ("other.md", 3, "`lang` is `gaelic`, which is not a language code"),
        ("welcome.md", 6, "`languages` names the heading `About uss`, but the text has no `## About uss`"),
    ]
    assert problems[1].fix.startswith("Did you mean `About us`?")


def test_a_heading_inside_a_quote_does_not_split_a_section():
    from front_matter.languages import wrap_sections

    content = "<h2>Amdanom ni</h2>\n<p>cy</p>\n<blockquote>\n<h2>Dyfyniad</h2>\n</blockquote>\n<h2>About us</h2>\n"
    wrapped, missing = wrap_sections(content, {"Amdanom ni": "cy", "About us": "en-GB"})
    assert wrapped.count("<section") == 2 and missing == set()
    assert wrapped.index("</blockquote>") < wrapped.index("</section>")  # the quote stays inside the Welsh section


def test_addresses_are_worked_out_once_and_an_override_is_kept(tmp_path):
    import datetime
    from types import SimpleNamespace

    from pelican.contents import Article

    from front_matter.addresses import pin_article_addresses

    (tmp_path / "content/news").mkdir(parents=True)
    settings = project_settings(tmp_path, ARTICLE_URL="news/{slug}/", ARTICLE_SAVE_AS="news/{slug}/index.html")

    def article(slug, **extra):
        meta = {"title": slug, "slug": slug, "date": datetime.datetime(2026, 1, 1), **extra}
        source = str(tmp_path / "content/news" / f"{slug}.md")
        return Article("<p>x</p>", metadata=meta, settings=settings, source_path=source)

    plain, moved = article("plain"), article("moved", url="elsewhere/", save_as="elsewhere/index.html")
    pin_article_addresses(SimpleNamespace(articles=[plain, moved], drafts=[]))
    assert (plain.override_url, plain.override_save_as) == ("news/plain/", "news/plain/index.html")
    settings["ARTICLE_URL"] = "changed/{slug}/"  # Pelican would now give another address; the pinned one stays
    assert plain.url == "news/plain/"
    assert (moved.url, moved.save_as) == ("elsewhere/", "elsewhere/index.html")


@pytest.mark.parametrize(
    ("text", "line", "message", "fix"),
    [
        (  # a key indented under one that already has its value
            NEWS.replace("summary:", "  summary:"),
            4,
            "line 4 is indented more than line 3 above it",
            "Line it up with `date:` on line 3 (at the start of the line)",
        ),
        (  # a list item a space short of the one above it
            NEWS.replace("tags: [libraries, campaigns]", "tags:\n  - libraries\n - campaigns"),
            7,
            "line 7 is indented less than line 6 above it",
            "Line it up with the `-` on line 6 (2 spaces in).",
        ),
        (  # the first key indented
            NEWS.replace("---\ntitle:", "---\n  title:", 1),
            2,
            "line 2 is indented more than the lines after it",
            "Delete the spaces at the start of line 2",
        ),
    ],
)
def test_an_indentation_mistake_gets_the_fix_for_indentation(tmp_path, text, line, message, fix):
    problems = problems_for(tmp_path, {"content/news/2026-02-01-library.md": text})
    errors = [p for p in problems if p[2] == "error"]
    assert [(p[0], p[1]) for p in errors] == [("content/news/2026-02-01-library.md", line)], problems
    assert message in errors[0][3] and fix in errors[0][4]
    assert "quotes" not in errors[0][4]
    with pytest.raises(ContentProblems):
        build(tmp_path)
    assert not (tmp_path / "output").exists()


def test_a_colon_in_a_value_still_gets_the_fix_for_quoting(tmp_path):
    text = NEWS.replace("summary: The library stays open.", "summary: Open: the library stays")
    problems = problems_for(tmp_path, {"content/news/2026-02-01-library.md": text})
    assert [(p[1], p[4]) for p in problems if p[2] == "error"] == [
        (
            4,
            "A value contains a colon followed by a space. Put the whole value in double quotes, "
            'e.g. title: "Meeting: housing".',
        )
    ]
