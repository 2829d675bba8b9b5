"""A session: its header, and its state as a pure fold over the journal's records.

``fold(records, header)`` replays the recorded events in order and returns a frozen
:class:`SessionState`: the runs (every RunStarted begins one: a method or a standalone timer,
with its steps planned against actual), the live entries (added, minus deleted, with edits
applied) and where the last run can be resumed.
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
Progress = Literal["not_started", "running", "stopped", "finished", "cut_off"]
"""``cut_off``: a run that never recorded its end (a crash) and was followed by another run."""
SESSION_LANGUAGES: tuple[str, ...] = ("sv", "en")
"""The languages a new session can be held (and later exported) in."""
TIMER_METHOD = "@timer"
"""The ``method`` a standalone timer records in RunStarted (never a method id)."""
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
        if value is not None and not is_name(value):
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


def is_name(value: str) -> bool:
    """True for an id such as ``world-cafe`` (a method or plan id: no paths, no dots)."""
    return bool(_NAME_RE.match(value))


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
    stopped here) or None (still running, or cut off by a crash). ``title`` is the title
    the runner showed (None in journals written before titles were recorded).
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
    title: str | None = None

    @property
    def label(self) -> str:
        """Short label such as ``round#2`` (the same as :attr:`Segment.label`)."""
        return f"{self.step}#{self.round}" if self.round else self.step

    @property
    def name(self) -> str:
        """What people read: the recorded title, else the label."""
        return self.title or self.label

    def to_data(self) -> dict[str, Any]:
        return {**asdict(self), "label": self.label, "name": self.name}


@dataclass(frozen=True)
class Run:
    """One run in a session, from its RunStarted on: a method, or a standalone timer.

    ``progress`` is "running" (or cut off by a crash, while it is the last run), "stopped"
    (resumable from ``resume_point``), "finished", or "cut_off" (never ended; another run
    followed).
    """

    number: int
    method: str
    params: dict[str, Any] = field(default_factory=dict)
    speed: float = 1.0
    segments: int = 0
    started_at: str = ""
    steps: tuple[StepRun, ...] = ()
    progress: Progress = "running"
    resume_point: ResumePoint | None = None
    stop_reason: str | None = None

    @property
    def is_timer(self) -> bool:
        """True for a standalone timer (``facilitate timer --session``)."""
        return self.method == TIMER_METHOD

    @property
    def current_index(self) -> int | None:
        """The segment the run is at (or stopped at); None when finished."""
        return self.resume_point.index if self.resume_point else None

    @property
    def current_step_run(self) -> StepRun | None:
        """The step row of the segment the run is at, if that segment has been started."""
        index = self.current_index
        for step in reversed(self.steps):
            if step.index == index:
                return step
        return None

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["steps"] = [step.to_data() for step in self.steps]
        data["resume_point"] = self.resume_point._asdict() if self.resume_point else None
        data["is_timer"] = self.is_timer
        return data


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
    """Everything a session's journal says, folded; what listings, views and exports read.

    ``runs`` holds every run in order (a workshop day may run several methods, and standalone
    timers); ``method``, ``params``, ``steps``, ``resume_point``, ``progress`` and
    :attr:`status` are those of the last run.
    """

    header: SessionHeader | None = None
    runs: tuple[Run, ...] = ()
    entries: tuple[Entry, ...] = ()
    deleted: tuple[Entry, ...] = ()
    events: int = 0
    last_seq: int = 0
    first_at: str | None = None
    last_at: str | None = None
    ignored: tuple[int, ...] = ()

    @property
    def last_run(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    @property
    def method(self) -> str | None:
        return self.last_run.method if self.last_run else None

    @property
    def params(self) -> dict[str, Any]:
        return self.last_run.params if self.last_run else {}

    @property
    def speed(self) -> float:
        return self.last_run.speed if self.last_run else 1.0

    @property
    def segments(self) -> int:
        return self.last_run.segments if self.last_run else 0

    @property
    def steps(self) -> tuple[StepRun, ...]:
        """The steps of the last run."""
        return self.last_run.steps if self.last_run else ()

    @property
    def resume_point(self) -> ResumePoint | None:
        return self.last_run.resume_point if self.last_run else None

    @property
    def progress(self) -> Progress:
        return self.last_run.progress if self.last_run else "not_started"

    @property
    def stop_reason(self) -> str | None:
        return self.last_run.stop_reason if self.last_run else None

    @property
    def status(self) -> str:
        """For listings: "archived", else "not_started", "running", "stopped" or "finished"."""
        if self.header is not None and self.header.status == "archived":
            return "archived"
        return self.progress

    @property
    def current_index(self) -> int | None:
        """The segment the last run is at (or stopped at); None when not started or finished."""
        return self.last_run.current_index if self.last_run else None

    @property
    def current_step_run(self) -> StepRun | None:
        """The step row of the segment the last run is at, if it has been started."""
        return self.last_run.current_step_run if self.last_run else None

    @property
    def current_step(self) -> str | None:
        """Label of the segment the last run is at, when that segment has been started."""
        step = self.current_step_run
        return step.label if step else None

    def step_title(self, step: str, round_: int | None = None) -> str | None:
        """The title recorded for ``step`` (and round) in the latest run that ran it."""
        for run in reversed(self.runs):
            for row in reversed(run.steps):
                if row.step == step and row.round == round_ and row.title:
                    return row.title
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
        point = self.resume_point
        return {
            "header": self.header.to_data() if self.header else None,
            "status": self.status,
            "progress": self.progress,
            "method": self.method,
            "params": dict(self.params),
            "speed": self.speed,
            "segments": self.segments,
            "resume_point": point._asdict() if point else None,
            "stop_reason": self.stop_reason,
            "current_step": self.current_step,
            "steps": [step.to_data() for step in self.steps],
            "runs": [run.to_data() for run in self.runs],
            "entries": [asdict(entry) for entry in self.entries],
            "deleted": [asdict(entry) for entry in self.deleted],
            "entries_by_kind": {k: len(v) for k, v in self.entries_by_kind().items()},
            "events": self.events,
            "last_seq": self.last_seq,
            "first_at": self.first_at,
            "last_at": self.last_at,
            "ignored": list(self.ignored),
        }


def fold(records: Iterable[Recorded], header: SessionHeader | None = None) -> SessionState:
    """Replay ``records`` (in journal order) into a :class:`SessionState`."""
    folder = _Folder()
    for record in records:
        folder.apply(record)
    return folder.result(header)


TimerEvent = TimerPaused | TimerResumed | TimerAdjusted | StepRestarted | ClockResynced


class _RunFolder:
    """The mutable accumulator of one run (from its RunStarted to the next)."""

    def __init__(self, number: int, event: RunStarted, at: str) -> None:
        self.run = Run(
            number=number,
            method=event.method,
            params=dict(event.params),
            speed=event.speed,
            segments=event.segments,
            started_at=at,
        )
        self.steps: list[dict[str, Any]] = []
        self.open_step: dict[str, Any] | None = None
        self.resume: ResumePoint | None = ResumePoint(0, None, False)
        self.progress: Progress = "running"
        self.stop_reason: str | None = None

    def step_started(self, record: Recorded, event: StepStarted) -> None:
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
            current["title"] = event.title or current["title"]
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
            "title": event.title,
        }
        self.steps.append(self.open_step)

    def _step(self, index: int) -> dict[str, Any] | None:
        """The open step row for ``index`` (timer events for other segments are kept apart)."""
        step = self.open_step
        return step if step is not None and step["index"] == index else None

    def timer(self, event: TimerEvent) -> None:
        """Pause, resume, adjust, restart or clock resync: where to resume moves with it."""
        keep = self.resume.paused if self.resume and self.resume.index == event.index else False
        paused = {TimerPaused: True, TimerResumed: False}.get(type(event), keep)
        self.resume = ResumePoint(event.index, event.remaining_seconds, paused)
        if self.progress != "finished":
            self.progress = "running"
        step = self._step(event.index)
        if step is None:
            return
        step["remaining_seconds"] = event.remaining_seconds
        match event:
            case TimerPaused():
                step["pauses"] += 1
            case TimerResumed():
                step["paused_seconds"] += event.paused_seconds
            case TimerAdjusted():
                step["adjusted_seconds"] += event.delta_seconds
            case StepRestarted():
                step["restarts"] += 1
            case ClockResynced():
                step["clock_jump_seconds"] += event.jump_seconds

    def step_ended(self, record: Recorded, event: StepEnded) -> None:
        step = self._step(event.index)
        if step is not None:
            step["ended_at"] = record.at
            step["elapsed_seconds"] = event.elapsed_seconds
            step["remaining_seconds"] = event.remaining_seconds
            step["outcome"] = event.outcome
        following = max(event.index - 1, 0) if event.outcome == "back" else event.index + 1
        segments = self.run.segments
        if segments and following >= segments:
            self._finish()
        else:
            self.resume = ResumePoint(following, None, False)
            self.progress = "running"

    def run_stopped(self, record: Recorded, event: RunStopped) -> None:
        segments = self.run.segments
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

    def superseded(self) -> None:
        """Another run began: a run that never recorded its end was cut off."""
        if self.progress == "running":
            self.progress = "cut_off"

    def result(self) -> Run:
        return replace(
            self.run,
            steps=tuple(StepRun(**step) for step in self.steps),
            progress=self.progress,
            resume_point=self.resume,
            stop_reason=self.stop_reason,
        )


class _Folder:
    """The mutable accumulator behind :func:`fold`; only :func:`fold` sees it."""

    def __init__(self) -> None:
        self.runs: list[_RunFolder] = []
        self.entries: dict[str, Entry] = {}
        self.deleted: dict[str, Entry] = {}
        self.events = 0
        self.last_seq = 0
        self.first_at: str | None = None
        self.last_at: str | None = None
        self.ignored: list[int] = []

    def apply(self, record: Recorded) -> None:
        self.events += 1
        self.last_seq = record.seq
        if self.first_at is None:
            self.first_at = record.at
        self.last_at = record.at
        event = record.event
        if isinstance(event, RunStarted):
            if self.runs:
                self.runs[-1].superseded()
            self.runs.append(_RunFolder(len(self.runs) + 1, event, record.at))
            return
        match event:
            case EntryAdded():
                self._entry_added(record, event)
            case EntryEdited():
                self._entry_edited(record, event)
            case EntryDeleted():
                self._entry_deleted(record, event)
            case _ if not self.runs:  # a timer event with no run to belong to
                self.ignored.append(record.seq)
            case StepStarted():
                self.runs[-1].step_started(record, event)
            case StepEnded():
                self.runs[-1].step_ended(record, event)
            case RunStopped():
                self.runs[-1].run_stopped(record, event)
            case (
                TimerPaused() | TimerResumed() | TimerAdjusted() | StepRestarted() | ClockResynced()
            ):
                self.runs[-1].timer(event)

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
            runs=tuple(run.result() for run in self.runs),
            entries=tuple(self.entries.values()),
            deleted=tuple(self.deleted.values()),
            events=self.events,
            last_seq=self.last_seq,
            first_at=self.first_at,
            last_at=self.last_at,
            ignored=tuple(self.ignored),
        )
