"""Problems with something a person entered: a score, a vote, a theme.

A problem names what is wrong (``code``, a key in the interface catalogue), where (``field``,
and ``row``: the 0-based position in the sequence that was checked, or None for one new entry
checked against what is already recorded) and the values the message needs. The interface
renders it in Swedish or English, e.g. ``t(problem.code, **problem.values)``.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import field as _default
from dataclasses import replace
from typing import TypeGuard

from facilitate.records import Record


class InputProblem(Record):
    """One thing wrong with an entered value."""

    code: str
    field: str
    values: Mapping[str, object] = _default(default_factory=dict)
    row: int | None = None

    def at(self, row: int | None) -> InputProblem:
        """The same problem placed at ``row``."""
        return replace(self, row=row)


class InputError(ValueError):
    """Raised by an operation that refuses its input; ``problems`` says why (never empty)."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = tuple(problems)


def unknown_name(code: str, fld: str, name: str, known: Collection[str]) -> InputProblem:
    """``code`` for an unknown ``name``, or ``code + '_hint'`` with a close match as a hint."""
    # difflib directly, as method_checks.did_you_mean does, so that checking an entry does not
    # load the method schema (pydantic-core)
    close = difflib.get_close_matches(name, sorted(known), n=1) if len(known) <= 5_000 else []
    hint = close[0] if close else ""
    if hint:
        return InputProblem(f"{code}_hint", fld, {"name": name, "hint": hint})
    return InputProblem(code, fld, {"name": name})


def is_whole(value: object) -> TypeGuard[int]:
    """Whether ``value`` is a whole number (an int; a bool or a float such as 3.0 is not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def not_whole(fld: str, value: object) -> InputProblem:
    """The problem for a ``value`` in ``fld`` that is not a whole number."""
    return InputProblem("score.not_whole", fld, {"value": value})
