"""What the note-taker's mode shows: the entry line's prompt, the step, the choices, replies.

Pure functions from model data to text in the interface language; the terminal prompter
makes the text safe to show (:func:`facilitate.ui.safe_text.safe_line`).
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.i18n import t
from facilitate.model.entry_rules import DimensionRule, Named, StepRules
from facilitate.model.timeline import Segment
from facilitate.ui.session_text import kind_name

PAYLOAD_KINDS = ("card", "pair_split", "rating", "dots", "entry")
CHOICES_SHOWN = 12


def label(named: Named, lang: str) -> str:
    """A value's or a dimension's label in ``lang``."""
    return named.sv if lang == "sv" else named.en


def value_label(rule: DimensionRule, value: str, lang: str) -> str:
    """The label of the value ``value`` (an id) of ``rule``'s dimension; an open one as is."""
    found = next((v for v in rule.values or () if v.id == value), None)
    return label(found, lang) if found is not None else value


def choices(rule: DimensionRule, lang: str) -> str:
    """``1 Trelleborg · 2 Svalöv · …`` (by number, id or label), or ``…`` for any text."""
    values = rule.values
    if values is None:
        return "…"
    shown = [f"{n} {label(v, lang)}" for n, v in enumerate(values[:CHOICES_SHOWN], start=1)]
    if len(values) > CHOICES_SHOWN:
        shown.append("…")
    return " · ".join(shown)


def dimension_question(rule: DimensionRule, lang: str, current: str | None) -> str:
    """``Story (1 Trelleborg · 2 Svalöv) [Trelleborg]``: a dimension's value asked for."""
    question = t(
        "note.mode.ask_dimension", dimension=label(rule.name, lang), choices=choices(rule, lang)
    )
    if current:
        question += t("note.mode.ask_default", value=value_label(rule, current, lang))
    return question


def entry_prompt(values: Sequence[str], kind: str) -> str:
    """``[Trelleborg · Mod] note › ``: the chosen values and the kind of the next entry."""
    chosen = f"[{' · '.join(values)}] " if values else ""
    return f"{chosen}{kind_name(kind)} › "


def step_title(segment: Segment | None, recorded: str | None, step: str, lang: str) -> str:
    """A step's title as the room saw it (recorded by the runner), else the method's."""
    if recorded:
        return recorded
    if segment is None:
        return step
    title = segment.title.get(lang)
    return f"{title} ({segment.round}/{segment.rounds})" if segment.round else title


def step_heading(segment: Segment | None, total: int, title: str) -> str:
    """``step 5/9: Harvest back to the storyteller`` (the title alone when not numbered)."""
    if segment is None or not total:
        return title
    return t("note.mode.step", number=segment.index + 1, total=total, title=title)


def collects_line(rules: StepRules | None, dimensions: Sequence[DimensionRule], lang: str) -> str:
    """``  collects notes along Story, Lens``; "" for a step that declares nothing."""
    if rules is None or not rules.collects:
        return ""
    kinds = ", ".join(dict.fromkeys(kind_name(c.kind) for c in rules.collects))
    names = ", ".join(label(rule.name, lang) for rule in dimensions)
    along = t("note.mode.along", dimensions=names) if names else ""
    return t("note.mode.collects", kinds=kinds, along=along)


def syntax_line(kind: str) -> str:
    """How to type an entry of a kind with a payload (``17=4 23=3``); "" for a text."""
    if kind not in PAYLOAD_KINDS:
        return ""
    return t("note.mode.syntax_line", syntax=t(f"note.mode.syntax.{kind}"))
