"""A branch.yaml text written in each of the branch's languages (`description:`, `meets:`).

An editor writes the text once, in the branch's own language:

    description: Cangen ym Mangor a Chaernarfon.

or once per language, each under its code:

    description:
      cy: Cangen ym Mangor a Chaernarfon.
      en: A branch in Bangor and Caernarfon.

A page shows the text in its own language, else in the branch's own, marked with its language
(``<p lang="cy">``), so a screen reader reads each in its own voice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from content_schema.fields import FieldError, FieldErrors

from .languages import language
from .pairs import declared, same_language


class ShownText(str):
    """The text a page shows, with the language it is in (``lang``; None where nobody said)."""

    lang: str | None

    def __new__(cls, text: str, lang: str | None):
        shown = super().__new__(cls, text)
        shown.lang = lang
        return shown

    def __reduce__(self):
        return ShownText, (str(self), self.lang)


class LanguageTexts(str):
    """One text in one or more languages (``texts``: (code, text) pairs), the branch's own first.
    A text written once, before the branch's languages are known, has the code None until
    ``in_languages`` gives it one.

    It is itself the text in the branch's own language, so a theme that treats it as a text
    (``{{ BRANCH.meets }}``, ``|truncate``, ``|length``, ``~``) shows that one, as before texts
    could be written per language; ``|in_page_language`` picks the page's."""

    texts: tuple[tuple[str | None, str], ...]

    def __new__(cls, texts):
        texts = tuple((code, text) for code, text in texts)
        made = super().__new__(cls, texts[0][1])
        made.texts = texts
        return made

    def __reduce__(self):
        return LanguageTexts, (self.texts,)

    def __eq__(self, other):
        """Two LanguageTexts are equal when all their texts are; one is equal to its own language's text."""
        if isinstance(other, LanguageTexts):
            return self.texts == other.texts
        return str.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = str.__hash__

    def __repr__(self) -> str:
        return f"LanguageTexts({self.texts!r})"

    def languages(self) -> list[str]:
        return [lang for lang, _ in self.texts if lang]

    def shown_in(self, lang: str | None) -> ShownText:
        """The text in ``lang`` if there is one, else in the branch's own language."""
        if lang:
            for code, text in self.texts:
                if code and same_language(code, lang):
                    return ShownText(text, code)
        code, text = self.texts[0]
        return ShownText(text, code)

    def in_languages(self, languages: Sequence[str]) -> LanguageTexts:
        """The texts with the branch's ``languages`` (its own first): a text written once is in the
        first; texts written per language come in the order of ``languages``."""
        if self.texts[0][0] is None:
            return LanguageTexts(((languages[0], self.texts[0][1]),))
        order = [next((i for i, code in enumerate(languages) if same_language(code, lang)), len(languages))
                 for lang, _ in self.texts]  # fmt: skip
        return LanguageTexts(tuple(text for _, text in sorted(zip(order, self.texts, strict=True))))

    def undeclared(self, languages: Sequence[str]) -> list[str]:
        """The codes written that are not among ``languages``."""
        return [lang for lang in self.languages() if not declared(lang, languages)]


def every_text(value) -> list[str]:
    """Each language's text of ``value`` (a LanguageTexts), or ``value`` alone (a plain text)."""
    if isinstance(value, LanguageTexts):
        return [text for _, text in value.texts]
    return [value]


def shown_text(value, lang: str | None) -> ShownText | str:
    """What a page in ``lang`` shows of ``value``: a LanguageTexts' text for it, a plain text as it is."""
    if isinstance(value, LanguageTexts):
        return value.shown_in(lang)
    return value


def in_languages(inner: Callable) -> Callable:
    """A field kind: a text ``inner`` accepts, or a group of `code: text` lines, each text one
    ``inner`` accepts. Gives a LanguageTexts."""

    def convert(value):
        if not isinstance(value, dict):
            return LanguageTexts(((None, inner(value)),))
        if not value:
            raise FieldError("is empty", "Write the text after the colon, or one `cy: ...` line per language under it.")
        errors, texts = [], []
        for key, text in value.items():
            try:
                code = language(key)
            except FieldError as exc:
                errors.append(FieldError(exc.message, exc.fix, (key,)))
                continue
            if any(same_language(code, seen) for seen, _ in texts):
                errors.append(FieldError(f"gives `{code}` twice", "Write each language's text once.", (key,)))
                continue
            try:
                texts.append((code, inner(text)))
            except FieldError as exc:
                errors.append(FieldError(f"in `{code}` {exc.message}", exc.fix, (key, *exc.at)))
        if errors:
            raise FieldErrors(errors)
        return LanguageTexts(tuple(texts))

    return convert
