"""Each site's events: pages, month grids and calendar.ics; on the main site also
the national calendars aggregated from every branch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import json
import os
import re
from collections.abc import Iterable

from markupsafe import Markup
from pelican.generators import Generator

from absolute_addresses.addresses import is_absolute, site_address
from branch_subsites.branch_config import ENGLISH_REGIONS
from branch_subsites.records import EventsExport
from content_schema import ContentProblems, ProblemList
from content_schema.fields import place_slug
from file_policy.addresses import attribute_address
from front_matter.converter import SiteConverter
from front_matter.document import reported_as_linked, size_limit
from imprints.promoters import content_imprint, site_imprint
from incremental_build.cache_files import load_keyed_json, store_keyed_json
from incremental_build.containment import is_within
from incremental_build.derived import site_inputs, write_derived, write_derived_page
from incremental_build.files import write_output_file
from incremental_build.fingerprint import plain_value
from incremental_build.unchanged_build import holds_until
from interface_language import N_, translations
from interface_language.catalogs import catalog_folders

from .calendar_apps import event_details, google_calendar_url, outlook_calendar_url
from .event_source import parse_event_file
from .export import branch_occurrences, occurrence_record, record_key, records_digest, series_record, significant_digest
from .home_events import nation_groups, near_files, next_meeting
from .ical import calendar_bytes, record_dates, refresh_interval, timezone_range
from .listing import ListedEvent, area_digest, current_month, event_areas
from .month_grid import build_months
from .national_calendars import NationalCalendar, NationalCalendars, region_calendar_path
from .pages import EventPage, event_urls, next_dates
from .pairs import pair_pages, split_pairs, translation_address
from .sequences import SequenceBook, sequence_floor
from .site_dates import site_occurrences
from .structured_data import page_structured_data, summary
from .vevent_texts import VeventTexts
from .wording import event_words


def event_files(folder: str) -> Iterable[str]:
    if not os.path.isdir(folder):
        return []
    return sorted(
        os.path.join(dirpath, name)
        for dirpath, _dirs, names in os.walk(folder)
        for name in names
        if name.endswith((".md", ".markdown")) and not name.startswith(".")
    )


def plain_text(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()


INTRASITE_LINK = re.compile(
    r"""(?P<attr>href|src)=(?P<q>["'])\{(?P<what>filename|static)\}(?P<path>[^"'#?]+)(?P<rest>[^"']*)(?P=q)"""
)


def resolve_intrasite_links(html_text: str, context: dict, site_url: str, source_dir: str, site_root: str) -> str:
    """Pelican's {filename} and {static} links, for event descriptions (not Pelican content)."""

    def replace(match):
        target = match["path"]
        rel = (
            target.lstrip("/")
            if target.startswith("/")
            else os.path.relpath(os.path.normpath(os.path.join(source_dir, target)), site_root)
        )
        table = context["generated_content"] if match["what"] == "filename" else context["static_content"]
        content = table.get(rel.replace(os.sep, "/"))
        if content is None:
            return match.group(0)  # left for the link check to report
        address = attribute_address(f"{site_url}/{content.url}{match['rest']}")  # a file's name is not markup
        return f"{match['attr']}={match['q']}{address}{match['q']}"

    return INTRASITE_LINK.sub(replace, html_text)


def nation_slug(name: str) -> str:
    return name.lower().replace(" ", "-")


class EventsGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        now: dt.datetime = settings["BUILD_NOW"]
        self.refresh = refresh_interval(settings)  # a bad setting stops the build before anything is written
        report = ProblemList(root=settings.get("KIT_ROOT") or settings["PATH"])
        series_list = []
        for path in event_files(os.path.join(settings["PATH"], settings["EVENTS_PATH"])):
            if reported_as_linked(settings["PATH"], path, report, "event"):
                continue
            series = parse_event_file(path, report, max_bytes=size_limit(settings))
            if series is not None:
                series_list.append(series)
        # a translation (events.pairs) is no event of its own: its pages are the original's dates
        series_list, translations = split_pairs(series_list, settings["DEFAULT_LANG"], settings["PATH"])
        if not report.errors:
            branch_slug = (settings.get("BRANCH") or {}).get("slug")
            label = f"branch {branch_slug}" if branch_slug else "the main site"
            expanded = site_occurrences(series_list, settings, now, report, label, branch_slug)
            translated = site_occurrences([t for t, _ in translations], settings, now, report, label, branch_slug)
        if report.errors:
            raise ContentProblems(report.sorted())

        converter = SiteConverter(settings)
        site_key = (settings.get("BRANCH") or {}).get("slug", "national")
        uid_domain = settings["EVENTS_UID_DOMAIN"]
        sequences = SequenceBook(os.path.join(settings["CACHE_PATH"], "event-sequences.json"))
        self.records, self.pages = [], []
        pages_of = {}  # each event's pages, by its file
        for series, occurrences in expanded:
            html_text = converter.convert(series.body, series.source_path, series.body_line, report)
            if html_text is None:
                raise ContentProblems(report.sorted())
            content = Markup(html_text)
            # an imported event keeps the UID its subscribers have (site_dates refuses one that could pass for
            # another site's); the national calendars qualify it with the site's key (national_calendars)
            uid = series.uid or f"{site_key}/{series.slug}@{uid_domain}"
            ics_url = settings["EVENT_ICS_URL"].format(slug=series.slug)
            first_url = event_urls(occurrences[0], settings)[0] if occurrences else ics_url
            record = series_record(
                series,
                uid=uid,
                url=f"{site_address(settings)}/{first_url}",  # a calendar's URL is absolute, in a preview too
                description=plain_text(content),
                sequence=series.sequence,
                imprint=imprint_text(content_imprint(settings, {"promoter": series.promoter}), settings),
            )
            floor = sequence_floor(series.sequence, series.previous_start)
            record["sequence"] = sequences.sequence(uid, significant_digest(record), floor)
            record["stamp"] = sequences.stamp(uid, records_digest([record]), now.astimezone(dt.UTC).isoformat())
            record["ics_url"] = ics_url
            if series.uid:  # only where there is one: other events' records, and so their digests, stay as they were
                record["uid_site"] = site_key
            self.records.append(record)
            series_pages = []
            for occurrence in occurrences:
                url, save_as = event_urls(occurrence, settings)
                series_pages.append(
                    EventPage(
                        occurrence,
                        url,
                        save_as,
                        content,
                        ics_url,
                        site_language=self.settings["DEFAULT_LANG"],
                        catalogs=catalog_folders(self.settings),
                    )
                )
            set_next_dates_and_cards(series_pages, now, settings["EVENTS_NEXT_DATES"])
            self.pages.extend(series_pages)
            pages_of[series.source_path] = series_pages
        self.translation_pages = self._translation_pages(
            translated, {t.source_path: o for t, o in translations}, pages_of, converter, report
        )
        sequences.save()
        stored = None if settings.get("BRANCH") else os.path.join(settings["CACHE_PATH"], "events", "vevents.pickle")
        self.vevents = VeventTexts(settings, stored)
        self.pages.sort(key=lambda p: p.occurrence.sort_key())
        self.upcoming = [p for p in self.pages if not p.occurrence.is_past(now)]
        self.past = [p for p in reversed(self.pages) if p.occurrence.is_past(now)]
        self.listed = {p.url: self._listed(p) for p in self.pages}  # each date as lists and month grids show it
        self.months = build_months([self.listed[p.url] for p in self.pages])
        for month in self.months:
            month.url = settings["EVENTS_MONTH_URL"].format(key=month.key)
            month.save_as = settings["EVENTS_MONTH_SAVE_AS"].format(key=month.key)
        self.context["upcoming_events"] = self.upcoming
        # the translations' pages of those dates, no events of their own: for search (site_search)
        self.context["upcoming_event_translations"] = sorted(
            (p for p in self.translation_pages if not p.occurrence.is_past(now)), key=lambda p: p.occurrence.sort_key()
        )
        self.context["next_meeting"] = next_meeting(self.upcoming)
        self.context["calendar_urls"] = {
            **calendar_links(site_address(settings), settings["EVENTS_CALENDAR_SAVE_AS"]),
            # a `make html` preview: its addresses are the preview's (absolute_addresses), not the site's
            "preview": not is_absolute(settings["SITEURL"]),
        }

        # a branch's time becomes its valid_until (branch_subsites), which the main site's then takes in
        holds_until(settings, self._stale_at(now))
        if settings.get("BRANCH"):
            branch = settings["BRANCH"]
            self._export(branch, now)
        else:
            self._aggregate(now)

    def _translation_pages(self, translated, original_of: dict, pages_of: dict, converter, report) -> list[EventPage]:
        """Each translation's page of each date, paired with the original's page of that date; the
        original's calendar file is theirs (one event, one UID)."""
        settings, now = self.settings, self.settings["BUILD_NOW"]
        found = []
        for series, occurrences in translated:
            original = original_of[series.source_path]
            html_text = converter.convert(series.body, series.source_path, series.body_line, report)
            if html_text is None:
                raise ContentProblems(report.sorted())
            ics_url = settings["EVENT_ICS_URL"].format(slug=original.slug)
            pages = [
                EventPage(occurrence, *translation_address(*event_urls(occurrence, settings), series, original),
                          Markup(html_text), ics_url, translated=True, catalogs=catalog_folders(settings))
                for occurrence in occurrences
            ]  # fmt: skip
            set_next_dates_and_cards(pages, now, settings["EVENTS_NEXT_DATES"])
            pair_pages(pages_of.get(original.source_path, []), pages)
            found.extend(pages)
        return found

    def _own_record(self, page: EventPage, site_name: str, nation: str | None) -> dict:
        settings = self.settings
        return occurrence_record(
            page.occurrence,
            url=f"{settings['SITEURL']}/{page.url}",
            site_name=site_name,
            site_url=settings["SITEURL"],
            nation=nation,
        )

    def _listed(self, page: EventPage) -> ListedEvent:
        """One of this site's own dates as its lists show it (for everyone: no branch's districts)."""
        branch = self.settings.get("BRANCH")
        listed = ListedEvent.from_record(
            self._own_record(page, branch["display_name"] if branch else N_("National"), None)
        )
        return dataclasses.replace(listed, lang=page.language)

    # ---- a branch hands its events to the main site ---------------------------
    def _export(self, branch: dict, now: dt.datetime) -> None:
        settings = self.settings
        limit = now + dt.timedelta(days=settings["EVENTS_NATION_DAYS"])

        def record(page):
            return self._own_record(page, branch["display_name"], branch.get("nation"))

        # The records themselves go to a file of their own, read by the main site only when one of its
        # calendars must be made again: 16 MB of the 650 branches' exports, read on every build.
        # Named by their digest: a build of the branch on its own (`make publish BRANCH=`) shares the
        # cache and makes other records (other addresses), and must not change the file a full build's
        # record names. An unchanged branch whose file is gone is built again (branch_subsites).
        digest = records_digest(self.records)
        folder = os.path.join(settings["CACHE_PATH"], "events")
        series_file = os.path.join(folder, f"series-{digest}.json")
        if not os.path.isfile(series_file):  # written whole (write_atomic) under its digest's name
            store_keyed_json(series_file, digest, self.records)
        for name in os.listdir(folder):
            if name.startswith("series-") and name != os.path.basename(series_file):
                os.remove(os.path.join(folder, name))
        settings["BRANCH_EXPORTS"].cache_files.append(series_file)
        settings["BRANCH_EXPORTS"].events = EventsExport(
            series_file=series_file,
            # what the main site's calendars compare, instead of serialising 13,000 records each build
            series_digest=digest,
            series_dates=record_dates(self.records) if self.records else None,
            # the next events within EVENTS_NATION_DAYS, for the national pages
            upcoming=[record(p) for p in self.upcoming if p.occurrence.starts_at <= limit],
            # the very next one that is going ahead, however far off, for the branch directory
            next=next((record(p) for p in self.upcoming if p.occurrence.series.status != "cancelled"), None),
        )

    def _stale_at(self, now: dt.datetime) -> dt.datetime | None:
        """When this site's event pages go stale: the next event ends (it moves to "past"), or a day
        passes (the window of upcoming events moves on). None when the site has no events."""
        if not self.pages:
            return None
        horizon = now + dt.timedelta(days=1)
        return min(min((p.occurrence.ends_at for p in self.upcoming), default=horizon), horizon)

    # ---- the main site gathers every branch's events --------------------------
    def _aggregate(self, now: dt.datetime) -> None:
        settings = self.settings
        branches = self.context.get("branches", [])
        results = self.context.get("branch_results", {})
        upcoming = [self._own_record(p, N_("National"), None) for p in self.upcoming]
        listed = [self.listed[p.url] for p in self.upcoming]
        by_branch: dict[str, list[ListedEvent]] = {}  # each branch's, for the files of postcode areas
        self.branch_series = []  # (name, nation, region's slug, exported events) of each branch with events
        for branch in branches:
            exported = results[branch["slug"]].exports.events if branch["slug"] in results else None
            if exported is None:
                continue
            if exported.series_dates:
                region = place_slug(branch["region"]) if branch.get("region") else None
                self.branch_series.append((branch["display_name"], branch.get("nation"), region, exported))
            own = branch_occurrences(exported.upcoming, branch)
            upcoming.extend(own)
            by_branch[branch["slug"]] = [ListedEvent.from_record(record, branch) for record in own]
            listed.extend(by_branch[branch["slug"]])
        for item in upcoming:
            item["starts"] = dt.datetime.fromisoformat(item["starts_at"])
        upcoming.sort(key=lambda item: (item["starts_at"], item["url"]))
        listed.sort(key=ListedEvent.sort_key)
        for events in by_branch.values():
            events.sort(key=ListedEvent.sort_key)
        self.context["country_upcoming_events"] = upcoming
        self.context["event_nations"] = [
            {"name": n, "slug": nation_slug(n), "url": settings["EVENTS_NATION_URL"].format(nation=nation_slug(n))}
            for n in settings["EVENTS_NATIONS"]
        ]
        self.context["home_event_groups"] = nation_groups(upcoming, self.context["event_nations"], settings)
        self.near_events = near_files(branches, by_branch)
        self.context["home_near_areas"] = sorted(self.near_events)  # at most the UK's 124 postcode areas
        national_past = [self.listed[p.url] for p in reversed(self.past)]  # the national grid's past months
        self.context["event_areas"] = self.event_areas = event_areas(
            settings, listed, national_past, branches, self.context["event_nations"]
        )
        self._plan_national_calendars(now)

    def _plan_national_calendars(self, now: dt.datetime) -> None:
        """all.ics, each nation's and each English region's calendar, with what each holds (for the
        pages that offer them, written before the calendars are)."""
        settings, name = self.settings, self.settings["SITENAME"]
        self.national_calendars = NationalCalendars(
            settings,
            self.records,
            functools.partial(load_series, cache_root=settings["BRANCH_CACHE_PATH"]),
            self.vevents,
            now,
            refresh=self.refresh,
            description=imprint_text(site_imprint(settings), settings),
        )

        def calendar(save_as: str, title: str, nation: str | None = None, region: str | None = None):
            branches = [
                (branch, exported)
                for branch, in_nation, in_region, exported in self.branch_series
                if nation in (None, in_nation) and region in (None, in_region)
            ]
            made = NationalCalendar(save_as, f"{name}: {title}", title, branches)
            made.links = calendar_links(site_address(settings), save_as)
            made.holds = self.national_calendars.summary(made, self.output_path)
            return made

        everything = calendar(settings["EVENTS_ALL_CALENDAR_SAVE_AS"], "all events")
        nations = {
            nation["name"]: calendar(
                settings["EVENTS_NATION_CALENDAR_SAVE_AS"].format(nation=nation["slug"]), nation["name"], nation["name"]
            )
            for nation in self.context["event_nations"]
        }
        regions = {
            place_slug(region): calendar(
                region_calendar_path(settings, "England", region), region, "England", place_slug(region)
            )
            for region in (ENGLISH_REGIONS if "England" in nations else ())
        }
        self.context["event_calendars"] = {"all": everything, "nations": nations, "regions": regions}

    # ---- writing -------------------------------------------------------------
    def generate_output(self, writer):
        settings = self.settings
        self._site_inputs = None  # site_inputs, once, when the national pages are written
        write = writer.write_file
        common = {"calendar_urls": self.context["calendar_urls"]}
        for page in [*self.pages, *self.translation_pages]:
            page.content = Markup(
                resolve_intrasite_links(
                    str(page.content),
                    self.context,
                    settings["SITEURL"],
                    os.path.dirname(page.occurrence.series.source_path),
                    settings["PATH"],
                )
            )
            page.structured_data = page_structured_data(page, settings)
            page.calendar_apps = calendar_app_links(page, settings)
            write(
                page.save_as,
                self.get_template("event"),
                self.context,
                event=page,
                url=page.url,
                page_name=page.save_as[: -len("/index.html")],
                **common,
            )
        self.write_site_lists(writer)
        name = settings["SITENAME"]
        self._write_calendar(settings["EVENTS_CALENDAR_SAVE_AS"], self.records, name=name)
        for record in self.records:
            self._write_calendar(record["ics_url"], [record], name=name)
        if not settings.get("BRANCH"):
            self._write_national(writer)
        self.vevents.save()

    def write_site_lists(self, writer) -> None:
        """A branch's list of coming events and its month grids, and every site's past events, with
        this generator's settings and context (language_lists writes them again in each other
        language of the site)."""
        settings = self.settings
        if settings.get("BRANCH"):
            self._write_lists(writer)
        writer.write_file(
            settings["EVENTS_PAST_SAVE_AS"],
            self.get_template("events_past"),
            self.context,
            events=self.past,
            url=settings["EVENTS_PAST_URL"],
            page_name="events_past",
            calendar_urls=self.context["calendar_urls"],
        )

    def _write_lists(self, writer) -> None:
        """A branch's list of its coming events and its month grids (all of them: they do not grow
        with the number of branches)."""
        settings = self.settings
        upcoming = [self.listed[p.url] for p in self.upcoming]
        common = {"calendar_urls": self.context["calendar_urls"], "area": None, "listing": None}
        writer.write_file(
            settings["EVENTS_SAVE_AS"],
            self.get_template("events"),
            self.context,
            events=upcoming,
            first_month=current_month(self.months, upcoming),
            url=settings["EVENTS_URL"],
            page_name="events",
            **common,
        )
        self._write_months(writer, self.months, common)

    def _write_months(self, writer, months, common: dict, inputs: str | None = None) -> None:
        """Each month grid's page; with ``inputs`` (what the national pages of an area show,
        _area_inputs), one whose inputs are as they were when it was last made is not made again."""
        for month in months:
            values = {"month": month, **common}
            self._write_page(writer, month.save_as, month.url, "events_month", values, inputs, f"month {month.key}")

    def _write_page(self, writer, save_as: str, url: str, template: str, values: dict, inputs, which: str) -> None:
        """One list or month page; with ``inputs``, only if they are not those it was last made from."""

        def write() -> None:
            page = self.get_template(template)
            writer.write_file(save_as, page, self.context, url=url, page_name=url.rstrip("/"), **values)

        # without inputs it is rendered whatever they are, and its stamp removed: a stamp left would let a
        # later build with EVENTS_REUSE_NATIONAL_PAGES on take this page for the one the stamp was made for
        made_from = f"{inputs}\n{which}" if inputs is not None else None
        write_derived_page(self.settings, self.output_path, save_as, made_from, write)

    def _write_areas(self, writer) -> None:
        """The national list, each nation's and each region's: every page of each, and its month grids."""
        calendars = self.context["event_calendars"]
        areas = self.event_areas
        for area in (areas["all"], *areas["nations"].values(), *areas["regions"].values()):
            if area.kind == "national":
                template, extra = "events", {}
            elif area.kind == "nation":
                region_calendars = [calendars["regions"][r.slug] for r in area.regions]
                template = "events_nation"
                extra = {"nation_calendar": calendars["nations"][area.name], "region_calendars": region_calendars}
            else:
                template = "events_region"
                extra = {"region_calendar": calendars["regions"][area.region], "nation": areas["nations"][area.nation]}
            common = {"calendar_urls": self.context["calendar_urls"], "area": area, **extra}
            reuse = self.settings["EVENTS_REUSE_NATIONAL_PAGES"]
            inputs = self._area_inputs(area, template, extra) if reuse else None
            for listing in area.pages:
                values, which = {"listing": listing, **common}, f"page {listing.number}"
                self._write_page(writer, listing.save_as, listing.url, template, values, inputs, which)
            self._write_months(writer, area.months, {**common, "listing": None}, inputs)

    def _area_inputs(self, area, template: str, extra: dict) -> str:
        """Everything an area's list and month pages show: the site's (incremental_build.derived.site_inputs,
        once per build), the area with every event in it and its regions, and the calendars the pages
        offer (what each holds, its links). A branch's news or pages changing leaves it as it was, so
        its pages are not made again; any change to an event of the area makes them all again."""
        if self._site_inputs is None:
            self._site_inputs = site_inputs(self.settings, self.context)
        calendars = [c for value in extra.values() for c in (value if isinstance(value, list) else [value])]
        # every national calendar, whichever the page offers: the national list shows them all (events.html)
        every = self.context["event_calendars"]
        calendars += [every["all"], *every["nations"].values(), *every["regions"].values()]
        shown = [
            (c.save_as, c.name, c.area, c.links, c.holds, len(c.branches))
            if isinstance(c, NationalCalendar)
            else area_digest(c)
            for c in calendars
        ]
        made = json.dumps([template, area_digest(area), plain_value(shown)], sort_keys=True, default=repr)
        return f"{self._site_inputs}\n{made}"

    def _write_national(self, writer) -> None:
        settings = self.settings
        calendars = self.context["event_calendars"]
        every = [calendars["all"], *calendars["nations"].values(), *calendars["regions"].values()]
        for calendar in every:
            write_derived(
                settings,
                self.output_path,
                calendar.save_as,
                self.national_calendars.inputs(calendar),
                functools.partial(self.national_calendars.calendar, calendar),
            )
        self.national_calendars.save([c.save_as for c in every])
        for area, data in self.near_events.items():
            self._write_bytes(settings["HOME_NEAR_EVENTS_SAVE_AS"].format(area=area), data)
        self._write_areas(writer)

    def _write_calendar(self, relative: str, records: list[dict], name: str) -> None:
        """A site's own calendar (or one event's), described by the site's imprint, made again only
        when its events or its imprint change."""
        inputs = [record_key(r, None) for r in records]
        zones = timezone_range(records) if records else None
        description = imprint_text(site_imprint(self.settings), self.settings)
        header = json.dumps(
            {"name": name, "description": description, "zones": str(zones), "refresh": str(self.refresh)},
            sort_keys=True,
        )

        def make() -> bytes:
            return calendar_bytes(
                records, name=name, description=description, zones=zones, events=self.vevents, refresh=self.refresh
            )

        write_derived(self.settings, self.output_path, relative, "\n".join([header, *inputs]), make)

    def _write_bytes(self, relative: str, data: bytes) -> None:
        write_output_file(self.output_path, relative, data)


def set_next_dates_and_cards(pages: list[EventPage], now: dt.datetime, limit: int) -> None:
    """One event's pages: a repeating event's next dates, listed on each of its pages; which pages'
    share cards show their date and time (a one-off's, a repeating event's next dates': a card per
    date of a weekly series of two years would be a hundred)."""
    if not pages:
        return
    if not pages[0].occurrence.series.repeat:
        for page in pages:
            page.card_when = card_when(page)
        return
    coming = next_dates(pages, now, limit)
    dated = {item.url for item in coming if item.url}
    for page in pages:
        page.next_dates = coming
        page.card_when = card_when(page) if page.url in dated else None


def card_when(page: EventPage) -> str:
    """The date and time a share card shows, with the event's status when it is not going ahead as planned."""
    if page.occurrence.series.status == "scheduled":
        return page.when
    words = event_words(page.language, page.catalogs)  # the site's catalogs, as the event's own words (wording)
    return words.gettext("%(status)s: %(when)s") % {"status": words.gettext(page.status_label), "when": page.when}


def calendar_app_links(page: EventPage, settings: dict) -> dict | None:
    """The addresses of Google Calendar's and Outlook.com's add-event forms, filled in with the page's
    date; None for an event that is off or has no date yet."""
    if not page.can_be_added:
        return None
    page_url = f"{site_address(settings)}/{page.url}"
    details = event_details(summary(page, settings.get("SUMMARY_MAX_LENGTH")), page_url, page.occurrence.series)
    return {
        "google": google_calendar_url(page.occurrence, details=details),
        "outlook": outlook_calendar_url(page.occurrence, details=details),
    }


def imprint_text(imprint, settings: dict | None = None) -> str | None:
    """The imprint's sentence, for a calendar's or an event's description, in the site's language
    (None only while the national promoter is unset, which the settings check stops the build for)."""
    if imprint is None:
        return None
    return imprint.sentence(translations(settings, settings.get("DEFAULT_LANG")) if settings else None)


class MissingBranchEvents(Exception):
    exitcode = 1


def load_series(exported: EventsExport, cache_root: str) -> list[dict]:
    """A branch's event records, from the file its build left beside its build record in ``cache_root``
    (BRANCH_CACHE_PATH), and never from anywhere else (a record read back names one in its own
    branch's folder there, or is refused: build_record.read_record). The file is JSON, since a
    shard's arrives from another CI job, and its records must hash to the digest the build record
    names: a file changed since its branch's build is refused, not read into the calendars."""
    if not is_within(cache_root, exported.series_file):
        raise MissingBranchEvents(
            f"events: {exported.series_file} is outside the branches' cache {cache_root}; it was not read. "
            "Remove the .cache folder and build again."
        )
    records = load_keyed_json(exported.series_file, exported.series_digest)
    if (
        not isinstance(records, list)
        or not all(isinstance(record, dict) for record in records)
        or records_digest(records) != exported.series_digest
    ):
        raise MissingBranchEvents(
            f"events: {exported.series_file} is missing or does not match its branch's last build. "
            "Remove the .cache folder and build again."
        )
    return records


def calendar_links(site_url: str, save_as: str) -> dict:
    """The calendar at ``save_as`` under the absolute ``site_url``: its address to download or
    paste into an app ("https", http:// in a preview) and the webcal:// link that opens one."""
    https = f"{site_url}/{save_as}"
    webcal = "webcal://" + https.split("://", 1)[1] if https.startswith(("https://", "http://")) else None
    return {"https": https, "webcal": webcal}
