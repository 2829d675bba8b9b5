"""Scores on cards: 35:an pair splits, points per card and round, and ratings.

Three kinds of function for each input:

* ``check_*(rules, new, recorded, cards)``: the problems with one new entry, given what is
  already recorded (an empty tuple means it may be saved);
* ``validate_*(rules, items, cards)``: every problem in a whole sequence (an import), each
  with its 0-based ``row``;
* ``tally_*(rules, items, cards)``: each card's total and per-round points; refuses input
  with problems (:class:`InputError`).

``cards``, when given, lists the known card ids: an unknown card is a problem, and every
listed card appears in a tally (with 0 when it got no points), in the listed order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence

from facilitate.model.input_problems import InputProblem
from facilitate.model.scoring_checks import (
    Contribution,
    Ledger,
    refuse,
    round_problems,
    tally_contributions,
    value_problems,
)
from facilitate.model.scoring_types import (
    CardRound,
    CardRules,
    CardScore,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
)

# -- pair splits ----------------------------------------------------------------------------


def _pair_problems(rules: PairSplitRules, split: PairSplit, ledger: Ledger) -> list[InputProblem]:
    round_wrong = round_problems(split.round, rules.rounds)
    problems = list(round_wrong)
    a_wrong = value_problems("points_a", split.points_a, 0, rules.points, "score.points_range")
    b_wrong = value_problems("points_b", split.points_b, 0, rules.points, "score.points_range")
    problems += a_wrong + b_wrong
    if not (a_wrong or b_wrong) and split.points_a + split.points_b != rules.points:
        values = {"a": split.points_a, "b": split.points_b, "points": rules.points}
        problems.append(InputProblem("score.pair_sum", "points_b", values))
    a_card = ledger.card_problems("card_a", split.card_a)
    b_card = ledger.card_problems("card_b", split.card_b)
    problems += a_card + b_card
    if not (a_card or b_card) and split.card_a == split.card_b:
        problems.append(InputProblem("score.same_card", "card_b", {"card": split.card_a}))
    elif not round_wrong:
        problems += [] if a_card else ledger.twice_problems("card_a", split.card_a, split.round)
        problems += [] if b_card else ledger.twice_problems("card_b", split.card_b, split.round)
    return problems


def _record_pair(split: PairSplit, ledger: Ledger) -> None:
    ledger.scored.add((split.card_a, split.round))
    ledger.scored.add((split.card_b, split.round))


def check_pair_split(
    rules: PairSplitRules,
    new: PairSplit,
    recorded: Iterable[PairSplit] = (),
    cards: Collection[str] | None = None,
) -> tuple[InputProblem, ...]:
    """The problems with pair split ``new`` given the splits already ``recorded``."""
    ledger = Ledger(cards)
    for split in recorded:
        _record_pair(split, ledger)
    return tuple(_pair_problems(rules, new, ledger))


def validate_pair_splits(
    rules: PairSplitRules, splits: Sequence[PairSplit], cards: Collection[str] | None = None
) -> tuple[InputProblem, ...]:
    """Every problem in ``splits``, each at its row (a card is counted once per round)."""
    ledger = Ledger(cards)
    problems: list[InputProblem] = []
    for row, split in enumerate(splits):
        problems += (p.at(row) for p in _pair_problems(rules, split, ledger))
        _record_pair(split, ledger)
    return tuple(problems)


def tally_pair_splits(
    rules: PairSplitRules, splits: Sequence[PairSplit], cards: Sequence[str] | None = None
) -> tuple[CardScore, ...]:
    """Each card's total and points per round from the pairs' splits."""
    refuse(validate_pair_splits(rules, splits, cards))
    return tally_contributions(_pair_contributions(splits), rules.rounds, cards)


def _pair_contributions(splits: Iterable[PairSplit]) -> Iterator[Contribution]:
    for split in splits:
        yield split.card_a, split.round, split.points_a
        yield split.card_b, split.round, split.points_b


# -- one card in one round: points read off a card, or a rating ------------------------------


def _one_card_problems(
    rules: CardRules, card: str, round_: int, value: int, ledger: Ledger
) -> list[InputProblem]:
    problems = ledger.card_problems("card", card)
    round_wrong = round_problems(round_, rules.rounds)
    problems += round_wrong
    if isinstance(rules, PairSplitRules):
        problems += value_problems("points", value, 0, rules.points, "score.points_range")
    else:
        problems += value_problems("score", value, rules.low, rules.high, "score.rating_range")
    if not round_wrong and isinstance(card, str):
        problems += ledger.twice_problems("card", card, round_)
    return problems


def check_card_round(
    rules: PairSplitRules,
    new: CardRound,
    recorded: Iterable[CardRound] = (),
    cards: Collection[str] | None = None,
) -> tuple[InputProblem, ...]:
    """The problems with one card's points in one round, given what is already ``recorded``."""
    ledger = Ledger(cards)
    ledger.scored.update((item.card, item.round) for item in recorded)
    return tuple(_one_card_problems(rules, new.card, new.round, new.points, ledger))


def check_rating(
    rules: RatingRules,
    new: Rating,
    recorded: Iterable[Rating] = (),
    cards: Collection[str] | None = None,
) -> tuple[InputProblem, ...]:
    """The problems with rating ``new``, given the ratings already ``recorded``."""
    ledger = Ledger(cards)
    ledger.scored.update((item.card, item.round) for item in recorded)
    return tuple(_one_card_problems(rules, new.card, new.round, new.score, ledger))


def _validate_one_card(
    rules: CardRules, items: Iterable[Contribution], cards: Collection[str] | None
) -> tuple[InputProblem, ...]:
    ledger = Ledger(cards)
    problems: list[InputProblem] = []
    for row, (card, round_, value) in enumerate(items):
        problems += (p.at(row) for p in _one_card_problems(rules, card, round_, value, ledger))
        ledger.scored.add((card, round_))
    return tuple(problems)


def validate_card_rounds(
    rules: PairSplitRules, items: Sequence[CardRound], cards: Collection[str] | None = None
) -> tuple[InputProblem, ...]:
    """Every problem in ``items`` (points per card and round), each at its row."""
    return _validate_one_card(rules, ((i.card, i.round, i.points) for i in items), cards)


def validate_ratings(
    rules: RatingRules, ratings: Sequence[Rating], cards: Collection[str] | None = None
) -> tuple[InputProblem, ...]:
    """Every problem in ``ratings``, each at its row."""
    return _validate_one_card(rules, ((r.card, r.round, r.score) for r in ratings), cards)


def round_sum_problems(
    rules: PairSplitRules, items: Sequence[CardRound]
) -> tuple[InputProblem, ...]:
    """Rounds whose points cannot come from whole pairs (a complete round sums to n × points).

    Only meaningful once every card's points for the round are recorded (a whole file).
    """
    sums: dict[int, int] = {}
    for item in items:
        sums[item.round] = sums.get(item.round, 0) + item.points
    return tuple(
        InputProblem("score.round_sum", "round", {"round": r, "sum": s, "points": rules.points})
        for r, s in sorted(sums.items())
        if s % rules.points
    )


def tally_card_rounds(
    rules: PairSplitRules, items: Sequence[CardRound], cards: Sequence[str] | None = None
) -> tuple[CardScore, ...]:
    """Each card's total and points per round from points entered card by card."""
    refuse(validate_card_rounds(rules, items, cards))
    return tally_contributions(((i.card, i.round, i.points) for i in items), rules.rounds, cards)


def tally_ratings(
    rules: RatingRules, ratings: Sequence[Rating], cards: Sequence[str] | None = None
) -> tuple[CardScore, ...]:
    """Each card's total and rating per round."""
    refuse(validate_ratings(rules, ratings, cards))
    return tally_contributions(((r.card, r.round, r.score) for r in ratings), rules.rounds, cards)
