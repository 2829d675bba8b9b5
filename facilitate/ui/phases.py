"""Which timed phase of a segment is on, from the segment's elapsed time alone (pure).

A segment's phases (:class:`~facilitate.model.timeline.PhaseSpan`) follow each other from
the start of the step: every phase but the last ends a fixed time after the step began,
counted in running time (pauses do not count), and the last one ends with the step. Time
added or taken away with ``+``/``-`` changes the last phase only (a step shortened below
its earlier phases goes to the last one when its time is up); ``r`` starts the first phase
again. Nothing here reads a clock: the elapsed time is the step's length now minus
what is left, both from the run's snapshot.
"""

from __future__ import annotations

from facilitate.model.run import RunController
from facilitate.model.timeline import PhaseSpan, Segment
from facilitate.records import Record


class PhaseNow(Record):
    """The phase on at one instant: its place, and the method seconds until it ends
    (for the last phase: until the step ends, negative in overtime)."""

    index: int
    count: int
    phase: PhaseSpan
    left: float
    next_phase: PhaseSpan | None

    @property
    def last(self) -> bool:
        return self.next_phase is None


def phase_ends(segment: Segment) -> list[float]:
    """Elapsed method seconds at which each phase but the last ends."""
    ends, at = [], 0.0
    for phase in segment.phases[:-1]:
        at += phase.seconds or 0.0
        ends.append(at)
    return ends


def phase_now(segment: Segment, remaining: float, total: float) -> PhaseNow | None:
    """The phase on when ``remaining`` of the step's ``total`` method seconds are left."""
    if not segment.phases:
        return None
    elapsed = max(0.0, total - remaining)
    ends = phase_ends(segment)
    index = next((i for i, end in enumerate(ends) if elapsed < end), len(ends))
    if remaining <= 0:  # time is up (a shortened step may end before its last phase)
        index = len(ends)
    count = len(segment.phases)
    following = segment.phases[index + 1] if index + 1 < count else None
    left = min(ends[index] - elapsed, remaining) if following is not None else remaining
    return PhaseNow(index, count, segment.phases[index], left, following)


def next_phase_in(segment: Segment, remaining: float, total: float) -> float | None:
    """Method seconds until the next phase begins (None in the last phase, or no phases)."""
    now = phase_now(segment, remaining, total)
    if now is None or now.last:
        return None
    return now.left


class PhaseChange(Record):
    """A phase that has just begun; ``follows`` when it came after another in the same
    step (which rings), not when a step begins with it or starts over."""

    now: PhaseNow
    follows: bool


class PhaseWatch:
    """Tells, poll by poll, when a phase begins."""

    def __init__(self) -> None:
        self.seen: tuple[int, int] | None = None

    def look(
        self, index: int, segment: Segment, remaining: float, total: float
    ) -> PhaseChange | None:
        """The change since the last look at step ``index`` (None: the same phase, or none)."""
        now = phase_now(segment, remaining, total)
        if now is None:
            self.seen = None
            return None
        key = (index, now.index)
        if key == self.seen:
            return None
        follows = self.seen is not None and self.seen[0] == index and now.index > self.seen[1]
        self.seen = key
        return PhaseChange(now, follows)


def next_timed_event(run: RunController, now: float) -> float | None:
    """Real seconds until the run's next timed event: a warning, the end, or a new phase
    (None: nothing can come, e.g. while paused)."""
    event = run.next_event_in(now)
    timer = run.timer
    if timer is None or timer.paused:
        return event
    left = next_phase_in(run.segment, timer.remaining(now), timer.total)
    if left is None:
        return event
    phase = max(0.0, left) / run.speed
    return phase if event is None else min(event, phase)
