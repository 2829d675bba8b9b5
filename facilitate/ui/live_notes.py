"""Notes typed during a live run: on the view's own bottom line, or asked on plain lines.

On the full-screen view the note is typed in place (:class:`~facilitate.ui.note_input.
NoteInput`): the countdown keeps running and stays in view, nothing else of the journal is
shown, Esc cancels, and the dimensions the step collects along are chosen with Tab and the
arrows. Plain output (a pipe, ``--plain``) asks a :class:`~facilitate.ui.prompts.Prompter`
with the terminal back in its normal mode.

Each method returns what to tell the facilitator when a note closes: ``(text, line)``, where
``line`` asks plain output for a line of its own (a saved note has its event line already).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from facilitate.i18n import t
from facilitate.model.run import RunController, segment_title
from facilitate.ui.keys import KeySource
from facilitate.ui.note_input import NoteInput
from facilitate.ui.prompts import Prompter, note_problem
from facilitate.ui.views import format_countdown

if TYPE_CHECKING:
    from facilitate.ui.live_settings import LoopSettings

Told = tuple[str, bool] | None


class _Clock(Protocol):
    def monotonic(self) -> float: ...


class _Display(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...


class Notes:
    """The note being typed (``editing``), and the dimension values chosen last."""

    def __init__(
        self,
        controller: RunController,
        clock: _Clock,
        keys: KeySource,
        display: _Display,
        prompter: Prompter | None,
        settings: LoopSettings,
        *,
        inline: bool,
    ) -> None:
        self.c = controller
        self.clock = clock
        self.keys = keys
        self.display = display
        self.prompter = prompter
        self.s = settings
        self.inline = inline
        self.editing: NoteInput | None = None
        self.last: dict[str, str | None] = {}

    def start(self, now: float) -> Told:
        """``a`` was pressed: open the note line, or ask, or say why there can be no note."""
        if self.s.session_id is None:
            return t("timer.flash.no_session_notes"), True
        if self.inline:
            self.editing = NoteInput.open(self.c.segment.note_dims, self.last)
            return None
        if self.prompter is None:
            return t("timer.flash.no_terminal_notes", id=self.s.session_id), True
        return self._ask(now)

    def press(self, key: str) -> Told:
        """A key for the note line; what to tell once the note is saved or cancelled."""
        note = self.editing
        if note is None:
            return None
        outcome = note.press(key)
        if outcome is None:
            return None
        if outcome == "cancel":
            self.editing = None
            return t("timer.flash.note_empty"), False
        problem = note_problem(note.text)
        if problem is not None:
            note.problem = problem
            return None
        self.editing = None
        self.last.update(note.chosen)
        if not note.text.strip():
            return t("timer.flash.note_empty"), True
        self.record(note.text.strip(), note.dimension_values())
        return t("timer.flash.note_saved"), False

    def record(self, text: str, dims: Mapping[str, str] | None = None) -> None:
        """Record a note for the current step, placed along ``dims`` (value ids)."""
        self.c.add_note(text, self.s.new_id(), dims)

    def _ask(self, now: float) -> Told:
        """Ask the prompter, with the view stopped and the terminal in its normal mode."""
        assert self.prompter is not None
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
        if text:
            self.record(text)
            return t("timer.flash.note_saved"), False
        return t("timer.flash.note_empty"), True
