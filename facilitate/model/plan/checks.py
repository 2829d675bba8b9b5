"""Checks that relate a plan's fields to each other and to the method library.

Each problem names its own field (an :class:`~facilitate.model.method_checks.Issue`), so the
library can locate it in the file. Parameter overrides are checked against the method's own
parameters exactly as ``--param`` is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitate.model.expand import build_timeline
from facilitate.model.method import Method
from facilitate.model.method_checks import (
    Issue,
    did_you_mean,
    parameter_limits,
    parameter_value_problem,
)
from facilitate.model.params import params_from_json
from facilitate.model.plan.document import Block, Plan

Path = tuple[str | int, ...]
_VALUE_KEYS = {
    "v.param_number": "plan.v.param_number",
    "v.param_text": "plan.v.param_text",
    "v.param_texts": "plan.v.param_texts",
    "v.text_control": "plan.v.text_control",
}
"""The method file's messages speak of a parameter's default; a plan's speak of its value."""


def check_plan(plan: Plan, methods: Mapping[str, Method]) -> list[Issue]:
    """Every cross-field problem of ``plan``; an empty list means it can be scheduled."""
    issues: list[Issue] = []
    if plan.end is not None and plan.end <= plan.start:
        issues.append(Issue(("end",), "plan.v.end_before_start", {}))
    seen: dict[str, Path] = {}
    for i, block in enumerate(plan.blocks):
        issues += _check_block(block, ("blocks", i), methods, seen, in_track=False)
    return issues


def _check_block(
    block: Block,
    path: Path,
    methods: Mapping[str, Method],
    seen: dict[str, Path],
    *,
    in_track: bool,
) -> list[Issue]:
    kinds = [k for k in ("method", "item", "parallel") if getattr(block, k) is not None]
    if len(kinds) != 1:
        return [Issue(path, "plan.v.block_kind", {})]
    issues = _check_id(block, path, seen)
    if block.method is not None:
        method_issues = _check_method_block(block, path, methods)
        if method_issues:
            return issues + method_issues
    else:
        issues += _check_plain_block(block, path, kinds[0])
    if block.parallel is not None:
        if in_track:
            return [*issues, Issue((*path, "parallel"), "plan.v.nested_parallel", {})]
        for j, track in enumerate(block.parallel):
            for k, inner in enumerate(track.blocks):
                inner_path = (*path, "parallel", j, "blocks", k)
                issues += _check_block(inner, inner_path, methods, seen, in_track=True)
    if in_track and block.at is not None:
        issues.append(Issue((*path, "at"), "plan.v.anchor_in_track", {}))
    issues += _check_flexibility(block, path, methods)
    return issues


def _check_id(block: Block, path: Path, seen: dict[str, Path]) -> list[Issue]:
    if block.id is None:
        return []
    if block.id in seen:
        return [Issue((*path, "id"), "plan.v.duplicate_block", {"id": block.id})]
    seen[block.id] = path
    return []


def _check_plain_block(block: Block, path: Path, kind: str) -> list[Issue]:
    issues = []
    if block.title is None:
        issues.append(Issue((*path, "title"), "plan.v.needs_title", {}))
    if kind == "item" and block.minutes is None:
        issues.append(Issue((*path, "minutes"), "plan.v.needs_minutes", {}))
    if kind == "parallel" and block.minutes is not None:
        issues.append(Issue((*path, "minutes"), "plan.v.parallel_minutes", {}))
    if block.params:
        issues.append(Issue((*path, "params"), "plan.v.params_need_method", {}))
    return issues


def _check_method_block(block: Block, path: Path, methods: Mapping[str, Method]) -> list[Issue]:
    method = methods.get(str(block.method))
    if method is None:
        name = str(block.method)
        hint = did_you_mean(name, methods)
        params: dict[str, Any] = {"name": name, "hint": hint}
        if not hint:
            params["options"] = sorted(methods)
        return [Issue((*path, "method"), "plan.v.unknown_method", params)]
    issues = param_issues(method, block.params, (*path, "params"))
    if issues:
        return issues
    if block.minutes is None and any(s.seconds is None for s in build_timeline(method)):
        issues.append(Issue((*path, "minutes"), "plan.v.method_needs_minutes", {}))
    return issues


def param_issues(method: Method, overrides: Mapping[str, Any], path: Path) -> list[Issue]:
    """Problems of parameter ``overrides`` (values as written in YAML) for ``method``."""
    issues = []
    limits = parameter_limits(method)
    for key, value in overrides.items():
        param = method.parameters.get(key)
        if param is None:
            hint = did_you_mean(key, method.parameters)
            extra: dict[str, Any] = {"hint": hint} if hint else {"options": list(method.parameters)}
            issues.append(Issue((*path, key), "plan.v.unknown_param", {"name": key, **extra}))
            continue
        limit = limits[key][1] if key in limits else None
        problem = parameter_value_problem(param, value, limit)
        if problem:
            key_name = _VALUE_KEYS.get(problem[0], problem[0])
            issues.append(Issue((*path, key), key_name, {"type": param.type, **problem[1]}))
    return issues


def method_values(method: Method, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The parameter values of a method block: defaults overlaid with checked overrides."""
    return params_from_json(method, dict(overrides))


def natural_seconds(block: Block, methods: Mapping[str, Method]) -> float | None:
    """A block's planned length as written (or from its method); None for parallel blocks."""
    if block.minutes is not None:
        return block.minutes * 60
    if block.method is not None:
        method = methods[block.method]
        timeline = build_timeline(method, method_values(method, block.params))
        return sum(s.seconds or 0.0 for s in timeline)
    return None


def is_flexible(block: Block) -> bool:
    """``flexible`` as written; by default method blocks may be shortened and items may not."""
    return block.flexible if block.flexible is not None else block.method is not None


def _check_flexibility(block: Block, path: Path, methods: Mapping[str, Method]) -> list[Issue]:
    if block.min_minutes is None:
        return []
    if not is_flexible(block):
        return [Issue((*path, "min_minutes"), "plan.v.min_needs_flexible", {})]
    if block.parallel is not None:
        return []
    seconds = natural_seconds(block, methods)
    if seconds is not None and block.min_minutes * 60 > seconds + 1e-9:
        minutes = round(seconds / 60, 1)
        limit = {"min": _plain(block.min_minutes), "minutes": _plain(minutes)}
        return [Issue((*path, "min_minutes"), "plan.v.min_above_length", limit)]
    return []


def _plain(number: float) -> float | int:
    return int(number) if float(number).is_integer() else number
