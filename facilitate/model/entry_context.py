"""An entry checked against what its run already holds: its cards, scores and dots.

:func:`~facilitate.model.entry_check.check_entry` checks one entry on its own. A score or a
vote also depends on what was recorded before it in the same run and step: a card scored
twice in a round, a person's dots over their budget. :func:`recorded_context` gathers what a
new entry of a kind is checked against, and :func:`check_recorded` raises the problems (the
scoring engine's ``score.<...>`` codes) that the entries already recorded give it.

Recorded entries are anything :class:`EntryLike` (a folded ``Entry``, or an entry prepared
but not yet written, so a batch is checked row by row as if saved one by one).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from facilitate.model.entries import CardPayload, EntryKind, Payload
from facilitate.model.entry_rules import CollectRule, StepRules, find_named
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.scoring_cards import check_pair_split, check_rating
from facilitate.model.scoring_dots import check_dots
from facilitate.model.scoring_types import (
    DotPlacement,
    DotRules,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
)
from facilitate.records import Record

KINDS_CHECKED_AGAINST_RECORDED: frozenset[EntryKind] = frozenset(
    {"card", "pair_split", "rating", "dots", "theme"}
)
"""The kinds whose checks need the entries already recorded (the others stand alone)."""


class EntryLike(Protocol):
    """What the checks read of a recorded entry."""

    @property
    def entry_id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def step(self) -> str | None: ...

    @property
    def run_id(self) -> str | None: ...

    @property
    def payload(self) -> Payload | None: ...


class RecordedContext(Record):
    """What a new entry is checked against: ``cards`` (card ids of the run) and ``targets``
    (what a dot or a theme may point at); None where nothing is known to check against."""

    cards: frozenset[str] | None = None
    targets: frozenset[str] | None = None


def _in_run(entry: EntryLike, run_id: str | None) -> bool:
    return run_id is None or entry.run_id in (run_id, None)


def card_ids(recorded: Iterable[EntryLike], run_id: str | None) -> frozenset[str] | None:
    """The ids of the cards recorded in run ``run_id``; None when it has none."""
    ids = frozenset(
        e.payload.card
        for e in recorded
        if isinstance(e.payload, CardPayload) and e.kind == "card" and _in_run(e, run_id)
    )
    return ids or None


def option_ids(rules: StepRules | None, collect: CollectRule | None) -> frozenset[str]:
    """The values of the closed dimensions a step's entries are placed along (vote options)."""
    if rules is None or collect is None:
        return frozenset()
    ids: set[str] = set()
    for dim in collect.along:
        rule = rules.dimension(dim)
        if rule is not None and rule.values is not None and dim != collect.per:
            ids.update(value.id for value in rule.values)
    return frozenset(ids)


def option_named(given: str, rules: StepRules | None, collect: CollectRule | None) -> str:
    """The id of the vote option ``given`` names by id or label, else ``given`` as it is."""
    if rules is None or collect is None:
        return given
    for dim in collect.along:
        rule = rules.dimension(dim)
        if rule is not None and rule.values is not None and dim != collect.per:
            found = find_named(given, rule.values)
            if found is not None:
                return found.id
    return given


def recorded_context(
    kind: EntryKind,
    recorded: Sequence[EntryLike],
    run_id: str | None,
    rules: StepRules | None = None,
    collect: CollectRule | None = None,
) -> RecordedContext:
    """What an entry of ``kind`` in run ``run_id`` is checked against."""
    cards = card_ids(recorded, run_id)
    if kind == "theme":  # a theme links items from any run of the session
        return RecordedContext(cards, frozenset(e.entry_id for e in recorded) or None)
    if kind == "dots":
        in_run = (e for e in recorded if _in_run(e, run_id) and e.kind != "dots")
        targets = option_ids(rules, collect) | (cards or frozenset())
        targets |= frozenset(e.entry_id for e in in_run)
        return RecordedContext(cards, targets or None)
    return RecordedContext(cards, None)


def same_step(
    recorded: Iterable[EntryLike], kind: str, run_id: str | None, step: str | None
) -> list[Payload]:
    """The payloads of the entries of ``kind`` recorded in the same run and step."""
    return [
        e.payload
        for e in recorded
        if e.kind == kind and e.step == step and _in_run(e, run_id) and e.payload is not None
    ]


def check_recorded(
    payload: Payload | None,
    rules: StepRules | None,
    collect: CollectRule | None,
    earlier: Sequence[Payload],
    context: RecordedContext,
) -> None:
    """Raise :class:`InputError` when ``payload`` does not fit with the ``earlier`` payloads
    of its step: a card twice in a round, a person's dots over budget."""
    if collect is None or payload is None:
        return
    problems: tuple[InputProblem, ...] = ()
    if isinstance(payload, PairSplit) and collect.points is not None and collect.rounds:
        splits = [p for p in earlier if isinstance(p, PairSplit)]
        pairs = PairSplitRules(collect.points, collect.rounds)
        problems = check_pair_split(pairs, payload, splits, context.cards)
    elif isinstance(payload, Rating) and collect.scale is not None and collect.rounds:
        ratings = [p for p in earlier if isinstance(p, Rating)]
        scale = RatingRules(collect.scale[0], collect.scale[1], collect.rounds)
        problems = check_rating(scale, payload, ratings, context.cards)
    elif isinstance(payload, DotPlacement) and collect.dots is not None:
        dots = [p for p in earlier if isinstance(p, DotPlacement)]
        vote = DotRules(collect.dots, _criteria(rules, collect))
        problems = check_dots(vote, payload, dots, context.targets)
    if problems:
        raise InputError(problems)


def _criteria(rules: StepRules | None, collect: CollectRule) -> tuple[str, ...]:
    """The ids of the criteria (colours) a step's dots are placed per, if any."""
    rule = rules.dimension(collect.per) if rules is not None and collect.per else None
    return tuple(v.id for v in rule.values or ()) if rule is not None else ()
