"""A party's SVG logo made inert before it is published: only drawing is kept.

The file is parsed with defusedxml (no entity declarations, no external entities or DTDs: a
DOCTYPE that declares entities is refused, not expanded) and written out again from an
allow-list: the SVG elements that draw, and their geometry and presentation attributes. Whatever
else the file holds is left out: script, foreignObject, elements of other namespaces (an
editor's own, Inkscape's or Illustrator's), event handlers (``on*``), links, references to
anything outside the file (``href`` other than ``#id``, or a raster picture inlined as a
``data:`` PNG, JPEG, GIF or WebP; ``url(...)`` other than ``url(#id)``), and comments.

A ``<style>`` element cannot be taken apart safely; one with nothing but plain rules (no ``@``
rule, no ``url(...)`` other than ``url(#id)``, no escapes) is kept as it is, any other makes
the logo one the kit cannot clean (UncleanableSvg): the party exports it again with
presentation attributes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"


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
# Geometry, coordinate systems, text layout, gradients, filters and the presentation attributes.
ATTRIBUTES = _names(
    """id class viewBox preserveAspectRatio width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr
    d points transform pathLength dx dy rotate textLength lengthAdjust startOffset method spacing
    side gradientUnits gradientTransform spreadMethod offset patternUnits patternContentUnits
    patternTransform clipPathUnits maskUnits maskContentUnits markerUnits markerWidth markerHeight
    refX refY orient filterUnits primitiveUnits in in2 result mode type values operator k1 k2 k3 k4
    stdDeviation edgeMode scale xChannelSelector yChannelSelector radius baseFrequency
    numOctaves seed stitchTiles order kernelMatrix divisor bias targetX targetY preserveAlpha
    surfaceScale diffuseConstant specularConstant specularExponent kernelUnitLength azimuth
    elevation pointsAtX pointsAtY pointsAtZ limitingConeAngle z tableValues slope intercept
    amplitude exponent version style
    fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin
    stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color clip-path clip-rule mask
    filter marker-start marker-mid marker-end display visibility overflow stop-color stop-opacity
    flood-color flood-opacity lighting-color color-interpolation color-interpolation-filters
    paint-order vector-effect shape-rendering image-rendering text-rendering mix-blend-mode
    isolation font-family font-size font-style font-variant font-weight font-stretch
    letter-spacing word-spacing text-anchor text-decoration dominant-baseline alignment-baseline
    baseline-shift writing-mode direction unicode-bidi"""
)
HREF_ELEMENTS = {"use", "image", "textPath", "linearGradient", "radialGradient", "pattern", "filter"}
# A raster picture inside the file (Illustrator inlines them so); never an SVG (it could script).
INLINE_PICTURE = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+")
URL = re.compile(r"url\(\s*([^)]*?)\s*\)", re.I)
# In a <style> element or a style attribute: what could fetch, import or hide a fetch (an @ rule,
# an escape, image-set("...") and src("...") with an address in quotes, any //host).
UNSAFE_CSS = re.compile(r"@|\\|//|image-set|src\(|expression|javascript:|behaviou?r|-moz-binding|<", re.I)


class UncleanableSvg(ValueError):
    """A file the kit cannot publish as a clean SVG; the message says why."""


def _local(name: str) -> tuple[str, str]:
    """'{namespace}name' -> (namespace, name)."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _only_fragments(text: str) -> bool:
    """Every url(...) in ``text`` points inside the file (url(#id))."""
    return all(found.strip("'\"").startswith("#") for found in URL.findall(text))


def _safe_css(text: str) -> bool:
    return not UNSAFE_CSS.search(text) and _only_fragments(text)


def _clean_style_attribute(value: str) -> str:
    """The declarations of a style attribute that are presentation properties with safe values."""
    kept = []
    for declaration in value.split(";"):
        name, colon, rest = declaration.partition(":")
        name, rest = name.strip().lower(), rest.strip()
        if colon and name in ATTRIBUTES and name != "style" and rest and _safe_css(rest):
            kept.append(f"{name}:{rest}")
    return ";".join(kept)


def _clean_href(tag: str, value: str) -> str | None:
    value = value.strip()
    if value.startswith("#") and tag in HREF_ELEMENTS:
        return value
    if tag == "image" and INLINE_PICTURE.fullmatch(value):
        return value
    return None


def _clean_attributes(tag: str, source: ET.Element) -> dict[str, str]:
    kept = {}
    for name, value in source.attrib.items():
        namespace, local = _local(name)
        if local.lower().startswith("on"):
            continue  # an event handler, whatever its case or namespace
        if local == "href" and namespace in ("", XLINK):
            href = _clean_href(tag, value)
            if href is not None:
                kept["href"] = href  # SVG 2's plain href: no xlink namespace in what is published
            continue
        if namespace == XML and local == "space":
            kept[name] = value
            continue
        if namespace or local not in ATTRIBUTES:
            continue
        if local == "style":
            value = _clean_style_attribute(value)
            if not value:
                continue
        elif "url(" in value.lower() and not _only_fragments(value):
            continue  # fill="url(https://...)": a fetch
        kept[local] = value
    return kept


def _clean_element(source: ET.Element) -> ET.Element | None:
    namespace, tag = _local(source.tag)
    if namespace == SVG and tag == "a":
        tag = "g"  # a link's drawing is kept, the link is not
    if namespace != SVG or tag not in ELEMENTS:
        return None  # and everything inside it
    attributes = _clean_attributes(tag, source)
    if tag in ("use", "image") and "href" not in attributes:
        return None  # a <use> or <image> of something outside the file draws nothing of ours
    element = ET.Element(tag, attributes)  # the SVG namespace is declared once, on the root
    if tag == "style":
        text = source.text or ""
        if not _safe_css(text):
            raise UncleanableSvg(
                "its <style> element holds an @ rule, an escape or a url(...) outside the file,"
                " which the kit cannot clean"
            )
        element.text = text
        return element
    if tag in ("text", "tspan", "textPath", "title", "desc"):
        element.text = source.text
    for child in source:
        cleaned = _clean_element(child)
        if cleaned is not None:
            if tag in ("text", "tspan", "textPath"):
                cleaned.tail = child.tail
            element.append(cleaned)
    return element


def clean_svg(data: bytes) -> bytes:
    """The drawing of SVG file ``data`` alone, as UTF-8 bytes; UncleanableSvg if it cannot be
    parsed safely or is not an SVG."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as refused:
        raise UncleanableSvg(f"it declares XML entities or loads external ones ({type(refused).__name__})") from None
    except ET.ParseError as error:
        raise UncleanableSvg(f"it is not well-formed XML ({error})") from None
    if root.tag != f"{{{SVG}}}svg":
        raise UncleanableSvg(f"its root element is {_local(root.tag)[1]!r}, not an SVG <svg> element")
    cleaned = _clean_element(root)
    cleaned.attrib = {"xmlns": SVG, **cleaned.attrib}
    text = ET.tostring(cleaned, encoding="unicode")
    return (text + "\n").encode("utf-8")
