"""The party's logo and the icons made from it (party_brand), built on the two-branch fixture
with the kit's test site's settings: a hostile SVG is published with its drawing alone, the icons
and the web manifest are what they say, two builds give the same bytes, and a logo the kit cannot
publish stops the build, named, with nothing written or lost."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
from PIL import Image, PngImagePlugin

from conftest import PUBLISHED_BRANCH_DOMAIN, PUBLISHED_SITEURL, publish, published_fixture
from content_schema.problems import ContentProblems
from editor_checks.run import check_project
from kit_testing import KIT_SITE, broken_links, build, copy_fixture, project_settings, tree_digest
from party_brand.colours import brand_colours
from party_brand.svg_cleaning import UncleanableSvg, clean_svg

NOW = "1798761600"  # 2027-01-01
SVG_NS = "http://www.w3.org/2000/svg"
PARTY = KIT_SITE["SITENAME"]
BRAND = "theme/brand"

HOSTILE_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="https://evil.example/sheet.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 120 60" onload="alert('load')">
  <script>alert('script')</script>
  <script xlink:href="https://evil.example/remote.js"/>
  <foreignObject width="10" height="10">
    <div xmlns="http://www.w3.org/1999/xhtml" onclick="alert('fo')">x</div>
  </foreignObject>
  <a xlink:href="javascript:alert('link')"><rect id="leaf" width="40" height="40" fill="#1d5c2e"/></a>
  <image href="https://evil.example/tracker.png" width="10" height="10"/>
  <image xlink:href="data:image/svg+xml;base64,PHN2Zy8+" width="10" height="10"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use href="#leaf" x="60" ONMOUSEOVER="alert('use')"/>
  <circle cx="100" cy="30" r="20" fill="url(https://evil.example/paint.svg#p)"
          style="stroke:url(https://evil.example/s.svg#s);stroke-width:2;fill-opacity:0.5" onclick="alert('c')"/>
  <inkscape:perspective id="p1"/>
  <animate attributeName="href" to="javascript:alert('animate')"/>
  <set attributeName="onmouseover" to="alert('set')"/>
  <text x="4" y="55" font-size="8">Test<tspan fill="#9ed8a9"> Party</tspan></text>
</svg>
"""
ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>&lol3;</text></svg>
"""
PLAIN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
    '<rect width="200" height="100" fill="#1d5c2e"/></svg>\n'
)


def with_logo(project, name: str, data: bytes | str):
    folder = project / "theme" / "brand"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def png_logo(metadata: bool = False) -> bytes:
    picture = Image.new("RGBA", (300, 100), (29, 92, 46, 255))
    info = PngImagePlugin.PngInfo()
    if metadata:
        info.add_text("Author", "someone@private.example")
        info.add_text("Software", "An editor, 2026-11-30 10:12")
    out = io.BytesIO()
    picture.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def refused(project) -> list:
    with pytest.raises(ContentProblems) as stopped:
        build(project, now=NOW)
    return [p for p in stopped.value.problems if p.is_error]


def header_party_link(page: str) -> str:
    return re.search(r'<a class="kit-header__party".*?</a>', page, re.S).group()


# ---- a hostile SVG ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("hostile") / "project")
    with_logo(project, "logo.svg", HOSTILE_SVG)
    return build(project, now=NOW)


def test_a_hostile_svg_is_published_with_its_drawing_alone(hostile_build):
    published = (hostile_build / BRAND / "logo.svg").read_bytes()
    for trace in (b"alert", b"evil.example", b"javascript", b"script", b"foreignObject", b"inkscape", b"xlink"):
        assert trace not in published, trace
    root = ET.fromstring(published)
    assert root.tag == f"{{{SVG_NS}}}svg"
    elements = [element.tag.split("}")[1] for element in root.iter()]
    for gone in ("script", "foreignObject", "a", "animate", "set", "image", "perspective"):
        assert gone not in elements
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name == "href":
                assert value.startswith("#"), value
            assert "url(" not in value or "url(#" in value, value
    # the drawing is kept: the link's rectangle, the use of it, the circle's safe style, the text
    assert [e.tag.split("}")[1] for e in root.iter() if e.get("id") == "leaf"] == ["rect"]
    assert [e.get("href") for e in root.iter(f"{{{SVG_NS}}}use")] == ["#leaf"]
    (circle,) = root.iter(f"{{{SVG_NS}}}circle")
    assert circle.get("style") == "stroke-width:2;fill-opacity:0.5" and circle.get("fill") is None
    assert "".join(next(root.iter(f"{{{SVG_NS}}}text")).itertext()) == "Test Party"


def test_the_hostile_svgs_icons_are_drawn_from_the_clean_drawing(hostile_build):
    icon = Image.open(hostile_build / BRAND / "icon-512.png").convert("RGB")
    assert icon.size == (512, 512)
    colours = {colour for _, colour in icon.getcolors(512 * 512)}
    assert (0x1D, 0x5C, 0x2E) in colours  # the logo's green, on the theme's background
    assert brand_colours_of_fixture()["background"] in colours


def brand_colours_of_fixture() -> dict:
    from branchsites.paths import THEME_PATH

    return brand_colours({"THEME": THEME_PATH, "THEME_OVERRIDES_PATH": None})


def test_an_entity_declaration_is_refused_before_anything_is_built(two_branches):
    with_logo(two_branches, "logo.svg", ENTITY_BOMB)
    (problem,) = refused(two_branches)
    assert problem.path == "theme/brand/logo.svg"
    assert problem.message.startswith("BRAND_LOGO: the kit cannot clean this SVG safely: it declares XML entities")
    assert "Plain SVG" in problem.fix
    assert not (two_branches / "output").exists()


def test_a_style_element_that_imports_is_refused_and_a_plain_one_kept():
    importing = '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>'
    with pytest.raises(UncleanableSvg, match="<style> element"):
        clean_svg(importing.encode())
    fetching = (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        '<style>svg{background:image-set("https://evil.example/a.png" 1x)}</style></svg>'
    )
    with pytest.raises(UncleanableSvg, match="<style> element"):
        clean_svg(fetching.encode())
    style = "<style>.leaf{fill:#1d5c2e}</style>"
    plain = f'<svg xmlns="http://www.w3.org/2000/svg">{style}<path class="leaf" d="M0 0h4v4z"/></svg>'
    assert clean_svg(plain.encode()).decode() == (
        f'<svg xmlns="http://www.w3.org/2000/svg">{style}<path class="leaf" d="M0 0h4v4z" /></svg>\n'
    )


# ---- icons and the web manifest ------------------------------------------------------------------


def test_icons_have_their_sizes_and_the_manifest_names_them(hostile_build):
    brand = hostile_build / BRAND
    with Image.open(brand / "favicon.ico") as favicon:
        assert favicon.format == "ICO"
        assert sorted(favicon.info["sizes"]) == [(16, 16), (32, 32), (48, 48)]
    assert (hostile_build / "favicon.ico").read_bytes() == (brand / "favicon.ico").read_bytes()
    for name, side in (("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)):
        with Image.open(brand / name) as icon:
            assert (icon.format, icon.size) == ("PNG", (side, side))
    manifest = json.loads((brand / "site.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == PARTY
    assert manifest["short_name"] == PARTY.removeprefix("The ")
    assert manifest["start_url"] == "../../"
    assert manifest["theme_color"] == "#{:02x}{:02x}{:02x}".format(*brand_colours_of_fixture()["surface"])
    for icon in manifest["icons"]:
        path = brand / icon["src"]
        if icon["type"] == "image/svg+xml":
            assert icon["sizes"] == "any" and path.read_bytes().startswith(b"<svg")
            continue
        with Image.open(path) as picture:
            assert f"{picture.width}x{picture.height}" == icon["sizes"] and icon["type"] == "image/png"


def test_every_page_links_the_icons_and_a_branch_the_national_copy(hostile_build):
    for page in ("index.html", "branches/alpha/index.html"):
        html = (hostile_build / page).read_text(encoding="utf-8")
        assert '<link rel="icon" href="/theme/brand/favicon.ico" sizes="16x16 32x32 48x48">' in html
        assert '<link rel="icon" href="/theme/brand/logo.svg" type="image/svg+xml">' in html
        assert '<link rel="apple-touch-icon" href="/theme/brand/apple-touch-icon.png">' in html
        assert '<link rel="manifest" href="/theme/brand/site.webmanifest">' in html
    assert not (hostile_build / "branches/alpha/theme").exists()  # 650 branches, one copy
    assert broken_links(hostile_build) == []


def test_the_header_names_the_party_once_beside_its_logo(hostile_build):
    link = header_party_link((hostile_build / "index.html").read_text(encoding="utf-8"))
    assert link.startswith('<a class="kit-header__party" href="/">')
    assert re.search(
        r'<img class="kit-header__logo kit-header__logo--on-plate" src="/theme/brand/logo.svg"'
        r' width="512" height="256" alt="">',
        link,
    )
    assert f'<span class="kit-header__party-name">{PARTY}</span>' in link
    branch = (hostile_build / "branches/alpha/index.html").read_text(encoding="utf-8")
    assert header_party_link(branch) == link  # the party's brand, linking the national site
    assert '<a class="kit-header__branch" href="/branches/alpha/">Alphaton branch</a>' in branch


def test_two_builds_make_the_same_bytes_and_an_unchanged_one_writes_none(tmp_path):
    outputs = []
    for name in ("one", "two"):
        project = copy_fixture("two_branches", tmp_path / name)
        with_logo(project, "logo.svg", HOSTILE_SVG)
        with_logo(project, "logo-dark.png", png_logo(metadata=True))
        outputs.append(build(project, now=NOW))
    brand = [tree_digest(output / BRAND) for output in outputs]
    assert brand[0] == brand[1] and len(brand[0]) == 7
    first = outputs[0] / BRAND / "icon-512.png"
    before = first.stat().st_mtime_ns
    os.utime(tmp_path / "one" / "theme/brand/logo.svg")  # touched, not changed: a whole build runs
    build(tmp_path / "one", now=NOW)
    assert first.stat().st_mtime_ns == before


# ---- PNG logos and the dark scheme ------------------------------------------------------------------


def test_a_png_logo_is_published_as_its_pixels_alone_and_a_dark_one_for_the_dark_scheme(two_branches):
    with_logo(two_branches, "logo.png", png_logo(metadata=True))
    with_logo(two_branches, "logo-dark.svg", PLAIN_SVG)
    output = build(two_branches, now=NOW, BRAND_NAME_BESIDE_LOGO=False)
    published = (output / BRAND / "logo.png").read_bytes()
    assert b"private.example" not in published and b"tEXt" not in published and b"iTXt" not in published
    with Image.open(io.BytesIO(published)) as logo:
        assert logo.size == (300, 100) and "Author" not in logo.info
    link = header_party_link((output / "index.html").read_text(encoding="utf-8"))
    assert (
        '<source srcset="/theme/brand/logo-dark.svg" media="(prefers-color-scheme: dark)" width="512" height="256">'
        in link
    )
    assert f'<img class="kit-header__logo" src="/theme/brand/logo.png" width="300" height="100" alt="{PARTY}">' in link
    assert "kit-header__party-name" not in link  # the logo spells the name: said once, as its alternative
    html = (output / "index.html").read_text(encoding="utf-8")
    assert 'type="image/svg+xml"' not in html  # a PNG logo: no SVG icon
    manifest = json.loads((output / BRAND / "site.webmanifest").read_text(encoding="utf-8"))
    assert [icon["src"] for icon in manifest["icons"]] == ["icon-192.png", "icon-512.png"]


def test_without_a_logo_the_icons_show_the_partys_initial_and_the_header_its_name(two_branches_output):
    brand = two_branches_output / BRAND
    assert sorted(p.name for p in brand.iterdir()) == [
        "apple-touch-icon.png",
        "favicon.ico",
        "icon-192.png",
        "icon-512.png",
        "site.webmanifest",
    ]
    colours = brand_colours_of_fixture()
    with Image.open(brand / "icon-192.png") as icon:
        icon = icon.convert("RGB")
        assert icon.getpixel((2, 2)) == colours["accent"]
        assert colours["accent_text"] in {colour for _, colour in icon.getcolors(192 * 192)}
    home = (two_branches_output / "index.html").read_text(encoding="utf-8")
    assert header_party_link(home) == f'<a class="kit-header__party" href="/">{PARTY}</a>'
    assert '<link rel="apple-touch-icon" href="/theme/brand/apple-touch-icon.png">' in home
    assert "<img" not in header_party_link(home)


def test_a_branch_on_its_own_domain_has_its_own_copy(tmp_path):
    project = published_fixture(tmp_path / "project")
    with_logo(project, "logo.svg", PLAIN_SVG)
    output = publish(project)
    beta = output / "branches/beta-net"
    assert tree_digest(beta / BRAND) == tree_digest(output / BRAND)
    home = (beta / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="manifest" href="https://{PUBLISHED_BRANCH_DOMAIN}/theme/brand/site.webmanifest">' in home
    alpha = (output / "branches/alpha/index.html").read_text(encoding="utf-8")
    assert f'<link rel="manifest" href="{PUBLISHED_SITEURL}/theme/brand/site.webmanifest">' in alpha


@pytest.mark.parametrize("theme_folder", ["theme", "assets/kit"])
def test_the_manifest_starts_at_the_home_page_of_its_own_site(tmp_path, theme_folder):
    """start_url is made from where the manifest is written: resolved against the manifest's address
    it is the national home page, and on a branch with its own domain that branch's home page."""
    project = published_fixture(tmp_path / "project")
    output = publish(project, THEME_STATIC_DIR=theme_folder)
    sites = {"": f"{PUBLISHED_SITEURL}/", "branches/beta-net/": f"https://{PUBLISHED_BRANCH_DOMAIN}/"}
    for folder, home in sites.items():
        page = (output / folder / "index.html").read_text(encoding="utf-8")
        linked = re.search(r'<link rel="manifest" href="([^"]+)">', page).group(1)
        assert linked == f"{home}{theme_folder}/brand/site.webmanifest"
        written = output / folder / theme_folder / "brand/site.webmanifest"
        manifest = json.loads(written.read_text(encoding="utf-8"))
        assert manifest["start_url"] == "../" * (theme_folder.count("/") + 2)
        assert urljoin(linked, manifest["start_url"]) == home, folder


# ---- logos the kit will not publish --------------------------------------------------------------------


def test_a_logo_that_is_not_a_picture_is_refused_and_the_published_one_kept(two_branches):
    with_logo(two_branches, "logo.png", png_logo())
    output = build(two_branches, now=NOW)
    published = (output / BRAND / "logo.png").read_bytes()
    pages = tree_digest(output)
    with_logo(two_branches, "logo.png", "<html>not a picture</html>")
    (problem,) = refused(two_branches)
    assert (problem.path, problem.line) == ("theme/brand/logo.png", 0)
    assert problem.message == "BRAND_LOGO: this file is not a PNG picture"
    assert (output / BRAND / "logo.png").read_bytes() == published
    assert tree_digest(output) == pages  # nothing written, nothing lost


def test_a_logo_of_another_kind_or_too_big_is_named_with_its_fix(two_branches):
    (two_branches / "brand").mkdir()
    (two_branches / "brand/logo.gif").write_bytes(b"GIF89a")
    problems = refused_with(two_branches, BRAND_LOGO="brand/logo.gif")
    assert [(p.path, p.message, p.fix) for p in problems] == [
        ("brand/logo.gif", "BRAND_LOGO: a logo must be a PNG or an SVG file", "Save the logo as logo.svg or logo.png.")
    ]
    with_logo(two_branches, "logo.svg", PLAIN_SVG.replace("</svg>", "<desc>" + "x" * 2000 + "</desc></svg>"))
    (problem,) = refused_with(two_branches, BRAND_LOGO_MAX_BYTES=1000)
    assert problem.path == "theme/brand/logo.svg"
    assert re.fullmatch(
        r"BRAND_LOGO: the logo is 2,\d\d\d bytes; the most a logo may be is 1,000 \(BRAND_LOGO_MAX_BYTES\)",
        problem.message,
    )
    assert not (two_branches / "output").exists()


def refused_with(project, **settings) -> list:
    with pytest.raises(ContentProblems) as stopped:
        build(project, now=NOW, **settings)
    return [p for p in stopped.value.problems if p.is_error]


def test_a_logo_linked_from_outside_the_site_is_refused(two_branches, tmp_path):
    outside = tmp_path / "elsewhere" / "logo.svg"
    outside.parent.mkdir()
    outside.write_text(PLAIN_SVG)
    (two_branches / "theme/brand").mkdir(parents=True)
    os.symlink(outside, two_branches / "theme/brand/logo.svg")
    (problem,) = refused(two_branches)
    assert problem.path == "theme/brand/logo.svg"
    assert problem.message == f"BRAND_LOGO: the logo leads outside the site's folder (to {outside})"
    assert not (two_branches / "output").exists()
    (problem,) = refused_with(two_branches, BRAND_LOGO=str(outside))
    assert "leads outside the site's folder" in problem.message


def test_an_svg_of_any_stated_size_is_drawn_to_fit_its_icons(tmp_path):
    """An SVG's own width and height are never the size it is drawn at (20000 x 20000 would take
    1.6 GB): the check and the icons fit it in their squares, however tall or wide it is."""
    from party_brand.icons import icon_files
    from party_brand.logo_file import read_logo

    path = tmp_path / "logo.svg"
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="200000" viewBox="0 0 1 10">'
        '<rect width="1" height="10" fill="#1d5c2e"/></svg>'
    )
    logo = read_logo(str(path), {"KIT_ROOT": str(tmp_path), "BRAND_LOGO_MAX_BYTES": 200_000})
    assert (logo.width, logo.height) == (52, 512)  # 51.2 wide, rounded up by resvg
    files = icon_files(logo, "T", brand_colours_of_fixture())
    with Image.open(io.BytesIO(files["icon-512.png"])) as icon:
        assert icon.size == (512, 512)
        assert icon.convert("RGB").getpixel((256, 256)) == (0x1D, 0x5C, 0x2E)
        assert icon.convert("RGB").getpixel((10, 256)) == brand_colours_of_fixture()["background"]


def test_a_changed_logo_is_published_and_every_branch_shows_it(two_branches):
    """The logo's files are among the inputs of every branch (BRANCH_SHARED_INPUT_FILES): a new
    logo is not skipped as an unchanged build, and each branch's header takes its new shape."""
    with_logo(two_branches, "logo.svg", PLAIN_SVG)
    output = build(two_branches, now=NOW)
    assert 'width="512" height="256"' in header_party_link((output / "branches/alpha/index.html").read_text())
    square = PLAIN_SVG.replace('viewBox="0 0 200 100"', 'viewBox="0 0 100 100"')
    with_logo(two_branches, "logo.svg", square)
    build(two_branches, now=NOW)
    assert (output / BRAND / "logo.svg").read_text() == clean_svg(square.encode()).decode()
    for page in ("index.html", "branches/alpha/index.html"):
        assert 'width="512" height="512"' in header_party_link((output / page).read_text())


def test_make_check_names_a_dark_logo_the_kit_cannot_clean(two_branches):
    with_logo(two_branches, "logo.svg", PLAIN_SVG)
    with_logo(
        two_branches, "logo-dark.svg", '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "x.css";</style></svg>'
    )
    problems = [p for p in check_project(project_settings(two_branches)).sorted() if p.is_error]
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [("theme/brand/logo-dark.svg", "BRAND_LOGO_DARK")]
    assert "a <style> element that holds an @ rule" in problems[0].message
    assert not (two_branches / "output").exists()
