"""A session: its header, and its state as a pure fold over the journal's records.

``fold(records, header)`` replays the recorded events in order and returns a frozen
:class:`SessionState`: the runs (every RunStarted begins one: a method or a standalone timer,
with its steps planned against actual), the live entries (added, minus deleted, with edits
applied) and where the last run can be resumed.
Times come only from the records' ``at``; nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

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
from facilitate.model.session_header import (
    HEADER_STATUSES,
    SESSION_LANGUAGES,
    SESSION_SCHEMA_VERSION,
    TITLE_MAX,
    HeaderError,
    HeaderStatus,
    SessionHeader,
    check_header,
    is_name,
)
from facilitate.model.session_state import (
    TIMER_METHOD,
    Entry,
    Progress,
    ResumePoint,
    Run,
    SessionState,
    StepRun,
)

__all__ = [
    "HEADER_STATUSES",
    "SESSION_LANGUAGES",
    "SESSION_SCHEMA_VERSION",
    "TIMER_METHOD",
    "TITLE_MAX",
    "Entry",
    "HeaderError",
    "HeaderStatus",
    "Progress",
    "ResumePoint",
    "Run",
    "SessionHeader",
    "SessionState",
    "StepRun",
    "check_header",
    "fold",
    "is_name",
]


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
