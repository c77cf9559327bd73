"""What cleaning took out of a piece of HTML: tags, attributes and addresses, with a reason for editors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "xlink:href", "data", "poster"}
EMBEDS = {"iframe", "embed", "object", "frame", "frameset", "applet", "video", "audio", "source", "track"}
FORMS = {"form", "input", "button", "select", "textarea", "option", "label", "fieldset"}
CODE = {"script", "style", "noscript", "template", "base", "meta", "link"}
GRAPHICS = {"svg", "math", "canvas"}


@dataclass(frozen=True)
class Removal:
    needle: str  # what to look for in the source to find the line
    message: str
    fix: str


class _Collector(HTMLParser):
    """Counts tags and attributes; what is inside <svg> or <math> counts as part of it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attributes: Counter = Counter()
        self.inside_graphics = 0

    def handle_starttag(self, tag, attrs):
        if self.inside_graphics:
            self.inside_graphics += tag in GRAPHICS
            return
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name, (value or "").strip())] += 1
        self.inside_graphics += tag in GRAPHICS

    def handle_startendtag(self, tag, attrs):
        if not self.inside_graphics:
            self.tags[tag] += 1
            for name, value in attrs:
                self.attributes[(tag, name, (value or "").strip())] += 1

    def handle_endtag(self, tag):
        if tag in GRAPHICS and self.inside_graphics:
            self.inside_graphics -= 1


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def _tag_removal(tag: str) -> Removal:
    if tag in CODE:
        return Removal(f"<{tag}", f"`<{tag}>` was removed: branch pages cannot carry scripts or styles", "Delete it.")
    if tag in EMBEDS:
        return Removal(
            f"<{tag}",
            f"`<{tag}>` was removed: embedded players load another website into ours",
            "Link to the video or page instead, with a sentence saying what it is.",
        )
    if tag in FORMS:
        return Removal(f"<{tag}", f"`<{tag}>` was removed: pages cannot hold forms", "Link to the form instead.")
    if tag in GRAPHICS:
        return Removal(
            f"<{tag}",
            f"`<{tag}>` was removed: drawings in the text can carry scripts",
            "Save the picture as PNG or JPEG in images/ and use ![what it shows](images/name.png).",
        )
    return Removal(
        f"<{tag}",
        f"`<{tag}>` was removed (its text is kept): it is not one the kit allows in branch pages",
        "Use Markdown for formatting: **bold**, _italic_, ## headings, - lists.",
    )


def _attribute_removal(tag: str, name: str, value: str) -> Removal:
    if name.startswith("on"):
        return Removal(
            f"{name}=", f"`{name}` on `<{tag}>` was removed: it would run code in readers' browsers", "Delete it."
        )
    if name == "style":
        return Removal(
            "style=",
            f"`style` on `<{tag}>` was removed: the site's look comes from its stylesheet",
            "Delete it; use Markdown for emphasis.",
        )
    if name in URL_ATTRIBUTES:
        scheme = value.split(":", 1)[0].lower().strip() if ":" in value else ""
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Removal(
            value[:20] or f"{name}=",
            f"the address `{shown}` on `<{tag}>` was removed: only https, http, mailto and tel links work here"
            + (
                " (javascript: and data: addresses can run code)"
                if scheme in ("javascript", "data", "vbscript")
                else ""
            ),
            "Link to a normal web address, starting with https://.",
        )
    return Removal(
        f"{name}=",
        f"`{name}` on `<{tag}>` was removed: it is not one the kit allows in branch pages",
        "Delete it.",
    )


def removals(before: str, after: str) -> list[Removal]:
    """What is in ``before`` and not in ``after``, each once, in a stable order."""
    old, new = _collect(before), _collect(after)
    found = []
    for tag in sorted(old.tags - new.tags):
        found.append(_tag_removal(tag))
    gone_tags = set(old.tags - new.tags)
    for tag, name, value in sorted(old.attributes - new.attributes):
        if tag in gone_tags:
            continue  # reported with its tag
        found.append(_attribute_removal(tag, name, value))
    return found
