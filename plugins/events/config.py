"""The settings events owns, with their defaults (kit_settings.declared_settings)."""

import zoneinfo
from urllib.parse import urlsplit

from kit_settings.declared_settings import Retired, Setting, address, list_of, whole, with_field

from .ical import MAX_REFRESH_HOURS, REFRESH_HOURS
from .occurrences import MAX_OCCURRENCES
from .pages import NEXT_DATES
from .structured_data import ADDRESS_COUNTRY, OFFER_CURRENCY


def _time_zone(value) -> str | None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "it must be a time zone name such as Europe/London"
    return None


SETTINGS = [
    Setting(
        "TIMEZONE",
        None,
        str,
        "Pelican's: the party's time zone (Europe/London), that event times without one are in.",
        _time_zone,
    ),
    Setting("EVENTS_PATH", "events", str, "The folder of each site's content that holds its events.", address),
    Setting(
        "EVENTS_REUSE_NATIONAL_PAGES",
        True,
        bool,
        "Render the national events lists and month grids again only when what they show changed (the site's "
        "content, settings, theme and branches, and the area's events); False for a site whose template overrides "
        "of them show data of its own plugins.",
    ),
    Setting("EVENTS_URL", "events/", str, "The address of the list of coming events.", address),
    Setting("EVENTS_SAVE_AS", "events/index.html", str, "Where that list is written.", address),
    Setting("EVENTS_PAST_URL", "events/past/", str, "The address of the list of past events.", address),
    Setting("EVENTS_PAST_SAVE_AS", "events/past/index.html", str, "Where that list is written.", address),
    Setting("EVENTS_MONTH_URL", "events/{key}/", str, "A month's events; {key} is 2027/01.", with_field("key")),
    Setting("EVENTS_MONTH_SAVE_AS", "events/{key}/index.html", str, "Where it is written.", with_field("key")),
    Setting(
        "EVENT_URL",
        "events/{slug}/",
        str,
        "One page per date; {slug} is 2027-01-12-branch-meeting.",
        with_field("slug"),
    ),
    Setting("EVENT_SAVE_AS", "events/{slug}/index.html", str, "Where an event's page is written.", with_field("slug")),
    Setting(
        "EVENT_ICS_URL",
        "events/{slug}.ics",
        str,
        'The whole event (all its dates), for "Add to calendar".',
        with_field("slug"),
    ),
    Setting("EVENTS_CALENDAR_SAVE_AS", "calendar.ics", str, "Every site's calendar of its own events.", address),
    Setting(
        "EVENTS_ALL_CALENDAR_SAVE_AS",
        "calendars/all.ics",
        str,
        "The main site's calendar of national and every branch's events.",
        address,
    ),
    Setting(
        "EVENTS_NATION_CALENDAR_SAVE_AS",
        "calendars/{nation}.ics",
        str,
        "A nation's calendar.",
        with_field("nation"),
    ),
    Setting(
        "EVENTS_REGION_CALENDAR_SAVE_AS",
        "calendars/{nation}/{region}.ics",
        str,
        "Each English region's calendar.",
        with_field("nation", "region"),
    ),
    Setting(
        "EVENTS_FEED_PAST_DAYS",
        7,
        int,
        "The calendars of many branches (all.ics, nations, regions) keep the last this many days.",
        whole(0),
    ),
    Setting(
        "EVENTS_FEED_AHEAD_DAYS",
        90,
        int,
        "Those calendars keep the next this many days (a repeating event when any of its dates is in them).",
        whole(1),
    ),
    Setting(
        "EVENTS_FEED_MAX_EVENTS",
        1000,
        int,
        "Those calendars hold no more events than this: the soonest.",
        whole(0),
    ),
    Setting(
        "EVENTS_FEED_MAX_BYTES",
        1_000_000,
        int,
        "Those calendars are no larger than this, in bytes: Google Calendar drops feeds over about 1 MB.",
        whole(0),
    ),
    Setting("EVENTS_NATION_URL", "events/{nation}/", str, "A nation's events.", with_field("nation")),
    Setting(
        "EVENTS_NATION_SAVE_AS",
        "events/{nation}/index.html",
        str,
        "Where a nation's page is written.",
        with_field("nation"),
    ),
    Setting(
        "EVENTS_NATIONS",
        ["England", "Scotland", "Wales", "Northern Ireland"],
        list,
        "The nations with a page and a calendar of their own.",
        list_of(str),
    ),
    Setting("EVENTS_HORIZON_MONTHS", 12, int, "How far ahead repeating events are listed.", whole(1, 120)),
    Setting(
        "EVENTS_NEXT_DATES",
        NEXT_DATES,
        int,
        "How many coming dates a repeating event's page lists (each with a share card of its own).",
        whole(1, 52),
    ),
    Setting("EVENTS_PAST_MONTHS", 12, int, "How far back past dates of repeating events are kept.", whole(0, 120)),
    Setting(
        "EVENTS_REGION_URL",
        "events/{nation}/{region}/",
        str,
        "An English region's events (national events and its branches').",
        with_field("nation", "region"),
    ),
    Setting(
        "EVENTS_REGION_SAVE_AS",
        "events/{nation}/{region}/index.html",
        str,
        "Where a region's list is written.",
        with_field("nation", "region"),
    ),
    Setting(
        "EVENTS_LIST_PAGE_URL",
        "{list}page/{number}/",
        str,
        "The later pages of a list of many branches' events; {list} is the list's address, {number} 2, 3...",
        with_field("list", "number"),
    ),
    Setting(
        "EVENTS_LIST_PAGE_SAVE_AS",
        "{list}page/{number}/index.html",
        str,
        "Where they are written.",
        with_field("list", "number"),
    ),
    Setting(
        "EVENTS_AREA_MONTH_URL",
        "{list}{key}/",
        str,
        "A nation's or region's month grid; {list} is its list's address, {key} 2027/01.",
        with_field("list", "key"),
    ),
    Setting(
        "EVENTS_AREA_MONTH_SAVE_AS",
        "{list}{key}/index.html",
        str,
        "Where it is written.",
        with_field("list", "key"),
    ),
    Setting(
        "EVENTS_NATION_DAYS",
        90,
        int,
        "The lists and month grids of many branches hold the branch events of the next this many days.",
        whole(1),
    ),
    Setting(
        "EVENTS_NATION_LIMIT",
        60,
        int,
        "One page of a list of many branches' events (the national list, a nation's, a region's) holds "
        "no more events than this; the rest go on further pages.",
        whole(1),
    ),
    Setting(
        "EVENTS_MONTH_DAY_LIMIT",
        3,
        int,
        "A day of a month grid of many branches shows no more events than this, then links to the list.",
        whole(1),
    ),
    Setting(
        "EVENTS_UID_DOMAIN",
        None,
        str,
        "The domain in every event's UID (by default SITEURL's); never change it: calendar apps match events by it.",
        default_from=lambda settings: urlsplit(settings.get("SITEURL") or "").hostname,
    ),
    Setting(
        "EVENTS_MAX_OCCURRENCES",
        MAX_OCCURRENCES,
        int,
        "Dates of one repeating event at most.",
        whole(1),
    ),
    Setting(
        "EVENTS_CALENDAR_REFRESH_HOURS",
        REFRESH_HOURS,
        int,
        "How often subscribers should fetch a calendar again.",
        whole(1, MAX_REFRESH_HOURS),
    ),
    Setting("EVENTS_ADDRESS_COUNTRY", ADDRESS_COUNTRY, str, "Events' country in JSON-LD (ISO 3166-1)."),
    Setting("EVENTS_OFFER_CURRENCY", OFFER_CURRENCY, str, "The currency of ticket prices in JSON-LD (ISO 4217)."),
    Setting("HOME_SITE_EVENTS", 3, int, "A site's own next events on its home page.", whole(0)),
    Setting(
        "HOME_NATION_EVENTS",
        3,
        int,
        "The main home page's next events of each nation, and of the party's own and UK-wide ones.",
        whole(0),
    ),
    Setting(
        "HOME_NEAR_EVENTS",
        3,
        int,
        "Each branch's next events the national home page shows for a reader's postcode area.",
        whole(0),
    ),
    Setting(
        "HOME_NEAR_EVENTS_SAVE_AS",
        "events/near/{area}.json",
        str,
        "One postcode area's local branches and their events in the lists of many branches, for the "
        "home page and the lists' postcode filter.",
        with_field("area"),
    ),
]

RETIRED = [
    Retired(
        "HOME_COUNTRY_EVENTS",
        "the national home page no longer shows one list of the next events across the country: it lists "
        "them by nation, HOME_NATION_EVENTS each (after the party's own and UK-wide ones), and a reader's "
        "nearby branches' first, HOME_NEAR_EVENTS each",
    ),
]
