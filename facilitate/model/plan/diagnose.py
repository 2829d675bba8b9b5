"""`plan check`: anchors that cannot be met, overlaps, gaps, and the length of the day.

Findings carry their times as :class:`Clock` and :class:`Duration` values, so that the
edge can write them in the reader's language.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Literal

from facilitate.model.plan.programme import PlannedBlock, Programme
from facilitate.model.plan.schedule import TimedBlock, lay_out
from facilitate.records import Record

Level = Literal["error", "warning", "info"]


class Clock(Record):
    """A time of day (seconds since local midnight) in a finding."""

    seconds: float


class Duration(Record):
    """A length of time (seconds) in a finding."""

    seconds: float


class Finding(Record):
    """One thing `plan check` reports: ``key`` names the message, ``path`` the field."""

    level: Level
    key: str
    path: tuple[str | int, ...]
    params: dict[str, Any] = field(default_factory=dict)


class DayLength(Record):
    """The day at a glance: from ``start`` to ``end`` as planned, ``target`` the plan's end."""

    start: float
    end: float
    target: float | None
    busy: float
    gaps: float
    flexible_room: float

    @property
    def seconds(self) -> float:
        return max(self.end, self.target or self.end) - self.start


def diagnose(programme: Programme) -> tuple[list[Finding], DayLength]:
    """Every finding about ``programme`` in the order of the day, and the day's length."""
    planned = lay_out(programme)
    shortest = lay_out(programme, {b.key: b.min_seconds for b in programme.blocks})
    findings: list[Finding] = []
    previous_anchor: PlannedBlock | None = None
    for i, timed in enumerate(planned):
        block = timed.block
        findings += _room_findings(block)
        findings += _track_findings(block)
        if block.anchor is None:
            continue
        order = _order_findings(programme, block, previous_anchor)
        previous_anchor = block
        if order:
            findings += order
        elif timed.overrun > 0:
            findings.append(_overrun_finding(planned, shortest, i))
        elif timed.gap > 0:
            findings.append(_gap_finding(timed))
    findings += _end_findings(programme, planned, shortest)
    return findings, _day_length(programme, planned)


def _at(block: PlannedBlock) -> tuple[str | int, ...]:
    return (*block.path, "at")


def _order_findings(
    programme: Programme, block: PlannedBlock, previous: PlannedBlock | None
) -> list[Finding]:
    assert block.anchor is not None
    at = Clock(block.anchor)
    if block.anchor < programme.start:
        params = {"title": block.title, "at": at, "start": Clock(programme.start)}
        return [Finding("error", "plan.check.before_start", _at(block), params)]
    if previous is not None and previous.anchor is not None and block.anchor < previous.anchor:
        params = {
            "title": block.title,
            "at": at,
            "other": previous.title,
            "other_at": Clock(previous.anchor),
        }
        return [Finding("error", "plan.check.out_of_order", _at(block), params)]
    return []


def _overrun_finding(
    planned: tuple[TimedBlock, ...], shortest: tuple[TimedBlock, ...], i: int
) -> Finding:
    timed, before = planned[i], planned[i - 1]
    block = timed.block
    params: dict[str, Any] = {"title": block.title, "at": Clock(timed.block.anchor or 0)}
    if shortest[i].overrun > 0:
        params["reach"] = Clock(shortest[i - 1].end)
        return Finding("error", "plan.check.unmeetable", _at(block), params)
    params.update(
        other=before.block.title,
        other_start=Clock(before.start),
        other_end=Clock(before.end),
        over=Duration(timed.overrun),
    )
    return Finding("error", "plan.check.overlap", _at(block), params)


def _gap_finding(timed: TimedBlock) -> Finding:
    block = timed.block
    params = {
        "title": block.title,
        "at": Clock(timed.start),
        "gap": Duration(timed.gap),
        "from": Clock(timed.start - timed.gap),
    }
    return Finding("warning", "plan.check.gap", _at(block), params)


def _end_findings(
    programme: Programme, planned: tuple[TimedBlock, ...], shortest: tuple[TimedBlock, ...]
) -> list[Finding]:
    if programme.end is None:
        return []
    last, end = planned[-1], Clock(programme.end)
    params: dict[str, Any]
    if last.end > programme.end:
        if shortest[-1].end > programme.end:
            params = {"end": end, "reach": Clock(shortest[-1].end)}
            return [Finding("error", "plan.check.end_unmeetable", ("end",), params)]
        params = {"end": end, "last": Clock(last.end), "over": Duration(last.end - programme.end)}
        return [Finding("error", "plan.check.end_overlap", ("end",), params)]
    if last.end < programme.end:
        params = {"end": end, "last": Clock(last.end), "gap": Duration(programme.end - last.end)}
        return [Finding("warning", "plan.check.end_gap", ("end",), params)]
    return []


def _track_findings(block: PlannedBlock) -> list[Finding]:
    if not block.tracks:
        return []
    longest = max(track.seconds for track in block.tracks)
    return [
        Finding(
            "info",
            "plan.check.track_shorter",
            (*block.path, "parallel", j),
            {"track": track.title, "title": block.title, "less": Duration(longest - track.seconds)},
        )
        for j, track in enumerate(block.tracks)
        if track.seconds < longest
    ]


def _room_findings(block: PlannedBlock) -> list[Finding]:
    seen: set[str] = set()
    findings = []
    for j, track in enumerate(block.tracks):
        if track.room is None:
            continue
        if track.room in seen:
            params = {"room": track.room, "title": block.title}
            path = (*block.path, "parallel", j, "room")
            findings.append(Finding("error", "plan.check.room_twice", path, params))
        seen.add(track.room)
    return findings


def _day_length(programme: Programme, planned: tuple[TimedBlock, ...]) -> DayLength:
    end = planned[-1].end
    gaps = sum(t.gap for t in planned)
    if programme.end is not None and programme.end > end:
        gaps += programme.end - end
    return DayLength(
        start=programme.start,
        end=end,
        target=programme.end,
        busy=sum(t.seconds for t in planned),
        gaps=gaps,
        flexible_room=sum(b.seconds - b.min_seconds for b in programme.blocks if b.flexible),
    )
