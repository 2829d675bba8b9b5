"""The scoring engine: rules from a step's ``collect`` declaration, never from a method's name.

``scoring_rules(method, collect, params)`` turns ``pair_split`` (points, rounds), ``rating``
(scale, rounds) and ``dots`` (dots, per criterion) into rules; the functions re-exported here
check, validate and tally what was entered against them, and rank the results.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitate.model.expand import dimension_values
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.method import Collect, Method
from facilitate.model.params import resolve_params
from facilitate.model.scoring_cards import (
    check_card_round,
    check_pair_split,
    check_rating,
    round_sum_problems,
    tally_card_rounds,
    tally_pair_splits,
    tally_ratings,
    validate_card_rounds,
    validate_pair_splits,
    validate_ratings,
)
from facilitate.model.scoring_dots import check_dots, tally_dots, validate_dots
from facilitate.model.scoring_rank import Call, Ranked, countdown, rank, top
from facilitate.model.scoring_totals import (
    check_card_total,
    tally_card_totals,
    validate_card_totals,
)
from facilitate.model.scoring_types import (
    CardRound,
    CardRules,
    CardScore,
    CardTotal,
    DotPlacement,
    DotRules,
    DotTally,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
    ScoringRules,
)

__all__ = [
    "Call",
    "CardRound",
    "CardRules",
    "CardScore",
    "CardTotal",
    "DotPlacement",
    "DotRules",
    "DotTally",
    "InputError",
    "InputProblem",
    "PairSplit",
    "PairSplitRules",
    "Ranked",
    "Rating",
    "RatingRules",
    "ScoringRules",
    "check_card_round",
    "check_card_total",
    "check_dots",
    "check_pair_split",
    "check_rating",
    "countdown",
    "rank",
    "round_sum_problems",
    "scoring_rules",
    "tally_card_rounds",
    "tally_card_totals",
    "tally_dots",
    "tally_pair_splits",
    "tally_ratings",
    "top",
    "validate_card_rounds",
    "validate_card_totals",
    "validate_dots",
    "validate_pair_splits",
    "validate_ratings",
]


def _whole(amount: int | float | str | None, values: Mapping[str, Any]) -> int:
    """A number in a ``collect`` declaration, or the parameter it names."""
    value = values[amount] if isinstance(amount, str) else amount
    return int(value) if value is not None else 0


def scoring_rules(
    method: Method,
    collect: Collect,
    params: Mapping[str, Any] | None = None,
    participants: int | None = None,
) -> ScoringRules | None:
    """The rules ``collect`` declares, with parameters from ``params`` (the run's values).

    None for a kind that is not scored. ``participants`` (when known) bounds a dot vote's
    total. A validated method always has the fields each kind needs.
    """
    values = params if params is not None else resolve_params(method)
    if collect.kind == "pair_split":
        return PairSplitRules(_whole(collect.points, values), _whole(collect.rounds, values))
    if collect.kind == "rating" and collect.scale is not None:
        low, high = collect.scale
        return RatingRules(low, high, _whole(collect.rounds, values))
    if collect.kind == "dots":
        criteria: tuple[str, ...] = ()
        if collect.per is not None:
            choices = dimension_values(method, collect.per, dict(values)) or []
            criteria = tuple(choice.id for choice in choices)
        return DotRules(_whole(collect.dots, values), criteria, participants)
    return None
