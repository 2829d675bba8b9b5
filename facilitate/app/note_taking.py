"""The note-taker's mode: one entry after another in a session that runs elsewhere.

A :class:`NoteTaker` follows the session's journal (:meth:`SessionInput.follow`), files each
entry at the live run's current step (or at a step picked), keeps the dimension values
chosen last so the next entry needs only its text, and can correct or withdraw the entries
it saved. It neither reads keys nor prints: a terminal (or a test) drives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from facilitate.app.authors import Author
from facilitate.app.input import SavedEntry, SessionInput
from facilitate.app.input_checks import BUILTIN_ROUND, EntryRefused, entry_kind
from facilitate.app.input_targets import StepTarget
from facilitate.model.entries import CardPayload
from facilitate.model.entry_check import EntryDraft
from facilitate.model.entry_problem import choices_text, refuse, refuse_unknown
from facilitate.model.entry_rules import DimensionRule, Named, find_named
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.session import Entry
from facilitate.store.ids import new_entry_id

_PAIR_RE = re.compile(r"^\s*(\S+?)\s*[=:]\s*(\S+)\s+(\S+?)\s*[=:]\s*(\S+)\s*$")
_ONE_RE = re.compile(r"^\s*(\S+?)\s*[=:]\s*(\S+)\s*$")
_CARD_RE = re.compile(r"^\s*([^\s:]{1,20}):\s+(.*)$", re.S)
UNDO_REASON = "undo"
PAYLOAD_KINDS = frozenset({"card", "pair_split", "rating", "dots", "entry"})


def _wanted_along(target: StepTarget, kind: str) -> tuple[str, ...]:
    """The dimensions the step places entries of ``kind`` along (a note: any of them)."""
    collects = target.rules.collects if target.rules is not None else ()
    own = next((c for c in collects if c.kind == kind), None)
    along = own.along if own is not None else tuple(d for c in collects for d in c.along)
    if own is not None and own.per:
        along = (*along, own.per)
    return tuple(d for d in dict.fromkeys(along) if d not in (BUILTIN_ROUND, "step"))


def parse_line(kind: str, line: str, next_card: Callable[[], str]) -> tuple[str, dict[str, Any]]:
    """A typed line as an entry's text and payload fields, by kind:

    ``card``: ``17: the idea`` (without an id, the next free number); ``pair_split``:
    ``17=4 23=3``; ``rating``: ``17=4``; ``dots``: ``option=2`` or ``option``; ``entry``:
    ``field=value; field=value`` (else the text). Other kinds: the line is the text.
    """
    text = line.strip()
    if kind == "card":
        match = _CARD_RE.match(text)
        return (match[2], {"card": match[1]}) if match else (text, {"card": next_card()})
    if kind == "pair_split" and (match := _PAIR_RE.match(text)):
        names = ("card_a", "points_a", "card_b", "points_b")
        return "", dict(zip(names, match.groups(), strict=True))
    if kind == "rating" and (match := _ONE_RE.match(text)):
        return "", {"card": match[1], "score": match[2]}
    if kind == "dots":
        match = _ONE_RE.match(text)
        return "", {"target": match[1], "count": match[2]} if match else {"target": text}
    if kind == "entry" and "=" in text:
        fields = dict(part.partition("=")[::2] for part in text.split(";") if "=" in part)
        return "", {"fields": {k.strip(): v.strip() for k, v in fields.items()}}
    return text, {}


@dataclass
class NoteTaker:
    """One note-taker in one session: where entries go, what was chosen, what was saved."""

    desk: SessionInput
    author: str | Author
    kind: str = ""
    dims: dict[str, str] = field(default_factory=dict)
    picked: tuple[str, str | None] | None = None
    mine: list[str] = field(default_factory=list)
    new_id: Callable[[], str] = new_entry_id

    # -- where entries go --------------------------------------------------------------------

    def target(self) -> StepTarget:
        """The step entries go to now: the picked one, else the live run's current step."""
        self.desk.refresh()
        if self.picked is not None:
            return self.desk.target(*self.picked)
        return self.desk.target()

    def pick(self, step: str, run: str | None = None) -> StepTarget:
        """File entries at ``step`` (of ``run``) from now on, not at the live run's step."""
        target = self.desk.target(step, run)
        self.picked = (step, run)
        return target

    def follow(self) -> StepTarget:
        """File entries at the live run's current step again."""
        self.picked = None
        return self.target()

    def kind_at(self, target: StepTarget) -> str:
        """The kind an entry typed now has: the one chosen (:meth:`choose_kind`) while the
        step collects it, else the step's own."""
        if self.kind and _collected(self.kind, target):
            return self.kind
        collects = target.rules.collects if target.rules is not None else ()
        return collects[0].kind if collects else "note"

    def choose_kind(self, given: str, target: StepTarget) -> str:
        """Enter entries of kind ``given`` from now on ("": the step's own). EntryRefused for
        an unknown kind, or one the step does not collect."""
        kind = entry_kind(given, target, None) if given.strip() else ""
        rules = target.rules
        if kind and rules is not None and not _collected(kind, target):
            kinds = ", ".join(dict.fromkeys([*(c.kind for c in rules.collects), "note"]))
            try:
                refuse("kind", "kind_not_collected", kind=kind, step=rules.step, kinds=kinds)
            except InputError as error:
                raise EntryRefused(error.problems) from None
        self.kind = kind
        return kind or self.kind_at(target)

    # -- dimensions --------------------------------------------------------------------------

    def dimensions(self, target: StepTarget) -> list[DimensionRule]:
        """The dimensions the step collects for the current kind (story, lens, table ...).

        For a card, a score or a vote only those with listed values (a criterion): an open
        one (the card) is what each entry's own payload names, not a choice that lasts."""
        rules = target.rules
        if rules is None:
            return []
        kind = self.kind_at(target)
        found = (rules.dimension(d) for d in _wanted_along(target, kind))
        lasting = kind not in PAYLOAD_KINDS
        return [r for r in found if r is not None and (lasting or r.values is not None)]

    def missing(self, target: StepTarget) -> list[DimensionRule]:
        """The step's dimensions that have no value chosen yet."""
        return [rule for rule in self.dimensions(target) if rule.name.id not in self.dims]

    def choose(self, rule: DimensionRule, given: str) -> str:
        """Remember ``given`` (an id, a label in either language, or a value's number) for
        ``rule``'s dimension; returns the value's id (EntryRefused when there is none)."""
        value = given.strip()
        if rule.values is None:
            if not value:
                raise EntryRefused(_problems(rule, value))
            self.dims[rule.name.id] = value
            return value
        found = find_named(value, rule.values) or _by_number(value, rule.values)
        if found is None:
            raise EntryRefused(_problems(rule, value))
        self.dims[rule.name.id] = found.id
        return found.id

    def choose_named(self, target: StepTarget, name: str, given: str) -> str:
        """Like :meth:`choose`, for the dimension ``name`` names (by id or label)."""
        rules = self.dimensions(target)
        found = find_named(name, [rule.name for rule in rules])
        if found is None:
            dimensions = ", ".join(rule.name.id for rule in rules) or "-"
            options = [rule.name for rule in rules]
            try:
                refuse_unknown(
                    f"dims.{name}",
                    "unknown_dimension",
                    name,
                    options,
                    step=target.label or "-",
                    dimensions=dimensions,
                )
            except InputError as error:
                raise EntryRefused(error.problems) from None
        rule = next(rule for rule in rules if rule.name.id == found.id)
        return self.choose(rule, given)

    def check_choices(self) -> None:
        """Check the values given before the first entry (``-d``) against the step entries go
        to now, and keep them by id (EntryRefused for one that does not exist)."""
        target = self.target()
        if self.kind:
            self.choose_kind(self.kind, target)
        collected = [rule.name for rule in self.dimensions(target)]
        for name, value in list(self.dims.items()):
            if find_named(name, collected) is not None:  # (others wait for a step that does)
                del self.dims[name]
                self.choose_named(target, name, value)

    def chosen(self, target: StepTarget) -> dict[str, str]:
        """The values an entry at ``target`` gets: those chosen of the dimensions it collects."""
        ids = [rule.name.id for rule in self.dimensions(target)]
        return {dim: self.dims[dim] for dim in ids if self.dims.get(dim)}

    # -- entries -----------------------------------------------------------------------------

    def save(self, line: str, target: StepTarget) -> SavedEntry:
        """Check and record the typed ``line`` at ``target``; on disk when this returns."""
        kind = self.kind_at(target)
        text, value = parse_line(kind, line, lambda: self._next_card(target))
        draft = EntryDraft(kind, text, self.chosen(target), value or None)
        prepared = self.desk.prepare(draft, target, new_id=self.new_id)
        saved = self.desk.record(prepared, author=self.author)
        self.mine.append(saved.entry_id)
        return saved

    def last(self) -> Entry | None:
        """The latest entry saved here that is still live."""
        self.desk.refresh()
        return next((e for i in reversed(self.mine) if (e := self.desk.entry(i))), None)

    def undo(self) -> SavedEntry | None:
        """Withdraw the latest entry saved here (None when there is none left)."""
        entry = self.last()
        if entry is None:
            return None
        saved = self.desk.withdraw(entry.entry_id, author=self.author, reason=UNDO_REASON)
        self.mine.remove(entry.entry_id)
        return saved

    def edit(self, text: str) -> SavedEntry | None:
        """Replace the text of the latest entry saved here (None when there is none)."""
        entry = self.last()
        if entry is None:
            return None
        return self.desk.edit_text(entry.entry_id, text, author=self.author)

    def counts(self, target: StepTarget) -> tuple[int, int]:
        """The live entries at ``target`` from every writer, and how many of them are mine."""
        mine = (self.desk.entry(entry_id) for entry_id in self.mine)
        return self.desk.count_at(target), sum(1 for e in mine if e is not None and _at(e, target))

    def _next_card(self, target: StepTarget) -> str:
        """The lowest whole number not yet a card's id in the run (cards typed in order)."""
        taken = {
            e.payload.card
            for e in self.desk.state().entries
            if isinstance(e.payload, CardPayload) and e.run_id == target.run_id
        }
        number = 1
        while str(number) in taken:
            number += 1
        return str(number)


def _collected(kind: str, target: StepTarget) -> bool:
    """True if the step takes entries of ``kind`` (a note goes anywhere; no rules: anything)."""
    rules = target.rules
    return kind == "note" or rules is None or any(c.kind == kind for c in rules.collects)


def _at(entry: Entry, target: StepTarget) -> bool:
    return (entry.run_id, entry.step, entry.round) == (target.run_id, target.step, target.round)


def _by_number(given: str, values: tuple[Named, ...]) -> Named | None:
    """The value at position ``given`` (1-based) in the list shown."""
    if given.isdigit() and 1 <= int(given) <= len(values):
        return values[int(given) - 1]
    return None


def _problems(rule: DimensionRule, given: str) -> list[InputProblem]:
    dim = rule.name.id
    try:
        if not given:
            refuse(f"dims.{dim}", "empty_value", dimension=dim)
        values = rule.values or ()
        choices = choices_text(values)
        refuse_unknown(
            f"dims.{dim}", "unknown_value", given, values, dimension=dim, choices=choices
        )
    except InputError as error:
        return list(error.problems)
