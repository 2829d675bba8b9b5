"""The run loop: one thread, asleep in ``KeySource.next_key`` until the next thing to show.

Each turn polls the run (warnings, the end, a new phase, a clock jump), redraws only if
what is shown changed, and then waits for a key with a timeout that ends just after the
next shown change or timed event. The clock, the keys, the prompts and the screen are
injected, so the whole loop runs in tests with a fake clock in milliseconds. A recorded run
also follows its journal (:mod:`facilitate.ui.following`), so notes from other terminals
are counted, and takes the console's commands through its key reader (a key named by
:func:`facilitate.ui.keys.command_key`), applied as if the key had been pressed here.
``q`` quits only when pressed twice within :data:`QUIT_SECONDS`; a note is typed on the
view's own bottom line (:mod:`facilitate.ui.live_notes`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from facilitate.i18n import t
from facilitate.model.control import COMMAND_KEYS
from facilitate.model.events import Event, StopReason
from facilitate.model.run import RunController, RunSnapshot, Tick
from facilitate.ui.following import EntryFollower
from facilitate.ui.format import format_minutes
from facilitate.ui.keys import ESCAPE, RESIZE, KeySource, command_of
from facilitate.ui.live_notes import Notes
from facilitate.ui.live_settings import Clock, Display, LoopSettings
from facilitate.ui.phases import PhaseWatch, next_timed_event
from facilitate.ui.prompts import Prompter
from facilitate.ui.room_view import phase_flash, phase_line
from facilitate.ui.views import Overlay, format_countdown, signature

__all__ = ["Clock", "Display", "LoopSettings", "run_loop"]

WAKE_MARGIN = 0.001
"""Wake this long after a boundary, so the new second is already there."""
FLASH_SECONDS = 4.0
CONFIRM_SECONDS = 5.0
QUIT_SECONDS = 4.0
"""How long the second ``q`` that quits may take."""
REMOTE_NEXT_GAP = 1.0
"""Seconds after a console's ``next`` in which another is dropped: a key held down or
pressed twice on the console skips one step, not the rest of the method."""
MINUTE = 60.0


@dataclass
class _State:
    flash: str = ""
    flash_until: float = 0.0
    help: bool = False
    confirm_until: float = 0.0
    quit_until: float = 0.0
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
        self.s = settings
        self.state = _State()
        self.follow = EntryFollower(settings.step_entries)
        self.phases = PhaseWatch()
        self.remote_next_at = float("-inf")
        inline = bool(getattr(display, "inline_notes", False))
        self.notes = Notes(controller, clock, keys, display, prompter, settings, inline=inline)

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
        if not self.c.finished:
            self._phase(self.c.snapshot(now, wall), now)
        if self.state.fired and not self.s.quiet:
            self.display.bell()

    def _phase(self, snap: RunSnapshot, now: float) -> None:
        """Say when a phase begins; ring (and flash) when it follows another."""
        change = self.phases.look(snap.index, snap.segment, snap.remaining, snap.step_total)
        if change is None:
            return
        phase = change.now
        if change.follows:
            self.state.fired = self.state.fired or "phase"
            self._flash(phase_flash(phase, self.s.lang), now)
        self.display.notice(phase_line(phase, self.s.lang))

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
        note = self.notes.editing
        overlay = Overlay(
            flash=state.flash, help=state.help, heading=self.s.heading, problem=problem, note=note
        )
        sig = (
            ("help",)
            if state.help
            else (signature(snap, self.s.lang), state.flash, problem, note and note.state())
        )
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
        event = next_timed_event(self.c, now)
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

    def _flash(self, text: str, now: float, seconds: float = FLASH_SECONDS) -> None:
        self.state.flash, self.state.flash_until = text, now + seconds

    def _tell(self, text: str, now: float, seconds: float = FLASH_SECONDS) -> None:
        """A flash that no event reports: plain output prints it as a line of its own."""
        self._flash(text, now, seconds)
        self.display.notice(text)

    # -- keys ------------------------------------------------------------------------------

    def _key(self, key: str) -> None:
        now, wall = self._now()
        state = self.state
        if (command := command_of(key)) is not None:
            self._remote(command, now, wall)
        elif self.notes.editing is not None:
            self._told(self.notes.press(key), self.clock.monotonic())
        elif state.help:
            state.help = False
        elif now < state.quit_until:
            self._quit_or_stay(key, now, wall)
        else:
            self._command(key.lower() if len(key) == 1 else key, now, wall)
        self._flush_events(*self._now())

    def _command(self, key: str, now: float, wall: float) -> None:
        state = self.state
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
            self._told(self.notes.start(now), self.clock.monotonic())
            state.force = True
        elif key in ("?", "h"):
            state.help = self.display.help()
            state.force = True
        elif key == "q":
            saved = self.s.session_id is not None
            confirm = t("room.quit.confirm" if saved else "room.quit.confirm_unsaved")
            state.quit_until = now + QUIT_SECONDS
            self._tell(confirm, now, QUIT_SECONDS)
        elif key == ESCAPE:
            state.flash = ""

    def _remote(self, command: str, now: float, wall: float) -> None:
        """A command from the console: its key's action, whatever this terminal is doing (a
        note being typed here stays open; a q waiting for its second q is not answered)."""
        key = COMMAND_KEYS.get(command)
        if key == "n":
            if now - self.remote_next_at < REMOTE_NEXT_GAP:
                return
            self.remote_next_at = now
        if key is not None:
            self._command(key, now, wall)
            self.state.force = True

    def _quit_or_stay(self, key: str, now: float, wall: float) -> None:
        """After one ``q``: a second one quits, any other key keeps the run going."""
        self.state.quit_until = 0.0
        if key.lower() == "q":
            self.c.stop(now, wall, "quit")
        else:
            self._tell(t("room.quit.kept"), now)

    def _told(self, message: tuple[str, bool] | None, now: float) -> None:
        """Show what a note said when it closed: (text, also as a line in plain output)."""
        if message is not None:
            text, plain = message
            self._tell(text, now) if plain else self._flash(text, now)

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
