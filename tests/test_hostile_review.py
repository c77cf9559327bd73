"""Issue 16's claims (docs/hosts.md, "What a branch editor can and cannot do") tried again by a
hostile branch editor, in forms the first round of tests did not try. Each case is checked in the
output itself."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

from editor_checks import ContentProblems
from editor_checks.run import check_project
from kit_testing import build, project_settings


def _javascript(code: str) -> DictionaryObject:
    return DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)})


def a_pdf_with_programs() -> bytes:
    """A one-page PDF whose programs sit where the catalog's entries are not: a bookmark that runs
    JavaScript, a link that runs it when the pointer leaves it (/AA), and a javascript: link."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    bookmark = writer.add_outline_item(title="Contents", page_number=0)
    bookmark.get_object()[NameObject("/A")] = writer._add_object(_javascript("app.alert('bookmark')"))
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(100), FloatObject(100)]),
            NameObject("/AA"): DictionaryObject({NameObject("/X"): _javascript("app.alert('leave')")}),
            NameObject("/A"): DictionaryObject(
                {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("javascript:alert(1)")}
            ),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def actions_in(data: bytes) -> list[str]:
    """Every action (its /S) and every javascript: address anywhere in the PDF ``data``."""
    reader = PdfReader(io.BytesIO(data))
    found, seen, stack = [], set(), [reader.trailer["/Root"]]
    while stack:
        item = stack.pop()
        if hasattr(item, "idnum"):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if "/S" in item and item["/S"] in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData"):
                found.append(str(item["/S"]))
            if "javascript:" in str(item.get("/URI", "")).lower():
                found.append(str(item["/URI"]))
            found.extend(key for key in item if key in ("/AA", "/OpenAction", "/JS"))
            stack.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_a_branch_pdf_is_published_without_the_programs_of_its_bookmarks_and_links(two_branches):
    data = a_pdf_with_programs()
    assert len(actions_in(data)) >= 3  # the bookmark's, the link's /AA and its javascript: address
    folder = two_branches / "branches/alpha/images"
    folder.mkdir()
    (folder / "leaflet.pdf").write_bytes(data)
    assert check_project(project_settings(two_branches)).errors == []
    output = build(two_branches)
    published = (output / "branches/alpha/images/leaflet.pdf").read_bytes()
    assert actions_in(published) == []
    reader = PdfReader(io.BytesIO(published))
    assert len(reader.pages) == 1 and [o.title for o in reader.outline] == ["Contents"]  # the document is kept


CHANNEL = "  - type: signal\n    url: {url}\n    label: Alphaton renewals\n"


def test_a_channel_address_that_hides_its_site_behind_the_party_s_name_is_refused(two_branches):
    yaml_file = two_branches / "branches/alpha/branch.yaml"
    url = "https://test-party.example@evil.example/renew"  # opens evil.example
    yaml_file.write_text(yaml_file.read_text().replace("editors:", CHANNEL.format(url=url) + "editors:"))
    errors = check_project(project_settings(two_branches)).errors
    assert [(e.path, e.line) for e in errors] == [("branches/alpha/branch.yaml", 14)], errors
    assert "hides which site" in errors[0].message and "https://evil.example/renew" in errors[0].fix
    with pytest.raises(ContentProblems):  # the build refuses it too, with the checks off
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    written = [p for p in (two_branches / "output").rglob("*") if p.is_file()]
    assert not [p for p in written if b"evil.example" in p.read_bytes()]


@pytest.mark.parametrize("link", ["[leaflet]({attach}images/leaflet%00.pdf)", "[home]({filename}../pages/about%00.md)"])
def test_a_file_link_holding_a_null_byte_is_an_error_at_its_line_not_a_traceback(two_branches, link):
    post = two_branches / "branches/alpha/news/2026-02-02-leak.md"
    post.write_text(f"---\ntitle: Leak\ndate: 2026-02-02\nsummary: A post.\n---\nThe page.\n\n{link}\n")
    errors = check_project(project_settings(two_branches)).errors
    assert [(e.path, e.line) for e in errors] == [("branches/alpha/news/2026-02-02-leak.md", 8)], errors
    assert "%00" in errors[0].message
    with pytest.raises(ContentProblems):
        build(two_branches)
    assert not (two_branches / "output/branches/alpha/news/2026/leak/index.html").exists()


def test_a_branch_post_whose_title_turns_its_text_around_is_refused_and_not_on_the_national_home_page(two_branches):
    post = two_branches / "branches/alpha/news/2026-03-05-renew.md"
    # shows as "Renew now at https://evil-email.example", the address the reader is meant to type
    post.write_text(
        '---\ntitle: "Renew now at \\u202eelpmaxe.liame-live//:sptth"\ndate: 2026-03-05\n'
        'summary: "Official notice \\u2067from\\u2069 the party"\n---\nRenew.\n'
    )
    errors = check_project(project_settings(two_branches)).errors
    assert [(e.path, e.line) for e in errors] == [("branches/alpha/news/2026-03-05-renew.md", n) for n in (2, 4)]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in errors[0].message and "U+2067" in errors[1].message
    with pytest.raises(ContentProblems):
        build(two_branches)
    written = [p for p in (two_branches / "output").rglob("*") if p.is_file()]
    assert not [p for p in written if "\u202e".encode() in p.read_bytes()]
