"""An SVG logo from a careless or hostile source (party_brand.svg_cleaning), built on the two-branch
fixture: each thing that could run script, fetch from another host or stall the build is either
left out of the published logo.svg (the bytes written show it is not there) or stops the build,
named with the cap or the reason and its fix, with nothing written: no logo, no icon made from
it. A logo exported as such tools export one (a gradient, an inlined PNG) is published as
expected, byte for byte."""

from __future__ import annotations

import base64
import io
import random
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from content_schema.problems import ContentProblems
from kit_testing import build, copy_fixture, tree_digest

NOW = "1798761600"  # 2027-01-01
BRAND = "theme/brand"
SVG_NS = "http://www.w3.org/2000/svg"
OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100">'
    '<rect id="ground" width="200" height="100" fill="#1d5c2e"/>'
)


def svg(body: str) -> str:
    return f"{OPEN}{body}</svg>\n"


def png_data(size: tuple[int, int], colour=(255, 0, 0), noise: bool = False) -> bytes:
    if noise:  # random pixels do not compress: a picture as big in bytes as in pixels
        picture = Image.frombytes("RGB", size, random.Random(20).randbytes(size[0] * size[1] * 3))
    else:
        picture = Image.new("RGB", size, colour)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def with_logo(project, data: str, name: str = "logo.svg"):
    folder = project / "theme" / "brand"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data, encoding="utf-8")


def refused(project, **settings) -> list:
    with pytest.raises(ContentProblems) as stopped:
        build(project, now=NOW, **settings)
    return [p for p in stopped.value.problems if p.is_error]


# ---- what is left out of the published logo ------------------------------------------------------
# One hostile logo, built once; each test below looks for its own part of it in the bytes written.

INLINE_SVG = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(7)"/>').decode()
HOSTILE = svg(
    '<script>alert("script-element")</script>'
    '<script xlink:href="https://evil.example/script-link.js"/>'
    '<rect width="10" height="10" onclick="alert(\'handler-click\')" ONMouseOver="alert(\'handler-case\')"/>'
    '<foreignObject width="50" height="50"><div xmlns="http://www.w3.org/1999/xhtml">foreign-html</div>'
    "</foreignObject>"
    '<circle id="fill-url" r="5" fill="url(https://evil.example/fill.svg#p)" stroke="url(#ground)"'
    ' filter="url(data:image/svg+xml;base64,filter-data)" mask="url(#m) url(//evil.example/mask)"'
    ' clip-path="url(\u00a0#nbsp)"/>'
    '<circle id="comment-split" r="6" style="fill:ur/**/l(https://evil.example/comment.svg#p);stroke-width:3"/>'
    '<use id="use-external" href="https://evil.example/use-external.svg#icon"/>'
    '<image id="image-external" width="5" height="5" xlink:href="https://evil.example/image-external.png"/>'
    f'<image id="image-svg" width="5" height="5" href="data:image/svg+xml;base64,{INLINE_SVG}"/>'
    '<a xlink:href="javascript:alert(\'link-js\')"><rect id="linked" width="20" height="20"/></a>'
    '<use id="use-js" xlink:href="javascript:alert(\'use-js\')"/>'
    '<use id="use-local" href="#linked" x="30"/>'
    '<path id="var-marker" d="M0 0 L1 1" marker-mid="var(--m)" style="marker-end:var(--m);stroke-width:2"/>'
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[bytes, ET.Element, object]:
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("svg-hostile") / "project")
    with_logo(project, HOSTILE)
    output = build(project, now=NOW)
    published = (output / BRAND / "logo.svg").read_bytes()
    return published, ET.fromstring(published), output


def by_id(root: ET.Element, name: str) -> ET.Element | None:
    return next((element for element in root.iter() if element.get("id") == name), None)


def test_a_script_element_is_not_published(hostile):
    published, root, _ = hostile
    assert b"script" not in published and b"alert" not in published
    assert not [e for e in root.iter() if e.tag.endswith("}script")]


def test_event_handlers_are_not_published_whatever_their_case(hostile):
    published, root, _ = hostile
    assert b"handler-click" not in published and b"handler-case" not in published
    assert not [name for e in root.iter() for name in e.attrib if name.lower().startswith("on")]
    assert b'<rect width="10" height="10" />' in published  # the shape itself is kept


def test_a_foreign_object_is_not_published(hostile):
    published, _, _ = hostile
    assert b"foreignObject" not in published and b"foreign-html" not in published and b"xhtml" not in published


def test_a_url_to_elsewhere_in_a_presentation_attribute_is_not_published(hostile):
    published, root, _ = hostile
    for trace in (b"fill.svg", b"filter-data", b"evil.example/mask", b"nbsp"):
        assert trace not in published
    assert by_id(root, "fill-url").attrib == {"id": "fill-url", "r": "5", "stroke": "url(#ground)"}


def test_a_custom_property_is_not_published_in_an_attribute(hostile):
    path = by_id(hostile[1], "var-marker")
    assert path.get("marker-mid") is None and path.get("style") == "stroke-width:2"
    assert b"var(" not in hostile[0]


def test_a_url_split_by_a_css_comment_is_not_published(hostile):
    published, root, _ = hostile
    assert b"comment.svg" not in published and b"/*" not in published
    assert by_id(root, "comment-split").get("style") == "stroke-width:3"


def test_an_href_to_another_host_is_not_published(hostile):
    published, root, _ = hostile
    assert b"evil.example" not in published
    assert by_id(root, "use-external") is None and by_id(root, "image-external") is None


def test_an_inlined_svg_picture_is_not_published(hostile):
    published, root, _ = hostile
    assert b"svg+xml" not in published and INLINE_SVG[:12].encode() not in published
    assert by_id(root, "image-svg") is None


def test_a_javascript_href_is_not_published(hostile):
    published, root, _ = hostile
    assert b"javascript" not in published and b"link-js" not in published
    assert by_id(root, "use-js") is None
    assert by_id(root, "linked").tag == f"{{{SVG_NS}}}rect"  # the link's drawing is kept, as a <g>'s
    assert [e.get("href") for e in root.iter(f"{{{SVG_NS}}}use")] == ["#linked"]


def test_the_hostile_logos_icons_are_drawn_from_the_clean_drawing(hostile):
    _, _, output = hostile
    with Image.open(output / BRAND / "icon-192.png") as icon:
        assert (0x1D, 0x5C, 0x2E) in {colour for _, colour in icon.convert("RGB").getcolors(192 * 192)}


# ---- what stops the build -----------------------------------------------------------------------

NESTED_USES = "".join(f'<g id="u{i}"><use href="#u{i + 1}"/></g>' for i in range(11)) + '<rect id="u11"/>'
LAUGHS = '<defs><rect id="l0" width="1" height="1"/>'
LAUGHS += "".join(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 6))
LAUGHS += '</defs><use href="#l5"/>'
BIG_PICTURE = base64.b64encode(png_data((300, 300), noise=True)).decode()
WIDE_PICTURE = base64.b64encode(png_data((5000, 1))).decode()
PNG_AS_JPEG = base64.b64encode(png_data((4, 4))).decode()
MEANING = "BRAND_LOGO: the kit cannot clean this SVG safely: "
ESCAPE_FIX = "Export the logo again without escaped characters in its CSS"
SIMPLER_FIX = "Simplify the drawing"

REFUSED = {
    "escaped url in a style attribute": (
        svg('<rect style="fill:\\75rl(https://evil.example/escape.svg#p)"/>'),
        "CSS with a backslash escape (an escape can spell url( or another fetch), which the kit does not"
        ' publish (in the style attribute of a <rect>: "fill:\\75rl(https://evil.example/escape.svg#p)")',
        ESCAPE_FIX,
    ),
    "escaped url in a style element": (
        svg("<style>rect{fill:\\000075rl(https://evil.example/escape.svg#p)}</style>"),
        "CSS with a backslash escape (an escape can spell url( or another fetch), which the kit does not"
        ' publish (in a <style> element: "rect{fill:\\000075rl(https://evil.example/escape.svg#p)}")',
        ESCAPE_FIX,
    ),
    "comment-split url in a style element": (
        svg("<style>rect{fill:ur/**/l(https://evil.example/comment.svg#p)}</style>"),
        "a <style> element that holds the CSS function l(), which the kit cannot clean",
        "Export the logo again with presentation attributes instead of a <style> element",
    ),
    "a custom property in a style element": (
        # --m: url(#m) then marker-mid: var(--m) would hide a marker's every use from the size count
        svg('<marker id="m"><circle r="1"/></marker><style>svg{--m:url(#m)}</style><path d="M0 0 L1 1 L2 2"/>'),
        "a <style> element that holds a custom property (--name: ...), which the kit cannot clean",
        "Export the logo again with presentation attributes instead of a <style> element",
    ),
    "var() in a style element": (
        svg('<marker id="m"><circle r="1"/></marker><style>path{marker-mid:var(--m)}</style><path d="M0 0 L1 1"/>'),
        "a <style> element that holds the CSS function var(), which the kit cannot clean",
        "Export the logo again with presentation attributes instead of a <style> element",
    ),
    "an import in a style element": (
        svg('<style>@import url("https://evil.example/sheet.css");</style>'),
        "a <style> element that holds an @ rule (@import, @font-face, @media, ...), which the kit cannot clean",
        "Export the logo again with presentation attributes instead of a <style> element",
    ),
    "an oversized inlined picture": (
        svg(f'<image width="50" height="50" href="data:image/png;base64,{BIG_PICTURE}"/>'),
        f"a picture inlined in the SVG of about {len(BIG_PICTURE) * 3 // 4:,} bytes; the most is 262,144"
        " (MAX_INLINE_PICTURE_BYTES) (in an <image>)",
        "Save the inlined picture smaller",
    ),
    "an inlined picture that is not what it says": (
        svg(f'<image width="5" height="5" href="data:image/jpeg;base64,{PNG_AS_JPEG}"/>'),
        "a picture inlined in the SVG that is not the JPEG it says it is (in an <image>)",
        "Place the picture again",
    ),
    "an inlined picture too many pixels wide": (
        svg(f'<image width="5" height="5" href="data:image/png;base64,{WIDE_PICTURE}"/>'),
        "a picture inlined in the SVG of 5000 x 1 pixels; the most is 4096 on a side (MAX_INLINE_PICTURE_SIDE)"
        " (in an <image>)",
        "Save the inlined picture smaller",
    ),
    "use inside use inside use": (
        svg(f'<defs>{NESTED_USES}</defs><use href="#u0"/>'),
        "the SVG's references go 12 deep (a <use> of a <use> of ..., a url(#id) of a shape that refers"
        " again); the most is 8 (MAX_REFERENCE_DEPTH)",
        SIMPLER_FIX,
    ),
    "too many use elements": (
        svg('<circle id="dot" r="1"/>' + "".join(f'<use href="#dot" x="{i}"/>' for i in range(1001))),
        "the SVG holds 1,001 <use> elements; the most is 1,000 (MAX_USE_ELEMENTS)",
        SIMPLER_FIX,
    ),
    "a billion laughs of use": (
        svg(LAUGHS),
        # 2 (svg, ground) + defs 1 + l0 1 + l1..l5 (21 + 221 + 2,221 + 22,221 + 222,221) + use 1 + l5 again
        "the SVG draws 469,131 elements once each <use> and url(#id) is followed; the most is 50,000"
        " (MAX_DRAWN_ELEMENTS)",
        SIMPLER_FIX,
    ),
    "a use of itself": (
        svg('<g id="self"><rect width="1" height="1"/><use href="#self" x="2"/></g>'),
        "the SVG draws #self inside itself (a <use> or url(#self) within it)",
        "Remove the reference to the shape from inside the shape",
    ),
    "too many elements": (
        svg("<rect/>" * 10_000),
        "the SVG holds 10,002 elements; the most is 10,000 (MAX_ELEMENTS)",
        SIMPLER_FIX,
    ),
    "elements nested too deep": (
        svg("<g>" * 100 + "<rect/>" + "</g>" * 100),
        "the SVG's elements are nested 102 deep; the most is 64 (MAX_NESTING)",
        "Ungroup the drawing",
    ),
    "nested too deep once references are followed": (
        # each <g> 30 deep in the file, but n0 draws n1 inside itself: resvg crashed on a few hundred
        svg(
            '<defs><g id="n0">'
            + "<g>" * 30
            + '<use href="#n1"/>'
            + "</g>" * 30
            + '</g><g id="n1">'
            + "<g>" * 30
            + "<rect/>"
            + "</g>" * 30
            + '</g></defs><use href="#n0"/>'
        ),
        "the SVG's elements are nested 66 deep once each <use> and url(#id) is followed; the most is 64 (MAX_NESTING)",
        SIMPLER_FIX,
    ),
    "a filter that never ends": (
        svg('<filter id="f"><feTurbulence baseFrequency="0.1" numOctaves="1000000000"/></filter>'),
        'a <feTurbulence> with numOctaves="1000000000"; the most is 5 (MAX_TURBULENCE_OCTAVES) (in a <feTurbulence>)',
        "Set the filter's numOctaves to 5 or less",
    ),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_logo_the_kit_cannot_clean_stops_the_build_named_with_its_fix_and_writes_nothing(two_branches, case):
    logo, message, fix = REFUSED[case]
    with_logo(two_branches, logo)
    (problem,) = refused(two_branches, BRAND_LOGO_MAX_BYTES=1_000_000)
    assert (problem.path, problem.line) == ("theme/brand/logo.svg", 0)
    assert problem.message == MEANING + message
    assert problem.fix.startswith(fix)
    assert not (two_branches / "output").exists()  # no logo, no icon, no page


# ---- a logo as tools export it -------------------------------------------------------------------

RED_PNG = base64.b64encode(png_data((8, 8))).decode()
EXPORTED = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: Adobe Illustrator 28.0.0, SVG Export Plug-In -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100">
  <defs>
    <linearGradient id="SVGID_1_" x1="0" x2="1" gradientUnits="objectBoundingBox">
      <stop offset="0" stop-color="#1d5c2e"/>
      <stop offset="1" stop-color="#9ed8a9"/>
    </linearGradient>
  </defs>
  <rect width="200" height="100" fill="url(#SVGID_1_)"/>
  <circle cx="150" cy="50" r="30" style="fill:url('#SVGID_1_');stroke:#1d5c2e /* edge */"/>
  <image x="10" y="10" width="40" height="40" xlink:href="data:image/png;base64,{RED_PNG[:40]}
    {RED_PNG[40:]}"/>
</svg>
"""
EXPORTED_AS_PUBLISHED = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><defs>'
    '<linearGradient id="SVGID_1_" x1="0" x2="1" gradientUnits="objectBoundingBox">'
    '<stop offset="0" stop-color="#1d5c2e" /><stop offset="1" stop-color="#9ed8a9" /></linearGradient></defs>'
    '<rect width="200" height="100" fill="url(#SVGID_1_)" />'
    '<circle cx="150" cy="50" r="30" style="fill:url(\'#SVGID_1_\');stroke:#1d5c2e" />'
    f'<image x="10" y="10" width="40" height="40" href="data:image/png;base64,{RED_PNG}" /></svg>\n'
)


def test_an_exported_logo_with_a_gradient_and_an_inlined_png_is_published_as_expected(two_branches):
    with_logo(two_branches, EXPORTED)
    output = build(two_branches, now=NOW)
    assert (output / BRAND / "logo.svg").read_bytes() == EXPORTED_AS_PUBLISHED.encode()
    with Image.open(output / BRAND / "icon-512.png") as icon:
        colours = {colour for _, colour in icon.convert("RGB").getcolors(512 * 512)}
    assert (255, 0, 0) in colours  # the inlined picture is drawn
    assert (0x1D, 0x5C, 0x2E) in colours  # the gradient's first stop


def test_every_problem_is_named_at_once_and_the_published_logo_and_icons_are_kept(two_branches):
    with_logo(two_branches, EXPORTED)
    output = build(two_branches, now=NOW)
    published = tree_digest(output)
    with_logo(
        two_branches,
        svg(
            '<rect style="fill:\\75rl(https://evil.example/a.svg#p)"/>'
            '<rect style="stroke:\\75rl(https://evil.example/b.svg#p)"/>'
            "<style>@import 'https://evil.example/sheet.css';</style>"
            '<filter id="f"><feConvolveMatrix order="30" kernelMatrix="1"/><feMorphology radius="9"/></filter>'
        ),
    )
    problems = refused(two_branches)
    assert [(p.path, p.message.removeprefix(MEANING).split(" (")[0]) for p in problems] == [
        ("theme/brand/logo.svg", "CSS with a backslash escape"),
        ("theme/brand/logo.svg", 'a <feConvolveMatrix> with order="30"; the most is 5'),
        ("theme/brand/logo.svg", "a <style> element that holds an @ rule"),
        ("theme/brand/logo.svg", "a feMorphology filter"),
    ]
    assert problems[0].message.endswith(
        '(2 places, the first in the style attribute of a <rect>: "fill:\\75rl(https://evil.example/a.svg#p)")'
    )
    assert all(p.fix for p in problems)
    assert tree_digest(output) == published  # the logo, favicon.ico and the icons as they were
    assert (output / BRAND / "logo.svg").read_bytes() == EXPORTED_AS_PUBLISHED.encode()
