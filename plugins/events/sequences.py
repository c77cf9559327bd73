"""SEQUENCE numbers that rise when an event's date, time or place changes, and DTSTAMPs that
move when anything about it changes.

The book lives in the build cache: a change seen since the last build raises the
number by one. An editor's `sequence:` key is a floor, so a fresh checkout
(empty cache) never goes below what was published before if editors bump it.

DTSTAMP is when the event's record last changed, not when the build ran: with the build's time,
every build would rewrite every calendar (the national ones are megabytes) though nothing changed.
"""

from __future__ import annotations

import json

from incremental_build.cache_files import write_atomic


def sequence_floor(editor_sequence: int, previous_start) -> int:
    """The least SEQUENCE an event can have: the editor's `sequence:`, and 1 for a rescheduled event
    (it has moved at least once), so a build with an empty cache still tells calendars it moved."""
    return max(editor_sequence, 1 if previous_start is not None else 0)


class SequenceBook:
    def __init__(self, path: str):
        self.path = path
        try:
            with open(path, encoding="utf-8") as handle:
                self.entries = json.load(handle)
        except (OSError, ValueError):
            self.entries = {}

    def sequence(self, uid: str, digest: str, floor: int) -> int:
        entry = self.entries.get(uid)
        if entry is None:
            number = floor
        elif entry["digest"] != digest:
            number = max(floor, entry["sequence"] + 1)
        else:
            number = max(floor, entry["sequence"])
        self.entries[uid] = {**(entry or {}), "digest": digest, "sequence": number}
        return number

    def stamp(self, uid: str, record_digest: str, now: str) -> str:
        """When the event with ``uid`` last changed in any way (``record_digest`` is of the whole
        record): ``now`` if it is new or changed since the last build, else the time recorded then."""
        entry = self.entries.setdefault(uid, {"digest": "", "sequence": 0})
        if entry.get("record") != record_digest or "changed" not in entry:
            entry["record"], entry["changed"] = record_digest, now
        return entry["changed"]

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.entries, sort_keys=True, indent=1).encode("utf-8"))
