"""Schedule arithmetic: when each block, track and step starts and ends.

A block starts when the one before it ends, or at its anchor (``at``) when it has one. An
anchored block never starts before its anchor (the time before it is a gap); when the blocks
before it run past the anchor, it starts late and the difference is its ``overrun``. A
parallel block lasts as long as its longest track; a method block's steps are scaled to the
block's length. ``lengths`` gives blocks other lengths than planned (a re-planned day).
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitate.model.plan.programme import PlannedBlock, Programme
from facilitate.model.timeline import Segment
from facilitate.records import Record


class TimedBlock(Record):
    """A block placed on the clock; ``tracks`` holds the timed blocks of each track."""

    block: PlannedBlock
    start: float
    end: float
    overrun: float = 0.0
    gap: float = 0.0
    tracks: tuple[tuple[TimedBlock, ...], ...] = ()

    @property
    def seconds(self) -> float:
        return self.end - self.start


class TimedStep(Record):
    """One step (or round) of a method block, placed on the clock."""

    segment: Segment
    start: float
    end: float


def place(cursor: float, anchor: float | None) -> tuple[float, float, float]:
    """(start, overrun, gap) of a block that could start at ``cursor``."""
    if anchor is None:
        return cursor, 0.0, 0.0
    return max(cursor, anchor), max(0.0, cursor - anchor), max(0.0, anchor - cursor)


def lay_out(
    programme: Programme, lengths: Mapping[str, float] | None = None
) -> tuple[TimedBlock, ...]:
    """Every block of the day placed on the clock, from the programme's start."""
    lengths = lengths or {}
    cursor = programme.start
    timed = []
    for block in programme.blocks:
        start, overrun, gap = place(cursor, block.anchor)
        seconds = lengths.get(block.key, block.seconds)
        timed.append(
            TimedBlock(
                block,
                start,
                start + seconds,
                overrun,
                gap,
                timed_tracks(block, start, seconds),
            )
        )
        cursor = start + seconds
    return tuple(timed)


def timed_tracks(
    block: PlannedBlock, start: float, seconds: float
) -> tuple[tuple[TimedBlock, ...], ...]:
    """The blocks of each track from ``start``, scaled when the block is shortened."""
    scale = seconds / block.seconds if block.seconds else 1.0
    out = []
    for track in block.tracks:
        cursor, timed = start, []
        for inner in track.blocks:
            length = inner.seconds * scale
            timed.append(TimedBlock(inner, cursor, cursor + length))
            cursor += length
        out.append(tuple(timed))
    return tuple(out)


def timed_steps(block: PlannedBlock, start: float, seconds: float) -> tuple[TimedStep, ...]:
    """A method block's steps from ``start``, scaled so that they fill ``seconds``."""
    total = sum(s.seconds or 0.0 for s in block.segments)
    scale = seconds / total if total else 0.0
    out, cursor = [], start
    for segment in block.segments:
        length = (segment.seconds or 0.0) * scale
        out.append(TimedStep(segment, cursor, cursor + length))
        cursor += length
    return tuple(out)


def planned_day_end(programme: Programme) -> float:
    """The end of the day: the plan's ``end``, else when its last block is planned to end."""
    if programme.end is not None:
        return programme.end
    return lay_out(programme)[-1].end
