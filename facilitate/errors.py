"""One error tree for everything a user can cause; each error carries its exit code.

An error (and a :class:`Problem`) may carry a message not yet in words: anything with
``render(translate)``, such as ``facilitate.i18n.messages.Message``. The edge renders it in
its own language (``error.lines(translate)``); ``str()`` gives English, for logs.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Protocol, runtime_checkable

from facilitate.records import Record

Translate = Callable[..., str]


@runtime_checkable
class Renderable(Protocol):
    """A message that is put into words by the ``translate`` of the edge that shows it."""

    def render(self, translate: Translate) -> str: ...


MessageLike = str | Renderable
"""Text already in words, or a message to render."""


def in_words(text: MessageLike, translate: Translate | None = None) -> str:
    """``text`` rendered by ``translate`` (English when None); a plain string as it is."""
    if isinstance(text, str):
        return text
    return text.render(translate) if translate is not None else str(text)


class ExitCode(IntEnum):
    """Process exit codes used by the command line."""

    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class FacilitateError(Exception):
    """Base class: a failure that is reported as one line, never a traceback."""

    exit_code: ExitCode = ExitCode.FAILURE

    @property
    def message(self) -> MessageLike:
        """What the error says: the message it carries, else its text."""
        if len(self.args) == 1 and isinstance(self.args[0], str | Renderable):
            return self.args[0]
        return str(self)

    def lines(self, translate: Translate | None = None) -> list[str]:
        """The lines to print on stderr (usually one), in the language of ``translate``
        (English when None)."""
        return [in_words(self.message, translate)]


class UsageError(FacilitateError):
    """Bad input on the command line or in a file."""

    exit_code = ExitCode.BAD_INPUT


class NotFoundError(UsageError):
    """A method, plan or session that does not exist."""


class Problem(Record):
    """One problem in an input file: where it is and what was expected."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: MessageLike

    def render(self, translate: Translate | None = None) -> str:
        """``file:line:col: field: message``, the message in the language of ``translate``."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {in_words(self.message, translate)}"

    def __str__(self) -> str:
        return self.render()


class InvalidFileError(UsageError):
    """An input file (method, plan, session) with one or more problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def message(self) -> MessageLike:
        return self.problems[0] if len(self.problems) == 1 else str(self)

    def lines(self, translate: Translate | None = None) -> list[str]:
        return [p.render(translate) for p in self.problems]


class JournalError(FacilitateError):
    """A session journal that cannot be read or written."""


def first_message(error: BaseException) -> MessageLike:
    """The first thing ``error`` says (its first problem), for a one-line notice."""
    if isinstance(error, InvalidFileError) and error.problems:
        return error.problems[0]
    if isinstance(error, FacilitateError):
        return error.message
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__
