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

from .records import NewsItem


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
            thumbnail=str(article.thumbnail_picture) if getattr(article, "thumbnail_picture", None) else None,
        )
        for article in articles[:limit]
    ]


def latest_branch_news(branches: list[dict], results: dict, limit: int, site_url: str) -> list[dict]:
    """The newest ``limit`` posts across every branch, newest first, ties by address.

    A post keeps its thumbnail only when its branch is published under the main site's address
    (``site_url``): the pages allow pictures from their own origin alone (the Content-Security-Policy's
    default-src 'self'), so one at a branch's own domain would not load."""
    same_origin = f"{site_url.rstrip('/')}/"
    items = []
    for branch in branches:
        result = results.get(branch["slug"])
        for item in (result.exports.news if result else [])[:limit]:
            items.append(
                {
                    **asdict(item),
                    "date": dt.datetime.fromisoformat(item.date),
                    # markup the kit made in the branch's build (responsive_images), not an editor's text
                    "thumbnail": Markup(item.thumbnail)
                    if item.thumbnail and f"{branch['url']}/".startswith(same_origin)
                    else None,
                    "branch_name": branch["display_name"],
                    "branch_url": branch["url"],
                }
            )
    items.sort(key=lambda item: (-item["date"].timestamp(), item["url"]))
    return items[:limit]
