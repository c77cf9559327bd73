"""YAML as editors write it: parsed with libyaml, with the line of every key.

The loader resolves only what editors mean: ``true``/``false`` (not yes/no/on/off,
so a title "No" stays text), plain decimal numbers, ``null``/``~``/empty, and
everything else as text. Dates and times stay text too, so that our own parser
can say precisely what is wrong with "2027-02-30" instead of libyaml's traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

Key = tuple  # a path into the data: ("channels", 2, "url")


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


class EditorLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """Safe loader with a small, predictable set of implicit types."""

    yaml_implicit_resolvers: dict = {}


EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)$"),
    list("-+0123456789."),
)
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


@dataclass(frozen=True)
class YamlDocument:
    data: object
    lines: dict  # Key -> 1-based line in the file

    def line_of(self, *key, default: int = 0) -> int:
        """The line of ``key``, or of its nearest parent that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return default


def _record_lines(node, key: Key, offset: int, lines: dict, duplicates: list) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            name = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if name in seen:
                duplicates.append((name, seen[name], line))
            seen[name] = line
            lines[(*key, name)] = line
            _record_lines(value_node, (*key, name), offset, lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*key, index)] = item.start_mark.line + 1 + offset
            _record_lines(item, (*key, index), offset, lines, duplicates)


def load_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document whose first line is line ``first_line`` of its file.

    Raises YamlSyntaxError with the file's line number and a fix in plain words.
    """
    loader = EditorLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        bad_line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        raise YamlSyntaxError(line, _describe_yaml_error(exc), _yaml_fix(exc, bad_line)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always gives a mark
        raise YamlSyntaxError(first_line, str(exc), _yaml_fix(exc, "")) from None
    finally:
        loader.dispose()
    lines: dict = {}
    duplicates: list = []
    if node is not None:
        _record_lines(node, (), first_line - 1, lines, duplicates)
    if duplicates:
        name, first, again = duplicates[0]
        raise YamlSyntaxError(
            again,
            f"`{name}` is given twice (lines {first} and {again})",
            f"Keep one `{name}:` line and delete the other.",
        )
    return YamlDocument(data, lines)


def _describe_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "the YAML cannot be read"
    if exc.context:
        return f"{exc.context}, {problem}"
    return problem


def _yaml_fix(exc, bad_line: str) -> str:
    text = str(exc)
    if "\t" in bad_line:
        return "Indent with spaces, not tabs."
    if "mapping values are not allowed" in text:
        return (
            "A value contains a colon followed by a space. Put the whole value in "
            'double quotes, e.g. title: "Meeting: housing".'
        )
    if "could not find expected ':'" in text:
        return "Every line must be `key: value`; check for a missing colon."
    if "found undefined alias" in text or "expected alias" in text:
        return 'A value starting with * or & must be in double quotes, e.g. "*new*".'
    return (
        "Check the indentation and punctuation on this line and the one before it; "
        "put values with special characters (: # [ ] { } , & * !) in double quotes."
    )
