"""Which language a template's interface text is in: the one rule, in one place."""

from __future__ import annotations

# What Pelican's and the kit's templates call the one piece of content they show.
CONTENT_NAMES = ("article", "page", "event")


def page_language(context, default: str | None = None) -> str | None:
    """The language of what is being rendered: the context's ``interface_lang`` if a template sets
    it, else the ``lang`` of its ``article``, ``page`` or ``event``, else the site's DEFAULT_LANG
    (from the context, else ``default``: a macro imported without context sees no settings)."""
    chosen = context.get("interface_lang")
    if chosen:
        return str(chosen)
    for name in CONTENT_NAMES:
        content = context.get(name)
        lang = getattr(content, "lang", None) if content is not None else None
        if isinstance(lang, str) and lang:
            return lang
    return context.get("DEFAULT_LANG") or default
