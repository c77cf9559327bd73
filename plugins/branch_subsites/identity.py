"""What a branch may not pass itself off as: the party, its domains, another branch.

The party's name, its domains and its accounts belong to the national site. A branch's name is
compared with the party's and with every other branch's in folded form (content_schema.lookalikes):
case, spacing, punctuation and look-alike letters do not make a name another one.
"""

from __future__ import annotations

import os
import re
import unicodedata

from content_schema.lookalikes import folded
from front_matter.language_texts import every_text

from .official_domains import branch_domain, given_domain, official_domains

# Words by which a name or a label says it speaks for the whole party; in the interface's other
# languages, as its catalogs translate them (national_claims), Welsh ones in each mutated form.
NATIONAL_WORDS = frozenset({"national", "nationally", "official", "officially"})
CLAIM_LANGUAGES = ("cy", "gd")  # the kit's catalogs (interface_language.catalog_tools.LANGUAGES)


def party_names(settings: dict) -> list[str]:
    """The party's name as the national site gives it (SITENAME, AUTHOR), however a branch build set them."""
    names = [settings.get("MAIN_SITENAME") or settings.get("SITENAME")]
    if not settings.get("BRANCH"):  # a branch build's AUTHOR is the branch
        names.append(settings.get("AUTHOR"))
    return [n for n in dict.fromkeys(names) if n]


def _distinctive(name: str) -> str:
    """ "The Meadow Party" -> "meadow": what sets the name apart, folded."""
    words = name.split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].casefold() == "party":
        words = words[:-1]
    return folded(" ".join(words))


def takes_party_name(value: str, settings: dict) -> str | None:
    """The party's name that ``value`` holds or could pass for, if any."""
    text = folded(value)
    for name in party_names(settings):
        whole = folded(name)
        without_the = folded(re.sub(r"^\s*the\s+", "", name, flags=re.IGNORECASE))
        if text and (whole in text or without_the in text or text == _distinctive(name)):
            return name
    return None


def national_claims(settings: dict | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(the NATIONAL_WORDS and their translations, folded; the Welsh translations as site_search folds
    them): each word is looked up as a msgid ("National") in the site's and the kit's catalogs."""
    from interface_language.catalogs import translations
    from site_search.word_folding import folded_pieces

    settings = settings or {}
    languages = dict.fromkeys(
        [*CLAIM_LANGUAGES, *(str(c).split("-")[0].lower() for c in settings.get("LANGUAGES") or ())]
    )
    claims, welsh = {folded(w) for w in NATIONAL_WORDS}, set()
    for lang in languages:
        if lang == "en":
            continue
        words = translations(settings, lang)
        for english in NATIONAL_WORDS:
            for msgid in (english, english.capitalize()):
                translated = words.gettext(msgid)
                if translated and translated != msgid:
                    claims.update(folded(w) for w in re.split(r"[\W_]+", translated) if w)
                    if lang == "cy":
                        welsh.update(folded_pieces(translated))
    return frozenset(claims), frozenset(welsh)


def national_word(value: str, settings: dict | None = None) -> str | None:
    """The word of ``value`` that claims to speak for the party ("national", "official"; "Cenedlaethol",
    and in Welsh its mutated forms, "Genedlaethol", "Nghenedlaethol"), if any."""
    from site_search.welsh import welsh_forms

    claims, welsh = national_claims(settings)
    for word in re.split(r"[\W_]+", unicodedata.normalize("NFKC", value)):
        if word and (folded(word) in claims or (welsh and welsh.intersection(welsh_forms(word)))):
            return word
    return None


def check_branch_domain(slug: str, domain: str, settings: dict) -> tuple[str, str] | None:
    """(message, fix) unless ``domain`` is the one the national team gave this branch
    (BRANCH_GIVEN_DOMAINS): the official-channels page lists a branch's domain among the party's, the
    server configurations serve the branch there and its pages may send readers there, so an editor
    cannot name one for the branch."""
    party = official_domains(settings)
    given = given_domain(settings, slug)
    if domain not in party and branch_domain(settings, slug, domain):
        return None
    ask = (
        f"Ask the national web team for it: once they know the branch runs {domain}, they add "
        f'"{slug}": "{domain}" to BRANCH_GIVEN_DOMAINS in pelicanconf.py. Until then delete the `domain:` line'
    )
    if domain in party:
        return (
            f"`domain` is {domain}, the party's own domain",
            "A branch cannot take the national site's domain. Delete the `domain:` line; the branch "
            f"is published at {domain}/branches/{slug}/.",
        )
    if given:
        return (
            f"`domain` is {domain}, but the national team gave this branch {given}",
            f"Write `domain: {given}`, or ask the national web team to change BRANCH_GIVEN_DOMAINS in pelicanconf.py.",
        )
    under = next((host for host in party if domain.endswith("." + host)), None)
    if under:
        why = f"an address under the party's domain {under} that the national team has not given this branch"
    else:
        why = (
            "which the national team has not given this branch: until it does, the sites would not list it "
            "among the party's, serve the branch there, nor send readers there"
        )
    return f"`domain` is {domain}, {why}", f"{ask}; the branch is published below the national site."


def check_same_names(branches, report, branch_file: str) -> None:
    """Two branches may not share a name, nor names a reader cannot tell apart."""
    owners: dict[str, list] = {}
    for branch in branches:
        for key in {folded(branch.display_name), *(folded(name) for name in every_text(branch.name))}:
            owners.setdefault(key, []).append(branch)
    reported = set()
    for claimed in owners.values():
        if len(claimed) < 2:
            continue
        slugs = tuple(sorted({b.slug for b in claimed}))
        if len(slugs) < 2 or slugs in reported:
            continue
        reported.add(slugs)
        names = " and ".join(f"{b.display_name} (branches/{b.slug})" for b in sorted(claimed, key=lambda b: b.slug))
        for branch in claimed:
            report.error(
                os.path.join(branch.folder, branch_file),
                branch.name_line,
                f"the branch name `{branch.name}` is taken, or looks the same as another: {names}",
                "Each branch needs a name of its own that readers can tell apart; agree a different "
                "`name:` with the other branch (e.g. add the area: Sheffield South).",
            )
