"""The events a workshop is made of; a session's state is a fold over them.

Each event is a frozen dataclass with a ``TYPE`` tag, registered in ``EVENT_TYPES``. The journal
stores an envelope (``seq``, ``at``, ``author``, ``role``) around ``type`` and ``data`` (the
event's fields).
Timer events carry ``remaining_seconds`` so a run can be resumed from any point.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

JOURNAL_SCHEMA_VERSION = 1

StepOutcome = Literal["completed", "skipped", "back"]
StopReason = Literal["quit", "interrupted", "finished"]


@dataclass(frozen=True)
class Event:
    """Base of all events."""

    TYPE: ClassVar[str] = ""

    def to_data(self) -> dict[str, Any]:
        """The event's fields as JSON-ready data."""
        return dataclasses.asdict(self)


EVENT_TYPES: dict[str, type[Event]] = {}


def _register(cls: type[Event]) -> type[Event]:
    EVENT_TYPES[cls.TYPE] = cls
    return cls


@_register
@dataclass(frozen=True)
class RunStarted(Event):
    """A method (or a standalone timer) began to run in this session."""

    TYPE: ClassVar[str] = "run_started"
    method: str
    params: dict[str, Any] = field(default_factory=dict)
    speed: float = 1.0
    segments: int = 0


@_register
@dataclass(frozen=True)
class StepStarted(Event):
    """A step (or one round of a repeated step) started; ``index`` is its place in the timeline.

    ``title`` is the step's title as shown in the run's language (e.g. "Round 2/3: Think
    alone"); journals written before it existed have None, and readers fall back to ``step``.
    """

    TYPE: ClassVar[str] = "step_started"
    index: int
    step: str
    round: int | None = None
    planned_seconds: float | None = None
    until: str | None = None
    remaining_seconds: float | None = None
    title: str | None = None


@_register
@dataclass(frozen=True)
class TimerPaused(Event):
    TYPE: ClassVar[str] = "timer_paused"
    index: int
    remaining_seconds: float


@_register
@dataclass(frozen=True)
class TimerResumed(Event):
    TYPE: ClassVar[str] = "timer_resumed"
    index: int
    remaining_seconds: float
    paused_seconds: float = 0.0


@_register
@dataclass(frozen=True)
class TimerAdjusted(Event):
    """Time added (positive) or taken away (negative) from the running step."""

    TYPE: ClassVar[str] = "timer_adjusted"
    index: int
    delta_seconds: float
    remaining_seconds: float


@_register
@dataclass(frozen=True)
class StepRestarted(Event):
    TYPE: ClassVar[str] = "step_restarted"
    index: int
    remaining_seconds: float


@_register
@dataclass(frozen=True)
class StepEnded(Event):
    """A step ended: ran to the end, was skipped, or the facilitator went back."""

    TYPE: ClassVar[str] = "step_ended"
    index: int
    outcome: StepOutcome
    elapsed_seconds: float
    remaining_seconds: float


@_register
@dataclass(frozen=True)
class ClockResynced(Event):
    """The monotonic clock stood still (laptop asleep); the round followed the wall clock."""

    TYPE: ClassVar[str] = "clock_resynced"
    index: int
    jump_seconds: float
    remaining_seconds: float


@_register
@dataclass(frozen=True)
class RunStopped(Event):
    """The runner stopped; ``remaining_seconds`` lets ``sessions resume`` continue exactly here."""

    TYPE: ClassVar[str] = "run_stopped"
    index: int
    remaining_seconds: float
    paused: bool
    reason: StopReason


@_register
@dataclass(frozen=True)
class EntryAdded(Event):
    """Something the group produced: a note, a reflection, a card, a score, a dot, a theme.

    ``dims`` places it along the method's dimensions (story, lens, table, round, ...);
    ``value`` holds a score or structured fields for the kinds that have them.
    """

    TYPE: ClassVar[str] = "entry_added"
    entry_id: str
    kind: str
    text: str
    step: str | None = None
    round: int | None = None
    dims: dict[str, str] = field(default_factory=dict)
    value: Any = None


@_register
@dataclass(frozen=True)
class EntryEdited(Event):
    TYPE: ClassVar[str] = "entry_edited"
    entry_id: str
    text: str | None = None
    dims: dict[str, str] | None = None
    value: Any = None


@_register
@dataclass(frozen=True)
class EntryDeleted(Event):
    """An entry withdrawn from results and exports; it stays in the journal."""

    TYPE: ClassVar[str] = "entry_deleted"
    entry_id: str
    reason: str | None = None


@dataclass(frozen=True)
class Recorded:
    """An event as stored in the journal, with its sequence number and provenance."""

    seq: int
    at: str
    author: str
    role: str
    event: Event
