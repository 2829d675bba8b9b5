"""What a step accepts as entries, resolved for one run: kinds, dimensions, scoring bounds.

:class:`StepRules` is plain data (no pydantic), built from a method by :func:`step_rules`;
:func:`facilitate.model.entry_check.check_entry` checks entries against it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from facilitate.model.entry_kinds import EntryKind
from facilitate.records import Record

if TYPE_CHECKING:
    from facilitate.model.method import Collect, Method


class Named(Record):
    """Something matched by id or by label in either language (a value, a field, a dimension)."""

    id: str
    sv: str
    en: str

    def matches(self, given: str) -> bool:
        key = given.strip().casefold()
        return key in (self.id.casefold(), self.sv.casefold(), self.en.casefold())

    def shown(self, lang: str) -> str:
        """``mod (Courage)``; just the label when it is the id."""
        label = self.sv if lang == "sv" else self.en
        return label if label.casefold() == self.id.casefold() else f"{self.id} ({label})"


class DimensionRule(Record):
    """A dimension and its values for this run; ``values`` None: open (any text)."""

    name: Named
    values: tuple[Named, ...] | None


class CollectRule(Record):
    """One collect declaration with its amounts resolved (None: no bound declared)."""

    kind: EntryKind
    along: tuple[str, ...] = ()
    points: int | None = None
    rounds: int | None = None
    scale: tuple[int, int] | None = None
    dots: int | None = None
    per: str | None = None
    fields: tuple[Named, ...] = ()


class StepRules(Record):
    """What the step ``step`` collects, and the method's dimensions with this run's values."""

    step: str
    collects: tuple[CollectRule, ...] = ()
    dimensions: Mapping[str, DimensionRule] | None = None

    def dimension(self, dim_id: str) -> DimensionRule | None:
        return (self.dimensions or {}).get(dim_id)


def find_named(given: str, options: Iterable[Named]) -> Named | None:
    """The option ``given`` names (by id or label, either language, any case), if any."""
    return next((option for option in options if option.matches(given)), None)


def closest_name(given: str, options: Iterable[Named]) -> str:
    """The id or label closest to ``given`` (for "did you mean"), or ""."""
    names: dict[str, str] = {}
    for option in options:
        for name in (option.id, option.sv, option.en):
            names.setdefault(name.casefold(), name)
    close = difflib.get_close_matches(given.strip().casefold(), list(names), n=1, cutoff=0.6)
    return names[close[0]] if close else ""


def step_rules(method: Method, step_id: str, values: Mapping[str, Any]) -> StepRules:
    """The rules of ``method``'s step ``step_id`` for a run with the parameter ``values``.

    Raises KeyError for a step the method does not have.
    """
    from facilitate.model.expand import dimension_values

    step = next((s for s in method.steps if s.id == step_id), None)
    if step is None:
        raise KeyError(step_id)
    plain = dict(values)
    dimensions = {}
    for dim_id, dim in method.dimensions.items():
        choices = dimension_values(method, dim_id, plain)
        dimensions[dim_id] = DimensionRule(
            Named(dim_id, dim.label.sv, dim.label.en),
            None
            if choices is None
            else tuple(Named(c.id, c.label.sv, c.label.en) for c in choices),
        )
    collects = tuple(_collect_rule(collect, plain) for collect in step.collect)
    return StepRules(step_id, collects, dimensions)


def _amount(amount: int | float | str | None, values: Mapping[str, Any]) -> int | None:
    if amount is None:
        return None
    number = values.get(amount) if isinstance(amount, str) else amount
    return int(number) if isinstance(number, int | float) else None


def _collect_rule(collect: Collect, values: Mapping[str, Any]) -> CollectRule:
    scale = collect.scale
    return CollectRule(
        kind=collect.kind,
        along=tuple(collect.along),
        points=_amount(collect.points, values),
        rounds=_amount(collect.rounds, values),
        scale=(scale[0], scale[1]) if scale and len(scale) == 2 else None,
        dots=_amount(collect.dots, values),
        per=collect.per,
        fields=tuple(Named(f.id, f.label.sv, f.label.en) for f in collect.fields or ()),
    )
