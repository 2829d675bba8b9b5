"""What a run shows and reports: a snapshot of one instant, a poll's news, step titles."""

from __future__ import annotations

from facilitate.model.text import Text
from facilitate.model.timeline import Segment
from facilitate.records import Record


class Tick(Record):
    """What a poll of the run found: warnings and the end of the step, a clock jump, a move."""

    warnings: tuple[float, ...] = ()
    reached_zero: bool = False
    clock_jump: float | None = None
    advanced: bool = False


class RunSnapshot(Record):
    """Everything the live view shows at one instant; pure data, no formatting."""

    index: int
    total: int
    segment: Segment
    remaining: float
    step_total: float
    paused: bool
    paused_for: float
    level: int
    warnings: tuple[float, ...]
    progress: float
    next_segment: Segment | None
    plan_delta: float | None
    wall: float
    utc_offset: float
    notes: int
    speed: float
    finished: bool
    until_wall: float | None


def segment_title(segment: Segment, lang: str) -> str:
    """A segment's title with its round, e.g. "Round 2/3"."""
    title = segment.title.get(lang)
    if segment.round is not None and segment.rounds:
        return f"{title} {segment.round}/{segment.rounds}"
    return title


def standalone_segment(
    seconds: float | None,
    title: str,
    until: str | None = None,
    warnings: tuple[float, ...] = (120.0, 30.0),
) -> Segment:
    """The one segment of ``facilitate timer``."""
    return Segment(
        index=0,
        step_id="timer",
        title=Text.same(title),
        instructions=Text.same(""),
        seconds=seconds,
        until=until,
        warnings=warnings,
    )
