"""Connect interface_language: gettext in every template environment, and the date filters."""

from __future__ import annotations

import datetime as dt

from jinja2 import pass_context
from pelican import signals

from .catalogs import forget_found, translations
from .local_dates import clock, date_words
from .page_language import page_language
from .script_messages import messages_block

I18N_EXTENSION = "jinja2.ext.i18n"
WEEK = [dt.date(2024, 1, day) for day in range(1, 8)]  # a week from Monday: 1 January 2024 was one


def template_translations(settings: dict, context):
    """The translations a template function of a plugin uses: the language of what the template
    renders (page_language), for functions decorated with jinja2.pass_context."""
    return translations(settings, page_language(context, settings.get("DEFAULT_LANG")))


def install_gettext(env, settings: dict) -> None:
    """Newstyle gettext callables in ``env``: each call takes the language of what is being rendered
    (page_language), so one environment renders English and Welsh pages alike. Newstyle gettext
    formats ``%(name)s`` itself and escapes the values under autoescape."""
    if I18N_EXTENSION not in env.extensions:
        env.add_extension(I18N_EXTENSION)
    env.policies["ext.i18n.trimmed"] = True  # {% trans %} blocks' whitespace as one space, as extracted
    default = settings.get("DEFAULT_LANG")
    by_language = {}  # one build's catalogs (forget_found reads them afresh for the next)

    def words(context):
        lang = page_language(context, default)
        found = by_language.get(lang)
        if found is None:
            found = by_language[lang] = translations(settings, lang)
        return found

    @pass_context
    def gettext(context, message: str) -> str:
        return words(context).gettext(message)

    @pass_context
    def ngettext(context, singular: str, plural: str, n: int) -> str:
        return words(context).ngettext(singular, plural, n)

    @pass_context
    def pgettext(context, where: str, message: str) -> str:
        return words(context).pgettext(where, message)

    @pass_context
    def npgettext(context, where: str, singular: str, plural: str, n: int) -> str:
        return words(context).npgettext(where, singular, plural, n)

    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext)

    @pass_context
    def local_date(context, when, style: str = "day_month_year") -> str:
        """``{{ article.date|local_date("day_month_year") }}``: a date in the page's language."""
        return date_words(when, style, page_language(context, default))

    @pass_context
    def local_clock(context, when) -> str:
        return clock(when, page_language(context, default))

    @pass_context
    def week_days(context) -> list[tuple[str, str]]:
        """Monday to Sunday, each (short, full) in the page's language: a month grid's heads."""
        lang = page_language(context, default)
        return [(date_words(day, "short_weekday", lang), date_words(day, "weekday", lang)) for day in WEEK]

    @pass_context
    def kit_messages(context):
        """The page's messages block for its scripts (script_messages)."""
        return messages_block(settings, page_language(context, default))

    env.globals["kit_messages"] = kit_messages

    @pass_context
    def translated(context, text) -> str:
        """``{{ event.status_label|translated }}``: a word the kit made (marked with N_ where it is
        defined: a status, a channel's kind, a nation) in the page's language, as text (escaped
        like any value); anything the catalog has not, a name say, stays as it is."""
        if not isinstance(text, str) or not text:
            return text
        return words(context).gettext(text)

    env.filters["translated"] = translated
    env.filters["local_date"] = local_date
    env.globals["week_days"] = week_days
    env.filters["local_clock"] = local_clock
    env.globals["page_language"] = pass_context(lambda context: page_language(context, default))


def add_gettext(generator) -> None:
    install_gettext(generator.env, generator.settings)


def register():
    signals.initialized.connect(forget_found)  # each build reads the catalogs afresh
    signals.generator_init.connect(add_gettext)
