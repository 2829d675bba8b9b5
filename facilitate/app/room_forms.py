"""The forms a phone shows for a step: one per thing the step collects, from its rules.

A form is plain data (the web page renders it): the kind, the collect's prompt, whether it
takes a text, and its fields (a name the server reads back, a label, a type and choices).
A label that starts with ``@`` is a catalogue key (the page puts it into words).
A step that collects nothing takes a note, placed along the step's note dimensions.
"""

from __future__ import annotations

from typing import Any

from facilitate.app.input_targets import StepTarget
from facilitate.model.entry_rules import CollectRule, DimensionRule, Named, StepRules
from facilitate.model.text import Text

PHONE_KINDS = ("note", "reflection", "card", "rating", "pair_split", "dots", "entry")
"""What a phone may send (themes are made by the facilitator)."""
TEXT_FORMS = ("note", "reflection", "card")


def _label(named: Named, lang: str) -> str:
    return Text(named.sv, named.en).get(lang)


def _select(name: str, label: str, options: list[tuple[str, str]]) -> dict[str, Any]:
    return {"name": name, "label": label, "type": "select", "options": options}


def _number(name: str, label: str, low: int, high: int | None) -> dict[str, Any]:
    return {"name": name, "label": label, "type": "number", "min": low, "max": high}


def _text(name: str, label: str) -> dict[str, Any]:
    return {"name": name, "label": label, "type": "text"}


def _key(word: str) -> str:
    """A field's label as a catalogue key, put into words by the page (``web.field.card``)."""
    return f"@web.field.{word}"


def _dimension_field(rule: DimensionRule, lang: str) -> dict[str, Any]:
    name = f"dim.{rule.name.id}"
    if rule.values is None:
        return _text(name, _label(rule.name, lang))
    options = [(v.id, _label(v, lang)) for v in rule.values]
    return _select(name, _label(rule.name, lang), options)


def _dims(rules: StepRules | None, along: tuple[str, ...], lang: str) -> list[dict[str, Any]]:
    found = []
    for dim_id in along:
        rule = rules.dimension(dim_id) if rules is not None else None
        if rule is not None:
            found.append(_dimension_field(rule, lang))
    return found


def _fields(collect: CollectRule, rules: StepRules | None, lang: str) -> list[dict[str, Any]]:
    """The fields of one collect declaration's form (besides the text)."""
    if collect.kind in TEXT_FORMS:
        along = tuple(d for d in collect.along if d != "card" or collect.kind != "card")
        return _dims(rules, along, lang)
    if collect.kind == "rating":
        low, high = collect.scale or (1, 5)
        return [_text("card", _key("card")), _number("score", _key("score"), low, high)]
    if collect.kind == "pair_split":
        top = collect.points
        return [
            _text("card_a", _key("card_a")),
            _number("points_a", _key("points"), 0, top),
            _text("card_b", _key("card_b")),
            _number("points_b", _key("points"), 0, top),
        ]
    if collect.kind == "dots":
        options = [d for d in collect.along if d != collect.per]
        found = [{**f, "name": "target"} for f in _dims(rules, tuple(options[:1]), lang)]
        if collect.per:
            found += _dims(rules, (collect.per,), lang)
        return [*found, _number("count", _key("count"), 1, collect.dots)]
    if collect.kind == "entry":
        return [_text(f"field.{f.id}", _label(f, lang)) for f in collect.fields]
    return []


def step_forms(target: StepTarget, lang: str) -> list[dict[str, Any]]:
    """The forms phones show at ``target`` (a note form when the step collects nothing)."""
    rules = target.rules
    prompts = _prompts(target, lang)
    collects = [c for c in (rules.collects if rules else ()) if c.kind in PHONE_KINDS]
    forms = [
        {
            "kind": c.kind,
            "prompt": prompts.get(c.kind, ""),
            "text": c.kind in TEXT_FORMS,
            "fields": _fields(c, rules, lang),
        }
        for c in collects
    ]
    if forms:
        return forms
    note_dims = target.segment.note_dims if target.segment is not None else ()
    fields = [
        _select(f"dim.{d.id}", d.label.get(lang), [(v, t.get(lang)) for v, t in d.values])
        for d in note_dims
    ]
    return [{"kind": "note", "prompt": "", "text": True, "fields": fields}]


def _prompts(target: StepTarget, lang: str) -> dict[str, str]:
    """Each collect kind's prompt at the step (from the method file)."""
    method = target.method
    step = next((s for s in method.steps if s.id == target.step), None) if method else None
    if step is None:
        return {}
    return {c.kind: c.prompt.get(lang) for c in step.collect if c.prompt is not None}
