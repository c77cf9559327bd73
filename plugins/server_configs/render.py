"""A server configuration from its template (templates/), every value escaped for that server's
language where it is written: the templates write values only through the filters below, and
anything written without one stops the rendering (the environment's finalize)."""

from __future__ import annotations

import os
import re

import jinja2
from markupsafe import Markup

from old_addresses.redirect_file import OLD_ADDRESS

from .values import ServerValues

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
SERVERS = {"nginx": "nginx.conf.j2", "apache": "apache.conf.j2", "caddy": "Caddyfile.j2"}

# What each language reads as syntax inside a double-quoted string, and so may not appear in a value:
# nginx expands $variables, Apache's Header reads %{...} formats, Caddy expands {placeholders}; none
# of them has an escape for everything, so such a value is refused rather than guessed at.
FORBIDDEN_IN_STRING = {
    "nginx": re.compile(r'["\\$]'),
    "apache": re.compile(r'["\\%$]'),  # % for mod_rewrite's variables, $ for httpd's ${NAME} on every line
    "caddy": re.compile(r'["\\{}]'),
}
# A bare word every language reads as itself: host names, folders, ports.
BARE = re.compile(r"^[A-Za-z0-9._/:\[\]-]+$")


class Escaped(Markup):
    """A value made safe for the configuration language by one of the filters (a Markup, so that
    Jinja writes it as it is, and the output of the templates' macros is taken as theirs)."""


class UnsafeValue(ValueError):
    pass


def _bare(value) -> Escaped:
    value = str(value)
    if not BARE.match(value):
        raise UnsafeValue(f"{value!r} cannot be written bare into a server configuration")
    return Escaped(value)


def _quoted(language: str):
    def quote(value) -> Escaped:
        value = str(value)
        if FORBIDDEN_IN_STRING[language].search(value) or not value.isprintable():
            raise UnsafeValue(f"{value!r} cannot be written into a quoted {language} string")
        return Escaped(f'"{value}"')

    return quote


def _alternatives(words) -> Escaped:
    """``css|js``: a regular expression's alternatives, each a bare word of letters and digits."""
    words = [str(w) for w in words]
    if not words or not all(re.fullmatch(r"[a-z0-9]+", w) for w in words):
        raise UnsafeValue(f"{words!r} cannot be written as alternatives in a regular expression")
    return Escaped("|".join(words))


def _map_name(host) -> Escaped:
    """A word for ``host`` that an nginx variable's name may end with (party_example)."""
    return Escaped(re.sub(r"[^a-z0-9]", "_", str(_bare(host)).lower()))


def _redirect_path(path) -> Escaped:
    """A path of a redirect (old_addresses), bare: its characters are none of any language's syntax."""
    path = str(path)
    if not OLD_ADDRESS.match(path) or ".." in path.split("/"):
        raise UnsafeValue(f"{path!r} cannot be written as an address into a server configuration")
    return Escaped(path)


def _path_pattern(path) -> Escaped:
    """Apache's RewriteRule pattern for exactly ``path`` in a <Directory> (which strips its leading
    slash): each character a regular expression reads otherwise escaped."""
    bare = str(_redirect_path(path)).lstrip("/")
    return Escaped("^" + re.sub(r"([.()+])", r"\\\1", bare) + "$")


def _only_escaped(value):
    if isinstance(value, Markup) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise UnsafeValue(f"the template writes {value!r} without escaping it for the server's language")


def environment(server: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=_only_escaped,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Not HTML: autoescape only makes macros' output Markup; every value must come through the
        # filter for the server's language (finalize refuses the rest, so nothing is HTML-escaped).
        autoescape=True,
    )
    env.filters.update(
        bare=_bare,
        quoted=_quoted(server),
        alternatives=_alternatives,
        map_name=_map_name,
        redirect_path=_redirect_path,
        path_pattern=_path_pattern,
    )
    return env


def render(server: str, values: ServerValues) -> str:
    """The configuration of ``server`` (nginx, apache, caddy) for ``values``; the same values give
    the same bytes."""
    return environment(server).get_template(SERVERS[server]).render(v=values, server=server)
