"""The note line's editing, one key at a time (pure)."""

from __future__ import annotations

from facilitate.model.text import Text
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
from facilitate.ui.note_input import MAX_NOTE, NoteInput

STORY = NoteDimension("story", Text.same("Story"), (("1", Text.same("A")), ("2", Text.same("B"))))
LENS = NoteDimension("lens", Text.same("Lens"), (("courage", Text.same("Courage")),))


def press(note: NoteInput, *keys: str) -> list[str | None]:
    return [note.press(key) for key in keys]


def test_typing_moving_and_deleting() -> None:
    note = NoteInput()
    press(note, *"mod", LEFT, LEFT, "X", END, "!", HOME, DELETE, RIGHT, BACKSPACE)
    assert (note.text, note.cursor) == ("od!", 0)
    press(note, KILL_LINE)
    assert (note.text, note.cursor) == ("", 0)
    assert press(note, BACKSPACE, LEFT) == [None, None] and note.cursor == 0


def test_enter_saves_escape_cancels() -> None:
    assert NoteInput().press(ENTER) == "save"
    assert NoteInput(text="x").press(ESCAPE) == "cancel"


def test_tab_walks_the_dimensions_and_the_arrows_choose_their_values() -> None:
    note = NoteInput.open((STORY, LENS))
    press(note, "x", TAB, RIGHT, RIGHT, TAB, DOWN)
    assert note.dimension_values() == {"story": "2", "lens": "courage"}
    press(note, UP)  # back to unset
    assert note.dimension_values() == {"story": "2"}
    press(note, BACKTAB, "1", TAB, TAB)
    assert note.focus == 0 and note.dimension_values() == {"story": "1"}
    press(note, BACKTAB, "9", "0")  # no 9th lens; 0 unsets
    assert note.chosen["lens"] is None


def test_a_letter_on_a_dimension_goes_back_to_the_text() -> None:
    note = NoteInput.open((STORY,))
    press(note, TAB, "h", "i", BACKSPACE)
    assert (note.focus, note.text) == (0, "h")


def test_the_last_values_come_back_when_they_are_the_steps_own() -> None:
    note = NoteInput.open((STORY, LENS), {"story": "2", "lens": "gone", "table": "3"})
    assert note.chosen == {"story": "2", "lens": None}


def test_a_note_has_a_limit() -> None:
    note = NoteInput(text="x" * MAX_NOTE, cursor=MAX_NOTE)
    press(note, "y")
    assert len(note.text) == MAX_NOTE
