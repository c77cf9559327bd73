"""events: every site's events as HTML pages, month grids and iCalendar feeds.

Event files live in events/ of the main site and of every branch. Each site
gets its own list, month grids, a page per occurrence and calendar.ics; the
main site also aggregates every branch's events into national calendars.
"""

from .register import register

__all__ = ["register"]
