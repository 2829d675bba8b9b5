"""What the facilitator's console shows at one wall time: pure data, made by
:class:`facilitate.app.console.ConsoleFeed` from the session's journal and shown by
:mod:`facilitate.ui.console_view`."""

from __future__ import annotations

from facilitate.model.plan.forecast import Projection
from facilitate.model.timeline import Segment
from facilitate.records import Record


class PlanOutlook(Record):
    """The day as it now looks: the block's number of all, and the projection (the next
    anchor, ahead or behind)."""

    number: int
    blocks: int
    projection: Projection


class ConsoleEntry(Record):
    """One entry as the console lists it."""

    seq: int
    kind: str
    step: str | None
    dims: tuple[tuple[str, str], ...]
    author: str
    text: str


class ConsoleStep(Record):
    """The step a run is at: ``time_left`` (method seconds, negative in overtime) and
    ``total`` (its length now) are None between steps or when unknown; ``segment`` is the
    method's segment (for its phases and the next step), when the method is at hand."""

    index: int
    steps: int
    title: str
    round: int | None
    time_left: float | None
    total: float | None
    paused: bool
    speed: float = 1.0
    segment: Segment | None = None
    next_segment: Segment | None = None


class ConsoleSnapshot(Record):
    """What the console shows at one wall time (pure data).

    ``live``: a run holds the session's run lock now. ``progress`` is the last run's
    (``none`` when the session has no run); ``step`` is where it is (None when finished).
    """

    session_id: str
    title: str
    language: str
    live: bool
    progress: str
    method: str
    step: ConsoleStep | None
    entries: tuple[ConsoleEntry, ...]
    entry_count: int
    plan: PlanOutlook | None
    wall: float
    utc_offset: float
    problem: str = ""
    """A problem reading the journal, in words ("" when all is well)."""
