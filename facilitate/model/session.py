"""A session: its header, and its state as a pure fold over the journal's records.

``fold(records, header)`` replays the recorded events in order and returns a frozen
:class:`SessionState`: the run (method and parameters), the steps run with planned and actual
times, the live entries (added, minus deleted, with edits applied) and where to resume.
Times come only from the records' ``at``; nothing here reads a clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date as Date
from typing import Any, Literal, NamedTuple

from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Recorded,
    RunStarted,
    RunStopped,
    StepEnded,
    StepRestarted,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)

SESSION_SCHEMA_VERSION = 1
HeaderStatus = Literal["active", "archived"]
Progress = Literal["not_started", "running", "stopped", "finished"]
HEADER_STATUSES: tuple[str, ...] = ("active", "archived")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
TITLE_MAX = 200


class HeaderError(ValueError):
    """A header field with a bad value: ``field`` names it, ``code`` and ``values`` say what.

    The interface turns ``code`` into a message in the user's language.
    """

    def __init__(self, field_name: str, code: str, **values: Any) -> None:
        super().__init__(f"{field_name}: {code} {values}" if values else f"{field_name}: {code}")
        self.field = field_name
        self.code = code
        self.values = values


@dataclass(frozen=True)
class SessionHeader:
    """What a session is: title, date, place, language, method or plan, facilitators."""

    id: str
    title: str
    date: str
    place: str = ""
    language: str = "sv"
    method: str | None = None
    plan: str | None = None
    facilitators: list[str] = field(default_factory=list)
    schema_version: int = SESSION_SCHEMA_VERSION
    created_at: str = ""
    status: HeaderStatus = "active"

    def __post_init__(self) -> None:
        check_header(self)

    @property
    def method_or_plan(self) -> str | None:
        """The method id, else the plan id, else None (a session of standalone timers)."""
        return self.method or self.plan

    def to_data(self) -> dict[str, Any]:
        """The header as JSON-ready data (the content of ``session.json``)."""
        return asdict(self)

    @classmethod
    def from_data(cls, data: Any) -> SessionHeader:
        """Rebuild a header from ``session.json`` data; raises :class:`HeaderError`."""
        if not isinstance(data, dict):
            raise HeaderError("", "not_object")
        known = {f for f in cls.__dataclass_fields__}
        for key in data:
            if key not in known:
                raise HeaderError(str(key), "unknown_field")
        for key in ("id", "title", "date"):
            if key not in data:
                raise HeaderError(key, "missing")
        try:
            return cls(**data)
        except TypeError as error:  # pragma: no cover - guarded by the checks above
            raise HeaderError("", "not_object") from error


def _check_str(value: Any, name: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, str):
        raise HeaderError(name, "text")


def check_header(header: SessionHeader) -> None:
    """Raise :class:`HeaderError` for the first field of ``header`` with a bad value."""
    for name in ("id", "title", "date", "place", "language", "created_at"):
        _check_str(getattr(header, name), name)
    for name in ("method", "plan"):
        value = getattr(header, name)
        _check_str(value, name, optional=True)
        if value is not None and not _NAME_RE.match(value):
            raise HeaderError(name, "id", got=value)
    if not header.title.strip():
        raise HeaderError("title", "title_empty")
    if len(header.title) > TITLE_MAX:
        raise HeaderError("title", "title_long", limit=TITLE_MAX)
    if not _DATE_RE.match(header.date) or not _valid_date(header.date):
        raise HeaderError("date", "date", got=header.date)
    if not _LANG_RE.match(header.language):
        raise HeaderError("language", "language", got=header.language)
    if not isinstance(header.facilitators, list) or not all(
        isinstance(name, str) and name.strip() for name in header.facilitators
    ):
        raise HeaderError("facilitators", "names")
    if not isinstance(header.schema_version, int) or isinstance(header.schema_version, bool):
        raise HeaderError("schema_version", "integer")
    if header.status not in HEADER_STATUSES:
        raise HeaderError("status", "status", got=header.status)


def _valid_date(text: str) -> bool:
    try:
        Date.fromisoformat(text)
    except ValueError:
        return False
    return True


class ResumePoint(NamedTuple):
    """Where a stopped or interrupted run continues.

    ``remaining_seconds`` is None when the segment starts afresh (its full planned time).
    """

    index: int
    remaining_seconds: float | None
    paused: bool


@dataclass(frozen=True)
class StepRun:
    """One step (or round) as it was run: planned against actual.

    ``elapsed_seconds`` is what the runner reported when the step ended (None while it runs
    or after a stop); ``outcome`` is "completed", "skipped", "back", "stopped" (the run
    stopped here) or None (still running, or cut off by a crash).
    """

    index: int
    step: str
    round: int | None
    planned_seconds: float | None
    until: str | None
    started_at: str
    ended_at: str | None = None
    elapsed_seconds: float | None = None
    remaining_seconds: float | None = None
    outcome: str | None = None
    adjusted_seconds: float = 0.0
    paused_seconds: float = 0.0
    pauses: int = 0
    restarts: int = 0
    resumed: int = 0
    clock_jump_seconds: float = 0.0

    @property
    def label(self) -> str:
        """Short label such as ``round#2`` (the same as :attr:`Segment.label`)."""
        return f"{self.step}#{self.round}" if self.round else self.step


@dataclass(frozen=True)
class Entry:
    """Something the group produced (a note, a reflection, later a score or a dot)."""

    entry_id: str
    kind: str
    text: str
    step: str | None
    round: int | None
    dims: dict[str, str]
    value: Any
    author: str
    role: str
    added_at: str
    added_seq: int
    edits: int = 0
    edited_at: str | None = None
    edited_by: str | None = None
    deleted_at: str | None = None
    deleted_by: str | None = None
    deleted_reason: str | None = None


@dataclass(frozen=True)
class SessionState:
    """Everything a session's journal says, folded; what listings, views and exports read."""

    header: SessionHeader | None = None
    method: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    speed: float = 1.0
    segments: int = 0
    runs: int = 0
    steps: tuple[StepRun, ...] = ()
    entries: tuple[Entry, ...] = ()
    deleted: tuple[Entry, ...] = ()
    resume_point: ResumePoint | None = None
    progress: Progress = "not_started"
    stop_reason: str | None = None
    step_labels: dict[int, str] = field(default_factory=dict)
    events: int = 0
    last_seq: int = 0
    first_at: str | None = None
    last_at: str | None = None
    ignored: tuple[int, ...] = ()

    @property
    def status(self) -> str:
        """For listings: "archived", else "not_started", "running", "stopped" or "finished"."""
        if self.header is not None and self.header.status == "archived":
            return "archived"
        return self.progress

    @property
    def current_index(self) -> int | None:
        """The segment the run is at (or stopped at); None when not started or finished."""
        return self.resume_point.index if self.resume_point else None

    @property
    def current_step(self) -> str | None:
        """Label of the segment the run is at, when that segment has been started."""
        index = self.current_index
        return None if index is None else self.step_labels.get(index)

    @property
    def current_step_run(self) -> StepRun | None:
        """The step row of the segment the run is at, if it has been started."""
        index = self.current_index
        for run in reversed(self.steps):
            if run.index == index:
                return run
        return None

    def entries_by_kind(self) -> dict[str, list[Entry]]:
        """Live entries grouped by kind, kinds in order of their first entry."""
        groups: dict[str, list[Entry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.kind, []).append(entry)
        return groups

    def entry(self, entry_id: str) -> Entry | None:
        """The live entry with this id, if any."""
        for entry in self.entries:
            if entry.entry_id == entry_id:
                return entry
        return None

    def to_data(self) -> dict[str, Any]:
        """The state as JSON-ready data (for ``--json`` and exports)."""
        data = asdict(self)
        data["resume_point"] = self.resume_point._asdict() if self.resume_point else None
        data["step_labels"] = {str(k): v for k, v in self.step_labels.items()}
        data["status"] = self.status
        data["steps"] = [
            dict(d, label=s.label) for d, s in zip(data["steps"], self.steps, strict=True)
        ]
        data["entries_by_kind"] = {k: len(v) for k, v in self.entries_by_kind().items()}
        return data


def fold(records: Iterable[Recorded], header: SessionHeader | None = None) -> SessionState:
    """Replay ``records`` (in journal order) into a :class:`SessionState`."""
    folder = _Folder()
    for record in records:
        folder.apply(record)
    return folder.result(header)


class _Folder:
    """The mutable accumulator behind :func:`fold`; only :func:`fold` sees it."""

    def __init__(self) -> None:
        self.run: dict[str, Any] = {"method": None, "params": {}, "speed": 1.0, "segments": 0}
        self.runs = 0
        self.steps: list[dict[str, Any]] = []
        self.open_step: dict[str, Any] | None = None
        self.entries: dict[str, Entry] = {}
        self.deleted: dict[str, Entry] = {}
        self.resume: ResumePoint | None = None
        self.progress: Progress = "not_started"
        self.stop_reason: str | None = None
        self.labels: dict[int, str] = {}
        self.events = 0
        self.last_seq = 0
        self.first_at: str | None = None
        self.last_at: str | None = None
        self.ignored: list[int] = []
        self.handlers = {
            RunStarted: self._run_started,
            StepStarted: self._step_started,
            TimerPaused: self._paused,
            TimerResumed: self._resumed,
            TimerAdjusted: self._adjusted,
            StepRestarted: self._restarted,
            ClockResynced: self._resynced,
            StepEnded: self._step_ended,
            RunStopped: self._run_stopped,
            EntryAdded: self._entry_added,
            EntryEdited: self._entry_edited,
            EntryDeleted: self._entry_deleted,
        }

    def apply(self, record: Recorded) -> None:
        self.events += 1
        self.last_seq = record.seq
        if self.first_at is None:
            self.first_at = record.at
        self.last_at = record.at
        handler = self.handlers.get(type(record.event))
        if handler is not None:
            handler(record, record.event)

    # --- the run and its timer -------------------------------------------------------------

    def _run_started(self, record: Recorded, event: RunStarted) -> None:
        self.runs += 1
        self.run = {
            "method": event.method,
            "params": dict(event.params),
            "speed": event.speed,
            "segments": event.segments,
        }
        if self.progress == "finished" or self.resume is None:
            self.resume = ResumePoint(0, None, False)
        self.progress = "running"
        self.stop_reason = None

    def _step_started(self, record: Recorded, event: StepStarted) -> None:
        label = f"{event.step}#{event.round}" if event.round else event.step
        self.labels[event.index] = label
        remaining = event.remaining_seconds
        if remaining is None:
            remaining = event.planned_seconds
        self.resume = ResumePoint(event.index, remaining, False)
        self.progress = "running"
        self.stop_reason = None
        current = self.open_step
        if current is not None and current["index"] == event.index and current["ended_at"] is None:
            current["resumed"] += 1
            current["outcome"] = None
            current["remaining_seconds"] = remaining
            return
        self.open_step = {
            "index": event.index,
            "step": event.step,
            "round": event.round,
            "planned_seconds": event.planned_seconds,
            "until": event.until,
            "started_at": record.at,
            "ended_at": None,
            "elapsed_seconds": None,
            "remaining_seconds": remaining,
            "outcome": None,
            "adjusted_seconds": 0.0,
            "paused_seconds": 0.0,
            "pauses": 0,
            "restarts": 0,
            "resumed": 0,
            "clock_jump_seconds": 0.0,
        }
        self.steps.append(self.open_step)

    def _step(self, index: int) -> dict[str, Any] | None:
        """The open step row for ``index`` (timer events for other segments are kept apart)."""
        step = self.open_step
        return step if step is not None and step["index"] == index else None

    def _timer(self, event: Any, *, paused: bool | None = None) -> None:
        keep = self.resume.paused if self.resume and self.resume.index == event.index else False
        self.resume = ResumePoint(
            event.index, event.remaining_seconds, keep if paused is None else paused
        )
        if self.progress != "finished":
            self.progress = "running"
        step = self._step(event.index)
        if step is not None:
            step["remaining_seconds"] = event.remaining_seconds

    def _paused(self, record: Recorded, event: TimerPaused) -> None:
        self._timer(event, paused=True)
        if (step := self._step(event.index)) is not None:
            step["pauses"] += 1

    def _resumed(self, record: Recorded, event: TimerResumed) -> None:
        self._timer(event, paused=False)
        if (step := self._step(event.index)) is not None:
            step["paused_seconds"] += event.paused_seconds

    def _adjusted(self, record: Recorded, event: TimerAdjusted) -> None:
        self._timer(event)
        if (step := self._step(event.index)) is not None:
            step["adjusted_seconds"] += event.delta_seconds

    def _restarted(self, record: Recorded, event: StepRestarted) -> None:
        self._timer(event)
        if (step := self._step(event.index)) is not None:
            step["restarts"] += 1

    def _resynced(self, record: Recorded, event: ClockResynced) -> None:
        self._timer(event)
        if (step := self._step(event.index)) is not None:
            step["clock_jump_seconds"] += event.jump_seconds

    def _step_ended(self, record: Recorded, event: StepEnded) -> None:
        step = self._step(event.index)
        if step is not None:
            step["ended_at"] = record.at
            step["elapsed_seconds"] = event.elapsed_seconds
            step["remaining_seconds"] = event.remaining_seconds
            step["outcome"] = event.outcome
        following = max(event.index - 1, 0) if event.outcome == "back" else event.index + 1
        segments = self.run["segments"]
        if segments and following >= segments:
            self._finish()
        else:
            self.resume = ResumePoint(following, None, False)
            self.progress = "running"

    def _run_stopped(self, record: Recorded, event: RunStopped) -> None:
        segments = self.run["segments"]
        if event.reason == "finished" or (segments and event.index >= segments):
            self._finish()
            return
        self.resume = ResumePoint(event.index, event.remaining_seconds, event.paused)
        self.progress = "stopped"
        self.stop_reason = event.reason
        step = self._step(event.index)
        if step is not None and step["ended_at"] is None:
            step["outcome"] = "stopped"
            step["remaining_seconds"] = event.remaining_seconds

    def _finish(self) -> None:
        self.resume = None
        self.progress = "finished"
        self.stop_reason = "finished"

    # --- entries -----------------------------------------------------------------------------

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        if event.entry_id in self.entries or event.entry_id in self.deleted:
            self.ignored.append(record.seq)
            return
        self.entries[event.entry_id] = Entry(
            entry_id=event.entry_id,
            kind=event.kind,
            text=event.text,
            step=event.step,
            round=event.round,
            dims=dict(event.dims),
            value=event.value,
            author=record.author,
            role=record.role,
            added_at=record.at,
            added_seq=record.seq,
        )

    def _entry_edited(self, record: Recorded, event: EntryEdited) -> None:
        entry = self.entries.get(event.entry_id)
        if entry is None:
            self.ignored.append(record.seq)
            return
        self.entries[event.entry_id] = replace(
            entry,
            text=entry.text if event.text is None else event.text,
            dims=entry.dims if event.dims is None else dict(event.dims),
            value=entry.value if event.value is None else event.value,
            edits=entry.edits + 1,
            edited_at=record.at,
            edited_by=record.author,
        )

    def _entry_deleted(self, record: Recorded, event: EntryDeleted) -> None:
        entry = self.entries.pop(event.entry_id, None)
        if entry is None:
            self.ignored.append(record.seq)
            return
        self.deleted[event.entry_id] = replace(
            entry, deleted_at=record.at, deleted_by=record.author, deleted_reason=event.reason
        )

    def result(self, header: SessionHeader | None) -> SessionState:
        return SessionState(
            header=header,
            method=self.run["method"],
            params=self.run["params"],
            speed=self.run["speed"],
            segments=self.run["segments"],
            runs=self.runs,
            steps=tuple(StepRun(**step) for step in self.steps),
            entries=tuple(self.entries.values()),
            deleted=tuple(self.deleted.values()),
            resume_point=self.resume,
            progress=self.progress,
            stop_reason=self.stop_reason,
            step_labels=dict(self.labels),
            events=self.events,
            last_seq=self.last_seq,
            first_at=self.first_at,
            last_at=self.last_at,
            ignored=tuple(self.ignored),
        )
