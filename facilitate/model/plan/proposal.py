"""Re-planning when the day runs late: shorten the flexible blocks that remain.

The rules: only blocks not yet started and marked flexible are shortened; each loses the
same share of its length (a block that reaches its minimum stops there and the others take
the rest); no block goes below its minimum; anchors are never moved. Cuts are whole minutes.
The day is split at its anchors: the blocks before an anchor make up for lateness there,
and the end of the day is the last anchor.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from facilitate.model.plan.forecast import (
    Actual,
    AnchorOutlook,
    BlockForecast,
    Projection,
    actuals_by_key,
    project,
)
from facilitate.model.plan.programme import Programme
from facilitate.model.text import Text
from facilitate.records import Record

UNIT = 60.0
"""Cuts are whole minutes."""
THRESHOLD = 60.0
"""Less than a minute late is not worth a proposal."""
_EPS = 1e-6


class Cut(Record):
    """One block shortened from ``before`` to ``after`` seconds (never below ``minimum``)."""

    key: str
    title: Text
    before: float
    after: float
    minimum: float

    @property
    def saved(self) -> float:
        return self.before - self.after


class Proposal(Record):
    """Blocks to shorten, and how the anchors still ahead would then be reached."""

    cuts: tuple[Cut, ...]
    outcome: tuple[AnchorOutlook, ...]

    @property
    def lengths(self) -> dict[str, float]:
        """The new lengths, to merge into the runner's accepted lengths."""
        return {cut.key: cut.after for cut in self.cuts}

    @property
    def saved(self) -> float:
        return sum(cut.saved for cut in self.cuts)

    @property
    def still_late(self) -> tuple[AnchorOutlook, ...]:
        """Anchors that would be missed even so (every block before them at its minimum)."""
        return tuple(a for a in self.outcome if a.slack < -0.5)


class Replan(Record):
    """What a live runner asks for: the day as it now looks, and what to shorten."""

    projection: Projection
    proposal: Proposal | None


def replan(
    programme: Programme,
    actuals: Iterable[Actual],
    now: float,
    lengths: Mapping[str, float] | None = None,
    *,
    threshold: float = THRESHOLD,
) -> Replan:
    """The schedule now, given actual times so far and accepted ``lengths``, and a proposal
    (None when the day is on time, or nothing flexible is left to shorten)."""
    found = actuals_by_key(programme, actuals)
    accepted = dict(lengths or {})
    projection = project(programme, found, now, accepted)
    return Replan(projection, propose(programme, found, now, accepted, threshold=threshold))


def accept(lengths: Mapping[str, float], proposal: Proposal) -> dict[str, float]:
    """The runner's lengths after accepting ``proposal``."""
    return {**lengths, **proposal.lengths}


def propose(
    programme: Programme,
    actuals: Mapping[str, Actual],
    now: float,
    lengths: Mapping[str, float],
    *,
    threshold: float = THRESHOLD,
) -> Proposal | None:
    """Cuts that bring every anchor still ahead back on time, as far as minimums allow."""
    working = dict(lengths)
    cuts: dict[str, Cut] = {}
    targets = project(programme, actuals, now, working).anchors
    for index in range(len(targets)):
        projection = project(programme, actuals, now, working)
        target = projection.anchors[index]
        late = -target.slack
        if late < threshold:
            continue
        group = _group(projection, index)
        candidates = [(b.key, b.seconds, b.block.min_seconds) for b in group if b.block.flexible]
        for key, after in share_cut(candidates, late).items():
            block = programme.block(key)
            before = cuts[key].before if key in cuts else working.get(key, block.seconds)
            cuts[key] = Cut(key, block.title, before, after, block.min_seconds)
            working[key] = after
    if not cuts:
        return None
    outcome = project(programme, actuals, now, working).anchors
    order = [b.key for b in programme.blocks]
    return Proposal(tuple(sorted(cuts.values(), key=lambda c: order.index(c.key))), outcome)


def _group(projection: Projection, index: int) -> list[BlockForecast]:
    """The coming blocks that lead up to anchor ``index``: after the anchor before it."""
    keys = [b.key for b in projection.blocks]
    anchors = projection.anchors
    first = keys.index(anchors[index - 1].key or "") if index > 0 else 0
    target_key = anchors[index].key
    last = keys.index(target_key) if target_key is not None else len(keys)
    return [b for b in projection.blocks[first:last] if b.state == "coming"]


def share_cut(
    candidates: Sequence[tuple[str, float, float]], need: float, unit: float = UNIT
) -> dict[str, float]:
    """New lengths for ``candidates`` (key, length, minimum) that together give back ``need``
    seconds, rounded up to whole ``unit``s: proportional to each length, none below its
    minimum. Gives back as much as the minimums allow when that is less than ``need``."""
    rooms = {key: max(0.0, length - minimum) for key, length, minimum in candidates}
    lengths = {key: length for key, length, _ in candidates if rooms[key] > _EPS}
    total_room = sum(rooms.values())
    if need <= 0 or total_room <= _EPS:
        return {}
    target = min(math.ceil(need / unit - _EPS) * unit, total_room)
    if target >= total_room - _EPS:
        cuts = {key: rooms[key] for key in lengths}
    else:
        cuts = _whole_units(_proportional(lengths, rooms, target), rooms, target, unit)
    return {key: lengths[key] - cut for key, cut in cuts.items() if cut > _EPS}


def _proportional(
    lengths: Mapping[str, float], rooms: Mapping[str, float], target: float
) -> dict[str, float]:
    """Cut the same share of every length; a block out of room gives all it has."""
    order = sorted(lengths, key=lambda key: rooms[key] / lengths[key])
    remaining, weight = target, sum(lengths.values())
    cuts: dict[str, float] = {}
    for key in order:
        share = remaining / weight if weight > 0 else 0.0
        if share * lengths[key] >= rooms[key]:
            cuts[key] = rooms[key]
            remaining -= rooms[key]
            weight -= lengths[key]
        else:
            cuts[key] = share * lengths[key]
    return cuts


def _whole_units(
    cuts: Mapping[str, float], rooms: Mapping[str, float], target: float, unit: float
) -> dict[str, float]:
    """Round ``cuts`` to whole units that still add up to ``target`` (largest remainders)."""
    rounded = {key: math.floor(cut / unit + _EPS) * unit for key, cut in cuts.items()}
    spare = round((target - sum(rounded.values())) / unit)
    by_remainder = sorted(cuts, key=lambda key: rounded[key] - cuts[key])
    for key in by_remainder:
        if spare <= 0:
            break
        if rounded[key] + unit <= rooms[key] + _EPS:
            rounded[key] += unit
            spare -= 1
    return rounded
