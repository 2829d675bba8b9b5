"""What the run loop is given: its clocks, where it shows the run, and how it behaves."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Protocol

from facilitate.model.events import Event
from facilitate.model.run import RunSnapshot, Tick
from facilitate.ui.following import StepEntryCount
from facilitate.ui.views import Overlay


class Clock(Protocol):
    """The two clocks the loop reads, and the local time zone."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...

    def utc_offset(self, wall: float) -> float: ...


class Display(Protocol):
    """Where the run is shown: the full-screen view, or plain lines.

    A display with ``inline_notes`` True shows the note being typed itself (the loop
    passes it in the overlay); one without asks the prompter.
    """

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
