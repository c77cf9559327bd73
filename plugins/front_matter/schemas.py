"""The keys a news post and a page may have. docs/content-format.md documents them."""

from __future__ import annotations

from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from content_schema.fields import (
    SLUG_PATTERN,
    Field,
    FieldError,
    boolean,
    date_or_datetime,
    integer,
    list_of,
    slug,
    text,
)
from imprints.promoter_fields import PROMOTER_FIELD

from .home_content import HEADLINE_LENGTH, LEAD_LENGTH, statements
from .languages import language, section_languages, translation_target


def tag_slug(name: str, settings: dict = DEFAULT_CONFIG) -> str:
    """The address part of a tag's page, made as Pelican makes it (tags/<slug>/)."""
    subs = settings.get("TAG_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return slugify(
        name,
        regex_subs=subs,
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def tag(value) -> str:
    """A topic whose page address fits the slug rule: "!!!" would make tags//, the tags index itself."""
    value = text(max_length=40)(value)
    address = tag_slug(value)
    if not SLUG_PATTERN.match(address):
        raise FieldError(
            f"`{value}` cannot be a tag: its page address would be `tags/{address}/`",
            "Use a word or two with letters or digits, e.g. `transport` or `bus routes`.",
        )
    return value


TITLE = Field("title", text(max_length=150), required=True, doc="the headline", example="Buses back on the 52")
SUMMARY = Field(
    "summary",
    text(max_length=300),
    doc="one or two plain sentences for lists, feeds and link previews",
    example='"Our petition worked: the 52 runs again from Monday."',
)
SLUG = Field("slug", slug, doc="the web address part, if not the file name", example="buses-back")
LANG = Field("lang", language, doc="the page's language, if not English", example="cy")
LANGUAGES = Field(
    "languages",
    section_languages,
    doc="for a bilingual page: each `##` heading and the language of its section",
    example="{Amdanom ni: cy, About us: en-GB}",
)
TRANSLATION_OF = Field(
    "translation_of",
    translation_target,
    doc="for a translation: the slug or the file (`pages/about.md`) of the page it translates",
    example="about",
)
IMAGE = Field("image", text(), doc="a picture from the images/ folder", example="images/petition.jpg")
IMAGE_ALT = Field(
    "image_alt",
    text(max_length=300),
    doc="what the picture shows, for people who cannot see it",
    example="Twelve people holding the petition outside the bus depot",
)
IMAGE_DECORATIVE = Field(
    "image_decorative",
    boolean,
    doc="true for a picture that is only decoration and says nothing (then no image_alt)",
    example="true",
)

NEWS = (
    TITLE,
    Field("date", date_or_datetime, required=True, doc="when it was published", example="2026-10-14 18:30"),
    SUMMARY,
    Field(
        "tags",
        list_of(tag, split_commas=True),
        doc="topics, for the tag pages",
        example="[transport, campaigns]",
    ),
    IMAGE,
    IMAGE_ALT,
    IMAGE_DECORATIVE,
    LANG,
    LANGUAGES,
    TRANSLATION_OF,
    SLUG,
    PROMOTER_FIELD,
)

PAGE = (
    TITLE,
    Field("order", integer(0, 99), doc="position in the menu: 1 comes first", example="2"),
    SUMMARY,
    IMAGE,
    IMAGE_ALT,
    IMAGE_DECORATIVE,
    LANG,
    LANGUAGES,
    TRANSLATION_OF,
    SLUG,
    PROMOTER_FIELD,
)

# The national home page's file (home_content.py): a page the home page shows instead of publishing it.
HOME = (
    Field(
        "headline",
        text(max_length=HEADLINE_LENGTH),
        required=True,
        doc="the hero's headline: what the party is, in a few words",
        example="Politics that grows from the ground up",
    ),
    Field(
        "lead",
        text(max_length=LEAD_LENGTH),
        required=True,
        doc="one or two sentences under the headline",
        example='"Local branches that run themselves, meet in person and get things done."',
    ),
    IMAGE,
    IMAGE_ALT,
    IMAGE_DECORATIVE,
    Field(
        "statements_heading",
        text(max_length=60),
        doc='the heading over the statements, if not "What we stand for"',
        example="Our values",
    ),
    Field(
        "statements",
        statements,
        required=True,
        doc="what we stand for: from 3 to 6 short statements, each with a `text` and a `link`",
        example='\n  - text: Buses that run on time.\n    link: "{filename}/pages/transport.md"',
    ),
    LANG,
)
