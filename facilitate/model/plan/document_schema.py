"""The plan file's schema: what a plan file may declare, checked by pydantic_core.

:func:`validate_plan` gives what validated as the records of
:mod:`facilitate.model.plan.document`, whose fields are the schema's (see
:mod:`facilitate.model.core_records`).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from pydantic_core import PydanticCustomError, SchemaValidator
from pydantic_core import core_schema as cs

from facilitate.model.core_records import custom, record, validator
from facilitate.model.file_shapes import ident, one_line, optional, schema_version, text
from facilitate.model.method import MAX_STEP_MINUTES
from facilitate.model.plan.clocktime import parse_clock
from facilitate.model.plan.document import ITEM_KINDS, PLAN_SCHEMA_VERSION, Block, Plan, Track

TIMEZONE_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"


def _to_clock(value: Any) -> float:
    if isinstance(value, str) and (seconds := parse_clock(value)) is not None:
        return seconds
    raise PydanticCustomError("plan_clock", "expected a clock time such as '09:30' or '09.30'")


def _clock() -> cs.CoreSchema:
    return custom(
        _to_clock,
        {
            "type": "string",
            "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$",
            "description": "A clock time of the day: '09:30' or '09.30'.",
        },
    )


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("plan_date", "expected a date YYYY-MM-DD, e.g. 2014-03-11")


def _minutes() -> cs.CoreSchema:
    updates = {"description": "Minutes."}
    return cs.float_schema(gt=0, le=MAX_STEP_MINUTES, metadata={"pydantic_js_updates": updates})


def _block() -> cs.CoreSchema:
    shapes = {
        "id": optional(ident()),
        "method": optional(ident()),
        "item": optional(cs.literal_schema(list(ITEM_KINDS))),
        "parallel": optional(cs.list_schema(cs.definition_reference_schema("Track"), min_length=1)),
        "title": optional(text()),
        "minutes": optional(_minutes()),
        "at": optional(_clock()),
        "flexible": optional(cs.bool_schema()),
        "min_minutes": optional(_minutes()),
        "params": cs.dict_schema(ident(), cs.any_schema()),
        "presenter": optional(one_line()),
        "responsible": optional(one_line()),
        "room": optional(one_line()),
        "notes": optional(text()),
    }
    return record(Block, shapes)


def _track() -> cs.CoreSchema:
    shapes = {
        "title": text(),
        "room": optional(one_line()),
        "presenter": optional(one_line()),
        "blocks": cs.list_schema(cs.definition_reference_schema("Block"), min_length=1),
    }
    return record(Track, shapes)


@cache
def plan_schema() -> cs.CoreSchema:
    """The schema of a plan file."""
    timezone = cs.str_schema(
        pattern=TIMEZONE_PATTERN,
        metadata={
            "pydantic_js_updates": {
                "description": "IANA time zone of the place, e.g. Europe/Stockholm."
            }
        },
    )
    date = custom(_to_date, {"type": "string", "format": "date", "description": "YYYY-MM-DD"})
    shapes = {
        "schema_version": schema_version(PLAN_SCHEMA_VERSION),
        "id": ident(),
        "title": text(),
        "date": optional(date),
        "place": optional(one_line()),
        "language": cs.literal_schema(["sv", "en"]),
        "timezone": timezone,
        "start": _clock(),
        "end": optional(_clock()),
        "organiser": optional(one_line()),
        "notes": optional(text()),
        "blocks": cs.list_schema(cs.definition_reference_schema("Block"), min_length=1),
    }
    return cs.definitions_schema(record(Plan, shapes), [_block(), _track()])


@cache
def _validator() -> SchemaValidator:
    return validator(plan_schema())


def validate_plan(data: Any) -> Plan:
    """The plan that ``data`` (a plan file's mapping) declares, as records; raises
    pydantic_core's ``ValidationError``."""
    plan: Plan = _validator().validate_python(data)
    return plan
