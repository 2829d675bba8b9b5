"""A checked plan resolved against the method library: every block with its planned length.

This is what the schedule arithmetic works on; it no longer needs the method library, nor
the plan file's model: :mod:`facilitate.model.plan.resolve` makes it from a checked plan,
and a programme kept between commands reads back with this module alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from facilitate.model.text import Text
from facilitate.model.timeline import Segment
from facilitate.records import Record

Path = tuple[str | int, ...]


class PlannedTrack(Record):
    """One of a parallel block's tracks, with its blocks in order."""

    title: Text
    room: str | None
    presenter: str | None
    blocks: tuple[PlannedBlock, ...]

    @property
    def seconds(self) -> float:
        return sum(b.seconds for b in self.blocks)


class PlannedBlock(Record):
    """A block of the day: what it is, its planned length, its anchor and how far it may shrink.

    ``key`` is unique in the programme (the block's ``id``, else its position such as ``"3"``,
    or ``"6.2.1"`` inside a track). ``kind`` is ``"method"``, ``"parallel"`` or an item kind.
    ``segments`` is the method's own timeline (unscaled) for a method block.
    """

    key: str
    kind: str
    title: Text
    seconds: float
    anchor: float | None
    flexible: bool
    min_seconds: float
    path: Path
    method_id: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    segments: tuple[Segment, ...] = ()
    tracks: tuple[PlannedTrack, ...] = ()
    presenter: str | None = None
    responsible: str | None = None
    room: str | None = None
    notes: Text | None = None
    lists: tuple[tuple[Text, tuple[Text, ...]], ...] = ()
    """The lists of texts a method block's plan gives (its stories, its questions): label, texts."""


class Programme(Record):
    """A whole day: its facts and its blocks in order. Times are seconds since local midnight."""

    id: str
    title: Text
    date: dt.date | None
    place: str | None
    language: str
    timezone: str
    start: float
    end: float | None
    organiser: str | None
    notes: Text | None
    blocks: tuple[PlannedBlock, ...]

    def block(self, key: str) -> PlannedBlock:
        """The block (also inside a track) whose key is ``key``; KeyError when none is."""
        for block in self.all_blocks():
            if block.key == key:
                return block
        raise KeyError(key)

    def all_blocks(self) -> list[PlannedBlock]:
        """Every block, those inside tracks right after their parallel block."""
        found = []
        for block in self.blocks:
            found.append(block)
            found += [inner for track in block.tracks for inner in track.blocks]
        return found
