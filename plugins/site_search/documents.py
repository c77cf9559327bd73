"""What each site's search finds: one SearchDocument per news post, page, event and (main site) branch."""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from markupsafe import Markup

from branch_subsites.branch_names import in_language
from events.wording import event_date
from front_matter.language_texts import shown_text
from interface_language.catalogs import translations

from .search_languages import index_language

WORD = re.compile(r"\S+")
# the sections front_matter.languages wraps for a bilingual page's `languages:`
LANGUAGE_SECTION = re.compile(r'<section lang="([^"]+)">(.*?)</section>', re.S)


@dataclass(frozen=True)
class SearchDocument:
    url: str
    title: str
    kind: str  # news, page, event, branch
    site: str  # the branch's display name, or the site's name
    site_url: str  # the address of that site, which `url` starts with
    date: str  # as readers see it, or ""
    snippet: str  # plain text shown under the title
    # indexed only
    body: str = ""
    tags: str = ""
    place: str = ""
    summary: str = ""
    lang: str = ""  # its language tag; "" is the site's DEFAULT_LANG
    # a page and its translation share ``pair`` (front_matter.pairs, events.pairs); a section of a bilingual
    # page in another language than the page's is a ``section``: each index lists a pair once (once_per_index)
    pair: str = ""
    section: bool = False


def plain_text(markup) -> str:
    """Text of an HTML fragment, entities decoded, white space collapsed."""
    return " ".join(html.unescape(Markup(str(markup or "")).striptags()).split())


def first_words(text: str, count: int) -> str:
    words = WORD.findall(text)
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _date(value: dt.datetime | dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def language_parts(content, lang: str) -> list[tuple[str, str]]:
    """[(language, plain text), ...] of a text: its sections in another language (a bilingual page's
    `languages:`) each apart, the rest in ``lang``, the page's language; in order of first appearance."""
    content = str(content or "")
    parts: dict[str, list[str]] = {lang: []}
    position = 0
    for match in LANGUAGE_SECTION.finditer(content):
        parts[lang].append(content[position : match.start()])
        parts.setdefault(match.group(1), []).append(match.group(2))
        position = match.end()
    parts[lang].append(content[position:])
    texts = [(language, plain_text(" ".join(html))) for language, html in parts.items()]
    return [(language, text) for number, (language, text) in enumerate(texts) if text or number == 0]


def _content_lang(content, settings: dict) -> str:
    lang = getattr(content, "lang", None) or settings["DEFAULT_LANG"]
    return "" if lang == settings["DEFAULT_LANG"] else lang


def _pair(kind: str, content) -> str:
    """What a post or page shares with its translations (front_matter.pairs' translation_key)."""
    return f"{kind}:{getattr(content, 'translation_key', None) or content.slug}"


def once_per_index(documents: list[SearchDocument], default_lang: str) -> list[SearchDocument]:
    """``documents`` without a second one of a pair in the same index: in each index, the page in that
    language stands for its pair, before a section in that language of its translation's page, and the
    first listed (the original) before a translation whose language has no index of its own."""
    first: dict[tuple[str, str], tuple[bool, int]] = {}
    for position, document in enumerate(documents):
        if document.pair:
            key = (index_language(document.lang, default_lang), document.pair)
            first[key] = min(first.get(key, (True, len(documents))), (document.section, position))
    kept = {position for _, position in first.values()}
    return [d for position, d in enumerate(documents) if not d.pair or position in kept]


def article_documents(article, site: str, settings: dict) -> list[SearchDocument]:
    """A news post; a bilingual one once per language, each with its language's text."""
    lang = _content_lang(article, settings)
    parts = language_parts(article.content, lang)
    # Pelican's summary of a bilingual post (none given) runs on into its other languages: not indexed
    given = len(parts) == 1 or article.metadata.get("summary")
    summary = plain_text(getattr(article, "summary", "")) if given else ""
    documents = []
    for number, (part_lang, body) in enumerate(parts):
        own = number == 0  # the summary and tags are in the post's own language
        documents.append(
            SearchDocument(
                url=f"{settings['SITEURL']}/{article.url}",
                site_url=settings["SITEURL"],
                title=str(article.title),  # plain text (front_matter)
                kind="news",
                site=site,
                date=_date(article.date),
                snippet=first_words((summary if own else "") or body, settings["SEARCH_SNIPPET_WORDS"]),
                summary=summary if own else "",
                body=first_words(body, settings["SEARCH_BODY_WORDS"]),
                tags=" ".join(str(t) for t in getattr(article, "tags", [])) if own else "",
                lang="" if part_lang == settings["DEFAULT_LANG"] else part_lang,
                pair=_pair("news", article),
                section=not own,
            )
        )
    return documents


def page_documents(page, site: str, settings: dict) -> list[SearchDocument]:
    """A page; a bilingual one once per language, each with its language's text."""
    lang = _content_lang(page, settings)
    summary = plain_text(getattr(page, "summary", "")) if page.metadata.get("summary") else ""
    documents = []
    for number, (part_lang, body) in enumerate(language_parts(page.content, lang)):
        own = number == 0
        documents.append(
            SearchDocument(
                url=f"{settings['SITEURL']}/{page.url}",
                site_url=settings["SITEURL"],
                title=str(page.title),
                kind="page",
                site=site,
                date="",
                snippet=first_words((summary if own else "") or body, settings["SEARCH_SNIPPET_WORDS"]),
                summary=summary if own else "",
                body=first_words(body, settings["SEARCH_BODY_WORDS"]),
                lang="" if part_lang == settings["DEFAULT_LANG"] else part_lang,
                pair=_pair("page", page),
                section=not own,
            )
        )
    return documents


def event_documents(event_pages, site: str, settings: dict) -> list[SearchDocument]:
    """The next upcoming date of each event (a repeating event is found once, at its next date), in its
    language; an event and its translation (events.pairs) share their calendar file, and so their pair."""
    seen, documents = set(), []
    for page in event_pages:
        series = page.occurrence.series
        if series.slug in seen:
            continue
        seen.add(series.slug)
        body = plain_text(page.content)
        place = "Address on request" if series.address_on_request else (series.location or "")
        if series.online:
            place = f"{place} online".strip()
        documents.append(
            SearchDocument(
                url=f"{settings['SITEURL']}/{page.url}",
                site_url=settings["SITEURL"],
                title=series.title,
                kind="event",
                site=site,
                date=page.short_when,
                snippet=first_words(" · ".join(p for p in (place, body) if p), settings["SEARCH_SNIPPET_WORDS"]),
                body=first_words(body, settings["SEARCH_BODY_WORDS"]),
                tags=" ".join(series.tags),
                place=" ".join(p for p in (place, series.postcode or "") if p),
                lang=_content_lang(series, settings),
                pair=f"event:{page.ics_url}",
            )
        )
    return documents


def branch_document(entry: dict, settings: dict, lang: str) -> SearchDocument:
    """A branch's directory entry in the main site's index for ``lang``: found by its name, districts,
    region and nation, shown with its description and meeting in that language where the branch
    wrote them in it (else in its own) and "Meets:" in the index's.

    Its description is shown but not indexed: it is the branch's own words, searched on its own site,
    and indexing 650 of them would cost more than the rest of the national index."""
    where = ", ".join(p for p in (entry.get("region"), entry.get("nation")) if p)
    areas = " ".join(entry["areas"])
    name = in_language(entry["name"], entry["kind"], settings, lang)
    description, meets = (shown_text(entry.get(key), lang) or "" for key in ("description", "meets"))
    facts = [description, f"{translations(settings, lang).gettext('Meets:')} {meets}" if meets else ""]
    return SearchDocument(
        url=f"{entry['url']}/",
        site_url=entry["url"],
        title=name,
        kind="branch",
        site=name,
        date="",
        snippet=first_words(" ".join(f for f in facts if f) or where, settings["SEARCH_SNIPPET_WORDS"]),
        place=" ".join(p for p in (entry["name"], areas, where) if p),
    )


def country_event_documents(records: list[dict], settings: dict) -> list[SearchDocument]:
    """Each branch's next SEARCH_EVENTS_PER_BRANCH events, for the main site: title, place, branch and
    date (the description stays in the branch's own search). A repeating event counts once.

    At most that many per branch, so the national index grows by a fixed amount per branch whatever
    the branches put in their calendars; ``records`` come sorted by start."""
    seen, per_site, documents = set(), {}, []
    limit = settings["SEARCH_EVENTS_PER_BRANCH"]
    for record in records:
        if record["site_name"] == "National":
            continue  # the main site's own events are indexed in full
        key = (record["site_url"], record["title"])
        if key in seen or per_site.get(record["site_url"], 0) >= limit or record["status"] == "cancelled":
            continue
        seen.add(key)
        per_site[record["site_url"]] = per_site.get(record["site_url"], 0) + 1
        starts = dt.datetime.fromisoformat(record["starts_at"])
        when = event_date(starts, record["timezone"], record["all_day"], with_year=True)
        place = record["place"] + (" online" if record["online"] else "")
        documents.append(
            SearchDocument(
                url=record["url"],
                site_url=record["site_url"],
                title=record["title"],
                kind="event",
                site=record["site_name"],
                date=when,
                snippet=place.strip(),
                place=f"{place} {record['site_name']}".strip(),
            )
        )
    return documents
