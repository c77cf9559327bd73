"""What a branch hands to the main site: its latest news (more concerns add theirs).

In a branch build, receivers fill in the branch's ``BranchExports`` (records.py,
``settings["BRANCH_EXPORTS"]``); the worker returns it and the build record keeps
it for unchanged branches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from markupsafe import Markup
from pelican.generators import ArticlesGenerator

from absolute_addresses.addresses import is_under
from responsive_images.markup import picture_from_values

from .records import NewsItem, Thumbnail


def export_latest_news(generators) -> None:
    settings = generators[0].settings if generators else {}
    if not settings.get("BRANCH"):
        return
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator)).articles
    limit = settings["BRANCH_NEWS_EXPORTED"]
    site_url = settings["SITEURL"]
    settings["BRANCH_EXPORTS"].news = [
        NewsItem(
            title=str(article.title),  # plain text (front_matter), escaped by the templates
            url=f"{site_url}/{article.url}",
            date=article.date.isoformat(),
            summary=Markup(article.summary).striptags(),
            thumbnail=Thumbnail(**article.thumbnail_values) if getattr(article, "thumbnail_values", None) else None,
        )
        for article in articles[:limit]
    ]


def _thumbnail(thumbnail: Thumbnail | None, branch_url: str, same_origin: str) -> Markup | None:
    """The post's <picture>, made here from its plain values, each escaped (a record may come from a
    CI artifact: no markup in it is trusted), when every address it loads is the branch's own and the
    branch is published under the main site's address (``same_origin``): the pages allow pictures
    from their own origin alone (the Content-Security-Policy's default-src 'self'), so one at a
    branch's own domain would not load."""
    own = f"{branch_url}/"
    if thumbnail is None or not own.startswith(same_origin):
        return None
    if not all(is_under(address, own) for address in thumbnail.addresses()):
        return None
    return Markup(picture_from_values(asdict(thumbnail), eager=False))


def latest_branch_news(branches: list[dict], results: dict, limit: int, site_url: str) -> list[dict]:
    """The newest ``limit`` posts across every branch, newest first, ties by address; a post whose
    address is not the branch's own is left out (a record may come from elsewhere)."""
    same_origin = f"{site_url.rstrip('/')}/"
    items = []
    for branch in branches:
        result = results.get(branch["slug"])
        for item in (result.exports.news if result else [])[:limit]:
            if not is_under(item.url, f"{branch['url']}/"):
                continue
            items.append(
                {
                    **asdict(item),
                    "date": dt.datetime.fromisoformat(item.date),
                    "thumbnail": _thumbnail(item.thumbnail, branch["url"], same_origin),
                    "branch_name": branch["display_name"],
                    "branch_url": branch["url"],
                }
            )
    items.sort(key=lambda item: (-item["date"].timestamp(), item["url"]))
    return items[:limit]
