"""A plan as an iCalendar file (RFC 5545) that calendar programs import: one event per block.

Times are the programme's local times with a ``TZID`` (the plan's ``timezone``, by default
Europe/Stockholm) and a ``VTIMEZONE`` made from the time zone database, so a day in Eslöv
stays at 09.00 in Eslöv for everyone who imports it, wherever they are. Floating times (no
zone) would move with each reader's own zone and are used only when the zone is not in the
database of this machine. A parallel block gives one event per block of each track.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from facilitate.export.plan_text import details
from facilitate.model.plan.agenda import AgendaLine, agenda
from facilitate.model.plan.programme import Programme

PRODID = "-//facilitate//facilitate plan export//EN"
_LIMIT = 75  # octets per line, before folding


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _LIMIT:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _local(day: dt.date, seconds: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=round(seconds))


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _offset(delta: dt.timedelta | None) -> str:
    minutes = round((delta or dt.timedelta()).total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{rest:02d}"


def _transitions(zone: zoneinfo.ZoneInfo, year: int) -> list[dt.datetime]:
    """The instants (UTC) in ``year`` when the zone's UTC offset changes."""
    moment = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
    found = []
    while moment < end:
        after = moment + dt.timedelta(days=1)
        if moment.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = moment, after
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                same = middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset()
                low, high = (middle, high) if same else (low, middle)
            found.append(high.replace(second=0, microsecond=0))
        moment = after
    return found


def _observance(zone: zoneinfo.ZoneInfo, start: dt.datetime, before: dt.datetime) -> list[str]:
    """One STANDARD or DAYLIGHT part: from ``start`` (UTC) on, after the offset at ``before``."""
    old, new = before.astimezone(zone), start.astimezone(zone)
    kind = "DAYLIGHT" if new.dst() else "STANDARD"
    local = (start + (old.utcoffset() or dt.timedelta())).replace(tzinfo=None)
    return [
        f"BEGIN:{kind}",
        f"DTSTART:{_stamp(local)}",
        f"TZOFFSETFROM:{_offset(old.utcoffset())}",
        f"TZOFFSETTO:{_offset(new.utcoffset())}",
        f"TZNAME:{new.tzname()}",
        f"END:{kind}",
    ]


def vtimezone(zone: zoneinfo.ZoneInfo, year: int) -> list[str]:
    """The zone's rules for ``year``: its offset on 1 January and every change that year."""
    first = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}", *_observance(zone, first, first)]
    for change in _transitions(zone, year):
        lines += _observance(zone, change, change - dt.timedelta(minutes=1))
    return [*lines, "END:VTIMEZONE"]


def _zone(name: str) -> zoneinfo.ZoneInfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _events(programme: Programme) -> list[AgendaLine]:
    """The lines that become events: blocks, and instead of a parallel block its tracks'."""
    lines = agenda(programme)
    return [
        line for line in lines if line.depth == 1 or (line.depth == 0 and not line.block.tracks)
    ]


def _event(
    programme: Programme, line: AgendaLine, day: dt.date, stamp: dt.datetime, tzid: str
) -> list[str]:
    lang = programme.language
    block = line.block
    summary = block.title.get(lang)
    if line.track is not None:
        summary = f"{line.track.title.get(lang)}: {summary}"
    info = details(block, lang)
    if line.parent is not None:
        info.insert(0, line.parent.title.get(lang))
    where = ", ".join(p for p in ((line.track.room if line.track else None), programme.place) if p)
    time_param = f";TZID={tzid}" if tzid else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{programme.id}-{day.isoformat()}-{block.key}@facilitate",
        f"DTSTAMP:{_stamp(stamp.astimezone(dt.UTC))}Z",
        f"DTSTART{time_param}:{_stamp(_local(day, line.start))}",
        f"DTEND{time_param}:{_stamp(_local(day, line.end))}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if where:
        lines.append(f"LOCATION:{escape_text(where)}")
    if info:
        lines.append(f"DESCRIPTION:{escape_text(chr(10).join(info))}")
    return [*lines, "END:VEVENT"]


def plan_ics(programme: Programme, *, day: dt.date, stamp: dt.datetime) -> str:
    """The calendar file of ``programme`` on ``day``; ``stamp`` is when it was made (DTSTAMP)."""
    zone = _zone(programme.timezone)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(programme.title.get(programme.language))}",
    ]
    if zone is not None:
        lines += [f"X-WR-TIMEZONE:{zone.key}", *vtimezone(zone, day.year)]
    for line in _events(programme):
        lines += _event(programme, line, day, stamp, zone.key if zone else "")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
