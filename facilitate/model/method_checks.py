"""Checks that relate a method's fields to each other, each naming the field it is about."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import field
from typing import Any

from facilitate.model.close_names import did_you_mean
from facilitate.model.method import MAX_STEP_MINUTES, Collect, Method, Parameter, Step
from facilitate.model.text_rules import describe_char, first_control
from facilitate.records import Record

BUILTIN_DIMENSIONS = ("round", "step")
MAX_REPEAT = 50
"""Most rounds a step repeats (``repeat``) or a scoring rule has (``rounds``)."""
MAX_POINTS = 1000
MAX_DOTS = 100
MAX_DIMENSION_VALUES = 100
"""Most numbered values a dimension takes from an integer parameter."""
USE_LIMITS: dict[str, float] = {
    "repeat": MAX_REPEAT,
    "rounds": MAX_REPEAT,
    "points": MAX_POINTS,
    "dots": MAX_DOTS,
    "minutes": MAX_STEP_MINUTES,
    "values": MAX_DIMENSION_VALUES,
}
"""The largest value each use of a parameter takes: what a parameter sets bounds it too."""
SCORING_FIELDS = ("points", "rounds", "scale", "dots", "per", "fields", "links")
ALLOWED_FIELDS: dict[str, tuple[str, ...]] = {
    "pair_split": ("points", "rounds"),
    "rating": ("scale", "rounds"),
    "dots": ("dots", "per"),
    "entry": ("fields",),
    "theme": ("links",),
}
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "pair_split": ("points", "rounds"),
    "rating": ("scale", "rounds"),
    "dots": ("dots",),
    "entry": ("fields",),
}

Path = tuple[str | int, ...]


class Issue(Record):
    """A problem at ``path`` in the method file; ``key`` names the message in the catalogue."""

    path: Path
    key: str
    params: dict[str, Any] = field(default_factory=dict)


def _unknown(path: Path, what: str, name: str, options: Iterable[str]) -> Issue:
    options = list(options)
    return Issue(
        path,
        "v.unknown_reference",
        {"what": what, "name": name, "hint": did_you_mean(name, options), "options": options},
    )


def check_method(method: Method) -> list[Issue]:
    """Every cross-field problem in ``method``; an empty list means it is valid."""
    issues: list[Issue] = []
    issues += _check_group_size(method)
    issues += _check_parameters(method)
    issues += _check_dimensions(method)
    issues += _duplicates([r.id for r in method.roles], ("roles",), "role")
    issues += _duplicates([s.id for s in method.steps], ("steps",), "step")
    role_ids = [r.id for r in method.roles]
    for i, step in enumerate(method.steps):
        issues += _check_step(method, step, ("steps", i), role_ids)
    return issues


def _duplicates(ids: list[str], base: Path, what: str) -> list[Issue]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(ids):
        if item in seen:
            out.append(Issue((*base, i, "id"), "v.duplicate_id", {"what": what, "id": item}))
        seen.add(item)
    return out


def _check_group_size(method: Method) -> list[Issue]:
    size = method.group_size
    if size.max is not None and size.max < size.min:
        return [Issue(("group_size", "max"), "v.min_above_max", {"min": size.min, "max": size.max})]
    return []


def _check_parameters(method: Method) -> list[Issue]:
    issues = []
    limits = parameter_limits(method)
    for pid, param in method.parameters.items():
        base: Path = ("parameters", pid)
        if param.min is not None and param.max is not None and param.min > param.max:
            issues.append(
                Issue((*base, "max"), "v.min_above_max", {"min": param.min, "max": param.max})
            )
        problem = parameter_value_problem(param, param.default)
        if problem:
            issues.append(Issue((*base, "default"), problem[0], problem[1]))
        if pid in limits and param.type in ("integer", "minutes"):
            issues += _over_limit(param, base, *limits[pid])
    return issues


def _over_limit(param: Parameter, base: Path, use: str, limit: float) -> list[Issue]:
    """A parameter's bounds and default may not pass what the field it sets allows."""
    issues = []
    for name in ("min", "max", "default"):
        value = getattr(param, name)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > limit:
            params = {"value": value, "use": use, "limit": limit}
            issues.append(Issue((*base, name), "v.param_use_limit", params))
    return issues


def parameter_limits(method: Method) -> dict[str, tuple[str, float]]:
    """Parameter id -> (use, largest value) for every parameter that sets a bounded field.

    A parameter used in several places takes the smallest of their limits.
    """
    uses: list[tuple[Any, str]] = []
    for step in method.steps:
        uses += [(step.minutes, "minutes"), (step.repeat, "repeat")]
        for c in step.collect:
            uses += [(c.rounds, "rounds"), (c.points, "points"), (c.dots, "dots")]
    uses += [(d.from_parameter, "values") for d in method.dimensions.values()]
    limits: dict[str, tuple[str, float]] = {}
    for value, use in uses:
        if isinstance(value, str) and value in method.parameters:
            known = limits.get(value)
            if known is None or USE_LIMITS[use] < known[1]:
                limits[value] = (use, USE_LIMITS[use])
    return limits


def parameter_value_problem(
    param: Parameter, value: Any, limit: float | None = None
) -> tuple[str, dict[str, Any]] | None:
    """Why ``value`` does not fit ``param`` (message key and values), or None.

    ``limit`` is the largest value the field the parameter sets allows (see
    :func:`parameter_limits`); it bounds the range like the parameter's own ``max``.
    """
    if param.type in ("integer", "minutes"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "v.param_number", {"type": param.type}
        if isinstance(value, float) and not math.isfinite(value):
            return "v.finite_number", {"got": repr(value)}
        if param.type == "integer" and value != int(value):
            return "v.param_number", {"type": param.type}
        low = param.min if param.min is not None else (0.1 if param.type == "minutes" else 0)
        high = param.max if param.max is not None else MAX_STEP_MINUTES
        high = min(high, limit) if limit is not None else high
        if not low <= value <= high:
            return "v.out_of_range", {"value": value, "min": low, "max": high}
        return None
    texts = [value] if param.type == "text" else value
    if isinstance(texts, list) and (control := _control_in(texts)):
        return "v.text_control", {"char": control}
    if param.type == "text":
        return None if _is_text(value) else ("v.param_text", {})
    if not isinstance(value, list) or not value or not all(_is_text(v) for v in value):
        return "v.param_texts", {}
    return None


def _control_in(texts: list[Any]) -> str:
    """The first control character in these texts (strings or {sv, en}), described; or ""."""
    for text in texts:
        parts = text.values() if isinstance(text, dict) else [text]
        for part in parts:
            found = first_control(part) if isinstance(part, str) else None
            if found is not None:
                return describe_char(found[1])
    return ""


def _is_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return (
        isinstance(value, dict)
        and bool(value)
        and set(value) <= {"sv", "en"}
        and all(isinstance(v, str) and v.strip() for v in value.values())
    )


def _check_dimensions(method: Method) -> list[Issue]:
    issues = []
    for did, dim in method.dimensions.items():
        base: Path = ("dimensions", did)
        if did in BUILTIN_DIMENSIONS:
            issues.append(Issue(base, "v.builtin_dimension", {"id": did}))
        if dim.values is not None and dim.from_parameter is not None:
            issues.append(Issue((*base, "from_parameter"), "v.values_and_parameter", {}))
        if dim.values is not None:
            issues += _duplicates([c.id for c in dim.values], (*base, "values"), "value")
        if dim.from_parameter is not None:
            issues += _param_ref(
                method, dim.from_parameter, (*base, "from_parameter"), ("texts", "integer")
            )
    return issues


def _param_ref(method: Method, name: str, path: Path, types: tuple[str, ...]) -> list[Issue]:
    param = method.parameters.get(name)
    if param is None:
        return [_unknown(path, "parameter", name, method.parameters)]
    if param.type not in types:
        return [Issue(path, "v.param_kind", {"name": name, "types": " | ".join(types)})]
    return []


def _amount(
    method: Method, value: Any, path: Path, low: float, high: float, types: tuple[str, ...]
) -> list[Issue]:
    """Check a number-or-parameter field against [low, high]."""
    if isinstance(value, str):
        return _param_ref(method, value, path, types)
    if not low <= value <= high:
        return [Issue(path, "v.out_of_range", {"value": value, "min": low, "max": high})]
    if "minutes" not in types and value != int(value):
        return [Issue(path, "v.whole_number", {"value": value})]
    return []


def _check_step(method: Method, step: Step, base: Path, role_ids: list[str]) -> list[Issue]:
    issues: list[Issue] = []
    if step.minutes is None and step.until is None:
        issues.append(Issue((*base, "minutes"), "v.step_needs_time", {}))
    if step.minutes is not None and step.until is not None:
        issues.append(Issue((*base, "until"), "v.minutes_and_until", {}))
    if step.minutes is not None:
        issues += _amount(
            method, step.minutes, (*base, "minutes"), 0.1, MAX_STEP_MINUTES, ("minutes", "integer")
        )
    if step.repeat is not None:
        issues += _amount(method, step.repeat, (*base, "repeat"), 1, MAX_REPEAT, ("integer",))
    if isinstance(step.round_texts, str):
        issues += _param_ref(method, step.round_texts, (*base, "round_texts"), ("texts",))
    elif (
        step.round_texts is not None
        and isinstance(step.repeat, int)
        and step.repeat != len(step.round_texts)
    ):
        counts = {"texts": len(step.round_texts), "repeat": step.repeat}
        issues.append(Issue((*base, "round_texts"), "v.round_texts_count", counts))
    for j, role in enumerate(step.roles):
        if role not in role_ids:
            issues.append(_unknown((*base, "roles", j), "role", role, role_ids))
    for j, collect in enumerate(step.collect):
        issues += _check_collect(method, collect, (*base, "collect", j))
    from facilitate.model.method_room import check_room  # it builds on this module

    issues += check_room(method, step, base)
    return issues


def _check_collect(method: Method, collect: Collect, base: Path) -> list[Issue]:
    issues: list[Issue] = []
    dims = [*method.dimensions, *BUILTIN_DIMENSIONS]
    for j, dim in enumerate(collect.along):
        if dim not in dims:
            issues.append(_unknown((*base, "along", j), "dimension", dim, dims))
    if collect.per is not None and collect.per not in method.dimensions:
        issues.append(_unknown((*base, "per"), "dimension", collect.per, method.dimensions))
    allowed = ALLOWED_FIELDS.get(collect.kind, ())
    for name in SCORING_FIELDS:
        if getattr(collect, name) is not None and name not in allowed:
            issues.append(Issue((*base, name), "v.field_not_for_kind", {"kind": collect.kind}))
    for name in REQUIRED_FIELDS.get(collect.kind, ()):
        if getattr(collect, name) is None:
            issues.append(Issue((*base, name), "v.kind_needs_field", {"kind": collect.kind}))
    if collect.points is not None and "points" in allowed:
        issues += _amount(method, collect.points, (*base, "points"), 1, MAX_POINTS, ("integer",))
    if collect.rounds is not None and "rounds" in allowed:
        issues += _amount(method, collect.rounds, (*base, "rounds"), 1, MAX_REPEAT, ("integer",))
    if collect.dots is not None and "dots" in allowed:
        issues += _amount(method, collect.dots, (*base, "dots"), 1, MAX_DOTS, ("integer",))
    if collect.scale is not None and "scale" in allowed:
        scale = collect.scale
        if len(scale) != 2 or scale[0] < 0 or scale[0] >= scale[1]:
            issues.append(Issue((*base, "scale"), "v.scale", {"scale": scale}))
    if collect.fields is not None and "fields" in allowed:
        if not collect.fields:
            issues.append(Issue((*base, "fields"), "v.kind_needs_field", {"kind": collect.kind}))
        issues += _duplicates([f.id for f in collect.fields], (*base, "fields"), "field")
    return issues
