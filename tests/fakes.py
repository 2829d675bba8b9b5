"""Stand-ins for the outside world: a clock you move by hand, scripted keys and answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from facilitate.model.events import Event
from facilitate.ui.prompts import ScriptedPrompter

__all__ = ["FakeClock", "Recorder", "ScriptedKeys", "ScriptedPrompter", "TypingPrompter"]

E = TypeVar("E", bound=Event)

START_WALL = 1_780_000_000.0  # a Thursday in 2026, 20:26:40 UTC


class FakeClock:
    """A monotonic and a wall clock that only move when told.

    ``advance`` moves both; ``suspend`` moves only the wall clock, as when a laptop sleeps
    (the monotonic clock stands still); ``step_wall`` sets the wall clock by hand.
    """

    def __init__(self, mono: float = 1000.0, wall: float = START_WALL, offset: float = 0.0):
        self.mono = mono
        self.wall = wall
        self.offset = offset

    def monotonic(self) -> float:
        return self.mono

    def time(self) -> float:
        return self.wall

    def utc_offset(self, wall: float) -> float:
        return self.offset

    def now(self) -> tuple[float, float]:
        return self.mono, self.wall

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds

    def suspend(self, seconds: float) -> None:
        self.wall += seconds

    def step_wall(self, seconds: float) -> None:
        self.wall += seconds


class ScriptedKeys:
    """Keys pressed at given monotonic offsets from the first wait; time passes while waiting.

    ``next_key(timeout)`` moves the fake clock to the next key if it comes within the
    timeout, else by the whole timeout, like a blocking ``select``. Every wait is recorded,
    so tests can check the loop never busy-waits. After the last key it presses ``q``.
    """

    def __init__(
        self,
        clock: FakeClock,
        script: Iterable[tuple[float, str]],
        *,
        then_quit: bool = True,
        max_waits: int = 20_000,
    ):
        self.clock = clock
        self.script = sorted(script, key=lambda item: item[0])
        self.then_quit = then_quit
        self.max_waits = max_waits
        self.origin: float | None = None
        self.waits: list[float | None] = []
        self.paused = 0
        self.resumed = 0

    def next_key(self, timeout: float | None) -> str | None:
        if self.origin is None:
            self.origin = self.clock.mono
        self.waits.append(timeout)
        if len(self.waits) > self.max_waits:
            raise AssertionError("the loop waited too often")
        if not self.script:
            if self.then_quit:
                return "q"
            if timeout is None:
                raise AssertionError("the loop would wait forever")
            self.clock.advance(timeout)
            return None
        at, key = self.script[0]
        due = self.origin + at
        if timeout is None or due <= self.clock.mono + timeout:
            self.clock.advance(max(0.0, due - self.clock.mono))
            self.script.pop(0)
            if callable(key):
                key()
                return None
            return key
        self.clock.advance(timeout)
        return None

    def pause(self) -> None:
        self.paused += 1

    def resume(self) -> None:
        self.resumed += 1


class TypingPrompter(ScriptedPrompter):
    """A scripted prompter that takes ``seconds`` of fake time to type each answer."""

    def __init__(self, clock: FakeClock, answers: Iterable[str | None], seconds: float = 20.0):
        super().__init__(answers)
        self.clock = clock
        self.seconds = seconds

    def ask_text(self, message: str) -> str | None:
        self.clock.advance(self.seconds)
        return super().ask_text(message)


class Recorder:
    """An ``emit`` that keeps the events."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)

    def types(self) -> list[str]:
        return [e.TYPE for e in self.events]

    def of(self, cls: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, cls)]
