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
    """A method's name in the document's language, ``Timer: Kaffe`` for a timer, or just
    ``Kaffe`` for a planned day's item."""
    if run.method:
        return names.get(run.method, run.method)
    if run.timer_title and run.plan is not None:  # a planned day's item: coffee, lunch
        return run.timer_title
    return f"{words('timer')}: {run.timer_title}" if run.timer_title else words("timer")


def _run(
    run: RunRecord, ctx: RunContext | None, names: Mapping[str, str], words: Words
) -> ProgrammeRun:
    starts = _day_clock(run) or [clock_time(row.started_at) for row in run.steps]
    steps = tuple(_step(row, ctx, start) for row, start in zip(run.steps, starts, strict=True))
    planned = [row.planned_seconds for row in run.steps if row.planned_seconds is not None]
    actual = [row.elapsed_seconds for row in run.steps if row.elapsed_seconds is not None]
    last = run.steps[-1] if run.steps and run.progress == "finished" else None
    ended = clock_time(last.ended_at) if last else None
    if last is not None and run.plan is not None and run.plan.started:
        ended = _later(run.plan.started, sum(actual))
    slot = run.plan
    name = run_name(run, names, words)
    if len(steps) == 1 and steps[0].title == name:  # a coffee break is its own one step
        steps = ()
    return ProgrammeRun(
        number=run.number,
        name=name,
        started=slot.started if slot and slot.started else clock_time(run.started_at),
        ended=ended,
        planned_minutes=_minutes(sum(planned)) if planned else None,
        actual_minutes=_minutes(sum(actual)) if actual else None,
        speed=run.speed,
        steps=steps,
        planned_start=slot.planned_start if slot else None,
        planned_end=slot.planned_end if slot else None,
    )


def _day_clock(run: RunRecord) -> list[str | None] | None:
    """In a rehearsal of a planned day, each step's start on the day's clock (the block's
    start plus the steps run before it); None when the recorded times are the day's."""
    if run.plan is None or not run.plan.started or run.speed == 1:
        return None
    starts: list[str | None] = []
    elapsed = 0.0
    for row in run.steps:
        starts.append(_later(run.plan.started, elapsed))
        elapsed += row.elapsed_seconds or 0.0
    return starts


def _later(clock: str, seconds: float) -> str:
    """``clock`` (``09:45`` or ``09.45``) plus ``seconds``, as ``HH:MM``."""
    hours, minutes = int(clock[:2]), int(clock[3:5])
    total = (hours * 60 + minutes + round(seconds / 60)) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def _step(row: StepRecord, ctx: RunContext | None, started: str | None) -> ProgrammeStep:
    return ProgrammeStep(
        title=_title(row, ctx),
        planned_minutes=_minutes(row.planned_seconds),
        actual_minutes=_minutes(row.elapsed_seconds),
        started=started,
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
