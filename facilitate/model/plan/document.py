"""What a plan file declares: a day's programme of blocks, as plain records.

:func:`facilitate.model.plan.document_schema.validate_plan` makes them from a plan file's data
(field checks: types, ranges, unknown keys); checks that relate fields to each other or to the
method library live in :mod:`facilitate.model.plan.checks`. Clock times are seconds since
midnight, lengths are minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Any, Literal

from facilitate.model.text import Text
from facilitate.records import Record

PLAN_SCHEMA_VERSION = 1
ITEM_KINDS = (
    "welcome",
    "talk",
    "presentation",
    "panel",
    "coffee",
    "lunch",
    "break",
    "closing",
    "other",
)
ItemKind = Literal[
    "welcome", "talk", "presentation", "panel", "coffee", "lunch", "break", "closing", "other"
]
CLOCK_FIELDS = ("start", "end", "at")
DEFAULT_TIMEZONE = "Europe/Stockholm"


class Block(Record):
    """One part of the day: a method (``method``), a simple item (``item``) or ``parallel``
    tracks. ``at`` fixes its clock time (an anchor); ``flexible`` blocks may be shortened
    down to ``min_minutes`` when the day runs late."""

    id: str | None = None
    method: str | None = None
    item: ItemKind | None = None
    parallel: list[Track] | None = None
    title: Text | None = None
    minutes: float | None = None
    at: float | None = None
    flexible: bool | None = None
    min_minutes: float | None = None
    params: dict[str, Any] = field(default_factory=dict)
    presenter: str | None = None
    responsible: str | None = None
    room: str | None = None
    notes: Text | None = None


class Track(Record, kw_only=True):
    """One of several things happening at once (a mini-seminar in a room of its own)."""

    title: Text
    room: str | None = None
    presenter: str | None = None
    blocks: list[Block]


class Plan(Record, kw_only=True):
    """A workshop day as declared in a plan file."""

    schema_version: int
    id: str
    title: Text
    date: dt.date | None = None
    place: str | None = None
    language: Literal["sv", "en"] = "sv"
    timezone: str = DEFAULT_TIMEZONE
    start: float
    end: float | None = None
    organiser: str | None = None
    notes: Text | None = None
    blocks: list[Block]
