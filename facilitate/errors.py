"""One error tree for everything a user can cause; each error carries its exit code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes used by the command line."""

    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class FacilitateError(Exception):
    """Base class: a failure that is reported as one line, never a traceback."""

    exit_code: ExitCode = ExitCode.FAILURE

    def lines(self, translate: Callable[..., str] | None = None) -> list[str]:
        """The lines to print on stderr (usually one).

        An error may carry a message not yet in words (a ``facilitate.i18n.messages.Message``,
        anything with ``render``): ``translate`` renders it in the language of the edge.
        """
        render = getattr(self.args[0], "render", None) if len(self.args) == 1 else None
        if translate is not None and callable(render):
            return [str(render(translate))]
        return [str(self)]


class UsageError(FacilitateError):
    """Bad input on the command line or in a file."""

    exit_code = ExitCode.BAD_INPUT


class NotFoundError(UsageError):
    """A method, plan or session that does not exist."""


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is and what was expected."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class InvalidFileError(UsageError):
    """An input file (method, plan, session) with one or more problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def lines(self, translate: Callable[..., str] | None = None) -> list[str]:
        return [str(p) for p in self.problems]


class JournalError(FacilitateError):
    """A session journal that cannot be read or written."""
