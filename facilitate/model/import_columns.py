"""What a table's columns mean at a step: the kind of entry each row makes, and each column's part.

A header names the dimensions (by id or label, either language, any case), the payload's
fields (``card_a``, ``points_b``, ``score`` ...), a structured entry's fields, ``round`` and
``text``. The kind is the step's own (``collect``) whose columns fit, the most specific first
(pair splits before ratings, dots, cards, structured entries, reflections and notes); a
card's points per round are columns ``round1`` … ``roundN``. Nothing here depends on a
method's name: only on what the step declares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from facilitate.model.entries import EntryKind
from facilitate.model.entry_rules import CollectRule, Named, StepRules, closest_name, find_named
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.records import Record

Role = Literal["text", "round", "dim", "value", "field", "points"]

ROUND_COLUMN = re.compile(r"^(?:round|runda|r)[ _]?(\d{1,2})$", re.IGNORECASE)
PAYLOAD_COLUMNS: dict[str, tuple[str, ...]] = {
    "pair_split": ("round", "card_a", "points_a", "card_b", "points_b"),
    "rating": ("card", "round", "score"),
    "dots": ("target", "count", "criterion", "voter"),
    "card": ("card",),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "pair_split": ("card_a", "points_a", "card_b", "points_b"),
    "rating": ("card", "score"),
    "dots": ("target",),
    "card": ("card",),
}
PREFERENCE: tuple[EntryKind, ...] = (
    "pair_split",
    "rating",
    "dots",
    "card",
    "entry",
    "reflection",
    "note",
)
TEXT_COLUMN = "text"
ROUND = "round"


class Column(Record):
    """One header cell: its ``name`` as written, its ``role`` and what it fills (``target``:
    a dimension id, a payload field, a structured entry's field id); ``round`` for a card's
    points in that round."""

    index: int
    name: str
    role: Role
    target: str = ""
    round: int | None = None


class Layout(Record):
    """The kind of entry every row makes, and the header's columns."""

    kind: EntryKind
    columns: tuple[Column, ...]

    def column(self, role: Role, target: str = "") -> Column | None:
        """The column that fills ``role`` (and ``target``), if any."""
        return next((c for c in self.columns if c.role == role and c.target == target), None)


class LayoutError(InputError):
    """The header does not fit the step; each problem's ``row`` is the column's index."""


def collect_for(kind: str, rules: StepRules) -> CollectRule:
    """The step's declaration of ``kind``; a note goes along all of the step's dimensions."""
    for collect in rules.collects:
        if collect.kind == kind:
            return collect
    along = dict.fromkeys(d for c in rules.collects for d in c.along)
    return CollectRule("note", tuple(along))


def candidate_kinds(rules: StepRules) -> tuple[EntryKind, ...]:
    """The kinds a row may make at this step, most specific first (themes are not imported)."""
    collected = {c.kind for c in rules.collects} | {"note"}
    return tuple(k for k in PREFERENCE if k in collected)


def _dimensions(rules: StepRules, collect: CollectRule) -> list[Named]:
    return [rule.name for dim in collect.along if (rule := rules.dimension(dim)) is not None]


def _place(
    index: int, name: str, kind: str, rules: StepRules, collect: CollectRule
) -> Column | None:
    """What header cell ``name`` is for entries of ``kind``; None when it is nothing."""
    key = name.strip().casefold()
    field = find_named(name, collect.fields) if kind == "entry" else None
    if field is not None:
        return Column(index, name, "field", field.id)
    if key == TEXT_COLUMN:
        return Column(index, name, "text")
    if key in PAYLOAD_COLUMNS.get(kind, ()):
        return Column(index, name, "value", key)
    if key == ROUND and kind != "card":
        return Column(index, name, "round")
    match = ROUND_COLUMN.match(name.strip())
    if kind == "card" and match:
        return Column(index, name, "points", round=int(match[1]))
    dimension = find_named(name, _dimensions(rules, collect))
    return Column(index, name, "dim", dimension.id) if dimension is not None else None


def accepted_columns(kind: str, rules: StepRules) -> str:
    """The columns entries of ``kind`` take at this step, for a message."""
    collect = collect_for(kind, rules)
    names = list(PAYLOAD_COLUMNS.get(kind, ()))
    if kind == "card":
        names.append("round1…roundN")
    names += [f.id for f in collect.fields]
    names += [d.id for d in _dimensions(rules, collect)]
    if kind in ("note", "reflection", "card", "entry") and TEXT_COLUMN not in names:
        names.append(TEXT_COLUMN)
    if kind not in PAYLOAD_COLUMNS:
        names.append(ROUND)
    return ", ".join(dict.fromkeys(names))


def _problems(
    layout: Layout, header: Sequence[str], rules: StepRules, aliases: bool
) -> list[InputProblem]:
    """What is wrong with ``layout`` (its unknown, doubled and missing columns)."""
    kind = layout.kind
    placed = {c.index for c in layout.columns}
    columns = accepted_columns(kind, rules)
    common = {"step": rules.step, "kind": kind, "columns": columns}
    unknown = [(i, name) for i, name in enumerate(header) if i not in placed]
    if len(unknown) > 1:
        names = ", ".join(repr(name) for _, name in unknown)
        return [InputProblem("import.unknown_columns", "", {"names": names, **common})]
    problems: list[InputProblem] = []
    for index, name in unknown:
        options = [Named(n.strip(), n.strip(), n.strip()) for n in columns.split(",")]
        hint = closest_name(name, options)
        code = "import.unknown_column_hint" if hint else "import.unknown_column"
        problems.append(InputProblem(code, name, {"name": name, "hint": hint, **common}, index))
    seen: dict[tuple[str, str, int | None], Column] = {}
    for column in layout.columns:
        key = (column.role, column.target, column.round)
        if key in seen and not aliases:
            values = {"name": column.name, "first": seen[key].name}
            code = "import.duplicate_column"
            problems.append(InputProblem(code, column.name, values, column.index))
        seen.setdefault(key, column)
    return problems or _missing(layout, kind, columns)


def _missing(layout: Layout, kind: str, columns: str) -> list[InputProblem]:
    filled = {c.target for c in layout.columns if c.role == "value"}
    needed = [name for name in REQUIRED.get(kind, ()) if name not in filled]
    has_text = any(c.role in ("text", "field") for c in layout.columns)
    if kind in ("note", "reflection", "card", "entry") and not has_text:
        needed.append(TEXT_COLUMN)
    return [
        InputProblem(
            "import.missing_column", name, {"name": name, "kind": kind, "columns": columns}
        )
        for name in needed
    ]


def _layout(header: Sequence[str], kind: EntryKind, rules: StepRules) -> Layout:
    collect = collect_for(kind, rules)
    placed = (_place(i, name, kind, rules, collect) for i, name in enumerate(header))
    return Layout(kind, tuple(c for c in placed if c is not None))


def layout_for(
    header: Sequence[str],
    rules: StepRules,
    kind: EntryKind | None = None,
    *,
    aliases: bool = False,
) -> Layout:
    """The layout of ``header`` at the step of ``rules``, for ``kind`` or the first that fits.

    With ``aliases`` two columns may name the same thing (the keys of YAML rows, each row
    using one of them); a row that gives both is then a problem of that row.

    Raises :class:`LayoutError` (each problem's ``row`` the column's index, or None) when no
    kind fits: with the problems of ``kind``, else of the most specific kind the step collects.
    """
    kinds = (kind,) if kind is not None else candidate_kinds(rules)
    found: list[tuple[Layout, list[InputProblem]]] = []
    for candidate in kinds:
        layout = _layout(header, candidate, rules)
        problems = _problems(layout, header, rules, aliases)
        if not problems:
            return layout
        found.append((layout, problems))
    collected = [k for k in kinds if any(c.kind == k for c in rules.collects)]
    best = next((f for f in found if f[0].kind in collected), found[0])
    raise LayoutError(best[1])


def text_layout(rules: StepRules, kind: EntryKind | None = None) -> Layout:
    """The layout of a plain text file (a text per line): the step's reflections or notes."""
    collected = [c.kind for c in rules.collects]
    chosen: EntryKind = next((k for k in ("note", "reflection") if k in collected), "note")
    return Layout(kind or chosen, (Column(0, TEXT_COLUMN, "text"),))
