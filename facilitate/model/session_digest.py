"""A session's digest: what a listing shows of its state, small enough to keep beside the journal.

:func:`digest_of` takes it from a folded :class:`SessionState`: the counts, the runs (with
their steps, no entries) and the journal length it covers. It reads like the state where
they overlap (``header``, ``runs``, ``last_run``, ``status``, ``progress``, ``steps``,
``current_step``, ``resume_point``), so a listing renders either the same way.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from facilitate.model.run_clock import TimerMark
from facilitate.model.session_header import SessionHeader
from facilitate.model.session_state import (
    LastRunView,
    ResumePoint,
    Run,
    SessionState,
    StepRun,
)
from facilitate.records import Record


class EntryCount(Record):
    """How many live entries of one kind a step (and round) of a run holds."""

    run_id: str | None
    step: str | None
    round: int | None
    kind: str
    count: int


def counts_of(
    items: Iterable[tuple[tuple[str | None, str | None, int | None, str], int]],
) -> tuple[EntryCount, ...]:
    """Counts by place (run id, step, round, kind) in a fixed order, without empty ones."""
    counts = [EntryCount(*place, count) for place, count in items if count]
    return tuple(sorted(counts, key=_count_order))


def _count_order(count: EntryCount) -> tuple[Any, ...]:
    return (
        count.run_id is not None,
        count.run_id or "",
        count.step is not None,
        count.step or "",
        count.round is not None,
        count.round or 0,
        count.kind,
    )


class SessionDigest(LastRunView, Record):
    """What a listing shows of a session: counts and runs; ``offset`` is the journal it covers."""

    header: SessionHeader | None = None
    entries: int = 0
    deleted_entries: int = 0
    events: int = 0
    last_seq: int = 0
    first_at: str | None = None
    last_at: str | None = None
    runs: tuple[Run, ...] = ()
    warnings: tuple[Any, ...] = ()
    """What reading the journal warned, as the reader gave it (the store's messages)."""
    offset: int = 0
    counts: tuple[EntryCount, ...] = ()
    """The live entries counted by run, step, round and kind (see :func:`counts_of`)."""

    @property
    def steps(self) -> tuple[StepRun, ...]:
        """The steps of the last run."""
        return self.last_run.steps if self.last_run else ()

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data, without the header (``session.json`` keeps that); the warnings as
        they are (their keeper makes them JSON-ready)."""
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        del data["header"]
        data["runs"] = [run.to_data() for run in self.runs]
        data["warnings"] = list(self.warnings)
        data["counts"] = [asdict(count) for count in self.counts]
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any], header: SessionHeader | None) -> SessionDigest:
        """Rebuild a digest from :meth:`to_data`; TypeError, ValueError or KeyError if the
        data is not one."""
        counts = ("entries", "deleted_entries", "events", "last_seq", "offset")
        if not all(type(data[name]) is int for name in counts):
            raise ValueError("counts must be whole numbers")
        if not isinstance(data["warnings"], list) or not isinstance(data["runs"], list):
            raise ValueError("warnings and runs must be lists")
        return cls(
            header=header,
            **{name: data[name] for name in counts},
            first_at=data["first_at"],
            last_at=data["last_at"],
            runs=tuple(run_from_data(run) for run in data["runs"]),
            warnings=tuple(data["warnings"]),
            counts=tuple(_count_from(count) for count in data["counts"]),
        )


def digest_of(state: SessionState, warnings: Sequence[Any], offset: int) -> SessionDigest:
    """The digest of a folded state (of a journal's first ``offset`` bytes)."""
    return SessionDigest(
        header=state.header,
        entries=len(state.entries),
        deleted_entries=len(state.deleted),
        events=state.events,
        last_seq=state.last_seq,
        first_at=state.first_at,
        last_at=state.last_at,
        runs=state.runs,
        warnings=tuple(warnings),
        offset=offset,
        counts=counts_of(
            Counter((e.run_id, e.step, e.round, e.kind) for e in state.entries).items()
        ),
    )


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = _field_names(cls)
    return {key: value for key, value in data.items() if key in names}


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _count_from(data: dict[str, Any]) -> EntryCount:
    count = EntryCount(**data)
    if type(count.count) is not int or type(count.kind) is not str:
        raise ValueError("a count is a whole number of a kind")
    return count


def run_from_data(data: dict[str, Any]) -> Run:
    """A run from :meth:`Run.to_data` (its derived fields left out)."""
    point = data["resume_point"]
    mark = data.get("timer_mark")
    return Run(
        **{
            **_known(Run, data),
            "steps": tuple(StepRun(**_known(StepRun, step)) for step in data["steps"]),
            "resume_point": ResumePoint(**point) if point is not None else None,
            "timer_mark": TimerMark(**_known(TimerMark, mark)) if mark is not None else None,
        }
    )
