"""The note-taker's terminal: the entry line, short questions, and lines said in between.

:class:`TerminalNotePrompter` asks with prompt_toolkit: the entry line's prompt and its
bottom bar are redrawn twice a second, so they follow the live run while the note-taker
types. :class:`ScriptedNotePrompter` answers from a list (for tests). Ctrl-D on an empty
line raises EOFError and Ctrl-C KeyboardInterrupt: both end the mode.
"""

from __future__ import annotations

import contextlib
import functools
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
Notices = Callable[[], list[str]]
"""Lines to show above the entry line now (the run moved on), asked twice a second."""


class NotePrompter(Protocol):
    """What the note-taker's mode asks and says."""

    def entry(
        self, message: Render, toolbar: Render, default: str = "", notices: Notices | None = None
    ) -> str:
        """The next line typed (EOFError: Ctrl-D, KeyboardInterrupt: Ctrl-C); while waiting,
        ``notices`` are shown above the line as they come."""
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

    def entry(
        self, message: Render, toolbar: Render, default: str = "", notices: Notices | None = None
    ) -> str:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.application import get_app

        if self._session is None:
            self._session = PromptSession()

        def watch() -> None:
            if notices is not None:
                get_app().create_background_task(self._watch(notices))

        answer = self._session.prompt(
            lambda: safe_line(message()),
            bottom_toolbar=lambda: safe_line(toolbar()),
            refresh_interval=REFRESH_SECONDS,
            default=default,
            pre_run=watch,
        )
        return str(answer)

    async def _watch(self, notices: Notices) -> None:
        """Show the notices above the entry line, as they come, while it waits."""
        import asyncio

        from prompt_toolkit.application import run_in_terminal

        while True:
            await asyncio.sleep(REFRESH_SECONDS)
            text = "\n".join(notices())
            if text:
                await run_in_terminal(functools.partial(self.say, text))

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
        self.defaults: list[str] = []
        self.on_entry = on_entry

    def entry(
        self, message: Render, toolbar: Render, default: str = "", notices: Notices | None = None
    ) -> str:
        if self.on_entry is not None:
            self.on_entry()  # (a test's other writers take their turn here)
        self.said += notices() if notices is not None else []
        self.asked.append(message())
        self.toolbars.append(toolbar())
        self.defaults.append(default)
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
