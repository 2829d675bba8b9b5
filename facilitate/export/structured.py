"""Themes with the items they link, structured entries as tables, and the session's actions.

A structured entry whose declared fields include ``who`` and ``when`` is an action: actions
are gathered from every run into a section of their own.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from facilitate.export.context import ROUND, RunContext
from facilitate.export.document import FieldsSection, FieldValue, Item, ThemeGroup, ThemesSection
from facilitate.export.record import EntryRecord
from facilitate.model.method import Collect, Step
from facilitate.records import Record

ACTION_FIELDS = frozenset({"who", "when"})
FROM = "from"
Fields = list[tuple[str, str]]


def is_action(collect: Collect) -> bool:
    """True for a structured entry that says who does what and when."""
    ids = {f.id for f in collect.fields or ()}
    return collect.kind == "entry" and ids >= ACTION_FIELDS


def themes_section(
    ctx: RunContext,
    step: Step,
    themes: Sequence[EntryRecord],
    collected_here: Sequence[EntryRecord],
    themed: Collection[str],
) -> ThemesSection:
    """The step's themes with their (live) items; what was collected here under no theme."""
    groups = []
    for theme in themes:
        members = [ctx.by_id[m] for m in theme.items if m in ctx.by_id]
        groups.append(ThemeGroup(theme.entry_id, theme.text, tuple(map(ctx.member_item, members))))
    loose = tuple(ctx.member_item(e) for e in collected_here if e.entry_id not in themed)
    return ThemesSection(step.id, step.title.get(ctx.lang), tuple(groups), loose)


def declared_fields(ctx: RunContext, collect: Collect, entries: Sequence[EntryRecord]) -> Fields:
    """The collect's fields as ``(id, name)``, then any other field an entry holds."""
    fields = [(f.id, f.label.get(ctx.lang)) for f in collect.fields or ()]
    known = {key for key, _ in fields}
    for entry in entries:
        for key in entry.fields:
            if key not in known:
                known.add(key)
                fields.append((key, key))
    return fields


def fields_section(
    ctx: RunContext, step: Step, collect: Collect, entries: Sequence[EntryRecord]
) -> FieldsSection:
    """One row per entry: the dimensions it is collected along, then its fields."""
    dims = [d for d in collect.along if d != ROUND]
    fields = declared_fields(ctx, collect, entries)
    columns = (*(ctx.dim_name(d) for d in dims), *(name for _, name in fields))
    rows = tuple(_row(ctx, entry, dims, fields) for entry in entries)
    return FieldsSection(step.id, step.title.get(ctx.lang), columns, rows)


def _row(ctx: RunContext, entry: EntryRecord, dims: Sequence[str], fields: Fields) -> Item:
    placed = tuple(
        FieldValue(d, ctx.dim_name(d), ctx.value_text(d, entry.dims[d]) if d in entry.dims else "")
        for d in dims
    )
    item = ctx.item(entry, shown=dims, fields=fields)
    text = entry.text if not entry.fields else ""
    return Item(item.entry_id, item.kind, text, item.labels, placed + item.fields, item.author)


class ActionSource(Record):
    """The actions one step of one run collected."""

    ctx: RunContext
    step: Step
    collect: Collect
    entries: Sequence[EntryRecord]


def actions_section(
    sources: Sequence[ActionSource], title: str, origin: str
) -> FieldsSection | None:
    """Every action of the session in one table: the step it comes from, then its fields."""
    if not any(source.entries for source in sources):
        return None
    order: dict[str, str] = {}
    for source in sources:
        for key, name in declared_fields(source.ctx, source.collect, source.entries):
            order.setdefault(key, name)
    fields = list(order.items())
    rows = []
    for source in sources:
        where = FieldValue(FROM, origin, source.step.title.get(source.ctx.lang))
        for entry in source.entries:
            item = source.ctx.item(entry, shown=source.collect.along, fields=fields)
            text = entry.text if not entry.fields else ""
            rows.append(
                Item(
                    item.entry_id, item.kind, text, item.labels, (where, *item.fields), item.author
                )
            )
    return FieldsSection("", title, (origin, *order.values()), tuple(rows))
