"""35:an pair splits: an Eslöv-sized day tallied and ranked, and every rule a pair must keep."""

from __future__ import annotations

import random
from typing import cast

import pytest

from facilitate.model.scoring import (
    CardRound,
    CardTotal,
    InputError,
    PairSplit,
    PairSplitRules,
    check_pair_split,
    countdown,
    rank,
    tally_card_rounds,
    tally_card_totals,
    tally_pair_splits,
    top,
    validate_pair_splits,
)

RULES = PairSplitRules(points=7, rounds=5)


def play_35an(card_count: int, seed: int) -> tuple[list[str], list[PairSplit], dict[str, list]]:
    """A whole 35:an: cards swap and pair up each round; each pair splits 7 points.

    Returns the cards, the splits as a note-taker would enter them, and the back of each
    card (the points written on it per round, None when it sat out an odd round).
    """
    rng = random.Random(seed)
    cards = [f"k{n}" for n in range(1, card_count + 1)]
    backs: dict[str, list] = {card: [None] * 5 for card in cards}
    splits = []
    for round_ in range(1, 6):
        hands = cards[:]
        rng.shuffle(hands)
        for a, b in zip(hands[0::2], hands[1::2], strict=False):
            points_a = rng.choice([7, 6, 5, 4, 4, 3, 3, 2, 1, 0])
            splits.append(PairSplit(round_, a, points_a, b, 7 - points_a))
            backs[a][round_ - 1] = points_a
            backs[b][round_ - 1] = 7 - points_a
    return cards, splits, backs


def hand_ranks(totals: dict[str, int]) -> dict[str, int]:
    """Rank by counting: one more than the number of cards with a strictly higher total."""
    return {card: 1 + sum(1 for t in totals.values() if t > mine) for card, mine in totals.items()}


def test_eslov_sized_35an_totals_per_round_points_and_ranks_match_the_cards_backs() -> None:
    cards, splits, backs = play_35an(130, seed=2014)
    assert len(splits) == 65 * 5

    scores = tally_pair_splits(RULES, splits, cards)

    assert [s.card for s in scores] == cards  # every card, in the order written
    for score in scores:
        assert score.per_round == tuple(backs[score.card])
        assert score.total == sum(backs[score.card])
    totals = {card: sum(back) for card, back in backs.items()}
    expected_ranks = hand_ranks(totals)
    ranked = rank(scores, lambda s: s.total)
    assert {r.item.card: r.rank for r in ranked} == expected_ranks
    assert [r.score for r in ranked] == sorted(totals.values(), reverse=True)
    assert len(set(totals.values())) < 130  # the day has ties, so ranks are really shared


def test_the_count_down_from_35_calls_every_number_and_whoever_has_it() -> None:
    cards, splits, backs = play_35an(130, seed=311)
    totals = {card: sum(back) for card, back in backs.items()}
    ranked = rank(tally_pair_splits(RULES, splits, cards), lambda s: s.total)

    calls = countdown(ranked, RULES.max_total, n=10)

    tenth_total = sorted(totals.values(), reverse=True)[9]
    assert [c.score for c in calls] == list(range(35, tenth_total - 1, -1))
    for call in calls:
        holders = [card for card in cards if totals[card] == call.score]
        assert [s.card for s in call.items] == holders
        assert call.rank == (hand_ranks(totals)[holders[0]] if holders else None)
    read_out = [s.card for c in calls for s in c.items]
    assert len(read_out) >= 10
    assert read_out == [r.item.card for r in top(ranked, 10)]


def test_an_odd_card_sits_out_and_is_scored_on_the_rounds_it_played() -> None:
    cards, splits, backs = play_35an(131, seed=7)
    scores = {s.card: s for s in tally_pair_splits(RULES, splits, cards)}
    sat_out = [card for card in cards if None in backs[card]]
    assert sat_out  # five rounds, five cards out (possibly the same one twice)
    for card in sat_out:
        assert scores[card].per_round == tuple(backs[card])
        assert scores[card].total == sum(p for p in backs[card] if p is not None)


def test_pair_splits_per_card_rounds_and_read_out_totals_give_the_same_ranking() -> None:
    cards, splits, backs = play_35an(130, seed=99)
    per_card = [
        CardRound(card, round_, points)
        for card, back in backs.items()
        for round_, points in enumerate(back, start=1)
    ]
    read_out = [CardTotal(card, sum(back)) for card, back in backs.items()]

    def ranking(scores) -> list[tuple[int, str, int]]:
        return [(r.rank, r.item.card, r.score) for r in rank(scores, lambda s: s.total)]

    from_pairs = ranking(tally_pair_splits(RULES, splits, cards))
    assert ranking(tally_card_rounds(RULES, per_card, cards)) == from_pairs
    assert ranking(tally_card_totals(RULES, read_out, cards)) == from_pairs


def test_a_card_without_points_is_listed_with_zero() -> None:
    splits = [PairSplit(1, "a", 7, "b", 0)]
    scores = tally_pair_splits(RULES, splits, ["a", "b", "c"])
    assert [(s.card, s.total, s.per_round) for s in scores] == [
        ("a", 7, (7, None, None, None, None)),
        ("b", 0, (0, None, None, None, None)),
        ("c", 0, (None,) * 5),
    ]


def test_other_parameters_other_rules() -> None:
    rules = PairSplitRules(points=10, rounds=3)
    assert rules.max_total == 30
    assert check_pair_split(rules, PairSplit(3, "a", 9, "b", 1)) == ()
    assert [p.code for p in check_pair_split(rules, PairSplit(4, "a", 3, "b", 4))] == [
        "score.round_range",
        "score.pair_sum",
    ]


# -- each rule, one problem at a time -------------------------------------------------------

CARDS = ["k1", "k2", "k3", "k4"]
RECORDED = [PairSplit(1, "k1", 4, "k2", 3)]
HALF, TEXT = cast(int, 3.5), cast(int, "5")  # as an adapter might pass them on unparsed


@pytest.mark.parametrize(
    ("split", "code", "field", "values"),
    [
        (PairSplit(1, "k3", 8, "k4", 0), "score.points_range", "points_a", {"value": 8}),
        (PairSplit(1, "k3", 7, "k4", -1), "score.points_range", "points_b", {"value": -1}),
        (
            PairSplit(1, "k3", cast(int, 3.5), "k4", 4),
            "score.not_whole",
            "points_a",
            {"value": 3.5},
        ),
        (
            PairSplit(1, "k3", cast(int, "5"), "k4", 2),
            "score.not_whole",
            "points_a",
            {"value": "5"},
        ),
        (PairSplit(1, "k3", True, "k4", 6), "score.not_whole", "points_a", {"value": True}),
        (PairSplit(1, "k3", 4, "k4", 4), "score.pair_sum", "points_b", {"a": 4, "b": 4}),
        (PairSplit(1, "k3", 2, "k4", 2), "score.pair_sum", "points_b", {"points": 7}),
        (PairSplit(6, "k3", 4, "k4", 3), "score.round_range", "round", {"value": 6, "rounds": 5}),
        (PairSplit(0, "k3", 4, "k4", 3), "score.round_range", "round", {"value": 0}),
        (PairSplit(1, "k3", 4, "k3", 3), "score.same_card", "card_b", {"card": "k3"}),
        (PairSplit(1, "k3", 4, "k9", 3), "score.unknown_card", "card_b", {"name": "k9"}),
        (PairSplit(1, "kk3", 4, "k4", 3), "score.unknown_card_hint", "card_a", {"hint": "k3"}),
        (PairSplit(1, " ", 4, "k4", 3), "score.card_missing", "card_a", {}),
        (PairSplit(1, "k3", 4, "k1", 3), "score.card_twice_in_round", "card_b", {"card": "k1"}),
        (PairSplit(1, "k2", 4, "k4", 3), "score.card_twice_in_round", "card_a", {"round": 1}),
    ],
)
def test_a_bad_split_is_named_by_field_and_values(split, code, field, values) -> None:
    problems = check_pair_split(RULES, split, RECORDED, CARDS)
    assert [(p.code, p.field, p.row) for p in problems] == [(code, field, None)]
    assert values.items() <= problems[0].values.items()


def test_a_good_split_has_no_problem_and_the_same_card_may_play_again_next_round() -> None:
    assert check_pair_split(RULES, PairSplit(1, "k3", 7, "k4", 0), RECORDED, CARDS) == ()
    assert check_pair_split(RULES, PairSplit(2, "k1", 0, "k2", 7), RECORDED, CARDS) == ()


def test_without_a_card_list_any_card_is_known() -> None:
    assert check_pair_split(RULES, PairSplit(1, "x", 3, "y", 4)) == ()


def test_several_problems_in_one_split_are_all_named() -> None:
    problems = check_pair_split(RULES, PairSplit(9, "k1", 9, "zz", 1), RECORDED, CARDS)
    assert [(p.code, p.field) for p in problems] == [
        ("score.round_range", "round"),
        ("score.points_range", "points_a"),
        ("score.unknown_card", "card_b"),
    ]


def test_validating_a_file_names_each_bad_row_and_a_card_met_twice() -> None:
    rows = [
        PairSplit(1, "k1", 4, "k2", 3),
        PairSplit(1, "k3", 4, "k4", 4),
        PairSplit(1, "k2", 5, "k3", 2),
        PairSplit(2, "k1", 5, "k2", 2),
    ]
    problems = validate_pair_splits(RULES, rows, CARDS)
    assert [(p.row, p.code, p.field) for p in problems] == [
        (1, "score.pair_sum", "points_b"),
        (2, "score.card_twice_in_round", "card_a"),
        (2, "score.card_twice_in_round", "card_b"),
    ]


def test_a_tally_refuses_bad_input_and_says_why() -> None:
    with pytest.raises(InputError) as caught:
        tally_pair_splits(RULES, [PairSplit(1, "k1", 6, "k2", 6)], CARDS)
    assert [p.code for p in caught.value.problems] == ["score.pair_sum"]
    assert caught.value.problems[0].row == 0
