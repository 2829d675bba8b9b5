"""Rich renderables for plans: the list, and a day's programme as people know it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from facilitate.i18n import t
from facilitate.library.methods import display_path
from facilitate.library.plan_lengths import format_length
from facilitate.model.plan.agenda import AgendaLine, agenda, line_text
from facilitate.model.plan.clocktime import format_clock, format_range
from facilitate.model.plan.diagnose import DayLength
from facilitate.model.plan.programme import PlannedBlock, Programme
from facilitate.model.plan.schedule import lay_out

if TYPE_CHECKING:
    from facilitate.library.plans import LoadedPlan


def day_range(programme: Programme, lang: str) -> str:
    """``09.30–16.00``: from the start to the end of the day (or of its last block)."""
    end = programme.end if programme.end is not None else lay_out(programme)[-1].end
    return format_range(programme.start, end, lang)


def origin_text(loaded: LoadedPlan) -> str:
    label = t(f"origin.{loaded.origin}")
    return label if loaded.origin == "bundled" else f"{label}: {display_path(loaded.path)}"


def plans_table(plans: list[LoadedPlan], lang: str) -> Table:
    """The `plan list` table: id, title, date, the day's times, blocks, origin."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for key in ("col.id", "plan.col.title", "plan.col.date", "plan.col.day", "plan.col.blocks"):
        table.add_column(t(key), no_wrap=key != "plan.col.title")
    table.add_column(t("col.origin"))
    for loaded in plans:
        programme = loaded.programme
        table.add_row(
            programme.id,
            programme.title.get(lang),
            programme.date.isoformat() if programme.date else "–",
            day_range(programme, lang),
            str(len(programme.blocks)),
            origin_text(loaded),
        )
    return table


def plan_summary(loaded: LoadedPlan, lang: str) -> dict[str, Any]:
    """JSON-ready summary of a plan for `plan list --json`."""
    programme = loaded.programme
    timed = lay_out(programme)
    return {
        "id": programme.id,
        "title": programme.title.get(lang),
        "date": programme.date.isoformat() if programme.date else None,
        "place": programme.place,
        "start": format_clock(programme.start, "en"),
        "end": format_clock(programme.end if programme.end is not None else timed[-1].end, "en"),
        "blocks": len(programme.blocks),
        "origin": loaded.origin,
        "path": str(loaded.path),
    }


def block_details(block: PlannedBlock, lang: str) -> list[str]:
    """What is printed under a block's title: who, where, notes, and how fixed it is."""
    details = [who for who in (block.presenter,) if who]
    if block.responsible:
        details.append(t("plan.show.responsible", who=block.responsible))
    if block.room:
        details.append(t("plan.show.room", room=block.room))
    if block.notes:
        details.append(block.notes.get(lang).strip())
    for label, texts in block.lists:
        details.append(f"{label.get(lang)}:")
        details += [f"  {n}. {text.get(lang)}" for n, text in enumerate(texts, start=1)]
    flags = []
    if block.anchor is not None:
        flags.append(t("plan.show.fixed"))
    if block.flexible:
        flags.append(t("plan.show.flexible", min=format_length(block.min_seconds, t)))
    if flags:
        details.append(" · ".join(flags))
    return details


def line_label(line: AgendaLine, lang: str) -> str:
    """A track's block or a method's step, as one line."""
    return line_text(line, lang, lambda n, of: t("plan.show.round", n=n, of=of))


def programme_view(loaded: LoadedPlan, lang: str, *, steps: bool = False) -> RenderableType:
    """The programme: start–end and title of every block, with tracks (and steps)."""
    programme = loaded.programme
    parts: list[RenderableType] = [RichText(programme.title.get(lang), style="bold")]
    meta = [programme.date.isoformat() if programme.date else "", programme.place or ""]
    meta.append(programme.organiser or "")
    if any(meta):
        parts.append(RichText(" · ".join(m for m in meta if m)))
    if programme.notes:
        parts.append(RichText(programme.notes.get(lang).strip(), style="dim"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in agenda(programme, steps=steps):
        times = format_range(line.start, line.end, lang)
        if line.depth == 0:
            cell = RichText(line.block.title.get(lang), style="bold")
            for detail in block_details(line.block, lang):
                cell.append("\n" + detail, style="dim")
            grid.add_row(RichText(times, style="bold"), cell)
        else:
            indent = "  " * (line.depth - 1)
            grid.add_row("", RichText(f"{indent}{times}  {line_label(line, lang)}", style="dim"))
    end = programme.end if programme.end is not None else lay_out(programme)[-1].end
    day = t(
        "plan.show.day",
        range=day_range(programme, lang),
        length=format_length(end - programme.start, t),
    )
    parts += [RichText(""), grid, RichText(""), RichText(day, style="bold")]
    return Group(*parts)


def programme_data(programme: Programme, lang: str, *, steps: bool = False) -> dict[str, Any]:
    """The programme as JSON-ready data for `plan show --json` (clock times as HH:MM)."""
    rows = []
    for line in agenda(programme, steps=steps):
        row: dict[str, Any] = {
            "depth": line.depth,
            "key": line.block.key,
            "kind": line.block.kind,
            "start": format_clock(line.start, "en"),
            "end": format_clock(line.end, "en"),
            "title": line.block.title.get(lang),
        }
        if line.depth == 0:
            row["fixed"] = line.block.anchor is not None
            row["flexible"] = line.block.flexible
            row["min_minutes"] = round(line.block.min_seconds / 60, 1)
        if line.track is not None:
            row["track"] = line.track.title.get(lang)
            row["room"] = line.track.room
        if line.step is not None:
            row["step"] = line.step.label
            row["title"] = line.step.title.get(lang)
        rows.append(row)
    return {
        "id": programme.id,
        "title": programme.title.get(lang),
        "date": programme.date.isoformat() if programme.date else None,
        "place": programme.place,
        "timezone": programme.timezone,
        "blocks": rows,
    }


def day_line(name: str, day: DayLength, lang: str) -> str:
    """``plans/x.yaml: the day 09:30–16:00 (6 h 30 min): ...`` for `plan check`."""
    return t(
        "plan.check.day",
        name=name,
        range=format_range(day.start, max(day.end, day.target or day.end), lang),
        length=format_length(day.seconds, t),
        busy=format_length(day.busy, t),
        gaps=format_length(day.gaps, t),
        room=format_length(day.flexible_room, t),
    )
