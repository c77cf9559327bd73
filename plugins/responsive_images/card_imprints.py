"""Whether each site's imprint fits its share cards, checked with every other problem before a
build (a check_site receiver): the party's at its settings line, a branch's at the `promoter` line
of its branch.yaml, in every language its cards are drawn in (a card is in its page's language: the
site's LANGUAGES, a branch's `languages:`). A page's, post's or event's own promoter is met when
its card is drawn, which then stops the build naming the card (cards.ImprintDoesNotFit)."""

from __future__ import annotations

import os

from branch_subsites.branch_config import BRANCH_FILE, load_branches
from content_schema import ProblemList
from front_matter.pairs import party_languages
from imprints.promoters import more_specific, national_imprint
from interface_language.catalogs import primary_language, translations
from kit_settings.declared_settings import settings_files, where_set

from .cards import IMPRINT_FIT_FIX, ImprintDoesNotFit, fit_imprint


def _line_of_key(path: str, key: str) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            return next((n for n, line in enumerate(handle, 1) if line.startswith(f"{key}:")), 0)
    except (OSError, UnicodeDecodeError):
        return 0


def _languages(codes) -> tuple[str, ...]:
    """The primary subtags of ``codes``, each once, in order; English alone for none."""
    found = dict.fromkeys(primary_language(code) for code in codes or ())
    return tuple(found) or ("en",)


def check_card_imprints(settings, sites, report) -> None:
    national = national_imprint(settings)
    if national is None:
        return  # imprints reports the missing setting
    site_languages = _languages(party_languages(settings))
    national_languages = list(site_languages)
    found = []
    # branch.yaml's own problems are reported by branch_subsites' check: not twice
    for branch in load_branches(settings, ProblemList(root=report.root)):
        languages = _languages(branch.languages) if branch.languages else site_languages
        if branch.promoter is not None:
            path = os.path.join(branch.folder, BRANCH_FILE)
            found.append((more_specific(branch.promoter, national), path, _line_of_key(path, "promoter"), languages))
        else:  # its cards carry the party's imprint, in its languages
            national_languages += [lang for lang in languages if lang not in national_languages]
    found.insert(0, (national, *where_set("IMPRINT_PROMOTER_ADDRESS", settings_files(settings)), national_languages))
    for imprint, path, line, languages in found:
        reported = set()
        for lang in languages:
            sentence = imprint.sentence(None if lang == "en" else translations(settings, lang))
            if sentence in reported:
                continue
            try:
                fit_imprint(sentence)
            except ImprintDoesNotFit as trouble:
                reported.add(sentence)
                message = trouble.message if lang == "en" else f"in `{lang}`, {trouble.message}"
                report.error(path, line, message, IMPRINT_FIT_FIX)
