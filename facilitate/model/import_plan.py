"""Planning an import: every row of a table checked as the entry it makes, nothing recorded.

:func:`plan_import` takes the rows (cells by column, each with its place in the file), the
:class:`~facilitate.model.import_columns.Layout` of the header and what the run already holds,
and returns the entries to record (each with a deterministic id), how many rows were
imported before, and every problem with its line and column. Each row is checked as a single
entry is (:func:`~facilitate.model.entry_check.check_entry`), then the rows together by the
scoring engine (a card twice in a round, a total twice, round sums, ranges from the rules that
score the cards): see :mod:`facilitate.model.import_checks`.

An entry's id is made from the run, the step and the entry as checked (so ``Bord 3`` and
``3`` give the same entry), with how many identical rows came before it: importing a file
again adds nothing, and a file with rows added adds only those.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from facilitate.model.entries import EntryKind
from facilitate.model.entry_check import CheckedEntry, EntryDraft, check_entry
from facilitate.model.entry_rules import StepRules
from facilitate.model.import_checks import RowEntry, together_problems
from facilitate.model.import_columns import Column, Layout
from facilitate.model.import_types import (
    MAX_TEXT,
    ImportPlan,
    ImportTarget,
    Located,
    Planned,
    RecordedInput,
    Row,
)
from facilitate.model.input_problems import InputError, InputProblem, is_whole
from facilitate.model.scoring_types import PairSplit, Rating
from facilitate.model.text_rules import describe_char, first_control, is_visible

_WHOLE = re.compile(r"^[+-]?\d{1,9}$")
_MAY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Text that may hold a control character (see text_rules.is_control); the rest is clean."""


def entry_id_for(
    run_id: str | None, step: str, entry: CheckedEntry, round_: int | None, occurrence: int
) -> str:
    """The id of an imported entry: the same entry at the same step of the same run (and
    the same ``occurrence`` of it in the file) always gets the same id.

    The key is the ``repr`` of plain values (texts, whole numbers, lists and dicts in their
    fields' order), which Python writes the same way everywhere.
    """
    dims = tuple(sorted(entry.dims.items()))
    key = (run_id or "", step, entry.kind, entry.text, dims, entry.value, round_, occurrence)
    return hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()[:12]


class _Row:
    """One row being read: its draft's parts, and which column each problem field is in."""

    def __init__(self, row: Row, layout: Layout, target: ImportTarget) -> None:
        self.row = row
        self.where: dict[str, Column] = {}
        self.text = ""
        self.dims: dict[str, str] = dict(target.dims)
        self.value: dict[str, object] = {}
        self.round = target.round
        self.points: dict[int, object] = {}
        self.fields: dict[str, str] = {}
        self.problems: list[InputProblem] = []
        self.taken: set[str] = set()
        for column in layout.columns:
            cell = row.cells[column.index] if column.index < len(row.cells) else None
            name = _field_name(column)
            if cell is None or _blank(cell.value):
                self.where.setdefault(name, column)  # a missing value is named at its column
            elif name in self.taken:  # two names for one thing (YAML rows: Bord and table)
                values = {"name": column.name, "first": self.where[name].name}
                self.where[f"{name}@{column.index}"] = column
                problem = InputProblem("import.duplicate_column", f"{name}@{column.index}", values)
                self.problems.append(problem)
            else:
                self.where[name] = column
                self.taken.add(name)
                self._take(column, name, cell.value, layout.kind, target)

    def _take(
        self, column: Column, name: str, value: object, kind: str, target: ImportTarget
    ) -> None:
        if isinstance(value, str) and not self._text_fits(name, value, column.role):
            return
        if column.role == "text":
            self.text = str(value)
        elif column.role == "dim":
            self.dims[column.target] = str(value)
        elif column.role == "value":
            self.value[column.target] = value
        elif column.role == "field":
            self.fields[column.target] = str(value)
        elif column.role == "points" and column.round is not None:
            self.points[column.round] = value
        elif kind in ("pair_split", "rating"):
            self.value["round"] = value
        else:
            self.round = self._round(value, target)

    def _text_fits(self, name: str, value: str, role: str) -> bool:
        multiline = role in ("text", "field")
        found = first_control(value, multiline=multiline) if _MAY_CONTROL.search(value) else None
        if found is not None:
            values = {"char": describe_char(found[1]), "position": found[0]}
            self.problems.append(InputProblem("import.text_control", name, values))
            return False
        if len(value.strip()) > MAX_TEXT:
            values = {"length": len(value.strip()), "limit": MAX_TEXT}
            self.problems.append(InputProblem("import.text_too_long", name, values))
            return False
        if role == "text" and not any(is_visible(c) for c in value):
            self.problems.append(InputProblem("import.text_invisible", name, {}))
            return False
        return True

    def _round(self, value: object, target: ImportTarget) -> int | None:
        number = _whole(value)
        if number is None:
            self.problems.append(InputProblem("score.not_whole", "round", {"value": value}))
        elif target.rounds is None:
            step = {"step": target.rules.step}
            self.problems.append(InputProblem("import.no_rounds", "round", step))
        elif not 1 <= number <= target.rounds:
            bounds = {"value": number, "rounds": target.rounds}
            self.problems.append(InputProblem("score.round_range", "round", bounds))
        return number

    def draft(self, kind: EntryKind) -> EntryDraft:
        value = dict(self.value)
        if self.points:
            value["points"] = [self.points.get(r) for r in range(1, max(self.points) + 1)]
        if self.fields:
            value["fields"] = dict(self.fields)
        return EntryDraft(kind, self.text, self.dims, value or None, self.round)

    def locate(self, problem: InputProblem) -> Located:
        column = self.where.get(problem.field)
        if column is None:
            return Located(problem, self.row.line)
        cell = self.row.cells[column.index]
        line = cell.line if cell is not None else self.row.line
        where = cell.column if cell is not None else None
        return Located(problem, line, where, column.name)


def _field_name(column: Column) -> str:
    """The name a problem gives the value in ``column`` (``dims.table``, ``points#3`` ...)."""
    if column.role == "dim":
        return f"dims.{column.target}"
    if column.role == "field":
        return f"fields.{column.target}"
    if column.role == "points":
        return f"points#{column.round}"
    return column.target or column.role


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _whole(value: object) -> int | None:
    if isinstance(value, str) and _WHOLE.match(value.strip()):
        return int(value.strip())
    return value if is_whole(value) else None


def plan_import(
    layout: Layout,
    rows: Sequence[Row],
    target: ImportTarget,
    recorded: RecordedInput | None = None,
) -> ImportPlan:
    """The entries ``rows`` make at the target step (see the module text); nothing recorded."""
    recorded = recorded or RecordedInput()
    cards = frozenset(recorded.cards) if recorded.cards else None
    alone = scores_left_out(target.rules, layout.kind)
    seen: dict[str, int] = {}
    accepted: list[RowEntry] = []
    problems: list[Located] = []
    already = 0
    for row in rows:
        reading = _Row(row, layout, target)
        checked = _checked(reading, layout.kind, alone, cards)
        if checked is None:
            problems += (reading.locate(p) for p in reading.problems)
            continue
        round_ = _entry_round(checked, reading.round)
        base = entry_id_for(target.run_id, target.rules.step, checked, round_, 0)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        entry_id = base if occurrence == 0 else _nth(target, checked, round_, occurrence)
        if entry_id in recorded.entry_ids:
            already += 1
            continue
        accepted.append(RowEntry(Planned(entry_id, row.line, checked, round_), reading))
    together = together_problems(accepted, target, recorded, cards)
    problems += (row.reading.locate(p) for row, p in together if row is not None)
    problems += (Located(p) for row, p in together if row is None)
    bad = {id(row) for row, _ in together if row is not None}
    new = tuple(r.planned for r in accepted if id(r) not in bad) if not problems else ()
    ordered = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
    return ImportPlan(layout.kind, new, already, tuple(ordered))


def _nth(target: ImportTarget, entry: CheckedEntry, round_: int | None, n: int) -> str:
    return entry_id_for(target.run_id, target.rules.step, entry, round_, n)


def scores_left_out(rules: StepRules, kind: EntryKind) -> StepRules:
    """``rules`` without the bounds of ``kind``'s scores (pair splits, ratings): a row's
    shape is checked alone, its scores with all the rows (one pass of the scoring engine,
    :func:`facilitate.model.import_checks.together_problems`, which finds the same
    problems at the same fields)."""
    if kind not in ("pair_split", "rating"):
        return rules
    collects = tuple(
        replace(c, points=None, rounds=None, scale=None) if c.kind == kind else c
        for c in rules.collects
    )
    return replace(rules, collects=collects)


def _checked(
    reading: _Row, kind: EntryKind, rules: StepRules, cards: frozenset[str] | None
) -> CheckedEntry | None:
    """The row checked as one entry (card ids against the run's cards), or None."""
    if reading.problems:
        return None
    try:
        # a new card is checked against the recorded ones once it is known to be new
        known = None if kind == "card" else cards
        return check_entry(reading.draft(kind), rules, cards=known)
    except InputError as error:
        reading.problems += error.problems[:1]
        return None


def _entry_round(entry: CheckedEntry, given: int | None) -> int | None:
    if isinstance(entry.payload, PairSplit | Rating):
        return entry.payload.round
    return given
