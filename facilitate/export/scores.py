"""Ranked lists and vote tallies, from the scoring engine and the steps' collect declarations.

A run that collects cards and scores them (``pair_split`` or ``rating``) gets one ranked
list, from the scores when any are recorded, else from read-out totals (a structured entry
with a ``total`` field, as the count-down records them). A ``dots`` collect gets a tally per
option (the values of the dimension it collects along, or the run's cards). What breaks the
rules (a pair that does not sum, a card twice in a round) is left out and counted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from facilitate.export.context import RunContext
from facilitate.export.document import RankingSection, RankRow, TallyRow, TallySection
from facilitate.export.record import EntryRecord
from facilitate.model.input_problems import InputProblem
from facilitate.model.method import Collect, Step
from facilitate.model.scoring import (
    CardScore,
    CardTotal,
    DotPlacement,
    DotRules,
    PairSplitRules,
    RatingRules,
    rank,
    scoring_rules,
    tally_dots,
    tally_pair_splits,
    tally_ratings,
    validate_card_totals,
    validate_dots,
    validate_pair_splits,
    validate_ratings,
)

Slot = tuple[str, int]
SlotEntries = tuple[Step, Collect, Sequence[EntryRecord]]
T = TypeVar("T")
TOTAL_FIELD = "total"
TEXT_FIELD = "text"


@dataclass
class Scored:
    """Sections placed at slots, the entries they show, and each card's (total, rank)."""

    sections: dict[Slot, RankingSection | TallySection] = field(default_factory=dict)
    shown: set[str] = field(default_factory=set)
    cards: dict[str, tuple[int, int]] = field(default_factory=dict)


def countable(
    validate: Callable[[Sequence[T]], tuple[InputProblem, ...]], items: list[T]
) -> list[T]:
    """``items`` without those that break the rules (checked again until none does)."""
    while True:
        bad = {p.row for p in validate(items) if p.row is not None}
        if not bad:
            return items
        items = [item for row, item in enumerate(items) if row not in bad]


def card_id(entry: EntryRecord) -> str:
    return entry.card or entry.entry_id


def score_sections(ctx: RunContext, slots: Mapping[Slot, SlotEntries]) -> Scored:
    """The run's ranked list and tallies, and the entries they show."""
    scored = Scored()
    _ranking(ctx, slots, scored)
    for slot, (step, collect, entries) in slots.items():
        if collect.kind == "dots":
            scored.sections[slot] = _tally(ctx, step, collect, entries, scored)
    return scored


def _ranking(ctx: RunContext, slots: Mapping[Slot, SlotEntries], scored: Scored) -> None:
    cards = {card_id(e): e for _, c, es in slots.values() if c.kind == "card" for e in es}
    scoring = [s for s, (_, c, es) in slots.items() if c.kind in ("pair_split", "rating")]
    totals = [s for s, (_, c, es) in slots.items() if _totals_collect(c)]
    for slot in scoring:
        step, collect, entries = slots[slot]
        if entries:
            scored.sections[slot] = _scored_ranking(ctx, step, collect, entries, cards)
            break
    else:
        rules = _card_rules(ctx, slots, scoring)
        for slot in totals:
            step, _, entries = slots[slot]
            if entries:
                scored.sections[slot] = _totals_ranking(ctx, step, entries, cards, rules)
                break
    for section in scored.sections.values():
        if isinstance(section, RankingSection):
            scored.cards = {row.card: (row.total, row.rank) for row in section.rows}
    ranked = set(scored.cards)
    if ranked:
        for slot in [*scoring, *totals]:
            scored.shown.update(e.entry_id for e in slots[slot][2])
        scored.shown.update(e.entry_id for key, e in cards.items() if key in ranked)


def _totals_collect(collect: Collect) -> bool:
    return collect.kind == "entry" and any(f.id == TOTAL_FIELD for f in collect.fields or ())


def _card_rules(
    ctx: RunContext, slots: Mapping[Slot, SlotEntries], scoring: list[Slot]
) -> PairSplitRules | RatingRules | None:
    for slot in scoring:
        rules = scoring_rules(ctx.method, slots[slot][1], ctx.values)
        if isinstance(rules, PairSplitRules | RatingRules):
            return rules
    return None


def _scored_ranking(
    ctx: RunContext,
    step: Step,
    collect: Collect,
    entries: Sequence[EntryRecord],
    cards: Mapping[str, EntryRecord],
) -> RankingSection:
    rules = scoring_rules(ctx.method, collect, ctx.values)
    if isinstance(rules, PairSplitRules):
        scores, counted = _from_splits(rules, entries, cards)
    elif isinstance(rules, RatingRules):
        scores, counted = _from_ratings(rules, entries, cards)
    else:  # pragma: no cover - a validated method's scoring collect always has rules
        return _rows_section(ctx, step, collect.kind, None, 0, (), {}, len(entries))
    texts = {key: e.text for key, e in cards.items()}
    uncounted = len(entries) - counted
    return _rows_section(
        ctx, step, collect.kind, rules.max_total, rules.rounds, scores, texts, uncounted
    )


def _from_splits(
    rules: PairSplitRules, entries: Sequence[EntryRecord], cards: Mapping[str, EntryRecord]
) -> tuple[tuple[CardScore, ...], int]:
    """Each card's score from the countable pair splits, and how many were counted."""
    splits = [e.split for e in entries if e.split]
    known = list(dict.fromkeys([*cards, *(c for s in splits for c in (s.card_a, s.card_b))]))
    kept = countable(lambda items: validate_pair_splits(rules, items, known), splits)
    return tally_pair_splits(rules, kept, known), len(kept)


def _from_ratings(
    rules: RatingRules, entries: Sequence[EntryRecord], cards: Mapping[str, EntryRecord]
) -> tuple[tuple[CardScore, ...], int]:
    """Each card's score from the countable ratings, and how many were counted."""
    ratings = [e.rating for e in entries if e.rating]
    known = list(dict.fromkeys([*cards, *(r.card for r in ratings)]))
    kept = countable(lambda items: validate_ratings(rules, items, known), ratings)
    return tally_ratings(rules, kept, known), len(kept)


def _totals_ranking(
    ctx: RunContext,
    step: Step,
    entries: Sequence[EntryRecord],
    cards: Mapping[str, EntryRecord],
    rules: PairSplitRules | RatingRules | None,
) -> RankingSection:
    items: list[CardTotal] = []
    texts = {key: e.text for key, e in cards.items()}
    for entry in entries:
        total = entry.fields.get(TOTAL_FIELD, "").strip()
        if total.isdigit():
            key = card_id(entry)
            items.append(CardTotal(key, int(total)))
            texts[key] = entry.fields.get(TEXT_FIELD) or texts.get(key) or entry.text or key
    if rules is not None:
        items = countable(lambda found: validate_card_totals(rules, found), items)
    scores = [CardScore(item.card, item.total) for item in items]
    max_total = rules.max_total if rules else None
    rounds = rules.rounds if rules else 0
    uncounted = len(entries) - len(items)
    return _rows_section(ctx, step, "totals", max_total, rounds, scores, texts, uncounted)


def _rows_section(
    ctx: RunContext,
    step: Step,
    basis: str,
    max_total: int | None,
    rounds: int,
    scores: Sequence[CardScore],
    texts: Mapping[str, str],
    uncounted: int,
) -> RankingSection:
    ranked = rank(scores, lambda s: s.total)
    shared = _shared([r.rank for r in ranked])
    rows = tuple(
        RankRow(
            r.rank,
            r.rank in shared,
            r.item.card,
            texts.get(r.item.card, r.item.card),
            r.item.total,
            r.item.per_round,
        )
        for r in ranked
    )
    title = step.title.get(ctx.lang)
    return RankingSection(step.id, title, basis, max_total, rounds, rows, uncounted)


def _shared(ranks: Sequence[int]) -> set[int]:
    counts: dict[int, int] = {}
    for value in ranks:
        counts[value] = counts.get(value, 0) + 1
    return {value for value, n in counts.items() if n > 1}


def _tally(
    ctx: RunContext,
    step: Step,
    collect: Collect,
    entries: Sequence[EntryRecord],
    scored: Scored,
) -> TallySection:
    rules = scoring_rules(ctx.method, collect, ctx.values)
    assert isinstance(rules, DotRules)
    dim = next((d for d in collect.along if d != "round"), None)
    options = ctx.choices(dim) if dim else None
    if options:
        texts = {c.id: c.label.get(ctx.lang) for c in options}
        by_text = {ctx.value_text(dim, c.id): c.id for c in options} if dim else {}
    else:
        texts = {e.entry_id: e.text for e in ctx.entries if e.kind == "card"}
        by_text = {}
    placements = [_on_option(e.dots, dim, ctx, by_text) for e in entries if e.dots]
    known = list(dict.fromkeys([*texts, *(p.target for p in placements)]))
    kept = countable(lambda items: validate_dots(rules, items, known), placements)
    ranked = rank(tally_dots(rules, kept, known), lambda t: t.total)
    shared = _shared([r.rank for r in ranked])
    rows = tuple(
        TallyRow(
            r.rank,
            r.rank in shared,
            r.item.target,
            _target_text(ctx, texts, r.item.target),
            r.item.total,
            tuple(r.item.count(c) for c in rules.criteria),
        )
        for r in ranked
    )
    scored.shown.update(e.entry_id for e in entries)
    if not options:
        scored.shown.update(texts)
    criteria = tuple(ctx.value_text(collect.per, c) if collect.per else c for c in rules.criteria)
    uncounted = len(entries) - len(kept)
    return TallySection(step.id, step.title.get(ctx.lang), criteria, rows, uncounted)


def _on_option(
    placement: DotPlacement, dim: str | None, ctx: RunContext, by_text: Mapping[str, str]
) -> DotPlacement:
    """A placement whose target names an option by its label, moved onto the option's id."""
    if dim is None or not by_text:
        return placement
    target = by_text.get(ctx.value_text(dim, placement.target), placement.target)
    return DotPlacement(target, placement.count, placement.criterion, placement.voter)


def _target_text(ctx: RunContext, texts: Mapping[str, str], target: str) -> str:
    if target in texts:
        return texts[target]
    entry = ctx.by_id.get(target)
    return entry.text if entry is not None else target
