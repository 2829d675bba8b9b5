"""The rows of an import checked together, with what the run holds, by the scoring engine.

Each row was checked alone as an entry; here what only the whole shows: a card scored twice
in a round, a card written twice, a card's total given twice, points on a card's back out of
the range the scoring step allows, and rounds whose points whole pairs cannot give. A problem
comes back with the row it is in (None for a round's sum), its field named as the row names
its columns (``dims.card``, ``fields.total``, ``points#3``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitate.model.entries import CARD_DIMENSION, TOTAL_FIELD, CardPayload, FieldsPayload
from facilitate.model.entry_rules import CollectRule
from facilitate.model.import_columns import collect_for
from facilitate.model.import_types import ImportTarget, Planned, RecordedInput
from facilitate.model.input_problems import InputProblem
from facilitate.model.scoring_cards import (
    round_sum_problems,
    validate_card_rounds,
    validate_pair_splits,
    validate_ratings,
)
from facilitate.model.scoring_dots import validate_dots
from facilitate.model.scoring_totals import validate_card_totals
from facilitate.model.scoring_types import (
    CardRound,
    CardTotal,
    DotPlacement,
    DotRules,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
)
from facilitate.records import Record


class RowEntry(Record):
    """A row that was checked alone: the entry it plans, and the row (which locates problems)."""

    planned: Planned
    reading: Any


Found = list[tuple[RowEntry | None, InputProblem]]


def together_problems(
    rows: Sequence[RowEntry],
    target: ImportTarget,
    recorded: RecordedInput,
    cards: frozenset[str] | None,
) -> Found:
    """Every problem the rows have together (see the module text)."""
    collect = collect_for(rows[0].planned.entry.kind, target.rules) if rows else None
    if collect is None:
        return []
    found: Found = []
    found += _new_cards(rows, recorded)
    found += _card_points(rows, target, recorded)
    found += _scores(rows, collect, recorded, cards)
    found += _totals(rows, collect, target, recorded, cards)
    found += _dots(rows, collect, target, recorded)
    return found


def _at(rows: Sequence[RowEntry], offset: int, problems: Sequence[InputProblem]) -> Found:
    """Problems of a checked sequence (recorded items first) placed at the new rows."""
    return [
        (rows[p.row - offset], p)
        for p in problems
        if p.row is not None and p.row >= offset and p.row - offset < len(rows)
    ]


def _new_cards(rows: Sequence[RowEntry], recorded: RecordedInput) -> Found:
    known = set(recorded.cards)
    found: Found = []
    for row in rows:
        payload = row.planned.entry.payload
        if isinstance(payload, CardPayload):
            if payload.card in known:
                problem = InputProblem("entry.card_exists", "card", {"card": payload.card})
                found.append((row, problem))
            known.add(payload.card)
    return found


def _card_points(rows: Sequence[RowEntry], target: ImportTarget, recorded: RecordedInput) -> Found:
    """The points on the cards' backs, by the rules of the step that scores the cards."""
    rules = target.card_rules
    owners: list[RowEntry] = []
    items: list[CardRound] = []
    for row in rows:
        payload = row.planned.entry.payload
        if isinstance(payload, CardPayload):
            for round_, points in enumerate(payload.points, start=1):
                if points is not None:
                    owners.append(row)
                    items.append(CardRound(payload.card, round_, points))
    if rules is None or not items:
        return []
    every = [*recorded.card_points, *items]
    offset = len(recorded.card_points)
    if isinstance(rules, PairSplitRules):
        problems = validate_card_rounds(rules, every)
        sums = round_sum_problems(rules, every)
    else:
        ratings = [Rating(i.card, i.round, i.points) for i in every]
        problems, sums = validate_ratings(rules, ratings), ()
    found: Found = []
    for problem in problems:
        index = (problem.row or 0) - offset
        if problem.row is not None and 0 <= index < len(items):
            field = f"points#{items[index].round}" if problem.field != "card" else "card"
            found.append((owners[index], InputProblem(problem.code, field, problem.values)))
    found += [(None, p) for p in sums]
    return found


def _scores(
    rows: Sequence[RowEntry],
    collect: CollectRule,
    recorded: RecordedInput,
    cards: frozenset[str] | None,
) -> Found:
    """Pair splits and ratings, with those recorded: whole points in range, a pair summing
    to its points, known cards, a card once per round (the first problem of each row)."""
    scores = [r.planned.entry.payload for r in rows]
    if collect.points is not None and collect.rounds is not None:
        pair_rules = PairSplitRules(collect.points, collect.rounds)
        new = [s for s in scores if isinstance(s, PairSplit)]
        if new and len(new) == len(rows):
            every = [*recorded.splits, *new]
            found = validate_pair_splits(pair_rules, every, cards)
            return _first_of_each(_at(rows, len(recorded.splits), found))
    if collect.scale is not None and collect.rounds is not None:
        rating_rules = RatingRules(collect.scale[0], collect.scale[1], collect.rounds)
        ratings = [s for s in scores if isinstance(s, Rating)]
        if ratings and len(ratings) == len(rows):
            every_rating = [*recorded.ratings, *ratings]
            found = validate_ratings(rating_rules, every_rating, cards)
            return _first_of_each(_at(rows, len(recorded.ratings), found))
    return []


def _first_of_each(found: Found) -> Found:
    """One problem per row: its first."""
    seen: set[int] = set()
    first: Found = []
    for row, problem in found:
        if id(row) not in seen:
            seen.add(id(row))
            first.append((row, problem))
    return first


def _totals(
    rows: Sequence[RowEntry],
    collect: CollectRule,
    target: ImportTarget,
    recorded: RecordedInput,
    cards: frozenset[str] | None,
) -> Found:
    """Read-out totals (a structured entry's ``total``): whole, in range, once per card."""
    if collect.kind != "entry" or not any(f.id == TOTAL_FIELD for f in collect.fields):
        return []
    found: Found = []
    owners: list[RowEntry] = []
    items: list[CardTotal] = []
    for row in rows:
        payload, dims = row.planned.entry.payload, row.planned.entry.dims
        given = payload.fields.get(TOTAL_FIELD, "") if isinstance(payload, FieldsPayload) else ""
        if not given:
            continue
        total = int(given) if given.isdigit() else None
        if total is None:
            problem = InputProblem("score.not_whole", f"fields.{TOTAL_FIELD}", {"value": given})
            found.append((row, problem))
        elif CARD_DIMENSION in dims:
            owners.append(row)
            items.append(CardTotal(dims[CARD_DIMENSION], total))
    if target.card_rules is None or not items:
        return found
    every = [*recorded.totals, *items]
    problems = validate_card_totals(target.card_rules, every, cards)
    renamed = {"card": f"dims.{CARD_DIMENSION}", "total": f"fields.{TOTAL_FIELD}"}
    offset = len(recorded.totals)
    for problem in problems:
        index = (problem.row or 0) - offset
        if problem.row is not None and 0 <= index < len(items):
            field = renamed.get(problem.field, problem.field)
            found.append((owners[index], InputProblem(problem.code, field, problem.values)))
    return found


def _dots(
    rows: Sequence[RowEntry], collect: CollectRule, target: ImportTarget, recorded: RecordedInput
) -> Found:
    """Dots with those recorded: no voter over their budget (per criterion when there are)."""
    placements = [r.planned.entry.payload for r in rows]
    new = [p for p in placements if isinstance(p, DotPlacement)]
    if collect.dots is None or not new or len(new) != len(rows):
        return []
    per = target.rules.dimension(collect.per) if collect.per else None
    criteria = tuple(v.id for v in per.values or ()) if per is not None else ()
    rules = DotRules(collect.dots, criteria)
    return _at(rows, len(recorded.dots), validate_dots(rules, [*recorded.dots, *new]))
