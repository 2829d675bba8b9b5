"""Dot voting and Tre prickar: tallies per criterion and in all, and budgets that hold."""

from __future__ import annotations

import random
from typing import cast

import pytest

from facilitate.model.scoring import (
    DotPlacement,
    DotRules,
    InputError,
    check_dots,
    rank,
    tally_dots,
    validate_dots,
)

OPTIONS = ["o1", "o2", "o3", "o4", "o5", "o6"]
TRE = DotRules(dots=3, criteria=("1", "2"))  # Värde för användaren, Genomförbarhet


def test_tre_prickar_with_twelve_people_tallies_each_colour_and_the_sum() -> None:
    rng = random.Random(3)
    placements = []
    by_hand: dict[tuple[str, str], int] = {}
    for person in range(1, 13):
        for criterion in TRE.criteria:
            for _ in range(3):  # each dot of this colour, one at a time
                option = rng.choice(OPTIONS)
                placements.append(DotPlacement(option, 1, criterion, f"p{person}"))
                by_hand[option, criterion] = by_hand.get((option, criterion), 0) + 1

    tallies = tally_dots(TRE, placements, OPTIONS)

    assert [t.target for t in tallies] == OPTIONS
    for tally in tallies:
        for criterion in TRE.criteria:
            assert tally.count(criterion) == by_hand.get((tally.target, criterion), 0)
        assert tally.total == sum(by_hand.get((tally.target, c), 0) for c in TRE.criteria)
        assert [c for c, _ in tally.by_criterion] == ["1", "2"]
    assert sum(t.total for t in tallies) == 12 * 2 * 3
    by_value = rank(tallies, lambda t: t.count("1"))
    assert [r.score for r in by_value] == sorted((t.count("1") for t in tallies), reverse=True)


def test_plain_dot_voting_counts_a_wall_without_voters() -> None:
    rules = DotRules(dots=3)
    wall = [DotPlacement("o1", 14), DotPlacement("o2", 9), DotPlacement("o1", 2)]
    tallies = tally_dots(rules, wall, OPTIONS[:3])
    assert [(t.target, t.total, t.by_criterion) for t in tallies] == [
        ("o1", 16, ()),
        ("o2", 9, ()),
        ("o3", 0, ()),
    ]


def test_a_person_may_put_all_dots_on_one_option_but_not_one_more() -> None:
    rules = DotRules(dots=3)
    recorded = [DotPlacement("o1", 2, voter="Anna")]
    assert check_dots(rules, DotPlacement("o1", 1, voter="Anna"), recorded, OPTIONS) == ()
    problems = check_dots(rules, DotPlacement("o2", 2, voter="Anna"), recorded, OPTIONS)
    assert [(p.code, p.field, dict(p.values)) for p in problems] == [
        ("score.budget_voter", "count", {"voter": "Anna", "spent": 4, "dots": 3})
    ]
    assert check_dots(rules, DotPlacement("o2", 3, voter="Bo"), recorded, OPTIONS) == ()


def test_each_colour_has_its_own_budget() -> None:
    recorded = [DotPlacement("o1", 3, "1", "Anna")]
    assert check_dots(TRE, DotPlacement("o1", 3, "2", "Anna"), recorded, OPTIONS) == ()
    problems = check_dots(TRE, DotPlacement("o2", 1, "1", "Anna"), recorded, OPTIONS)
    assert [(p.code, dict(p.values)) for p in problems] == [
        (
            "score.budget_voter_criterion",
            {"voter": "Anna", "spent": 4, "dots": 3, "criterion": "1"},
        )
    ]


def test_the_groups_budget_holds_when_the_number_of_people_is_known() -> None:
    rules = DotRules(dots=3, participants=4)
    recorded = [DotPlacement("o1", 10)]
    assert check_dots(rules, DotPlacement("o2", 2), recorded) == ()
    problems = check_dots(rules, DotPlacement("o2", 3), recorded)
    assert [(p.code, dict(p.values)) for p in problems] == [
        ("score.budget_group", {"spent": 13, "budget": 12, "participants": 4})
    ]
    per_colour = DotRules(dots=3, criteria=("1", "2"), participants=2)
    problems = check_dots(per_colour, DotPlacement("o2", 7, "2"), [DotPlacement("o1", 6, "1")])
    assert [p.code for p in problems] == ["score.budget_group_criterion"]
    assert problems[0].values["criterion"] == "2"


@pytest.mark.parametrize(
    ("rules", "placement", "code", "field"),
    [
        (TRE, DotPlacement("o9", 1, "1"), "score.unknown_target", "target"),
        (TRE, DotPlacement("o", 1, "1"), "score.unknown_target_hint", "target"),
        (TRE, DotPlacement("", 1, "1"), "score.target_missing", "target"),
        (TRE, DotPlacement("o1", 0, "1"), "score.dots_at_least_one", "count"),
        (TRE, DotPlacement("o1", cast(int, 1.5), "1"), "score.not_whole", "count"),
        (TRE, DotPlacement("o1", 1), "score.criterion_missing", "criterion"),
        (TRE, DotPlacement("o1", 1, "7"), "score.unknown_criterion", "criterion"),
        (DotRules(3, ("value", "feasible")), DotPlacement("o1", 1, "valeu"),
         "score.unknown_criterion_hint", "criterion"),
        (DotRules(3), DotPlacement("o1", 1, "1"), "score.criterion_not_used", "criterion"),
    ],
)  # fmt: skip
def test_a_bad_placement_is_named(rules, placement, code, field) -> None:
    problems = check_dots(rules, placement, (), OPTIONS)
    assert [(p.code, p.field) for p in problems] == [(code, field)]


def test_the_criteria_are_offered_when_none_is_given() -> None:
    problems = check_dots(TRE, DotPlacement("o1", 1), (), OPTIONS)
    assert problems[0].values == {"options": "1, 2"}


def test_validating_a_file_counts_budgets_over_the_good_rows_before() -> None:
    rules = DotRules(dots=3)
    rows = [
        DotPlacement("o1", 2, voter="Anna"),
        DotPlacement("o2", 2, voter="Anna"),  # would make 4
        DotPlacement("o3", 1, voter="Anna"),  # 3 with the rows that stand
        DotPlacement("o3", 1, voter="Anna"),  # 4
    ]
    problems = validate_dots(rules, rows, OPTIONS)
    assert [(p.row, p.code, p.values["spent"]) for p in problems] == [
        (1, "score.budget_voter", 4),
        (3, "score.budget_voter", 4),
    ]
    with pytest.raises(InputError) as caught:
        tally_dots(rules, rows, OPTIONS)
    assert len(caught.value.problems) == 2
