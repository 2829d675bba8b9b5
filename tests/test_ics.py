"""The calendar file: RFC 5545 lines, escaping, folding, time zones (read back by icalendar)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar

from facilitate.export.ics import escape_text, fold, plan_ics, vtimezone

from plan_helpers import item, programme, track

STAMP = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_text_values_are_escaped() -> None:
    assert escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "å" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_every_line_ends_with_crlf_and_the_file_parses() -> None:
    day = programme(
        item(30, 'Kaffe, te; och "bullar"', kind="coffee", notes="Rad ett\nRad två"),
        start="09:00",
    )
    text = plan_ics(day, day=dt.date(2026, 5, 12), stamp=STAMP)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == 'Kaffe, te; och "bullar"'
    assert str(event["DESCRIPTION"]) == "Rad ett\nRad två"
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["UID"]) == "test-2026-05-12-1@facilitate"


def test_the_time_zone_has_the_years_summer_time_rules() -> None:
    lines = vtimezone(zoneinfo.ZoneInfo("Europe/Stockholm"), 2026)
    assert "DTSTART:20260329T020000" in lines and "DTSTART:20261025T030000" in lines
    assert lines.count("BEGIN:DAYLIGHT") == 1 and lines.count("BEGIN:STANDARD") == 2


def test_times_on_both_sides_of_a_dst_change_are_read_back_right() -> None:
    day = programme(item(60, "Early"), start="09:00", timezone="Europe/Stockholm")
    winter = plan_ics(day, day=dt.date(2026, 3, 28), stamp=STAMP)
    summer = plan_ics(day, day=dt.date(2026, 3, 30), stamp=STAMP)
    start_w = icalendar.Calendar.from_ical(winter).walk("VEVENT")[0].decoded("DTSTART")
    start_s = icalendar.Calendar.from_ical(summer).walk("VEVENT")[0].decoded("DTSTART")
    assert start_w.utcoffset() == dt.timedelta(hours=1)
    assert start_s.utcoffset() == dt.timedelta(hours=2)
    assert (start_w.hour, start_s.hour) == (9, 9)


def test_another_zone_is_written_as_its_own_tzid() -> None:
    day = programme(item(45, "Møte"), start="10:00", timezone="Europe/Oslo")
    text = plan_ics(day, day=dt.date(2026, 6, 1), stamp=STAMP)
    assert "DTSTART;TZID=Europe/Oslo:20260601T100000" in text
    start = icalendar.Calendar.from_ical(text).walk("VEVENT")[0].decoded("DTSTART")
    assert start.astimezone(dt.UTC).hour == 8


def test_a_zone_this_machine_does_not_know_gives_floating_times() -> None:
    day = programme(item(45, "Talk"), start="10:00", timezone="Mars/Olympus_Mons")
    text = plan_ics(day, day=dt.date(2026, 6, 1), stamp=STAMP)
    assert "VTIMEZONE" not in text and "DTSTART:20260601T100000" in text
    start = icalendar.Calendar.from_ical(text).walk("VEVENT")[0].decoded("DTSTART")
    assert start.tzinfo is None and start.hour == 10


def test_tracks_become_events_of_their_own_in_their_rooms() -> None:
    day = programme(
        {
            "title": "Seminars",
            "parallel": [
                track("A", item(40, "First"), room="Rum 1"),
                track("B", item(20, "Second"), item(20, "Third"), room="Rum 2"),
            ],
        },
        start="13:30",
        place="Eslöv",
    )
    events = icalendar.Calendar.from_ical(plan_ics(day, day=dt.date(2026, 5, 12), stamp=STAMP))
    found = [
        (str(e["SUMMARY"]), e.decoded("DTSTART").strftime("%H:%M"), str(e["LOCATION"]))
        for e in events.walk("VEVENT")
    ]
    assert found == [
        ("A: First", "13:30", "Rum 1, Eslöv"),
        ("B: Second", "13:30", "Rum 2, Eslöv"),
        ("B: Third", "13:50", "Rum 2, Eslöv"),
    ]
