"""A plan run as a session records it: which block each run was, and the day's clock.

Every run of a planned day records in its RunStarted params, under :data:`PLAN_KEY`, a
*stamp*: the plan, the block, its planned times, the length it runs with and the lengths
accepted so far. The day is read back from those stamps, so a resume needs nothing else.

Pure: the caller passes the runs' stamps and lengths in; no clock is read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from facilitate.model.plan.clocktime import format_clock
from facilitate.model.plan.forecast import Actual
from facilitate.model.plan.programme import PlannedBlock, Programme
from facilitate.model.plan.schedule import lay_out, timed_steps
from facilitate.model.timeline import Segment
from facilitate.records import Record

PLAN_KEY = "plan"
"""The key of a run's params that holds its plan stamp (a method parameter is never a dict)."""


class Stamp(Record):
    """What a block's run records about the plan (see :func:`stamp_data`)."""

    plan: str
    block: str
    number: int
    blocks: int
    seconds: float
    lengths: dict[str, float]
    file: str | None = None


def stamp_data(
    programme: Programme,
    block: PlannedBlock,
    *,
    seconds: float,
    start: float,
    lengths: Mapping[str, float],
    file: str | None,
) -> dict[str, Any]:
    """The stamp of ``block``'s run: planned start and end (as in the plan), the day's clock
    time it starts at (``start``), the length it runs with and the accepted ``lengths``."""
    number = [b.key for b in programme.blocks].index(block.key) + 1
    planned = lay_out(programme)[number - 1]
    return {
        "id": programme.id,
        "file": file,
        "block": block.key,
        "number": number,
        "blocks": len(programme.blocks),
        "planned_start": format_clock(planned.start, "en"),
        "planned_end": format_clock(planned.end, "en"),
        "planned_seconds": block.seconds,
        "start": format_clock(start, "en"),
        "seconds": seconds,
        "lengths": dict(lengths),
    }


def read_stamp(params: Mapping[str, Any]) -> Stamp | None:
    """The plan stamp in a run's params, or None (not a plan run, or not a stamp that fits)."""
    data = params.get(PLAN_KEY)
    if not isinstance(data, dict):
        return None
    plan, block = data.get("id"), data.get("block")
    number, blocks, seconds = data.get("number"), data.get("blocks"), data.get("seconds")
    lengths, file = data.get("lengths", {}), data.get("file")
    if not (isinstance(plan, str) and isinstance(block, str)):
        return None
    if not (isinstance(number, int) and isinstance(blocks, int)):
        return None
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return None
    if not isinstance(lengths, dict) or not all(_is_number(v) for v in lengths.values()):
        return None
    return Stamp(
        plan,
        block,
        number,
        blocks,
        float(seconds),
        {str(k): float(v) for k, v in lengths.items()},
        file if isinstance(file, str) else None,
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def block_segments(block: PlannedBlock, seconds: float) -> list[Segment]:
    """A method block's steps scaled to fill ``seconds`` (a step "until HH:MM" stays so)."""
    out = []
    for timed in timed_steps(block, 0.0, seconds):
        segment = timed.segment
        if segment.seconds is not None:
            length = round(timed.end - timed.start, 3)
            segment = dataclasses.replace(segment, seconds=length)
        out.append(segment)
    return out


def rehearsal_actuals(
    programme: Programme, finished: Sequence[tuple[str, float]]
) -> tuple[list[Actual], float]:
    """The actual times of a rehearsed day, and its clock now.

    In a rehearsal the day's clock starts at the plan's start and runs only while blocks
    do: each block starts when the one before it ended (at its anchor, if that is later:
    nobody waits in a rehearsal) and lasts the time its steps took (``finished``: key and
    seconds, in order).
    """
    anchors = {b.key: b.anchor for b in programme.blocks}
    cursor, actuals = programme.start, []
    for key, seconds in finished:
        anchor = anchors.get(key)
        start = max(cursor, anchor) if anchor is not None else cursor
        actuals.append(Actual(key, start, start + seconds))
        cursor = start + seconds
    return actuals, cursor
