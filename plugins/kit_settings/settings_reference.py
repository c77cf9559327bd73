"""docs/settings.md, made from every kit plugin's declared settings:
`PYTHONPATH=plugins .venv/bin/python -m kit_settings.settings_reference docs/settings.md`.

A test compares the file with what this makes, so the reference and the declarations never drift.
"""

from __future__ import annotations

import glob
import os
import sys

from .declared_settings import declarations


def kit_plugins() -> list[str]:
    """Every kit plugin that declares settings, in name order."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return sorted(os.path.basename(os.path.dirname(path)) for path in glob.glob(os.path.join(here, "*", "config.py")))


def settings_reference() -> str:
    """docs/settings.md, from the declarations."""
    lines = [
        "# Settings",
        "",
        "Every setting of the kit's plugins, with its default. A site sets only what it wants",
        "different, in `pelicanconf.py` (or `publishconf.py`). Generated from each plugin's",
        "`config.py` (`PYTHONPATH=plugins .venv/bin/python -m kit_settings.settings_reference",
        "docs/settings.md`); a test fails when the two differ. A setting with a plugin's prefix",
        "that is not listed here, a value of the wrong type or a required setting left unset",
        "stops the build with the setting's name and the fix, before anything is built.",
        "The kit's values for Pelican's own settings (addresses, feeds, `MARKDOWN`, `PLUGINS`...)",
        "are in `branchsites/site_settings.py`, which a site's `pelicanconf.py` starts from.",
        "",
    ]
    for plugin in kit_plugins():
        declared, renamed = declarations([plugin])
        own = [s for _, s in declared.values() if not s.set_by_build]
        by_build = [s for _, s in declared.values() if s.set_by_build]
        lines += [f"## {plugin}", ""]
        if own:
            lines += ["| Setting | Type | Default | What it is |", "|---|---|---|---|"]
            for s in own:
                default = "made from other settings" if s.default_from else f"`{s.default!r}`"
                cells = [f"`{s.name}`", s.type_words(), default, s.help]
                lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
            lines.append("")
        if by_build:
            lines.append(
                "Set by the build (a site does not set them): " + ", ".join(f"`{s.name}`" for s in by_build) + "."
            )
            lines.append("")
        for _, r in renamed.values():
            lines.append(f"Renamed: `{r.old}` is now `{r.new}` (the old name works until {r.until}).")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv=None) -> int:
    """Write the reference to the file given (docs/settings.md), or print it."""
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        with open(argv[0], "w", encoding="utf-8") as handle:
            handle.write(settings_reference())
    else:
        print(settings_reference(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
