"""Checks of what a step shows the room (``show``) and of its timed ``phases``.

Phases divide a step's time: every phase but the last gives its ``minutes``; the last one
takes what is left (and any time added or taken away during the run). A step's length is
still its own ``minutes``, so plans, summaries and exports need not know about phases. The
phases before the last must leave it time even when the step is as short as it can be (a
``minutes`` parameter at its ``min``, phase parameters at their ``max``).
"""

from __future__ import annotations

from typing import Any

from facilitate.model.method import MAX_STEP_MINUTES, Method, Step
from facilitate.model.method_checks import Issue, Path, _amount, _duplicates, _unknown

SHOWN_PARAMETER_TYPES = ("text", "texts")
MIN_PHASES = 2


def check_room(method: Method, step: Step, base: Path) -> list[Issue]:
    """Problems with the step's ``show`` and ``phases`` (an empty list: none)."""
    return _check_show(method, step, base) + _check_phases(method, step, base)


def _check_show(method: Method, step: Step, base: Path) -> list[Issue]:
    issues: list[Issue] = []
    shown = [*method.parameters, *method.dimensions]
    issues += _duplicates(step.show, (*base, "show"), "shown")
    for j, name in enumerate(step.show):
        path = (*base, "show", j)
        if name in method.parameters:
            if method.parameters[name].type not in SHOWN_PARAMETER_TYPES:
                issues.append(Issue(path, "v.show_kind", {"name": name}))
        elif name in method.dimensions:
            dim = method.dimensions[name]
            if dim.values is None and dim.from_parameter is None:
                issues.append(Issue(path, "v.show_open_dimension", {"name": name}))
        else:
            issues.append(_unknown(path, "shown", name, shown))
    return issues


def _check_phases(method: Method, step: Step, base: Path) -> list[Issue]:
    phases = step.phases
    if phases is None:
        return []
    path: Path = (*base, "phases")
    if step.until is not None:
        return [Issue(path, "v.phases_until", {})]
    if len(phases) < MIN_PHASES:
        return [Issue(path, "v.phases_few", {"min": MIN_PHASES})]
    issues = _duplicates([p.id for p in phases], path, "phase")
    for i, phase in enumerate(phases[:-1]):
        if phase.minutes is None:
            issues.append(Issue((*path, i, "minutes"), "v.phase_needs_minutes", {}))
        else:
            limits = (0.1, MAX_STEP_MINUTES, ("minutes", "integer"))
            issues += _amount(method, phase.minutes, (*path, i, "minutes"), *limits)
    if phases[-1].minutes is not None:
        issues.append(Issue((*path, len(phases) - 1, "minutes"), "v.phase_last_minutes", {}))
    if not issues and step.minutes is not None:
        issues += _check_fit(method, step, path)
    return issues


def _check_fit(method: Method, step: Step, path: Path) -> list[Issue]:
    """The phases before the last leave it time, however the parameters are set."""
    phases = step.phases or []
    before = sum(_bound(method, p.minutes, high=True) for p in phases[:-1])
    shortest = _bound(method, step.minutes, high=False)
    if before < shortest:
        return []
    params = {"phases": _plain(before), "step": _plain(shortest)}
    return [Issue((*path, len(phases) - 1), "v.phases_too_long", params)]


def _bound(method: Method, amount: Any, *, high: bool) -> float:
    """A minutes amount's largest (or smallest) value: a number, or its parameter's bound."""
    if not isinstance(amount, str):
        return float(amount)
    param = method.parameters.get(amount)
    if param is None:
        return MAX_STEP_MINUTES if high else 0.0
    bound = param.max if high else param.min
    if bound is None:
        return MAX_STEP_MINUTES if high else 0.0
    return float(bound)


def _plain(number: float) -> float | int:
    return int(number) if number == int(number) else round(number, 2)
