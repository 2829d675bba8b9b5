"""Questions to the facilitator during a run on plain lines: a protocol, lines, a script.

The full-screen view takes notes on its own line (:mod:`facilitate.ui.note_input`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Protocol

from facilitate.errors import UsageError
from facilitate.i18n import t
from facilitate.library.user_text import checked_text
from facilitate.ui.safe_text import safe_line


def note_problem(text: str) -> str | None:
    """Why a typed note is refused (a control character, nothing visible), or None.

    Empty input is not a problem here: it cancels the question.
    """
    if not text.strip():
        return None
    try:
        checked_text(text, "note")
    except UsageError as error:
        return error.lines(t)[0]
    return None


class Prompter(Protocol):
    """Asks for a line of text; None when the person gives nothing (or the terminal goes).

    Ctrl-C stops the run (it is saved), as everywhere in a live run.
    """

    def ask_text(self, message: str) -> str | None: ...


class LinePrompter:
    """Asks on plain lines, for a terminal whose output goes to a pipe or a file.

    The question is written to ``ask_to`` and the answer read as one line from ``answer_from``
    (the terminal, back in its normal mode, echoes what is typed).
    """

    def __init__(self, answer_from: IO[str], ask_to: IO[str]) -> None:
        self.answer_from = answer_from
        self.ask_to = ask_to

    def ask_text(self, message: str) -> str | None:
        """Ask until the answer is a note that can be kept, or empty (cancel)."""
        question = safe_line(message)
        while True:
            self.ask_to.write(question + " ")
            self.ask_to.flush()
            try:
                answer = self.answer_from.readline()
            except (KeyboardInterrupt, EOFError, OSError):
                self.ask_to.write("\n")
                return None
            line = answer.rstrip("\r\n")
            problem = note_problem(line)
            if problem is None:
                return line.strip() or None
            self.ask_to.write(problem + "\n")


class ScriptedPrompter:
    """Answers from a list, in order, and remembers what it was asked (for tests)."""

    def __init__(self, answers: Iterable[str | None] = ()) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def ask_text(self, message: str) -> str | None:
        self.asked.append(message)
        return self.answers.pop(0) if self.answers else None
