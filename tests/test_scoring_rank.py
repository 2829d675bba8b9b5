"""Ranks shared by ties (1, 1, 3), a top-N cut that keeps ties, and the count-down read-out."""

from __future__ import annotations

import pytest

from facilitate.model.scoring import CardScore, countdown, rank, top

SCORES = [
    CardScore("skolan", 30),
    CardScore("integration", 30),
    CardScore("utanforskap", 28),
    CardScore("tid", 25),
    CardScore("kultur", 25),
    CardScore("idrott", 25),
    CardScore("trafik", 10),
]


def ranked_cards():
    return rank(SCORES, lambda s: s.total)


def test_ties_share_the_best_rank_and_the_next_rank_skips() -> None:
    assert [(r.rank, r.item.card, r.score) for r in ranked_cards()] == [
        (1, "skolan", 30),
        (1, "integration", 30),
        (3, "utanforskap", 28),
        (4, "tid", 25),
        (4, "kultur", 25),
        (4, "idrott", 25),
        (7, "trafik", 10),
    ]


def test_within_a_tie_the_order_given_is_kept_whatever_the_input_order() -> None:
    reordered = rank(list(reversed(SCORES)), lambda s: s.total)
    assert [r.item.card for r in reordered] == [
        "integration",
        "skolan",
        "utanforskap",
        "idrott",
        "kultur",
        "tid",
        "trafik",
    ]
    assert [r.rank for r in reordered] == [1, 1, 3, 4, 4, 4, 7]


@pytest.mark.parametrize(
    ("n", "cards"),
    [
        (0, []),
        (1, ["skolan", "integration"]),  # the cut falls inside a tie: both are kept
        (2, ["skolan", "integration"]),
        (3, ["skolan", "integration", "utanforskap"]),
        (4, ["skolan", "integration", "utanforskap", "tid", "kultur", "idrott"]),
        (6, ["skolan", "integration", "utanforskap", "tid", "kultur", "idrott"]),
        (7, [s.card for s in SCORES]),
        (50, [s.card for s in SCORES]),
    ],
)
def test_a_top_n_cut_keeps_everyone_tied_with_the_last_place(n: int, cards: list[str]) -> None:
    assert [r.item.card for r in top(ranked_cards(), n)] == cards


def test_the_count_down_asks_every_number_from_the_top_until_the_top_n_are_heard() -> None:
    calls = countdown(ranked_cards(), start=35, n=3)
    assert [(c.score, c.rank, [s.card for s in c.items]) for c in calls] == [
        (35, None, []),
        (34, None, []),
        (33, None, []),
        (32, None, []),
        (31, None, []),
        (30, 1, ["skolan", "integration"]),
        (29, None, []),
        (28, 3, ["utanforskap"]),
    ]


def test_the_count_down_reads_a_whole_tie_at_the_cut_and_everyone_without_n() -> None:
    calls = countdown(ranked_cards(), start=35, n=4)
    assert calls[-1].score == 25 and len(calls[-1].items) == 3
    everyone = countdown(ranked_cards(), start=35)
    assert everyone[-1].score == 10
    assert len(everyone) == 26
    assert sum(len(c.items) for c in everyone) == 7


def test_a_score_above_the_start_is_still_called() -> None:
    calls = countdown(rank([CardScore("a", 40), CardScore("b", 33)], lambda s: s.total), 35)
    assert [c.score for c in calls][:2] == [40, 39]
    assert calls[0].items[0].card == "a"


def test_nothing_to_rank_gives_nothing_to_read_out() -> None:
    assert rank([], lambda s: s.total) == ()
    assert countdown((), 35) == ()
    assert countdown(ranked_cards(), 35, n=0) == ()
