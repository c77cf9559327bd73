"""The messages block: the theme's JavaScript's words in the page's language, as JSON in the page.

Every string a script shows is ``message("English")`` or ``pluralMessage("one", "many", n)`` in
its source (dom.js reads the block), so catalog_tools extracts it with the rest: the block holds
each catalog entry found in the theme's scripts, translated. A plural entry gives one text per
CLDR plural category of the language, which the script picks with Intl.PluralRules; ``places``
holds the nations' and regions' names the finder shows from its data. English pages get no block:
the scripts hold their English.
"""

from __future__ import annotations

import functools
import json

from babel import Locale
from babel.messages.pofile import read_po
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from .catalogs import DOMAIN, KIT_CATALOGS, formatting_language, translations

SCRIPTS = "theme/static/js/"
TEMPLATE = f"{KIT_CATALOGS}/{DOMAIN}.pot"  # catalog_tools writes it


@functools.lru_cache(maxsize=4)
def script_entries(template: str = TEMPLATE) -> tuple[tuple[str, str | None], ...]:
    """(msgid, plural msgid or None) of every catalog entry found in the theme's scripts."""
    with open(template, "rb") as pot:
        catalog = read_po(pot)
    found = []
    for message in catalog:
        if message.id and any(path.startswith(SCRIPTS) for path, _line in message.locations):
            if isinstance(message.id, (tuple, list)):
                found.append((message.id[0], message.id[1]))
            else:
                found.append((message.id, None))
    return tuple(sorted(found))


def place_names(words) -> dict[str, str]:
    """The nations' and English regions' names (branch_subsites'), which the finder shows from its data."""
    from branch_subsites.branch_config import ENGLISH_REGIONS, NATIONS

    return {name: words.gettext(name) for name in (*NATIONS, *ENGLISH_REGIONS)}


@functools.lru_cache(maxsize=16)
def category_examples(lang: str) -> dict[str, int]:
    """A number of each CLDR plural category of ``lang``: what ngettext is asked for each form."""
    rule = Locale.parse(lang).plural_form
    examples: dict[str, int] = {}
    for n in range(0, 1001):
        examples.setdefault(rule(n), n)
    return examples


def messages_block(settings: dict, lang: str | None) -> Markup:
    """The page's <script type="application/json" id="kit-messages"> (escaped for a script element,
    as Jinja's tojson is), or nothing on an English page."""
    primary = formatting_language(lang)
    if primary == "en":
        return Markup("")
    words = translations(settings, primary)
    messages, plurals = {}, {}
    for singular, plural in script_entries():
        if plural is None:
            messages[singular] = words.gettext(singular)
        else:
            plurals[singular] = {
                category: words.ngettext(singular, plural, n) for category, n in category_examples(primary).items()
            }
    data = {"lang": primary, "messages": messages, "plurals": plurals, "places": place_names(words)}
    text = htmlsafe_json_dumps(data, dumps=functools.partial(json.dumps, sort_keys=True, ensure_ascii=False))
    return Markup('<script type="application/json" id="kit-messages">') + text + Markup("</script>")
