"""Calendar agreement: every occurrence of every .ics in a build, as three readers give it.

    python -m bench.calendar_agreement OUTPUT [--until 2030-01-01]

The reference is recurring-ical-events, which icalendar hands the TZID's rules from tzdata (the
VTIMEZONE blocks are not read). Against it: ical.js 2.x in node (tests/calendar_clients/expand.mjs),
the parser of Thunderbird, Nextcloud and many web calendars, and vobject (dateutil), both of which
use the file's own VTIMEZONE blocks. Repeating events with no end are expanded to ``until``: by
default three years past SOURCE_DATE_EPOCH (or now). Prints the number of files, occurrences and
disagreements; exits 1 on any disagreement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import recurring_ical_events
import vobject
import vobject.icalendar
from icalendar import Calendar

KIT_ROOT = Path(__file__).resolve().parent.parent
ICAL_JS_SCRIPT = KIT_ROOT / "tests" / "calendar_clients" / "expand.mjs"
YEARS_AHEAD = 3

Occurrences = dict[str, list[str]]  # UID: each occurrence, sorted


def default_until() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return now.replace(year=now.year + YEARS_AHEAD, month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def _occurrence(value) -> str:
    """A timed occurrence as its UTC instant, an all-day one as its date (it has no instant)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError(f"a floating time {value}: its calendar gave it no time zone")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _sorted(found: dict[str, list[str]]) -> Occurrences:
    return {uid: sorted(times) for uid, times in sorted(found.items())}


def expand_with_tzdata(path: Path, until: dt.datetime) -> Occurrences:
    calendar = Calendar.from_ical(path.read_bytes())
    found: dict[str, list[str]] = {str(e["uid"]): [] for e in calendar.walk("VEVENT")}
    for event in recurring_ical_events.of(calendar).between(dt.datetime(1970, 1, 1, tzinfo=dt.UTC), until):
        found[str(event["uid"])].append(_occurrence(event["dtstart"].dt))
    return _sorted(found)


def expand_with_vobject(path: Path, until: dt.datetime) -> Occurrences:
    # vobject keeps the first VTIMEZONE it saw for a TZID for the rest of the process; each file
    # must be read with its own blocks
    vars(vobject.icalendar)["__tzidMap"].clear()
    vobject.icalendar.registerTzid("UTC", vobject.icalendar.utc)
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    events = calendar.contents.get("vevent", [])
    # vobject leaves RECURRENCE-ID to the program, which moves the occurrence the rule gives there
    moved: dict[str, dict] = {}
    for event in events:
        if "recurrence-id" in event.contents:
            moved.setdefault(event.uid.value, {})[event.recurrence_id.value] = event.dtstart.value
    found: dict[str, list[str]] = {}
    for event in (e for e in events if "recurrence-id" not in e.contents):
        start = event.dtstart.value
        rules = event.getrruleset(addRDate=True)
        dates = [start] if rules is None else rules
        times = found.setdefault(event.uid.value, [])
        overrides = moved.get(event.uid.value, {})
        for when in dates:
            if isinstance(start, dt.date) and not isinstance(start, dt.datetime):
                when = when.date() if isinstance(when, dt.datetime) else when
                if dt.datetime.combine(when, dt.time(), dt.UTC) >= until:
                    break
            elif when >= until:
                break
            times.append(_occurrence(overrides.get(when, when)))
    return _sorted(found)


def expand_with_icaljs(paths: list[Path], until: dt.datetime) -> dict[Path, Occurrences]:
    request = json.dumps({"until": until.isoformat(), "files": [str(p) for p in paths]})
    done = subprocess.run(
        ["node", str(ICAL_JS_SCRIPT)], input=request, capture_output=True, text=True, check=True, cwd=KIT_ROOT
    )
    return {Path(name): _sorted(found) for name, found in json.loads(done.stdout).items()}


@dataclass
class Agreement:
    files: int = 0
    occurrences: int = 0  # in the reference
    disagreements: list[str] = field(default_factory=list)  # "file UID reader: only there / missing"

    def summary(self) -> str:
        return f"{self.files} files, {self.occurrences} occurrences, {len(self.disagreements)} disagreements"


def _differences(path: str, reader: str, reference: Occurrences, other: Occurrences) -> list[str]:
    found = []
    for uid in sorted(set(reference) | set(other)):
        wanted, got = set(reference.get(uid, [])), set(other.get(uid, []))
        found += [f"{path} {uid} {reader}: {when} missing" for when in sorted(wanted - got)]
        found += [f"{path} {uid} {reader}: {when} not in tzdata's" for when in sorted(got - wanted)]
    return found


def compare(paths: list[Path], until: dt.datetime, root: Path | None = None) -> Agreement:
    agreement = Agreement(files=len(paths))
    by_icaljs = expand_with_icaljs(paths, until) if paths else {}
    for path in paths:
        name = path.relative_to(root).as_posix() if root else str(path)
        reference = expand_with_tzdata(path, until)
        agreement.occurrences += sum(len(times) for times in reference.values())
        agreement.disagreements += _differences(name, "ical.js", reference, by_icaljs[path])
        agreement.disagreements += _differences(name, "vobject", reference, expand_with_vobject(path, until))
    return agreement


def compare_output(output: Path, until: dt.datetime | None = None) -> Agreement:
    """Every .ics under ``output`` (a built site: the main site's, every branch's, every event's)."""
    return compare(sorted(output.rglob("*.ics")), until or default_until(), root=output)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="a built site's output folder")
    parser.add_argument("--until", type=dt.date.fromisoformat, help="expand repeating events to this date")
    args = parser.parse_args(argv)
    until = dt.datetime.combine(args.until, dt.time(), dt.UTC) if args.until else None
    agreement = compare_output(args.output, until)
    for line in agreement.disagreements[:50]:
        print(line)
    print(agreement.summary())
    return 1 if agreement.disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
