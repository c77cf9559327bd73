"""The catalogs' make targets: extract the strings, update each language's catalog, compile them.

    python -m interface_language.catalog_tools extract   # theme/translations/messages.pot
    python -m interface_language.catalog_tools update    # cy and gd from the template
    python -m interface_language.catalog_tools compile   # .mo files under .cache/, failing on any error

Strings are found in the theme's templates (``_()``, ``{% trans %}``), the kit's plugins
(``gettext``/``ngettext``/``pgettext`` calls and ``N_()`` marks) and the theme's JavaScript
(``message()``). The template has no line numbers and no dates, so it changes only when a string
does, and a test can compare it with a fresh extraction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .catalogs import DOMAIN, KIT_CATALOGS, KIT_THEME, catalog_path, placeholder_problem

KIT_ROOT = os.path.dirname(KIT_THEME)
TEMPLATE = os.path.join(KIT_CATALOGS, f"{DOMAIN}.pot")
LANGUAGES = ("cy", "gd")  # the kit's catalogs: Welsh complete, Scottish Gaelic begun
# Where strings are found, relative to the kit's folder, and how each kind of file is read.
SOURCES = (
    ("theme/templates", [("**.html", "jinja2")]),
    ("plugins", [("**/tests/**.py", "ignore"), ("**.py", "python")]),
    ("theme/static/js", [("**.js", "javascript")]),
)
JINJA_OPTIONS = {
    "extensions": "jinja2.ext.i18n",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "newstyle_gettext": "true",
    "trimmed": "true",
}
# message("English text") and pluralMessage("one", "many", n) in the theme's JavaScript (dom.js):
# the English is its own key in the messages block (script_messages).
KEYWORDS = {**DEFAULT_KEYWORDS, "message": None, "pluralMessage": (1, 2)}
COMMENT_TAGS = ("Translators:",)
# A fixed date: the template and catalogs say nothing that changes from one run to the next.
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HEADER = (
    "# The interface text of the branchsites kit's theme and plugins.\n"
    "# docs/translations.md says how to translate it.\n#"
)


def extracted(root: str = KIT_ROOT) -> Catalog:
    """Every string the theme and the plugins show readers, as a fresh template catalog."""
    catalog = Catalog(
        domain=DOMAIN,
        header_comment=HEADER,
        project="branchsites",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )
    for folder, method_map in SOURCES:
        options = {"**.html": JINJA_OPTIONS}
        found = extract_from_dir(
            os.path.join(root, folder),
            method_map,
            options_map=options,
            keywords=KEYWORDS,
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        )
        for filename, lineno, message, comments, context in found:
            path = f"{folder}/{filename}".replace(os.sep, "/")
            catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def template_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=120, sort_output=True, include_lineno=False)
    return out.getvalue()


def read_catalog(path: str, locale: str | None = None) -> Catalog:
    with open(path, "rb") as po:
        return read_po(po, locale=locale, abort_invalid=True)


def catalog_problems(catalog: Catalog) -> list[str]:
    """What is wrong with a language's catalog: Babel's checks (python-format), and a translation whose
    named placeholders are not the English ones (the page would fail, or lose a name)."""
    problems = []
    for message, errors in catalog.check():
        problems += [f"{message.id!r}: {error}" for error in errors]
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        problem = placeholder_problem(ids, [string for string in strings if string])
        if problem:
            problems.append(f"{ids[0]!r}: {problem}")
    return problems


def extract(root: str = KIT_ROOT) -> None:
    with open(TEMPLATE, "wb") as pot:
        pot.write(template_text(extracted(root)))
    print(f"interface_language: wrote {os.path.relpath(TEMPLATE)}")


def update() -> None:
    template = read_catalog(TEMPLATE)
    for lang in LANGUAGES:
        path = catalog_path(KIT_CATALOGS, lang)
        if os.path.isfile(path):
            catalog = read_catalog(path, lang)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            catalog = Catalog(locale=lang, domain=DOMAIN, header_comment=HEADER, project="branchsites", fuzzy=False)
            catalog.creation_date = FIXED_DATE
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.revision_date = FIXED_DATE
        out = io.BytesIO()
        write_po(out, catalog, width=120, sort_output=True, include_lineno=False, ignore_obsolete=True)
        with open(path, "wb") as po:
            po.write(out.getvalue())
        print(f"interface_language: updated {os.path.relpath(path)}")


def compile_catalogs(cache: str) -> int:
    failed = 0
    for lang in LANGUAGES:
        path = catalog_path(KIT_CATALOGS, lang)
        catalog = read_catalog(path, lang)
        problems = catalog_problems(catalog)
        for problem in problems:
            print(f"interface_language: {os.path.relpath(path)}: {problem}", file=sys.stderr)
        if problems:
            failed += 1
            continue
        mo_path = os.path.join(cache, "translations", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
        os.makedirs(os.path.dirname(mo_path), exist_ok=True)
        with open(mo_path, "wb") as mo:
            write_mo(mo, catalog)
        print(f"interface_language: compiled {os.path.relpath(mo_path)}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="interface_language.catalog_tools", description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("extract", "update", "compile"))
    parser.add_argument("--cache", default=".cache", help="where compile writes its .mo files")
    args = parser.parse_args(argv)
    if args.action == "extract":
        extract()
    elif args.action == "update":
        update()
    else:
        return compile_catalogs(args.cache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
