"""Event pages as search engines and microformats parsers read them: the JSON-LD against Google's
Event rich-result rules, and the h-event microformats read with mf2py."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import mf2py
import pytest
from PIL import Image

from editor_checks.run import check_project
from kit_testing import build, copy_fixture, project_settings

NOW = "1798761600"  # 2027-01-01 00:00 UTC
PREVIEW = "http://localhost:8000"  # absolute_addresses' preview address: `make html` builds these tests

# ---- Google's Event structured data rules ------------------------------------------------------
# developers.google.com/search/docs/appearance/structured-data/event, "Structured data type
# definitions": what an Event must have for a rich result, and what Google recommends.
GOOGLE_EVENT = {
    "required": ("name", "startDate", "location"),
    "recommended": (
        "description",
        "endDate",
        "eventAttendanceMode",
        "eventStatus",
        "image",
        "offers",
        "organizer",
        "performer",
        "previousStartDate",
    ),
    # a location is a Place with an address, or a VirtualLocation with a url (online events)
    "location_types": {
        "Place": {"required": ("address",), "recommended": ("name",)},
        "VirtualLocation": {"required": ("url",), "recommended": ()},
    },
    "address_types": {
        "PostalAddress": {
            "recommended": ("streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry")
        }
    },
    # eventAttendanceMode, and the kinds of location each mode has
    "attendance_locations": {
        "https://schema.org/OfflineEventAttendanceMode": {"Place"},
        "https://schema.org/OnlineEventAttendanceMode": {"VirtualLocation"},
        "https://schema.org/MixedEventAttendanceMode": {"Place", "VirtualLocation"},
    },
    "statuses": (
        "https://schema.org/EventScheduled",
        "https://schema.org/EventCancelled",
        "https://schema.org/EventMovedOnline",
        "https://schema.org/EventPostponed",
        "https://schema.org/EventRescheduled",
    ),
    # previousStartDate is for rescheduled events only; an event moved online is online
    "status_needs": {"https://schema.org/EventRescheduled": ("previousStartDate",)},
    "only_with_status": {"previousStartDate": "https://schema.org/EventRescheduled"},
    "status_attendance": {"https://schema.org/EventMovedOnline": "https://schema.org/OnlineEventAttendanceMode"},
    "offer": {"recommended": ("availability", "price", "priceCurrency", "validFrom", "url")},
    "availability": (
        "https://schema.org/InStock",
        "https://schema.org/SoldOut",
        "https://schema.org/PreOrder",
    ),
    "organizer_types": ("Organization", "Person"),
    "organizer": {"recommended": ("name", "url")},
    "image_min_pixels": 50_000,  # width x height of each image
}

# What the kit leaves out of Google's recommendations, and when (docs/events.md says why).
KIT_LEAVES_OUT = {
    "performer": lambda ld: True,  # a party's events have no performers to name
    "validFrom": lambda ld: True,  # only for offers sold from a date: every event is free to attend
    "addressRegion": lambda ld: True,  # the kit does not split the address an editor writes
    "offers": lambda ld: ld["eventStatus"].endswith(("EventCancelled", "EventPostponed")),  # nothing to go to yet
    "previousStartDate": lambda ld: not ld["eventStatus"].endswith("EventRescheduled"),
}

# ---- a site with every kind of event ------------------------------------------------------------
TITLE_WITH_MARKUP = 'Q&A: "budget" </script><script>alert(1)</script><!-- end'
EVENTS = {
    "branches/alpha/events/2027-02-03-online-call.md": (
        "title: Members' call\nstart: 2027-02-03 19:30\nduration: 1h\nonline: https://meet.example.org/call\n"
    ),
    "branches/alpha/events/2027-02-04-said-online.md": (
        "title: Said online\nstart: 2027-02-04 19:30\nduration: 1h\nlocation: Online\n"
        "online: https://meet.example.org/said\n"
    ),
    "branches/alpha/events/2027-02-10-private-meeting.md": (
        "title: Private meeting\nstart: 2027-02-10 19:00\nduration: 2h\naddress_on_request: true\n"
        "location: Central Alphaton\n"
    ),
    "branches/alpha/events/2027-02-11-committee.md": (
        "title: Committee\nstart: 2027-02-11 19:00\nduration: 2h\naddress_on_request: true\n"
    ),
    "branches/alpha/events/2027-03-05-hustings.md": (
        "title: Hustings\nstart: 2027-03-05 19:00\nduration: 2h\nlocation: St Mary's Hall, Alphaton\n"
        "postcode: AB1 3EF\nstatus: postponed\n"
    ),
    "branches/alpha/events/2027-03-06-workshop.md": (
        "title: Leaflet workshop\nstart: 2027-03-06 10:00\nduration: 3h\nlocation: Alphaton Library\n"
        "online: https://meet.example.org/workshop\nstatus: moved-online\n"
    ),
    "branches/alpha/events/2027-03-13-photo-walk.md": (
        "title: Photo walk\nstart: 2027-03-13 10:00\nduration: 2h\nlocation: Alphaton Park gates\n"
        "image: images/walk.jpg\nimage_alt: Walkers by the river\n"
    ),
    "content/events/2027-04-01-q-and-a.md": (
        f"title: '{TITLE_WITH_MARKUP}'\nstart: 2027-04-01 19:00\nduration: 1h\nlocation: Town Hall, Leicester\n"
    ),
    "content/events/2027-04-02-abroad.md": (
        "title: Sister party visit\nstart: 2027-04-02 19:00\nduration: 1h\ntimezone: Europe/Dublin\n"
        "location: Liberty Hall, Dublin\n"
    ),
}


def walk_picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (40, 120, 60)).save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The two-branch fixture with one event of every kind besides its own: in person with a
    postcode and a map position (repeating), online only, mixed (all-day), address on request
    with and without a town, cancelled, rescheduled, postponed, moved online, with a picture,
    in another country, and one whose title is markup."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("structured") / "project")
    for rel, front in EVENTS.items():
        (project / rel).write_text(f"---\n{front}---\nCome along: everyone is welcome.\n", encoding="utf-8")
    (project / "branches/alpha/images").mkdir()
    (project / "branches/alpha/images/walk.jpg").write_bytes(walk_picture())
    return build(project, now=NOW)


def event_pages(output: Path) -> list[Path]:
    """Every event page: a folder under events/ named by its date."""
    return sorted(p for p in output.rglob("events/*/index.html") if re.match(r"\d{4}-\d\d-\d\d-", p.parent.name))


def json_ld(page: Path) -> dict:
    """The page's one JSON-LD block, read as a browser's HTML parser delimits it: up to the first </script."""
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script', page.read_text("utf-8"), re.S)
    return json.loads(block)


def page_address(output: Path, page: Path) -> str:
    return f"{PREVIEW}/{page.parent.relative_to(output).as_posix()}/"


def types_of(value) -> list[str]:
    return [item["@type"] for item in (value if isinstance(value, list) else [value])]


def google_problems(ld: dict, output: Path) -> list[str]:
    """What Google's rules (GOOGLE_EVENT) find wrong with one Event, less what the kit leaves out."""
    rules, problems = GOOGLE_EVENT, []

    def missing(data: dict, keys, what: str, recommended: bool = False) -> None:
        for key in keys:
            if data.get(key) in (None, "", []) and not (
                recommended and key in KIT_LEAVES_OUT and KIT_LEAVES_OUT[key](ld)
            ):
                problems.append(f"{what}: no {key}")

    missing(ld, rules["required"], "required")
    missing(ld, rules["recommended"], "recommended", recommended=True)
    for key, status in rules["only_with_status"].items():
        if key in ld and ld.get("eventStatus") != status:
            problems.append(f"{key} without {status}")
    missing(ld, rules["status_needs"].get(ld.get("eventStatus"), ()), "for its status")
    for key in ("startDate", "endDate", "previousStartDate"):
        if key in ld:
            try:
                dt.datetime.fromisoformat(ld[key])
            except ValueError:
                problems.append(f"{key} is not ISO 8601: {ld[key]}")
    locations = ld.get("location", [])
    for location in locations if isinstance(locations, list) else [locations]:
        kind = rules["location_types"].get(location.get("@type"))
        if kind is None:
            problems.append(f"a location of type {location.get('@type')}")
            continue
        missing(location, kind["required"], f"{location['@type']}")
        missing(location, kind["recommended"], f"{location['@type']}", recommended=True)
        address = location.get("address")
        if isinstance(address, dict):
            if address.get("@type") not in rules["address_types"]:
                problems.append(f"an address of type {address.get('@type')}")
            elif not set(address) - {"@type"}:
                problems.append("an empty PostalAddress")
        if location.get("url") and not urlsplit(location["url"]).scheme:
            problems.append(f"a VirtualLocation url that is not absolute: {location['url']}")
    mode = ld.get("eventAttendanceMode")
    if mode not in rules["attendance_locations"]:
        problems.append(f"eventAttendanceMode {mode}")
    elif set(types_of(locations)) != rules["attendance_locations"][mode]:
        problems.append(f"{mode} with locations {types_of(locations)}")
    if ld.get("eventStatus") not in rules["statuses"]:
        problems.append(f"eventStatus {ld.get('eventStatus')}")
    if ld.get("eventStatus") in rules["status_attendance"] and mode != rules["status_attendance"][ld["eventStatus"]]:
        problems.append(f"{ld['eventStatus']} with {mode}")
    if "offers" in ld:
        missing(ld["offers"], rules["offer"]["recommended"], "offers", recommended=True)
        if ld["offers"].get("availability") not in rules["availability"]:
            problems.append(f"offers.availability {ld['offers'].get('availability')}")
    if "organizer" in ld:
        if ld["organizer"].get("@type") not in rules["organizer_types"]:
            problems.append(f"organizer of type {ld['organizer'].get('@type')}")
        missing(ld["organizer"], rules["organizer"]["recommended"], "organizer", recommended=True)
    for url in ld.get("image", []):
        path = output / urlsplit(url).path.lstrip("/")
        if not url.startswith(PREVIEW) or not path.is_file():
            problems.append(f"image {url} is not a file of the site")
            continue
        with Image.open(path) as picture:
            if picture.width * picture.height < rules["image_min_pixels"]:
                problems.append(f"image {url} has {picture.width}x{picture.height} pixels")
    return problems


def test_every_event_page_meets_googles_event_rules(site):
    pages = event_pages(site)
    # one page for each kind above, besides the fixture's own nine dates
    assert {Path(rel).stem for rel in EVENTS} <= {page.parent.name for page in pages} and len(pages) == 9 + len(EVENTS)
    found = {page.parent.relative_to(site).as_posix(): google_problems(json_ld(page), site) for page in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}


def test_every_event_page_is_its_own_address_and_its_organiser_is_the_site(site):
    for page in event_pages(site):
        ld = json_ld(page)
        assert ld["url"] == page_address(site, page)
        if "offers" in ld:
            assert ld["offers"]["url"] == ld["url"] and ld["offers"]["price"] == 0
    alpha = json_ld(site / "branches/alpha/events/2027-02-03-online-call/index.html")
    assert alpha["organizer"] == {
        "@type": "Organization",
        "name": "Alphaton branch",
        "url": f"{PREVIEW}/branches/alpha/",
    }
    national = json_ld(site / "events/2027-05-15-conference/index.html")
    assert national["organizer"]["name"] == "The Test Party" and national["organizer"]["url"] == f"{PREVIEW}/"


def ld_of(site: Path, page: str) -> dict:
    return json_ld(site / page / "index.html")


def test_online_only_events_have_only_a_virtual_location(site):
    for slug in ("2027-02-03-online-call", "2027-02-04-said-online"):  # the second says `location: Online`
        ld = ld_of(site, f"branches/alpha/events/{slug}")
        assert ld["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        assert ld["location"]["@type"] == "VirtualLocation"
        assert ld["location"]["url"].startswith("https://meet.example.org/")
    moved = ld_of(site, "branches/alpha/events/2027-03-06-workshop")
    assert moved["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert moved["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/workshop"}


def test_location_online_is_a_warning_at_its_line(tmp_path):
    (tmp_path / "content/events").mkdir(parents=True)
    (tmp_path / "content/events/2027-02-04-said-online.md").write_text(
        "---\n" + EVENTS["branches/alpha/events/2027-02-04-said-online.md"] + "---\n"
    )
    (warning,) = check_project(project_settings(tmp_path)).warnings
    assert (warning.path, warning.line) == ("content/events/2027-02-04-said-online.md", 5)
    assert "Delete the `location:` line" in warning.fix


def test_a_mixed_event_has_its_place_and_its_virtual_location(site):
    ld = ld_of(site, "events/2027-05-15-conference")
    assert ld["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert ld["location"] == [
        {
            "@type": "Place",
            "name": "Conference Centre, Leicester",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Conference Centre, Leicester",
                "addressCountry": "GB",
            },
        },
        {"@type": "VirtualLocation", "url": "https://meet.example.org/conference"},
    ]
    assert (ld["startDate"], ld["endDate"]) == ("2027-05-15", "2027-05-16")  # all-day: dates, the last day


def test_addresses_have_the_parts_the_event_file_gives(site):
    meeting = ld_of(site, "branches/alpha/events/2027-01-12-branch-meeting")["location"]
    assert meeting["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Alphaton Library, High Street",
        "postalCode": "AB1 2CD",
        "addressCountry": "GB",
    }
    assert meeting["geo"] == {"@type": "GeoCoordinates", "latitude": 51.5, "longitude": -2.5}
    # an event in another time zone is not taken to be in the UK
    abroad = ld_of(site, "events/2027-04-02-abroad")["location"]["address"]
    assert abroad == {"@type": "PostalAddress", "streetAddress": "Liberty Hall, Dublin"}


def test_an_address_on_request_gives_the_town_only(site):
    private = ld_of(site, "branches/alpha/events/2027-02-10-private-meeting")
    assert private["location"] == {
        "@type": "Place",
        "name": "Central Alphaton",
        "address": {"@type": "PostalAddress", "addressLocality": "Central Alphaton", "addressCountry": "GB"},
    }
    # no town written: the branch's own name
    committee = ld_of(site, "branches/alpha/events/2027-02-11-committee")["location"]
    assert committee["address"] == {"@type": "PostalAddress", "addressLocality": "Alphaton", "addressCountry": "GB"}
    for slug in ("2027-02-10-private-meeting", "2027-02-11-committee"):
        page = (site / f"branches/alpha/events/{slug}/index.html").read_text()
        assert "geo" not in json_ld(site / f"branches/alpha/events/{slug}/index.html")["location"]
        assert "openstreetmap" not in page


def test_statuses_and_the_previous_start_with_its_offset(site):
    assert ld_of(site, "branches/alpha/events/2027-03-05-hustings")["eventStatus"] == (
        "https://schema.org/EventPostponed"
    )
    stall = ld_of(site, "branches/alpha/events/2027-02-20-stall")
    assert stall["eventStatus"] == "https://schema.org/EventRescheduled"
    assert stall["previousStartDate"] == "2027-02-13T11:00:00+00:00"
    assert "offers" not in ld_of(site, "branches/alpha/events/2027-10-31-clocks-back-social")  # cancelled


def test_description_and_image_are_what_the_page_shows(site):
    page = site / "branches/alpha/events/2027-03-13-photo-walk/index.html"
    ld = json_ld(page)
    html = page.read_text()
    assert ld["description"] == "Come along: everyone is welcome."
    (og_image,) = re.findall(r'<meta property="og:image" content="([^"]+)">', html)
    assert ld["image"] == [PREVIEW + og_image]  # its own picture
    assert "/images/" in og_image
    card = json_ld(site / "branches/alpha/events/2027-02-03-online-call/index.html")["image"]
    assert card == [f"{PREVIEW}/branches/alpha/cards/event-online-call.png"]  # its share card


def test_markup_in_a_title_cannot_end_the_json_ld_block(site):
    page = site / "events/2027-04-01-q-and-a/index.html"
    text = page.read_text()
    assert json_ld(page)["name"] == TITLE_WITH_MARKUP
    block = text.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert "<script>alert(1)</script>" not in text


# ---- microformats -------------------------------------------------------------------------------


def h_events(output: Path, page: Path) -> list[dict]:
    parsed = mf2py.parse(doc=page.read_text("utf-8"), url=page_address(output, page))
    found = []

    def walk(items):
        for item in items:
            if "h-event" in item["type"]:
                found.append(item)
            walk(item.get("children", []))
            for values in item["properties"].values():
                walk([v for v in values if isinstance(v, dict) and "type" in v])

    walk(parsed["items"])
    return found


def test_each_event_page_is_one_h_event_whose_url_is_the_page(site):
    for page in event_pages(site):
        (event,) = h_events(site, page)
        props = event["properties"]
        assert props["url"] == [page_address(site, page)], page
        assert props["name"] == [json_ld(page)["name"]]
        assert props["start"] and props["end"]
    online = h_events(site, site / "branches/alpha/events/2027-02-03-online-call/index.html")[0]["properties"]
    (join,) = online["location"]
    assert join["type"] == ["h-card"] and join["properties"]["url"] == ["https://meet.example.org/call"]
    # moved online: the page still names the old venue, but the event's only location is the link
    moved = h_events(site, site / "branches/alpha/events/2027-03-06-workshop/index.html")[0]["properties"]
    assert [location["properties"]["url"] for location in moved["location"]] == [["https://meet.example.org/workshop"]]
    mixed = h_events(site, site / "events/2027-05-15-conference/index.html")[0]["properties"]
    assert mixed["location"][0] == "Conference Centre, Leicester"
    assert mixed["location"][1]["properties"]["url"] == ["https://meet.example.org/conference"]


@pytest.mark.parametrize(
    "listing",
    [
        "branches/alpha/events/index.html",  # upcoming, by month
        "branches/alpha/events/past/index.html",
        "branches/alpha/events/2027/03/index.html",  # a month's grid
        "branches/alpha/index.html",  # the branch's home page
        "events/index.html",
        "events/england/index.html",  # a nation's: every branch's events
        "index.html",  # the national home page: the country's next events
    ],
)
def test_listing_pages_carry_each_events_url_start_and_end(site, listing):
    events = h_events(site, site / listing)
    if listing.endswith("past/index.html"):
        assert events == []  # nothing is past at the fixture's "now"
        return
    assert events
    for event in events:
        props = event["properties"]
        (url,) = props["url"]
        target = site / urlsplit(url).path.lstrip("/") / "index.html"
        (on_its_page,) = h_events(site, target)
        assert props["start"] == on_its_page["properties"]["start"]
        assert props["end"] == on_its_page["properties"]["end"]
        assert props["name"] == on_its_page["properties"]["name"]
