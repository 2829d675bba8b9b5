"""The day as it now looks: actual times so far, the rest re-computed, ahead or behind.

Times are seconds since local midnight. A live runner records an :class:`Actual` for every
block it starts (and ends) in the programme's order (a skipped block: ``end == start``),
keeps the lengths it has accepted from proposals, and asks :func:`forecast` again whenever
something changes. Nothing here reads a clock: ``now`` is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from facilitate.model.plan.programme import PlannedBlock, Programme
from facilitate.model.plan.schedule import lay_out, place, planned_day_end
from facilitate.model.text import Text
from facilitate.records import Record

State = Literal["done", "running", "coming"]


class Actual(Record):
    """When a block really started, and ended (None while it runs)."""

    key: str
    start: float
    end: float | None = None


class BlockForecast(Record):
    """A block's planned times beside its actual or expected ones."""

    block: PlannedBlock
    state: State
    planned_start: float
    planned_end: float
    start: float
    end: float

    @property
    def key(self) -> str:
        return self.block.key

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def late(self) -> float:
        """Seconds after its planned start (negative: early)."""
        return self.start - self.planned_start


class AnchorOutlook(Record):
    """A fixed time still ahead: an anchored block, or the end of the day (``key`` None)."""

    key: str | None
    title: Text | None
    at: float
    arrival: float

    @property
    def slack(self) -> float:
        """Seconds to spare before the anchor (negative: it will be reached late)."""
        return self.at - self.arrival


class Projection(Record):
    """Every block with its times, and the anchors still ahead."""

    now: float
    blocks: tuple[BlockForecast, ...]
    anchors: tuple[AnchorOutlook, ...]
    planned_day_end: float

    @property
    def current(self) -> BlockForecast | None:
        return next((b for b in self.blocks if b.state == "running"), None)

    @property
    def coming(self) -> tuple[BlockForecast, ...]:
        return tuple(b for b in self.blocks if b.state == "coming")

    @property
    def day_end(self) -> float:
        return self.blocks[-1].end

    @property
    def next_anchor(self) -> AnchorOutlook | None:
        return self.anchors[0] if self.anchors else None

    @property
    def behind(self) -> float:
        """Seconds behind the plan (negative: ahead): of the running block's expected end,
        else of the next block's expected start, else of the last block's end."""
        current = self.current
        if current is not None:
            return current.end - current.planned_end
        coming = self.coming
        if coming:
            return coming[0].late
        return self.blocks[-1].end - self.blocks[-1].planned_end


def actuals_by_key(programme: Programme, actuals: Iterable[Actual]) -> dict[str, Actual]:
    """The actuals checked against the programme: a prefix of its blocks, only the last running.

    Raises ValueError for anything else (the runner's own mistake, not the user's).
    """
    found = {a.key: a for a in actuals}
    keys = [b.key for b in programme.blocks]
    started = [k for k in keys if k in found]
    if set(found) - set(keys) or started != keys[: len(started)]:
        raise ValueError(f"actuals must follow the programme's blocks in order: {sorted(found)}")
    running = [k for k in started if found[k].end is None]
    if running and running != started[-1:]:
        raise ValueError(f"only the last block started may still run: {running}")
    return found


def project(
    programme: Programme,
    actuals: Mapping[str, Actual],
    now: float,
    lengths: Mapping[str, float] | None = None,
) -> Projection:
    """The day from the actual times so far; coming blocks with ``lengths`` or as planned."""
    lengths = lengths or {}
    cursor = programme.start
    blocks, anchors = [], []
    for timed in lay_out(programme):
        block = timed.block
        length = lengths.get(block.key, block.seconds)
        actual = actuals.get(block.key)
        state, start, end = _times(block, actual, length, cursor, now)
        if state == "coming" and block.anchor is not None:
            arrival = max(cursor, now)
            anchors.append(AnchorOutlook(block.key, block.title, block.anchor, arrival))
        blocks.append(BlockForecast(block, state, timed.start, timed.end, start, end))
        cursor = end
    day_end = planned_day_end(programme)
    anchors.append(AnchorOutlook(None, None, day_end, cursor))
    return Projection(now, tuple(blocks), tuple(anchors), day_end)


def _times(
    block: PlannedBlock, actual: Actual | None, length: float, cursor: float, now: float
) -> tuple[State, float, float]:
    """(state, start, end) of one block: actual, running (at least until now) or expected."""
    if actual is not None and actual.end is not None:
        return "done", actual.start, actual.end
    if actual is not None:
        return "running", actual.start, max(actual.start + length, now)
    start = place(max(cursor, now), block.anchor)[0]
    return "coming", start, start + length
