"""A method's steps expanded into the segments a runner times, one per step or round."""

from __future__ import annotations

from dataclasses import field

from facilitate.model.text import Text
from facilitate.records import Record


class PhaseSpan(Record):
    """A timed part of a segment; ``seconds`` None for the last, which takes the rest."""

    id: str
    title: Text
    seconds: float | None
    instructions: Text | None = None


class Shown(Record):
    """One value the room sees: a text (a question, a story) with its prompt (a lens's)."""

    text: Text
    prompt: Text | None = None


class RoomItem(Record):
    """What a step shows the room besides its texts: a parameter's text(s) or a dimension's
    values, under the label of the parameter or dimension."""

    id: str
    label: Text
    values: tuple[Shown, ...]


class NoteDimension(Record):
    """A dimension a note typed during the step can be placed along, with its values."""

    id: str
    label: Text
    values: tuple[tuple[str, Text], ...]


class Segment(Record):
    """One timed stretch of a run: a step, or one round of a repeated step.

    ``seconds`` is the planned duration; ``until`` ("HH:MM") instead targets a wall-clock time.
    ``round_text`` is the round's own text (a World Café question), when the step has one.
    ``phases`` divide its time; ``room`` is what the room sees besides the texts;
    ``note_dims`` the dimensions a note typed during it can be placed along.
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
    phases: tuple[PhaseSpan, ...] = ()
    room: tuple[RoomItem, ...] = ()
    note_dims: tuple[NoteDimension, ...] = ()

    @property
    def label(self) -> str:
        """Short machine label such as ``round#2``."""
        return f"{self.step_id}#{self.round}" if self.round else self.step_id


def total_seconds(segments: list[Segment]) -> float:
    """Planned total of the segments that have a fixed duration."""
    return sum(s.seconds or 0.0 for s in segments)
