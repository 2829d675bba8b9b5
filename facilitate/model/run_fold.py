"""The fold of one run: its steps planned against actual, where it can resume, its timer."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from facilitate.model.events import (
    ClockResynced,
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
from facilitate.model.run_clock import TimerMark
from facilitate.model.session_state import Progress, ResumePoint, Run, StepRun

TimerEvent = TimerPaused | TimerResumed | TimerAdjusted | StepRestarted | ClockResynced


def legacy_run_id(number: int) -> str:
    """The id of the ``number``-th run of a journal recorded before runs had ids."""
    return f"legacy-{number}"


class RunFolder:
    """The mutable accumulator of one run, from its RunStarted on."""

    def __init__(self, number: int, event: RunStarted, at: str) -> None:
        self.run = Run(
            number=number,
            method=event.method,
            params=dict(event.params),
            speed=event.speed,
            segments=event.segments,
            started_at=at,
            run_id=event.run_id or legacy_run_id(number),
        )
        self.steps: list[dict[str, Any]] = []
        self.open_step: dict[str, Any] | None = None
        self.labels: dict[int, tuple[str, int | None]] = {}
        self.resume: ResumePoint | None = ResumePoint(0, None, False)
        self.progress: Progress = "running"
        self.stop_reason: str | None = None
        self.mark: TimerMark | None = None
        self._result: Run | None = None

    @classmethod
    def restore(cls, run: Run, labels: list[Any]) -> RunFolder:
        """The folder that gave ``run``, with its step labels (:meth:`labels_data`), to fold
        on from; ValueError, TypeError or KeyError when they do not fit."""
        folder = cls.__new__(cls)
        folder.run = replace(run, steps=(), progress="running", resume_point=None)
        folder.run = replace(folder.run, stop_reason=None, timer_mark=None)
        folder.steps = [asdict(step) for step in run.steps]
        folder.open_step = folder.steps[-1] if folder.steps else None
        folder.labels = {}
        for index, step, round_ in labels:
            if type(index) is not int or type(step) is not str:
                raise ValueError("a label is an index, a step and a round")
            if round_ is not None and type(round_) is not int:
                raise ValueError("a round is a whole number")
            folder.labels[index] = (step, round_)
        folder.resume = run.resume_point
        folder.progress = run.progress
        folder.stop_reason = run.stop_reason
        folder.mark = run.timer_mark
        folder._result = None
        return folder

    def labels_data(self) -> list[list[Any]]:
        """The step labels by segment (JSON-ready), which :meth:`restore` needs."""
        return [[index, step, round_] for index, (step, round_) in self.labels.items()]

    @property
    def run_id(self) -> str:
        return self.run.run_id

    def apply(self, record: Recorded) -> None:
        """Fold in one event of this run (not its RunStarted, nor an entry's)."""
        event = record.event
        match event:
            case StepStarted():
                self.step_started(record, event)
            case StepEnded():
                self.step_ended(record, event)
            case RunStopped():
                self.run_stopped(record, event)
            case (
                TimerPaused() | TimerResumed() | TimerAdjusted() | StepRestarted() | ClockResynced()
            ):
                self.timer(record, event)

    def _point(self, index: int, remaining: float | None, paused: bool) -> ResumePoint:
        step, round_ = self.labels.get(index, (None, None))
        return ResumePoint(index, remaining, paused, step, round_)

    def step_started(self, record: Recorded, event: StepStarted) -> None:
        self._result = None
        remaining = event.remaining_seconds
        if remaining is None:
            remaining = event.planned_seconds
        self.labels[event.index] = (event.step, event.round)
        self.resume = self._point(event.index, remaining, False)
        self.mark = TimerMark(record.at, event.index, remaining, False)
        self.progress = "running"
        self.stop_reason = None
        current = self.open_step
        if current is not None and current["index"] == event.index and current["ended_at"] is None:
            current["resumed"] += 1
            current["outcome"] = None
            current["remaining_seconds"] = remaining
            current["title"] = event.title or current["title"]
            return
        self.open_step = _step_row(record, event, remaining)
        self.steps.append(self.open_step)

    def _step(self, index: int) -> dict[str, Any] | None:
        """The open step row for ``index`` (timer events for other segments are kept apart)."""
        step = self.open_step
        return step if step is not None and step["index"] == index else None

    def timer(self, record: Recorded, event: TimerEvent) -> None:
        """Pause, resume, adjust, restart or clock resync: where to resume moves with it."""
        self._result = None
        keep = self.resume.paused if self.resume and self.resume.index == event.index else False
        paused = {TimerPaused: True, TimerResumed: False}.get(type(event), keep)
        self.resume = self._point(event.index, event.remaining_seconds, paused)
        self.mark = TimerMark(record.at, event.index, event.remaining_seconds, paused)
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
        self._result = None
        step = self._step(event.index)
        if step is not None:
            step["ended_at"] = record.at
            step["elapsed_seconds"] = event.elapsed_seconds
            step["remaining_seconds"] = event.remaining_seconds
            step["outcome"] = event.outcome
        following = max(event.index - 1, 0) if event.outcome == "back" else event.index + 1
        self.mark = TimerMark(record.at, following, None, False)
        segments = self.run.segments
        if segments and following >= segments:
            self._finish()
        else:
            self.resume = self._point(following, None, False)
            self.progress = "running"

    def run_stopped(self, record: Recorded, event: RunStopped) -> None:
        self._result = None
        self.mark = TimerMark(record.at, event.index, event.remaining_seconds, event.paused)
        segments = self.run.segments
        if event.reason == "finished" or (segments and event.index >= segments):
            self._finish()
            return
        self.resume = self._point(event.index, event.remaining_seconds, event.paused)
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
            self._result = None
            self.progress = "cut_off"

    def result(self) -> Run:
        """The run as folded so far (kept until the next event changes it)."""
        if self._result is None:
            self._result = replace(
                self.run,
                params=dict(self.run.params),
                steps=tuple(StepRun(**step) for step in self.steps),
                progress=self.progress,
                resume_point=self.resume,
                stop_reason=self.stop_reason,
                timer_mark=self.mark,
            )
        return self._result


def _step_row(record: Recorded, event: StepStarted, remaining: float | None) -> dict[str, Any]:
    """A new step row (the fields of :class:`StepRun`)."""
    return {
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
