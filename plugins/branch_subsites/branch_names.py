"""A branch's name as readers see it: "Sheffield branch", in Welsh "Cangen Bangor" (the catalog's
``%(name)s branch``); a network is called by its own name in every language.

The name is interface text around the branch's own word for itself, so it follows the language of
the page it is on, whatever languages the branch writes in: the party's Welsh directory says
"Cangen Sheffield". What the kit writes as data (branches.json, the export records) keeps the
English form, as ``Branch.display_name`` gives it."""

from __future__ import annotations

from jinja2 import pass_context

from front_matter.language_texts import LanguageTexts, shown_text
from front_matter.pairs import party_languages
from interface_language import ENGLISH, N_, page_language, translations

LOCAL_BRANCH_NAME = N_("%(name)s branch")


def display_name(name: str, kind: str, words=ENGLISH) -> str:
    """A local branch's ``name`` with "branch" in the language of ``words`` (a catalog); a network's
    ``name`` as it is."""
    return words.gettext(LOCAL_BRANCH_NAME) % {"name": name} if kind == "local" else name


def site_names(name: str, kind: str, languages, settings: dict) -> LanguageTexts:
    """A branch's SITENAME: its name in each of its ``languages`` (the party's where it has none), its
    own first, so ``{{ SITENAME }}`` gives the branch's own and ``|in_page_language`` the page's."""
    codes = tuple(languages) or party_languages(settings)
    return LanguageTexts((code, in_language(name, kind, settings, code)) for code in codes)


def in_language(name, kind: str, settings: dict, lang: str | None) -> str:
    """A branch's ``name`` (a text, or a LanguageTexts: its text in ``lang`` where it has one) as a
    page in ``lang`` says it."""
    return display_name(shown_text(name, lang), kind, translations(settings, lang))


@pass_context
def branch_name(context, branch) -> str:
    """``{{ BRANCH|branch_name }}``, ``{{ entry|branch_name }}``: a branch (as templates see it) named
    in the language of the page."""
    return in_language(branch["name"], branch["kind"], context, page_language(context, context.get("DEFAULT_LANG")))


def add_filters(pelican) -> None:
    """``initialized``: the ``branch_name`` filter, in every site's templates."""
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), "branch_name": branch_name}
