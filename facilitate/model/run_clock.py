"""A live run's clock as the journal knows it, so another process can show its countdown.

The fold keeps, per run, a :class:`TimerMark`: when the last timer event happened (the
record's ``at``), the time left then, and whether the step was paused. :func:`time_left`
carries it forward to any wall time, and :func:`live_status` says how a run that is live
(its run lock held: the store knows) stands at a wall time; nothing here reads a clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from facilitate.records import Record

if TYPE_CHECKING:
    from facilitate.model.session_state import Run


class TimerMark(Record):
    """The run's timer at its last timer event: ``remaining_seconds`` None between steps."""

    at: str
    index: int
    remaining_seconds: float | None
    paused: bool


def epoch_of(at: str) -> float | None:
    """A record's ``at`` (ISO 8601 with its offset) as epoch seconds; None if unreadable."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.timestamp()


def time_left(run: Run, wall: float) -> float | None:
    """Method seconds left in ``run``'s current step at ``wall`` (epoch seconds).

    Negative in overtime; the recorded time while paused; None when the run is not running
    (stopped, finished or cut off: its resume point says where it stands), is between steps,
    or its last timer event has no readable time.
    """
    mark = run.timer_mark
    if run.progress != "running" or mark is None or mark.remaining_seconds is None:
        return None
    if mark.paused:
        return mark.remaining_seconds
    since = epoch_of(mark.at)
    if since is None:
        return None
    return mark.remaining_seconds - max(0.0, wall - since) * run.speed


class LiveStatus(Record):
    """A run being run live now, at one wall time: its step's time left (None between steps
    or when unknown; negative in overtime) and whether it is paused."""

    run_id: str
    time_left: float | None
    paused: bool

    def to_data(self) -> dict[str, object]:
        return {"run_id": self.run_id, "time_left": self.time_left, "paused": self.paused}


def live_status(run: Run, wall: float) -> LiveStatus:
    """How ``run``, known to be live, stands at ``wall`` (epoch seconds)."""
    mark = run.timer_mark
    paused = mark is not None and mark.paused and mark.remaining_seconds is not None
    return LiveStatus(run.run_id, time_left(run, wall), paused)
