"""Typed entries: the closed set of kinds, and one payload shape per kind.

An entry is its ``kind``, its ``text``, its dimension values (``dims``: dimension id -> value
id) and, for the kinds that have one, a payload (recorded as EntryAdded's ``value``):

========== ====================== ==================================================
kind       text                   payload
========== ====================== ==================================================
note       the note               none
reflection the reflection         none
card       the card's text        :class:`CardPayload` (the card's id, e.g. ``17``, and
                                  the points on its back when they were read off it)
pair_split (optional)             ``PairSplit`` (round, two cards, their points)
rating     (optional)             ``Rating`` (card, round, score)
dots       (optional)             ``DotPlacement`` (target, count, criterion, voter)
theme      the theme's name       :class:`ThemePayload` (the linked entries' ids)
entry      (optional)             :class:`FieldsPayload` (the method's declared fields)
========== ====================== ==================================================

The kinds are the method model's ``CollectKind`` (one list, here). Journals written by 0.1.0
took any word as a kind: :func:`upgrade_kind` maps those onto the closed set and keeps the
word, and :func:`payload_of` reads a recorded value without ever raising.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from facilitate.model.entry_kinds import ENTRY_KINDS as ENTRY_KINDS
from facilitate.model.entry_kinds import LEGACY_KINDS as LEGACY_KINDS
from facilitate.model.entry_kinds import TEXT_KINDS as TEXT_KINDS
from facilitate.model.entry_kinds import EntryKind as EntryKind
from facilitate.model.entry_kinds import upgrade_kind as upgrade_kind
from facilitate.model.scoring_types import DotPlacement, PairSplit, Rating
from facilitate.records import Record

TOTAL_FIELD = "total"
"""A structured entry's field that holds a card's read-out total (the count-down's)."""
CARD_DIMENSION = "card"
"""The dimension that names the card a structured entry is about."""


class CardPayload(Record):
    """A card (35:an, 25/10): its id, as on the cards file or the written card (``17``).

    ``points`` are the points written on its back, round by round (None: it sat the round
    out), when they are read off the card rather than entered pair by pair; empty otherwise.
    """

    card: str
    points: tuple[int | None, ...] = ()


class ThemePayload(Record):
    """The entries a theme links (by entry id); the theme's name is the entry's text."""

    items: tuple[str, ...] = ()


class FieldsPayload(Record):
    """A structured entry's fields (field id -> text), as the method declares them."""

    fields: dict[str, str] = field(default_factory=dict)


Payload = CardPayload | PairSplit | Rating | DotPlacement | ThemePayload | FieldsPayload
"""A pair split, a rating and dots are the scoring engine's own records
(:mod:`facilitate.model.scoring_types`), so recorded entries feed its tallies as they are."""

PAYLOAD_TYPES: Mapping[str, type[Payload]] = {
    "card": CardPayload,
    "pair_split": PairSplit,
    "rating": Rating,
    "dots": DotPlacement,
    "theme": ThemePayload,
    "entry": FieldsPayload,
}
"""The payload shape of each kind that has one (notes and reflections have none)."""


def payload_value(payload: Payload | None) -> dict[str, Any] | None:
    """A payload as JSON-ready data (EntryAdded's ``value``)."""
    if payload is None:
        return None
    data = {name: getattr(payload, name) for name in _payload_fields(type(payload))}
    if isinstance(payload, ThemePayload):
        data["items"] = list(payload.items)
    elif isinstance(payload, CardPayload):
        data["points"] = list(payload.points)
        if not payload.points:
            del data["points"]
    elif isinstance(payload, FieldsPayload):
        data["fields"] = dict(payload.fields)
    return data


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _payload_fields(cls: type) -> tuple[str, ...]:
    """The names of a dataclass's fields (looked up once per class)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _whole(value: Any) -> bool:
    return type(value) is int


def _text(value: Any) -> bool:
    return type(value) is str and value != ""


def _round_points(value: Any) -> bool:
    return type(value) is list and all(v is None or _whole(v) for v in value)


_PAYLOAD_FIELDS: Mapping[str, tuple[tuple[str, Any, bool], ...]] = {
    "card": (("card", _text, True), ("points", _round_points, False)),
    "pair_split": (
        ("round", _whole, True),
        ("card_a", _text, True),
        ("points_a", _whole, True),
        ("card_b", _text, True),
        ("points_b", _whole, True),
    ),
    "rating": (("card", _text, True), ("round", _whole, True), ("score", _whole, True)),
    "dots": (
        ("target", _text, True),
        ("count", _whole, True),
        ("criterion", lambda v: v is None or _text(v), False),
        ("voter", lambda v: v is None or _text(v), False),
    ),
    "theme": (("items", lambda v: type(v) is list and all(map(_text, v)), False),),
    "entry": (
        ("fields", lambda v: type(v) is dict and all(type(x) is str for x in v.values()), False),
    ),
}


def payload_of(kind: str, value: Any) -> Payload | None:
    """The payload recorded in ``value`` for ``kind``; None when there is none or it does not fit.

    Never raises: a journal may hold anything (the recorded value is kept as it stands).
    """
    specs = _PAYLOAD_FIELDS.get(kind)
    if specs is None or type(value) is not dict:
        return None
    found: dict[str, Any] = {}
    for name, fits, required in specs:
        if name in value:
            if not fits(value[name]):
                return None
            found[name] = value[name]
        elif required:
            return None
    if kind == "theme":
        found["items"] = tuple(dict.fromkeys(found.get("items", ())))
    elif kind == "card":
        found["points"] = tuple(found.get("points", ()))
    elif kind == "entry":
        found["fields"] = dict(found.get("fields", {}))
    return PAYLOAD_TYPES[kind](**found)
