"""The method file's schema: what a method file may declare, checked by pydantic_core.

Field-level checks (types, ranges, unknown keys) live in these shapes; checks that relate
fields to each other (references to roles, parameters and dimensions; scoring rules) live
in :mod:`facilitate.model.method_checks` so that every problem can name its own field.
:func:`validate_method` gives what validated as the plain records of
:mod:`facilitate.model.method`, whose fields are the schema's (see
:mod:`facilitate.model.core_records`).
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from pydantic_core import PydanticCustomError, SchemaValidator
from pydantic_core import core_schema as cs

from facilitate.model import method as records
from facilitate.model.core_records import custom, record, validator
from facilitate.model.entry_kinds import ENTRY_KINDS
from facilitate.model.file_shapes import ident, one_line, optional, schema_version, text
from facilitate.model.method import ID_PATTERN, MAX_STEP_MINUTES, SCHEMA_VERSION

_ID_RE = re.compile(ID_PATTERN)
_CLOCK_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_DURATION_RE = re.compile(r"^(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$")
_STEP = (
    "One step of a method. ``repeat`` makes rounds; ``round_texts`` gives each round its text."
    "\n\n``phases`` divide each round's time (see :class:`Phase`); ``show`` names what the room\n"
    "sees during the step besides its texts: text parameters (the question) and dimensions\n"
    "with their values and prompts (the stories, the lenses)."
)
"""A step as its file declares it (the record's docstring also says what the code keeps)."""


def _to_seconds(value: Any) -> float:
    if isinstance(value, bool):
        raise PydanticCustomError("duration", "expected a duration such as 120, '2m' or '30s'")
    if isinstance(value, int | float):
        _finite(value)
        seconds = float(value)
    elif isinstance(value, str) and value.strip() and (m := _DURATION_RE.match(value.strip())):
        seconds = float(int(m.group(1) or 0) * 60 + int(m.group(2) or 0))
    else:
        raise PydanticCustomError("duration", "expected a duration such as 120, '2m' or '30s'")
    if seconds <= 0 or seconds > MAX_STEP_MINUTES * 60:
        raise PydanticCustomError(
            "warning_range", "expected a warning between 1 second and 12 hours before the end"
        )
    return seconds


def _finite(value: int | float) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "expected a finite number")


def _to_amount(value: Any) -> int | float | str:
    """A number, or the id of a parameter that supplies it."""
    if isinstance(value, bool):
        raise PydanticCustomError("amount", "expected a number or the name of a parameter")
    if isinstance(value, int | float):
        _finite(value)
        return value
    if isinstance(value, str) and _ID_RE.match(value):
        return value
    raise PydanticCustomError("amount", "expected a number or the name of a parameter")


def _amount() -> cs.CoreSchema:
    return custom(
        _to_amount,
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": ID_PATTERN}],
            "description": "A number, or the id of a parameter that supplies it.",
        },
    )


def _warning() -> cs.CoreSchema:
    return custom(
        _to_seconds,
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\d+m?\s*\d*s?$"}],
            "description": "Seconds before the end (120) or a duration ('2m', '30s').",
        },
    )


def _kind() -> cs.CoreSchema:
    return cs.literal_schema(list(ENTRY_KINDS))


def _choice() -> cs.CoreSchema:
    return record(records.Choice, {"id": ident(), "label": text(), "prompt": optional(text())})


def _dimension() -> cs.CoreSchema:
    shapes = {
        "label": text(),
        "values": optional(cs.list_schema(_choice())),
        "from_parameter": optional(ident()),
    }
    return record(records.Dimension, shapes)


def _parameter() -> cs.CoreSchema:
    shapes = {
        "type": cs.literal_schema(["integer", "minutes", "text", "texts"]),
        "label": text(),
        "default": cs.any_schema(),
        "help": optional(text()),
        "min": optional(cs.float_schema()),
        "max": optional(cs.float_schema()),
    }
    return record(records.Parameter, shapes)


def _group_size() -> cs.CoreSchema:
    shapes = {
        "min": cs.int_schema(ge=1, le=100_000),
        "max": optional(cs.int_schema(ge=1, le=100_000)),
        "note": optional(text()),
    }
    return record(records.GroupSize, shapes)


def _collect() -> cs.CoreSchema:
    entry_field = record(records.EntryField, {"id": ident(), "label": text()})
    shapes = {
        "kind": _kind(),
        "along": cs.list_schema(ident()),
        "prompt": optional(text()),
        "points": optional(_amount()),
        "rounds": optional(_amount()),
        "scale": optional(cs.list_schema(cs.int_schema())),
        "dots": optional(_amount()),
        "per": optional(ident()),
        "fields": optional(cs.list_schema(entry_field)),
        "links": optional(_kind()),
    }
    return record(records.Collect, shapes)


def _clock(value: str | None) -> str | None:
    if value is not None and not _CLOCK_RE.match(value):
        raise PydanticCustomError("clock", "expected a clock time HH:MM, e.g. '12:30'")
    return value


def _step() -> cs.CoreSchema:
    exercise = record(records.Exercise, {"name": text(), "description": text()})
    phase = record(
        records.Phase,
        {
            "id": ident(),
            "title": text(),
            "minutes": optional(_amount()),
            "instructions": optional(text()),
        },
    )
    shapes = {
        "id": ident(),
        "title": text(),
        "instructions": text(),
        "minutes": optional(_amount()),
        "until": cs.no_info_after_validator_function(_clock, optional(cs.str_schema())),
        "repeat": optional(_amount()),
        "round_texts": optional(cs.union_schema([cs.list_schema(text()), ident()])),
        "roles": cs.list_schema(ident()),
        "warnings": optional(cs.list_schema(_warning())),
        "collect": cs.list_schema(_collect()),
        "exercises": cs.list_schema(exercise),
        "phases": optional(cs.list_schema(phase)),
        "show": cs.list_schema(ident()),
    }
    return record(records.Step, shapes, description=_STEP)


@cache
def method_schema() -> cs.CoreSchema:
    """The schema of a method file."""
    role = record(records.Role, {"id": ident(), "name": text(), "task": optional(text())})
    source = record(records.Source, {"title": one_line(min_length=1), "url": optional(one_line())})
    shapes = {
        "schema_version": schema_version(SCHEMA_VERSION),
        "id": ident(),
        "name": text(),
        "summary": text(),
        "purpose": text(),
        "group_size": _group_size(),
        "roles": cs.list_schema(role, min_length=1),
        "materials": cs.list_schema(text()),
        "attribution": optional(text()),
        "sources": cs.list_schema(source),
        "licence": optional(one_line()),
        "tags": cs.list_schema(one_line()),
        "parameters": cs.dict_schema(ident(), _parameter()),
        "dimensions": cs.dict_schema(ident(), _dimension()),
        "warnings": cs.list_schema(_warning()),
        "steps": cs.list_schema(_step(), min_length=1),
    }
    return record(
        records.Method, shapes, description="A facilitation method as declared in a method file."
    )


@cache
def _validator() -> SchemaValidator:
    return validator(method_schema())


def validate_method(data: Any, context: dict[str, Any] | None = None) -> records.Method:
    """The method that ``data`` (a method file's mapping) declares, as plain records; raises
    pydantic_core's ``ValidationError``."""
    method: records.Method = _validator().validate_python(data, context=context)
    return method
