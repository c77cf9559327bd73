"""Addresses of files put into pages escaped where Pelican writes them.

Pelican turns `{static}images/a.pdf` into the file's address and puts it between the quotes of the
href as it is: a file named `">x<img src=x onerror=...>.pdf` would close the attribute and add
markup. The checks refuse such names; this is what makes the page safe whatever the name.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from pelican.contents import Content

# What may not stand as it is in a quoted attribute, or in an address: quotes, angle brackets,
# spaces and control characters.
UNSAFE = re.compile(r"""["'<>`\s\x00-\x1f\x7f]""")
PATH_SAFE = "/:@!$()*+,;=~%"  # an address's own punctuation, and % (already escaped)


def attribute_address(url: str) -> str:
    """``url`` percent-escaped so that it can stand between the quotes of an attribute: its path
    fully (& and the rest of a file name's characters), its query and fragment (already HTML as
    the editor wrote it) only where they hold a quote, an angle bracket or a space."""
    split = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:split], url[split:]
    return quote(path, safe=PATH_SAFE) + UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", rest)


def _escaping(link_replacer):
    def replace(content, siteurl: str, match: re.Match) -> str:
        replaced = link_replacer(content, siteurl, match)
        head = match.group("markup") + match.group("quote")
        address = replaced[len(head) : -len(match.group("quote"))]
        if address == match.group("path"):  # not found: left as written, for the check of the page
            return replaced
        return head + attribute_address(address) + match.group("quote")

    replace.file_policy_escaping = True
    return replace


def escape_file_addresses(pelican) -> None:
    """Once per process: Content objects are made by Pelican's readers, so the method is replaced on
    the class (an attribute on each object would not survive being sent to another process)."""
    if not getattr(Content._link_replacer, "file_policy_escaping", False):
        Content._link_replacer = _escaping(Content._link_replacer)
