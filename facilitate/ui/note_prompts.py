"""The note-taker's terminal: the entry line, short questions, and lines said in between.

:class:`TerminalNotePrompter` asks with prompt_toolkit: the entry line's prompt and its
bottom bar are redrawn twice a second, so they follow the live run while the note-taker
types. :class:`ScriptedNotePrompter` answers from a list (for tests). Ctrl-D on an empty
line raises EOFError and Ctrl-C KeyboardInterrupt: both end the mode.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Any, Protocol

from facilitate.ui.safe_text import safe_line, safe_text

REFRESH_SECONDS = 0.5
"""How often the entry line's prompt and bar are drawn again (they follow the journal)."""
_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

Render = Callable[[], str]


class NotePrompter(Protocol):
    """What the note-taker's mode asks and says."""

    def entry(self, message: Render, toolbar: Render, default: str = "") -> str:
        """The next line typed (EOFError: Ctrl-D, KeyboardInterrupt: Ctrl-C)."""
        ...

    def answer(self, message: str, default: str = "") -> str:
        """An answer to one short question (a dimension's value, a new text)."""
        ...

    def say(self, text: str) -> None:
        """Show ``text`` (one or more lines) above the next question."""
        ...


class TerminalNotePrompter:
    """Asks with prompt_toolkit (imported when the first question is asked)."""

    def __init__(self) -> None:
        self._session: Any = None

    def entry(self, message: Render, toolbar: Render, default: str = "") -> str:
        if self._session is None:
            from prompt_toolkit import PromptSession

            self._session = PromptSession()
        answer = self._session.prompt(
            lambda: safe_line(message()),
            bottom_toolbar=lambda: safe_line(toolbar()),
            refresh_interval=REFRESH_SECONDS,
            default=default,
        )
        return str(answer)

    def answer(self, message: str, default: str = "") -> str:
        from prompt_toolkit import prompt

        return str(prompt(safe_line(message) + ": ", default=default))

    def say(self, text: str) -> None:
        sys.stdout.write(safe_text(text) + "\n")
        sys.stdout.flush()


class ScriptedNotePrompter:
    """Answers from a list in order; once it is used up, Ctrl-D. Keeps what was said."""

    def __init__(self, answers: Iterable[str], on_entry: Callable[[], None] | None = None):
        self.answers = list(answers)
        self.said: list[str] = []
        self.asked: list[str] = []
        self.toolbars: list[str] = []
        self.on_entry = on_entry

    def entry(self, message: Render, toolbar: Render, default: str = "") -> str:
        if self.on_entry is not None:
            self.on_entry()  # (a test's other writers take their turn here)
        self.asked.append(message())
        self.toolbars.append(toolbar())
        return self._next()

    def answer(self, message: str, default: str = "") -> str:
        self.asked.append(message)
        return self._next() or default

    def say(self, text: str) -> None:
        self.said.append(text)

    def _next(self) -> str:
        if not self.answers:
            raise EOFError
        answer = self.answers.pop(0)
        if answer == "^C":
            raise KeyboardInterrupt
        return answer


@contextlib.contextmanager
def signals_held() -> Iterator[list[int]]:
    """Hold Ctrl-C, SIGTERM and SIGHUP while an entry is written; they count once it is.

    Yields the signals that came meanwhile; the caller ends the mode if there are any.
    """
    caught: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    kept: dict[int, Any] = {}
    with contextlib.suppress(ValueError):  # (not the main thread: nothing to hold)
        for name in _SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                kept[number] = signal.signal(number, note)
    try:
        yield caught
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)
