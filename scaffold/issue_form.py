"""An "Add an event" issue, as the forge submits its form, read into the answers the scaffolding
writes an event file from (`branchsites event-from-issue`, run by the issue workflows).

GitHub and Forgejo submit an issue form as Markdown: each field under a `### <its label>` heading,
`_No response_` for one left empty, `- [X] <option>` for a ticked box. The labels are read from the
form itself (.github/ISSUE_TEMPLATE/add-event.yml), so the form and this reader cannot drift apart.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import yaml

from .writers import slugify, yaml_text

NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^### (.+?)\s*$", re.M)
TICKED = re.compile(r"^\s*- \[[xX]\] ", re.M)


def form_fields(form_text: str) -> dict[str, str]:
    """{label: id} of an issue form's fields."""
    form = yaml.safe_load(form_text)
    return {item["attributes"]["label"]: item["id"] for item in form["body"] if "id" in item}


def submitted_answers(body: str, labels: dict[str, str]) -> dict[str, str]:
    """{field id: answer} of an issue body; an empty or unknown field is left out."""
    body = body.replace("\r\n", "\n")
    headings = list(HEADING.finditer(body))
    answers = {}
    for here, after in zip(headings, [*headings[1:], None], strict=True):
        label = here.group(1).strip()
        value = body[here.end() : after.start() if after else len(body)].strip()
        if label in labels and value and value != NO_RESPONSE:
            answers[labels[label]] = value
    return answers


@dataclass
class EventAnswers:
    """What the scaffolding writes, from the answers: its own fields, the further front-matter lines,
    the event's text, and notes for the editor who reviews the pull request."""

    branch: str = ""
    title: str = ""
    start: str = ""
    end: str = ""
    location: str = ""
    online: str = ""
    more: list[str] = field(default_factory=list)
    text: str = ""
    notes: list[str] = field(default_factory=list)


def event_answers(answers: dict[str, str]) -> EventAnswers:
    event = EventAnswers(
        branch=answers.get("branch", "").strip(),
        title=answers.get("title", "").strip(),
        start=answers.get("start", "").strip(),
        end=answers.get("end", "").strip(),
        location=answers.get("location", "").strip(),
        online=answers.get("online", "").strip(),
        text=answers.get("description", "").strip(),
    )
    if answers.get("all_day", "").strip() == "true":
        event.more.append("all_day: true")
    if answers.get("postcode"):
        event.more.append(f"postcode: {yaml_text(answers['postcode'].strip())}")
    access = [line.strip().lstrip("-*• ").strip() for line in answers.get("accessibility", "").splitlines()]
    if [a for a in access if a]:
        event.more.append(f"accessibility: {json.dumps([a for a in access if a], ensure_ascii=False)}")
    if TICKED.search(answers.get("address_on_request", "")):
        event.more.append("address_on_request: true")
    tags = [slugify(t) for t in answers.get("tags", "").split(",") if t.strip()]
    if tags:
        event.more.append(f"tags: [{', '.join(tags)}]")
    if answers.get("repeat"):
        event.notes.append(
            f"It repeats, the issue says: “{answers['repeat'].strip()}”. Add a `repeat:` rule "
            "(docs/events.md) before merging, or it is published as one date."
        )
    return event
