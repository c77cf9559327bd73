"""Every kit setting with its default, its type and its check, filled in and checked in one place.

Each kit plugin declares the settings it owns in its own ``config.py``: ``SETTINGS``, a list of
``Setting`` (name, default, type, one line of help, a check where the type alone is not enough, and
``check_with`` where the value must agree with another setting), and ``RENAMED``, the settings it
has renamed. When Pelican starts (``initialized``), the first receiver of all (build_pipeline's)
fills in the defaults of every kit part (a site's own value wins, as with Pelican's own defaults),
then checks the whole lot: a misspelt or unknown setting with a plugin's prefix, a value of the
wrong type and a setting given under both its old and its new name are all reported at once, with
the settings file and line, before anything is built. A renamed setting keeps working for one minor
release, with a warning naming the new one.
"""

from __future__ import annotations

import copy
import difflib
import glob
import importlib
import importlib.util
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pelican.settings import DEFAULT_CONFIG, read_settings

from content_schema.fields import FieldError
from content_schema.problems import Problem, ProblemList
from content_schema.report import format_text

log = logging.getLogger(__name__)

# What a check says about a value: what is wrong with it, or None when it is right.
Check = Callable[[object], "str | None"]


@dataclass(frozen=True)
class Setting:
    """One setting a plugin owns."""

    name: str
    default: object
    types: type | tuple[type, ...]
    help: str
    check: Check | None = None
    set_by_build: bool = False  # the kit sets it while building; a site never needs to
    default_from: Callable[[dict], object] | None = None  # a default made from other settings
    # a check against the other settings, once the value itself is right: (what is wrong, the fix), or None
    check_with: Callable[[object, dict], tuple[str, str] | None] | None = None

    def type_words(self) -> str:
        types = self.types if isinstance(self.types, tuple) else (self.types,)
        return " or ".join(TYPE_WORDS.get(t, t.__name__) for t in types)

    def problem_with(self, value) -> str | None:
        """What is wrong with ``value`` for this setting, or None."""
        types = self.types if isinstance(self.types, tuple) else (self.types,)
        if isinstance(value, bool) and bool not in types:
            return f"it must be {self.type_words()}"
        if not isinstance(value, types):
            return f"it must be {self.type_words()}"
        if self.check is not None and value is not None:
            return self.check(value)
        return None


@dataclass(frozen=True)
class Renamed:
    """A setting's old name, which keeps working (with a warning) until ``until``."""

    old: str
    new: str
    until: str  # the kit version that drops the old name


@dataclass(frozen=True)
class Retired:
    """A setting the kit no longer reads: a site that still sets it is told what took its place."""

    name: str
    instead: str  # what to do now, in a sentence


TYPE_WORDS = {
    bool: "True or False",
    int: "a whole number",
    float: "a number",
    str: "a text",
    list: "a list",
    tuple: "a list",
    dict: "a dict",
    type(None): "None",
}


class SettingsProblems(Exception):
    """Raised to stop a build before anything is built: the settings have errors."""

    exitcode = 1

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the settings"
        super().__init__(f"{count}: nothing was built.\n{format_text(errors)}")


# ---- checks for what a type alone does not say ---------------------------------------------------


def whole(minimum: int, maximum: int | None = None) -> Check:
    def check(value) -> str | None:
        if value < minimum or (maximum is not None and value > maximum):
            upper = f" to {maximum}" if maximum is not None else " or more"
            return f"it must be a whole number from {minimum}{upper}"
        return None

    return check


def list_of(*types: type) -> Check:
    words = " or ".join(TYPE_WORDS.get(t, t.__name__) for t in types)

    def check(value) -> str | None:
        wrong = [item for item in value if isinstance(item, bool) or not isinstance(item, types)]
        return f"every item must be {words}, not {wrong[0]!r}" if wrong else None

    return check


def text_to_text(value) -> str | None:
    wrong = [key for key, text in value.items() if not isinstance(key, str) or not isinstance(text, str)]
    return f"every key and value must be a text, not {wrong[0]!r}" if wrong else None


def site_folder(settings: dict) -> str:
    """The site's own folder (KIT_ROOT; else the one that holds its content folder)."""
    return settings.get("KIT_ROOT") or os.path.dirname(os.path.abspath(settings["PATH"]))


def in_site_folder(*parts: str) -> Callable[[dict], str]:
    """A default_from: ``parts`` below the site's own folder (node_modules/lunr/lunr.min.js...)."""
    return lambda settings: os.path.join(site_folder(settings), *parts)


def address(value) -> str | None:
    """A site address pattern or file name: relative, inside the site."""
    if value.startswith("/") or ".." in value.split("/"):
        return "it must be a path inside the site, with no leading / and no .."
    return None


def field_kind(kind: Callable, what: str = "it") -> Check:
    """A check made of one of content_schema's field kinds (``email``, ``url``...), in its own words,
    said of ``what``: a setting is held to the rule the same value meets in front matter or branch.yaml."""

    def check(value) -> str | None:
        try:
            kind(value)
        except FieldError as wrong:
            return f"{what} {wrong.message}"
        return None

    return check


def with_field(*fields: str) -> Check:
    """An address pattern holding each of ``fields`` (``{slug}``...)."""

    def check(value) -> str | None:
        wrong = address(value)
        missing = [f for f in fields if "{" + f not in value]
        if wrong or not missing:
            return wrong
        return f"it must hold {', '.join('{' + f + '}' for f in missing)}"

    return check


# ---- the declarations of the plugins a site uses -------------------------------------------------


def plugin_name(plugin) -> str:
    return plugin if isinstance(plugin, str) else plugin.__name__


def declaring_plugins(plugins: Iterable) -> list[str]:
    """The names of ``plugins``, each plugin made of parts (build_pipeline, with its ``DECLARING``)
    followed by its parts: the plugins whose ``config`` modules declare settings."""
    names = []
    for plugin in plugins:
        name = plugin_name(plugin)
        names.append(name)
        try:
            found = importlib.util.find_spec(name)
        except (ModuleNotFoundError, ValueError):
            found = None
        if found is not None and found.submodule_search_locations is not None:
            names.extend(getattr(importlib.import_module(name), "DECLARING", ()))
    return list(dict.fromkeys(names))


def declarations(plugins: Iterable) -> tuple[dict[str, tuple[str, Setting]], dict[str, tuple[str, Renamed]]]:
    """``{name: (plugin, Setting)}`` and ``{old name: (plugin, Renamed)}`` for the kit plugins in
    ``plugins`` and their parts (a plugin with no ``config`` module declares nothing)."""
    settings, renamed, _ = declarations_with_retired(plugins)
    return settings, renamed


def declarations_with_retired(plugins: Iterable) -> tuple[dict, dict, dict[str, tuple[str, Retired]]]:
    """declarations(), and ``{name: (plugin, Retired)}``: the settings the plugins no longer read."""
    settings, renamed, retired = {}, {}, {}
    for name in declaring_plugins(plugins):
        try:
            found = importlib.util.find_spec(f"{name}.config")
        except ModuleNotFoundError:
            found = None
        if found is None:
            continue
        module = importlib.import_module(f"{name}.config")
        for setting in getattr(module, "SETTINGS", ()):
            settings[setting.name] = (name, setting)
        for rename in getattr(module, "RENAMED", ()):
            renamed[rename.old] = (name, rename)
        for gone in getattr(module, "RETIRED", ()):
            retired[gone.name] = (name, gone)
    return settings, renamed, retired


def prefixes(declared: dict[str, tuple[str, Setting]]) -> set[str]:
    """The plugins' prefixes, from their settings' names: the words that the settings sharing a
    first word all start with (EVENTS_ for EVENTS_URL, EVENTS_NATION_LIMIT...; SITE_FILES_, not SITE_,
    so that a theme's SITE_LOGO is not taken for one). A setting the build sets gives none."""
    groups: dict[str, list[list[str]]] = {}
    for name, (_, setting) in declared.items():
        if not setting.set_by_build and "_" in name:
            groups.setdefault(name.split("_")[0], []).append(name.split("_"))
    found = set()
    for words in groups.values():
        if len(words) < 2:
            continue
        common = []
        for parts in zip(*words, strict=False):
            if len(set(parts)) != 1:
                break
            common.append(parts[0])
        found.add("_".join(common) + "_")
    return found


def looks_like_a_kit_setting(name: str, kit_prefixes: set[str], declared: Iterable[str]) -> bool:
    """A name with a plugin's prefix, or one close to a setting with the same first word
    (PRECOMPRESSED_FILE for PRECOMPRESSED_FILES)."""
    if any(name.startswith(p) for p in kit_prefixes):
        return True
    first = name.split("_")[0] + "_"
    same_start = [d for d in declared if d.startswith(first)]
    return "_" in name and bool(difflib.get_close_matches(name, same_start, n=1, cutoff=0.85))


def pelican_owns(name: str, settings: dict) -> bool:
    """Pelican's own settings, and the address settings it reads for every direct template."""
    if name in DEFAULT_CONFIG:
        return True
    templates = {t.upper() for t in [*settings.get("DIRECT_TEMPLATES", ()), *settings.get("PAGINATED_TEMPLATES", ())]}
    return any(name == f"{t}_URL" or name == f"{t}_SAVE_AS" for t in templates)


# ---- where a setting is written ------------------------------------------------------------------


def settings_files(settings: dict) -> list[str]:
    """The site's settings files: the .py files at the top of the site (pelicanconf.py first)."""
    root = site_folder(settings)
    files = sorted(glob.glob(os.path.join(root, "*.py")), key=lambda p: (os.path.basename(p) != "pelicanconf.py", p))
    return files


def where_set(name: str, files: list[str]) -> tuple[str, int]:
    """The first settings file that sets ``name`` at its top level, and the line of the last
    assignment there (the one that holds)."""
    pattern = re.compile(rf"^{re.escape(name)}\s*[:=]")
    for path in files:
        try:
            with open(path, encoding="utf-8") as handle:
                found = [number for number, line in enumerate(handle, 1) if pattern.match(line)]
        except OSError:
            continue
        if found:
            return path, found[-1]
    return (files[0] if files else "pelicanconf.py"), 0


# ---- filling in and checking ---------------------------------------------------------------------


def apply_declared_settings(settings: dict, plugins: Iterable | None = None) -> list[Problem]:
    """Fill in the defaults of every setting the kit plugins in ``plugins`` (default: ``PLUGINS``,
    with build_pipeline's parts) declare, take renamed settings under their new name, and check them all.

    Changes ``settings`` in place and returns the warnings; raises SettingsProblems on an error."""
    declared, renamed, retired = declarations_with_retired(settings.get("PLUGINS", ()) if plugins is None else plugins)
    files = settings_files(settings)
    report = ProblemList(root=site_folder(settings))

    for name, (plugin, gone) in retired.items():
        if name in settings:
            path, line = where_set(name, files)
            report.warning(path, line, f"{name} is no longer read ({plugin}): {gone.instead}", f"Remove {name}.")

    for old, (plugin, rename) in renamed.items():
        if old not in settings:
            continue
        path, line = where_set(old, files)
        if rename.new in settings:
            report.error(
                path,
                line,
                f"{old} and {rename.new} are both set: {old} is the old name of {rename.new} ({plugin})",
                f"Remove {old} and keep {rename.new}.",
            )
            continue
        settings[rename.new] = settings.pop(old)
        report.warning(
            path,
            line,
            f"{old} is now called {rename.new} ({plugin}); the old name stops working in {rename.until}",
            f"Rename {old} to {rename.new}.",
        )

    for name, (_, setting) in declared.items():
        if name in settings or setting.set_by_build:
            continue
        settings[name] = setting.default_from(settings) if setting.default_from else copy.deepcopy(setting.default)

    kit_prefixes = prefixes(declared)
    known = set(declared) | set(renamed) | set(retired)
    for name in sorted(settings):
        if name in known or pelican_owns(name, settings) or not looks_like_a_kit_setting(name, kit_prefixes, declared):
            continue
        close = difflib.get_close_matches(name, sorted(declared), n=1)
        plugin = declared[close[0]][0] if close else None
        path, line = where_set(name, files)
        report.error(
            path,
            line,
            f"{name} is not a setting of any kit plugin"
            + (f" (did you mean {close[0]}, of {plugin}?)" if close else ""),
            f"Rename it to {close[0]}." if close else "Remove it: docs/settings.md lists the settings there are.",
        )

    for name, (plugin, setting) in declared.items():
        if name not in settings:
            continue  # set by the build, later
        if settings[name] is None and setting.problem_with(None):
            path, line = where_set(name, files)
            report.error(
                path,
                line,
                f"{name} is not set ({plugin} needs it): {setting.help}",
                f"Set {name} in {os.path.basename(path)}.",
            )
            continue
        wrong = setting.problem_with(settings[name])
        if wrong:
            path, line = where_set(name, files)
            report.error(
                path,
                line,
                f"{name} is {settings[name]!r}: {wrong}",
                f"Set {name} to {setting.type_words()} (docs/settings.md, under {plugin}).",
            )
            continue
        against_others = setting.check_with(settings[name], settings) if setting.check_with else None
        if against_others:
            path, line = where_set(name, files)
            report.error(path, line, f"{name} is {settings[name]!r}: {against_others[0]}", against_others[1])

    if report.errors:
        raise SettingsProblems(report.sorted())
    return report.warnings


def read_kit_settings(path: str | None = None, override: dict | None = None) -> dict:
    """Pelican's read_settings with the kit's declared settings filled in and checked, for the
    kit's commands that use the settings without a build."""
    settings = read_settings(path, override=override)
    for warning in apply_declared_settings(settings):
        log.warning("%s:%s: %s. Fix: %s", warning.path, warning.line, warning.message, warning.fix)
    return settings
