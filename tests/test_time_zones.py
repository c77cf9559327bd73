"""VTIMEZONE blocks in the yearly-rule form (events/time_zones.py), read back by icalendar's own
VTIMEZONE reader (dateutil rules) and compared with zoneinfo."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from icalendar import Calendar

from events.time_zones import parse_tz_string, tz_string, vtimezone

# one zone for each kind of rule tzdata has: northern and southern summers, half hours, names in
# <>, hours past 24 and below 0, Dublin's winter "summer time", and zones whose rules changed lately
ZONES = [
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Helsinki",
    "America/New_York",
    "America/St_Johns",
    "America/Santiago",
    "America/Nuuk",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Asia/Jerusalem",
    "Asia/Gaza",
    "Asia/Kolkata",
    "Asia/Tehran",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Auckland",
    "Africa/Casablanca",
    "Africa/Cairo",
    "Etc/UTC",
]


def offsets_read_back(tzid: str, first: dt.date) -> zoneinfo.ZoneInfo:
    """The zone as a calendar program that reads only the VTIMEZONE block would have it."""
    calendar = Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + vtimezone(tzid, first).to_ical() + b"END:VCALENDAR\r\n")
    (block,) = calendar.walk("VTIMEZONE")
    return block.to_tz(lookup_tzid=False)


@pytest.mark.parametrize("tzid", ZONES)
def test_the_block_gives_tzdata_offsets_for_local_times_over_years(tzid):
    """What a calendar program does with an event: a local time and its TZID to an instant. Times in
    the hour the clocks skip or repeat are left out (programs differ there, and events avoid them)."""
    first = dt.date(2021, 6, 1)  # before Mexico, Greenland and others changed their rules
    read_back, zone = offsets_read_back(tzid, first), zoneinfo.ZoneInfo(tzid)
    start = dt.datetime.combine(first, dt.time())
    wrong = []
    for step in range(4 * 366 * 24 * 60 // 97):  # every 97 minutes: each hour of the day in turn
        local = start + dt.timedelta(minutes=97 * step)
        offset = local.replace(tzinfo=zone).utcoffset()
        if offset != local.replace(tzinfo=zone, fold=1).utcoffset():
            continue
        if local.replace(tzinfo=read_back).utcoffset() != offset:
            wrong.append(local)
    assert wrong == []


def test_london_is_two_yearly_rules_with_onsets_at_one_gmt_and_two_bst():
    text = vtimezone("Europe/London", dt.date(2026, 1, 1)).to_ical().decode()
    assert text == (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19960331T010000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        "TZNAME:BST\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19961027T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "TZNAME:GMT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )


def test_a_zone_without_summer_time_is_one_standard_observance():
    (standard,) = vtimezone("Asia/Kolkata", dt.date(2026, 1, 1)).subcomponents
    assert standard.name == "STANDARD" and "RRULE" not in standard
    assert standard["tzoffsetto"].to_ical() == "+0530"


def test_times_before_the_current_rule_are_one_observance_per_change():
    """Mexico City stopped summer time in October 2022: a calendar from 2021 on lists the changes
    from the one in force then to the last one, each with its own DTSTART and no RDATE."""
    block = vtimezone("America/Mexico_City", dt.date(2021, 6, 1))
    starts = [(part.name, part["dtstart"].to_ical().decode()) for part in block.subcomponents]
    assert starts == [
        ("DAYLIGHT", "20210404T020000"),
        ("STANDARD", "20211031T020000"),
        ("DAYLIGHT", "20220403T020000"),
        ("STANDARD", "20221030T020000"),
    ]
    assert b"RDATE" not in block.to_ical() and b"RRULE" not in block.to_ical()
    # a calendar of this year's events has the current rule alone
    assert [p["dtstart"].to_ical() for p in vtimezone("America/Mexico_City", dt.date(2026, 1, 1)).subcomponents] == [
        b"20221030T020000"
    ]


def test_a_time_past_midnight_moves_the_rule_to_the_next_day():
    """Israel: 26:00 on the Thursday before the last Sunday of March is the Friday, 02:00."""
    daylight = vtimezone("Asia/Jerusalem", dt.date(2026, 1, 1)).subcomponents[0]
    assert daylight["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29;BYMONTH=3"
    assert daylight["dtstart"].dt.weekday() == 4 and daylight["dtstart"].dt.hour == 2


def test_a_rule_no_yearly_rrule_can_say_keeps_the_list_of_changes():
    """Cairo's summer time ends at 24:00 on the last Thursday of October, which may be 1 November."""
    block = vtimezone("Africa/Cairo", dt.date(2026, 1, 1))
    assert "RRULE" not in block.to_ical().decode() and "RDATE" in block.to_ical().decode()
    assert offsets_read_back("Africa/Cairo", dt.date(2026, 1, 1)).utcoffset(
        dt.datetime(2030, 10, 31, 23, 30)
    ) == dt.timedelta(hours=3)


def test_tz_strings_are_read_as_posix_writes_them():
    assert tz_string("Europe/London") == "GMT0BST,M3.5.0/1,M10.5.0"
    rule = parse_tz_string("<-02>2<-01>,M3.5.0/-1,M10.5.0/0")
    assert (rule.offset, rule.name) == (dt.timedelta(hours=-2), "-02")
    on, off = rule.onsets
    assert (on.offset_to, on.name, on.seconds) == (dt.timedelta(hours=-1), "-01", -3600)
    assert on.local_start(2027) == dt.datetime(2027, 3, 27, 23, 0)  # the Saturday before the last Sunday
    assert off.local_start(2027) == dt.datetime(2027, 10, 31, 0, 0)
    with pytest.raises(ValueError):
        parse_tz_string("EST5EDT,J60,J300")  # the Julian-day form: no zone of tzdata uses it
