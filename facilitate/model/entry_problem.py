"""What is wrong with an entry, as data: a field, a code and the values a message needs.

A value is a string, a number, or a text in both languages (``{"sv": ..., "en": ...}``, for
lists of labels); ``suggestion`` (possibly "") is what "did you mean" offers. The interface
renders the message ``entry.problem.<code>`` from its catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitate.model.entry_rules import Named

ProblemValue = str | int | dict[str, str]

PROBLEM_CODES = (
    "unknown_kind",
    "kind_not_collected",
    "text_empty",
    "entry_empty",
    "unknown_dimension",
    "unknown_value",
    "empty_value",
    "missing",
    "unexpected",
    "not_text",
    "not_whole",
    "out_of_range",
    "pair_sum",
    "same_card",
    "unknown_card",
    "card_exists",
    "unknown_entry",
    "unknown_field",
)
"""Every code an :class:`EntryProblem` may carry (each has a message in the catalogue)."""


class EntryProblem(ValueError):
    """One thing about an entry that does not fit: ``field`` (``kind``, ``text``,
    ``dims.<dimension>``, ``value.<name>``), ``code`` and ``values``."""

    def __init__(self, field: str, code: str, **values: ProblemValue) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.values: dict[str, ProblemValue] = values

    @property
    def key(self) -> str:
        """The catalogue key of the message."""
        return f"entry.problem.{self.code}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EntryProblem):
            return NotImplemented
        return (self.field, self.code, self.values) == (other.field, other.code, other.values)

    def __hash__(self) -> int:
        return hash((self.field, self.code))

    def __repr__(self) -> str:
        return f"EntryProblem({self.field!r}, {self.code!r}, **{self.values!r})"


def choices_text(options: Iterable[Named]) -> dict[str, str]:
    """The options as a list to read, in both languages: ``mod (Courage), ...``."""
    listed = list(options)
    return {lang: ", ".join(o.shown(lang) for o in listed) or "-" for lang in ("sv", "en")}
