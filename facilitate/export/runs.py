"""One run's part of the document: a section per collect declaration, in the method's order.

Entries are matched to their step's ``collect`` declarations by kind (a structured entry
to the declaration whose fields it fills). What no declaration takes (a note on a step
that collects nothing, a kind the step does not collect) is kept as "other entries".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from facilitate.export.context import RunContext
from facilitate.export.document import Item, Label, Part, RunPart
from facilitate.export.record import EntryRecord
from facilitate.export.scores import Scored, Slot, SlotEntries, score_sections
from facilitate.export.structured import ActionSource, fields_section, is_action, themes_section
from facilitate.export.text_sections import (
    TextSlot,
    chapters,
    leading_dimension,
    text_section,
)
from facilitate.export.words import clock_time
from facilitate.model.method import Collect, Step

TEXT_KINDS = ("note", "reflection", "card")


def assign(ctx: RunContext) -> tuple[dict[Slot, SlotEntries], list[EntryRecord]]:
    """The run's entries by (step, collect) in the method's order, and those none takes."""
    slots: dict[Slot, tuple[Step, Collect, list[EntryRecord]]] = {}
    for method_step in ctx.method.steps:
        for index, collect in enumerate(method_step.collect):
            slots[(method_step.id, index)] = (method_step, collect, [])
    other: list[EntryRecord] = []
    for entry in ctx.entries:
        step = ctx.step(entry.step)
        kinds = [i for i, c in enumerate(step.collect) if c.kind == entry.kind] if step else []
        if step is None or not kinds:
            other.append(entry)
            continue
        index = next((i for i in kinds if _fits(step.collect[i], entry)), kinds[0])
        slots[(step.id, index)][2].append(entry)
    return dict(slots), other


def _fits(collect: Collect, entry: EntryRecord) -> bool:
    ids = {f.id for f in collect.fields or ()}
    return bool(entry.fields) and set(entry.fields) <= ids


def run_part(
    ctx: RunContext, name: str, themed: Collection[str], actions: list[ActionSource]
) -> tuple[RunPart, Scored]:
    """The run's part, and its scores (for the rows); its actions are added to ``actions``."""
    slots, other = assign(ctx)
    scored = score_sections(ctx, slots)
    covered = _covered_by_themes(slots)
    placed: list[tuple[Slot, Part]] = []
    texts: list[tuple[Slot, TextSlot]] = []
    for slot, (step, collect, entries) in slots.items():
        left = [e for e in entries if e.entry_id not in scored.shown]
        if slot in scored.sections:
            placed.append((slot, scored.sections[slot]))
        elif collect.kind == "theme":
            here = [e for s in covered.get(slot, ()) for e in slots[s][2]]
            if entries or here:
                placed.append((slot, themes_section(ctx, step, entries, here, themed)))
        elif collect.kind in TEXT_KINDS and not any(slot in c for c in covered.values()):
            texts.append((slot, (step, collect, left)))
        elif collect.kind == "entry" and left and is_action(collect):
            actions.append(ActionSource(ctx, step, collect, left))
        elif collect.kind == "entry" and left:
            placed.append((slot, fields_section(ctx, step, collect, left)))
    placed += _text_parts(ctx, texts)
    order = list(slots)
    placed.sort(key=lambda pair: order.index(pair[0]))
    part = RunPart(
        number=ctx.run.number,
        run_id=ctx.run.run_id,
        method=ctx.method.id,
        name=name,
        started=clock_time(ctx.run.started_at),
        status=ctx.run.progress,
        parts=tuple(p for _, p in placed),
        other=tuple(other_item(ctx, e) for e in other),
        about=ctx.about(),
    )
    return part, scored


def _covered_by_themes(slots: dict[Slot, SlotEntries]) -> dict[Slot, list[Slot]]:
    """Theme slot -> the slots of the same step whose entries the themes group."""
    covered: dict[Slot, list[Slot]] = {}
    for slot, (step, collect, _) in slots.items():
        if collect.kind == "theme" and collect.links:
            covered[slot] = [
                s for s, (st, c, _) in slots.items() if st.id == step.id and c.kind == collect.links
            ]
    return covered


def _text_parts(ctx: RunContext, texts: Sequence[tuple[Slot, TextSlot]]) -> list[tuple[Slot, Part]]:
    """The text sections, or one chapter per value of the run's leading dimension."""
    shown = [
        (slot, (st, c if c.kind != "card" else _unplaced(c), es)) for slot, (st, c, es) in texts
    ]
    leading = leading_dimension(ctx, [t for _, t in shown if t[1].kind != "card"])
    if leading is None:
        parts = [(slot, text_section(ctx, *t)) for slot, t in shown]
        return [(slot, part) for slot, part in parts if part is not None]
    led = [(slot, t) for slot, t in shown if t[1].kind != "card"]
    rest = [(slot, text_section(ctx, *t)) for slot, t in shown if t[1].kind == "card"]
    found: list[tuple[Slot, Part]] = [
        (led[0][0], ch) for ch in chapters(ctx, [t for _, t in led], leading)
    ]
    return found + [(slot, part) for slot, part in rest if part is not None]


def _unplaced(collect: Collect) -> Collect:
    """A card collect without its dimensions: a card's dimension is the card itself."""
    return replace(collect, along=[])


def other_item(ctx: RunContext, entry: EntryRecord) -> Item:
    """An entry no collect declaration takes, labelled with its step."""
    item = ctx.item(entry)
    if entry.step:
        step = Label("step", ctx.words("col.step"), entry.step, ctx.step_title(entry.step))
        item = Item(item.entry_id, item.kind, item.text, (step, *item.labels), (), item.author)
    return item
