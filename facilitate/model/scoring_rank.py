"""Rankings: shared ranks for ties, a top-N cut that keeps ties, and the count-down read-out.

Ties share the best rank and the next rank skips ahead (1, 1, 3); within a tie, items keep
the order they were given in (for cards: the order they were written). Works on anything
with a whole-number score: card totals, dot tallies, a single criterion's dots.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

from facilitate.records import Record

T = TypeVar("T")


class Ranked(Generic[T], Record):
    """An item with its score and its (possibly shared) rank, 1 being the highest score."""

    rank: int
    score: int
    item: T


class Call(Generic[T], Record):
    """One number in the count-down ("who has 35?") and whoever has it.

    ``items`` is empty when nobody has that score; ``rank`` is then None.
    """

    score: int
    rank: int | None
    items: tuple[T, ...]


def rank(items: Iterable[T], score: Callable[[T], int]) -> tuple[Ranked[T], ...]:
    """``items`` from the highest score down, with shared ranks for equal scores (1, 1, 3)."""
    scored = [(score(item), item) for item in items]
    ordered = sorted(range(len(scored)), key=lambda i: -scored[i][0])  # stable within ties
    ranked: list[Ranked[T]] = []
    for place, i in enumerate(ordered, start=1):
        value, item = scored[i]
        shared = ranked and ranked[-1].score == value
        ranked.append(Ranked(ranked[-1].rank if shared else place, value, item))
    return tuple(ranked)


def top(ranked: Sequence[Ranked[T]], n: int) -> tuple[Ranked[T], ...]:
    """The top ``n``, keeping every item tied with the last one in (so possibly more than n)."""
    return tuple(r for r in ranked if r.rank <= n)


def countdown(ranked: Sequence[Ranked[T]], start: int, n: int | None = None) -> tuple[Call[T], ...]:
    """The read-out counting down from ``start`` (the highest possible score, e.g. 35).

    One call per score from ``start`` down to the lowest score read out, including the
    numbers nobody has; with ``n``, it stops once the top ``n`` (and their ties) are heard.
    A score above ``start`` is called too, so nobody is left out.
    """
    heard = top(ranked, n) if n is not None else tuple(ranked)
    if not heard:
        return ()
    by_score: dict[int, list[Ranked[T]]] = {}
    for r in heard:
        by_score.setdefault(r.score, []).append(r)
    lowest = min(by_score)
    calls: list[Call[T]] = []
    for value in range(max(start, *by_score), lowest - 1, -1):
        group = by_score.get(value, [])
        rank_ = group[0].rank if group else None
        calls.append(Call(value, rank_, tuple(r.item for r in group)))
    return tuple(calls)
