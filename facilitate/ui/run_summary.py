"""The table printed when a run finishes: planned against actual time per step."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from facilitate.i18n import t
from facilitate.model.run import segment_title
from facilitate.model.session import StepRun
from facilitate.model.timeline import Segment
from facilitate.ui.format import format_duration
from facilitate.ui.safe_text import safe_line


def summary_table(steps: Sequence[StepRun], segments: Sequence[Segment], lang: str) -> Table:
    """One row per ended step of the run: its title as shown, planned and actual time."""
    table = Table(title=t("timer.run.summary_title"), title_justify="left", box=None)
    table.add_column(t("timer.run.summary_step"))
    table.add_column(t("timer.run.summary_planned"), justify="right")
    table.add_column(t("timer.run.summary_actual"), justify="right")
    for step in steps:
        if step.index < len(segments):
            label = segment_title(segments[step.index], lang)
        else:
            label = step.title or step.label
        planned = format_duration(step.planned_seconds) if step.planned_seconds else "–"
        table.add_row(safe_line(label), planned, format_duration(step.elapsed_seconds))
    return table
