"""The scoring vocabulary: rules made from a step's parameters, entered scores, tallied results.

The inputs are small frozen records of their own, independent of how entries are stored, so
any source (the session's entries, an imported file, a test) can feed the engine.
"""

from __future__ import annotations

from facilitate.records import Record

# -- rules (from a step's ``collect`` declaration and the run's parameter values) ------------


class PairSplitRules(Record):
    """Each pair splits ``points`` whole points between its two cards, for ``rounds`` rounds."""

    points: int
    rounds: int

    @property
    def max_total(self) -> int:
        """The highest total a card can reach (35 for 7 points and 5 rounds)."""
        return self.points * self.rounds


class RatingRules(Record):
    """Each holder rates a card from ``low`` to ``high``, for ``rounds`` rounds."""

    low: int
    high: int
    rounds: int

    @property
    def max_total(self) -> int:
        """The highest total a card can reach (25 for a 1–5 scale and 5 rounds)."""
        return self.high * self.rounds


class DotRules(Record):
    """Each person places ``dots`` dots; with ``criteria``, that many for each criterion.

    ``participants``, when known, bounds the whole group's dots (``dots`` × participants).
    """

    dots: int
    criteria: tuple[str, ...] = ()
    participants: int | None = None


CardRules = PairSplitRules | RatingRules
ScoringRules = PairSplitRules | RatingRules | DotRules

# -- what is entered ------------------------------------------------------------------------


class PairSplit(Record):
    """One pair's split in one round: ``points_a`` to ``card_a`` and ``points_b`` to ``card_b``."""

    round: int
    card_a: str
    points_a: int
    card_b: str
    points_b: int


class CardRound(Record):
    """The points one card got in one round (read off the back of the card)."""

    card: str
    round: int
    points: int


class CardTotal(Record):
    """A card's total as read out in the count-down (when only totals are recorded)."""

    card: str
    total: int


class Rating(Record):
    """One holder's rating of one card in one round."""

    card: str
    round: int
    score: int


class DotPlacement(Record):
    """``count`` dots on ``target``, for ``criterion`` when the vote has criteria.

    ``voter`` (anyone's id or name) lets each person's budget be checked; without it the
    placement is the wall's count for that target.
    """

    target: str
    count: int
    criterion: str | None = None
    voter: str | None = None


# -- results --------------------------------------------------------------------------------


class CardScore(Record):
    """A card's total and its points per round (``per_round[0]`` is round 1).

    ``per_round`` holds None for a round in which the card got no points recorded (it sat
    out), and is empty when only the total is known.
    """

    card: str
    total: int
    per_round: tuple[int | None, ...] = ()


class DotTally(Record):
    """The dots on one target: in all, and per criterion (in the rules' order)."""

    target: str
    total: int
    by_criterion: tuple[tuple[str, int], ...] = ()

    def count(self, criterion: str) -> int:
        """The dots this target got for ``criterion`` (0 when none)."""
        return next((n for c, n in self.by_criterion if c == criterion), 0)
