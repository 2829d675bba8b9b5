"""How sessions look in the terminal: one session with its runs; and its JSON.

Views take the model (header, state) and plain values, never the journal. The list's JSON is
in :mod:`facilitate.ui.session_data` (no Rich).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitate.i18n import t
from facilitate.model.session import Entry, LiveStatus, Run, SessionHeader, SessionState, StepRun
from facilitate.model.session_digest import SessionDigest
from facilitate.ui.format import format_duration, format_signed
from facilitate.ui.safe_text import safe_line
from facilitate.ui.session_text import (
    cells,
    clock_time,
    ended_timer,
    entry_step,
    kind_name,
    language_name,
    live_detail,
    resume_detail,
    run_params,
    run_status,
    run_title,
    short_id,
    status_detail,
    status_text,
)

# --- sessions show ---------------------------------------------------------------------------


def session_view(
    header: SessionHeader,
    state: SessionState,
    names: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]] | None = None,
    live: LiveStatus | None = None,
) -> RenderableType:
    """Header facts, each run with its steps planned against actual, entries by kind.

    ``names`` maps method ids to the methods' names in the interface language, ``labels``
    method ids to their parameters' labels (a parameter without one shows its key);
    ``live`` how the last run stands now, when it is being run live.
    """
    parts = session_head(header, state, names, labels, live)
    parts += [Text(""), Text(t("sessions.label.entries", count=len(state.entries)), style="bold")]
    if not state.entries:
        parts.append(Text(t("sessions.label.no_entries")))
    for kind, entries in state.entries_by_kind().items():
        parts.append(entries_table(state, kind, entries))
    if state.deleted:
        deleted = t("sessions.label.deleted", count=len(state.deleted), id=safe_line(header.id))
        parts.append(Text(deleted))
    return Group(*parts)


def session_head(
    header: SessionHeader,
    state: SessionState | SessionDigest,
    names: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]] | None = None,
    live: LiveStatus | None = None,
) -> list[RenderableType]:
    """What a session's view begins with: its facts, and each run with its steps."""
    parts: list[RenderableType] = [
        Text(safe_line(header.title), style="bold"),
        Text(safe_line(header.id), style="dim"),
        Text(""),
    ]
    facts = [
        (t("sessions.label.date"), header.date),
        (t("sessions.label.place"), header.place),
        (t("sessions.label.language"), language_name(header.language)),
        (t("sessions.label.method"), names.get(header.method or "", header.method or "")),
        (t("sessions.label.plan"), header.plan or ""),
        (t("sessions.label.facilitators"), ", ".join(header.facilitators)),
        (t("sessions.label.status"), status_text(state, live) + status_detail(state, live)),
    ]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in facts:
        if value:
            grid.add_row(*cells(label, value))
    parts.append(grid)
    resumable = state.status in ("running", "stopped") and not ended_timer(state.last_run)
    if live is not None:
        parts.append(Text(t("live.label.live", id=safe_line(header.id)), style="dim"))
    elif state.resume_point is not None and resumable:
        parts.append(Text(t("sessions.label.resume", id=safe_line(header.id)), style="dim"))
    parts += [Text(""), Text(t("sessions.label.runs", count=len(state.runs)), style="bold")]
    if not state.runs:
        parts.append(Text(t("sessions.label.no_runs")))
    for run in state.runs:
        run_labels = (labels or {}).get(run.method, {})
        last = run is state.last_run
        heading = run_heading(run, names, run_labels, last=last, live=live if last else None)
        parts += [Text(""), heading]
        parts.append(steps_table(run) if run.steps else Text(t("sessions.label.no_steps")))
    return parts


def run_heading(
    run: Run,
    names: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    last: bool,
    live: LiveStatus | None = None,
) -> RenderableType:
    """``Run 2: 35:an`` in bold with when it started and how it went (``live``: how it
    stands now); its parameters below, by their labels (``labels``: key -> label)."""
    name = safe_line(run_title(run.method, run.params, names))
    heading = Text(t("sessions.label.run", number=run.number, name=name), style="bold")
    details = [t("sessions.label.run_started", time=clock_time(run.started_at))]
    if run.speed != 1:
        details.append(t("sessions.label.run_speed", speed=f"{run.speed:g}"))
    if live is not None:
        details.append(run_status(run, live) + live_detail(live))
    else:
        details.append(run_status(run) + (resume_detail(run) if last else ""))
    heading.append("  " + " · ".join(details), style="not bold dim")
    params = run_params(run, labels)
    if not params:
        return heading
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    for name, value in params:
        grid.add_row(*cells(f"  {name}:", value))
    return Group(heading, grid)


def steps_table(run: Run) -> Table:
    """A run's steps: number, title, planned and actual time, outcome, start time."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_footer=True)
    table.add_column(t("sessions.col.index"), justify="right")
    table.add_column(t("sessions.col.step"), footer=t("sessions.label.total"))
    planned_total = sum(step.planned_seconds or 0.0 for step in run.steps)
    ended = [step.elapsed_seconds for step in run.steps if step.elapsed_seconds is not None]
    actual_total = sum(ended) if ended else None
    table.add_column(
        t("sessions.col.planned"), justify="right", footer=format_duration(planned_total)
    )
    table.add_column(
        t("sessions.col.actual"), justify="right", footer=format_duration(actual_total)
    )
    table.add_column(t("sessions.col.outcome"))
    table.add_column(t("sessions.col.started"), no_wrap=True)
    current = run.current_step_run if run.progress == "running" else None
    timer_ended = ended_timer(run)
    for step in run.steps:
        planned = format_duration(step.planned_seconds) if step.until is None else f"→ {step.until}"
        table.add_row(
            *cells(
                str(step.index + 1),
                step.name,
                planned,
                format_duration(step.elapsed_seconds),
                outcome_text(step, running=step is current, ended_early=timer_ended),
                clock_time(step.started_at),
            )
        )
    return table


def outcome_text(step: StepRun, *, running: bool, ended_early: bool = False) -> str:
    """How a step went; ``ended_early``: the step of a quit timer (it ended there)."""
    if step.outcome == "stopped" and ended_early:
        text = t("records.status.timer_ended")
    elif step.outcome is not None:
        text = t(f"sessions.outcome.{step.outcome}")
    else:
        text = t("sessions.outcome.running" if running else "sessions.outcome.cut_off")
    if step.outcome == "stopped" and step.remaining_seconds is not None:
        text += f" ({t('sessions.status.left', time=format_duration(step.remaining_seconds))})"
    extras = []
    if step.adjusted_seconds:
        extras.append(t("sessions.outcome.adjusted", delta=format_signed(step.adjusted_seconds)))
    if step.paused_seconds:
        extras.append(t("sessions.outcome.paused", time=format_duration(step.paused_seconds)))
    if step.resumed:
        extras.append(t("sessions.outcome.resumed", count=step.resumed))
    return ", ".join([text, *extras])


def entries_table(state: SessionState, kind: str, entries: list[Entry]) -> Table:
    table = Table(
        title=Text(safe_line(f"{kind_name(kind)} ({len(entries)})"), style="italic"),
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
        text = entry.text + (f"  ({t('sessions.label.edited')})" if entry.edits else "")
        table.add_row(
            *cells(
                short_id(entry.entry_id),
                text,
                entry_step(state, entry),
                entry.author,
                clock_time(entry.added_at),
            )
        )
    return table


def state_data(
    session_id: str, path: Path, state: SessionState, live: LiveStatus | None = None
) -> dict[str, Any]:
    """``sessions show --json``: the header and the folded state, and ``live``: how its run
    stands now when it is being run live (else null)."""
    live_data = live.to_data() if live is not None else None
    return {"id": session_id, "path": str(path), **state.to_data(), "live": live_data}
