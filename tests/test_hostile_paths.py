"""Issue 16, what a build reads into its output and where it writes it, tried as a hostile editor
would: file links that climb out of the site, symbolic links, files that are not pictures or
documents, and file names that carry markup. Each case is checked in the output itself: the secret's
bytes in no file under output/, nothing written outside output/, the page still whole.

The builds run with the editor checks off (EDITOR_CHECKS_ON_BUILD = False), as if the checks had
missed the case: what the build itself does is what is tested; `make check` is tested on its own.
A branch's build fails on any error it logs, so the main build stops, naming the file and line, and
the output is checked all the same: what the branch's own build wrote before it was refused.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from branch_subsites.generator import BranchBuildFailed
from content_schema import ContentProblems
from editor_checks.run import check_project
from kit_testing import build, copy_fixture, project_settings

SECRET = b"BUILD-MACHINE-SECRET-7f3a9c1e"
POST = "---\ntitle: Leak\ndate: 2026-02-02\nsummary: A post.\n---\nThe page itself.\n\n{body}\n"
PAGE = "---\ntitle: Leak\n---\nThe page itself.\n\n{body}\n"
# Where a site's post is, and how many folders up its site's parent folder (the test's tmp_path) is.
SITES = {
    "branch": ("branches/alpha/news/2026-02-02-leak.md", POST, "output/branches/alpha/news/2026/leak/index.html", 4),
    "main site": ("content/pages/leak.md", PAGE, "output/leak/index.html", 3),
}
FORMS = {
    "one line of Markdown": "[key]({kind}TARGET)",
    "a list item's indented paragraph": "- item\n\n    see [key]({kind}TARGET) here",
    "an <a> tag over two lines": '<a\nhref="{kind}TARGET">key</a>',
    "an unquoted href": "<a href={kind}TARGET>key</a>",
}


@pytest.fixture
def project(tmp_path):
    """The two-branch fixture at tmp_path/project, and a key file of the build machine beside it."""
    project = copy_fixture("two_branches", tmp_path / "project")
    machine = tmp_path / "machine"
    machine.mkdir()
    (machine / "deploy_key").write_bytes(SECRET + b"\n")
    return project


def unchecked_build(project: Path, **overrides) -> Path:
    return build(project, EDITOR_CHECKS_ON_BUILD=False, **overrides)


def refused_branch_build(project: Path, *named: str) -> Path:
    """Build with the checks off: alpha's build must fail, the report naming each of ``named``
    (a file, or `file:line:`), and the main site must not be written around it; the output folder."""
    with pytest.raises(BranchBuildFailed) as failed:
        unchecked_build(project)
    report = str(failed.value)
    assert "branches/alpha:" in report and "Warning or error encountered" not in report, report
    for name in named:
        assert name in report, (name, report)
    output = project / "output"
    assert not (output / "index.html").exists()
    return output


def site_build(project: Path, site: str, *named: str) -> Path:
    """The main site with its errors logged (`make html`'s --fatal errors stops on them), or a
    branch's build refused as in refused_branch_build; the output folder."""
    return unchecked_build(project) if site == "main site" else refused_branch_build(project, *named)


def files_outside_output(root: Path, project: Path) -> dict[str, str]:
    """{path: digest} of every file under ``root`` but the project's output/ and build cache."""
    skip = (project / "output", project / ".cache")
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if Path(dirpath, d) not in skip]
        for name in filenames:
            path = Path(dirpath, name)
            if not path.is_symlink():
                found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def files_holding(output: Path, secret: bytes) -> list[str]:
    return sorted(str(p.relative_to(output)) for p in output.rglob("*") if p.is_file() and secret in p.read_bytes())


def write_post(project: Path, site: str, body: str) -> tuple[str, int]:
    """The post of ``site`` with ``body``; (its path, the line holding TARGET's replacement)."""
    relative, template, _page, _depth = SITES[site]
    text = template.format(body=body)
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    line = next((number for number, line in enumerate(text.splitlines(), 1) if "../" in line), 0)
    return relative, line


def leaking_body(site: str, form: str, kind: str) -> str:
    target = "../" * SITES[site][3] + "machine/deploy_key"
    return FORMS[form].format(kind=kind).replace("TARGET", target)


# ---- file links that climb out of the site -----------------------------------------------------


@pytest.mark.parametrize("kind", ["{static}", "{attach}"])
@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("site", sorted(SITES))
def test_make_check_refuses_a_link_out_of_the_site_in_any_form(project, site, form, kind):
    path, line = write_post(project, site, leaking_body(site, form, kind))
    problems = [p for p in check_project(project_settings(project)).errors if p.path == path]
    assert [(p.line, "outside this site's folder" in p.message) for p in problems] == [(line, True)], problems


@pytest.mark.parametrize("kind", ["{static}", "{attach}"])
@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("site", sorted(SITES))
def test_the_build_publishes_nothing_from_outside_and_writes_nothing_outside_output(
    project, tmp_path, site, form, kind
):
    path, line = write_post(project, site, leaking_body(site, form, kind))
    before = files_outside_output(tmp_path, project)
    output = site_build(project, site, f"{path}:{line}: ")
    assert files_holding(output, SECRET) == []
    assert files_outside_output(tmp_path, project) == before  # no file added or changed outside output/
    page = (project / SITES[site][2]).read_text()
    assert "The page itself." in page and ">key</a>" in page


def test_a_link_to_the_machine_s_own_files_copies_none_of_them(project, tmp_path):
    passwd = Path("/etc/passwd").read_bytes().splitlines()[0]
    assert passwd.startswith(b"root:")
    body = "- item\n\n    [users]({attach}/" + "../" * 12 + "etc/passwd)"  # moved beside the page
    path, line = write_post(project, "branch", body)
    assert [p.line for p in check_project(project_settings(project)).errors if p.path == path] == [line]
    before = files_outside_output(tmp_path, project)
    output = refused_branch_build(project, f"{path}:{line}: ")
    assert files_holding(output, passwd) == []
    assert files_outside_output(tmp_path, project) == before


def test_a_file_is_never_written_outside_the_output_folder(tmp_path):
    from incremental_build.containment import OutsideItsFolder
    from incremental_build.files import write_output_file

    output = tmp_path / "output"
    output.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (output / "linked").symlink_to(tmp_path / "elsewhere")
    for relative in ("../escaped.txt", "linked/escaped.txt", str(tmp_path / "absolute.txt")):
        with pytest.raises(OutsideItsFolder):
            write_output_file(str(output), relative, b"x")
    assert sorted(p.name for p in tmp_path.rglob("*.txt")) == []
    assert write_output_file(str(output), "inside/fine.txt", b"x") and (output / "inside/fine.txt").read_bytes() == b"x"


# ---- symbolic links --------------------------------------------------------------------------------


def _link_a_file(project: Path, site_folder: Path) -> str:
    (site_folder / "images").mkdir(exist_ok=True)
    (site_folder / "images" / "report.pdf").symlink_to(project.parent / "machine" / "deploy_key")
    return "images/report.pdf"


def _link_the_images_folder(project: Path, site_folder: Path) -> str:
    shutil.rmtree(site_folder / "images", ignore_errors=True)
    (project.parent / "machine" / "report.pdf").write_bytes(SECRET)
    (site_folder / "images").symlink_to(project.parent / "machine")
    return "images"


def _link_a_page(project: Path, site_folder: Path) -> str:
    (project.parent / "machine" / "leak.md").write_bytes(b"---\ntitle: Leaked\n---\n" + SECRET + b"\n")
    (site_folder / "pages").mkdir(exist_ok=True)
    (site_folder / "pages" / "leak.md").symlink_to(project.parent / "machine" / "leak.md")
    return "pages/leak.md"


def _link_the_site_folder(project: Path, site_folder: Path) -> str:
    elsewhere = project.parent / "machine" / "site"
    shutil.move(site_folder, elsewhere)
    (elsewhere / "pages").mkdir(exist_ok=True)
    (elsewhere / "pages" / "leak.md").write_bytes(b"---\ntitle: Leaked\n---\n" + SECRET + b"\n")
    site_folder.symlink_to(elsewhere)
    return ""


SYMLINKS = {"a file in images/": _link_a_file, "the whole images/ folder": _link_the_images_folder}
SYMLINKS.update({"a page": _link_a_page, "the site's whole folder": _link_the_site_folder})
SITE_FOLDERS = {"branch": "branches/alpha", "main site": "content"}


@pytest.mark.parametrize("site", sorted(SITE_FOLDERS))
@pytest.mark.parametrize("case", sorted(SYMLINKS))
def test_a_symbolic_link_is_refused_by_the_check_and_never_followed_by_the_build(project, tmp_path, case, site):
    folder = SITE_FOLDERS[site]
    linked = SYMLINKS[case](project, project / folder)
    errors = check_project(project_settings(project)).errors
    where = f"{folder}/{linked}" if linked else folder
    assert any(p.path == where and "symbolic link" in p.message for p in errors), errors
    before = files_outside_output(tmp_path, project)
    if linked:
        output = site_build(project, site, where)
        assert (output / "branches/alpha/index.html").is_file()  # the rest of the site is built
        assert (output / "index.html").is_file() == (site == "main site")
    else:  # none of the site can be read: the build stops, naming it
        with pytest.raises((ContentProblems, BranchBuildFailed), match=f"{folder}/.*symbolic link"):
            unchecked_build(project)
        output = project / "output"
        output.mkdir(exist_ok=True)
    assert files_holding(output, SECRET) == []
    assert files_outside_output(tmp_path, project) == before


# ---- only pictures and documents are published -------------------------------------------------

HOSTILE_FILES = {
    "images/renew.html": b'<!doctype html><title>Renew</title><script src="renew.js"></script>',
    "images/renew.js": b"document.title = 'SCRIPT RAN'; window.scriptRan = true;",
    "images/.htaccess": b"AddType text/html .jpg",
    "images/.well-known/assetlinks.json": b"[]",
    "images/notes.txt": b"not a picture",
}


def add_hostile_files(folder: Path) -> None:
    for relative, data in HOSTILE_FILES.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.mark.parametrize("site", sorted(SITE_FOLDERS))
def test_files_that_are_not_pictures_or_documents_are_check_errors_and_never_published(project, site):
    folder = SITE_FOLDERS[site]
    add_hostile_files(project / folder)
    errors = {p.path: p for p in check_project(project_settings(project)).errors}
    for relative in HOSTILE_FILES:
        assert f"{folder}/{relative}" in errors, sorted(errors)
    assert "starting with a dot" in errors[f"{folder}/images/.htaccess"].message
    assert "does not publish" in errors[f"{folder}/images/renew.js"].message
    output = site_build(project, site, *(f"{folder}/{relative}: " for relative in HOSTILE_FILES))
    published = output if site == "main site" else output / folder
    for relative in HOSTILE_FILES:
        assert not (published / relative).exists(), relative
    assert not list(output.rglob("renew.*")) and not list(output.rglob(".htaccess"))


@pytest.fixture
def served_hostile_branch(nginx, tmp_path):
    """The fixture with images/renew.html and renew.js in a branch and the main site, published
    (checks off) and served by Debian's nginx with the configuration server-config writes: url.

    The branch's files fail its build, so that publish is refused and writes none of them; the
    branch then takes them out and the site is published again, the main site's files still there
    (its errors are only logged without --fatal)."""
    from test_nginx import test_servers

    from conftest import publish

    project = copy_fixture("two_branches", tmp_path / "project")
    add_hostile_files(project / "branches" / "alpha")
    add_hostile_files(project / "content")
    root = tmp_path / "site"
    root.mkdir()
    url = nginx(tmp_path / "prefix", lambda port: test_servers(port, root, project))
    built = tmp_path / "build"
    with pytest.raises(BranchBuildFailed, match=re.escape("branches/alpha/images/renew.js")):
        publish(project, SITEURL=url, OUTPUT_PATH=str(built), EDITOR_CHECKS_ON_BUILD=False)
    assert not list(built.rglob("renew.*")) and not list(built.rglob(".htaccess"))
    shutil.rmtree(project / "branches" / "alpha" / "images")
    output = publish(project, SITEURL=url, OUTPUT_PATH=str(built), EDITOR_CHECKS_ON_BUILD=False)
    root.rmdir()
    shutil.move(output, root)
    return url


@pytest.mark.parametrize("path", ["/branches/alpha/images/renew.html", "/images/renew.html"])
def test_a_branch_s_page_with_a_script_is_a_404_behind_nginx_and_runs_nothing_in_chromium(
    served_hostile_branch, open_page, path
):
    url = served_hostile_branch
    for name in ("renew.html", "renew.js", ".htaccess"):
        asset = path.replace("renew.html", name)
        try:
            status = urllib.request.urlopen(url + asset, timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        assert status == 404, asset
    page = open_page()
    response = page.goto(url + path, wait_until="load")
    assert response.status == 404
    assert page.evaluate("window.scriptRan === undefined") and page.title() != "SCRIPT RAN"
    assert page.locator("main").count() == 1  # the site's own 404 page


# ---- documents ----------------------------------------------------------------------------------


def a_pdf(**metadata) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_is_published_without_its_author_and_editing_details(project, tmp_path):
    data = a_pdf(**{"/Author": "Jane SecretAuthor", "/Creator": "SecretEditor 9", "/Title": "Leaflet"})
    assert b"SecretAuthor" in data
    for site in ("branches/alpha", "content"):
        (project / site / "images").mkdir(exist_ok=True)
        (project / site / "images" / "leaflet.pdf").write_bytes(data)
    assert check_project(project_settings(project)).errors == []
    output = build(project)
    copies = [output / "images/leaflet.pdf", output / "branches/alpha/images/leaflet.pdf"]
    for copy in copies:
        published = copy.read_bytes()
        assert b"SecretAuthor" not in published and b"SecretEditor" not in published
        assert len(PdfReader(io.BytesIO(published)).pages) == 1
    again = build(copy_fixture_with(project, tmp_path / "again"))
    assert (again / "images/leaflet.pdf").read_bytes() == copies[0].read_bytes()  # the same bytes every build


def copy_fixture_with(project: Path, dest: Path) -> Path:
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("output", ".cache"))
    return dest


def test_a_pdf_the_site_cannot_read_is_a_check_error_and_not_published(project):
    (project / "branches/alpha/images").mkdir()
    (project / "branches/alpha/images/leaflet.pdf").write_bytes(b"<html>" + SECRET)
    errors = [p for p in check_project(project_settings(project)).errors if p.path.endswith("leaflet.pdf")]
    assert len(errors) == 1 and "not a PDF the site can read" in errors[0].message
    output = refused_branch_build(project, "branches/alpha/images/leaflet.pdf: ")
    assert files_holding(output, SECRET) == []


# ---- markup through a file name ---------------------------------------------------------------

HOSTILE_NAME = '"><img src=x onerror=alert(1)>.pdf'


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("site", sorted(SITES))
def test_a_file_name_that_holds_markup_is_refused_and_adds_no_markup_to_the_page(project, site):
    folder = SITE_FOLDERS[site]
    (project / folder / "images").mkdir(exist_ok=True)
    (project / folder / "images" / HOSTILE_NAME).write_bytes(a_pdf())
    escaped = HOSTILE_NAME.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    write_post(project, site, f'<a href="{{static}}/images/{escaped}">leaflet</a>')
    errors = [p for p in check_project(project_settings(project)).errors if "images/" in p.path]
    assert len(errors) == 1 and "Rename it to `images/img-src-x-onerror-alert-1.pdf`" in errors[0].fix, errors
    site_build(project, site, f"{folder}/images/{HOSTILE_NAME}: ")
    page = (project / SITES[site][2]).read_text()
    assert "The page itself." in page
    assert [attrs for tag, attrs in tags_of(page) if "onerror" in attrs or tag == "img"] == []


def test_a_file_address_is_escaped_where_it_is_written():
    from file_policy.addresses import attribute_address

    assert attribute_address('/images/"><img src=x>.pdf?a=1&amp;b=2#top') == (
        "/images/%22%3E%3Cimg%20src=x%3E.pdf?a=1&amp;b=2#top"
    )
    assert attribute_address("https://party.example/images/a&b's.pdf") == ("https://party.example/images/a%26b%27s.pdf")


def test_the_picture_types_are_those_the_image_pipeline_takes():
    from file_policy.rules import PICTURE_SUFFIXES
    from responsive_images.source_files import EXTENSION_FORMAT

    assert frozenset(EXTENSION_FORMAT) == PICTURE_SUFFIXES


def test_a_file_link_left_in_a_written_page_is_a_build_error_at_its_line(project, caplog):
    path, line = write_post(project, "main site", "[gone]({static}/images/../../../machine/deploy_key)")
    unchecked_build(project)
    assert f"file_policy: {path}:{line}: the link `{{static}}/images/../../../machine/deploy_key`" in caplog.text


def test_the_page_writer_writes_nothing_through_a_link_out_of_the_output_folder(tmp_path):
    from pelican.settings import DEFAULT_CONFIG

    from incremental_build.containment import OutsideItsFolder
    from incremental_build.writer import UnchangedFilesWriter

    output = tmp_path / "output"
    output.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (output / "news").symlink_to(tmp_path / "elsewhere")  # Pelican's own check does not resolve it
    writer = UnchangedFilesWriter(str(output), settings=dict(DEFAULT_CONFIG))
    with pytest.raises(OutsideItsFolder):
        writer._open_w(str(output / "news" / "index.html"), "utf-8")
    assert list((tmp_path / "elsewhere").iterdir()) == []
