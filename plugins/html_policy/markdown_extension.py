"""The Python-Markdown extension every site's converter carries (see MARKDOWN in pelicanconf.py)."""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from content_schema.fields import web_address

from .allow_list import clean

# Python-Markdown's tables write style="text-align: left;"; the CSP forbids inline style.
ALIGN_STYLE = re.compile(r'<(th|td)( [^>]*)? style="text-align: (left|right|center);"')


HREF = re.compile(r'href="([^"#]*#[^"]*)"')


def align_classes(html: str) -> str:
    return ALIGN_STYLE.sub(lambda m: f'<{m[1]}{m[2] or ""} class="kit-align-{m[3]}"', html)


def escaped_fragments(html: str) -> str:
    """A second `#` in a link (Matrix rooms: .../#/room/#name:server) is not valid HTML; %23 means the same."""
    return HREF.sub(lambda m: f'href="{web_address(m[1])}"', html)


class PolicyPostprocessor(Postprocessor):
    def __init__(self, md, sanitise: bool):
        super().__init__(md)
        self.sanitise = sanitise

    def run(self, text: str) -> str:
        text = escaped_fragments(align_classes(text))
        return clean(text) if self.sanitise else text


class HtmlPolicyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"sanitise": [False, "clean raw HTML with the allow-list (branch sites)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # after raw HTML is put back (priority 30) and everything else: the last word on the HTML
        md.postprocessors.register(PolicyPostprocessor(md, self.getConfig("sanitise")), "html_policy", 0)


def makeExtension(**kwargs):
    return HtmlPolicyExtension(**kwargs)
