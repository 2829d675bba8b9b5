"""The run loop: one thread, asleep in ``KeySource.next_key`` until the next thing to show.

Each turn polls the run (warnings, the end, a clock jump), redraws only if what is shown
changed, and then waits for a key with a timeout that ends just after the next shown
change or timed event. The clock, the keys, the prompts and the screen are injected, so
the whole loop runs in tests with a fake clock in milliseconds. A recorded run also follows
its journal (:mod:`facilitate.ui.following`), so notes from other terminals are counted.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from facilitate.i18n import t
from facilitate.model.events import Event, StopReason
from facilitate.model.run import RunController, RunSnapshot, Tick, segment_title
from facilitate.ui.following import EntryFollower, StepEntryCount
from facilitate.ui.format import format_minutes
from facilitate.ui.keys import ESCAPE, RESIZE, KeySource
from facilitate.ui.prompts import Prompter
from facilitate.ui.views import Overlay, format_countdown, signature

WAKE_MARGIN = 0.001
"""Wake this long after a boundary, so the new second is already there."""
FLASH_SECONDS = 4.0
CONFIRM_SECONDS = 5.0
MINUTE = 60.0


class Clock(Protocol):
    """The two clocks the loop reads, and the local time zone."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...

    def utc_offset(self, wall: float) -> float: ...


class Display(Protocol):
    """Where the run is shown: the full-screen view, or plain lines."""

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def show(self, snap: RunSnapshot, overlay: Overlay) -> None: ...

    def bell(self) -> None: ...

    def help(self) -> bool:
        """Show the keys; True if the help stays on screen until a key closes it."""
        ...

    def notice(self, text: str) -> None:
        """A message that no event line carries (the full-screen view flashes it instead)."""
        ...

    def event(self, event: Event, snap: RunSnapshot) -> None: ...

    def tick(self, tick: Tick, snap: RunSnapshot) -> None: ...


@dataclass
class LoopSettings:
    """How the loop behaves; everything else comes from the controller.

    ``session_id`` is the session the run is recorded in (None: nothing is kept, so no notes).
    ``step_entries`` follows that session's journal: the live entries of a step (id, round)
    in this run from every terminal, cheap when nothing changed, never raising (None: the
    view counts only the notes typed here).
    """

    lang: str = "en"
    session_id: str | None = None
    quiet: bool = False
    heading: str = ""
    min_redraw: float = 0.0
    new_id: Callable[[], str] = field(default=lambda: secrets.token_hex(6))
    problem: Callable[[], str] = field(default=lambda: "")
    trace: IO[str] | None = None
    step_entries: StepEntryCount | None = None


@dataclass
class _State:
    flash: str = ""
    flash_until: float = 0.0
    help: bool = False
    confirm_until: float = 0.0
    force: bool = True
    last: tuple[Any, ...] | None = None
    events: list[Event] = field(default_factory=list)
    fired: str = ""
    event_at: float = -1.0


def run_loop(
    controller: RunController,
    *,
    clock: Clock,
    keys: KeySource,
    display: Display,
    prompter: Prompter | None,
    settings: LoopSettings,
    start: dict[str, Any] | None = None,
) -> StopReason:
    """Run ``controller`` until it finishes, the facilitator quits, or Ctrl-C; returns why.

    ``start`` holds the keyword arguments of :meth:`RunController.start` (where to resume).
    Ctrl-C stops the run with reason "interrupted" (the run is saved) and returns that.
    """
    loop = _Loop(controller, clock, keys, display, prompter, settings)
    return loop.run(start or {})


class _Loop:
    def __init__(
        self,
        controller: RunController,
        clock: Clock,
        keys: KeySource,
        display: Display,
        prompter: Prompter | None,
        settings: LoopSettings,
    ) -> None:
        self.c = controller
        self.clock = clock
        self.keys = keys
        self.display = display
        self.prompter = prompter
        self.s = settings
        self.state = _State()
        self.follow = EntryFollower(settings.step_entries)

    def run(self, start: dict[str, Any]) -> StopReason:
        inner = self.c.emit

        def tee(event: Event) -> None:
            inner(event)
            self.state.events.append(event)

        self.c.emit = tee
        self.display.start()
        try:
            now, wall = self._now()
            self.c.start(now, wall, **start)
            self._flush_events(now, wall)
            while not self.c.finished:
                self._turn()
        except KeyboardInterrupt:
            now, wall = self._now()
            self.c.stop(now, wall, "interrupted")
            self._flush_events(now, wall)
        finally:
            self.c.emit = inner
            with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
                self.display.stop()
        return self.c.stop_reason or "quit"

    # -- one turn of the loop --------------------------------------------------------------

    def _now(self) -> tuple[float, float]:
        return self.clock.monotonic(), self.clock.time()

    def _turn(self) -> None:
        now, wall = self._now()
        tick = self.c.tick(now, wall)
        self._react(tick, now, wall)
        if self.c.finished:
            return
        self.follow.look(self.c.segment, now)
        self._redraw(now, wall)
        if self.state.fired and self.s.trace is not None:
            # When the room sees it (bell rung, screen redrawn), against its deadline.
            shown = self.clock.monotonic()
            self.s.trace.write(f"{self.state.fired} {shown:.6f} {self.state.event_at:.6f}\n")
        self.state.fired = ""
        now, wall = self._now()  # the redraw took time: aim from here
        timeout, target, event_at = self._timeout(now, wall)
        self.state.event_at = event_at
        key = self.keys.next_key(timeout)
        if self.s.trace is not None:
            woke = self.clock.monotonic()
            self.s.trace.write(f"wake {woke:.6f} {target:.6f} {event_at:.6f}\n")
        if key == RESIZE:
            self.state.force = True
        elif key is not None:
            self._key(key)
            self.follow.soon()

    def _react(self, tick: Tick, now: float, wall: float) -> None:
        snap = self.follow.shown(self.c.snapshot(now, wall))
        if tick.warnings or tick.reached_zero:
            if not self.s.quiet:
                self.display.bell()
            self.state.fired = "zero" if tick.reached_zero else "warn"
        if tick.clock_jump is not None:
            self._flash(t("timer.flash.resynced", time=format_minutes(tick.clock_jump)), now)
        elif tick.reached_zero:
            self._flash(t("timer.flash.zero"), now)
        elif tick.warnings:
            left = format_countdown(min(tick.warnings))
            self._flash(t("timer.flash.warning", time=left), now)
        self.display.tick(tick, snap)
        self._flush_events(now, wall)

    def _flush_events(self, now: float, wall: float) -> None:
        if not self.state.events:
            return
        events, self.state.events = self.state.events, []
        snap = self.follow.shown(self.c.snapshot(now, wall))
        for event in events:
            self.display.event(event, snap)

    def _redraw(self, now: float, wall: float) -> None:
        state = self.state
        if state.flash and now >= state.flash_until:
            state.flash = ""
        snap = self.follow.shown(self.c.snapshot(now, wall))
        problem = self.s.problem()
        overlay = Overlay(
            flash=state.flash, help=state.help, heading=self.s.heading, problem=problem
        )
        sig = ("help",) if state.help else (signature(snap, self.s.lang), state.flash, problem)
        if state.force or sig != state.last:
            self.display.show(snap, overlay)
            state.last, state.force = sig, False
            if self.s.trace is not None:
                self.s.trace.write(f"redraw {now:.6f}\n")

    def _timeout(self, now: float, wall: float) -> tuple[float, float, float]:
        """Seconds to wait; the boundary it aims at and the next timed event (monotonic)."""
        waits: list[float] = []
        change = self.c.next_change_in(now)
        if change is not None:
            waits.append(max(change, self.s.min_redraw))
        event = self.c.next_event_in(now)
        if event is not None:
            waits.append(event)
        offset = self.clock.utc_offset(wall)
        waits.append(MINUTE - (wall + offset) % MINUTE)
        if self.state.flash:
            waits.append(max(0.0, self.state.flash_until - now))
        if (follow := self.follow.wait(now)) is not None:
            waits.append(follow)
        wait = min(waits)
        event_at = now + event if event is not None else -1.0
        return wait + WAKE_MARGIN, now + wait, event_at

    def _flash(self, text: str, now: float) -> None:
        self.state.flash, self.state.flash_until = text, now + FLASH_SECONDS

    def _tell(self, text: str, now: float) -> None:
        """A flash that no event reports: plain output prints it as a line of its own."""
        self._flash(text, now)
        self.display.notice(text)

    # -- keys ------------------------------------------------------------------------------

    def _key(self, key: str) -> None:
        now, wall = self._now()
        state = self.state
        if state.help:
            state.help = False
            return
        key = key.lower() if len(key) == 1 else key
        if key == " ":
            self.c.toggle_pause(now, wall)
        elif key in "+=" and len(key) == 1:
            self._adjust(MINUTE, now, wall)
        elif key in "-_" and len(key) == 1:
            self._adjust(-MINUTE, now, wall)
        elif key == "n":
            self._next(now, wall)
        elif key == "b":
            if not self.c.back(now, wall):
                self._tell(t("timer.flash.first_step"), now)
        elif key == "r":
            self.c.restart(now, wall)
            self._flash(t("timer.flash.restarted"), now)
        elif key == "a":
            self._note(now, wall)
        elif key in ("?", "h"):
            state.help = self.display.help()
            state.force = True
        elif key == "q":
            self.c.stop(now, wall, "quit")
        elif key == ESCAPE:
            state.flash = ""
        self._flush_events(*self._now())

    def _adjust(self, delta: float, now: float, wall: float) -> None:
        applied = self.c.adjust(delta, now, wall)
        if applied:
            sign = "+" if applied > 0 else "−"
            amount = format_minutes(abs(applied))
            self._flash(t("timer.flash.adjusted", sign=sign, amount=amount), now)

    def _next(self, now: float, wall: float) -> None:
        last = self.c.index + 1 >= len(self.c.segments)
        if last and now >= self.state.confirm_until:
            self.state.confirm_until = now + CONFIRM_SECONDS
            self._tell(t("timer.flash.confirm_finish"), now)
            return
        self.state.confirm_until = 0.0
        self.state.flash = ""
        self.c.next(now, wall)

    def _note(self, now: float, wall: float) -> None:
        if self.s.session_id is None:
            self._tell(t("timer.flash.no_session_notes"), now)
            return
        if self.prompter is None:
            self._tell(t("timer.flash.no_terminal_notes", id=self.s.session_id), now)
            return
        paused = self.c.timer is not None and self.c.timer.paused
        message = t(
            "timer.prompt.note_paused" if paused else "timer.prompt.note",
            title=segment_title(self.c.segment, self.s.lang),
            time=format_countdown(self.c.remaining(now)),
        )
        self.display.stop()
        self.keys.pause()
        try:
            text = self.prompter.ask_text(message)
        finally:
            self.keys.resume()
            self.display.start()
            self.state.force = True
        after = self.clock.monotonic()
        if text:
            self.c.add_note(text, self.s.new_id())
            self._flash(t("timer.flash.note_saved"), after)
        else:
            self._tell(t("timer.flash.note_empty"), after)
