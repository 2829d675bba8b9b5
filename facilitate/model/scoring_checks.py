"""What the scoring checks share: what is recorded so far, ranges, and the tally itself."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from facilitate.model.input_problems import (
    InputError,
    InputProblem,
    is_whole,
    not_whole,
    unknown_name,
)
from facilitate.model.scoring_types import CardScore

Contribution = tuple[str, int, int]  # card, round, points


class Ledger:
    """What is recorded so far: the cards known, and which card has points in which round."""

    def __init__(self, cards: Collection[str] | None) -> None:
        self.cards = frozenset(cards) if cards is not None else None
        self.scored: set[tuple[str, int]] = set()
        self.totalled: set[str] = set()

    def card_problems(self, fld: str, card: object) -> list[InputProblem]:
        """A problem when ``card`` is missing or not among the known cards."""
        if not isinstance(card, str) or not card.strip():
            return [InputProblem("score.card_missing", fld, {})]
        if self.cards is not None and card not in self.cards:
            return [unknown_name("score.unknown_card", fld, card, self.cards)]
        return []

    def twice_problems(self, fld: str, card: str, round_: int) -> list[InputProblem]:
        """A problem when ``card`` already has points in ``round_``."""
        if (card, round_) in self.scored:
            return [InputProblem("score.card_twice_in_round", fld, {"card": card, "round": round_})]
        return []


def round_problems(round_: object, rounds: int) -> list[InputProblem]:
    """A problem unless ``round_`` is a round from 1 to ``rounds``."""
    if not is_whole(round_):
        return [not_whole("round", round_)]
    if not 1 <= round_ <= rounds:
        return [InputProblem("score.round_range", "round", {"value": round_, "rounds": rounds})]
    return []


def value_problems(fld: str, value: object, low: int, high: int, code: str) -> list[InputProblem]:
    """A problem (``code``) unless ``value`` is a whole number from ``low`` to ``high``."""
    if not is_whole(value):
        return [not_whole(fld, value)]
    if not low <= value <= high:
        return [InputProblem(code, fld, {"value": value, "low": low, "high": high})]
    return []


def refuse(problems: tuple[InputProblem, ...]) -> None:
    """Raise :class:`InputError` when there are ``problems``."""
    if problems:
        raise InputError(problems)


def tally_contributions(
    contributions: Iterable[Contribution], rounds: int, cards: Sequence[str] | None
) -> tuple[CardScore, ...]:
    """Sum (card, round, points) into each card's total; listed ``cards`` first, in order."""
    per_round: dict[str, list[int | None]] = {card: [None] * rounds for card in cards or ()}
    for card, round_, points in contributions:
        slots = per_round.get(card)
        if slots is None:
            slots = per_round[card] = [None] * rounds
        slots[round_ - 1] = points
    return tuple(
        CardScore(card, sum(p for p in slots if p is not None), tuple(slots))
        for card, slots in per_round.items()
    )
