"""The one reader of the session model: a folded session as plain records for an export.

Everything else in :mod:`facilitate.export` works from the records made here, so when the
session model changes (run identities, typed payloads) only this module follows it.

Today's model gives entries no run: an entry belongs to the latest run, started before it
was added, whose method has the entry's step (else the first run that has that step).
Payloads are read from an entry's recorded ``value`` in the shapes of the typed entries
(``{"card": ...}``, ``{"round": ..., "card_a": ...}``, ``{"members": [...]}``,
``{"fields": {...}}``); a value that does not fit is left out, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from facilitate.model.method import Method
from facilitate.model.scoring_types import DotPlacement, PairSplit, Rating
from facilitate.model.session import Entry, Run, SessionState


@dataclass(frozen=True, slots=True)
class StepRecord:
    """One step (or round) as it was run."""

    step: str
    round: int | None
    title: str
    planned_seconds: float | None
    elapsed_seconds: float | None
    started_at: str
    ended_at: str | None
    outcome: str | None


@dataclass(frozen=True, slots=True)
class RunRecord:
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


@dataclass(frozen=True, slots=True)
class EntryRecord:
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
    members: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SessionRecord:
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


def session_record(
    session_id: str, state: SessionState, methods: Mapping[str, Method]
) -> SessionRecord:
    """The records of a folded session; ``methods`` maps the method ids it ran to methods."""
    header = state.header
    runs = tuple(_run(run) for run in state.runs)
    steps_of = {r.run_id: _step_ids(r, methods.get(r.method)) for r in runs}
    return SessionRecord(
        session_id=header.id if header else session_id,
        title=header.title if header else session_id,
        date=header.date if header else "",
        place=header.place if header else "",
        language=header.language if header else "sv",
        facilitators=tuple(header.facilitators) if header else (),
        progress=state.progress,
        last_at=state.last_at,
        runs=runs,
        entries=tuple(_entry(e, _run_of(e, runs, steps_of)) for e in state.entries),
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
        run_id=f"run-{run.number}",
        number=run.number,
        method="" if run.is_timer else run.method,
        params=dict(run.params),
        speed=run.speed,
        started_at=run.started_at,
        progress=run.progress,
        steps=steps,
        timer_title=title if isinstance(title, str) and title.strip() else None,
    )


def _step_ids(run: RunRecord, method: Method | None) -> frozenset[str]:
    ids = {row.step for row in run.steps}
    if method is not None:
        ids.update(step.id for step in method.steps)
    return frozenset(ids)


def _instant(at: str) -> datetime | str:
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        return at


def _run_of(
    entry: Entry, runs: Sequence[RunRecord], steps_of: Mapping[str, frozenset[str]]
) -> str | None:
    """The run an entry belongs to (today's model does not record it)."""
    methods = [r for r in runs if r.method]
    candidates = [r for r in methods if entry.step is None or entry.step in steps_of[r.run_id]]
    added = _instant(entry.added_at)
    before = [r for r in candidates if _earlier(_instant(r.started_at), added)]
    if before:
        return before[-1].run_id
    return candidates[0].run_id if candidates and entry.step is not None else None


def _earlier(first: datetime | str, second: datetime | str) -> bool:
    if isinstance(first, datetime) and isinstance(second, datetime):
        try:
            return first <= second
        except TypeError:  # one with a UTC offset, one without
            pass
    return str(first) <= str(second)


def _entry(entry: Entry, run_id: str | None) -> EntryRecord:
    value = entry.value if isinstance(entry.value, dict) else {}
    return EntryRecord(
        entry_id=entry.entry_id,
        run_id=run_id,
        kind=entry.kind,
        text=entry.text,
        step=entry.step,
        round=entry.round,
        dims={str(k): str(v) for k, v in entry.dims.items()},
        author=entry.author,
        added_at=entry.added_at,
        seq=entry.added_seq,
        card=_card(entry, value),
        split=_split(value) if entry.kind == "pair_split" else None,
        rating=_rating(entry, value) if entry.kind == "rating" else None,
        dots=_dots(value) if entry.kind == "dots" else None,
        members=_members(value) if entry.kind == "theme" else (),
        fields=_fields(value) if entry.kind == "entry" else {},
    )


def _whole(value: Any) -> bool:
    return type(value) is int


def _text(value: Any) -> bool:
    return type(value) is str and value != ""


def _card(entry: Entry, value: Mapping[str, Any]) -> str | None:
    if _text(value.get("card")):
        return str(value["card"])
    card = entry.dims.get("card")
    return str(card) if card else None


def _split(value: Mapping[str, Any]) -> PairSplit | None:
    cards = [value.get("card_a"), value.get("card_b")]
    numbers = [value.get("round"), value.get("points_a"), value.get("points_b")]
    if not (all(map(_text, cards)) and all(map(_whole, numbers))):
        return None
    return PairSplit(
        value["round"], value["card_a"], value["points_a"], value["card_b"], value["points_b"]
    )


def _rating(entry: Entry, value: Mapping[str, Any]) -> Rating | None:
    card = _card(entry, value)
    round_ = value.get("round", entry.round)
    if card is None or not _whole(round_) or not _whole(value.get("score")):
        return None
    return Rating(card, round_, value["score"])


def _dots(value: Mapping[str, Any]) -> DotPlacement | None:
    target = value.get("target")
    criterion = value.get("criterion")
    count = value.get("count", 1)
    if not _text(target) or not _whole(count) or not (criterion is None or _text(criterion)):
        return None
    return DotPlacement(str(target), count, criterion)


def _members(value: Mapping[str, Any]) -> tuple[str, ...]:
    members = value.get("members")
    if not isinstance(members, list):
        return ()
    return tuple(dict.fromkeys(m for m in members if _text(m)))


def _fields(value: Mapping[str, Any]) -> dict[str, str]:
    fields = value.get("fields", value)
    if not isinstance(fields, dict):
        return {}
    return {str(k): v for k, v in fields.items() if isinstance(v, str)}
