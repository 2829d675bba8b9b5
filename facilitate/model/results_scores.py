"""A run's rankings and tallies, from its entries and the steps' collect declarations.

A run that scores cards (``pair_split`` or ``rating``) is ranked from those scores when any
are recorded; else from the points read off the cards' backs; else from the totals read out
in the count-down (a structured entry with a ``total`` field, about a ``card``). A ``dots``
collect gets a tally per option: the values of the dimension it is along, or the run's
cards and entries. Entries that break the rules are left out and counted (``uncounted``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from facilitate.model.entries import CARD_DIMENSION, TOTAL_FIELD, CardPayload, FieldsPayload
from facilitate.model.expand import dimension_values
from facilitate.model.input_problems import InputProblem
from facilitate.model.method import Collect, Method, Step
from facilitate.model.results_types import Basis, Ranking, RankRow, Tally, TallyRow
from facilitate.model.scoring import (
    CardRound,
    CardScore,
    CardTotal,
    DotPlacement,
    DotRules,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
    rank,
    scoring_rules,
    tally_card_rounds,
    tally_card_totals,
    tally_dots,
    tally_pair_splits,
    tally_ratings,
    validate_card_rounds,
    validate_card_totals,
    validate_dots,
    validate_pair_splits,
    validate_ratings,
)
from facilitate.model.session import Entry
from facilitate.model.text import Text

T = TypeVar("T")
StepEntries = Sequence[tuple[Step, Collect, Sequence[Entry]]]


def countable(validate: Callable[[list[T]], tuple[InputProblem, ...]], items: list[T]) -> list[T]:
    """``items`` without those that break the rules (checked again until none does)."""
    while True:
        bad = {p.row for p in validate(items) if p.row is not None}
        if not bad:
            return items
        items = [item for row, item in enumerate(items) if row not in bad]


def _shared(ranks: Sequence[int]) -> set[int]:
    counts: dict[int, int] = {}
    for value in ranks:
        counts[value] = counts.get(value, 0) + 1
    return {value for value, n in counts.items() if n > 1}


def _rows(scores: Sequence[CardScore], texts: Mapping[str, str]) -> tuple[RankRow, ...]:
    ranked = rank(scores, lambda s: s.total)
    shared = _shared([r.rank for r in ranked])
    return tuple(
        RankRow(
            r.rank,
            r.rank in shared,
            r.item.card,
            texts.get(r.item.card, ""),
            r.score,
            r.item.per_round,
        )
        for r in ranked
    )


def run_cards(entries: Sequence[Entry]) -> dict[str, CardPayload]:
    """The run's cards by id, in the order written."""
    return {e.payload.card: e.payload for e in entries if isinstance(e.payload, CardPayload)}


def rankings(
    method: Method, values: Mapping[str, Any], slots: StepEntries, entries: Sequence[Entry]
) -> list[Ranking]:
    """The run's rankings (see the module text)."""
    cards = run_cards(entries)
    texts = {e.payload.card: e.text for e in entries if isinstance(e.payload, CardPayload)}
    found = []
    rules = None
    for step, collect, mine in slots:
        if collect.kind in ("pair_split", "rating"):
            rules = scoring_rules(method, collect, values)
            if mine and isinstance(rules, PairSplitRules | RatingRules):
                found.append(_scored(step, rules, mine, list(cards), texts))
    card_rules = rules if isinstance(rules, PairSplitRules | RatingRules) else None
    if found:
        return found
    with_points = [c for c in cards.values() if c.points]
    if with_points and card_rules is not None:
        step = next(s for s, c, _ in slots if c.kind == "card")
        return [_from_points(step, card_rules, with_points, texts)]
    for step, collect, mine in slots:
        if (
            mine
            and collect.kind == "entry"
            and any(f.id == TOTAL_FIELD for f in collect.fields or ())
        ):
            return [_from_totals(step, card_rules, mine, texts)]
    return []


def _ranking(
    step: Step,
    basis: Basis,
    rules: PairSplitRules | RatingRules | None,
    rows: tuple[RankRow, ...],
    uncounted: int,
) -> Ranking:
    max_total = rules.max_total if rules is not None else None
    rounds = rules.rounds if rules is not None else 0
    return Ranking(step.id, step.title, basis, max_total, rounds, rows, uncounted)


def _scored(
    step: Step,
    rules: PairSplitRules | RatingRules,
    entries: Sequence[Entry],
    cards: list[str],
    texts: Mapping[str, str],
) -> Ranking:
    if isinstance(rules, PairSplitRules):
        splits = [e.payload for e in entries if isinstance(e.payload, PairSplit)]
        known = list(dict.fromkeys([*cards, *(c for s in splits for c in (s.card_a, s.card_b))]))
        kept = countable(lambda items: validate_pair_splits(rules, items, known), splits)
        scores = tally_pair_splits(rules, kept, known)
        return _ranking(step, "pair_split", rules, _rows(scores, texts), len(entries) - len(kept))
    ratings = [e.payload for e in entries if isinstance(e.payload, Rating)]
    known = list(dict.fromkeys([*cards, *(r.card for r in ratings)]))
    kept_ratings = countable(lambda items: validate_ratings(rules, items, known), ratings)
    scores = tally_ratings(rules, kept_ratings, known)
    uncounted = len(entries) - len(kept_ratings)
    return _ranking(step, "rating", rules, _rows(scores, texts), uncounted)


def _from_points(
    step: Step,
    rules: PairSplitRules | RatingRules,
    cards: Sequence[CardPayload],
    texts: Mapping[str, str],
) -> Ranking:
    items = [
        CardRound(c.card, r, p) for c in cards for r, p in enumerate(c.points, 1) if p is not None
    ]
    known = [c.card for c in cards]
    if isinstance(rules, PairSplitRules):
        kept = countable(lambda found: validate_card_rounds(rules, found, known), items)
        scores = tally_card_rounds(rules, kept, known)
    else:
        ratings = [Rating(i.card, i.round, i.points) for i in items]
        kept_r = countable(lambda found: validate_ratings(rules, found, known), ratings)
        kept = [CardRound(r.card, r.round, r.score) for r in kept_r]
        scores = tally_ratings(rules, kept_r, known)
    return _ranking(step, "card_points", rules, _rows(scores, texts), len(items) - len(kept))


def _from_totals(
    step: Step,
    rules: PairSplitRules | RatingRules | None,
    entries: Sequence[Entry],
    texts: Mapping[str, str],
) -> Ranking:
    items: list[CardTotal] = []
    texts = dict(texts)
    for entry in entries:
        payload = entry.payload
        fields = payload.fields if isinstance(payload, FieldsPayload) else {}
        total, card = fields.get(TOTAL_FIELD, "").strip(), entry.dims.get(CARD_DIMENSION)
        if total.isdigit():
            key = card or entry.entry_id
            items.append(CardTotal(key, int(total)))
            texts[key] = fields.get("text") or texts.get(key) or entry.text
    if rules is not None:
        items = countable(lambda found: validate_card_totals(rules, found), items)
        scores = tally_card_totals(rules, items)
    else:
        scores = tuple(CardScore(i.card, i.total) for i in items)
    return _ranking(step, "totals", rules, _rows(scores, texts), len(entries) - len(items))


# -- dots -----------------------------------------------------------------------------------


def tallies(
    method: Method,
    values: Mapping[str, Any],
    slots: StepEntries,
    entries: Sequence[Entry],
) -> list[Tally]:
    """A tally for each dot vote with entries."""
    return [
        _tally(method, values, step, collect, mine, entries)
        for step, collect, mine in slots
        if collect.kind == "dots" and mine
    ]


def _tally(
    method: Method,
    values: Mapping[str, Any],
    step: Step,
    collect: Collect,
    mine: Sequence[Entry],
    entries: Sequence[Entry],
) -> Tally:
    rules = scoring_rules(method, collect, values)
    assert isinstance(rules, DotRules)
    dim = next((d for d in collect.along if d != "round"), None)
    options = dimension_values(method, dim, dict(values)) if dim in method.dimensions else None
    texts: dict[str, Text] = {}
    if options:
        texts = {c.id: c.label for c in options}
    else:
        texts = {
            e.payload.card if isinstance(e.payload, CardPayload) else e.entry_id: Text.same(e.text)
            for e in entries
            if e.text
        }
    by_name = {
        name.casefold(): c.id for c in options or () for name in (c.id, c.label.sv, c.label.en)
    }
    placements = [
        _on_option(e.payload, by_name) for e in mine if isinstance(e.payload, DotPlacement)
    ]
    known = list(dict.fromkeys([*texts, *(p.target for p in placements)]))
    kept = countable(lambda items: validate_dots(rules, items, known), placements)
    ranked = rank(tally_dots(rules, kept, known), lambda t: t.total)
    shared = _shared([r.rank for r in ranked])
    rows = tuple(
        TallyRow(
            r.rank,
            r.rank in shared,
            r.item.target,
            texts.get(r.item.target, Text.same(r.item.target)),
            r.item.total,
            tuple(r.item.count(c) for c in rules.criteria),
        )
        for r in ranked
    )
    criteria = tuple((c, _criterion_label(method, values, collect.per, c)) for c in rules.criteria)
    return Tally(step.id, step.title, criteria, rows, len(mine) - len(kept))


def _on_option(placement: DotPlacement, by_name: Mapping[str, str]) -> DotPlacement:
    """A placement whose target names an option by a label, moved onto the option's id."""
    target = by_name.get(placement.target.strip().casefold(), placement.target)
    return DotPlacement(target, placement.count, placement.criterion, placement.voter)


def _criterion_label(
    method: Method, values: Mapping[str, Any], per: str | None, criterion: str
) -> Text:
    choices = dimension_values(method, per, dict(values)) if per in method.dimensions else None
    found = next((c for c in choices or () if c.id == criterion), None)
    return found.label if found else Text.same(criterion)
