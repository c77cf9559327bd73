"""`branchsites import-wordpress`: a Squarespace export (built here, quirks and all) imported into a
copy of the two-branch fixture, its pictures served by a tiny web server on 127.0.0.1."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from editor_checks.run import check_project
from kit_testing import build, copy_fixture, project_settings, tree_digest
from site_import.__main__ import main as site_import
from site_import.markdown_body import convert_body, html_to_markdown

OLD_SITE = "https://www.alphaton-greens.example"
NOW = "1798761600"  # 2027-01-01
LUNR = "lunr.min.js"


def picture_bytes(kind: str, colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, kind)
    return out.getvalue()


CROWD = picture_bytes("JPEG", (200, 30, 30))
LEAFLET = picture_bytes("PNG", (30, 200, 30))


class PictureServer:
    """The "CDN": a picture by its path, and every request it was asked, query and all."""

    def __init__(self):
        files = {"/content/v1/5f1/depot-crowd-1500w.jpg": CROWD, "/content/v1/5f1/leaflet.png": LEAFLET}
        self.requests: list[str] = []
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(self.path)
                data = files.get(self.path.split("?")[0])
                self.send_response(200 if data else 404)
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                self.wfile.write(data or b"")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def cdn():
    server = PictureServer()
    yield server
    server.close()


def item(kind, title, link, name, body, *, status="publish", date="2024-03-05 18:30:00", excerpt="", terms=()):
    categories = "".join(f'<category domain="{d}" nicename="x"><![CDATA[{t}]]></category>' for d, t in terms)
    return f"""
  <item>
    <title>{title}</title>
    <link>{link}</link>
    <content:encoded><![CDATA[{body}]]></content:encoded>
    <excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
    <wp:post_date_gmt>{date}</wp:post_date_gmt>
    <wp:post_name>{name}</wp:post_name>
    <wp:status>{status}</wp:status>
    <wp:post_type>{kind}</wp:post_type>{categories}
  </item>"""


def squarespace_export(cdn: str) -> str:
    """An export as Squarespace writes one: two blogs (/blog/, /news/), pages, a draft, an attachment,
    block markup, a YouTube player, a picture without alt text, a U+000B and a stray & in a title."""
    crowd = f"{cdn}/content/v1/5f1/depot-crowd-1500w.jpg"
    buses = (
        '<div class="sqs-layout sqs-grid-12 columns-12" data-type="item" id="item-1">'
        '<div class="row sqs-row"><div class="col sqs-col-12 span-12">'
        '<div class="sqs-block html-block sqs-block-html" data-block-type="2" id="block-a1">'
        '<div class="sqs-block-content"><h1 style="white-space:pre-wrap;">The 52 is back</h1>'
        '<p class="" style="white-space:pre-wrap;">Our petition\x0b worked.&nbsp;&nbsp; '
        '<span style="color:#c00"></span>'
        '<strong style="font-weight:700">Thank you</strong> to everyone who '
        '<a href="/news/2024/3/1/depot-vote" data-preserve-html-node="true">came to the depot vote</a>.</p>'
        "<p>&nbsp;</p></div></div>"
        '<div class="sqs-block image-block sqs-block-image" data-block-type="5"><div class="sqs-block-content">'
        f'<figure><img data-src="{crowd}" data-image-dimensions="1500x1000" alt="Forty people at the depot gates" '
        f'src="{crowd}?format=750w"><noscript><img src="{crowd}"></noscript>'
        '<figcaption class="image-caption-wrapper"><p>At the depot, March 2024</p></figcaption></figure>'
        "</div></div>"
        '<div class="sqs-block video-block" data-block-json="{}"><div class="sqs-block-content">'
        '<iframe src="https://www.youtube.com/embed/abc123XYZ_0?wmode=opaque" title="The 52 rides again"></iframe>'
        "</div></div></div></div></div>"
    )
    depot = (
        '<div class="sqs-block html-block"><div class="sqs-block-content">'
        "<p>The council voted for the depot.</p>"
        f'<p><img src="{crowd}?format=1500w" alt="Forty people at the depot gates"></p>'
        f'<p><img src="{cdn}/content/v1/5f1/leaflet.png?format=500w"></p>'
        f'<ul><li><p>Read <a href="{OLD_SITE}/blog/buses-back">how the 52 came back</a></p></li>'
        '<li>Write to <a href="/contact-us">the branch</a></li></ul>'
        "</div></div><script>Squarespace.track()</script>"
    )
    campaigns = (
        '<div class="sqs-block html-block"><div class="sqs-block-content">'
        f'<h2>Buses</h2><p>We won the <a href="{OLD_SITE}/blog/buses-back/">52</a>.</p>'
        '</div></div><div class="sqs-block form-block"><div class="sqs-block-content"><form></form></div></div>'
    )
    items = [
        item(
            "post",
            "Buses back on the 52",
            f"{OLD_SITE}/blog/buses-back",
            "buses-back",
            buses,
            excerpt="<p>Our petition&nbsp;worked: the <em>52</em> runs again.</p>",
            terms=(("category", "Transport"), ("post_tag", "bus routes"), ("post_tag", "!!!")),
        ),
        item(
            "post",
            "Depot vote",
            f"{OLD_SITE}/news/2024/3/1/depot-vote",
            "depot-vote",
            depot,
            date="2024-03-01 09:00:00",
            terms=(("category", "Transport"),),
        ),
        item("post", "Secret plans", f"{OLD_SITE}/blog/secret-plans", "secret-plans", "<p>Not yet</p>", status="draft"),
        item("page", "Campaigns & causes", f"{OLD_SITE}/our-campaigns", "our-campaigns", campaigns),
        item("attachment", "depot-crowd", f"{OLD_SITE}/blog/buses-back/depot-crowd", "depot-crowd", "").replace(
            "</wp:post_type>", f"</wp:post_type>\n    <wp:attachment_url>{crowd}?format=original</wp:attachment_url>"
        ),
        item("gallery", "Summer fair", f"{OLD_SITE}/gallery/summer-fair", "summer-fair", ""),
    ]
    return (
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        f"  <title>Alphaton Greens</title>\n  <link>{OLD_SITE}</link>\n  <wp:wxr_version>1.2</wp:wxr_version>"
        + "".join(items)
        + "\n</channel>\n</rss>\n"
    )


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    project = copy_fixture("two_branches", tmp_path / "project")
    # The search script comes from npm (`npm ci`), which a kit checkout may not have run: a build and
    # the check copy whatever file SEARCH_LUNR_JS names, and the search is not what these tests are about.
    (project / LUNR).write_text("/* lunr.min.js, from npm in a real site */\n", encoding="utf-8")
    return project


def settings(project: Path) -> dict:
    return project_settings(project, SEARCH_LUNR_JS=str(project / LUNR))


@pytest.fixture
def export(tmp_path, cdn) -> Path:
    path = tmp_path / "squarespace.xml"
    path.write_text(squarespace_export(cdn.address), encoding="utf-8")
    return path


def run_import(project, export, *more) -> int:
    return site_import(["import-wordpress", str(export), *more], settings(project))


BUSES_BACK = """---
title: "Buses back on the 52"
date: 2024-03-05 18:30
summary: "Our petition worked: the 52 runs again."
tags: ["Transport", "bus routes", "blog"]
slug: buses-back
---
## The 52 is back

Our petition worked. **Thank you** to everyone who [came to the depot vote]({filename}/news/2024-03-01-depot-vote.md).

![Forty people at the depot gates]({static}/images/depot-crowd-1500.jpg)

At the depot, March 2024

[The 52 rides again](https://www.youtube.com/watch?v=abc123XYZ_0)
"""

DEPOT_VOTE = """---
title: "Depot vote"
date: 2024-03-01 09:00
tags: ["Transport", "news"]
slug: depot-vote
---
The council voted for the depot.

![Forty people at the depot gates]({static}/images/depot-crowd-1500.jpg)

![]({static}/images/leaflet.png)

- Read [how the 52 came back]({filename}/news/2024-03-05-buses-back.md)
- Write to [the branch](https://www.alphaton-greens.example/contact-us)
"""

CAMPAIGNS = """---
title: "Campaigns & causes"
slug: our-campaigns
---
## Buses

We won the [52]({filename}/news/2024-03-05-buses-back.md).
"""


def test_an_export_becomes_posts_pages_pictures_and_redirects(project, export, cdn, capsys):
    status = run_import(project, export, "--branch", "alpha")
    out, err = capsys.readouterr()
    site = project / "branches/alpha"
    assert (site / "news/2024-03-05-buses-back.md").read_text(encoding="utf-8") == BUSES_BACK
    assert (site / "news/2024-03-01-depot-vote.md").read_text(encoding="utf-8") == DEPOT_VOTE
    assert (site / "pages/our-campaigns.md").read_text(encoding="utf-8") == CAMPAIGNS
    assert (site / "images/depot-crowd-1500.jpg").read_bytes() == CROWD
    assert (site / "images/leaflet.png").read_bytes() == LEAFLET
    assert not (site / "news/2024-03-05-secret-plans.md").exists()
    # Each picture fetched once, as the original: the size query dropped, whatever size each use asked for.
    assert sorted(cdn.requests) == ["/content/v1/5f1/depot-crowd-1500w.jpg", "/content/v1/5f1/leaflet.png"]
    assert (site / "redirects.yaml").read_text(encoding="utf-8").splitlines()[1:] == [
        '"/blog/buses-back": "{filename}/news/2024-03-05-buses-back.md"',
        '"/news/2024/3/1/depot-vote": "{filename}/news/2024-03-01-depot-vote.md"',
        '"/who-we-are": "{filename}/pages/about.md"',  # the fixture's own, kept
    ]  # not /our-campaigns: the page is at /our-campaigns/, which answers it (the server adds the /)

    xml = export.read_text(encoding="utf-8")
    character_line = xml[: xml.index("\x0b")].count("\n") + 1
    ampersand_line = xml[: xml.index("Campaigns & causes")].count("\n") + 1
    notes = [line.removeprefix("  - ") for line in out.splitlines() if line.startswith("  - ")]
    assert f"{export}, line 1: a byte-order mark (U+FEFF) before the XML declaration was removed" in notes
    assert f"{export}, line {character_line}: a character XML does not allow (U+000B) was removed" in notes
    assert f"{export}, line {ampersand_line}: a stray `&` was written as `&amp;`" in notes
    assert (
        "left out, as it is draft in the export: the post “Secret plans” (https://www.alphaton-greens.example/blog/secret-plans)"
    ) in notes
    assert (
        "news/2024-03-05-buses-back.md: an embedded player (YouTube) is now a link: "
        "https://www.youtube.com/watch?v=abc123XYZ_0"
    ) in notes
    assert any(n.startswith("news/2024-03-05-buses-back.md: the tag `!!!` was left out") for n in notes)
    assert (
        "news/2024-03-01-depot-vote.md: the link to /contact-us goes to the old site "
        "(https://www.alphaton-greens.example/contact-us): nothing imported lives there"
    ) in notes
    assert any(n.startswith("pages/our-campaigns.md: a form block") for n in notes)
    assert (
        "this export holds 2 blogs, /blog/ (1 post), /news/ (1 post): all are in news/ now, "
        "each post tagged with its blog's name" in notes
    )
    assert "items of kinds the import does not know were left out: 1 `gallery`" in notes
    assert any(n.startswith("never in a Squarespace export") and "events pages" in n for n in notes)

    # make check's problems in the branch: the one picture without alt text, nothing else (not its
    # redirects.yaml, nor the import's record .imported.json).
    depot = "branches/alpha/news/2024-03-01-depot-vote.md"
    picture_line = DEPOT_VOTE.splitlines().index("![]({static}/images/leaflet.png)") + 1
    assert (site / ".imported.json").is_file()
    problems = [p for p in check_project(settings(project)).sorted() if p.path.startswith("branches/alpha/")]
    assert [(p.path, p.line, p.is_error) for p in problems] == [(depot, picture_line, True)]
    assert "has no words saying what it shows" in problems[0].message
    assert f"{depot}:{picture_line}: error: the picture `{{static}}/images/leaflet.png` has no words" in err
    assert status == 1  # the check error makes the import's status 1

    # The editor describes the picture, as the check says; then the site builds.
    post = site / "news/2024-03-01-depot-vote.md"
    post.write_text(DEPOT_VOTE.replace("![]", "![A leaflet about the depot vote]"), encoding="utf-8")
    output = build(project, SEARCH_LUNR_JS=str(project / LUNR))
    page = (output / "branches/alpha/news/2024/buses-back/index.html").read_text(encoding="utf-8")
    assert "Thank you" in page and "depot-crowd-1500" in page
    assert (output / "branches/alpha/our-campaigns/index.html").exists()
    assert list((output / "branches/alpha/images").glob("depot-crowd-1500*.jpg"))
    assert list((output / "branches/alpha/images").glob("leaflet*.png"))


def test_the_main_site_takes_the_same_export(project, export):
    run_import(project, export)
    assert (project / "content/news/2024-03-05-buses-back.md").read_text(encoding="utf-8") == BUSES_BACK
    assert (project / "content/images/leaflet.png").read_bytes() == LEAFLET
    assert not (project / "branches/alpha/news/2024-03-05-buses-back.md").exists()


def test_a_second_import_changes_nothing(project, export, cdn, capsys):
    run_import(project, export, "--branch", "alpha")
    capsys.readouterr()
    before = tree_digest(project)
    requests = len(cdn.requests)
    run_import(project, export, "--branch", "alpha")
    assert tree_digest(project) == before
    assert len(cdn.requests) == 2 * requests  # fetched again to compare, each still once per import
    assert capsys.readouterr().out.startswith("0 files written, 5 unchanged, in branch alpha\n")


def test_an_edited_file_is_kept_without_force_and_replaced_with_it(project, export, capsys):
    run_import(project, export, "--branch", "alpha")
    post = project / "branches/alpha/news/2024-03-01-depot-vote.md"
    edited = DEPOT_VOTE.replace("![]", "![A leaflet about the depot vote]")
    post.write_text(edited, encoding="utf-8")
    before = tree_digest(project)
    assert run_import(project, export, "--branch", "alpha") == 1
    assert tree_digest(project) == before
    assert "it was changed after the last import; nothing was overwritten" in capsys.readouterr().err
    run_import(project, export, "--branch", "alpha", "--force")
    assert post.read_text(encoding="utf-8") == DEPOT_VOTE


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("<html><body>Not an export</body></html>\n", "is not a WordPress export (WXR)"),
        ("<rss><channel><item>\n<title>Cut</title>", "line 2, column 19: is not XML the import can read"),
    ],
)
def test_a_file_that_is_not_an_export_writes_nothing(project, tmp_path, content, said, capsys):
    path = tmp_path / "export.xml"
    path.write_text(content, encoding="utf-8")
    before = tree_digest(project)
    assert run_import(project, path) == 2
    assert tree_digest(project) == before
    assert said in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["too large", "unreadable"])
def test_an_export_too_large_or_unreadable_writes_nothing(project, export, tmp_path, monkeypatch, capsys, kind):
    import site_import.wxr_file as wxr_file

    monkeypatch.setattr(wxr_file, "MAX_EXPORT_BYTES", 1024 * 1024)
    path = tmp_path / "large.xml"
    if kind == "too large":  # an export all the same: only its size is wrong
        path.write_text(export.read_text(encoding="utf-8") + "\n" * (1024 * 1024), encoding="utf-8")
        said = f"{path} is larger than 1 MB, too large for an export"
    else:
        path.mkdir()
        said = f"{path} cannot be read (Is a directory)"
    before = tree_digest(project)
    assert run_import(project, path) == 2
    assert tree_digest(project) == before
    assert said in capsys.readouterr().err


def test_an_unknown_branch_writes_nothing(project, export, cdn, capsys):
    before = tree_digest(project)
    assert run_import(project, export, "--branch", "gamma") == 2
    assert tree_digest(project) == before and cdn.requests == []
    assert "there is no branch `gamma`; the branches are: alpha, beta-net" in capsys.readouterr().err


def test_squarespace_markup_becomes_tidy_markdown():
    html = (
        '<div class="sqs-block" data-block-type="2" style="x"><div class="sqs-block-content">'
        '<h3 style="a">Meet&nbsp;us</h3><p>One&nbsp; <span></span>two<br></p><p><span>&nbsp;</span></p>\n\n\n'
        "<ol><li>first</li><li>second</li></ol><ul><li>a</li></ul></div></div>"
    )
    assert html_to_markdown(html) == "### Meet us\n\nOne two\n\n1. first\n2. second\n\n- a\n"
    assert html_to_markdown(html) == html_to_markdown(html)


def test_a_picture_that_cannot_be_brought_stays_a_link():
    body = convert_body('<p><img src="https://cdn.example/x.jpg" alt="A stall"></p>', pictures=lambda address: None)
    assert body.markdown == "[Picture: A stall](https://cdn.example/x.jpg)\n"


def test_a_link_no_reader_should_follow_is_removed_and_named():
    from site_import.markdown_body import convert_body

    body = convert_body(
        '<p><a href="javascript:alert(1)">Click</a> or <a href="data:text/html,x">this</a>'
        ' or <a href="https://party.example/join">join</a></p>'
    )
    assert body.markdown == "Click or this or [join](https://party.example/join)\n"
    removed = [note.split(" was")[0] for note in body.notes]
    assert removed == ["a link to `javascript:alert(1)`", "a link to `data:text/html,x`"]
