"""How sessions look in the terminal: the list, one session, its history; and their JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitate.i18n import t
from facilitate.journal import Session, SessionSummary
from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Recorded,
    RunStarted,
    RunStopped,
    StepEnded,
    StepRestarted,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.session import Entry, SessionState, StepRun

NONE = "–"
ENTRY_ID_SHOWN = 8


# --- small formatters ------------------------------------------------------------------------


def duration(seconds: float | None) -> str:
    """``75`` -> ``1:15``, ``3725`` -> ``1:02:05``; negative (overtime) -> ``-0:12``."""
    if seconds is None:
        return NONE
    sign = "-" if seconds < 0 else ""
    whole = round(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def signed_duration(seconds: float) -> str:
    """``120`` -> ``+2:00``; ``-60`` -> ``-1:00``."""
    return duration(seconds) if seconds < 0 else "+" + duration(seconds)


def clock_time(at: str | None, *, seconds: bool = False) -> str:
    """The local time of a record's timestamp: ``10:02`` (or ``10:02:11``)."""
    if not at:
        return NONE
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def cells(*values: str | Text) -> list[Text]:
    """Table cells as plain text: what people typed is never read as Rich markup or emoji."""
    return [value if isinstance(value, Text) else Text(value) for value in values]


def short_id(entry_id: str) -> str:
    return entry_id[:ENTRY_ID_SHOWN]


def status_text(state: SessionState) -> str:
    """ "stopped at step round#2", "running (step intro)", "finished", ..."""
    status = state.status
    step = state.current_step
    if step is None and state.current_index is not None:
        step = f"#{state.current_index + 1}"
    if status == "stopped" and step:
        return t("sessions.status.stopped_at", step=step)
    if status == "running" and state.current_step:
        return t("sessions.status.running_at", step=state.current_step)
    return t(f"sessions.status.{status}")


def resume_detail(state: SessionState) -> str:
    """``(12:30 left, paused)`` for a run that can be continued, else ``""``."""
    point = state.resume_point
    if point is None or state.progress == "not_started" or point.remaining_seconds is None:
        return ""
    parts = [t("sessions.status.left", time=duration(point.remaining_seconds))]
    if point.paused:
        parts.append(t("sessions.status.paused"))
    return f" ({', '.join(parts)})"


# --- sessions list ---------------------------------------------------------------------------


def sessions_table(summaries: Iterable[SessionSummary]) -> Table:
    """One row per session: id over title, date over method or plan, live entries, status.

    The id is never wrapped, so that it can be copied; a title longer than the longest id is
    shortened here (``sessions show`` has it in full).
    """
    summaries = list(summaries)
    width = max((len(s.header.id) for s in summaries), default=10)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, leading=1)
    table.add_column(f"{t('sessions.col.id')}\n{t('sessions.col.title')}", no_wrap=True)
    table.add_column(f"{t('sessions.col.date')}\n{t('sessions.col.method')}", no_wrap=True)
    table.add_column(t("sessions.col.entries"), justify="right", no_wrap=True)
    table.add_column(t("sessions.col.status"), overflow="fold", min_width=8)
    for summary in summaries:
        header, state = summary.header, summary.state
        title = (
            header.title
            if cell_len(header.title) <= width
            else set_cell_size(header.title, width - 1) + "…"
        )
        name = Text(header.id, style="bold")
        name.append("\n" + title, style="not bold")
        table.add_row(
            *cells(
                name,
                f"{header.date}\n{header.method_or_plan or state.method or NONE}",
                str(len(state.entries)),
                status_text(state),
            )
        )
    return table


def summary_data(summary: SessionSummary) -> dict[str, Any]:
    """One session of ``sessions list --json``."""
    header, state = summary.header, summary.state
    return {
        **header.to_data(),
        "path": str(summary.session.path),
        "status": state.status,
        "status_text": status_text(state),
        "entries": len(state.entries),
        "deleted_entries": len(state.deleted),
        "events": state.events,
        "steps_run": len(state.steps),
        "current_step": state.current_step,
        "resume_point": state.resume_point._asdict() if state.resume_point else None,
        "last_at": state.last_at,
    }


# --- sessions show ---------------------------------------------------------------------------


def session_view(session: Session, state: SessionState, lang: str) -> RenderableType:
    """Header, steps with planned and actual times, entries by kind."""
    header = session.header
    parts: list[RenderableType] = [
        Text(header.title, style="bold"),
        Text(header.id, style="dim"),
        Text(""),
    ]
    facts = [
        (t("sessions.label.date"), header.date),
        (t("sessions.label.place"), header.place),
        (t("sessions.label.language"), header.language),
        (t("sessions.label.method"), header.method or state.method or ""),
        (t("sessions.label.plan"), header.plan or ""),
        (t("sessions.label.facilitators"), ", ".join(header.facilitators)),
        (t("sessions.label.params"), ", ".join(f"{k}={v}" for k, v in state.params.items())),
        (t("sessions.label.status"), status_text(state) + resume_detail(state)),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in facts:
        if value:
            grid.add_row(*cells(label, value))
    parts.append(grid)
    if state.resume_point is not None and state.status in ("running", "stopped"):
        parts.append(Text(t("sessions.label.resume", id=header.id), style="dim"))
    parts += [Text(""), Text(t("sessions.label.steps"), style="bold")]
    parts.append(steps_table(state) if state.steps else Text(t("sessions.label.no_steps")))
    parts += [Text(""), Text(t("sessions.label.entries", count=len(state.entries)), style="bold")]
    if not state.entries:
        parts.append(Text(t("sessions.label.no_entries")))
    for kind, entries in state.entries_by_kind().items():
        parts.append(entries_table(kind, entries))
    if state.deleted:
        parts.append(Text(t("sessions.label.deleted", count=len(state.deleted), id=header.id)))
    return Group(*parts)


def steps_table(state: SessionState) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_footer=True)
    table.add_column(t("sessions.col.index"), justify="right")
    table.add_column(t("sessions.col.step"), footer=t("sessions.label.total"))
    planned_total = sum(run.planned_seconds or 0.0 for run in state.steps)
    ended = [run.elapsed_seconds for run in state.steps if run.elapsed_seconds is not None]
    actual_total = sum(ended) if ended else None
    table.add_column(t("sessions.col.planned"), justify="right", footer=duration(planned_total))
    table.add_column(t("sessions.col.actual"), justify="right", footer=duration(actual_total))
    table.add_column(t("sessions.col.outcome"))
    table.add_column(t("sessions.col.started"), no_wrap=True)
    current = state.current_step_run if state.progress == "running" else None
    for run in state.steps:
        planned = duration(run.planned_seconds) if run.until is None else f"→ {run.until}"
        table.add_row(
            *cells(
                str(run.index + 1),
                run.label,
                planned,
                duration(run.elapsed_seconds),
                outcome_text(run, running=run is current),
                clock_time(run.started_at),
            )
        )
    return table


def outcome_text(run: StepRun, *, running: bool) -> str:
    if run.outcome is not None:
        text = t(f"sessions.outcome.{run.outcome}")
    else:
        text = t("sessions.outcome.running" if running else "sessions.outcome.cut_off")
    if run.outcome == "stopped" and run.remaining_seconds is not None:
        text += f" ({t('sessions.status.left', time=duration(run.remaining_seconds))})"
    extras = []
    if run.adjusted_seconds:
        extras.append(t("sessions.outcome.adjusted", delta=signed_duration(run.adjusted_seconds)))
    if run.paused_seconds:
        extras.append(t("sessions.outcome.paused", time=duration(run.paused_seconds)))
    if run.resumed:
        extras.append(t("sessions.outcome.resumed", count=run.resumed))
    return ", ".join([text, *extras])


def entries_table(kind: str, entries: list[Entry]) -> Table:
    table = Table(
        title=Text(f"{kind} ({len(entries)})", style="italic"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column(t("sessions.col.id"), no_wrap=True, style="dim")
    table.add_column(t("sessions.col.text"), ratio=1)
    table.add_column(t("sessions.col.step"))
    table.add_column(t("sessions.col.by"))
    table.add_column(t("sessions.col.time"), no_wrap=True)
    for entry in entries:
        step = entry.step or NONE
        if entry.round:
            step += f"#{entry.round}"
        text = entry.text + (f"  ({t('sessions.label.edited')})" if entry.edits else "")
        table.add_row(
            *cells(short_id(entry.entry_id), text, step, entry.author, clock_time(entry.added_at))
        )
    return table


def state_data(session: Session, state: SessionState) -> dict[str, Any]:
    """``sessions show --json``: the header and the folded state."""
    return {"id": session.id, "path": str(session.path), **state.to_data()}


# --- sessions history ------------------------------------------------------------------------


def history_lines(records: list[Recorded]) -> list[str]:
    """One readable line per record: number, time, who, what happened."""
    days = {record.at[:10] for record in records}
    with_date = len(days) > 1
    labels: dict[int, str] = {}
    rows = []
    for record in records:
        when = clock_time(record.at, seconds=True)
        if with_date:
            when = f"{record.at[:10]} {when}"
        who = f"{record.author} ({record.role})" if record.role else record.author
        rows.append((str(record.seq), when, who, describe(record, labels)))
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(3)]
    return [
        f"{seq:>{widths[0]}}  {when:<{widths[1]}}  {who:<{widths[2]}}  {what}"
        for seq, when, who, what in rows
    ]


def describe(record: Recorded, labels: dict[int, str]) -> str:
    """What one record says, in words (``labels`` collects step labels as it goes)."""
    event = record.event

    def step(index: int) -> dict[str, Any]:
        return {"number": index + 1, "step": labels.get(index, f"#{index + 1}")}

    match event:
        case RunStarted():
            speed = t("sessions.ev.speed", speed=f"{event.speed:g}") if event.speed != 1 else ""
            return t(
                "sessions.ev.run_started", method=event.method, segments=event.segments, speed=speed
            )
        case StepStarted():
            labels[event.index] = f"{event.step}#{event.round}" if event.round else event.step
            if event.until:
                return t("sessions.ev.step_until", until=event.until, **step(event.index))
            resumed = (
                event.remaining_seconds is not None
                and event.planned_seconds is not None
                and abs(event.remaining_seconds - event.planned_seconds) > 0.5
            )
            if resumed:
                return t(
                    "sessions.ev.step_resumed",
                    remaining=duration(event.remaining_seconds),
                    **step(event.index),
                )
            return t(
                "sessions.ev.step_started",
                planned=duration(event.planned_seconds),
                **step(event.index),
            )
        case TimerPaused():
            return t("sessions.ev.timer_paused", remaining=duration(event.remaining_seconds))
        case TimerResumed():
            return t(
                "sessions.ev.timer_resumed",
                paused=duration(event.paused_seconds),
                remaining=duration(event.remaining_seconds),
            )
        case TimerAdjusted():
            return t(
                "sessions.ev.timer_adjusted",
                delta=signed_duration(event.delta_seconds),
                remaining=duration(event.remaining_seconds),
            )
        case StepRestarted():
            return t(
                "sessions.ev.step_restarted",
                remaining=duration(event.remaining_seconds),
                **step(event.index),
            )
        case StepEnded():
            return t(
                "sessions.ev.step_ended",
                outcome=t(f"sessions.outcome.{event.outcome}"),
                elapsed=duration(event.elapsed_seconds),
                **step(event.index),
            )
        case ClockResynced():
            return t(
                "sessions.ev.clock_resynced",
                jump=duration(event.jump_seconds),
                remaining=duration(event.remaining_seconds),
            )
        case RunStopped():
            if event.reason == "finished":
                return t("sessions.ev.run_finished")
            return t(
                "sessions.ev.run_stopped",
                reason=t(f"sessions.stop.{event.reason}"),
                remaining=duration(event.remaining_seconds),
                paused=t("sessions.ev.paused_flag") if event.paused else "",
                **step(event.index),
            )
        case EntryAdded():
            where = ""
            if event.step:
                where = f" ({event.step}#{event.round})" if event.round else f" ({event.step})"
            return t(
                "sessions.ev.entry_added",
                kind=event.kind,
                entry=short_id(event.entry_id),
                where=where,
                text=event.text,
            )
        case EntryEdited():
            text = event.text if event.text is not None else json.dumps(event.dims or event.value)
            return t("sessions.ev.entry_edited", entry=short_id(event.entry_id), text=text)
        case EntryDeleted():
            reason = f": {event.reason}" if event.reason else ""
            return t("sessions.ev.entry_deleted", entry=short_id(event.entry_id), reason=reason)
    data = json.dumps(event.to_data(), ensure_ascii=False)
    return t("sessions.ev.other", type=event.TYPE, data=data)


def record_data(record: Recorded) -> dict[str, Any]:
    """A record as it stands in the journal (for ``sessions history --json``)."""
    return {
        "seq": record.seq,
        "at": record.at,
        "author": record.author,
        "role": record.role,
        "type": record.event.TYPE,
        "data": record.event.to_data(),
    }
