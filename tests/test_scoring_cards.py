"""Points card by card, 25/10 ratings and read-out totals: tallies and every problem."""

from __future__ import annotations

import random
from typing import cast

import pytest

from facilitate.model.scoring import (
    CardRound,
    CardTotal,
    InputError,
    PairSplitRules,
    Rating,
    RatingRules,
    check_card_round,
    check_card_total,
    check_rating,
    countdown,
    rank,
    round_sum_problems,
    tally_card_totals,
    tally_ratings,
    validate_card_rounds,
    validate_card_totals,
    validate_ratings,
)

PAIRS = PairSplitRules(points=7, rounds=5)
RATING = RatingRules(low=1, high=5, rounds=5)
CARDS = ["c1", "c2", "c3"]


def test_a_25_10_session_rates_each_card_once_a_round_and_counts_down_from_25() -> None:
    rng = random.Random(2510)
    cards = [f"idea-{n}" for n in range(1, 41)]
    ratings = [Rating(card, r, rng.randint(1, 5)) for r in range(1, 6) for card in cards]
    by_hand = {card: 0 for card in cards}
    for rating in ratings:
        by_hand[rating.card] += rating.score

    scores = tally_ratings(RATING, ratings, cards)

    assert {s.card: s.total for s in scores} == by_hand
    assert all(5 <= s.total <= 25 and len(s.per_round) == 5 for s in scores)
    calls = countdown(rank(scores, lambda s: s.total), RATING.max_total, n=10)
    assert calls[0].score == 25
    heard = [s.card for c in calls for s in c.items]
    tenth = sorted(by_hand.values(), reverse=True)[9]
    assert sorted(heard) == sorted(c for c, t in by_hand.items() if t >= tenth)


@pytest.mark.parametrize(
    ("rating", "code", "field"),
    [
        (Rating("c1", 1, 0), "score.rating_range", "score"),
        (Rating("c1", 1, 6), "score.rating_range", "score"),
        (Rating("c1", 1, cast(int, 4.5)), "score.not_whole", "score"),
        (Rating("c1", 6, 3), "score.round_range", "round"),
        (Rating("c9", 1, 3), "score.unknown_card", "card"),
        (Rating("", 1, 3), "score.card_missing", "card"),
        (Rating("c2", 1, 3), "score.card_twice_in_round", "card"),
    ],
)
def test_a_bad_rating_is_named(rating: Rating, code: str, field: str) -> None:
    problems = check_rating(RATING, rating, [Rating("c2", 1, 5)], CARDS)
    assert [(p.code, p.field) for p in problems] == [(code, field)]


def test_a_rating_scale_from_the_method_not_a_fixed_one() -> None:
    rules = RatingRules(low=0, high=10, rounds=3)
    assert check_rating(rules, Rating("c1", 3, 10)) == ()
    assert check_rating(rules, Rating("c1", 3, 0)) == ()
    assert check_rating(rules, Rating("c1", 4, 0))[0].code == "score.round_range"
    assert rules.max_total == 30


def test_validating_ratings_names_rows() -> None:
    rows = [Rating("c1", 1, 5), Rating("c1", 1, 4), Rating("c2", 1, 9)]
    problems = validate_ratings(RATING, rows, CARDS)
    assert [(p.row, p.code) for p in problems] == [
        (1, "score.card_twice_in_round"),
        (2, "score.rating_range"),
    ]
    with pytest.raises(InputError):
        tally_ratings(RATING, rows, CARDS)


@pytest.mark.parametrize(
    ("item", "code", "field"),
    [
        (CardRound("c1", 2, 8), "score.points_range", "points"),
        (CardRound("c1", 2, -1), "score.points_range", "points"),
        (CardRound("c1", 6, 3), "score.round_range", "round"),
        (CardRound("c1", 1, 3), "score.card_twice_in_round", "card"),
        (CardRound("cx", 2, 3), "score.unknown_card", "card"),
    ],
)
def test_a_bad_card_round_is_named(item: CardRound, code: str, field: str) -> None:
    problems = check_card_round(PAIRS, item, [CardRound("c1", 1, 4)], CARDS)
    assert [(p.code, p.field) for p in problems] == [(code, field)]


def test_rounds_whose_points_no_set_of_pairs_can_give_are_named() -> None:
    rows = [CardRound("c1", 1, 4), CardRound("c2", 1, 3), CardRound("c1", 2, 4)]
    rows += [CardRound("c2", 2, 4), CardRound("c3", 3, 0)]
    assert validate_card_rounds(PAIRS, rows, CARDS) == ()
    problems = round_sum_problems(PAIRS, rows)
    assert [(p.code, p.field, p.values) for p in problems] == [
        ("score.round_sum", "round", {"round": 2, "sum": 8, "points": 7}),
    ]


def test_read_out_totals_tally_in_card_order_with_zero_for_cards_not_read_out() -> None:
    scores = tally_card_totals(PAIRS, [CardTotal("c3", 35), CardTotal("c1", 12)], CARDS)
    assert [(s.card, s.total, s.per_round) for s in scores] == [
        ("c1", 12, ()),
        ("c2", 0, ()),
        ("c3", 35, ()),
    ]


@pytest.mark.parametrize(
    ("item", "code", "values"),
    [
        (CardTotal("c1", 36), "score.total_range", {"value": 36, "low": 0, "high": 35}),
        (CardTotal("c1", -2), "score.total_range", {"value": -2, "low": 0, "high": 35}),
        (CardTotal("c1", cast(int, "tolv")), "score.not_whole", {"value": "tolv"}),
        (CardTotal("c2", 20), "score.total_twice", {"card": "c2"}),
        (CardTotal("c4", 20), "score.unknown_card", {"name": "c4"}),
    ],
)
def test_a_bad_total_is_named(item: CardTotal, code: str, values: dict) -> None:
    problems = check_card_total(PAIRS, item, [CardTotal("c2", 30)], CARDS)
    assert [(p.code, dict(p.values)) for p in problems] == [(code, values)]


def test_a_25_10_total_is_bounded_by_its_own_scale() -> None:
    assert check_card_total(RATING, CardTotal("c1", 25)) == ()
    assert check_card_total(RATING, CardTotal("c1", 26))[0].values["high"] == 25


def test_validating_totals_names_the_second_read_out_of_a_card() -> None:
    rows = [CardTotal("c1", 30), CardTotal("c2", 29), CardTotal("c1", 28)]
    problems = validate_card_totals(PAIRS, rows, CARDS)
    assert [(p.row, p.code, p.field) for p in problems] == [(2, "score.total_twice", "card")]
