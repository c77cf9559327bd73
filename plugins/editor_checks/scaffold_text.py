"""The text the scaffolding writes for an editor to replace, and the check that finds it left.

`make new-post`, `make new-event` and `make new-branch` (scaffold/writers.py) write their files from
the texts below and from the editor's answers, nothing else: a text added here is both written by
the scaffolding and refused by `make check` while it is still in a file, so a half-written post,
event or branch cannot go live. The texts are matched anywhere in a line, so a line the editor began
to change but did not finish is found too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from content_schema.source_text import FileTooLarge, read_source_text
from content_schema.yaml_source import YamlSyntaxError, load_yaml

from .sites import markdown_files


@dataclass(frozen=True)
class ScaffoldText:
    """One line's text as the scaffolding writes it; ``key`` is the YAML key it is the value of
    (None: a line of a file's text, below its front matter)."""

    text: str
    key: str | None = None

    def line(self) -> str:
        return self.text if self.key is None else f"{self.key}: {self.text}"


# The `accessibility` values the kit has offered as examples: the first is what `make new-event`
# wrote into every event before this release (and the schema's example), the second what it
# suggests now. A value that is still exactly one of them, whole, was not written by the event's
# editor; a list the editor made of their own notes may well include "Step-free access".
ACCESSIBILITY_EXAMPLES = (("Step-free access",), ("Step-free entrance from Mill Street",))

POST_TEXT = ScaffoldText("Write the post here, in Markdown. The first paragraph is the one people see first.")
EVENT_TEXT = ScaffoldText(
    "Say what will happen, who it is for, and what to bring. If you know what access the venue has, add a "
    f"line such as `accessibility: [{ACCESSIBILITY_EXAMPLES[1][0]}]` above the second ---, in your own words."
)
BRANCH_DESCRIPTION = ScaffoldText("One or two sentences about the branch, for the branch directory.", "description")
BRANCH_MEETS = ScaffoldText(
    "When and where the branch meets, e.g. Second Tuesday of the month, 7pm, the library", "meets"
)
ABOUT_PAGE_TEXT = ScaffoldText("Who we are, what we campaign on, and how to join in.")

# Every text above: the check's list, made from the same objects the scaffolding writes.
SCAFFOLD_TEXTS = tuple(value for value in dict(globals()).values() if isinstance(value, ScaffoldText))

# The largest file read for this check; larger ones are refused by the front matter's own check.
_MAX_BYTES = 1_000_000


def _read(path: str, settings: dict) -> str | None:
    try:
        return read_source_text(path, settings.get("FRONT_MATTER_MAX_FILE_BYTES", _MAX_BYTES))
    except (OSError, UnicodeDecodeError, FileTooLarge):
        return None  # the file's own check says what is wrong with it


def find_scaffold_text(path: str, text: str, report) -> None:
    """Report every line of ``text`` (the file ``path``) that still holds a text of the scaffolding."""
    for number, line in enumerate(text.split("\n"), start=1):
        for left in SCAFFOLD_TEXTS:
            if left.text in line:
                what = f"the `{left.key}:` line" if left.key else "this line"
                report.error(
                    path,
                    number,
                    f"{what} is still the scaffolding's example text: “{left.text}”",
                    f"Replace line {number} with your own words"
                    + (f", or delete the `{left.key}:` line." if left.key else ", or delete it."),
                )
                break


def _same_words(values) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()).casefold() for v in values)


def find_example_access_notes(path: str, text: str, report) -> None:
    """Report an event's `accessibility` value that is still exactly an example the kit offered."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        return
    try:
        front = load_yaml("\n".join(lines[1:end]), first_line=2)
    except YamlSyntaxError:
        return  # the event's own check reports it
    notes = front.data.get("accessibility") if isinstance(front.data, dict) else None
    if isinstance(notes, str):
        notes = [notes]
    if not isinstance(notes, list) or _same_words(notes) not in {_same_words(e) for e in ACCESSIBILITY_EXAMPLES}:
        return
    line = front.line_of("accessibility")
    report.error(
        path,
        line,
        f"`accessibility: [{', '.join(map(str, notes))}]` is the kit's example, not what this event's "
        "editor found out about the venue",
        f"Replace line {line} with what the venue really offers, in your own words (the entrance, toilets, "
        "a hearing loop...), or delete it if you do not know: a wrong access claim misleads the people "
        "who rely on it.",
    )


def check_scaffold_text(settings, sites, report) -> None:
    """A check_site receiver: scaffolding text left in any news post, page, event or branch.yaml."""
    events_folder = settings.get("EVENTS_PATH")
    for site in sites:
        paths = list(markdown_files(site.path, settings))
        if site.slug is not None:
            paths.append(os.path.join(site.path, "branch.yaml"))
        for path in paths:
            text = _read(path, settings)
            if text is None:
                continue
            find_scaffold_text(path, text, report)
            if events_folder and path.startswith(os.path.join(site.path, events_folder, "")):
                find_example_access_notes(path, text, report)
