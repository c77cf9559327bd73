"""One site's pictures and share cards during one build.

A SitePictures lives in the build's context (one per Pelican run, never shared between runs or
branches). Content asks it for pictures as it is read; it takes each from the cache or processes
it, once per build however many pages use it; at the end the generator writes every copy and card.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass

from markupsafe import Markup

from content_schema import ProblemList
from imprints.promoters import site_imprint
from interface_language import translations

from .cache import PictureCache
from .cards import CARD_SIZE, CardText, ImprintDoesNotFit, card_key, draw_card, fit_imprint, theme_colours
from .config import image_settings
from .markup import picture_from_values, picture_html, picture_values, rewrite_html
from .pipeline import process_picture
from .published import PublishedPicture, address
from .references import IMAGE, LINK, TEXT, PictureUse, alt_trouble, is_picture_target, resolve
from .source_files import PictureTrouble, open_picture

CONTEXT_KEY = "RESPONSIVE_IMAGES_SITE"
log = logging.getLogger(__name__)


def site_pictures(context: dict, settings: dict) -> SitePictures:
    """The SitePictures of the build whose context this is, made on first use."""
    found = context.get(CONTEXT_KEY)
    if found is None:
        found = context[CONTEXT_KEY] = SitePictures(settings)
    return found


@dataclass(frozen=True)
class PreparedContent:
    html: str  # the text, with every picture rewritten
    hero: Markup | None  # the front matter's picture, for the top of the page
    share_image: dict | None  # for the Open Graph and Twitter tags
    thumbnail: Markup | None = None  # the same picture, small and lazy, for lists of posts
    thumbnail_values: dict | None = None  # the thumbnail's plain values (markup.picture_values)


class SitePictures:
    def __init__(self, settings: dict):
        self.settings = settings
        self.config = image_settings(settings)
        self.site_root = settings["PATH"]
        self.site_url = settings["SITEURL"]
        self.cache = PictureCache(settings["CACHE_PATH"], self.config)
        self.colours = theme_colours(settings["THEME"], self.config.card_stylesheet, self.config.card_colours)
        self.pictures: dict[str, PublishedPicture] = {}
        self.cards: dict[str, CardText] = {}
        self.counts = {"processed": 0, "reused": 0, "cards_drawn": 0, "cards_reused": 0}
        self.seconds = 0.0

    # ---- pictures ------------------------------------------------------------------
    def _refuse(self, source_path: str, use: PictureUse, trouble: PictureTrouble, line: int = 0) -> None:
        """A problem the checks report before any build; met here only when they were skipped
        (EDITOR_CHECKS_ON_BUILD = False). Logged as an error, so `make html` (--fatal errors) fails;
        the page keeps the <img> or link as written, and the file itself is never published."""
        where = ProblemList(root=self.settings.get("KIT_ROOT") or self.site_root).display_path(source_path)
        line = line or use.line or _line_of(source_path, "image:" if use.kind == IMAGE else use.target)
        log.error("responsive_images: %s:%d: %s. Fix: %s", where, line, trouble.message, trouble.fix)

    def picture(self, use: PictureUse, source_path: str) -> PublishedPicture:
        """The published copies of the picture ``use`` means; PictureTrouble if it cannot be used."""
        found = resolve(use, source_path, self.site_root, self.config.folder)
        published = self.pictures.get(found.relpath)
        if published is not None:
            return published
        started = time.perf_counter()
        digest = self.cache.source_digest(found.path)
        extension = os.path.splitext(found.relpath)[1]
        stored = self.cache.picture(digest)
        if stored is not None and self.cache.is_known_good(digest, extension):
            self.counts["reused"] += 1
        else:
            with open(found.path, "rb") as handle:
                data = handle.read()
            image = open_picture(data, found.relpath, self.config.max_pixels)
            with image:
                stored = self.cache.store_picture(digest, process_picture(image, self.config))
            self.cache.remember_good(digest, extension)
            self.counts["processed"] += 1
        self.seconds += time.perf_counter() - started
        published = self.pictures[found.relpath] = PublishedPicture(found.relpath, stored, self.site_url)
        return published

    def _html(self, published: PublishedPicture, alt: str, eager: bool, title: str | None = None) -> str:
        return picture_html(
            published,
            alt,
            eager=eager,
            sizes=self.config.sizes,
            fallback_width=self.config.fallback_width,
            title=title,
        )

    def thumbnail(self, published: PublishedPicture, alt: str) -> dict:
        """A small copy for a list of posts (picture_values; shown lazy): its `src` the narrowest copy."""
        narrowest = published.stored.variants[0].width
        return picture_values(published, alt, sizes=self.config.thumbnail_sizes, fallback_width=narrowest)

    def standalone(self, use: PictureUse, source_path: str, eager: bool = True) -> Markup | None:
        """A picture named outside a page's text (a branch's `picture:` in branch.yaml), or None
        (with the problem logged) if it cannot be used."""
        try:
            published = self.picture(use, source_path)
        except PictureTrouble as trouble:
            self._refuse(source_path, use, trouble)
            return None
        return Markup(self._html(published, use.alt or "", eager=eager))

    # ---- share cards ---------------------------------------------------------------
    def _card(self, name: str, text: CardText) -> dict:
        save_as = f"{self.config.card_path}/{name}.png"
        self.cards[save_as] = text
        width, height = CARD_SIZE
        alt = f"{text.top}: {text.title}" if text.top else text.title
        if text.when:
            alt = f"{alt}, {text.when}"
        return {
            "url": address(self.site_url, save_as),
            "width": width,
            "height": height,
            "type": "image/png",
            "alt": alt,
        }

    @property
    def _card_footer(self) -> str:
        """The party's name on a branch's cards; the motto on the national site's."""
        settings = self.settings
        return (settings.get("MAIN_SITENAME") if settings.get("BRANCH") else settings.get("SITESUBTITLE")) or ""

    def content_card(self, kind: str, slug: str, title: str, imprint: str, when: str = "") -> dict:
        """news/page/event, its slug, title and imprint sentence (and an event's date and time):
        cards/news-buses-back.png."""
        text = CardText(self.settings["SITENAME"], title, self._card_footer, imprint, when)
        return self._card(f"{kind}-{slug}", text)

    def site_card(self) -> dict:
        """For every page with no card of its own: home, lists, the directory, search; with the site's imprint."""
        imprint = site_imprint(self.settings)
        words = translations(self.settings, self.settings.get("DEFAULT_LANG"))
        text = CardText("", self.settings["SITENAME"], self._card_footer, imprint.sentence(words) if imprint else "")
        return self._card("site", text)

    # ---- a page's text, picture and preview -------------------------------------------
    def prepare(
        self,
        source_path: str,
        text: str,
        *,
        image: PictureUse | None,
        card: tuple[str, str, str, str] | None,
    ) -> PreparedContent:
        """Rewrite the pictures in ``text`` (a page's HTML); make the front matter picture's HTML;
        choose the page's share image (its picture, or a card: ``card`` is kind, slug, title, imprint;
        None when the caller draws its own, as event pages do, and then no share image)."""
        hero, share, thumbnail = None, None, None
        if image is not None:
            missing_words = alt_trouble(image)
            if missing_words:
                self._refuse(source_path, image, missing_words[1], missing_words[0])
            try:
                published = self.picture(image, source_path)
            except PictureTrouble as trouble:
                self._refuse(source_path, image, trouble)
            else:
                hero = Markup(self._html(published, image.alt or "", eager=True))
                share = published.share_image(image.alt)
                thumbnail = self.thumbnail(published, image.alt or "")

        def on_image(attributes: dict, first: bool) -> str | None:
            use = PictureUse(TEXT, attributes.get("src") or "", 0, (attributes.get("alt") or "").strip() or None)
            missing_words = alt_trouble(use)
            if missing_words:
                self._refuse(source_path, use, missing_words[1])
            try:
                published = self.picture(use, source_path)
            except PictureTrouble as trouble:
                self._refuse(source_path, use, trouble)
                return None
            return self._html(published, use.alt or "", eager=first and hero is None, title=attributes.get("title"))

        def on_link(href: str) -> str | None:
            if not is_picture_target(href):
                return None
            use = PictureUse(LINK, href, 0)
            try:
                return address(self.site_url, self.picture(use, source_path).relpath)
            except PictureTrouble as trouble:
                self._refuse(source_path, use, trouble)
                return None

        html = rewrite_html(text, on_image, on_link) if text else text
        if share is None and card is not None:
            share = self.content_card(*card)
        thumbnail_html = Markup(picture_from_values(thumbnail, eager=False)) if thumbnail else None
        return PreparedContent(html, hero, share, thumbnail_html, thumbnail)

    # ---- writing ---------------------------------------------------------------------
    def write(self, output_path: str, write_file) -> None:
        """Write every copy of every picture used and every card, then drop what the cache no longer needs."""
        started = time.perf_counter()
        self._check_imprints_fit()
        for relpath in sorted(self.pictures):
            published = self.pictures[relpath]
            for out, cached in published.files():
                with open(published.stored.file(cached), "rb") as handle:
                    write_file(output_path, out, handle.read())
        for save_as in sorted(self.cards):
            text = self.cards[save_as]
            key = card_key(text, self.colours)
            path = self.cache.card_file(key)
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                self.counts["cards_reused"] += 1
            except FileNotFoundError:
                data = draw_card(text, self.colours)
                self.cache.store_card(key, data)
                self.counts["cards_drawn"] += 1
            write_file(output_path, save_as, data)
        self.cache.prune()
        self.seconds += time.perf_counter() - started

    def _check_imprints_fit(self) -> None:
        """Before any picture or card is written: ImprintDoesNotFit, naming the card, for an imprint
        too long for it (a page's own promoter's; the sites' are checked before the build, card_imprints)."""
        for save_as in sorted(self.cards):
            imprint = self.cards[save_as].imprint
            try:
                if imprint:
                    fit_imprint(imprint)
            except ImprintDoesNotFit as trouble:
                raise ImprintDoesNotFit(f"responsive_images: {save_as}: {trouble.message}") from None


def _line_of(source_path: str, target: str | None) -> int:
    """The line of ``source_path`` that mentions ``target`` (for a problem found while building)."""
    if not target:
        return 0
    try:
        with open(source_path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if target in line or os.path.basename(target) in line:
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0


def image_use(metadata: dict) -> PictureUse | None:
    """The front matter picture of read content (its metadata), with its line for problems."""
    image = metadata.get("image")
    if not image:
        return None
    return PictureUse(
        kind=IMAGE,
        target=image,
        line=0,  # found when there is a problem to report
        alt=metadata.get("image_alt"),
        decorative=bool(metadata.get("image_decorative")),
    )
