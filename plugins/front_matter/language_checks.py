"""The languages of a site's pages, posts and events, and their pairs (front_matter.pairs), checked.

- a `lang:` (or a `languages:` section's language) the site does not declare (LANGUAGES, or a
  branch's `languages:` in branch.yaml);
- a `translation_of:` that names no page of the site (the slugs it has are named, closest first);
- two files in the same language in one pair;
- where pairs are required (LANGUAGES_REQUIRE_PAIRS, a branch's `require_pairs:`), a page in a
  language other than English with no English translation.

"Require pairs" means what the Welsh Language Standards ask of a bilingual body read the other way
round: English is the language every reader shares, so nothing is published only in Welsh (or
Gaelic); a page written in English alone needs no Welsh one.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass

from .pairs import declared, is_path, party_languages, primary, same_language

ENGLISH = "en"


@dataclass(frozen=True)
class Languages:
    """One site's languages: its own first."""

    codes: tuple[str, ...]
    require_pairs: bool
    where: str  # where they are set, for the fix
    declared: bool  # set by the site (else its DEFAULT_LANG alone: a page in another is only warned of)

    @property
    def default(self) -> str:
        return self.codes[0]


@dataclass
class Entry:
    """One post, page or event as the checks see it."""

    path: str
    kind: str  # news, page, event
    slug: str
    lang: str  # as written, or the site's own
    lang_line: int
    target: str | None  # what translation_of names, as written
    target_line: int
    key: str = ""  # the pair it belongs to
    sections: tuple[tuple[str, str, int], ...] = ()  # (heading, language, line) of `languages:`


def site_languages(settings: dict, site) -> Languages:
    """The languages of ``site``: the settings', or its branch.yaml's `languages:` and `require_pairs:`."""
    require = bool(settings.get("LANGUAGES_REQUIRE_PAIRS"))
    where = "LANGUAGES in the site's settings"
    explicit = list(settings.get("LANGUAGES") or ()) not in ([], [settings["DEFAULT_LANG"]])
    codes = party_languages(settings)
    if site.slug is not None:
        from branch_subsites.branch_config import branch_language_values  # imports this plugin's modules

        languages, pairs = branch_language_values(site.path, settings)
        if languages:
            codes, where, explicit = tuple(languages), "`languages:` in branch.yaml", True
        else:
            where = "`languages:` in branch.yaml (the branch has none: it takes the party's)"
        if pairs is not None:
            require = pairs
    return Languages(codes, require, where, explicit)


def entry_of(content_file, kind: str, default_lang: str) -> Entry:
    values = content_file.values
    sections = tuple(
        (heading, code, content_file.front.line_of("languages", heading, default=content_file.line_of("languages")))
        for heading, code in (values.get("languages") or {}).items()
    )
    return Entry(
        path=content_file.path,
        kind=kind,
        slug=content_file.slug,
        lang=values.get("lang") or default_lang,
        lang_line=content_file.line_of("lang"),
        target=values.get("translation_of"),
        target_line=content_file.line_of("translation_of"),
        sections=sections,
    )


def _resolve(entry: Entry, by_path: dict[str, Entry], site_path: str) -> str | None:
    """The slug ``entry``'s translation_of names (None: a file that is not one of the site's)."""
    if not entry.target:
        return entry.slug
    if not is_path(entry.target):
        return entry.target
    found = by_path.get(os.path.normpath(os.path.join(site_path, entry.target)))
    return found.slug if found else None


def pair_addresses(entries: list[Entry], default_lang: str) -> dict[int, str]:
    """{id(entry): the address part it claims}: its slug; a translation sharing its original's slug
    takes `<lang>/<slug>`, as the build places it (front_matter.pairs.place_pairs)."""
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        groups.setdefault((entry.kind, entry.key), []).append(entry)
    claims = {}
    for group in groups.values():
        originals = [e for e in group if same_language(e.lang, default_lang)] or group
        for entry in group:
            shares = any(other is not entry and other.slug == entry.slug for other in group)
            translated = entry not in originals and shares
            claims[id(entry)] = f"{entry.lang}/{entry.slug}" if translated else entry.slug
    return claims


def _names(slugs: list[str], wanted: str) -> str:
    close = difflib.get_close_matches(wanted, slugs, n=len(slugs), cutoff=0.0)[:6]
    return ", ".join(f"`{s}`" for s in close)


def check_languages(entries: list[Entry], languages: Languages, site, report) -> None:
    """Every language check of one site's entries (their `key` filled in here), all reported at once."""
    by_path = {os.path.normpath(e.path): e for e in entries}
    what = {"news": "news post", "page": "page", "event": "event"}
    for entry in entries:
        resolved = _resolve(entry, by_path, site.path)
        entry.key = resolved or f"translation_of:{entry.target}"
    # A site that never said its languages (the kit's default, its DEFAULT_LANG alone) is warned, so that
    # a Welsh page written before sites had languages still builds; one that said them is held to them.
    undeclared = report.error if languages.declared else report.warning
    for entry in entries:
        if not declared(entry.lang, languages.codes):
            undeclared(
                entry.path,
                entry.lang_line,
                f"`lang: {entry.lang}`, but {site.label} is written in {', '.join(languages.codes)}",
                f"Write one of {', '.join(f'`{c}`' for c in languages.codes)}, or add `{entry.lang}` to "
                f"{languages.where}.",
            )
        for heading, code, line in entry.sections:
            if not declared(code, languages.codes):
                undeclared(
                    entry.path,
                    line,
                    f"`languages` gives the section `{heading}` the language `{code}`, but {site.label} is "
                    f"written in {', '.join(languages.codes)}",
                    f"Write one of {', '.join(f'`{c}`' for c in languages.codes)}, or add `{code}` to "
                    f"{languages.where}.",
                )
        if entry.target:
            _check_target(entry, entries, by_path, site, what, report)
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries:
        groups.setdefault((entry.kind, entry.key), []).append(entry)
    for (kind, key), group in sorted(groups.items()):
        _check_group(kind, key, group, what, report)
        if languages.require_pairs:
            _check_english_pair(group, what, report)


def _check_target(entry: Entry, entries, by_path, site, what, report) -> None:
    slugs = sorted({e.slug for e in entries if e.kind == entry.kind and e is not entry})
    kind = what[entry.kind]
    if is_path(entry.target):
        found = by_path.get(os.path.normpath(os.path.join(site.path, entry.target)))
        if found is None:
            report.error(
                entry.path,
                entry.target_line,
                f"`translation_of` names the file `{entry.target}`, but {site.label} has no such {kind}",
                "Write the file's place in the site's folder (`pages/about.md`), or the slug of the "
                + (f"{kind} it translates: {_names(slugs, os.path.basename(entry.target))}." if slugs else f"{kind}."),
            )
            return
        target = found
    else:
        matches = [e for e in entries if e.kind == entry.kind and e.slug == entry.target and e is not entry]
        if not matches:
            report.error(
                entry.path,
                entry.target_line,
                f"`translation_of` names `{entry.target}`, but {site.label} has no {kind} with that slug",
                (f"Write the slug of the {kind} it translates: {_names(slugs, entry.target)}." if slugs else
                 f"Add the {kind} it translates first, or take out the `translation_of` line."),
            )  # fmt: skip
            return
        target = matches[0]
    if target.kind != entry.kind:
        report.error(
            entry.path,
            entry.target_line,
            f"`translation_of` names a {what[target.kind]}, but this is a {kind}",
            f"A {kind} translates a {kind}: name one of {_names(slugs, entry.target)}.",
        )
    elif target is entry:
        report.error(entry.path, entry.target_line, "`translation_of` names this file itself",
                     "Name the page this one translates, in the other language.")  # fmt: skip
    elif target.target:
        report.error(
            entry.path,
            entry.target_line,
            f"`translation_of` names `{entry.target}`, which is itself a translation (of `{target.target}`)",
            f"Name the page they both translate: `translation_of: {target.key}`.",
        )


def _check_group(kind: str, key: str, group: list[Entry], what, report) -> None:
    """No two files of one pair in the same language (two with one slug are reported as one address)."""
    by_language: dict[str, list[Entry]] = {}
    for entry in group:
        by_language.setdefault(primary(entry.lang), []).append(entry)
    for lang, same in sorted(by_language.items()):
        if len(same) < 2 or len({e.slug for e in same}) == 1:
            continue
        names = ", ".join(report.display_path(e.path) for e in same)
        for entry in same:
            report.error(
                entry.path,
                entry.target_line if entry.target else entry.lang_line,
                f"{len(same)} {what[kind]}s in `{lang}` claim to be the same {what[kind]} `{key}`: {names}",
                "A pair has one file per language: give this one its own language with `lang:`, or take out "
                "its `translation_of` line if it is a different page.",
            )


def _check_english_pair(group: list[Entry], what, report) -> None:
    if any(primary(e.lang) == ENGLISH for e in group):
        return
    for entry in group:
        report.error(
            entry.path,
            entry.lang_line or 1,
            f"this {what[entry.kind]} is in `{entry.lang}` and has no English translation, which this site "
            "requires (every page in another language is paired with one in English)",
            f"Add an English {what[entry.kind]} with `translation_of: {entry.key}` and `lang: en`.",
        )
