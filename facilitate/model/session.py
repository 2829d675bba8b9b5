"""A session: its header, and its state as a pure fold over the journal's records.

``fold(records, header)`` replays the recorded events in order and returns a frozen
:class:`SessionState`: the runs (every RunStarted begins one: a method or a standalone timer,
with its steps planned against actual), the live entries (added, minus deleted, with edits
applied) and where the last run can be resumed. :class:`SessionFolder` does the same one
record at a time, so a reader that follows a journal folds only what is new.

Each event that belongs to a run goes to the run its ``run_id`` names (an event of an unknown
run is ignored); one without (a 0.1.0 journal) goes to the latest run. An entry without a
run belongs to the latest run when it was added.
Times come only from the records' ``at``; nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from facilitate.model.entries import payload_of, upgrade_kind
from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Recorded,
)
from facilitate.model.journal_fold import JournalFolder
from facilitate.model.run_clock import LiveStatus, TimerMark, live_status, time_left
from facilitate.model.run_fold import legacy_run_id
from facilitate.model.session_header import (
    HEADER_STATUSES,
    SESSION_LANGUAGES,
    SESSION_SCHEMA_VERSION,
    TITLE_MAX,
    HeaderError,
    HeaderStatus,
    SessionHeader,
    check_header,
    is_name,
)
from facilitate.model.session_state import (
    TIMER_METHOD,
    Entry,
    Progress,
    ResumePoint,
    Run,
    SessionState,
    StepRun,
)

__all__ = [
    "HEADER_STATUSES",
    "SESSION_LANGUAGES",
    "SESSION_SCHEMA_VERSION",
    "TIMER_METHOD",
    "TITLE_MAX",
    "Entry",
    "HeaderError",
    "HeaderStatus",
    "LiveStatus",
    "Progress",
    "ResumePoint",
    "Run",
    "SessionFolder",
    "SessionHeader",
    "SessionState",
    "StepRun",
    "TimerMark",
    "apply_edit",
    "check_header",
    "fold",
    "is_name",
    "legacy_run_id",
    "live_status",
    "time_left",
]


def fold(records: Iterable[Recorded], header: SessionHeader | None = None) -> SessionState:
    """Replay ``records`` (in journal order) into a :class:`SessionState`."""
    folder = SessionFolder()
    for record in records:
        folder.apply(record)
    return folder.state(header)


class SessionFolder(JournalFolder):
    """The incremental fold: :meth:`apply` records in journal order, :meth:`state` at any time.

    Applying records one by one after taking a state gives the same states as folding them
    all at once; a state, once taken, never changes.
    """

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, Entry] = {}
        self.deleted: dict[str, Entry] = {}
        self.ignored: list[int] = []

    def _ignore(self, record: Recorded) -> None:
        self.ignored.append(record.seq)

    # --- entries -----------------------------------------------------------------------------

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        if event.entry_id in self.entries or event.entry_id in self.deleted:
            self.ignored.append(record.seq)
            return
        run_id = self._entry_run_id(event)
        kind, legacy = upgrade_kind(event.kind)
        self.entries[event.entry_id] = Entry(
            entry_id=event.entry_id,
            kind=kind,
            text=event.text,
            step=event.step,
            round=event.round,
            dims=dict(event.dims),
            value=event.value,
            author=record.author,
            role=record.role,
            added_at=record.at,
            added_seq=record.seq,
            run_id=run_id,
            legacy_kind=legacy,
            payload=payload_of(kind, event.value) if event.value is not None else None,
        )

    def _entry_edited(self, record: Recorded, event: EntryEdited) -> None:
        entry = self.entries.get(event.entry_id)
        if entry is None:
            self.ignored.append(record.seq)
            return
        self.entries[event.entry_id] = replace(
            apply_edit(entry, event),
            edits=entry.edits + 1,
            edited_at=record.at,
            edited_by=record.author,
        )

    def _entry_deleted(self, record: Recorded, event: EntryDeleted) -> None:
        entry = self.entries.pop(event.entry_id, None)
        if entry is None:
            self.ignored.append(record.seq)
            return
        self.deleted[event.entry_id] = replace(
            entry, deleted_at=record.at, deleted_by=record.author, deleted_reason=event.reason
        )

    def state(self, header: SessionHeader | None = None) -> SessionState:
        """The session as folded so far."""
        return SessionState(
            header=header,
            runs=tuple(run.result() for run in self.runs),
            entries=tuple(self.entries.values()),
            deleted=tuple(self.deleted.values()),
            events=self.events,
            last_seq=self.last_seq,
            first_at=self.first_at,
            last_at=self.last_at,
            ignored=tuple(self.ignored),
        )


def apply_edit(entry: Entry, event: EntryEdited) -> Entry:
    """``entry`` as ``event`` leaves it: None keeps a field, ``dims`` sets the values it names,
    ``clear`` empties ``value``, ``dims`` or ``dims.<dimension>`` (who and when are not set)."""
    clear = set(event.clear)
    dims = {} if "dims" in clear else dict(entry.dims)
    for name in clear:
        if name.startswith("dims."):
            dims.pop(name.removeprefix("dims."), None)
    dims.update(event.dims or {})
    value = None if "value" in clear else entry.value
    if event.value is not None:
        value = event.value
    return replace(
        entry,
        text=entry.text if event.text is None else event.text,
        dims=dims,
        value=value,
        payload=payload_of(entry.kind, value) if value is not None else None,
    )
