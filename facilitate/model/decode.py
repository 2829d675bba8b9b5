"""Checked decoding of an event's recorded data: every field's type, per event type.

:func:`decode_event` turns the ``type`` and ``data`` of a journal record into its event, or
raises :class:`EventDataError` naming the one field that does not fit. The checks are read
once from the events' annotations (``Index``, ``Seconds | None``, ``dict[str, str]`` ...), so
a new field cannot go unchecked, and each check is a plain type test (about 2 µs a record).
Numbers are bounded (:data:`MAX_SECONDS`, :data:`MAX_COUNT`), so no sum of them overflows.

Fields an event does not declare are ignored (a later minor version may add some); a
missing field with a default takes the default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args

from facilitate.model.events import EVENT_TYPES, Event, StepOutcome, StopReason

Check = Callable[[Any], bool]
DecodeProblem = Literal["unknown_type", "missing", "invalid"]


class EventDataError(ValueError):
    """A record's data does not make its event: ``field`` names what (``type`` for the type)."""

    def __init__(self, type_name: str, field: str, problem: DecodeProblem) -> None:
        super().__init__(f"{type_name}: {field}: {problem}")
        self.type_name = type_name
        self.field = field
        self.problem = problem


MAX_COUNT = 1_000_000
"""The largest index, round or count a journal may hold."""
MAX_SECONDS = 1e9
"""The largest number of seconds (either sign) a journal may hold: about 31 years."""
MAX_SPEED = 1e6


def _natural(value: Any) -> bool:
    return 0 <= value <= MAX_COUNT


def _positive(value: Any) -> bool:
    return 1 <= value <= MAX_COUNT


def _seconds(value: Any) -> bool:
    return -MAX_SECONDS <= value <= MAX_SECONDS  # NaN: False


def _speed(value: Any) -> bool:
    return 0 < value <= MAX_SPEED


def _not_empty(value: Any) -> bool:
    return value != ""


_ONLY_STR = frozenset({str})


def _str_values(value: Any) -> bool:
    return not value or set(map(type, value.values())) <= _ONLY_STR


def _str_items(value: Any) -> bool:
    return not value or set(map(type, value)) <= _ONLY_STR


def _one_of(options: tuple[str, ...]) -> Check:
    return frozenset(options).__contains__


_NUMBER = frozenset({int, float})
_ANY_JSON: frozenset[type] = frozenset({str, int, float, bool, dict, list, type(None)})

# annotation -> (the types a value may have, a further check or None)
_CHECKS: dict[str, tuple[frozenset[type], Check | None]] = {
    "int": (frozenset({int}), None),
    "Index": (frozenset({int}), _natural),
    "Count": (frozenset({int}), _natural),
    "RoundNumber": (frozenset({int}), _positive),
    "float": (_NUMBER, _seconds),
    "Seconds": (_NUMBER, _seconds),
    "Speed": (_NUMBER, _speed),
    "str": (frozenset({str}), None),
    "EntryId": (frozenset({str}), _not_empty),
    "RunId": (frozenset({str}), _not_empty),
    "bool": (frozenset({bool}), None),
    "dict[str, Any]": (frozenset({dict}), None),
    "dict[str, str]": (frozenset({dict}), _str_values),
    "list[str]": (frozenset({list}), _str_items),
    "Any": (_ANY_JSON, None),
    "StepOutcome": (frozenset({str}), _one_of(get_args(StepOutcome))),
    "StopReason": (frozenset({str}), _one_of(get_args(StopReason))),
}
_NONE = type(None)

_FieldSpec = tuple[str, frozenset[type], Check | None, bool]
"""A field's name, the types its value may have, a further check, and whether it is required."""


def _spec_of(field: dataclasses.Field[Any]) -> _FieldSpec:
    """The check of one field from its annotation; ``X | None`` also accepts None."""
    annotation = str(field.type)
    optional = annotation.endswith(" | None")
    types, check = _CHECKS[annotation.removesuffix(" | None")]
    if optional:
        types = types | {_NONE}
    missing = dataclasses.MISSING
    required = field.default is missing and field.default_factory is missing
    return field.name, types, check, required


_EventSpec = tuple[type[Event], frozenset[str], tuple[_FieldSpec, ...]]
_SPECS: dict[str, _EventSpec] = {}
"""Each event type's class, field names and checks, made on the first event of the type."""
_MISSING = object()


def _event_spec(type_name: str) -> _EventSpec | None:
    found = _SPECS.get(type_name)
    if found is None and (cls := EVENT_TYPES.get(type_name)) is not None:
        fields = dataclasses.fields(cls)
        found = (cls, frozenset(f.name for f in fields), tuple(_spec_of(f) for f in fields))
        _SPECS[type_name] = found
    return found


def decode_event(type_name: str, data: Mapping[str, Any]) -> Event:
    """The event ``type_name`` with ``data``; :class:`EventDataError` for a field that is wrong.

    An unknown ``type_name`` raises it with the field ``type`` and the problem ``unknown_type``.
    """
    found = _event_spec(type_name)
    if found is None:
        raise EventDataError(type_name, "type", "unknown_type")
    cls, names, specs = found
    for name, types, check, required in specs:
        value = data.get(name, _MISSING)
        if value is _MISSING:
            if required:
                raise EventDataError(type_name, name, "missing")
        elif type(value) not in types or (
            check is not None and value is not None and not check(value)
        ):
            raise EventDataError(type_name, name, "invalid")
    if names.issuperset(data):
        return cls(**data)
    return cls(**{name: value for name, value in data.items() if name in names})
