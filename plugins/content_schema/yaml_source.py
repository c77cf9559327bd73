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
        text_lines = text.splitlines()
        bad_line = text_lines[mark.line] if mark and mark.line < len(text_lines) else ""
        misaligned = _misaligned(exc, text_lines, mark.line, first_line) if mark and "\t" not in bad_line else None
        if misaligned:
            raise YamlSyntaxError(*misaligned) from None
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


@dataclass(frozen=True)
class _Line:
    """A line of YAML with content: its number in the file, its indent, and where its key starts
    (after any `- ` list markers), with that key."""

    number: int
    indent: int
    key_column: int
    key: str
    has_value: bool  # `key: value` or `- value`, which nothing can be nested under


def _content_lines(text_lines: list[str], first_line: int) -> list[_Line]:
    found = []
    for index, raw in enumerate(text_lines):
        stripped = raw.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(raw) - len(stripped)
        item = re.match(r"(?:-\s+)*", stripped).group(0)
        rest = stripped[len(item) :]
        key, colon, value = rest.partition(": ") if ": " in rest else rest.partition(":")
        if not colon:
            key, value = "", rest
        found.append(_Line(index + first_line, indent, indent + len(item), key, bool(value.strip())))
    return found


def _where(line: _Line, column: int) -> str:
    """How an editor finds ``column`` of ``line``: the key or list marker there, and its spaces."""
    what = f"`{line.key}:`" if column == line.key_column and line.key else "the `-`" if column == line.indent else "it"
    spaces = f"{column} space{'s' if column != 1 else ''} in" if column else "at the start of the line"
    return f"{what} on line {line.number} ({spaces})"


def _misaligned(exc, text_lines: list[str], mark_index: int, first_line: int) -> tuple[int, str, str] | None:
    """(line, message, fix) when the error is a line indented out of step with the lines around it,
    which libyaml reports as a stray colon or a missing key; None for any other mistake."""
    lines = _content_lines(text_lines, first_line)
    at = next((i for i, line in enumerate(lines) if line.number == mark_index + first_line), None)
    if at is None:
        return None
    if lines[0].indent > 0:  # the first key of a file starts the line, like every top-level key
        first = lines[0]
        return (
            first.number,
            f"line {first.number} is indented more than the lines after it",
            f"Delete the spaces at the start of line {first.number}: top-level keys start at the beginning "
            "of the line.",
        )
    here, before = lines[at], lines[at - 1] if at else None
    problem = str(exc)
    if "mapping values are not allowed" in problem and before and here.indent > before.key_column:
        if not before.has_value:  # `key:` and nothing after: a line under it may be indented
            return None
        return (
            here.number,
            f"line {here.number} is indented more than line {before.number} above it",
            f"Line it up with {_where(before, before.key_column)}: a line indented more than the one above "
            "it is read as part of that line's value.",
        )
    if not any(w in problem for w in ("did not find expected key", "expected '-' indicator", "expected <block end>")):
        return None
    # The lines ``here`` could stand beside: the one above it, then each less indented than the last.
    beside, lowest = [], None
    for line in reversed(lines[:at]):
        if lowest is None or line.indent < lowest:
            beside.append(line)
            lowest = line.indent
    if not beside or any(here.indent in (line.indent, line.key_column) for line in beside):
        return None
    is_item = here.key_column > here.indent  # a `- ` line lines up with the `-` of the items before it
    nearest = beside[0]
    column = nearest.indent if is_item else nearest.key_column
    fix = f"Line it up with {_where(nearest, column)}"
    outer = next((line for line in beside[1:] if line.indent < here.indent), None)
    if outer and not is_item:
        fix += f", or with {_where(outer, outer.key_column)} if it does not belong with line {nearest.number}"
    return (
        here.number,
        f"line {here.number} is indented {'less' if here.indent < column else 'more'} than line {nearest.number} "
        "above it, and lines up with no line it could belong with",
        fix + ".",
    )


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
