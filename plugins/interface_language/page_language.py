"""Which language a template's interface text is in: the one rule, in one place."""

from __future__ import annotations

import contextlib

# What Pelican's and the kit's templates call the one piece of content they show.
CONTENT_NAMES = ("article", "page", "event")
# Every name the rule reads: a template that sets one of them ({% set %}) is read afresh each time.
NAMES_READ = ("interface_lang", *CONTENT_NAMES, "DEFAULT_LANG")
# Where a render's answer is kept on its jinja2 Context (a plain object): a page's forty-odd
# gettext calls look the language up once.
_KEPT = "_interface_language_kept"


def page_language(context, default: str | None = None) -> str | None:
    """The language of what is being rendered: the context's ``interface_lang`` if a template sets
    it, else the ``lang`` of its ``article``, ``page`` or ``event``, else the site's DEFAULT_LANG
    (from the context, else ``default``: a macro imported without context sees no settings).

    The values a render is given (its context's parent) do not change while it runs, so the answer
    from them is kept on the context; one a template assigns (its vars) is looked up every time."""
    assigned = getattr(context, "vars", None)
    if assigned and any(name in assigned for name in NAMES_READ):
        return _language(context.get, default)
    kept = getattr(context, _KEPT, None)
    if kept is None or kept[0] != default:
        kept = (default, _language(context.get, default))
        with contextlib.suppress(AttributeError):  # a mapping standing in for a context (a plugin's own call)
            setattr(context, _KEPT, kept)
    return kept[1]


def _language(lookup, default: str | None) -> str | None:
    chosen = lookup("interface_lang")
    if chosen:
        return str(chosen)
    for name in CONTENT_NAMES:
        content = lookup(name)
        lang = getattr(content, "lang", None) if content is not None else None
        if isinstance(lang, str) and lang:
            return lang
    return lookup("DEFAULT_LANG") or default
