"""Notes and reflections: grouped by round and along the dimensions their step collects.

A repeated step's entries are grouped by round first, each round under its own text (the
World Café's question), then along the collect's dimensions in the declared order. A run
whose text-collecting steps all lead with the same dimension of known values (the stories
of a story harvest) is laid out per value of it: one chapter per story, holding what
each step gathered about that story.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.export.context import ROUND, RunContext
from facilitate.export.document import Chapter, Group, Item, TextSection
from facilitate.export.record import EntryRecord
from facilitate.model.method import Collect, Step

TextSlot = tuple[Step, Collect, Sequence[EntryRecord]]


def text_section(
    ctx: RunContext,
    step: Step,
    collect: Collect,
    entries: Sequence[EntryRecord],
    leading: str | None = None,
) -> TextSection | None:
    """The section for one text collect (None when there is nothing to show)."""
    dims = [d for d in collect.along if d not in (ROUND, leading)]
    shown = {*collect.along, *([leading] if leading else [])}
    rounds = ctx.rounds(step)
    if rounds:
        items, groups = _by_round(ctx, step, entries, rounds, dims, shown)
    else:
        items, groups = grouped(ctx, entries, dims, shown)
    if not (items or groups):
        return None
    prompt = collect.prompt.get(ctx.lang) if collect.prompt else None
    return TextSection(step.id, step.title.get(ctx.lang), collect.kind, prompt, items, groups)


def _by_round(
    ctx: RunContext,
    step: Step,
    entries: Sequence[EntryRecord],
    rounds: int,
    dims: list[str],
    shown: set[str],
) -> tuple[tuple[Item, ...], tuple[Group, ...]]:
    """One group per round (every round when the rounds have texts of their own)."""
    keep_empty = step.round_texts is not None
    groups = []
    for number in range(1, rounds + 1):
        mine = [e for e in entries if e.round == number]
        if not mine and not keep_empty:
            continue
        items, subgroups = grouped(ctx, mine, dims, shown | {ROUND})
        groups.append(Group(ctx.round_text(step, number), ROUND, items, subgroups))
    loose = [e for e in entries if e.round is None or not 1 <= e.round <= rounds]
    return tuple(ctx.item(e, shown - set(dims)) for e in loose), tuple(groups)


def grouped(
    ctx: RunContext, entries: Sequence[EntryRecord], dims: Sequence[str], shown: set[str]
) -> tuple[tuple[Item, ...], tuple[Group, ...]]:
    """Entries grouped along ``dims`` (nested, in order); those without a value stay items."""
    if not dims:
        return tuple(ctx.item(e, shown) for e in entries), ()
    dim, rest = dims[0], dims[1:]
    loose = [e for e in entries if not e.dims.get(dim)]
    buckets: dict[str, list[EntryRecord]] = {}
    for entry in entries:
        if entry.dims.get(dim):
            buckets.setdefault(ctx.value_text(dim, entry.dims[dim]), []).append(entry)
    groups = []
    for text in ctx.value_order(dim, buckets):
        items, subgroups = grouped(ctx, buckets[text], rest, shown | {dim})
        groups.append(Group(text, dim, items, subgroups))
    return tuple(ctx.item(e, shown - set(rest)) for e in loose), tuple(groups)


def leading_dimension(ctx: RunContext, slots: Sequence[TextSlot]) -> str | None:
    """The dimension every text collect of the run leads with, when its values are known."""
    if len(slots) < 2:
        return None
    firsts = {next((d for d in c.along if d != ROUND), None) for _, c, _ in slots}
    if len(firsts) != 1:
        return None
    dim = firsts.pop()
    return dim if dim is not None and ctx.choices(dim) else None


def chapters(ctx: RunContext, slots: Sequence[TextSlot], dim: str) -> tuple[Chapter, ...]:
    """One chapter per value of ``dim`` (every listed value), then one for entries without."""
    seen = [ctx.value_text(dim, e.dims[dim]) for _, _, es in slots for e in es if e.dims.get(dim)]
    listed = [c.label.get(ctx.lang) for c in ctx.choices(dim) or ()]
    found = [_chapter(ctx, slots, dim, title) for title in ctx.value_order(dim, [*listed, *seen])]
    without = _chapter(ctx, slots, dim, None)
    return tuple(found) + ((without,) if without.sections else ())


def _chapter(ctx: RunContext, slots: Sequence[TextSlot], dim: str, title: str | None) -> Chapter:
    """The chapter of value ``title`` (None: the entries without a value for ``dim``)."""
    sections = []
    for step, collect, entries in slots:
        mine = [e for e in entries if _value(ctx, e, dim) == title]
        section = text_section(ctx, step, collect, mine, leading=dim) if mine else None
        if section is not None:
            sections.append(section)
    return Chapter(title if title is not None else _without(ctx, dim), dim, tuple(sections))


def _value(ctx: RunContext, entry: EntryRecord, dim: str) -> str | None:
    value = entry.dims.get(dim)
    return ctx.value_text(dim, value) if value else None


def _without(ctx: RunContext, dim: str) -> str:
    name = ctx.dim_name(dim)
    return ctx.words("without", dimension=name[:1].lower() + name[1:])
