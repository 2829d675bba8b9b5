"""What a plan file declares: a day's programme of blocks, validated by pydantic.

Field checks (types, ranges, unknown keys) live here; checks that relate fields to each other
or to the method library live in :mod:`facilitate.model.plan.checks`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from facilitate.model.method import MAX_STEP_MINUTES
from facilitate.model.method_schema import BiText, CleanStr, Id, Strict
from facilitate.model.plan.clocktime import parse_clock

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


def _to_clock(value: Any) -> float:
    if isinstance(value, str) and (seconds := parse_clock(value)) is not None:
        return seconds
    raise PydanticCustomError("plan_clock", "expected a clock time such as '09:30' or '09.30'")


ClockTime = Annotated[
    float,
    PlainValidator(_to_clock),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$",
            "description": "A clock time of the day: '09:30' or '09.30'.",
        }
    ),
]


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("plan_date", "expected a date YYYY-MM-DD, e.g. 2014-03-11")


PlanDate = Annotated[
    dt.date,
    PlainValidator(_to_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "YYYY-MM-DD"}),
]
Minutes = Annotated[float, Field(gt=0, le=MAX_STEP_MINUTES, description="Minutes.")]


class Block(Strict):
    """One part of the day: a method (``method``), a simple item (``item``) or ``parallel``
    tracks. ``at`` fixes its clock time (an anchor); ``flexible`` blocks may be shortened
    down to ``min_minutes`` when the day runs late."""

    id: Id | None = None
    method: Id | None = None
    item: ItemKind | None = None
    parallel: list[Track] | None = Field(default=None, min_length=1)
    title: BiText | None = None
    minutes: Minutes | None = None
    at: ClockTime | None = None
    flexible: bool | None = None
    min_minutes: Minutes | None = None
    params: dict[Id, Any] = Field(default_factory=dict)
    presenter: CleanStr | None = None
    responsible: CleanStr | None = None
    room: CleanStr | None = None
    notes: BiText | None = None


class Track(Strict):
    """One of several things happening at once (a mini-seminar in a room of its own)."""

    title: BiText
    room: CleanStr | None = None
    presenter: CleanStr | None = None
    blocks: list[Block] = Field(min_length=1)


class Plan(Strict):
    """A workshop day as declared in a plan file."""

    schema_version: int
    id: Id
    title: BiText
    date: PlanDate | None = None
    place: CleanStr | None = None
    language: Literal["sv", "en"] = "sv"
    timezone: str = Field(
        default="Europe/Stockholm",
        pattern=r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
        description="IANA time zone of the place, e.g. Europe/Stockholm.",
    )
    start: ClockTime
    end: ClockTime | None = None
    organiser: CleanStr | None = None
    notes: BiText | None = None
    blocks: list[Block] = Field(min_length=1)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != PLAN_SCHEMA_VERSION:
            raise PydanticCustomError(
                "schema_version",
                "this version of facilitate reads schema_version {expected}, got {got}",
                {"expected": PLAN_SCHEMA_VERSION, "got": value},
            )
        return value


Block.model_rebuild()
