"""The run of a method over its timeline: which step, its timer, and the events it makes.

:class:`RunController` is pure: every call takes ``now`` (monotonic) and ``wall``
(``time.time()``) and hands each event to the injected ``emit``; the command line wires
``emit`` to the session journal and the live view reads :meth:`RunController.snapshot`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    Event,
    RunStarted,
    RunStopped,
    StepEnded,
    StepOutcome,
    StepRestarted,
    StepStarted,
    StopReason,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.run_view import RunSnapshot, Tick, segment_title, standalone_segment
from facilitate.model.timeline import Segment
from facilitate.model.timer import RoundTimer, TimerNews, until_epoch

Emit = Callable[[Event], object]

__all__ = ["Emit", "RunController", "RunSnapshot", "Tick", "segment_title", "standalone_segment"]


@dataclass
class RunController:
    """Runs ``segments`` in order with one :class:`RoundTimer` for the current one.

    ``warnings`` (if given) replaces every step's own warning thresholds; ``auto_advance``
    moves to the next step when a countdown reaches zero; ``speed`` is the rehearsal factor;
    ``lang`` is the language of the step titles recorded with each StepStarted.
    ``run_id`` is the run's identity, stamped on every event it makes (the caller chooses it,
    e.g. ``uuid.uuid4().hex``; a resumed run keeps its run's id); None makes events without
    one, which belong to the session's latest run.
    """

    segments: Sequence[Segment]
    emit: Emit
    method_id: str = "timer"
    params: dict[str, Any] = field(default_factory=dict)
    speed: float = 1.0
    warnings: tuple[float, ...] | None = None
    auto_advance: bool = False
    utc_offset: float = 0.0
    lang: str = "en"
    run_id: str | None = None
    index: int = field(default=0, init=False)
    timer: RoundTimer | None = field(default=None, init=False)
    finished: bool = field(default=False, init=False)
    stop_reason: StopReason | None = field(default=None, init=False)
    _step_began: float = field(default=0.0, init=False)
    _elapsed_before: float = field(default=0.0, init=False)
    _actual: dict[int, float] = field(default_factory=dict, init=False)
    _notes: dict[int, int] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a run needs at least one segment")

    # -- reading -------------------------------------------------------------------------

    @property
    def segment(self) -> Segment:
        return self.segments[self.index]

    def _timer(self) -> RoundTimer:
        if self.timer is None:
            raise RuntimeError("the run has not started")
        return self.timer

    def remaining(self, now: float) -> float:
        return self._timer().remaining(now)

    def elapsed(self, now: float) -> float:
        """Method seconds spent in the current step so far, pauses included."""
        return self._elapsed_before + max(0.0, now - self._step_began) * self.speed

    def planned(self, segment: Segment) -> float:
        """A segment's planned length (a wall-clock step: what its timer started with)."""
        if segment.seconds is not None:
            return float(segment.seconds)
        if segment.index == self.index and self.timer is not None:
            return self.timer.total
        return 0.0

    def plan_delta(self, now: float) -> float:
        """Method seconds behind plan (negative: ahead). A step "until HH:MM" realigns the plan.

        All time spent counts: the steps before this one (a step never seen counts as on
        plan), and earlier visits to this step and later ones (after ``b``, or before ``r``).
        """
        start = 0
        for seg in self.segments[: self.index]:
            if seg.until is not None:
                start = seg.index + 1
        current = self.segment
        remaining = self.remaining(now)
        if current.until is not None:
            return max(0.0, -remaining)
        before = self.segments[start : self.index]
        spent = sum(self._actual.get(seg.index, self.planned(seg)) for seg in before)
        spent += sum(time for index, time in self._actual.items() if index >= self.index)
        planned = sum(self.planned(seg) for seg in before) + self.planned(current)
        return spent + self.elapsed(now) + max(remaining, 0.0) - planned

    def next_change_in(self, now: float) -> float | None:
        """Real seconds until what the view shows of the current step changes.

        The countdown's shown second, or while paused the shown length of the pause.
        """
        timer = self._timer()
        change = timer.next_change_in(now)
        if timer.paused:
            shown = timer.paused_for(now) * self.speed
            paused = (1.0 - shown % 1.0) / self.speed
            change = paused if change is None else min(change, paused)
        return change

    def next_event_in(self, now: float) -> float | None:
        """Real seconds until the next warning or the end of the current step is due."""
        return self._timer().next_event_in(now)

    def snapshot(self, now: float, wall: float) -> RunSnapshot:
        timer = self._timer()
        following = self.index + 1 < len(self.segments)
        return RunSnapshot(
            index=self.index,
            total=len(self.segments),
            segment=self.segment,
            remaining=timer.remaining(now),
            step_total=timer.total,
            paused=timer.paused,
            paused_for=timer.paused_for(now) * self.speed,
            level=timer.level(now),
            warnings=timer.warnings,
            progress=timer.progress(now),
            next_segment=self.segments[self.index + 1] if following else None,
            plan_delta=self.plan_delta(now),
            wall=wall,
            utc_offset=self.utc_offset,
            notes=self._notes.get(self.index, 0),
            speed=self.speed,
            finished=self.finished,
            until_wall=timer.until_wall,
        )

    # -- acting --------------------------------------------------------------------------

    def start(
        self,
        now: float,
        wall: float,
        *,
        index: int = 0,
        remaining: float | None = None,
        paused: bool = False,
        fresh: bool = True,
        actual: Mapping[int, float] | None = None,
    ) -> None:
        """Begin the run (``fresh``) or resume it at ``index`` with ``remaining`` seconds.

        ``actual`` gives the time already spent in earlier steps (from the journal), so the
        plan delta carries on after a resume.
        """
        if not 0 <= index < len(self.segments):
            raise ValueError(f"no step {index}")
        self._actual = dict(actual or {})
        if fresh:
            self.emit(
                RunStarted(
                    method=self.method_id,
                    params=dict(self.params),
                    speed=self.speed,
                    segments=len(self.segments),
                    run_id=self.run_id or "",
                )
            )
        self._begin(index, now, wall, remaining=remaining, paused=paused)

    def tick(self, now: float, wall: float) -> Tick:
        """Poll the clock: resync after a sleep, fire warnings, end or advance the step."""
        if self.finished:
            return Tick()
        news: TimerNews = self._timer().poll(now, wall)
        if news.clock_jump is not None:
            self._elapsed_before += news.clock_jump * self.speed
            self._emit(
                ClockResynced,
                index=self.index,
                jump_seconds=round(news.clock_jump, 3),
                remaining_seconds=self._r(now),
            )
        advanced = False
        if news.reached_zero and self.auto_advance:
            self._end("completed", now, wall)
            advanced = True
        return Tick(news.warnings, news.reached_zero, news.clock_jump, advanced)

    def toggle_pause(self, now: float, wall: float) -> bool:
        """Pause a running step or resume a paused one; returns True when now paused."""
        timer = self._timer()
        if timer.paused:
            lasted = timer.resume(now)
            self._emit(
                TimerResumed,
                index=self.index,
                remaining_seconds=self._r(now),
                paused_seconds=round(lasted * self.speed, 3),
            )
            return False
        timer.pause(now)
        self._emit(TimerPaused, index=self.index, remaining_seconds=self._r(now))
        return True

    def adjust(self, delta: float, now: float, wall: float) -> float:
        """Add (or take away) time from the current step; returns the seconds applied."""
        applied = self._timer().extend(delta, now)
        if applied:
            self._emit(
                TimerAdjusted,
                index=self.index,
                delta_seconds=applied,
                remaining_seconds=self._r(now),
            )
        return applied

    def restart(self, now: float, wall: float) -> None:
        """Start the current step over with its planned time (the time spent stays spent)."""
        self._actual[self.index] = self._actual.get(self.index, 0.0) + self.elapsed(now)
        self._timer().restart(now, wall)
        self._step_began, self._elapsed_before = now, 0.0
        self._emit(StepRestarted, index=self.index, remaining_seconds=self._r(now))

    def next(self, now: float, wall: float) -> None:
        """End the current step (completed if its time is up, else ended early) and go on."""
        self._end("completed" if self.remaining(now) <= 0 else "ended_early", now, wall)

    def back(self, now: float, wall: float) -> bool:
        """Go back to the previous step; returns False on the first step (nothing happens)."""
        if self.index == 0:
            return False
        self._close("back", now)
        self._begin(self.index - 1, now, wall)
        return True

    def add_note(self, text: str, entry_id: str, dims: Mapping[str, str] | None = None) -> None:
        """Record a note for the current step, placed along ``dims`` (dimension -> value id);
        the clock is not touched."""
        seg = self.segment
        self._notes[self.index] = self._notes.get(self.index, 0) + 1
        self._emit(
            EntryAdded,
            entry_id=entry_id,
            kind="note",
            text=text,
            step=seg.step_id,
            round=seg.round,
            dims=dict(dims or {}),
        )

    def stop(self, now: float, wall: float, reason: StopReason) -> None:
        """Stop the run where it is, so that ``sessions resume`` can continue exactly here."""
        if self.finished:
            return
        timer = self._timer()
        self.finished, self.stop_reason = True, reason
        self._emit(
            RunStopped,
            index=self.index,
            remaining_seconds=self._r(now),
            paused=timer.paused,
            reason=reason,
        )

    # -- internals -----------------------------------------------------------------------

    def _emit(self, event: Callable[..., Event], **fields: Any) -> None:
        """Hand on an event of this run (stamped with its id)."""
        self.emit(event(**fields, run_id=self.run_id))

    def _r(self, now: float) -> float:
        return round(self.remaining(now), 3)

    def _make_timer(self, seg: Segment, wall: float) -> RoundTimer:
        warnings = self.warnings if self.warnings is not None else seg.warnings
        if seg.until is not None:
            target = until_epoch(seg.until, wall, self.utc_offset)
            return RoundTimer(until_wall=target, warnings=warnings, speed=self.speed)
        return RoundTimer(seconds=seg.seconds or 0.0, warnings=warnings, speed=self.speed)

    def _begin(
        self,
        index: int,
        now: float,
        wall: float,
        *,
        remaining: float | None = None,
        paused: bool = False,
    ) -> None:
        self.index = index
        seg = self.segments[index]
        self.timer = self._make_timer(seg, wall)
        left = self.timer.start(now, wall, remaining=remaining, paused=paused)
        self._step_began = now
        self._elapsed_before = max(0.0, self.timer.total - left) if remaining is not None else 0.0
        self._emit(
            StepStarted,
            index=index,
            step=seg.step_id,
            round=seg.round,
            planned_seconds=seg.seconds,
            until=seg.until,
            remaining_seconds=round(left, 3),
            title=segment_title(seg, self.lang),
        )
        if self.timer.paused:  # a paused run resumed: the journal says it still is
            self._emit(TimerPaused, index=index, remaining_seconds=self._r(now))

    def _close(self, outcome: StepOutcome, now: float) -> None:
        elapsed = self.elapsed(now)
        self._actual[self.index] = self._actual.get(self.index, 0.0) + elapsed
        self._emit(
            StepEnded,
            index=self.index,
            outcome=outcome,
            elapsed_seconds=round(elapsed, 3),
            remaining_seconds=self._r(now),
        )

    def _end(self, outcome: StepOutcome, now: float, wall: float) -> None:
        self._close(outcome, now)
        if self.index + 1 < len(self.segments):
            self._begin(self.index + 1, now, wall)
        else:
            self.stop(now, wall, "finished")
