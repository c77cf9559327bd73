"""Each post's and page's address, worked out once.

Pelican computes `url` and `save_as` afresh from the URL settings every time a template asks
(os.path.relpath and a format each time), and a branch's tag, archive and list pages ask thousands
of times. Once a generator has finished its context the addresses no longer change, so they are
stored as Pelican's own `override_url` / `override_save_as`, which it then returns as they are.
"""

from __future__ import annotations

ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def _pin(contents) -> None:
    for content in contents:
        if not hasattr(content, "override_url"):
            content.override_url = content.url
        if not hasattr(content, "override_save_as"):
            content.override_save_as = content.save_as


def pin_article_addresses(generator) -> None:
    for name in ARTICLE_LISTS:
        _pin(getattr(generator, name, []))


def pin_page_addresses(generator) -> None:
    for name in PAGE_LISTS:
        _pin(getattr(generator, name, []))
