"""The note line of the live view: what is typed, where the cursor is, the dimensions chosen.

Pure state, edited one key at a time: characters are typed at the cursor; Enter saves, Esc
cancels; Tab (Shift-Tab back) moves from the text to each dimension the step collects
along (story, lens …) and back; on a dimension, ←/→ (or ↑/↓) step through its values, a
digit picks one by number, 0 or Backspace leaves it unset; typing a letter goes back to the
text. Values chosen stay chosen for the next note of the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from facilitate.model.timeline import NoteDimension
from facilitate.ui.keys import (
    BACKSPACE,
    BACKTAB,
    DELETE,
    DOWN,
    END,
    ENTER,
    ESCAPE,
    HOME,
    KILL_LINE,
    LEFT,
    RIGHT,
    TAB,
    UP,
)

MAX_NOTE = 2000
"""Most characters a note typed in the live view holds."""
Outcome = Literal["save", "cancel"]


@dataclass
class NoteInput:
    """One note being typed; :meth:`press` returns "save" or "cancel" when it is done."""

    dims: tuple[NoteDimension, ...] = ()
    chosen: dict[str, str | None] = field(default_factory=dict)
    text: str = ""
    cursor: int = 0
    focus: int = 0
    """0: the text; n: the n-th dimension."""
    problem: str = ""

    @classmethod
    def open(
        cls, dims: tuple[NoteDimension, ...], last: Mapping[str, str | None] | None = None
    ) -> NoteInput:
        """A new note; each dimension starts at ``last``'s value when that is one of its own."""
        last = last or {}
        chosen: dict[str, str | None] = {}
        for dim in dims:
            value = last.get(dim.id)
            chosen[dim.id] = value if value in {v for v, _ in dim.values} else None
        return cls(dims, chosen)

    def press(self, key: str) -> Outcome | None:
        """Apply one key; "save" (Enter), "cancel" (Esc) or None (still typing)."""
        self.problem = ""
        if key == ENTER:
            return "save"
        if key == ESCAPE:
            return "cancel"
        if key in (TAB, BACKTAB):
            step = 1 if key == TAB else -1
            self.focus = (self.focus + step) % (len(self.dims) + 1)
        elif self.focus:
            self._on_dimension(key)
        else:
            self._on_text(key)
        return None

    def dimension_values(self) -> dict[str, str]:
        """The dimensions chosen (value ids), for the entry."""
        return {dim: value for dim, value in self.chosen.items() if value is not None}

    def state(self) -> tuple[object, ...]:
        """Everything shown of the line (the view redraws when it changes)."""
        return (self.text, self.cursor, self.focus, tuple(self.chosen.items()), self.problem)

    # -- editing ---------------------------------------------------------------------------

    def _on_text(self, key: str) -> None:
        text, at = self.text, self.cursor
        if len(key) == 1:
            if len(text) < MAX_NOTE:
                self.text, self.cursor = text[:at] + key + text[at:], at + 1
        elif key == BACKSPACE and at > 0:
            self.text, self.cursor = text[: at - 1] + text[at:], at - 1
        elif key == DELETE:
            self.text = text[:at] + text[at + 1 :]
        elif key == LEFT:
            self.cursor = max(0, at - 1)
        elif key == RIGHT:
            self.cursor = min(len(text), at + 1)
        elif key == HOME:
            self.cursor = 0
        elif key == END:
            self.cursor = len(text)
        elif key == KILL_LINE:
            self.text, self.cursor = "", 0

    def _on_dimension(self, key: str) -> None:
        dim = self.dims[self.focus - 1]
        ids: list[str | None] = [None, *(value for value, _ in dim.values)]
        at = ids.index(self.chosen.get(dim.id))
        if key in (RIGHT, DOWN):
            self.chosen[dim.id] = ids[(at + 1) % len(ids)]
        elif key in (LEFT, UP):
            self.chosen[dim.id] = ids[(at - 1) % len(ids)]
        elif key in (BACKSPACE, DELETE, "0"):
            self.chosen[dim.id] = None
        elif key.isdigit() and len(key) == 1:
            if int(key) < len(ids):
                self.chosen[dim.id] = ids[int(key)]
        elif len(key) == 1:  # a letter: back to the text, typed there
            self.focus = 0
            self._on_text(key)
