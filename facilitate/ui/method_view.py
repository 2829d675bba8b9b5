"""Rich renderables for the method library: the list and one method in full."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from facilitate.i18n import t
from facilitate.library.methods import LoadedMethod, display_path
from facilitate.library.plan_lengths import format_length
from facilitate.model.expand import build_timeline, dimension_values, step_rounds
from facilitate.model.method import Method
from facilitate.model.text import Text
from facilitate.model.timeline import Segment, total_seconds
from facilitate.ui.doc_blocks import Block, Heading, Item, Paragraph, render_blocks, spans
from facilitate.ui.safe_text import safe_line, safe_text


def format_duration(seconds: float) -> str:
    """``5700`` -> ``1 h 35 min`` (``1 tim 35 min`` in Swedish)."""
    return format_length(seconds, t)


def group_size_text(method: Method) -> str:
    size = method.group_size
    return f"{size.min}–{size.max}" if size.max else f"{size.min}+"


def origin_text(loaded: LoadedMethod) -> str:
    label = t(f"origin.{loaded.origin}")
    return label if loaded.origin == "bundled" else f"{label}: {display_path(loaded.path)}"


def methods_table(methods: list[LoadedMethod], lang: str) -> Table:
    """The `methods list` table: id, name, total duration, group size, origin."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("col.id", "col.name", "col.duration", "col.group", "col.origin"):
        table.add_column(t(key), no_wrap=key in ("col.id", "col.duration"))
    for loaded in methods:
        method = loaded.method
        table.add_row(
            method.id,
            safe_line(method.name.get(lang)),
            format_duration(total_seconds(build_timeline(method))),
            group_size_text(method),
            safe_line(origin_text(loaded)),
        )
    return table


def method_summary(loaded: LoadedMethod, lang: str) -> dict[str, Any]:
    """JSON-ready summary of a method for `methods list --json`."""
    method = loaded.method
    return {
        "id": method.id,
        "name": method.name.get(lang),
        "minutes": round(total_seconds(build_timeline(method)) / 60, 1),
        "group_size": {"min": method.group_size.min, "max": method.group_size.max},
        "origin": loaded.origin,
        "path": str(loaded.path),
    }


def _steps_table(method: Method, values: dict[str, Any], lang: str) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False, expand=False)
    table.add_column("#", justify="right")
    table.add_column(t("col.step"))
    table.add_column(t("col.time"), justify="right", no_wrap=True)
    table.add_column(t("col.roles"))
    table.add_column(t("col.collects"))
    roles = {r.id: r.name.get(lang) for r in method.roles}
    for i, step in enumerate(method.steps, start=1):
        rounds = step_rounds(step, values)
        if step.until:
            time = t("show.until", time=step.until)
        else:
            amount = step.minutes
            minutes = float(values[amount]) if isinstance(amount, str) else float(amount or 0)
            each = format_duration(minutes * 60)
            time = f"{rounds} × {each}" if rounds else each
        collects = ", ".join(t(f"kind.{c.kind}") for c in step.collect)
        who = ", ".join(roles[r] for r in step.roles)
        table.add_row(str(i), safe_line(step.title.get(lang)), time, safe_line(who), collects)
    return table


def _room_blocks(segment: Segment | None, lang: str) -> list[Block]:
    """What the room sees during a step, and the timed phases of each of its rounds."""
    if segment is None:
        return []
    blocks: list[Block] = []
    if segment.room:
        shown = ", ".join(item.label.get(lang) for item in segment.room)
        blocks.append(Paragraph(spans((f"{t('show.on_screen')}:", "bold"), f" {shown}")))
    if segment.phases:
        blocks.append(Paragraph(spans((f"{t('show.phases')}:", "bold"))))
        used = sum(p.seconds or 0 for p in segment.phases)
        for phase in segment.phases:
            seconds = phase.seconds
            if seconds is None and segment.seconds is not None:
                seconds = max(0.0, segment.seconds - used)
            length = f" ({format_duration(seconds)})" if seconds is not None else ""
            said = f": {phase.instructions.get(lang).strip()}" if phase.instructions else ""
            blocks.append(Item(spans((phase.title.get(lang), "bold"), length + said)))
    return blocks


def _text(value: Text | None, lang: str) -> str:
    return value.get(lang) if value else ""


def _parameters(method: Method, values: dict[str, Any], lang: str) -> list[Block]:
    items: list[Block] = []
    for pid, param in method.parameters.items():
        value = values[pid]
        if isinstance(value, list):
            shown = " | ".join(v.get(lang) for v in value)
        elif isinstance(value, Text):
            shown = value.get(lang)
        else:
            shown = f"{value:g}" if isinstance(value, float) else str(value)
        items.append(
            Item(spans((param.label.get(lang), "bold"), " (", (pid, "cyan"), f"): {shown}"))
        )
    return items


def _collect_items(method: Method, values: dict[str, Any], lang: str) -> list[Block]:
    items: list[Block] = []
    dims = {d: method.dimensions[d].label.get(lang) for d in method.dimensions}
    dims.update({"round": t("dim.round"), "step": t("dim.step")})
    for step in method.steps:
        for c in step.collect:
            along = " × ".join(dims.get(d, d) for d in c.along)
            rule = _scoring_rule(c, values)
            line = spans(f"{step.title.get(lang)}: ", (t(f"kind.{c.kind}"), "bold"))
            line.append(f" ({safe_text(along)})" if along else "")
            line.append(f" — {safe_text(rule)}" if rule else "")
            if c.prompt:
                line.append(" — ").append(safe_text(c.prompt.get(lang)), style="italic")
            items.append(Item(line))
    for did in method.dimensions:
        choices = dimension_values(method, did, values)
        if choices and method.dimensions[did].values is not None:
            shown = ", ".join(c.label.get(lang) for c in choices)
            items.append(Item(spans(f"{dims[did]}: {shown}")))
    return items


def _scoring_rule(c: Any, values: dict[str, Any]) -> str:
    def get(v: Any) -> Any:
        return values[v] if isinstance(v, str) else v

    if c.kind == "pair_split":
        points, rounds = get(c.points), get(c.rounds)
        return t("rule.pair_split", points=points, rounds=rounds, max=points * rounds)
    if c.kind == "rating":
        return t("rule.rating", low=c.scale[0], high=c.scale[1], rounds=get(c.rounds))
    if c.kind == "dots":
        return t("rule.dots_per" if c.per else "rule.dots", dots=get(c.dots), per=c.per or "")
    if c.kind == "entry" and c.fields:
        return ", ".join(f.id for f in c.fields)
    return ""


def method_details(loaded: LoadedMethod, values: dict[str, Any], lang: str) -> RenderableType:
    """Everything a facilitator needs to run the method, for `methods show`."""
    method = loaded.method
    timeline = build_timeline(method, values)
    total = format_duration(total_seconds(timeline))
    parts: list[RenderableType] = [render_blocks(_head(loaded, total, values, lang))]
    parts += [
        RichText(""),
        RichText(t("show.steps"), style="bold"),
        _steps_table(method, values, lang),
    ]
    parts.append(RichText(t("show.total", total=total), style="bold"))
    parts += [RichText(""), render_blocks(_body(method, timeline, values, lang))]
    return Panel(Group(*parts), border_style="cyan", padding=(0, 1))


def _head(loaded: LoadedMethod, total: str, values: dict[str, Any], lang: str) -> list[Block]:
    """The method's name, summary, purpose, length, group, origin, roles and materials."""
    method = loaded.method
    note = f" ({method.group_size.note.get(lang)})" if method.group_size.note else ""
    head: list[Block] = [
        Heading(1, method.name.get(lang)),
        Paragraph(spans(method.summary.get(lang))),
        Paragraph(spans((f"{t('show.purpose')}:", "bold"), f" {method.purpose.get(lang)}")),
        Paragraph(
            spans(
                (f"{t('show.duration')}:", "bold"),
                f" {total}  ·  ",
                (f"{t('show.group')}:", "bold"),
                f" {group_size_text(method)}{note}",
            )
        ),
        Paragraph(spans((f"{t('col.origin')}:", "bold"), f" {origin_text(loaded)}")),
        Heading(2, t("show.roles")),
    ]
    for role in method.roles:
        task = f": {_text(role.task, lang)}" if role.task else ""
        head.append(Item(spans((role.name.get(lang), "bold"), task)))
    if method.materials:
        head += [Heading(2, t("show.materials"))]
        head += [Item(spans(m.get(lang))) for m in method.materials]
    if method.parameters:
        head += [Heading(2, t("show.parameters")), *_parameters(method, values, lang)]
    return head


def _body(
    method: Method, timeline: list[Segment], values: dict[str, Any], lang: str
) -> list[Block]:
    """Each step's instructions, what it collects, and where the method comes from."""
    body: list[Block] = [Heading(2, t("show.instructions"))]
    first_segments: dict[str, Segment] = {}
    for segment in timeline:
        first_segments.setdefault(segment.step_id, segment)
    for i, step in enumerate(method.steps, start=1):
        body += [Heading(3, f"{i}. {step.title.get(lang)}")]
        body += [Paragraph(spans(step.instructions.get(lang).strip()))]
        body += _room_blocks(first_segments.get(step.id), lang)
        texts = step.round_texts
        if texts:
            seq = values[texts] if isinstance(texts, str) else texts
            body += [Item(spans(x.get(lang)), f"{n}.") for n, x in enumerate(seq, start=1)]
        for ex in step.exercises:
            said = f": {ex.description.get(lang).strip()}"
            body.append(Item(spans((ex.name.get(lang), "bold"), said)))
    collected = _collect_items(method, values, lang)
    if collected:
        body += [Heading(2, t("show.collected")), *collected]
    if method.attribution or method.sources:
        body += [Heading(2, t("show.sources"))]
        if method.attribution:
            body.append(Paragraph(spans(method.attribution.get(lang))))
        body += [Item(spans(s.title + (f" <{s.url}>" if s.url else ""))) for s in method.sources]
    return body
