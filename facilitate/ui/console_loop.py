"""The console's loop: asleep in the key reader until the next shown second, the next look
at the journal, or a key; a key sends its command to the live run.

The feed (the session followed from its journal), the sender (the run's control channel),
the clock, the keys and the display are injected, so tests drive it with fakes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from facilitate.i18n import t
from facilitate.model.console import ConsoleSnapshot
from facilitate.model.timer import to_next_shown_change
from facilitate.ui.console_view import ConsoleOverlay, signature
from facilitate.ui.keys import RESIZE, KeySource
from facilitate.ui.live_settings import Clock

FOLLOW_SECONDS = 0.5
"""How often the journal is looked at (one ``stat`` when nothing changed)."""
EAGER_SECONDS = 0.1
"""How often just after a key was sent, so its effect shows at once."""
EAGER_FOR = 1.5
FLASH_SECONDS = 4.0
QUIT_SECONDS = 4.0
MINUTE = 60.0
WAKE_MARGIN = 0.001
KEY_COMMANDS = {" ": "pause", "+": "extend", "=": "extend", "-": "shorten", "_": "shorten"}
KEY_COMMANDS["n"] = "next"


class Feed(Protocol):
    """The session as the console follows it (see :class:`facilitate.app.console.ConsoleFeed`)."""

    def update(self) -> bool: ...

    def snapshot(self, wall: float, utc_offset: float) -> ConsoleSnapshot: ...


class ConsoleDisplay(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...

    def show(self, snap: ConsoleSnapshot, overlay: ConsoleOverlay) -> None: ...

    def notice(self, text: str) -> None: ...


Sender = Callable[[str], bool]
"""Gives a command to the live run; True if a run took it."""


@dataclass
class _State:
    flash: str = ""
    flash_until: float = 0.0
    help: bool = False
    quit_until: float = 0.0
    look_at: float = float("-inf")
    eager_until: float = 0.0
    force: bool = True
    last: tuple[object, ...] | None = None
    live: bool = False
    last_step: bool = False
    done: bool = False


def run_console(
    feed: Feed, send: Sender, *, clock: Clock, keys: KeySource, display: ConsoleDisplay
) -> None:
    """Show the console until ``q`` is pressed twice (or the key reader raises a stop)."""
    loop = _ConsoleLoop(feed, send, clock, keys, display)
    display.start()
    try:
        while not loop.state.done:
            loop.turn()
    finally:
        display.stop()


class _ConsoleLoop:
    def __init__(
        self, feed: Feed, send: Sender, clock: Clock, keys: KeySource, display: ConsoleDisplay
    ) -> None:
        self.feed, self.send, self.clock = feed, send, clock
        self.keys, self.display = keys, display
        self.state = _State()

    def turn(self) -> None:
        state = self.state
        now, wall = self.clock.monotonic(), self.clock.time()
        if now >= state.look_at:
            self.feed.update()
            every = EAGER_SECONDS if now < state.eager_until else FOLLOW_SECONDS
            state.look_at = now + every
        offset = self.clock.utc_offset(wall)
        snap = self.feed.snapshot(wall, offset)
        state.live = snap.live
        state.last_step = snap.step is not None and snap.step.index + 1 >= snap.step.steps
        if state.flash and now >= state.flash_until:
            state.flash = ""
        overlay = ConsoleOverlay(state.flash, state.help)
        sig = signature(snap, overlay)
        if state.force or sig != state.last:
            self.display.show(snap, overlay)
            state.last, state.force = sig, False
        key = self.keys.next_key(self._timeout(snap, now, wall + offset))
        if key == RESIZE:
            state.force = True
        elif key is not None:
            self._key(key, self.clock.monotonic())

    def _timeout(self, snap: ConsoleSnapshot, now: float, local: float) -> float:
        """Until the next shown second, the next look, the message's end or the minute."""
        waits = [max(0.0, self.state.look_at - now), MINUTE - local % MINUTE]
        step = snap.step
        if step is not None and step.time_left is not None and not step.paused:
            waits.append(to_next_shown_change(step.time_left) / max(step.speed, 1e-9))
        if self.state.flash:
            waits.append(max(0.0, self.state.flash_until - now))
        return min(waits) + WAKE_MARGIN

    def _key(self, key: str, now: float) -> None:
        state = self.state
        if state.help:
            state.help = False
            return
        lowered = key.lower() if len(key) == 1 else key
        if now < state.quit_until:
            state.quit_until = 0.0
            if lowered == "q":
                state.done = True
            else:
                self._tell(t("console.quit.kept"), now)
            return
        if lowered in ("?", "h"):
            state.help = True
        elif lowered == "q":
            state.quit_until = now + QUIT_SECONDS
            self._tell(t("console.quit.confirm"), now, QUIT_SECONDS)
        elif (command := KEY_COMMANDS.get(lowered)) is not None:
            self._tell(t(self._sent(command)), now)
            state.look_at, state.eager_until = now + EAGER_SECONDS / 2, now + EAGER_FOR

    def _sent(self, command: str) -> str:
        """Send ``command``; the key of what to say about it."""
        if self.send(command):
            if command == "next" and self.state.last_step:  # the run asks for a second n
                return "console.sent.next_last"
            return f"console.sent.{command}"
        # A run holds the session but reads no keys: a planned day between two blocks.
        return "console.not_now" if self.state.live else "console.not_taken"

    def _tell(self, text: str, now: float, seconds: float = FLASH_SECONDS) -> None:
        self.state.flash, self.state.flash_until = text, now + seconds
        self.display.notice(text)
