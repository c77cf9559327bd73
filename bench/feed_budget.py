"""Calendar budgets: every published .ics at most 1 MB and 1,000 events, so that calendar programs
take it whole (Google Calendar is reported to drop subscribed feeds over about 1 MB).

    python -m bench.feed_budget OUTPUT

Reports the largest calendar by bytes and by VEVENTs, and fails if any is over either budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.report_cli import run_report

MAX_BYTES = 1_000_000
MAX_EVENTS = 1000


@dataclass(frozen=True)
class Feed:
    path: str
    size: int
    events: int

    @property
    def over(self) -> bool:
        return self.size > MAX_BYTES or self.events > MAX_EVENTS


def feeds(output: Path) -> list[Feed]:
    found = []
    for path in sorted(output.rglob("*.ics")):
        data = path.read_bytes()
        # BEGIN lines are never folded: each VEVENT starts with exactly this line (RFC 5545 3.6)
        events = data.count(b"\r\nBEGIN:VEVENT\r\n") + data.startswith(b"BEGIN:VEVENT\r\n")
        found.append(Feed(path.relative_to(output).as_posix(), len(data), events))
    return found


def report(output: Path) -> bool:
    found = feeds(output)
    print(f"Calendars (.ics), budget {MAX_BYTES / 1e6:g} MB and {MAX_EVENTS:,} events each:")
    if not found:
        print("  none")
        return True
    by_size = max(found, key=lambda f: (f.size, f.path))
    by_events = max(found, key=lambda f: (f.events, f.path))
    print(f"  {len(found)} files, {sum(f.size for f in found) / 1e6:.1f} MB in all")
    print(f"  largest by bytes:  {by_size.path}: {by_size.size / 1e6:.3f} MB, {by_size.events:,} events")
    print(f"  largest by events: {by_events.path}: {by_events.events:,} events, {by_events.size / 1e6:.3f} MB")
    over = [f for f in found if f.over]
    for feed in over:
        print(f"  OVER: {feed.path}: {feed.size / 1e6:.3f} MB, {feed.events:,} events")
    return not over


def main(argv=None) -> None:
    run_report(__doc__, report, argv)


if __name__ == "__main__":
    main()
