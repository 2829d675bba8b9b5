"""Checking an entry before it is recorded: its kind, dimension values and payload.

:func:`check_entry` takes what someone typed or imported (an :class:`EntryDraft`) and the
step's :class:`~facilitate.model.entry_rules.StepRules`, and returns the entry as it is to be
recorded (a :class:`CheckedEntry`: dimension values by id, a typed payload), or raises
:class:`~facilitate.model.input_problems.InputError` with the problem: its field, its code
(``entry.<...>``, or the scoring engine's ``score.<...>`` for a score or a vote that breaks
the step's rules) and the values a message needs. The model has no words: the interface
renders a problem from its catalogue.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import field
from typing import Any

from facilitate.model.entries import (
    ENTRY_KINDS,
    LEGACY_KINDS,
    TEXT_KINDS,
    EntryKind,
    FieldsPayload,
    Payload,
    payload_value,
)
from facilitate.model.entry_payloads import PayloadReader, read_payload
from facilitate.model.entry_problem import choices_text, refuse, refuse_unknown
from facilitate.model.entry_rules import CollectRule, Named, StepRules, find_named
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.session_state import Entry
from facilitate.records import Record

__all__ = [
    "CheckedEntry",
    "EntryDraft",
    "InputError",
    "InputProblem",
    "check_entry",
    "check_kind",
    "draft_of",
]


class EntryDraft(Record):
    """An entry as given: ``dims`` maps dimensions to values (ids or labels, any case);
    ``value`` holds the payload's fields as recorded (numbers may be digits; an ``entry``'s
    ``fields`` are named by id or label); ``round`` is the step's round, the payload's round
    by default."""

    kind: str
    text: str = ""
    dims: Mapping[str, str] = field(default_factory=dict)
    value: Mapping[str, Any] | None = None
    round: int | None = None


class CheckedEntry(Record):
    """An entry ready to record: kind, stripped text, dimension value ids, typed payload."""

    kind: EntryKind
    text: str
    dims: dict[str, str]
    payload: Payload | None = None

    @property
    def value(self) -> dict[str, Any] | None:
        """The payload as EntryAdded's ``value``."""
        return payload_value(self.payload)


def draft_of(entry: Entry) -> EntryDraft:
    """An entry as recorded, to check again (after :func:`~facilitate.model.session.apply_edit`)."""
    value = entry.value if isinstance(entry.value, Mapping) else None
    return EntryDraft(entry.kind, entry.text, dict(entry.dims), value, entry.round)


def check_kind(given: str) -> EntryKind:
    """The entry kind ``given`` names exactly; ``entry.unknown_kind`` (with a hint) otherwise."""
    if given in ENTRY_KINDS:
        return given
    word = given.strip().lower()
    hint = word if word in ENTRY_KINDS else LEGACY_KINDS.get(word)
    options = [Named(k, k, k) for k in ENTRY_KINDS]
    refuse_unknown("kind", "unknown_kind", given, options, hint=hint, kinds=", ".join(ENTRY_KINDS))


def check_entry(
    draft: EntryDraft,
    rules: StepRules | None = None,
    *,
    cards: Collection[str] | None = None,
    entries: Collection[str] | None = None,
) -> CheckedEntry:
    """``draft`` checked against ``rules`` (None: no method known, only shapes are checked).

    When given, ``cards`` (the card ids recorded so far) are what card references and new
    card ids are checked against, and ``entries`` (the ids a dot or a theme may point at,
    e.g. the live entries' and the cards' ids) what dot targets and a theme's items are.
    Raises :class:`InputError` for the first thing that does not fit.
    """
    kind = check_kind(draft.kind)
    collect = _collect_for(kind, rules)
    text = draft.text.strip()
    if kind in TEXT_KINDS and not text:
        refuse("text", "text_empty", kind=kind)
    dims = _check_dims(draft.dims, rules, collect)
    reader = PayloadReader(draft.value or {}, collect, rules, cards, entries, draft.round)
    payload = read_payload(kind, reader)
    if isinstance(payload, FieldsPayload) and not text and not any(payload.fields.values()):
        refuse("text", "entry_empty")
    return CheckedEntry(kind, text, dims, payload)


def _collect_for(kind: EntryKind, rules: StepRules | None) -> CollectRule | None:
    """The step's declaration for ``kind``; a note is welcome on any step, along its dimensions."""
    if rules is None:
        return None
    for collect in rules.collects:
        if collect.kind == kind:
            return collect
    if kind == "note":
        along = dict.fromkeys(dim for c in rules.collects for dim in c.along)
        return CollectRule("note", tuple(along))
    kinds = dict.fromkeys([*(c.kind for c in rules.collects), "note"])
    refuse("kind", "kind_not_collected", kind=kind, step=rules.step, kinds=", ".join(kinds))


def _check_dims(
    given: Mapping[str, str], rules: StepRules | None, collect: CollectRule | None
) -> dict[str, str]:
    """Dimension values by id: each dimension and value named by id or label, any case."""
    dims: dict[str, str] = {}
    for name, value in given.items():
        if collect is None or rules is None:
            dim_id, chosen = name.strip(), _open_value(name.strip(), value)
        else:
            dim_id = _dimension_id(name, rules, collect)
            chosen = _dimension_value(dim_id, value, rules)
        dims[dim_id] = chosen
    return dims


def _dimension_id(name: str, rules: StepRules, collect: CollectRule) -> str:
    options = [rule.name for dim in collect.along if (rule := rules.dimension(dim))]
    found = find_named(name, options)
    if found is None:
        dimensions = ", ".join(o.id for o in options) or "-"
        field = f"dims.{name}"
        refuse_unknown(
            field, "unknown_dimension", name, options, step=rules.step, dimensions=dimensions
        )
    return found.id


def _dimension_value(dim_id: str, value: str, rules: StepRules) -> str:
    rule = rules.dimension(dim_id)
    if rule is None or rule.values is None:
        return _open_value(dim_id, value)
    found = find_named(value, rule.values)
    if found is None:
        choices = choices_text(rule.values)
        field = f"dims.{dim_id}"
        refuse_unknown(
            field, "unknown_value", value, rule.values, dimension=dim_id, choices=choices
        )
    return found.id


def _open_value(dim_id: str, value: str) -> str:
    text = value.strip()
    if not text:
        refuse(f"dims.{dim_id}", "empty_value", dimension=dim_id)
    return text
