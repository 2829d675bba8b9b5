"""Read-out totals: a card with the total read out in the count-down (no per-round points).

As many facilitators only read out totals, a card's total may be all that is recorded.
The functions follow :mod:`facilitate.model.scoring_cards` (check one, validate all, tally).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from facilitate.model.input_problems import InputProblem
from facilitate.model.scoring_checks import Ledger, refuse, value_problems
from facilitate.model.scoring_types import CardRules, CardScore, CardTotal


def _total_problems(rules: CardRules, item: CardTotal, ledger: Ledger) -> list[InputProblem]:
    problems = ledger.card_problems("card", item.card)
    problems += value_problems("total", item.total, 0, rules.max_total, "score.total_range")
    if item.card in ledger.totalled:
        problems.append(InputProblem("score.total_twice", "card", {"card": item.card}))
    return problems


def check_card_total(
    rules: CardRules,
    new: CardTotal,
    recorded: Iterable[CardTotal] = (),
    cards: Collection[str] | None = None,
) -> tuple[InputProblem, ...]:
    """The problems with a read-out total, given the totals already ``recorded``."""
    ledger = Ledger(cards)
    ledger.totalled.update(item.card for item in recorded)
    return tuple(_total_problems(rules, new, ledger))


def validate_card_totals(
    rules: CardRules, totals: Sequence[CardTotal], cards: Collection[str] | None = None
) -> tuple[InputProblem, ...]:
    """Every problem in ``totals``, each at its row."""
    ledger = Ledger(cards)
    problems: list[InputProblem] = []
    for row, item in enumerate(totals):
        problems += (p.at(row) for p in _total_problems(rules, item, ledger))
        ledger.totalled.add(item.card)
    return tuple(problems)


def tally_card_totals(
    rules: CardRules, totals: Sequence[CardTotal], cards: Sequence[str] | None = None
) -> tuple[CardScore, ...]:
    """Each card with its read-out total (no per-round points: ``per_round`` is empty)."""
    refuse(validate_card_totals(rules, totals, cards))
    by_card = {card: 0 for card in cards or ()}
    for item in totals:
        by_card[item.card] = item.total
    return tuple(CardScore(card, total) for card, total in by_card.items())
