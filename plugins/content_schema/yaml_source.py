"""YAML as editors write it: parsed with libyaml, with the line of every key.

The loader resolves only what editors mean: ``true``/``false`` (not yes/no/on/off,
so a title "No" stays text), plain decimal numbers, ``null``/``~``/empty, and
everything else as text. Dates and times stay text too, so that our own parser
can say precisely what is wrong with "2027-02-30" instead of libyaml's traceback.

Anchors, aliases and explicit tags are refused before anything is built from the text: editors
never need them, and an alias can stand for a copy of anything before it (a few lines can expand to
gigabytes) or for itself. Nesting is capped for the same reason: building the data recurses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

Key = tuple  # a path into the data: ("channels", 2, "url")

# branch.yaml's channels are three levels deep; front matter two.
MAX_DEPTH = 10


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
    _refuse_what_editors_never_write(text, first_line)
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


def _refuse_what_editors_never_write(text: str, first_line: int) -> None:
    """Read the text's events (libyaml's parser, which expands nothing) and refuse anchors, aliases,
    explicit tags and nesting deeper than MAX_DEPTH, at the line where each is written."""
    loader = EditorLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + first_line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(
                    line,
                    "a value starts with & or * (a YAML anchor or alias), which the kit does not accept",
                    "Write the value out in full; if it really starts with & or *, put it in double quotes, "
                    'e.g. "*new*".',
                )
            if getattr(event, "tag", None):
                raise YamlSyntaxError(
                    line,
                    f"a value starts with ! (the YAML tag `{event.tag}`), which the kit does not accept",
                    'Delete the tag; if the value really starts with !, put it in double quotes, e.g. "!important".',
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc):  # libyaml's own limit, met before ours in [[[[...
            mark = exc.problem_mark or exc.context_mark
            raise _too_deep((mark.line if mark else 0) + first_line) from None
        return  # another syntax error: composing the text reports it, with its line
    finally:
        loader.dispose()


def _too_deep(line: int) -> YamlSyntaxError:
    return YamlSyntaxError(
        line,
        f"the values are nested more than {MAX_DEPTH} levels deep",
        "Keep to the layout of the examples: a key, a list under it, keys under each list item.",
    )


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
