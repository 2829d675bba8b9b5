"""A method's steps expanded into the segments a runner times, one per step or round."""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitate.model.text import Text


@dataclass(frozen=True)
class Segment:
    """One timed stretch of a run: a step, or one round of a repeated step.

    ``seconds`` is the planned duration; ``until`` ("HH:MM") instead targets a wall-clock time.
    ``round_text`` is the round's own text (a World Café question), when the step has one.
    """

    index: int
    step_id: str
    title: Text
    instructions: Text
    seconds: float | None
    until: str | None = None
    round: int | None = None
    rounds: int | None = None
    round_text: Text | None = None
    warnings: tuple[float, ...] = (120.0, 30.0)
    roles: tuple[str, ...] = ()
    collects: tuple[str, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        """Short machine label such as ``round#2``."""
        return f"{self.step_id}#{self.round}" if self.round else self.step_id


def total_seconds(segments: list[Segment]) -> float:
    """Planned total of the segments that have a fixed duration."""
    return sum(s.seconds or 0.0 for s in segments)
