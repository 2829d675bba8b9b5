"""Expand a method into its timeline of segments and its dimensions into their values."""

from __future__ import annotations

from typing import Any

from facilitate.model.method import Choice, Method, Step
from facilitate.model.params import resolve_params
from facilitate.model.text import Text
from facilitate.model.timeline import NoteDimension, PhaseSpan, RoomItem, Segment, Shown


def _number(value: int | float | str, values: dict[str, Any]) -> float:
    return float(values[value]) if isinstance(value, str) else float(value)


def _round_texts(step: Step, values: dict[str, Any]) -> list[Text] | None:
    if step.round_texts is None:
        return None
    if isinstance(step.round_texts, str):
        return list(values[step.round_texts])
    return list(step.round_texts)


def step_rounds(step: Step, values: dict[str, Any]) -> int | None:
    """How many rounds ``step`` has (None for a step that is not repeated)."""
    texts = _round_texts(step, values)
    if step.repeat is not None:
        return int(_number(step.repeat, values))
    return len(texts) if texts is not None else None


def build_timeline(method: Method, values: dict[str, Any] | None = None) -> list[Segment]:
    """The segments a runner times, in order: one per step, or one per round of a step."""
    if values is None:
        values = resolve_params(method)
    segments: list[Segment] = []
    for step in method.steps:
        texts = _round_texts(step, values)
        rounds = step_rounds(step, values)
        if rounds is None:
            segments.append(_segment(method, step, values, len(segments)))
            continue
        for n in range(1, rounds + 1):
            text = texts[(n - 1) % len(texts)] if texts else None
            segments.append(_segment(method, step, values, len(segments), n, rounds, text))
    return segments


def _segment(
    method: Method,
    step: Step,
    values: dict[str, Any],
    index: int,
    round_: int | None = None,
    rounds: int | None = None,
    round_text: Text | None = None,
) -> Segment:
    seconds = _number(step.minutes, values) * 60 if step.minutes is not None else None
    warnings = step.warnings if step.warnings is not None else method.warnings
    phases = _phases(step, values) if seconds is not None else ()
    return Segment(
        index=index,
        step_id=step.id,
        title=step.title,
        instructions=step.instructions,
        seconds=seconds,
        until=step.until,
        round=round_,
        rounds=rounds,
        round_text=round_text,
        warnings=tuple(warnings),
        roles=tuple(step.roles),
        collects=tuple(c.kind for c in step.collect),
        phases=phases,
        room=tuple(_room_item(method, name, values) for name in step.show),
        note_dims=_note_dims(method, step, values),
    )


def _phases(step: Step, values: dict[str, Any]) -> tuple[PhaseSpan, ...]:
    """The step's phases with their seconds; the last one (None) takes the rest."""
    if not step.phases:
        return ()
    spans = []
    for i, phase in enumerate(step.phases):
        last = i == len(step.phases) - 1
        seconds = None if last or phase.minutes is None else _number(phase.minutes, values) * 60
        spans.append(PhaseSpan(phase.id, phase.title, seconds, phase.instructions))
    return tuple(spans)


def _room_item(method: Method, name: str, values: dict[str, Any]) -> RoomItem:
    """A shown parameter's text(s), or a dimension's values with their prompts."""
    if name in method.parameters:
        value = values[name]
        texts = value if isinstance(value, list) else [value]
        return RoomItem(name, method.parameters[name].label, tuple(Shown(t) for t in texts))
    choices = dimension_values(method, name, values) or []
    shown = tuple(Shown(c.label, c.prompt) for c in choices)
    return RoomItem(name, method.dimensions[name].label, shown)


def _note_dims(method: Method, step: Step, values: dict[str, Any]) -> tuple[NoteDimension, ...]:
    """The dimensions a note is placed along: those of the step's note collect, else of all
    its collects (as :func:`facilitate.model.entry_check.check_entry` takes them), that have
    values to choose from."""
    notes = [c for c in step.collect if c.kind == "note"]
    along = dict.fromkeys(d for c in (notes or step.collect) for d in c.along)
    dims = []
    for dim_id in along:
        if dim_id not in method.dimensions:
            continue  # round and step: the note carries them anyway
        choices = dimension_values(method, dim_id, values)
        if choices:
            label = method.dimensions[dim_id].label
            dims.append(NoteDimension(dim_id, label, tuple((c.id, c.label) for c in choices)))
    return tuple(dims)


def dimension_values(method: Method, dim_id: str, values: dict[str, Any]) -> list[Choice] | None:
    """The values of a dimension for this run; None for an open dimension (values made on entry)."""
    dim = method.dimensions[dim_id]
    if dim.values is not None:
        return list(dim.values)
    if dim.from_parameter is None:
        return None
    supplied = values[dim.from_parameter]
    if isinstance(supplied, list):
        return [_choice(i, text) for i, text in enumerate(supplied, start=1)]
    return [
        _choice(i, Text(sv=f"{dim.label.sv} {i}", en=f"{dim.label.en} {i}"))
        for i in range(1, int(supplied) + 1)
    ]


def _choice(number: int, label: Any) -> Choice:
    """Value ``number`` of a dimension made from a parameter (a resolved text, or a number's
    own label)."""
    return Choice(id=str(number), label=label if isinstance(label, Text) else Text.same(str(label)))
