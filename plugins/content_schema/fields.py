"""Field kinds for front matter and branch.yaml, and the validation of a mapping.

A kind is a function from the parsed YAML value to the value the build uses;
it raises FieldError with a message and a fix in plain words. Schemas (in the
plugins that own each kind of file) are lists of Field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from unidecode import unidecode

from .lookalikes import hidden_characters, is_mixed_script, scripts_of

# The characters that turn the text after them around (overrides, embeddings, isolates): typed text
# never needs them, as right-to-left letters order themselves; with them "moc.elpmaxe" shows as
# example.com, so no text field holds them, wherever on the site it is shown.
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
HIDDEN_FIX = (
    "Type the text again by hand instead of pasting it; such characters can make it read differently from what it says."
)

# A slug: lower-case letters and digits in words joined by single hyphens (a branch folder, a page address).
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FieldError(Exception):
    """A value that cannot be used. ``at`` points below the field: (2, "url")."""

    def __init__(self, message: str, fix: str, at: tuple = ()):
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.at = at


class FieldErrors(Exception):
    """Several errors found inside one field (such as a list of channels)."""

    def __init__(self, errors: list[FieldError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass(frozen=True)
class Field:
    name: str
    kind: Callable[[object], object]
    required: bool = False
    doc: str = ""  # one sentence for docs/ and for "missing key" fixes
    example: str = ""  # a YAML value editors can copy


def _quoted(value) -> str:
    return f"`{value}`"


# ---- kinds -------------------------------------------------------------------


def text(max_length: int | None = None, single_line: bool = True) -> Callable:
    def convert(value):
        if isinstance(value, bool) or value is None or isinstance(value, list | dict):
            raise FieldError(
                f"should be text, not {_describe(value)}",
                "Write the text after the colon; put it in double quotes if it is "
                "true, false or starts with a special character.",
            )
        value = str(value).strip()
        if not value:
            raise FieldError("is empty", "Write the text after the colon, or delete the line.")
        if single_line and "\n" in value:
            raise FieldError("should be one line", "Join the lines into one.")
        turning = hidden_characters("".join(c for c in value if c in DIRECTION_CONTROLS))
        if turning:
            raise FieldError(f"holds characters that cannot be seen ({', '.join(turning)})", HIDDEN_FIX)
        if max_length and len(value) > max_length:
            raise FieldError(
                f"is {len(value)} characters long; at most {max_length} fit",
                f"Shorten it to {max_length} characters or fewer.",
            )
        return value

    return convert


def plain_text(max_length: int | None = None, one_script: bool = True) -> Callable:
    """One line of text that shows what it says: no hidden characters (bidi overrides, zero-width
    spaces) and, for a name, one writing system, so it cannot pass for another (Cyrillic о in a Latin word)."""
    one_line = text(max_length)

    def convert(value):
        value = one_line(value)
        hidden = hidden_characters(value)
        if hidden:
            raise FieldError(f"holds characters that cannot be seen ({', '.join(hidden)})", HIDDEN_FIX)
        if one_script and is_mixed_script(value):
            raise FieldError(
                f"mixes letters of different alphabets ({', '.join(s.title() for s in scripts_of(value))})",
                "Type it again with one keyboard: letters from another alphabet that look the same "
                "make it pass for another name.",
            )
        return value

    return convert


def integer(minimum: int | None = None, maximum: int | None = None) -> Callable:
    def convert(value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(f"should be a whole number, not {_describe(value)}", "Write a number such as 2.")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise FieldError(
                f"is {value}; it must be between {minimum} and {maximum}",
                f"Use a number from {minimum} to {maximum}.",
            )
        return value

    return convert


def boolean(value):
    if not isinstance(value, bool):
        raise FieldError(f"should be true or false, not {_describe(value)}", "Write true or false.")
    return value


def one_of(choices: Sequence[str], ignore_case: bool = True) -> Callable:
    def convert(value):
        if not isinstance(value, str):
            raise FieldError(f"should be one of {_list(choices)}", f"Write one of {_list(choices)}.")
        for choice in choices:
            if value == choice or (ignore_case and value.strip().lower() == choice.lower()):
                return choice
        raise FieldError(
            f"is {_quoted(value)}, which is not one of {_list(choices)}",
            _did_you_mean(value, choices) or f"Write one of {_list(choices)}.",
        )

    return convert


def list_of(item: Callable, split_commas: bool = False, min_items: int = 0) -> Callable:
    """A YAML list; a single value is taken as a list of one (or split on commas)."""

    def convert(value):
        if value is None:
            value = []
        elif isinstance(value, str) and split_commas:
            value = [part for part in (p.strip() for p in value.split(",")) if part]
        elif not isinstance(value, list):
            value = [value]
        errors, result = [], []
        for index, entry in enumerate(value):
            try:
                result.append(item(entry))
            except FieldError as exc:
                errors.append(FieldError(f"item {index + 1} {exc.message}", exc.fix, (index, *exc.at)))
            except FieldErrors as exc:
                errors.extend(FieldError(f"item {index + 1}: {e.message}", e.fix, (index, *e.at)) for e in exc.errors)
        if errors:
            raise FieldErrors(errors)
        if len(result) < min_items:
            raise FieldError(
                f"needs at least {min_items} item{'s' if min_items != 1 else ''}",
                "Add items as a list, e.g. [first, second].",
            )
        return result

    return convert


# A plain address: the part before @ holds no character a mailto: link reads as more than an
# address (?, &, = and % start parameters such as bcc= or an encoded second address).
EMAIL_PATTERN = re.compile(
    r"^[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)


def email(value):
    value = text()(value)
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    if not EMAIL_PATTERN.match(value):
        raise FieldError(
            f"is {_quoted(value)}, which is not a plain email address",
            "Write just the address, like name@example.org: no name, no ? or other additions.",
        )
    return value


# in an address, what a browser reads otherwise than urlsplit: a backslash, white space, control characters
UNREAD_IN_ADDRESS = re.compile(r"[\\\s\x00-\x1f\x7f]")


def url(schemes: Sequence[str] = ("https",)) -> Callable:
    def convert(value):
        value = text()(value)
        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if parts and parts.scheme == "mailto" and "mailto" in schemes:
            if parts.query or parts.fragment or "?" in value or "#" in value:
                raise FieldError(
                    f"is {_quoted(value)}: a mailto: address may hold only the address",
                    "Remove everything from the ?: a link that adds copies (bcc=) or a message is refused.",
                )
            email(parts.path)
            return value
        if not parts or parts.scheme not in schemes or not parts.netloc or " " in value:
            allowed = " or ".join(f"{s}:" for s in schemes)
            fix = f"Write the full address starting with {schemes[0]}://, e.g. https://example.org/page."
            if parts and parts.scheme == "http" and "https" in schemes:
                fix = "Use the https:// address: plain http:// lets others read and change the page on the way."
            raise FieldError(f"is {_quoted(value)}, which is not an {allowed} address", fix)
        if UNREAD_IN_ADDRESS.search(value):
            # a browser reads a backslash as a slash (https://evil.example\\.party.example/ opens
            # evil.example) and drops tabs and newlines: the address would not be the one checked
            raise FieldError(
                f"is {_quoted(value)}, which holds a backslash, a tab or another character that a browser"
                " reads otherwise",
                "Copy the address from the browser's address bar, with / where it has \\ and nothing invisible.",
            )
        if "@" in parts.netloc:
            # https://party.example@elsewhere.example/ opens elsewhere.example, but reads as the party's
            raise FieldError(
                f"is {_quoted(value)}: the part before @ hides which site the address really opens",
                f"Write it as https://{parts.netloc.rpartition('@')[2]}{parts.path}, without the part before @.",
            )
        return web_address(value)

    return convert


def web_address(value: str) -> str:
    """``value`` as valid HTML wants it: a second `#` (Matrix rooms: .../#/room/#name:server) becomes %23."""
    head, hash_mark, fragment = value.partition("#")
    return head + hash_mark + fragment.replace("#", "%23")


HOSTNAME_PATTERN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$")


def hostname(value):
    value = text()(value).lower()
    if not HOSTNAME_PATTERN.match(value):
        raise FieldError(
            f"is {_quoted(value)}, which is not a domain name",
            "Write just the domain, like sheffield.example.org, without https:// or a slash.",
        )
    return value


def slug(value):
    value = text()(value)
    if not SLUG_PATTERN.match(value):
        raise FieldError(
            f"is {_quoted(value)}; a slug may hold only lower-case letters, digits and single hyphens",
            f"Use something like {_quoted(make_slug(value) or 'branch-meeting')}.",
        )
    return value


def make_slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")


def place_slug(name: str) -> str:
    """The address part for a place's name: "Yorkshire and the Humber" -> "yorkshire-and-the-humber",
    "Ynys Môn" -> "ynys-mon". Only letters, digits and hyphens: never a folder path."""
    return make_slug(unidecode(unicodedata.normalize("NFKC", str(name))))


# ---- dates and times ---------------------------------------------------------

_WHEN = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)
DATE_FORMAT_FIX = "Write dates as YYYY-MM-DD (2027-01-12) and times in 24-hour form after a space (2027-01-12 19:00)."


def _parse_when(value, allow_time: bool):
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return value
    match = _WHEN.match(str(value).strip()) if isinstance(value, str | int) else None
    if not match:
        raise FieldError(f"is {_quoted(value)}, which is not a date", DATE_FORMAT_FIX)
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if year < 1:
        raise FieldError(f"is {_quoted(value)}: there is no year {match['y']}", "Write the year in full, e.g. 2027.")
    if not 1 <= month <= 12:
        raise FieldError(f"is {_quoted(value)}: there is no month {month}", "The month goes from 01 to 12.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise FieldError(
            f"is {_quoted(value)}, which is not a real date: {name} {year} has {days} days",
            f"Check the day of the month (1 to {days}).",
        )
    if match["H"] is None:
        return dt.date(year, month, day)
    if not allow_time:
        raise FieldError(f"is {_quoted(value)}; only a date is wanted here", "Leave out the time: YYYY-MM-DD.")
    hour, minute, second = int(match["H"]), int(match["M"]), int(match["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise FieldError(
            f"is {_quoted(value)}: the time {hour}:{minute:02d} does not exist",
            "Use the 24-hour clock, from 00:00 to 23:59 (7pm is 19:00).",
        )
    return dt.datetime(year, month, day, hour, minute, second)


def date_only(value) -> dt.date:
    when = _parse_when(value, allow_time=False)
    if isinstance(when, dt.datetime):
        raise FieldError(f"is {_quoted(value)}; only a date is wanted here", "Leave out the time: YYYY-MM-DD.")
    return when


def date_or_datetime(value) -> dt.date | dt.datetime:
    return _parse_when(value, allow_time=True)


# ---- validating a mapping ----------------------------------------------------


def _describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, int | float):
        return f"the number {value}"
    return _quoted(value)


def _list(choices: Sequence[str]) -> str:
    items = [f"`{c}`" for c in choices]
    return ", ".join(items[:-1]) + f" or {items[-1]}" if len(items) > 1 else items[0]


def _did_you_mean(value: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(str(value).lower(), [o.lower() for o in options], n=1, cutoff=0.6)
    if not close:
        return ""
    match = next(o for o in options if o.lower() == close[0])
    return f"Did you mean `{match}`?"


def validate_fields(
    data,
    fields: Sequence[Field],
    *,
    line_of: Callable[..., int],
    report,
    path,
    what: str,
    base_key: tuple = (),
    missing_line: int = 0,
) -> dict:
    """Check ``data`` against ``fields``; add problems to ``report``; return good values.

    ``line_of(*key)`` gives the file line of a key path; ``what`` names the kind of
    file in messages ("news post", "branch.yaml").
    """
    by_name = {f.name: f for f in fields}
    if not isinstance(data, dict):
        report.error(
            path,
            line_of(*base_key) or missing_line,
            f"the {what} should be a list of `key: value` lines, not {_describe(data)}",
            "Write one `key: value` per line, e.g. `title: Branch meeting`.",
        )
        return {}
    values = {}
    for key, value in data.items():
        name = str(key)
        line = line_of(*base_key, key)
        field = by_name.get(name)
        if field is None:
            hint = _did_you_mean(name, list(by_name))
            known = ", ".join(f.name for f in fields)
            report.error(
                path,
                line,
                f"`{name}` is not a key a {what} can have",
                hint + (" " if hint else "") + f"The keys are: {known}.",
            )
            continue
        if value is None and not field.required:
            continue  # an empty optional key is the same as leaving it out
        try:
            values[name] = field.kind(value)
        except FieldError as exc:
            report.error(path, line_of(*base_key, key, *exc.at), f"`{name}` {exc.message}", exc.fix)
        except FieldErrors as exc:
            for err in exc.errors:
                report.error(path, line_of(*base_key, key, *err.at), f"`{name}` {err.message}", err.fix)
    for field in fields:
        if field.required and field.name not in data:
            example = f" {field.example}" if field.example else " ..."
            report.error(
                path,
                line_of(*base_key, field.name) or missing_line,
                f"the {what} has no `{field.name}`" + (f" ({field.doc})" if field.doc else ""),
                f"Add a line `{field.name}:{example}`.",
            )
    return values
