"""An exported post's HTML as the kit's Markdown: Squarespace's block markup taken away, the words,
links and pictures kept, and each thing that cannot come along (players, scripts, forms, galleries)
named for the editor.

Squarespace wraps every paragraph in layout blocks (div.sqs-layout > div.sqs-row > div.sqs-col >
div.sqs-block > div.sqs-block-content) carrying class=, style=, id= and data-* attributes, and
sprinkles empty spans and &nbsp; runs. BeautifulSoup takes the tree apart; markdownify writes the
Markdown. No regular expression ever reads the HTML: only the finished Markdown is tidied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import ATX, BACKSLASH, MarkdownConverter

# Removed with everything inside them: they run code, load another website, or collect data.
CODE_TAGS = ("script", "style", "template", "link", "meta", "base", "svg", "canvas", "math")
EMBED_TAGS = ("iframe", "embed", "object", "video", "audio")
FORM_TAGS = ("form", "input", "button", "select", "textarea")
# What a Squarespace block of these kinds showed, when the export keeps only its shell.
LEFT_OUT_BLOCKS = {
    "form-block": "a form block (the kit has no forms: link to the form's new home instead)",
    "newsletter-block": "a newsletter sign-up block (link to the sign-up page instead)",
    "gallery-block": "a gallery block (its pictures, if the export kept them, are now one after another)",
    "summary-v2-block": "a summary block listing other posts (the kit's own lists do that)",
    "summary-block": "a summary block listing other posts (the kit's own lists do that)",
    "map-block": "a map block (link to the place on a map instead)",
    "calendar-block": "a calendar block (the kit's events pages do that: make new-event or import-calendar)",
    "social-links-block": "a social links block (the kit's footer has the party's channels)",
    "product-block": "a product block (the kit has no shop)",
    "donation-block": "a donation block (link to the donation page instead)",
    "archive-block": "an archive block (the kit's own lists do that)",
    "search-block": "a search block (the kit has its own search)",
}
LINKED_TAGS = {"a": "href", "img": "src"}
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "blockquote", "td", "th")


@dataclass
class ConvertedBody:
    """The Markdown, and what the editor should know about what did not come along."""

    markdown: str
    notes: list[str] = field(default_factory=list)


def video_page(address: str) -> tuple[str, str]:
    """The page a player shows, for a link (not a player) to it: (its name, its address)."""
    parts = urlsplit(address if "//" not in address[:2] else "https:" + address)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    if host in ("youtube.com", "youtube-nocookie.com", "m.youtube.com") and path.startswith("/embed/"):
        video = path.removeprefix("/embed/").split("/")[0]
        if video and video != "videoseries":
            return "YouTube", f"https://www.youtube.com/watch?v={video}"
        playlist = parse_qs(parts.query).get("list", [""])[0]
        if playlist:
            return "YouTube", f"https://www.youtube.com/playlist?list={playlist}"
    if host == "player.vimeo.com" and path.startswith("/video/"):
        return "Vimeo", f"https://vimeo.com/{path.removeprefix('/video/').split('/')[0]}"
    name = host or "another website"
    return name, parts.geturl()


class _Converter(MarkdownConverter):
    """markdownify with the kit's choices: `#` headings, `-` bullets, a backslash for a line break
    (never trailing spaces), and pictures kept even inside links and table cells."""

    def __init__(self):
        super().__init__(
            heading_style=ATX,
            bullets="-",
            newline_style=BACKSLASH,
            strong_em_symbol="*",
            keep_inline_images_in=["a", "td", "th", "li", "p", "figcaption"],
        )


def _is_empty(tag: Tag) -> bool:
    return not tag.get_text().replace("\xa0", " ").strip() and tag.find(["img", "br", "hr"]) is None


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class") or []
    return value.split() if isinstance(value, str) else list(value)


def _strip_attributes(tag: Tag) -> None:
    """Keep only what Markdown can say: a link's address, a picture's address, words and title."""
    keep = {"a": ("href", "title"), "img": ("src", "alt", "title"), "td": ("colspan",), "th": ("colspan",)}
    allowed = keep.get(tag.name, ())
    tag.attrs = {name: value for name, value in tag.attrs.items() if name in allowed}


def _picture_address(img: Tag) -> str:
    """Squarespace's lazy pictures carry their address in data-src or data-image, not always in src."""
    for name in ("src", "data-src", "data-image"):
        value = (img.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return ""


def convert_body(
    html: str,
    *,
    links: Callable[[str], str] | None = None,
    pictures: Callable[[str], str | None] | None = None,
) -> ConvertedBody:
    """``html`` as Markdown. ``links(address)`` gives each link's new address (internal links
    become {filename} links); ``pictures(address)`` gives each picture's new address in the site, or
    None when it could not be brought over (the picture then stays a link to where it was)."""
    soup = BeautifulSoup(html or "", "html.parser")
    notes: list[str] = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()

    for block in soup.find_all(class_=True):
        for name in _classes(block):
            if name in LEFT_OUT_BLOCKS:
                notes.append(f"{LEFT_OUT_BLOCKS[name]} was left out")
                break

    scripts = len(soup.find_all("script"))
    for noscript in soup.find_all("noscript"):
        # Squarespace repeats each lazy picture inside <noscript>: keep the copy only if it is the only one.
        outside = [img for img in noscript.parent.find_all("img") if noscript not in img.parents]
        if outside:
            noscript.decompose()
        else:
            noscript.unwrap()
    for tag in soup.find_all(CODE_TAGS):
        tag.decompose()
    if scripts:
        notes.append(
            f"{scripts} script{'s' if scripts > 1 else ''} (a code block or a tracker) removed: if one showed "
            "something, such as a map or a sign-up form, link to it instead"
        )

    for embed in soup.find_all(EMBED_TAGS):
        address = (embed.get("src") or embed.get("data") or "").strip()
        if not address:
            source = embed.find("source")
            address = (source.get("src") or "").strip() if source else ""
        if address.startswith(("http://", "https://", "//")):
            name, page = video_page(address)
            label = (embed.get("title") or "").strip() or f"Watch on {name}"
            paragraph = soup.new_tag("p")
            link = soup.new_tag("a", href=page)
            link.string = label
            paragraph.append(link)
            embed.replace_with(paragraph)
            notes.append(f"an embedded player ({name}) is now a link: {page}")
        else:
            embed.decompose()
            notes.append(f"an embedded `<{embed.name}>` with no address was removed")

    forms = soup.find_all("form")
    for form in forms:
        form.decompose()
    for control in soup.find_all(FORM_TAGS):
        control.decompose()
    if forms and not any("form block" in note for note in notes):
        notes.append(f"{len(forms)} form{'s' if len(forms) > 1 else ''} removed: pages cannot hold forms; link to one")

    for img in soup.find_all("img"):
        address = _picture_address(img)
        alt = " ".join((img.get("alt") or "").split())
        if not address:
            img.decompose()
            notes.append(f"a picture with no address ({alt or 'no alt text'}) was removed")
            continue
        new = pictures(address) if pictures else address
        if new is None:
            link = soup.new_tag("a", href=address)
            link.string = f"Picture: {alt}" if alt else "Picture"
            img.replace_with(link)
            continue
        img.attrs = {"src": new, "alt": alt}

    for anchor in soup.find_all("a"):
        href = (anchor.get("href") or "").strip()
        if href and links:
            anchor["href"] = links(href)
        elif not href:
            anchor.unwrap()

    for tag in soup.find_all(True):
        if tag.name in ("div", "section", "article", "span", "font", "header", "footer", "main", "center"):
            continue
        _strip_attributes(tag)
    for tag in soup.find_all(["div", "section", "article", "span", "font", "header", "footer", "main", "center"]):
        tag.unwrap()

    for text in soup.find_all(string=True):
        if "\xa0" in text:
            text.replace_with(NavigableString(text.replace("\xa0", " ")))
    for tag in reversed(soup.find_all((*BLOCK_TAGS, "strong", "em", "b", "i", "u", "a", "ul", "ol"))):
        if _is_empty(tag):  # innermost first, so a paragraph of empty spans and &nbsp; goes too
            tag.decompose()
    for br in soup.find_all("br"):
        # A break that ends its paragraph (Squarespace leaves many) would be a stray backslash.
        following = br.next_sibling
        while isinstance(following, NavigableString) and not following.strip():
            following = following.next_sibling
        if following is None:
            br.decompose()

    headings = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    if headings and min(headings) == 1:
        # The page's title is its one `#` heading: the text's headings start at `##`.
        for heading in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
            heading.name = f"h{min(int(heading.name[1]) + 1, 6)}"

    markdown = _Converter().convert_soup(soup)
    return ConvertedBody(tidy(markdown), notes)


def html_to_markdown(html: str) -> str:
    """``html`` as clean Markdown, links and pictures as they were (convert_body also rewrites them)."""
    return convert_body(html).markdown


def tidy(markdown: str) -> str:
    """No trailing spaces, no runs of blank lines, one newline at the end (or nothing at all)."""
    lines = [line.rstrip() for line in markdown.replace("\r\n", "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""
