"""interface_language: the language of the interface text, everything around a page's own words.

Every string the theme and the kit's plugins show readers goes through gettext: Jinja's i18n
extension in the templates (``{{ _("Find a branch") }}``, ``{% trans %}``), ``translations()`` in
Python, and the messages block JavaScript reads. Catalogs are Babel ``.po`` files under the
theme's ``translations/<lang>/LC_MESSAGES/messages.po`` (a site's own theme folder may hold
entries that win over the kit's), read and compiled in the build, once per process. English is
the source text; a string a catalog leaves untranslated falls back to it, never to nothing.
Dates and times in each language are ``local_dates``'s.
"""

from .catalogs import ENGLISH, N_, primary_language, translations
from .page_language import page_language
from .register import register, template_translations

__all__ = ["ENGLISH", "N_", "page_language", "primary_language", "register", "template_translations", "translations"]
