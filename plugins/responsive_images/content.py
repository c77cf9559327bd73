"""Every page's pictures, as Pelican reads it: news posts and pages (content_object_init), and
event pages (made by the events plugin; all_generators_finalized)."""

from __future__ import annotations

import os

from markupsafe import Markup
from pelican.contents import Article, Page

# the module, not its class: events.generator imports branch_subsites, which imports this module's package
import events.generator as event_generator
from imprints.promoters import content_imprint
from interface_language import translations

from .references import IMAGE, PictureUse
from .site_pictures import image_use, site_pictures
from .source_files import looks_like_picture

CARD_KINDS = ((Article, "news"), (Page, "page"))


def imprint_sentence(settings: dict, metadata: dict) -> str:
    """The imprint a card of this content carries: its own promoter's, else its site's."""
    imprint = content_imprint(settings, metadata)
    lang = (metadata or {}).get("lang") or settings.get("DEFAULT_LANG")  # the card's page's language
    return imprint.sentence(translations(settings, lang)) if imprint else ""


def prepare_pelican_content(content) -> None:
    """Rewrite a news post's or page's pictures before anything reads its text."""
    kind = next((name for cls, name in CARD_KINDS if isinstance(content, cls)), None)
    if kind is None:
        return
    site = site_pictures(content._context, content.settings)
    # a page not in its site's language has its language in its card's name (cards/page-en-about.png), as an
    # event's translation has: it may share its slug with its pair (front_matter.pairs), whose card is another
    slug = content.slug if getattr(content, "in_default_lang", True) else f"{content.lang}-{content.slug}"
    prepared = site.prepare(
        content.source_path,
        content._content,
        image=image_use(content.metadata),
        # a page published at no address of its own (the home page's file) needs no card of its own
        card=(kind, slug, str(content.title), imprint_sentence(content.settings, content.metadata))
        if content.save_as
        else None,
    )
    content._content = prepared.html
    content.hero_picture = prepared.hero
    content.thumbnail_picture = prepared.thumbnail
    content.thumbnail_values = prepared.thumbnail_values  # for the national site, which makes its own HTML
    content.share_image = prepared.share_image


def prepare_event_pages(generators) -> None:
    """The same for every event page; a repeating event's dates share one description. An event
    with no picture gets a card with its date and time (the events plugin says which dates of a
    repeating event have their own, page.card_when); its other dates share one card without."""
    for generator in generators:
        if not isinstance(generator, event_generator.EventsGenerator):
            continue
        site = site_pictures(generator.context, generator.settings)
        prepared = {}
        for page in [*generator.pages, *generator.translation_pages]:  # a bilingual event's too (events.pairs)
            series = page.occurrence.series
            if series.source_path not in prepared:
                image = None
                if series.image:
                    image = PictureUse(IMAGE, series.image, 0, series.image_alt, series.image_decorative)
                prepared[series.source_path] = (
                    site.prepare(series.source_path, str(page.content), image=image, card=None),
                    # in the event's own language: a translation's card carries the imprint in its language
                    imprint_sentence(generator.settings, {"promoter": series.promoter, "lang": page.language}),
                )
            done, imprint = prepared[series.source_path]
            page.content = Markup(done.html)
            page.hero_picture = done.hero
            page.share_image = done.share_image or site.content_card(
                "event", page.card_name, series.title, imprint, page.card_when or ""
            )


def withhold_picture_files(generator) -> None:
    """Pelican copies every file of STATIC_PATHS as it is; a picture with its metadata must never be
    published, so pictures are taken off the list (the build publishes clean copies of those used)."""
    kept = [
        static
        for static in generator.staticfiles
        if not looks_like_picture(os.path.join(generator.path, static.source_path))
    ]
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept
