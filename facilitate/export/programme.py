"""The programme: every run (methods and timers) with its steps, planned against actual."""

from __future__ import annotations

from collections.abc import Mapping

from facilitate.export.context import RunContext
from facilitate.export.document import ProgrammeRun, ProgrammeStep
from facilitate.export.record import RunRecord, StepRecord
from facilitate.export.words import Words, clock_time


def programme(
    runs: tuple[RunRecord, ...],
    contexts: Mapping[str, RunContext],
    names: Mapping[str, str],
    words: Words,
) -> tuple[ProgrammeRun, ...]:
    """One row per run, each with its steps in the order they were run."""
    return tuple(_run(run, contexts.get(run.run_id), names, words) for run in runs)


def run_name(run: RunRecord, names: Mapping[str, str], words: Words) -> str:
    """A method's name in the document's language, or ``Timer: Kaffe`` for a timer."""
    if run.method:
        return names.get(run.method, run.method)
    return f"{words('timer')}: {run.timer_title}" if run.timer_title else words("timer")


def _run(
    run: RunRecord, ctx: RunContext | None, names: Mapping[str, str], words: Words
) -> ProgrammeRun:
    steps = tuple(_step(row, ctx) for row in run.steps)
    planned = [row.planned_seconds for row in run.steps if row.planned_seconds is not None]
    actual = [row.elapsed_seconds for row in run.steps if row.elapsed_seconds is not None]
    ended = run.steps[-1].ended_at if run.steps and run.progress == "finished" else None
    return ProgrammeRun(
        number=run.number,
        name=run_name(run, names, words),
        started=clock_time(run.started_at),
        ended=clock_time(ended),
        planned_minutes=_minutes(sum(planned)) if planned else None,
        actual_minutes=_minutes(sum(actual)) if actual else None,
        speed=run.speed,
        steps=steps,
    )


def _step(row: StepRecord, ctx: RunContext | None) -> ProgrammeStep:
    return ProgrammeStep(
        title=_title(row, ctx),
        planned_minutes=_minutes(row.planned_seconds),
        actual_minutes=_minutes(row.elapsed_seconds),
        started=clock_time(row.started_at),
        outcome=row.outcome or ("running" if row.ended_at is None else None),
    )


def _title(row: StepRecord, ctx: RunContext | None) -> str:
    """The step's title in the document's language, with its round (``Samtalsrunda 2/3``)."""
    step = ctx.step(row.step) if ctx is not None else None
    if ctx is None or step is None:
        return row.title
    title = step.title.get(ctx.lang)
    rounds = ctx.rounds(step)
    return f"{title} {row.round}/{rounds}" if row.round and rounds else title


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / 60, 1) if seconds is not None else None
