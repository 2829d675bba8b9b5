"""The checks every entry passes before it is recorded, whoever enters it.

:func:`check_draft` turns what a note-taker, a script or an import row gave (an
:class:`~facilitate.model.entry_check.EntryDraft`) into the entry to record at a
:class:`~facilitate.app.input_targets.StepTarget`: the kind (the closed set, Swedish names
and plurals too: ``reflektion`` is ``reflection``; ``foo`` is refused with "did you mean"),
the text rules (nothing invisible only, no control characters, at most :data:`TEXT_MAX`
characters), the step's collect declarations and dimension values, and the scores and votes
against what the run already holds. Every refusal is an :class:`EntryRefused` with one
:class:`~facilitate.model.input_problems.InputProblem` per line; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from facilitate.app.input_targets import StepTarget
from facilitate.errors import UsageError
from facilitate.i18n import DEFAULT_LANGUAGE, Translator, catalog_note
from facilitate.i18n.messages import Translate
from facilitate.model.entries import ENTRY_KINDS, LEGACY_KINDS, EntryKind
from facilitate.model.entry_check import CheckedEntry, EntryDraft, check_entry, check_kind
from facilitate.model.entry_context import (
    EntryLike,
    check_recorded,
    option_named,
    recorded_context,
    same_step,
)
from facilitate.model.entry_rules import CollectRule
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.text_rules import describe_char, first_control, is_visible

TEXT_MAX = 5000
"""The most characters an entry's text may have (a long harvested paragraph is ~1,000)."""
VALUE_MAX = 500
"""The most characters of a dimension value or a payload field (a card id, a who, a what)."""
BUILTIN_ROUND = "round"
_IMPLIED: tuple[tuple[str, EntryKind], ...] = (
    ("points_a", "pair_split"),
    ("score", "rating"),
    ("target", "dots"),
    ("fields", "entry"),
    ("items", "theme"),
    ("card", "card"),
)
_NAMED_TEXTS = ("note", "reflection", "card", "theme")


class EntryRefused(UsageError):
    """An entry that is not recorded, and why: ``problems`` (never empty), one line each,
    rendered at the edge (``lines(translate)``); ``str()`` is English, for logs."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problem_text(p, Translator(DEFAULT_LANGUAGE)) for p in problems))

    def lines(self, translate: Callable[..., str] | None = None) -> list[str]:
        translate = translate or Translator(DEFAULT_LANGUAGE)
        return [problem_text(problem, translate) for problem in self.problems]


def problem_text(problem: InputProblem, translate: Translate) -> str:
    """``problem`` in the language of ``translate`` (a value in both languages in its own)."""
    lang = getattr(translate, "lang", DEFAULT_LANGUAGE)
    values = {
        name: value.get(lang, "") if isinstance(value, dict) else value
        for name, value in problem.values.items()
    }
    return translate(problem.code, **values)


def entry_kind(given: str | None, target: StepTarget, value: Mapping[str, Any] | None) -> EntryKind:
    """The kind ``given`` names (``reflektion`` is ``reflection``), or, when none is given,
    the kind the payload fields imply, else the step's first text kind, else ``note``."""
    named = named_kind(given, value)
    if named is not None:
        return named
    collects = target.rules.collects if target.rules is not None else ()
    return next((c.kind for c in collects if c.kind in ("note", "reflection")), "note")


def named_kind(given: str | None, value: Mapping[str, Any] | None) -> EntryKind | None:
    """The kind ``given`` names, or the payload fields imply; None when neither says."""
    if given is not None and given.strip():
        word = given.strip().lower()
        if word in ENTRY_KINDS:
            return word
        if word in LEGACY_KINDS:
            return LEGACY_KINDS[word]
        try:
            return check_kind(given)
        except InputError as error:
            raise EntryRefused(error.problems) from None
    for name, kind in _IMPLIED:
        if value and name in value:
            return kind
    return None


def _text_name(kind: str) -> dict[str, str]:
    """What an entry's text is called in a message ("the note", "anteckningen")."""
    key = f"note.what.{kind if kind in _NAMED_TEXTS else 'text'}"
    return {"sv": catalog_note.SV[key], "en": catalog_note.EN[key]}


def text_problems(
    text: str, field: str = "text", limit: int = TEXT_MAX, kind: str = ""
) -> list[InputProblem]:
    """What is wrong with a text someone typed: a control character (line breaks and tabs are
    fine in the text itself), nothing visible in it, more than ``limit`` characters.
    ``kind`` names the entry's text in the message."""
    what: object = _text_name(kind) if field == "text" else field.partition(".")[2] or field
    found = first_control(text, multiline=field == "text" or field.startswith("fields."))
    if found is not None:
        position, char = found
        values = {"what": what, "char": describe_char(char), "position": position}
        return [InputProblem("note.text_control", field, values)]
    stripped = text.strip()
    if stripped and not any(is_visible(char) for char in stripped):
        return [InputProblem("note.text_invisible", field, {"what": what})]
    if len(stripped) > limit:
        values = {"what": what, "length": len(stripped), "max": limit}
        return [InputProblem("note.text_long", field, values)]
    return []


def _value_problems(draft: EntryDraft) -> list[InputProblem]:
    """Text rules for the dimensions, their values and the payload's fields (one line each)."""
    problems = []
    for name, value in draft.dims.items():
        problems += text_problems(name, "dims", VALUE_MAX)
        problems += text_problems(value, f"dims.{name}", VALUE_MAX)
    for name, value in (draft.value or {}).items():
        if isinstance(value, Mapping):  # a structured entry's fields
            for key, text in value.items():
                problems += text_problems(str(key), name, VALUE_MAX)
                if isinstance(text, str):
                    problems += text_problems(text, f"{name}.{key}", TEXT_MAX)
            continue
        for text in value if isinstance(value, list | tuple) else [value]:
            if isinstance(text, str):
                problems += text_problems(text, name, VALUE_MAX)
    return problems


def _collect_for(kind: str, target: StepTarget) -> CollectRule | None:
    collects = target.rules.collects if target.rules is not None else ()
    return next((c for c in collects if c.kind == kind), None)


def _place_dimensions(draft: EntryDraft, target: StepTarget) -> EntryDraft:
    """The built-in ``round`` dimension and a vote's criterion dimension moved to where the
    entry keeps them (its round, the payload's ``criterion``); a vote's option by its id."""
    dims = dict(draft.dims)
    value = dict(draft.value) if draft.value is not None else None
    round_ = draft.round if draft.round is not None else target.round
    given = next((k for k in dims if k.strip().lower() == BUILTIN_ROUND), None)
    if given is not None:
        text = dims.pop(given).strip()
        if not text.isdigit() or int(text) < 1:
            raise EntryRefused([InputProblem("note.bad_round", "round", {"value": text})])
        if target.round is not None and int(text) != target.round:
            values = {"value": int(text), "round": target.round, "step": target.step}
            raise EntryRefused([InputProblem("note.round_conflict", "round", values)])
        round_ = int(text)
    named = value.get(BUILTIN_ROUND) if value is not None else None
    if target.round is not None and named not in (None, "") and str(named) != str(target.round):
        values = {"value": named, "round": target.round, "step": target.step}
        raise EntryRefused([InputProblem("note.round_conflict", "round", values)])
    collect = _collect_for(draft.kind, target)
    if collect is not None and collect.per:
        per = next((k for k in dims if k.strip().lower() == collect.per), None)
        if per is not None:
            value = {**(value or {}), "criterion": dims.pop(per)}
    if value is not None and isinstance(value.get("target"), str):
        value["target"] = option_named(value["target"], target.rules, collect)
    return replace(draft, dims=dims, value=value, round=round_)


def check_draft(
    draft: EntryDraft, target: StepTarget, recorded: Sequence[EntryLike] = ()
) -> tuple[CheckedEntry, int | None]:
    """``draft`` (its ``kind`` already one of the closed set) checked for ``target``, against
    the ``recorded`` entries of the session (those the kind's checks need), and the round it
    is filed under (before its payload's). Raises EntryRefused."""
    problems = text_problems(draft.text, kind=draft.kind) + _value_problems(draft)
    if problems:
        raise EntryRefused(problems)
    draft = _place_dimensions(draft, target)
    collect = _collect_for(draft.kind, target)
    kind: EntryKind = draft.kind  # type: ignore[assignment]  # (checked by entry_kind)
    context = recorded_context(kind, recorded, target.run_id, target.rules, collect)
    try:
        cards = _cards_for(kind, context.cards)
        checked = check_entry(draft, target.rules, cards=cards, entries=context.targets)
        earlier = same_step(recorded, kind, target.run_id, target.step)
        check_recorded(checked.payload, target.rules, collect, earlier, context)
    except InputError as error:
        raise EntryRefused(error.problems) from None
    return checked, draft.round


def _cards_for(kind: str, cards: frozenset[str] | None) -> frozenset[str] | None:
    """A new card is checked against the run's cards (not twice); a score, against them when
    the run has any (an unknown card); other kinds need none."""
    return cards if kind in ("card", "pair_split", "rating") else None


def entry_round(checked: CheckedEntry, round_: int | None) -> int | None:
    """The round an entry is filed under: the step's, else its payload's (a pair split's)."""
    if round_ is not None:
        return round_
    payload_round = getattr(checked.payload, "round", None)
    return payload_round if isinstance(payload_round, int) else None
