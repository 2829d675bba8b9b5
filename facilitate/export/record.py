"""The one reader of the session model: a folded session as plain records for an export.

Everything else in :mod:`facilitate.export` works from the records made here, so when the
session model changes only this module follows it. Each entry belongs to its own run (the
fold gives an entry of a 0.1.0 journal the latest run when it was added); its typed payload
is taken apart into the fields an export uses (a card's id, a pair split, a rating, dots,
the items a theme links, a structured entry's fields).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import field
from typing import Any

from facilitate.model.entries import CardPayload, FieldsPayload, ThemePayload
from facilitate.model.scoring_types import DotPlacement, PairSplit, Rating
from facilitate.model.session import Entry, Run, SessionState
from facilitate.records import Record

_CLOCK = re.compile(r"^\d{2}[:.]\d{2}$")


class StepRecord(Record):
    """One step (or round) as it was run."""

    step: str
    round: int | None
    title: str
    planned_seconds: float | None
    elapsed_seconds: float | None
    started_at: str
    ended_at: str | None
    outcome: str | None


class PlanSlot(Record):
    """Where a run sat in a planned day: its block's planned clock times, and the day's time
    it started at (in a rehearsal, the plan's own clock)."""

    block: str
    planned_start: str | None
    planned_end: str | None
    started: str | None


class RunRecord(Record):
    """One run of a session: a method, or a standalone timer (``method`` is then "")."""

    run_id: str
    number: int
    method: str
    params: Mapping[str, Any]
    speed: float
    started_at: str
    progress: str
    steps: tuple[StepRecord, ...]
    timer_title: str | None = None
    plan: PlanSlot | None = None


class EntryRecord(Record):
    """A live entry (deleted ones never get here) with its run and its payload, if any."""

    entry_id: str
    run_id: str | None
    kind: str
    text: str
    step: str | None
    round: int | None
    dims: Mapping[str, str]
    author: str
    added_at: str
    seq: int
    card: str | None = None
    split: PairSplit | None = None
    rating: Rating | None = None
    dots: DotPlacement | None = None
    items: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)


class SessionRecord(Record):
    """A session as an export reads it."""

    session_id: str
    title: str
    date: str
    place: str
    language: str
    facilitators: tuple[str, ...]
    progress: str
    last_at: str | None
    runs: tuple[RunRecord, ...]
    entries: tuple[EntryRecord, ...]


def session_record(session_id: str, state: SessionState) -> SessionRecord:
    """The records of a folded session (its live entries only: deleted ones are not there)."""
    header = state.header
    return SessionRecord(
        session_id=header.id if header else session_id,
        title=header.title if header else session_id,
        date=header.date if header else "",
        place=header.place if header else "",
        language=header.language if header else "sv",
        facilitators=tuple(header.facilitators) if header else (),
        progress=state.progress,
        last_at=state.last_at,
        runs=tuple(_run(run) for run in state.runs),
        entries=tuple(_entry(entry) for entry in state.entries),
    )


def _run(run: Run) -> RunRecord:
    steps = tuple(
        StepRecord(
            step=row.step,
            round=row.round,
            title=row.name,
            planned_seconds=row.planned_seconds,
            elapsed_seconds=row.elapsed_seconds,
            started_at=row.started_at,
            ended_at=row.ended_at,
            outcome=row.outcome,
        )
        for row in run.steps
    )
    title = run.params.get("title") if run.is_timer else None
    return RunRecord(
        run_id=run.run_id,
        number=run.number,
        method="" if run.is_timer else run.method,
        params=dict(run.params),
        speed=run.speed,
        started_at=run.started_at,
        progress=run.progress,
        steps=steps,
        timer_title=title if isinstance(title, str) and title.strip() else None,
        plan=_plan_slot(run.params.get("plan")),
    )


def _plan_slot(recorded: Any) -> PlanSlot | None:
    """A planned day's block, as a run of it records it under ``params["plan"]``."""
    if not isinstance(recorded, dict):
        return None

    def clock(key: str) -> str | None:
        value = recorded.get(key)
        return value if isinstance(value, str) and _CLOCK.match(value) else None

    block = recorded.get("block")
    return PlanSlot(str(block or ""), clock("planned_start"), clock("planned_end"), clock("start"))


def _entry(entry: Entry) -> EntryRecord:
    payload = entry.payload
    card = payload.card if isinstance(payload, CardPayload) else entry.dims.get("card")
    return EntryRecord(
        entry_id=entry.entry_id,
        run_id=entry.run_id,
        kind=entry.kind,
        text=entry.text,
        step=entry.step,
        round=entry.round,
        dims={str(k): str(v) for k, v in entry.dims.items()},
        author=entry.author,
        added_at=entry.added_at,
        seq=entry.added_seq,
        card=str(card) if card else None,
        split=payload if isinstance(payload, PairSplit) else None,
        rating=payload if isinstance(payload, Rating) else None,
        dots=payload if isinstance(payload, DotPlacement) else None,
        items=payload.items if isinstance(payload, ThemePayload) else (),
        fields=dict(payload.fields) if isinstance(payload, FieldsPayload) else {},
    )
