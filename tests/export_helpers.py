"""Sessions written the way the runner and note-takers write them, for the export's tests.

A :class:`Workshop` is a real session store in a folder whose clock moves 30 seconds per
record, so every record has its own time; methods are run step by step as a live run
records them, and entries are appended with their dimensions and payloads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from facilitate.app.export import ExportRequest, export_sessions, read_records
from facilitate.app.methods import Methods
from facilitate.export.build import ExportOptions, build_document
from facilitate.export.document import Document
from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Event,
    RunStarted,
    RunStopped,
    StepEnded,
    StepStarted,
)
from facilitate.model.expand import build_timeline
from facilitate.model.method import Method
from facilitate.model.params import params_to_json, resolve_params
from facilitate.store.journal import Session, SessionStore

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "sessions" / "examples"
ESLOV = "2014-03-11-kommunalt-och-ideburet"
SEED = ROOT / "tests" / "data" / "eslov_2014_documentation.txt"
CET = timezone(timedelta(hours=1))


def methods() -> Methods:
    """The bundled method library (as seen from the repository)."""
    return Methods(ROOT, {"FACILITATE_CONFIG_DIR": str(ROOT / "tests" / "no-config")})


def bundled(method_id: str) -> Method:
    method = methods().get(method_id)
    assert method is not None, method_id
    return method


class Ticking:
    """A wall clock that moves 30 seconds each time it is read."""

    def __init__(self, start: datetime = datetime(2026, 3, 11, 9, 0, tzinfo=CET)) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        moment = self.moment
        self.moment += timedelta(seconds=30)
        return moment


@dataclass
class Workshop:
    """A session being recorded: runs of methods, and entries from note-takers."""

    root: Path
    title: str = "Eslöv: samverkan"
    language: str = "sv"
    place: str = "Eslöv"
    facilitators: Sequence[str] = ("Anna",)
    session: Session = field(init=False)
    _ids: int = field(init=False, default=0)
    _runs: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.store = SessionStore(self.root, now=Ticking())
        self.session = self.store.create(
            title=self.title,
            date="2026-03-11",
            place=self.place,
            language=self.language,
            facilitators=self.facilitators,
        )

    @property
    def id(self) -> str:
        return self.session.id

    def append(self, event: Event, author: str = "Anna", role: str = "facilitator") -> None:
        self.session.append(event, author=author, role=role)

    def run(
        self,
        method: Method,
        params: Mapping[str, str] | None = None,
        *,
        finish: bool = True,
        steps: int | None = None,
    ) -> str:
        """Run ``method`` (all its steps, or the first ``steps``) as the live runner records
        it; the run's id."""
        self._runs += 1
        run_id = f"run{self._runs}"
        values = resolve_params(method, dict(params or {}))
        timeline = build_timeline(method, values)
        self.append(RunStarted(method.id, params_to_json(values), 1.0, len(timeline), run_id))
        run = timeline[:steps]
        for segment in run:
            planned = segment.seconds
            title = segment.title.get(self.language)
            started = StepStarted(
                segment.index,
                segment.step_id,
                segment.round,
                planned,
                remaining_seconds=planned,
                title=title,
                run_id=run_id,
            )
            self.append(started)
            if finish or segment.index < len(run) - 1:  # a run going on: its last step is open
                elapsed = (planned or 60.0) + 12.0
                self.append(StepEnded(segment.index, "completed", elapsed, -12.0, run_id))
        if finish:
            self.append(RunStopped(len(timeline) - 1, -12.0, False, "finished", run_id))
        return run_id

    def entry(
        self,
        kind: str,
        text: str,
        step: str | None,
        *,
        dims: Mapping[str, str] | None = None,
        value: Any = None,
        round: int | None = None,
        author: str = "Lisa",
        entry_id: str | None = None,
        run_id: str | None = None,
    ) -> str:
        """Add an entry (to run ``run_id``, else the latest); its id."""
        self._ids += 1
        entry_id = entry_id or f"e{self._ids:04d}"
        event = EntryAdded(entry_id, kind, text, step, round, dict(dims or {}), value, run_id)
        self.append(event, author=author, role="note-taker")
        return entry_id

    def edit(self, entry_id: str, text: str) -> None:
        self.append(EntryEdited(entry_id, text=text), role="note-taker")

    def delete(self, entry_id: str) -> None:
        self.append(EntryDeleted(entry_id, reason="duplicate"), role="note-taker")

    def document(self, **options: Any) -> Document:
        return documents([self.store], [self.id], **options)


def documents(stores: Sequence[SessionStore], ids: Sequence[str], **options: Any) -> Document:
    """The document of sessions ``ids`` (each in the store at the same place in ``stores``)."""
    records, found = [], {}
    for store, session_id in zip(stores, ids, strict=True):
        more, mine, _ = read_records(store, methods(), [session_id])
        records += more
        found.update(mine)
    return build_document(records, found, ExportOptions(**options))


def export(store: SessionStore, ids: Sequence[str], fmt: str, **options: Any) -> bytes:
    """The rendered export, as the command makes it."""
    request = ExportRequest(sessions=list(ids), format=fmt, **options)
    now = lambda: datetime(2026, 3, 11, 10, 42, tzinfo=CET)  # noqa: E731
    return export_sessions(store, methods(), request, now=now).data


def texts(items: Sequence[Any]) -> list[str]:
    """The texts of a document's items."""
    return [item.text for item in items]
