"""language_lists: a site's lists in each of its languages.

A site with more than one language (a Welsh branch's `languages: [cy, en]`) has each page, post and
event in each language (front_matter.pairs, events.pairs); this part writes its lists in each
language too. The site's own language keeps the lists it has; every other language of LANGUAGES
gets them again under its tag (`en/`, `en/news/`, `en/news/page/2/`, `en/tags/`, `en/tags/{slug}/`,
`en/events/`, `en/events/past/`, `en/events/2027/01/`, `en/search/`), rendered by the generators'
own code (Pelican's ArticlesGenerator, the events and search generators) with those addresses and
the language as the interface's (`interface_lang`), each pair shown by its version in that
language. A site with one language gets nothing and does no extra work.
"""

from .register import register

__all__ = ["register"]
