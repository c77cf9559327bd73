"""The CMS's form fields, made from the kit's own content schema (content_schema.fields.Field).

Each kind of field (a function of content_schema.fields, or one a plugin owns) maps to a Decap CMS
widget; a kind with no widget here is an error the tests catch, so a key added to a schema either
appears in the editor or is named in LEFT_OUT with the reason.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from content_schema import fields as kinds
from content_schema.fields import Field

# Keys the browser editor does not offer, and why: an editor who needs them edits the file itself.
LEFT_OUT = {
    "languages": "a mapping of section headings to languages, which no CMS widget can hold",
    "promoter": "the imprint's promoter is the party's, set in the site's settings; a page for someone else is rare",
    "uid": "the calendar UID an import wrote, which must stay as it is for subscribers; nobody types one",
    "sequence": "the build keeps calendar SEQUENCE numbers itself (.cache/); editors need not touch it",
}

DATE_FORMAT = "YYYY-MM-DD"
DATETIME_FORMAT = "YYYY-MM-DD HH:mm"


class NoWidget(Exception):
    """A kind of field the browser editor has no widget for."""


def _kind_name(kind: Callable) -> str:
    """`text` for text(max_length=150)'s converter, `boolean` for boolean: the function that made it."""
    return kind.__qualname__.split(".<locals>")[0]


def _made_with(kind: Callable) -> dict:
    """The arguments a kind was made with (text(max_length=150) -> {"max_length": 150, ...})."""
    return dict(inspect.getclosurevars(kind).nonlocals)


def _length_pattern(maximum: int | None) -> dict:
    if not maximum:
        return {}
    return {"pattern": [f"^[\\s\\S]{{0,{maximum}}}$", f"At most {maximum} characters."]}


def _text(kind) -> dict:
    made = _made_with(kind)
    return {"widget": "string", **_length_pattern(made.get("max_length"))}


def _integer(kind) -> dict:
    made = _made_with(kind)
    widget = {"widget": "number", "value_type": "int"}
    if made.get("minimum") is not None:
        widget["min"] = made["minimum"]
    if made.get("maximum") is not None:
        widget["max"] = made["maximum"]
    return widget


def _one_of(kind) -> dict:
    return {"widget": "select", "options": list(_made_with(kind)["choices"])}


def _url(kind) -> dict:
    schemes = _made_with(kind)["schemes"]
    return {"widget": "string", "pattern": [f"^({'|'.join(schemes)})://", f"Starts with {schemes[0]}://"]}


def _list_of(kind) -> dict:
    item = _made_with(kind)["item"]
    inner = widget_for(item)
    if inner["widget"] == "string" and set(inner) <= {"widget", "pattern"}:
        return {"widget": "list"}  # a list of words, typed with commas
    return {"widget": "list", "field": {"name": "item", "label": "Item", **inner}}


def _matching(pattern: str, message: str) -> Callable[[Callable], dict]:
    """A text box whose value must match ``pattern`` (the check's own rule), saying ``message`` if not."""
    return lambda kind: {"widget": "string", "pattern": [pattern, message]}


def _date(time_format: str | bool, stored: str) -> Callable[[Callable], dict]:
    return lambda kind: {"widget": "datetime", "format": stored, "date_format": DATE_FORMAT, "time_format": time_format}


_WIDGETS: dict[str, Callable[[Callable], dict]] = {
    "text": _text,
    "plain_text": _text,
    "tag": lambda kind: {"widget": "string", **_length_pattern(40)},
    "language": _matching("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "A code: cy, gd, en-GB"),
    "slug": _matching(kinds.SLUG_PATTERN.pattern, "Small letters, digits and hyphens"),
    "translation_target": lambda kind: {"widget": "string", **_length_pattern(200)},
    "integer": _integer,
    "boolean": lambda kind: {"widget": "boolean", "default": False},
    "one_of": _one_of,
    "url": _url,
    "email": _matching("^[^@\\s]+@[^@\\s]+$", "An email address"),
    "date_only": _date(False, DATE_FORMAT),
    "date_or_datetime": _date("HH:mm", DATETIME_FORMAT),
    "duration": _matching("^(\\d+h)?(\\d+m)?$|^\\d+:\\d\\d$", "Like 2h, 90m or 1h30m"),
    "geo": lambda kind: {
        "widget": "list",
        "field": {"name": "item", "label": "Degrees", "widget": "number", "value_type": "float"},
    },
    "list_of": _list_of,
}

# Fields whose value is a picture in the site's images/ folder.
PICTURE_FIELDS = frozenset({"image"})


def widget_for(kind: Callable) -> dict:
    name = _kind_name(kind)
    if name not in _WIDGETS:
        raise NoWidget(f"no browser-editor widget for the field kind `{name}`: add one to browser_editor.cms_fields")
    return _WIDGETS[name](kind)


def cms_field(field: Field) -> dict:
    """The Decap CMS field for one schema field: its widget, whether it is required, its help text."""
    widget = {"widget": "image", "choose_url": False} if field.name in PICTURE_FIELDS else widget_for(field.kind)
    result = {"name": field.name, "label": field.name.replace("_", " ").capitalize(), **widget}
    result["required"] = field.required
    hint = field.doc[:1].upper() + field.doc[1:] if field.doc else ""
    if field.example and widget["widget"] not in {"boolean", "image"}:
        hint += f" (for example {field.example.strip()})"
    if hint:
        result["hint"] = hint
    return result


def cms_fields(schema: tuple[Field, ...]) -> list[dict]:
    """The form for a kind of file: every field of ``schema`` except LEFT_OUT, then the text itself."""
    form = [cms_field(field) for field in schema if field.name not in LEFT_OUT]
    form.append({"name": "body", "label": "Text", "widget": "markdown", "required": True})
    return form
