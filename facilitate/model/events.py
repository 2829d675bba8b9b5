"""The events a workshop is made of; a session's state is a fold over them.

Each event is a frozen dataclass with a ``TYPE`` tag, registered in ``EVENT_TYPES``. The journal
stores an envelope (``seq``, ``at``, ``author``, ``role``) around ``type`` and ``data`` (the
event's fields).
Timer events carry ``remaining_seconds`` so a run can be resumed from any point.

Every event that belongs to a run carries its ``run_id`` (RunStarted's); None (or, in
RunStarted, "") means a journal written by 0.1.0, where an event belongs to the latest run.
The field annotations use the aliases below (``Index``, ``Seconds`` ...): reading a journal
checks every field by its annotation (:mod:`facilitate.model.decode`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Any, ClassVar, Literal

from facilitate.records import Record

JOURNAL_SCHEMA_VERSION = 1

StepOutcome = Literal["completed", "ended_early", "skipped", "back"]
"""``completed``: the time ran out (overtime included); ``ended_early``: ``n`` before the end;
``skipped``: what 0.1.0 recorded for ``n`` before the end (still read); ``back``: ``b``."""
StopReason = Literal["quit", "interrupted", "finished"]

# Field types as the journal checks them (see facilitate.model.decode).
Index = int
"""A segment's place in the run's timeline: 0 or more."""
RoundNumber = int
"""A round of a repeated step: 1 or more."""
Count = int
"""A number of things: 0 or more."""
Seconds = float
"""A finite number of seconds (an int in the journal is read as it stands)."""
Speed = float
"""A rehearsal factor: finite and above 0."""
EntryId = str
"""An entry's id: not empty."""
RunId = str
"""A run's id: not empty."""


class Event(Record):
    """Base of all events."""

    TYPE: ClassVar[str] = ""

    def to_data(self) -> dict[str, Any]:
        """The event's fields as JSON-ready data (nested values are the event's own: read
        them, do not change them; a deep copy made a journal line ten times slower)."""
        return {name: getattr(self, name) for name in _field_names(type(self))}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The names of a dataclass's fields (looked up once per class)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


EVENT_TYPES: dict[str, type[Event]] = {}


def _register(cls: type[Event]) -> type[Event]:
    EVENT_TYPES[cls.TYPE] = cls
    return cls


@_register
class RunStarted(Event):
    """A method (or a standalone timer) began to run in this session.

    ``run_id`` is the run's identity (chosen by whoever starts the run, e.g. a UUID's hex);
    "" in journals written by 0.1.0 (the fold names those runs ``legacy-<number>``).
    """

    TYPE: ClassVar[str] = "run_started"
    method: str
    params: dict[str, Any] = field(default_factory=dict)
    speed: Speed = 1.0
    segments: Count = 0
    run_id: str = ""


@_register
class StepStarted(Event):
    """A step (or one round of a repeated step) started; ``index`` is its place in the timeline.

    ``title`` is the step's title as shown in the run's language (e.g. "Round 2/3: Think
    alone"); journals written before it existed have None, and readers fall back to ``step``.
    """

    TYPE: ClassVar[str] = "step_started"
    index: Index
    step: str
    round: RoundNumber | None = None
    planned_seconds: Seconds | None = None
    until: str | None = None
    remaining_seconds: Seconds | None = None
    title: str | None = None
    run_id: RunId | None = None


@_register
class TimerPaused(Event):
    TYPE: ClassVar[str] = "timer_paused"
    index: Index
    remaining_seconds: Seconds
    run_id: RunId | None = None


@_register
class TimerResumed(Event):
    TYPE: ClassVar[str] = "timer_resumed"
    index: Index
    remaining_seconds: Seconds
    paused_seconds: Seconds = 0.0
    run_id: RunId | None = None


@_register
class TimerAdjusted(Event):
    """Time added (positive) or taken away (negative) from the running step."""

    TYPE: ClassVar[str] = "timer_adjusted"
    index: Index
    delta_seconds: Seconds
    remaining_seconds: Seconds
    run_id: RunId | None = None


@_register
class StepRestarted(Event):
    TYPE: ClassVar[str] = "step_restarted"
    index: Index
    remaining_seconds: Seconds
    run_id: RunId | None = None


@_register
class StepEnded(Event):
    """A step ended: its time ran out, it was ended early, or the facilitator went back."""

    TYPE: ClassVar[str] = "step_ended"
    index: Index
    outcome: StepOutcome
    elapsed_seconds: Seconds
    remaining_seconds: Seconds
    run_id: RunId | None = None


@_register
class ClockResynced(Event):
    """The monotonic clock stood still (laptop asleep); the round followed the wall clock."""

    TYPE: ClassVar[str] = "clock_resynced"
    index: Index
    jump_seconds: Seconds
    remaining_seconds: Seconds
    run_id: RunId | None = None


@_register
class RunStopped(Event):
    """The runner stopped; ``remaining_seconds`` lets ``sessions resume`` continue exactly here."""

    TYPE: ClassVar[str] = "run_stopped"
    index: Index
    remaining_seconds: Seconds
    paused: bool
    reason: StopReason
    run_id: RunId | None = None


@_register
class EntryAdded(Event):
    """Something the group produced: a note, a reflection, a card, a score, a dot, a theme.

    ``kind`` is one of :data:`facilitate.model.entries.ENTRY_KINDS` (0.1.0 accepted any word;
    the fold upgrades those). ``dims`` places it along the method's dimensions (story, lens,
    table, ...) by value id; ``value`` holds the kind's payload
    (:mod:`facilitate.model.entries`); ``run_id`` is the run it belongs to (None: the latest).
    """

    TYPE: ClassVar[str] = "entry_added"
    entry_id: EntryId
    kind: str
    text: str
    step: str | None = None
    round: RoundNumber | None = None
    dims: dict[str, str] = field(default_factory=dict)
    value: Any = None
    run_id: RunId | None = None


@_register
class EntryEdited(Event):
    """An entry changed. None leaves a field as it was; ``dims`` sets the values it names;
    ``clear`` empties fields: ``"value"``, ``"dims"`` (all) or ``"dims.<dimension>"``."""

    TYPE: ClassVar[str] = "entry_edited"
    entry_id: EntryId
    text: str | None = None
    dims: dict[str, str] | None = None
    value: Any = None
    clear: list[str] = field(default_factory=list)


@_register
class EntryDeleted(Event):
    """An entry withdrawn from results and exports; it stays in the journal."""

    TYPE: ClassVar[str] = "entry_deleted"
    entry_id: EntryId
    reason: str | None = None


class Recorded(Record):
    """An event as stored in the journal, with its sequence number and provenance."""

    seq: int
    at: str
    author: str
    role: str
    event: Event
