"""The live loop following the session's journal: the step's entry count from every terminal.

The count comes from an injected callable (the ui never reads the store); it is asked at
most every FOLLOW_SECONDS, at once after a key (a note typed here, another step), and
whenever the step on screen changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from facilitate.model.run import RunSnapshot
from facilitate.model.timeline import Segment

FOLLOW_SECONDS = 0.5
"""How often the journal is looked at for entries from other terminals (a ``stat``)."""
EARLY_SECONDS = 0.1
"""A turn of the loop this close to the next look looks already: the looks ride on the
countdown's own wake-ups instead of adding wake-ups of their own."""

StepEntryCount = Callable[[str, int | None], int]
"""The live entries filed under a step (id, round) in this run, by every terminal."""


class EntryFollower:
    """When to look at the journal next, and the count last seen for the step on screen."""

    def __init__(self, count: StepEntryCount | None, every: float = FOLLOW_SECONDS) -> None:
        self.count = count
        self.every = every
        self.entries: int | None = None
        self.step: tuple[str, int | None] | None = None
        self.looked_at = float("-inf")

    def look(self, segment: Segment, now: float) -> None:
        """Ask for the step's count if it is time (or the step changed)."""
        if self.count is None:
            return
        step = (segment.step_id, segment.round)
        if step == self.step and now - self.looked_at < self.every - EARLY_SECONDS:
            return
        self.entries = self.count(*step)
        self.step, self.looked_at = step, now

    def soon(self) -> None:
        """Look at the next turn (a key was pressed)."""
        self.looked_at = float("-inf")

    def wait(self, now: float) -> float | None:
        """Seconds until the next look; None when the journal is not followed."""
        if self.count is None:
            return None
        return max(0.0, self.looked_at + self.every - now)

    def shown(self, snap: RunSnapshot) -> RunSnapshot:
        """``snap`` with the journal's count of its step's entries, once there is one."""
        if self.entries is None or self.step != (snap.segment.step_id, snap.segment.round):
            return snap
        return replace(snap, notes=self.entries)
