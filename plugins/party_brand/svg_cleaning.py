"""A party's SVG logo made inert before it is published: only drawing is kept.

The file is parsed with defusedxml (no entity declarations, no external entities or DTDs: a
DOCTYPE that declares entities is refused, not expanded) and written out again from an
allow-list: the SVG elements that draw, and their geometry and presentation attributes. Whatever
else the file holds is left out: script, foreignObject, elements of other namespaces (an
editor's own, Inkscape's or Illustrator's), event handlers (``on*``), links, references to
anything outside the file (``href`` other than ``#id``, or a raster picture inlined as a
``data:`` PNG, JPEG or WebP; CSS that could fetch: ``url(...)`` other than ``url(#id)``, or a
function such as ``image-set()``), and comments, CSS comments too.

What cannot be left out without guessing makes the logo one the kit cannot clean
(UncleanableSvg, naming every such thing in the file at once, each with its fix):

- CSS with a backslash anywhere (in a ``style`` attribute, a presentation attribute or a
  ``<style>`` element): an escape can spell ``url(`` (``\\75rl(``), and the kit does not read
  CSS the way a browser might; no export needs one for a logo.
- A ``<style>`` element that is not plain rules (an ``@`` rule, nested rules, a fetch): it
  cannot be taken apart safely.
- An inlined picture that is not the PNG, JPEG or WebP it says it is, or too big (the MAX_*
  constants below), and a drawing too big to draw: too many elements, nested or referring
  (``<use href="#a">``, ``fill="url(#b)"``) too deep, or, once every reference is followed,
  too many elements drawn (a "billion laughs" of ``<use>``); resvg, which draws the icons,
  crashes on a few hundred levels, and a browser would stall on the page.
- Filter effects whose cost grows without bound (feMorphology, feTurbulence's numOctaves,
  feConvolveMatrix's order).
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from PIL import Image

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

# What the kit publishes at most. Each is far above what a logo exported from Inkscape or
# Illustrator holds, and below where drawing it stalls or crashes the build (resvg) or a browser.
MAX_ELEMENTS = 10_000  # elements in the file
MAX_NESTING = 64  # elements inside elements, counting each reference followed
MAX_REFERENCE_DEPTH = 8  # references inside referred-to drawing: a <use> of a <use> of ...
MAX_USE_ELEMENTS = 1_000  # <use> elements in the file
MAX_DRAWN_ELEMENTS = 50_000  # elements drawn once every <use> and url(#id) is followed
MAX_INLINE_PICTURE_BYTES = 256 * 1024  # each data: picture, decoded
MAX_INLINE_PICTURE_SIDE = 4096  # pixels, each data: picture's longer side
MAX_TURBULENCE_OCTAVES = 5  # feTurbulence numOctaves: each octave is another pass over every pixel
MAX_CONVOLVE_ORDER = 5  # feConvolveMatrix order: order x order multiplications for every pixel


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The elements that draw (SVG 1.1 and 2), without those that run, link, embed or fetch: script,
# a (its drawing is kept as a <g>), foreignObject, feImage, iframe, audio, video, animate*, set,
# cursor, font-face, switch.
ELEMENTS = _names(
    """svg g defs symbol use title desc style path rect circle ellipse line polyline polygon
    text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker image
    filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
    feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
    feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting
    feSpotLight feTile feTurbulence"""
)
# Geometry, coordinate systems, text layout, gradients and filters.
GEOMETRY = _names(
    """id class viewBox preserveAspectRatio width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr
    d points transform pathLength dx dy rotate textLength lengthAdjust startOffset method spacing
    side gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits
    patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight
    refX refY orient filterUnits primitiveUnits in in2 result mode type values operator k1 k2 k3 k4
    stdDeviation edgeMode scale xChannelSelector yChannelSelector radius baseFrequency
    numOctaves seed stitchTiles order kernelMatrix divisor bias targetX targetY preserveAlpha
    surfaceScale diffuseConstant specularConstant specularExponent kernelUnitLength azimuth
    elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle z tableValues slope intercept
    amplitude exponent version"""
)
# The presentation attributes: CSS properties, whose values a browser reads as CSS (fill, stroke,
# filter, mask, clip-path and marker-* take url()). transform is one in SVG 2 as well.
PRESENTATION = _names(
    """fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin
    stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color clip-path clip-rule mask
    filter marker-start marker-mid marker-end display visibility overflow stop-color stop-opacity
    flood-color flood-opacity lighting-color color-interpolation color-interpolation-filters
    paint-order vector-effect shape-rendering image-rendering text-rendering mix-blend-mode
    isolation font-family font-size font-style font-variant font-weight font-stretch
    letter-spacing word-spacing text-anchor text-decoration dominant-baseline alignment-baseline
    baseline-shift writing-mode direction unicode-bidi"""
)
CSS_VALUED = PRESENTATION | {"transform"}
ATTRIBUTES = GEOMETRY | PRESENTATION | {"style"}
# The CSS functions a logo's CSS may use: colours, lengths, transforms, filters, shapes, and the
# selectors' own. Any other (image-set, image, src, cross-fade, element, paint, attr,
# expression, ...) may fetch, or may one day: it is left out, or refused in a <style>. Not var()
# or env() either: a custom property carries a url(#id) where the drawing's size count cannot
# follow it, so a marker or pattern could be drawn a million times past the caps.
CSS_FUNCTIONS = _names(
    """url rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix light-dark calc min max clamp
    matrix matrix3d translate translatex translatey translatez translate3d scale scalex
    scaley scalez scale3d rotate rotatex rotatey rotatez rotate3d skew skewx skewy perspective
    blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia
    circle ellipse inset polygon path rect xywh linear-gradient radial-gradient conic-gradient
    repeating-linear-gradient repeating-radial-gradient repeating-conic-gradient
    not is where has nth-child nth-last-child nth-of-type nth-last-of-type lang dir"""
)
HREF_ELEMENTS = {"use", "image", "textPath", "linearGradient", "radialGradient", "pattern", "filter"}
FRAGMENT = re.compile(r"#[\w.:-]+")
# A raster picture inside the file (Illustrator inlines them so); never an SVG (it could script).
INLINE_PICTURE = re.compile(r"data:image/(png|jpeg|webp);base64,([A-Za-z0-9+/=\s]*)")
PICTURE_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)  # an unclosed one runs to the end, as in a browser
URL_START = re.compile(r"url\(", re.I)
# CSS's own white space only (Python's \s also takes a no-break space, which a browser reads as
# part of the address)
LOCAL_URL = re.compile(r"""url\([ \t\n\r\f]*(?:#[\w.:-]+|"#[\w.:-]+"|'#[\w.:-]+')[ \t\n\r\f]*\)""", re.I)
LOCAL_URL_TARGET = re.compile(r"""url\([ \t\n\r\f]*["']?#([\w.:-]+)""", re.I)
CSS_FUNCTION = re.compile(r"([-\w]+)\(")
CUSTOM_PROPERTY = re.compile(r"(?:^|[;{])\s*--")  # a declaration of one, in a rule or a style attribute
CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
MARKERS_ON_EVERY_VERTEX = ("marker-mid", "marker")
INHERITED_PAINT = ("fill", "stroke")
COMBINATOR = re.compile(r"[\s>+~]+")
PSEUDO = re.compile(r"::?[-\w]+(?:\([^)]*\))?")
SIMPLE_COMPOUND = re.compile(r"(\*|[A-Za-z][\w-]*)?((?:\.[-\w]+)*)")

EXPORT_FIX = (
    "Export the logo again as a plain SVG (Inkscape: Save as > Plain SVG; Illustrator: SVG with"
    " presentation attributes, no scripts or links) or as a PNG."
)
SIMPLER_FIX = (
    "Simplify the drawing (Inkscape: Path > Simplify, fewer copies of a shape; Illustrator:"
    " Object > Expand, Symbols > Break Link) and export it again, or save the logo as a PNG."
)


@dataclass(frozen=True)
class SvgProblem:
    """One thing in an SVG file that stops the kit publishing it: what, and how to put it right."""

    message: str
    fix: str


class UncleanableSvg(ValueError):
    """A file the kit cannot publish as a clean SVG; ``problems`` says every reason, each with its fix."""

    def __init__(self, problems: list[SvgProblem]):
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


def _local(name: str) -> tuple[str, str]:
    """'{namespace}name' -> (namespace, name)."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _shown(text: str, most: int = 60) -> str:
    """``text`` quoted as an editor reads it (not as Python would: a backslash stays one), cut short."""
    text = " ".join(text.split())
    return f'"{text if len(text) <= most else text[: most - 1] + "…"}"'


def _css_fault(css: str) -> str | None:
    """Why CSS ``css`` (comments removed, no backslash) could fetch, import or run; None if it cannot.
    It is read as text, not as CSS: every ``url(`` anywhere, in a string or not, must be a whole
    ``url(#id)``, so what the kit checks is never less than what a browser reads."""
    if "@" in css:
        return "an @ rule (@import, @font-face, @media, ...)"
    if CUSTOM_PROPERTY.search(css):
        return "a custom property (--name: ...)"
    for start in URL_START.finditer(css):
        if not LOCAL_URL.match(css, start.start()):
            return f"url(...) to something outside the file ({_shown(css[start.start() :], 40)})"
    for function in CSS_FUNCTION.finditer(css):
        name = function.group(1)
        if not (name.isascii() and name.lower() in CSS_FUNCTIONS):
            return f"the CSS function {name}()"
    return None


def _vertices(element: ET.Element) -> int:
    """About how many vertices a shape has (a marker-mid is drawn on each): numbers in d or points, halved."""
    return max(1, len(NUMBER.findall(element.get("d", "") + " " + element.get("points", ""))) // 2)


class _Cleaning:
    """One file's cleaning: the problems found so far, and what the published drawing refers to."""

    def __init__(self):
        self.found: dict[tuple[str, str], list[str]] = {}  # (what, fix) -> where, each place found
        self.style_rules: list[tuple[list[str], str]] = []  # (selectors, declarations) of <style>s

    def problem(self, what: str, fix: str, where: str | None = None) -> None:
        """One thing found that stops the logo: said once, with where it is first and how often."""
        self.found.setdefault((what, fix), []).append(where)

    def problems(self) -> list[SvgProblem]:
        listed = []
        for (what, fix), places in self.found.items():
            if len(places) > 1:
                what += (
                    f" ({len(places)} places, the first in {places[0]})" if places[0] else f" ({len(places)} places)"
                )
            elif places[0]:
                what += f" (in {places[0]})"
            listed.append(SvgProblem(what, fix))
        return listed

    # ---- CSS ------------------------------------------------------------------------------------

    def readable_css(self, css: str, where: str) -> str | None:
        """``css`` without its comments; None (and a problem) when it holds a backslash."""
        if "\\" in css:
            self.problem(
                "CSS with a backslash escape (an escape can spell url( or another fetch), which the kit"
                " does not publish",
                "Export the logo again without escaped characters in its CSS: as a plain SVG with"
                " presentation attributes (Inkscape: Save as > Plain SVG; Illustrator: Styling:"
                " Presentation Attributes), its text turned into outlines.",
                f"{where}: {_shown(css[max(0, css.index(chr(92)) - 20) :])}",  # around the first backslash
            )
            return None
        return CSS_COMMENT.sub(" ", css)

    def style_attribute(self, value: str, where: str) -> str:
        """The declarations of a style attribute that are presentation properties with safe values."""
        css = self.readable_css(value, where)
        if css is None:
            return ""
        kept = []
        for declaration in css.split(";"):
            name, colon, rest = declaration.partition(":")
            name, rest = name.strip().lower(), rest.strip()
            if colon and name in ATTRIBUTES and name != "style" and rest and _css_fault(rest) is None:
                kept.append(f"{name}:{rest}")
        return ";".join(kept)

    def style_element(self, text: str) -> str | None:
        """A <style>'s text as published (comments removed), or None (and a problem) if it is not
        plain rules with safe values."""
        where = "a <style> element"
        css = self.readable_css(text, where)
        if css is None:
            return None
        fault = _css_fault(css)
        if fault is None and CSS_RULE.sub("", css).strip():
            fault = "text outside plain rules (nested rules, or a brace out of place)"
        if fault is not None:
            self.problem(
                f"a <style> element that holds {fault}, which the kit cannot clean",
                "Export the logo again with presentation attributes instead of a <style> element"
                " (Illustrator: Styling: Presentation Attributes; Inkscape: Save as > Plain SVG).",
            )
            return None
        for rule in CSS_RULE.finditer(css):
            self.style_rules.append(([s.strip() for s in rule.group(1).split(",")], rule.group(2)))
        return css

    # ---- attributes ------------------------------------------------------------------------------

    def inline_picture(self, value: str, where: str) -> str | None:
        """A data: PNG, JPEG or WebP as published (its base64 without line breaks); None if it is
        not one (left out) or is one the kit refuses (a problem)."""
        found = INLINE_PICTURE.fullmatch(value)
        if found is None:
            return None
        kind, payload = found.group(1), "".join(found.group(2).split())
        size = len(payload) * 3 // 4
        if size > MAX_INLINE_PICTURE_BYTES:
            self.problem(
                f"a picture inlined in the SVG of about {size:,} bytes; the most is"
                f" {MAX_INLINE_PICTURE_BYTES:,} (MAX_INLINE_PICTURE_BYTES)",
                "Save the inlined picture smaller (1024 pixels on its longer side is plenty), or"
                " draw that part as shapes, and export the logo again.",
                where,
            )
            return None
        try:
            data = base64.b64decode(payload, validate=True)
            with Image.open(io.BytesIO(data), formats=[PICTURE_FORMATS[kind]]) as picture:
                width, height = picture.size
        except (binascii.Error, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            self.problem(
                f"a picture inlined in the SVG that is not the {kind.upper()} it says it is",
                "Place the picture again in the drawing program (embedded), and export the logo again.",
                where,
            )
            return None
        if max(width, height) > MAX_INLINE_PICTURE_SIDE:
            self.problem(
                f"a picture inlined in the SVG of {width} x {height} pixels; the most is"
                f" {MAX_INLINE_PICTURE_SIDE} on a side (MAX_INLINE_PICTURE_SIDE)",
                "Save the inlined picture smaller (1024 pixels on its longer side is plenty) and"
                " export the logo again.",
                where,
            )
            return None
        return f"data:image/{kind};base64,{base64.b64encode(data).decode('ascii')}"

    def href(self, tag: str, value: str) -> str | None:
        value = value.strip()
        if FRAGMENT.fullmatch(value) and tag in HREF_ELEMENTS:
            return value
        if tag == "image" and value.startswith("data:"):
            return self.inline_picture(value, "an <image>")
        return None

    def attributes(self, tag: str, source: ET.Element) -> dict[str, str]:
        kept = {}
        for name, value in source.attrib.items():
            namespace, local = _local(name)
            if local.lower().startswith("on"):
                continue  # an event handler, whatever its case or namespace
            if local == "href" and namespace in ("", XLINK):
                href = self.href(tag, value)
                if href is not None:
                    kept["href"] = href  # SVG 2's plain href: no xlink namespace in what is published
                continue
            if namespace == XML and local == "space":
                kept[name] = value
                continue
            if namespace or local not in ATTRIBUTES:
                continue
            where = f"the {local} attribute of a <{tag}>"
            if local == "style":
                value = self.style_attribute(value, where)
            elif local in CSS_VALUED:
                css = self.readable_css(value, where)
                value = css.strip() if css is not None and _css_fault(css) is None else ""
            elif "url(" in value.lower() and _css_fault(value) is not None:
                continue  # a url(...) where no CSS is read: not ours to publish
            if value:
                kept[local] = value  # fill="url(https://...)" is not: it would fetch
        return kept

    def costly_filter(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "feMorphology":
            self.problem(
                "a feMorphology filter (thicken or thin), whose drawing time grows with its radius"
                " squared: it can stall the build and the page",
                "Apply the effect to the drawing itself (Inkscape: Path > Object to Path;"
                " Illustrator: Object > Expand Appearance) and export the logo again.",
                "a <feMorphology>",
            )
        limits = {"feTurbulence": ("numOctaves", MAX_TURBULENCE_OCTAVES, "MAX_TURBULENCE_OCTAVES")}
        limits["feConvolveMatrix"] = ("order", MAX_CONVOLVE_ORDER, "MAX_CONVOLVE_ORDER")
        if tag not in limits:
            return
        name, most, cap = limits[tag]
        numbers = [float(n) for n in NUMBER.findall(attributes.get(name, ""))]
        if numbers and max(numbers) > most:
            self.problem(
                f'a <{tag}> with {name}="{attributes[name]}"; the most is {most} ({cap})',
                f"Set the filter's {name} to {most} or less, or apply the effect to a picture (export it as a PNG).",
                f"a <{tag}>",
            )

    # ---- elements --------------------------------------------------------------------------------

    def element(self, source: ET.Element) -> ET.Element | None:
        namespace, tag = _local(source.tag)
        if namespace == SVG and tag == "a":
            tag = "g"  # a link's drawing is kept, the link is not
        if namespace != SVG or tag not in ELEMENTS:
            return None  # and everything inside it
        attributes = self.attributes(tag, source)
        if tag in ("use", "image") and "href" not in attributes:
            return None  # a <use> or <image> of something outside the file draws nothing of ours
        self.costly_filter(tag, attributes)
        element = ET.Element(tag, attributes)  # the SVG namespace is declared once, on the root
        if tag == "style":
            element.text = self.style_element(source.text or "")
            return element
        if tag in ("text", "tspan", "textPath", "title", "desc"):
            element.text = source.text
        for child in source:
            cleaned = self.element(child)
            if cleaned is not None:
                if tag in ("text", "tspan", "textPath"):
                    cleaned.tail = child.tail
                element.append(cleaned)
        return element


# ---- how big the drawing is ----------------------------------------------------------------------


def _file_problems(root: ET.Element) -> list[SvgProblem]:
    """The caps on the file as it is (before cleaning, which walks it): elements, and nesting."""
    count, deepest, pending = 0, 0, [(root, 1)]
    while pending:  # not recursive: a file nested 100,000 deep is refused, not a crash
        element, depth = pending.pop()
        count += 1
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in element)
    problems = []
    if count > MAX_ELEMENTS:
        problems.append(
            SvgProblem(f"the SVG holds {count:,} elements; the most is {MAX_ELEMENTS:,} (MAX_ELEMENTS)", SIMPLER_FIX)
        )
    if deepest > MAX_NESTING:
        problems.append(
            SvgProblem(
                f"the SVG's elements are nested {deepest:,} deep; the most is {MAX_NESTING} (MAX_NESTING)",
                "Ungroup the drawing (Inkscape and Illustrator: Object > Ungroup, until the layers"
                " hold shapes) and export it again.",
            )
        )
    return problems


def _selects(selector: str, element: ET.Element) -> bool:
    """Whether a <style> rule's selector may apply to ``element``, by its last compound
    (``g > path.leaf:hover`` by ``path.leaf``); one the kit does not read applies to every element."""
    last = COMBINATOR.split(selector.strip())[-1]
    compound = SIMPLE_COMPOUND.fullmatch(PSEUDO.sub("", last))
    if compound is None:
        return True
    tag, classes = compound.group(1), compound.group(2).split(".")[1:]
    if tag not in (None, "*") and element.tag != tag:
        return False
    return all(name in element.get("class", "").split() for name in classes)


def _times(element: ET.Element, property_name: str) -> int:
    """How many times what a property of ``element`` refers to is drawn: fill and stroke are
    inherited, once for each element inside; a marker, on every vertex of each."""
    if property_name in MARKERS_ON_EVERY_VERTEX:
        return sum(_vertices(inner) for inner in element.iter())
    if property_name in INHERITED_PAINT:
        return sum(1 for _ in element.iter())
    return 1


def _references(element: ET.Element, rules: list[tuple[list[str], str]]) -> list[tuple[str, int]]:
    """(id, times drawn) for what ``element`` draws besides its children: its href="#id", and each
    url(#id) in its attributes and in the <style> rules that may apply to it."""
    found = []
    if element.get("href", "").startswith("#"):
        found.append((element.get("href")[1:], 1))
    css = [element.get("style", "")]
    css += [declarations for selectors, declarations in rules if any(_selects(s, element) for s in selectors)]
    properties = [(name, value) for name, value in element.attrib.items() if name not in ("style", "href")]
    for declarations in css:
        properties += [
            (name.strip().lower(), value) for name, _, value in (d.partition(":") for d in declarations.split(";"))
        ]
    for name, value in properties:
        targets = LOCAL_URL_TARGET.findall(value)
        if targets:
            times = _times(element, name)
            found.extend((target, times) for target in targets)
    return found


def _drawing_problems(root: ET.Element, rules: list[tuple[list[str], str]]) -> list[SvgProblem]:
    """The caps on the cleaned drawing with every reference followed, as a browser or resvg draws
    it: <use> elements, references inside references, nesting, elements drawn, and a reference
    back to itself."""
    elements = list(root.iter())
    uses = sum(1 for element in elements if element.tag == "use")
    problems = []
    if uses > MAX_USE_ELEMENTS:
        problems.append(
            SvgProblem(
                f"the SVG holds {uses:,} <use> elements; the most is {MAX_USE_ELEMENTS:,} (MAX_USE_ELEMENTS)",
                SIMPLER_FIX,
            )
        )
    ids: dict[str, ET.Element] = {}
    for element in elements:
        if element.get("id"):
            ids.setdefault(element.get("id"), element)  # the first of an id is the one drawn
    references = {element: [(ids[i], n) for i, n in _references(element, rules) if i in ids] for element in elements}
    # Depth-first, not recursive, each element measured once: (elements drawn, nesting, references deep).
    measured: dict[ET.Element, tuple[int, int, int]] = {}
    open_elements: set[ET.Element] = set()
    pending = [(root, False)]
    while pending:
        element, children_done = pending.pop()
        if children_done:
            open_elements.discard(element)
            drawn, nesting, deep = 1, 1, 0
            for child in element:
                child_drawn, child_nesting, child_deep = measured[child]
                drawn, nesting, deep = drawn + child_drawn, max(nesting, child_nesting + 1), max(deep, child_deep)
            for target, times in references[element]:
                target_drawn, target_nesting, target_deep = measured[target]
                drawn += times * target_drawn
                nesting, deep = max(nesting, target_nesting + 1), max(deep, target_deep + 1)
            measured[element] = (drawn, nesting, deep)
            continue
        if element in measured:
            continue
        open_elements.add(element)
        pending.append((element, True))
        for next_element in [*element, *(target for target, _ in references[element])]:
            if next_element in open_elements:
                name = next_element.get("id") or next_element.tag
                return [
                    *problems,
                    SvgProblem(
                        f"the SVG draws #{name} inside itself (a <use> or url(#{name}) within it)",
                        "Remove the reference to the shape from inside the shape, and export the logo again.",
                    ),
                ]
            if next_element not in measured:
                pending.append((next_element, False))
    drawn, nesting, deep = measured[root]
    if deep > MAX_REFERENCE_DEPTH:
        problems.append(
            SvgProblem(
                f"the SVG's references go {deep} deep (a <use> of a <use> of ..., a url(#id) of a shape"
                f" that refers again); the most is {MAX_REFERENCE_DEPTH} (MAX_REFERENCE_DEPTH)",
                SIMPLER_FIX,
            )
        )
    if nesting > MAX_NESTING:
        problems.append(
            SvgProblem(
                f"the SVG's elements are nested {nesting:,} deep once each <use> and url(#id) is"
                f" followed; the most is {MAX_NESTING} (MAX_NESTING)",
                SIMPLER_FIX,
            )
        )
    if drawn > MAX_DRAWN_ELEMENTS:
        problems.append(
            SvgProblem(
                f"the SVG draws {drawn:,} elements once each <use> and url(#id) is followed; the most"
                f" is {MAX_DRAWN_ELEMENTS:,} (MAX_DRAWN_ELEMENTS)",
                SIMPLER_FIX,
            )
        )
    return problems


def clean_svg(data: bytes) -> bytes:
    """The drawing of SVG file ``data`` alone, as UTF-8 bytes; UncleanableSvg, with every problem
    found, if it cannot be parsed safely, is not an SVG or cannot be cleaned."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as refused:
        message = f"it declares XML entities or loads external ones ({type(refused).__name__})"
        raise UncleanableSvg([SvgProblem(message, EXPORT_FIX)]) from None
    except ET.ParseError as error:
        raise UncleanableSvg([SvgProblem(f"it is not well-formed XML ({error})", EXPORT_FIX)]) from None
    if root.tag != f"{{{SVG}}}svg":
        message = f"its root element is {_local(root.tag)[1]!r}, not an SVG <svg> element"
        raise UncleanableSvg([SvgProblem(message, EXPORT_FIX)])
    too_big = _file_problems(root)
    if too_big:
        raise UncleanableSvg(too_big)
    cleaning = _Cleaning()
    cleaned = cleaning.element(root)
    problems = cleaning.problems() + _drawing_problems(cleaned, cleaning.style_rules)
    if problems:
        raise UncleanableSvg(problems)
    cleaned.attrib = {"xmlns": SVG, **cleaned.attrib}
    text = ET.tostring(cleaned, encoding="unicode")
    return (text + "\n").encode("utf-8")
