"""Every problem the scoring engine and the themes can report reads well in Swedish and English."""

from __future__ import annotations

from typing import cast

import pytest

from facilitate.i18n import catalog_scoring, set_language, t
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.scoring import (
    CardRound,
    CardTotal,
    DotPlacement,
    DotRules,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
    check_card_round,
    check_card_total,
    check_dots,
    check_pair_split,
    check_rating,
    round_sum_problems,
)
from facilitate.model.themes import (
    ThemeBoard,
    assign_items,
    create_theme,
    merge_themes,
    rename_theme,
    resolve_items,
    split_theme,
    unassign_items,
)

PAIRS = PairSplitRules(7, 5)
RATING = RatingRules(1, 5, 5)
CARDS = ["k1", "k2", "k3"]
TRE = DotRules(3, ("value", "feasible"), participants=2)
PLAIN = DotRules(3, participants=2)


def refused(call) -> tuple[InputProblem, ...]:
    try:
        call()
    except InputError as error:
        return error.problems
    raise AssertionError("not refused")


def every_problem() -> list[InputProblem]:
    done = [PairSplit(1, "k1", 4, "k2", 3)]
    board = create_theme(ThemeBoard(), "t1", "Möten", ["a"])
    board = create_theme(board, "t2", "Kunskap", ["b"])
    found = [
        *check_pair_split(PAIRS, PairSplit(9, "k3", 8, "k3", 0), done, CARDS),
        *check_pair_split(PAIRS, PairSplit(1, "", cast(int, 3.5), "kk3", 4), done, CARDS),
        *check_pair_split(PAIRS, PairSplit(1, "k3", 3, "k9", 3), done, CARDS),
        *check_pair_split(PAIRS, PairSplit(1, "k3", 3, "k3", 4), done, CARDS),
        *check_pair_split(PAIRS, PairSplit(1, "k3", 3, "k1", 4), done, CARDS),
        *check_card_round(PAIRS, CardRound("k1", 1, 9), [], CARDS),
        *round_sum_problems(PAIRS, [CardRound("k1", 1, 5)]),
        *check_rating(RATING, Rating("k1", 1, 6), [], CARDS),
        *check_card_total(PAIRS, CardTotal("k1", 40), [CardTotal("k1", 3)], CARDS),
        *check_dots(TRE, DotPlacement("", 0), [], ["o1"]),
        *check_dots(TRE, DotPlacement("o9", 1, "valeu"), [], ["o1"]),
        *check_dots(TRE, DotPlacement("o", 1, "zzz"), [], ["o1"]),
        *check_dots(TRE, DotPlacement("o1", 4, "value", "Anna"), [], ["o1"]),
        *check_dots(TRE, DotPlacement("o1", 7, "value"), [], ["o1"]),
        *check_dots(PLAIN, DotPlacement("o1", 4, "value", "Bo"), [], ["o1"]),
        *check_dots(PLAIN, DotPlacement("o1", 4, None, "Bo"), [], ["o1"]),
        *check_dots(PLAIN, DotPlacement("o1", 7), [], ["o1"]),
    ]
    for call in (
        lambda: create_theme(board, "t1", ""),
        lambda: create_theme(board, "t3", "a\tb"),
        lambda: create_theme(board, "t3", "x" * 500),
        lambda: create_theme(board, "t3", "möten"),
        lambda: create_theme(board, "t3", "Ny", ["zz", "a "], ["a", "b"]),
        lambda: rename_theme(board, "Mötet", "X"),
        lambda: rename_theme(board, "qqq", "X"),
        lambda: unassign_items(board, ["c"]),
        lambda: merge_themes(board, "t1", []),
        lambda: merge_themes(board, "t1", ["t1"]),
        lambda: split_theme(board, "t1", "t3", "Ny", []),
        lambda: split_theme(board, "t1", "t3", "Ny", ["b"]),
        lambda: assign_items(board, "t1", ["c"], ["a", "b"]),
        lambda: resolve_items(["same"], {"x": "same", "y": "same"}),
    ):
        found += refused(call)
    return found


def test_every_problem_code_has_a_message_and_every_message_is_reachable() -> None:
    codes = {p.code for p in every_problem()}
    catalogue = {k for k in catalog_scoring.EN if k.startswith(("score.", "theme."))}
    assert codes == catalogue


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_problem_renders_with_its_own_values(lang: str) -> None:
    try:
        set_language(lang)
        for problem in every_problem():
            text = t(problem.code, **problem.values)
            assert text != problem.code and "{" not in text, problem
            assert problem.field
    finally:
        set_language("en")


def test_the_swedish_messages_are_swedish() -> None:
    problem = check_pair_split(PAIRS, PairSplit(1, "k1", 5, "k2", 5))[0]
    try:
        set_language("sv")
        assert t(problem.code, **problem.values) == (
            "5 + 5 poäng: parets två kort delar på exakt 7"
        )
    finally:
        set_language("en")
    assert t(problem.code, **problem.values) == (
        "5 + 5 points: the two cards of a pair share exactly 7"
    )


def test_control_characters_in_a_value_are_shown_escaped() -> None:
    problem = check_pair_split(PAIRS, PairSplit(1, "k\x1b[2J", 3, "k2", 4), cards=CARDS)[0]
    assert "\x1b" not in t(problem.code, **problem.values)


def test_the_suggestion_lines_render() -> None:
    assert t("suggest.shared_stem", word="mötesplatser", count=3) == (
        "share the word 'mötesplatser': 3 items"
    )
    assert t("suggest.near_duplicate", score=92, count=2) == "nearly the same (92% alike): 2 items"
