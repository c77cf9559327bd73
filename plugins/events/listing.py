"""The events lists and month grids of many branches: one list for the whole party, one per
nation and one per English region, each paginated so that no page grows with the branches.

Every entry is made from an occurrence record (events.export.occurrence_record): the main site's
own, or one a branch exported (EventsExport.upcoming); nothing of a branch is read again here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import zoneinfo
from dataclasses import dataclass, field

from branch_subsites.branch_config import ENGLISH_REGIONS
from content_schema.fields import place_slug
from interface_language.local_dates import date_words

from .event_source import ListedPlace, listed_place
from .export import STATUS_MEANING
from .month_grid import build_months
from .wording import clock, event_date, event_words

# "Branch social (cancelled)", "Cancelled: Branch social", "POSTPONED - Stall": the status as editors
# put it in a title, which the list's status badge already says
_STATUS_IN_TITLE = {
    status: re.compile(
        rf"^\s*{re.escape(label)}\s*[:\-–—]\s*|\s*[(\[]\s*{re.escape(label)}\s*[)\]]\s*$|\s*[:\-–—]\s*{re.escape(label)}\s*$",
        re.IGNORECASE,
    )
    for status, label in STATUS_MEANING.items()
    if status != "scheduled"
}


def title_without_status(title: str, status: str) -> str:
    """The title less the status it repeats ("Clean-up (cancelled)" -> "Clean-up"), for lists that
    show the status on its own; a title that is only the status word is kept."""
    pattern = _STATUS_IN_TITLE.get(status)
    if pattern is None:
        return title
    shorter = pattern.sub("", title, count=1).strip()
    return shorter or title


@dataclass(frozen=True)
class ListedEvent:
    """One date of an event as lists and month grids show it, with where its site is."""

    title: str
    href: str  # the occurrence's page (absolute, or root-relative in a preview)
    start: str  # ISO 8601, in the event's own time zone (a date for all-day events)
    end: str
    starts_at: dt.datetime  # aware, for sorting
    timezone: str
    all_day: bool
    status: str
    place: str  # the venue as written, "Address on request", or ""
    online: bool
    site_name: str  # "National", or the branch's display name
    site_url: str
    national: bool = False
    # the postcode districts of the branch (a local branch's `areas`); empty: for everyone (national, networks)
    districts: tuple[str, ...] = ()
    nation: str | None = None
    region: str | None = None  # the region's slug
    lang: str | None = None  # its title's language, for a site's own dates (a lang= where the page's differs)

    @classmethod
    def from_record(cls, record: dict, branch: dict | None = None) -> ListedEvent:
        local = branch is not None and branch.get("kind") == "local"
        region = branch.get("region") if local else None
        return cls(
            title=record["title"],
            href=record["url"],
            start=record["start"],
            end=record["end"],
            starts_at=dt.datetime.fromisoformat(record["starts_at"]),
            timezone=record["timezone"],
            all_day=record["all_day"],
            status=record["status"],
            place=record["place"],
            online=record["online"],
            site_name=record["site_name"],
            site_url=record["site_url"],
            national=branch is None,
            districts=tuple(branch.get("areas", ())) if local else (),
            nation=branch.get("nation") if local else None,
            region=place_slug(region) if region else None,
        )

    @property
    def list_title(self) -> str:
        return title_without_status(self.title, self.status)

    @property
    def status_label(self) -> str:
        return STATUS_MEANING[self.status]

    @property
    def local_date(self) -> dt.date:
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.timezone)).date()

    @property
    def when(self) -> str:
        """ "Tue 12 Jan, 7pm"; "Sat 15 May to Sun 16 May" for all-day events of more than one day."""
        return self.when_in()

    def when_in(self, lang: str | None = None, catalogs: tuple[str, ...] = ()) -> str:
        """``when`` in ``lang`` ("Mer 13 Ion, 7yh"), in the words of the site's ``catalogs``: what a page
        in that language shows (the events plugin's ``local_when`` filter)."""
        text = event_date(self.starts_at, self.timezone, self.all_day, lang=lang, catalogs=catalogs)
        if self.all_day and self.end != self.start:
            last = date_words(dt.date.fromisoformat(self.end), "short", lang)
            text = event_words(lang, catalogs).gettext("%(first)s to %(last)s") % {"first": text, "last": last}
        return text

    @property
    def time_of_day(self) -> str:
        """ "7pm", or "All day", for a day's list of events (the month agenda)."""
        return self.time_of_day_in()

    def time_of_day_in(self, lang: str | None = None, catalogs: tuple[str, ...] = ()) -> str:
        if self.all_day:
            return event_words(lang, catalogs).gettext("All day")
        return clock(self.starts_at.astimezone(zoneinfo.ZoneInfo(self.timezone)), lang)

    @property
    def where(self) -> ListedPlace:
        """Its place as lists say it (event_source.listed_place)."""
        return listed_place(self.place, self.online)

    def sort_key(self):
        return (self.starts_at.astimezone(dt.UTC), self.href)


@dataclass
class ListingPage:
    """One page of an area's list: at most the list's limit of events, soonest first."""

    number: int
    url: str
    save_as: str
    events: list[ListedEvent]
    previous: ListingPage | None = None
    next: ListingPage | None = None

    @property
    def first_day(self) -> dt.date | None:
        return self.events[0].local_date if self.events else None


@dataclass
class EventArea:
    """The party, a nation or an English region: its upcoming events and the pages that list them."""

    kind: str  # "national", "nation" or "region"
    name: str  # "Everywhere", "England", "South West"
    slug: str
    url: str  # its list's first page
    save_as: str
    nation: str | None = None  # a nation's name (a region's nation for a region)
    region: str | None = None  # a region's slug
    events: list[ListedEvent] = field(default_factory=list)
    pages: list[ListingPage] = field(default_factory=list)
    months: list = field(default_factory=list)  # month_grid.Month, each with its url
    districts: tuple[str, ...] = ()  # every postcode district its branches cover (sorted)
    # postcode areas ("AB", "BS") its branches cover, for the postcode filter's "more near you" link
    postcode_areas: tuple[str, ...] = ()
    regions: list[EventArea] = field(default_factory=list)  # a nation's regions with pages
    day_pages: dict = field(default_factory=dict)  # each day of its list: the page its first event is on

    @functools.cached_property
    def digest(self) -> str:
        """Everything its pages show of it, as a digest (taken once the area is complete, as its pages
        are written): its names and addresses, every event in it, its pages, months and regions."""
        made = hashlib.blake2b(digest_size=16)
        head = [self.kind, self.name, self.slug, self.url, self.save_as, self.nation, self.region]
        head += [list(self.districts), list(self.postcode_areas), [(p.number, p.url) for p in self.pages]]
        head += [[(m.key, m.url) for m in self.months], [r.digest for r in self.regions]]
        made.update(repr(head).encode("utf-8"))
        for event in self.events:
            made.update(repr(event).encode("utf-8"))
        return made.hexdigest()

    def holds(self, event: ListedEvent) -> bool:
        if event.nation is None:  # national events, and the networks' across the UK
            return True
        if self.kind == "nation":
            return event.nation == self.nation
        if self.kind == "region":
            return event.nation == self.nation and event.region == self.region
        return True

    def paginate(self, limit: int, page_url: str, page_save_as: str) -> None:
        """Pages of at most ``limit`` events; the first at the area's own address, the others at
        ``page_url``/``page_save_as`` ({list} the first page's address, {number} from 2)."""
        chunks = [self.events[i : i + limit] for i in range(0, len(self.events), limit)] or [[]]
        self.pages = []
        for number, chunk in enumerate(chunks, start=1):
            if number == 1:
                url, save_as = self.url, self.save_as
            else:
                url = page_url.format(list=self.url, number=number)
                save_as = page_save_as.format(list=self.url, number=number)
            page = ListingPage(number, url, save_as, chunk)
            if self.pages:
                page.previous, self.pages[-1].next = self.pages[-1], page
            self.pages.append(page)
            for event in chunk:
                self.day_pages.setdefault(event.local_date, page)

    def page_of_day(self, day: dt.date) -> ListingPage | None:
        """The page whose list holds the first event of ``day`` (None: no upcoming event that day)."""
        return self.day_pages.get(day)

    @property
    def current_month(self):
        return current_month(self.months, self.events)

    def holds_branch(self, branch: dict) -> bool:
        if branch.get("kind") != "local":
            return False
        if self.kind == "nation":
            return branch.get("nation") == self.nation
        if self.kind == "region":
            return branch.get("nation") == self.nation and place_slug(branch.get("region") or "") == self.region
        return True


def current_month(months: list, upcoming: list[ListedEvent]):
    """The month grid to open first: the month of the next event, else the last month with events."""
    if not months:
        return None
    if upcoming:
        key = f"{upcoming[0].local_date:%Y/%m}"
        return next((m for m in months if m.key == key), months[-1])
    return months[-1]


def covered_areas(districts) -> tuple[str, ...]:
    """The postcode areas of districts: "AB1", "AB12" -> "AB"."""
    return tuple(sorted({re.match(r"[A-Z]+", d).group(0) for d in districts if re.match(r"[A-Z]+", d)}))


def event_areas(
    settings: dict, listed: list[ListedEvent], national_past: list[ListedEvent], branches: list[dict], nations: list
) -> dict:
    """The national list, each nation's and each English region's, paginated, with their month grids:
    {"all": area, "nations": {name: area}, "regions": {slug: area}}.

    ``listed`` are the upcoming events (the main site's and every branch's within EVENTS_NATION_DAYS),
    soonest first; ``national_past`` the main site's past dates, which its own month grids keep."""
    national = EventArea("national", "Everywhere", "all", settings["EVENTS_URL"], settings["EVENTS_SAVE_AS"])
    by_nation, by_region = {}, {}
    for nation in nations:
        slug = nation["slug"]
        area = EventArea(
            "nation",
            nation["name"],
            slug,
            nation["url"],
            settings["EVENTS_NATION_SAVE_AS"].format(nation=slug),
            nation=nation["name"],
        )
        if nation["name"] == "England":  # the English regions, as the calendars have them
            for name in ENGLISH_REGIONS:
                region = place_slug(name)
                made = EventArea(
                    "region",
                    name,
                    region,
                    settings["EVENTS_REGION_URL"].format(nation=slug, region=region),
                    settings["EVENTS_REGION_SAVE_AS"].format(nation=slug, region=region),
                    nation=nation["name"],
                    region=region,
                )
                area.regions.append(made)
                by_region[region] = made
        by_nation[nation["name"]] = area
    national.regions = list(by_nation.values())
    for area in (national, *by_nation.values(), *by_region.values()):
        area.events = [e for e in listed if area.holds(e)]
        area.districts = tuple(sorted({d for b in branches if area.holds_branch(b) for d in b.get("areas", ())}))
        area.postcode_areas = covered_areas(area.districts)
        area.paginate(
            settings["EVENTS_NATION_LIMIT"], settings["EVENTS_LIST_PAGE_URL"], settings["EVENTS_LIST_PAGE_SAVE_AS"]
        )
        area.months = build_months(national_past + area.events if area.kind == "national" else area.events)
        for month in area.months:
            if area.kind == "national":
                month.url = settings["EVENTS_MONTH_URL"].format(key=month.key)
                month.save_as = settings["EVENTS_MONTH_SAVE_AS"].format(key=month.key)
            else:
                month.url = settings["EVENTS_AREA_MONTH_URL"].format(list=area.url, key=month.key)
                month.save_as = settings["EVENTS_AREA_MONTH_SAVE_AS"].format(list=area.url, key=month.key)
    return {"all": national, "nations": by_nation, "regions": by_region}


def area_digest(area: EventArea) -> str:
    return area.digest
