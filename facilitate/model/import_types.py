"""What an import works with: rows and cells as the file holds them, where the rows go, what
the run holds already, and the plan (entries to record, problems with their places)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field

from facilitate.model.entries import EntryKind
from facilitate.model.entry_check import CheckedEntry
from facilitate.model.entry_rules import StepRules
from facilitate.model.input_problems import InputProblem
from facilitate.model.scoring_types import (
    CardRound,
    CardRules,
    CardTotal,
    DotPlacement,
    PairSplit,
    Rating,
)
from facilitate.records import Record

MAX_TEXT = 5_000
"""The longest text (or field value) an imported entry may have, in characters."""


class Cell(Record):
    """A value as the file holds it, and where: its line and (1-based) column, if known."""

    value: object
    line: int
    column: int | None = None


class Row(Record):
    """One row: its first line, and a cell (or None) for each column of the header."""

    line: int
    cells: tuple[Cell | None, ...]


class ImportTarget(Record):
    """Where the rows go: the step's rules, the run, the step's round (``round#2``) and its
    number of rounds, the rules that score the cards, and dimension values for every row."""

    rules: StepRules
    run_id: str | None = None
    round: int | None = None
    rounds: int | None = None
    card_rules: CardRules | None = None
    dims: Mapping[str, str] = field(default_factory=dict)


class RecordedInput(Record):
    """What the run holds already: entry ids (live or withdrawn), its cards in order, and
    the scores of this step (pair splits, ratings, dots) and of the cards (points, totals)."""

    entry_ids: frozenset[str] = frozenset()
    cards: tuple[str, ...] = ()
    splits: tuple[PairSplit, ...] = ()
    ratings: tuple[Rating, ...] = ()
    card_points: tuple[CardRound, ...] = ()
    totals: tuple[CardTotal, ...] = ()
    dots: tuple[DotPlacement, ...] = ()


class Planned(Record):
    """An entry to record: its id, the line it came from, the checked entry and its round."""

    entry_id: str
    line: int
    entry: CheckedEntry
    round: int | None


class Located(Record):
    """A problem, and where it is: line, column and the column's name (None when unknown)."""

    problem: InputProblem
    line: int | None = None
    column: int | None = None
    column_name: str | None = None


class ImportPlan(Record):
    """What importing would do: the new entries, the rows imported before, the problems."""

    kind: EntryKind
    new: tuple[Planned, ...] = ()
    already: int = 0
    problems: tuple[Located, ...] = ()
