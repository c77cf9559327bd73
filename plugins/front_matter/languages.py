"""Language of a page and of its sections: `lang:` and `languages:` in front matter.

`lang: cy` makes the whole page Welsh (<html lang="cy">). For a bilingual page, `languages:` maps
the text of a `##` heading to the language of that section, down to the next `##`:

    languages:
      Amdanom ni: cy
      About us: en-GB

The section is wrapped in <section lang="...">, so screen readers switch voice.
"""

from __future__ import annotations

import html
import re

from babel import localedata

from content_schema.fields import FieldError, text

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
# Scots (sco) is not here: Babel (CLDR) has no data for it, so its dates and plurals could not be written.
KNOWN = {"en": "English", "cy": "Welsh", "gd": "Scottish Gaelic", "ga": "Irish", "kw": "Cornish", "gv": "Manx",
         "pl": "Polish", "ur": "Urdu", "pa": "Punjabi", "bn": "Bengali", "ar": "Arabic"}  # fmt: skip
H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.S)


def language(value) -> str:
    """A BCP 47 language tag: cy, gd, en-GB."""
    value = text(max_length=20)(value)
    if not LANGUAGE_TAG.match(value):
        raise FieldError(
            f"is `{value}`, which is not a language code",
            "Write a code like cy (Welsh), gd (Scottish Gaelic), ga (Irish) or en-GB (English).",
        )
    if not babel_knows(value):
        raise FieldError(
            f"is `{value}`, a language the kit has no dates, times or plural rules for",
            "Write a code like cy (Welsh), gd (Scottish Gaelic), ga (Irish) or en-GB (English); write Scots as en.",
        )
    return value


def babel_knows(code: str) -> bool:
    """Whether Babel has locale data for the language of ``code`` (by its primary subtag: en-GB is en)."""
    primary = code.replace("_", "-").split("-", 1)[0].lower()
    return bool(re.fullmatch(r"[a-z]{2,3}", primary)) and localedata.exists(primary)


def translation_target(value) -> str:
    """What `translation_of:` names: a slug (`about`) or a file of the same site (`pages/about.md`)."""
    value = text(max_length=200)(value).strip()
    if value.startswith("{filename}"):
        value = value[len("{filename}") :]
    value = value.lstrip("/")
    if not value or ".." in value.split("/") or "\\" in value:
        raise FieldError(
            f"is `{value}`, which names no page",
            "Write the slug of the page this one translates (`about`), or its file (`pages/about.md`).",
        )
    return value


def site_languages_problem(value) -> str | None:
    """What is wrong with a LANGUAGES setting, or None."""
    if not value:
        return "it must name at least one language, the site's own first"
    for code in value:
        if not isinstance(code, str) or not re.match(LANGUAGE_TAG.pattern, code, re.I):
            return f"`{code}` is not a language code: write codes like cy, gd or en-GB"
        if not babel_knows(code):
            return (
                f"`{code}` is a language the kit has no dates, times or plural rules for: "
                "write codes like cy, gd or en-GB"
            )
    return None


def section_languages(value) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise FieldError(
            "should list headings and their languages",
            "Write one line per `##` heading, indented: `  Amdanom ni: cy`.",
        )
    return {str(heading).strip(): language(code) for heading, code in value.items()}


NESTING = re.compile(r"<(/?)(blockquote|li|div|table|details|section)\b", re.I)


def _top_level_h2(content: str) -> list[re.Match]:
    """The h2 headings that are not inside a quote, a list or another block."""
    found, depth, position = [], 0, 0
    for match in H2.finditer(content):
        for tag in NESTING.finditer(content, position, match.start()):
            depth += -1 if tag.group(1) else 1
        position = match.end()
        if depth <= 0:
            found.append(match)
    return found


def wrap_sections(content: str, languages: dict[str, str]) -> tuple[str, set[str]]:
    """``content`` with each named top-level h2 section in <section lang>; and the headings not found.

    A section runs from its heading to the next top-level h2 (or the end)."""
    headings = _top_level_h2(content)
    if not headings:
        return content, set(languages)
    starts = [m.start() for m in headings] + [len(content)]
    out = [content[: starts[0]]]
    found = set()
    for index, match in enumerate(headings):
        section = content[starts[index] : starts[index + 1]]
        heading = " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())
        lang = languages.get(heading)
        if lang:
            found.add(heading)
            trailing = len(section) - len(section.rstrip())
            out.append(f'<section lang="{lang}">\n{section.rstrip()}\n</section>' + section[len(section) - trailing :])
        else:
            out.append(section)
    return "".join(out), set(languages) - found


def site_languages_name_its_own(value, settings: dict) -> tuple[str, str] | None:
    """(what is wrong, the fix) when LANGUAGES does not name DEFAULT_LANG (by its first part: en-GB is
    en), the language of every page with no `lang:`; or None. A branch's are right by construction:
    the first of its `languages:` is its DEFAULT_LANG (branch_subsites.branch_settings)."""
    default = str(settings.get("DEFAULT_LANG") or "")
    if not default or any(str(code).split("-")[0].lower() == default.split("-")[0].lower() for code in value):
        return None
    return (
        f"it does not name DEFAULT_LANG, `{default}`, the language of every page with no `lang:`",
        f"Put `{default}` first in LANGUAGES ({[default, *value]!r}), or set DEFAULT_LANG to the site's own language.",
    )
