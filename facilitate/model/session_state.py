"""A session's state as folded from its journal: its runs with their steps, and its entries."""

from __future__ import annotations

from dataclasses import asdict, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from facilitate.model.run_clock import TimerMark
from facilitate.model.session_header import SessionHeader
from facilitate.records import Record

if TYPE_CHECKING:  # (a listing needs no entry payloads)
    from facilitate.model.entries import Payload

Progress = Literal["not_started", "running", "stopped", "finished", "cut_off"]
"""``cut_off``: a run that never recorded its end (a crash) and was followed by another run."""
TIMER_METHOD = "@timer"
"""The ``method`` a standalone timer records in RunStarted (never a method id)."""


class ResumePoint(NamedTuple):
    """Where a stopped or interrupted run continues.

    ``remaining_seconds`` is None when the segment starts afresh (its full planned time);
    ``step`` and ``round`` are the step recorded at ``index`` (None when that segment was
    never started, e.g. after a crash between two steps).
    """

    index: int  # type: ignore[assignment]  # (shadows tuple.index, as it always has)
    remaining_seconds: float | None
    paused: bool
    step: str | None = None
    round: int | None = None


class StepRun(Record):
    """One step (or round) as it was run: planned against actual.

    ``elapsed_seconds`` is what the runner reported when the step ended (None while it runs
    or after a stop); ``outcome`` is "completed" (the time ran out), "ended_early",
    "skipped" (0.1.0's word for ended early), "back", "stopped" (the run stopped here) or
    None (still running, or cut off by a crash). ``title`` is the title
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


class Run(Record):
    """One run in a session, from its RunStarted on: a method, or a standalone timer.

    ``progress`` is "running" (or cut off by a crash, while it is the last run), "stopped"
    (resumable from ``resume_point``), "finished", or "cut_off" (never ended; another run
    followed). ``run_id`` is the run's identity (``legacy-<number>`` for a run recorded by
    0.1.0); ``timer_mark`` the timer at its last event (see ``run_clock.time_left``).
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
    run_id: str = ""
    timer_mark: TimerMark | None = None

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


class LastRunView:
    """Where a session stands, read off its last run: for the views that hold its ``runs``
    and ``header`` (a digest, a listed session)."""

    runs: tuple[Run, ...]
    header: SessionHeader | None

    @property
    def last_run(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    @property
    def progress(self) -> Progress:
        return self.last_run.progress if self.last_run else "not_started"

    @property
    def status(self) -> str:
        """ "archived", else "not_started", "running", "stopped", "finished" or "cut_off"."""
        if self.header is not None and self.header.status == "archived":
            return "archived"
        return self.progress

    @property
    def resume_point(self) -> ResumePoint | None:
        return self.last_run.resume_point if self.last_run else None

    @property
    def current_step(self) -> str | None:
        step = self.last_run.current_step_run if self.last_run else None
        return step.label if step else None


class Entry(Record):
    """Something the group produced: a note, a reflection, a card, a score, a dot, a theme.

    ``kind`` is one of the closed set (:data:`facilitate.model.entries.ENTRY_KINDS`);
    ``legacy_kind`` the word a 0.1.0 journal recorded when that was not a kind
    (``reflektion``). ``value`` is the payload as recorded, ``payload`` the same typed (None
    when the kind has none or the recorded value does not fit). ``run_id`` is the run the
    entry belongs to (in a 0.1.0 journal, the latest run when it was added).
    """

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
    run_id: str | None = None
    legacy_kind: str | None = None
    payload: Payload | None = None


class SessionState(LastRunView, Record):
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
    def stop_reason(self) -> str | None:
        return self.last_run.stop_reason if self.last_run else None

    @property
    def current_index(self) -> int | None:
        """The segment the last run is at (or stopped at); None when not started or finished."""
        return self.last_run.current_index if self.last_run else None

    @property
    def current_step_run(self) -> StepRun | None:
        """The step row of the segment the last run is at, if it has been started."""
        return self.last_run.current_step_run if self.last_run else None

    def run(self, run_id: str | None) -> Run | None:
        """The run with this id, if any."""
        return next((run for run in self.runs if run.run_id == run_id), None)

    def step_title(
        self, step: str, round_: int | None = None, run_id: str | None = None
    ) -> str | None:
        """The title recorded for ``step`` (and round): in run ``run_id`` if it ran it there,
        else in the latest run that ran it."""
        own = self.run(run_id) if run_id else None
        for run in ((own,) if own else ()) + tuple(reversed(self.runs)):
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
