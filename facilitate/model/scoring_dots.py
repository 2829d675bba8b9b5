"""Dot voting and Tre prickar: dots on targets, per criterion (a colour) when there are criteria.

Each person has a budget of ``dots`` (for each criterion when there are criteria). A
placement that names its ``voter`` is checked against that person's budget; when the number
of participants is known, the whole group's dots are bounded too. As in
:mod:`facilitate.model.scoring_cards` there is ``check_dots`` (one new placement against
those recorded), ``validate_dots`` (a whole sequence) and ``tally_dots``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from facilitate.model.input_problems import InputProblem, is_whole, not_whole, unknown_name
from facilitate.model.scoring_checks import refuse
from facilitate.model.scoring_types import DotPlacement, DotRules, DotTally


class _Spent:
    """The dots placed so far, by voter and criterion and by criterion alone."""

    def __init__(self, targets: Collection[str] | None) -> None:
        self.targets = frozenset(targets) if targets is not None else None
        self.by_voter: dict[tuple[str, str | None], int] = {}
        self.by_criterion: dict[str | None, int] = {}

    def add(self, placement: DotPlacement) -> None:
        key = placement.criterion
        self.by_criterion[key] = self.by_criterion.get(key, 0) + placement.count
        if placement.voter:
            vkey = (placement.voter, key)
            self.by_voter[vkey] = self.by_voter.get(vkey, 0) + placement.count


def _target_problems(target: object, spent: _Spent) -> list[InputProblem]:
    if not isinstance(target, str) or not target.strip():
        return [InputProblem("score.target_missing", "target", {})]
    if spent.targets is not None and target not in spent.targets:
        return [unknown_name("score.unknown_target", "target", target, spent.targets)]
    return []


def _criterion_problems(rules: DotRules, criterion: object) -> list[InputProblem]:
    if not rules.criteria:
        if criterion is None:
            return []
        return [InputProblem("score.criterion_not_used", "criterion", {"name": criterion})]
    if not isinstance(criterion, str) or not criterion:
        options = ", ".join(rules.criteria)
        return [InputProblem("score.criterion_missing", "criterion", {"options": options})]
    if criterion not in rules.criteria:
        return [unknown_name("score.unknown_criterion", "criterion", criterion, rules.criteria)]
    return []


def _count_problems(count: object) -> list[InputProblem]:
    if not is_whole(count):
        return [not_whole("count", count)]
    if count < 1:
        return [InputProblem("score.dots_at_least_one", "count", {"value": count})]
    return []


def _budget_problems(rules: DotRules, new: DotPlacement, spent: _Spent) -> list[InputProblem]:
    problems: list[InputProblem] = []
    suffix = "_criterion" if new.criterion is not None else ""
    common = {"criterion": new.criterion} if new.criterion is not None else {}
    if new.voter:
        total = spent.by_voter.get((new.voter, new.criterion), 0) + new.count
        if total > rules.dots:
            values = {"voter": new.voter, "spent": total, "dots": rules.dots, **common}
            problems.append(InputProblem(f"score.budget_voter{suffix}", "count", values))
    if rules.participants is not None:
        total = spent.by_criterion.get(new.criterion, 0) + new.count
        budget = rules.dots * rules.participants
        if total > budget:
            values = {"spent": total, "budget": budget, "participants": rules.participants}
            problems.append(InputProblem(f"score.budget_group{suffix}", "count", common | values))
    return problems


def _placement_problems(rules: DotRules, new: DotPlacement, spent: _Spent) -> list[InputProblem]:
    problems = _target_problems(new.target, spent)
    criterion_wrong = _criterion_problems(rules, new.criterion)
    count_wrong = _count_problems(new.count)
    problems += count_wrong + criterion_wrong
    if not (count_wrong or criterion_wrong):
        problems += _budget_problems(rules, new, spent)
    return problems


def check_dots(
    rules: DotRules,
    new: DotPlacement,
    recorded: Iterable[DotPlacement] = (),
    targets: Collection[str] | None = None,
) -> tuple[InputProblem, ...]:
    """The problems with placement ``new`` given the placements already ``recorded``."""
    spent = _Spent(targets)
    for placement in recorded:
        spent.add(placement)
    return tuple(_placement_problems(rules, new, spent))


def validate_dots(
    rules: DotRules, placements: Sequence[DotPlacement], targets: Collection[str] | None = None
) -> tuple[InputProblem, ...]:
    """Every problem in ``placements``, each at its row.

    A budget is counted over the rows before that have no problem (as if saved one by one).
    """
    spent = _Spent(targets)
    problems: list[InputProblem] = []
    for row, placement in enumerate(placements):
        found = _placement_problems(rules, placement, spent)
        if found:
            problems += (p.at(row) for p in found)
        else:
            spent.add(placement)
    return tuple(problems)


def tally_dots(
    rules: DotRules, placements: Sequence[DotPlacement], targets: Sequence[str] | None = None
) -> tuple[DotTally, ...]:
    """Each target's dots in all and per criterion; listed ``targets`` first, in order."""
    refuse(validate_dots(rules, placements, targets))
    counts: dict[str, dict[str | None, int]] = {target: {} for target in targets or ()}
    for placement in placements:
        by_criterion = counts.setdefault(placement.target, {})
        by_criterion[placement.criterion] = by_criterion.get(placement.criterion, 0) + (
            placement.count
        )
    return tuple(
        DotTally(
            target,
            sum(by_criterion.values()),
            tuple((c, by_criterion.get(c, 0)) for c in rules.criteria),
        )
        for target, by_criterion in counts.items()
    )
