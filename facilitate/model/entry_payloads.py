"""Reading an entry's payload from what was given, checked against the step's bounds.

Whole numbers may be given as digits (``"4"``, from a command line or a CSV cell); each
problem is an :class:`~facilitate.model.entry_problem.EntryProblem` on ``value.<name>``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from facilitate.model.entries import (
    CardPayload,
    DotsPayload,
    FieldsPayload,
    PairSplitPayload,
    Payload,
    RatingPayload,
    ThemePayload,
)
from facilitate.model.entry_problem import EntryProblem, choices_text
from facilitate.model.entry_rules import CollectRule, StepRules, closest_name, find_named

_WHOLE_RE = re.compile(r"^[+-]?\d{1,9}$")


class PayloadReader:
    """The given payload fields of one entry, read one by one against ``collect``'s bounds."""

    def __init__(
        self,
        given: Mapping[str, Any],
        collect: CollectRule | None,
        rules: StepRules | None,
        cards: Collection[str] | None,
        entries: Collection[str] | None,
        round_: int | None,
    ) -> None:
        self.given = given
        self.collect = collect
        self.rules = rules
        self.cards = cards
        self.entries = entries
        self.round_ = round_
        self.read: set[str] = set()

    def _raw(self, name: str, default: Any = None) -> Any:
        self.read.add(name)
        value = self.given.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if default is None:
                raise EntryProblem(f"value.{name}", "missing", name=name)
            return default
        return value

    def text(self, name: str) -> str:
        value = self._raw(name)
        if type(value) is int:
            return str(value)
        if not isinstance(value, str):
            raise EntryProblem(f"value.{name}", "not_text", name=name)
        return value.strip()

    def whole(self, name: str, low: int | None, high: int | None, default: Any = None) -> int:
        """A whole number within [low, high] (a bound None is no bound)."""
        value = self._raw(name, default)
        if isinstance(value, str) and _WHOLE_RE.match(value.strip()):
            value = int(value.strip())
        elif type(value) is float and value.is_integer():
            value = int(value)
        if type(value) is not int:
            raise EntryProblem(f"value.{name}", "not_whole", name=name, value=str(value))
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = {"low": "-" if low is None else low, "high": "-" if high is None else high}
            raise EntryProblem(f"value.{name}", "out_of_range", name=name, value=value, **bounds)
        return value

    def card(self, name: str) -> str:
        """A reference to a card recorded in the session (when the cards are known)."""
        card = self.text(name)
        if self.cards is not None and card not in self.cards:
            raise EntryProblem(f"value.{name}", "unknown_card", card=card)
        return card

    def round(self) -> int:
        rounds = self.collect.rounds if self.collect else None
        return self.whole("round", 1, rounds, default=self.round_)

    def finish(self) -> None:
        """Every given field must have been one the kind has."""
        for name in self.given:
            if name not in self.read:
                raise EntryProblem(f"value.{name}", "unexpected", name=name)


def _card(reader: PayloadReader) -> CardPayload:
    card = reader.text("card")
    if reader.cards is not None and card in reader.cards:
        raise EntryProblem("value.card", "card_exists", card=card)
    return CardPayload(card)


def _pair_split(reader: PayloadReader) -> PairSplitPayload:
    points = reader.collect.points if reader.collect else None
    round_ = reader.round()
    card_a, card_b = reader.card("card_a"), reader.card("card_b")
    if card_a == card_b:
        raise EntryProblem("value.card_b", "same_card", card=card_a)
    points_a = reader.whole("points_a", 0, points)
    points_b = reader.whole("points_b", 0, points)
    if points is not None and points_a + points_b != points:
        raise EntryProblem(
            "value.points_b", "pair_sum", points_a=points_a, points_b=points_b, points=points
        )
    return PairSplitPayload(round_, card_a, points_a, card_b, points_b)


def _rating(reader: PayloadReader) -> RatingPayload:
    scale = reader.collect.scale if reader.collect else None
    low, high = scale if scale else (None, None)
    card, round_ = reader.card("card"), reader.round()
    return RatingPayload(card, round_, reader.whole("score", low, high))


def _dots(reader: PayloadReader) -> DotsPayload:
    collect = reader.collect
    target = reader.text("target")
    if reader.entries is not None and target not in reader.entries:
        raise EntryProblem("value.target", "unknown_entry", entry=target)
    count = reader.whole("count", 1, collect.dots if collect else None, default=1)
    criterion = None
    if reader.given.get("criterion") not in (None, ""):
        criterion = _criterion(reader, reader.text("criterion"))
    reader.read.add("criterion")
    return DotsPayload(target, criterion, count)


def _criterion(reader: PayloadReader, given: str) -> str:
    """A dots criterion: a value of the dimension the step's dots are ``per``."""
    per = reader.collect.per if reader.collect else None
    rule = reader.rules.dimension(per) if reader.rules and per else None
    if reader.rules is not None and per is None:
        raise EntryProblem("value.criterion", "unexpected", name="criterion")
    if rule is None or rule.values is None:
        return given
    found = find_named(given, rule.values)
    if found is None:
        raise EntryProblem(
            "value.criterion",
            "unknown_value",
            dimension=rule.name.id,
            value=given,
            choices=choices_text(rule.values),
            suggestion=closest_name(given, rule.values),
        )
    return found.id


def _theme(reader: PayloadReader) -> ThemePayload:
    given = reader.given.get("members") or []
    reader.read.add("members")
    if not isinstance(given, list | tuple) or not all(isinstance(m, str) for m in given):
        raise EntryProblem("value.members", "not_text", name="members")
    members = tuple(dict.fromkeys(m.strip() for m in given if m.strip()))
    for member in members:
        if reader.entries is not None and member not in reader.entries:
            raise EntryProblem("value.members", "unknown_entry", entry=member)
    return ThemePayload(members)


def _fields(reader: PayloadReader) -> FieldsPayload:
    """A structured entry's ``fields``: each named by id or label, any case, either language."""
    declared = reader.collect.fields if reader.collect else ()
    given = reader.given.get("fields") or {}
    reader.read.add("fields")
    if not isinstance(given, Mapping):
        raise EntryProblem("value.fields", "not_text", name="fields")
    fields: dict[str, str] = {}
    for name, value in given.items():
        found = find_named(name, declared)
        if declared and found is None:
            raise EntryProblem(
                f"value.fields.{name}",
                "unknown_field",
                name=name,
                fields=", ".join(f.id for f in declared),
                suggestion=closest_name(name, declared),
            )
        if not isinstance(value, str):
            raise EntryProblem(f"value.fields.{name}", "not_text", name=name)
        fields[found.id if found else name.strip()] = value.strip()
    return FieldsPayload(fields)


_READERS: Mapping[str, Callable[[PayloadReader], Payload]] = {
    "card": _card,
    "pair_split": _pair_split,
    "rating": _rating,
    "dots": _dots,
    "theme": _theme,
    "entry": _fields,
}


def read_payload(kind: str, reader: PayloadReader) -> Payload | None:
    """The payload of an entry of ``kind`` (None for notes and reflections)."""
    read = _READERS.get(kind)
    payload = read(reader) if read is not None else None
    reader.finish()
    return payload
