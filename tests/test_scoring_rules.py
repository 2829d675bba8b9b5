"""Scoring rules come from a step's collect declaration and the run's parameters, not a name."""

from __future__ import annotations

from facilitate.library.methods import bundled_dir, load_method_file, parse_method
from facilitate.model.method import Method
from facilitate.model.params import resolve_params
from facilitate.model.scoring import (
    DotRules,
    PairSplit,
    PairSplitRules,
    RatingRules,
    check_pair_split,
    scoring_rules,
)


def bundled(method_id: str) -> Method:
    return load_method_file(bundled_dir() / f"{method_id}.yaml")


def rules_by_step(method: Method, overrides: dict[str, str] | None = None) -> dict:
    params = resolve_params(method, overrides)
    return {
        (step.id, collect.kind): scoring_rules(method, collect, params)
        for step in method.steps
        for collect in step.collect
    }


def test_the_bundled_scoring_methods_declare_their_rules() -> None:
    assert rules_by_step(bundled("35an"))[("round", "pair_split")] == PairSplitRules(7, 5)
    assert rules_by_step(bundled("25-10-crowd-sourcing"))[("round", "rating")] == RatingRules(
        1, 5, 5
    )
    assert rules_by_step(bundled("dot-voting"))[("vote", "dots")] == DotRules(3)
    assert rules_by_step(bundled("tre-prickar"))[("dots", "dots")] == DotRules(3, ("1", "2"))


def test_steps_that_are_not_scored_have_no_rules() -> None:
    rules = rules_by_step(bundled("35an"))
    assert rules[("write", "card")] is None
    assert rules[("countdown", "entry")] is None


def test_the_run_parameters_change_the_rules() -> None:
    rules = rules_by_step(bundled("35an"), {"points": "10", "rounds": "3"})
    assert rules[("round", "pair_split")] == PairSplitRules(10, 3)
    assert rules[("round", "pair_split")].max_total == 30
    three = rules_by_step(bundled("tre-prickar"), {"criteria": "Värde|Genomförbarhet|Skala"})
    assert three[("dots", "dots")] == DotRules(3, ("1", "2", "3"))


def test_the_defaults_are_used_without_run_parameters_and_participants_bound_a_vote() -> None:
    method = bundled("dot-voting")
    collect = next(c for s in method.steps for c in s.collect if c.kind == "dots")
    assert scoring_rules(method, collect) == DotRules(3)
    assert scoring_rules(method, collect, participants=40) == DotRules(3, (), 40)


OWN_METHOD = """
schema_version: 1
id: poangpar
name: Poängpar
summary: Ett eget sätt att poängsätta i par.
purpose: Att prova motorn.
group_size: {min: 4}
roles: [{id: alla, name: Alla}]
dimensions:
  card: {label: Kort}
steps:
  - id: par
    title: Par
    instructions: Dela fem poäng.
    minutes: 2
    repeat: 2
    collect:
      - kind: pair_split
        along: [card, round]
        points: 5
        rounds: 2
"""


def test_a_users_own_method_gets_the_same_engine_from_its_numbers() -> None:
    method = parse_method(OWN_METHOD, "poangpar.yaml")
    rules = scoring_rules(method, method.steps[0].collect[0], resolve_params(method))
    assert rules == PairSplitRules(5, 2)
    assert check_pair_split(rules, PairSplit(2, "a", 3, "b", 2)) == ()
    assert [p.code for p in check_pair_split(rules, PairSplit(3, "a", 4, "b", 3))] == [
        "score.round_range",
        "score.pair_sum",
    ]
