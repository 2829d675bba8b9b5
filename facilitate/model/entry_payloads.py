"""Reading an entry's payload from what was given, and checking it against the step's rules.

Whole numbers may be given as digits (``"4"``, from a command line or a CSV cell). The shape
is read here; scores and dots are then checked by the scoring engine
(:mod:`facilitate.model.scoring`) against the rules the step declares, so an entry is
refused for the same reasons, in the same words, as an import or a tally would refuse it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from facilitate.model.entries import CardPayload, FieldsPayload, Payload, ThemePayload
from facilitate.model.entry_problem import refuse, refuse_unknown
from facilitate.model.entry_rules import CollectRule, Named, StepRules, find_named
from facilitate.model.input_problems import InputError, InputProblem, not_whole, unknown_name
from facilitate.model.scoring_cards import check_pair_split, check_rating
from facilitate.model.scoring_dots import check_dots
from facilitate.model.scoring_types import (
    DotPlacement,
    DotRules,
    PairSplit,
    PairSplitRules,
    Rating,
    RatingRules,
)

_WHOLE_RE = re.compile(r"^[+-]?\d{1,9}$")


class PayloadReader:
    """The given payload fields of one entry, read one by one; unread ones are refused."""

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

    def raw(self, name: str, default: Any = None) -> Any:
        """The value given for ``name`` (blank counts as not given); ``entry.missing`` without."""
        self.read.add(name)
        value = self.given.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if default is None:
                refuse(name, "missing", name=name)
            return default
        return value

    def text(self, name: str) -> str:
        value = self.raw(name)
        if type(value) is int:
            return str(value)
        if not isinstance(value, str):
            refuse(name, "not_text", name=name)
        return value.strip()

    def optional_text(self, name: str) -> str | None:
        self.read.add(name)
        return self.text(name) if self.given.get(name) not in (None, "") else None

    def whole(self, name: str, default: Any = None) -> int:
        """A whole number: an int, or digits (a float such as 3.0 is not one)."""
        value = self.raw(name, default)
        if isinstance(value, str) and _WHOLE_RE.match(value.strip()):
            value = int(value.strip())
        if type(value) is not int:
            raise InputError([not_whole(name, value)])
        return value

    def round(self) -> int:
        """The round the payload names, else the step's round."""
        return self.whole("round", default=self.round_)

    def finish(self) -> None:
        """Every given field must have been one the kind has."""
        for name in self.given:
            if name not in self.read:
                refuse(name, "unexpected", name=name)


def _checked(problems: tuple[InputProblem, ...]) -> None:
    if problems:
        raise InputError(problems)


def _card(reader: PayloadReader) -> CardPayload:
    card = reader.text("card")
    if reader.cards is not None and card in reader.cards:
        refuse("card", "card_exists", card=card)
    return CardPayload(card, _round_points(reader))


def _round_points(reader: PayloadReader) -> tuple[int | None, ...]:
    """The points on a card's back, round by round (blank or None: the card sat out).

    Their ranges are the rules of the step that scores the cards, checked with the whole
    set (:func:`facilitate.model.scoring.validate_card_rounds`).
    """
    reader.read.add("points")
    given = reader.given.get("points")
    if given in (None, ""):
        return ()
    if not isinstance(given, list | tuple):
        raise InputError([not_whole("points", given)])
    points: list[int | None] = []
    for value in given:
        if value is None or (isinstance(value, str) and not value.strip()):
            points.append(None)
            continue
        if isinstance(value, str) and _WHOLE_RE.match(value.strip()):
            value = int(value.strip())
        if type(value) is not int:
            raise InputError([not_whole("points", value)])
        points.append(value)
    return tuple(points)


def _pair_split(reader: PayloadReader) -> PairSplit:
    split = PairSplit(
        reader.round(),
        reader.text("card_a"),
        reader.whole("points_a"),
        reader.text("card_b"),
        reader.whole("points_b"),
    )
    collect = reader.collect
    if collect is not None and collect.points is not None and collect.rounds is not None:
        rules = PairSplitRules(collect.points, collect.rounds)
        _checked(check_pair_split(rules, split, (), reader.cards))
    return split


def _rating(reader: PayloadReader) -> Rating:
    rating = Rating(reader.text("card"), reader.round(), reader.whole("score"))
    collect = reader.collect
    if collect is not None and collect.scale is not None and collect.rounds is not None:
        rules = RatingRules(collect.scale[0], collect.scale[1], collect.rounds)
        _checked(check_rating(rules, rating, (), reader.cards))
    return rating


def _dots(reader: PayloadReader) -> DotPlacement:
    criterion = reader.optional_text("criterion")
    criteria = _criteria(reader)
    if criterion is not None and criteria:
        found = find_named(criterion, criteria)
        criterion = found.id if found else criterion
    placement = DotPlacement(
        reader.text("target"),
        reader.whole("count", default=1),
        criterion,
        reader.optional_text("voter"),
    )
    collect = reader.collect
    if collect is not None and collect.dots is not None:
        rules = DotRules(collect.dots, tuple(c.id for c in criteria))
        _checked(check_dots(rules, placement, (), reader.entries))
    return placement


def _criteria(reader: PayloadReader) -> tuple[Named, ...]:
    """The values of the dimension the step's dots are placed ``per`` (criteria), if any."""
    per = reader.collect.per if reader.collect else None
    rule = reader.rules.dimension(per) if reader.rules and per else None
    return rule.values or () if rule is not None else ()


def _theme(reader: PayloadReader) -> ThemePayload:
    given = reader.given.get("items") or []
    reader.read.add("items")
    if not isinstance(given, list | tuple) or not all(isinstance(i, str) for i in given):
        refuse("items", "not_text", name="items")
    items = tuple(dict.fromkeys(i.strip() for i in given if i.strip()))
    known = reader.entries
    if known is not None:
        unknown = (i for i in items if i not in known)
        _checked(tuple(unknown_name("theme.unknown_item", "items", i, known) for i in unknown))
    return ThemePayload(items)


def _fields(reader: PayloadReader) -> FieldsPayload:
    """A structured entry's ``fields``: each named by id or label, any case, either language."""
    declared = reader.collect.fields if reader.collect else ()
    given = reader.given.get("fields") or {}
    reader.read.add("fields")
    if not isinstance(given, Mapping):
        refuse("fields", "not_text", name="fields")
    fields: dict[str, str] = {}
    for name, value in given.items():
        found = find_named(name, declared)
        if declared and found is None:
            ids = ", ".join(f.id for f in declared)
            refuse_unknown(f"fields.{name}", "unknown_field", name, declared, fields=ids)
        if not isinstance(value, str):
            refuse(f"fields.{name}", "not_text", name=name)
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
