"""Entering the group's input one entry at a time: the typed-entry use case.

:func:`prepare_entry` checks an entry for a step (no writing: an import calls it row by
row); :func:`record_entry` finds the step, checks and appends it, and returns once the
record is on disk (fsync'd). :class:`SessionInput` is a session opened for entering, for
those that enter more than one entry (the note-taker's mode, an import).

A session is read no more than an entry needs. Opened for one entry, the runs come from
``summary.json`` when it still matches the journal, or from it and the records appended
since (a note, a reflection or a structured entry is then checked without replaying the
journal); the entries are read only for the
kinds checked against them (cards, scores, dots, themes). Followed, the journal is folded
once and then only what is new, one record at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from facilitate.app.authors import Author, signature
from facilitate.app.input_checks import (
    EntryRefused,
    check_draft,
    entry_kind,
    entry_round,
    named_kind,
    text_problems,
)
from facilitate.app.input_targets import RunPlan, StepTarget, Targets
from facilitate.errors import NotFoundError
from facilitate.i18n.messages import Message, message
from facilitate.library.user_text import checked_optional
from facilitate.model.entries import TEXT_KINDS, Payload
from facilitate.model.entry_check import CheckedEntry, EntryDraft
from facilitate.model.entry_context import KINDS_CHECKED_AGAINST_RECORDED, EntryLike
from facilitate.model.entry_problem import refuse
from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Event, Recorded
from facilitate.model.input_problems import InputError
from facilitate.model.session import Entry, Run, SessionFolder, SessionHeader, SessionState
from facilitate.records import Record
from facilitate.store.journal import Session, SessionStore, new_entry_id
from facilitate.store.reader import JournalReader
from facilitate.store.summary import Snapshot, current_snapshot, summary_after_entry

if TYPE_CHECKING:  # (the method library is read only when a step needs a method)
    from facilitate.app.methods import Methods

__all__ = [
    "NOTE_ROLE",
    "EntryDraft",
    "EntryRefused",
    "PreparedEntry",
    "SavedEntry",
    "SessionInput",
    "StepTarget",
    "prepare_entry",
    "record_entry",
]

NOTE_ROLE = "note-taker"


class PreparedEntry(Record):
    """An entry checked for its step and ready to append (``event``); not written yet.

    It reads like a recorded entry (``entry_id``, ``kind``, ``step``, ``run_id``,
    ``payload``), so a batch can check each row against the rows before it."""

    target: StepTarget
    checked: CheckedEntry
    event: EntryAdded

    @property
    def entry_id(self) -> str:
        return self.event.entry_id

    @property
    def kind(self) -> str:
        return self.checked.kind

    @property
    def step(self) -> str | None:
        return self.event.step

    @property
    def run_id(self) -> str | None:
        return self.event.run_id

    @property
    def payload(self) -> Payload | None:
        return self.checked.payload


class SavedEntry(Record):
    """What was recorded (on disk): the session, the entry, its record and where it went."""

    session_id: str
    entry_id: str
    record: Recorded
    target: StepTarget | None = None
    warnings: tuple[Message, ...] = ()
    before: Entry | None = None  # an edited or withdrawn entry as it was


def prepare_entry(
    target: StepTarget,
    draft: EntryDraft,
    recorded: Sequence[EntryLike] = (),
    *,
    new_id: Callable[[], str] = new_entry_id,
) -> PreparedEntry:
    """``draft`` checked for ``target`` against the ``recorded`` entries (the session's live
    entries, and any prepared before it in a batch). ``draft.kind`` "" takes the kind the
    payload or the step implies. Raises :class:`EntryRefused`; writes nothing."""
    kind = entry_kind(draft.kind, target, draft.value)
    checked, round_ = check_draft(replace(draft, kind=kind), target, recorded)
    event = EntryAdded(
        entry_id=new_id(),
        kind=checked.kind,
        text=checked.text,
        step=target.step,
        round=entry_round(checked, round_),
        dims=checked.dims,
        value=checked.value,
        run_id=target.run_id,
    )
    return PreparedEntry(target, checked, event)


def record_entry(
    store: SessionStore,
    methods: Methods,
    session_ref: str,
    draft: EntryDraft,
    *,
    author: str | Author,
    step: str | None = None,
    run: str | None = None,
    new_id: Callable[[], str] = new_entry_id,
) -> SavedEntry:
    """Record one entry in session ``session_ref`` at ``step`` (``harvest``, ``round#4``; the
    live run's current step when None) of ``run`` (a number or id; found when None)."""
    desk = SessionInput.open(store, methods, session_ref)
    target = desk.target(step, run, named_kind(draft.kind, draft.value))
    return desk.record(desk.prepare(draft, target, new_id=new_id), author=author)


class SessionInput:
    """A session opened for entering: its runs, its entries when needed, appends.

    :meth:`open` reads what one entry needs (see the module); :meth:`follow` folds the
    journal and :meth:`refresh` folds in only what other writers added since.
    """

    def __init__(self, session: Session, methods: Methods, snapshot: Snapshot | None) -> None:
        self.session = session
        self.methods = methods
        self._snapshot = snapshot
        self._state = snapshot.state if snapshot is not None else None
        self._folder: SessionFolder | None = None
        self._reader: JournalReader | None = None
        self._targets: tuple[tuple[Run, ...], Targets] | None = None
        self._runs: tuple[Run, ...] | None = None
        self._places: Counter[tuple[str | None, str | None, int | None]] = Counter()
        self._plans: dict[str, RunPlan] = {}
        self.warnings: list[Message] = list(session.warnings)
        self.version = 0
        """Counts the changes :meth:`refresh` folded in (a view drawn again only then)."""

    @classmethod
    def open(cls, store: SessionStore, methods: Methods, session_ref: str) -> SessionInput:
        """For one entry: the runs from the summary when it matches the journal."""
        session = store.open(session_ref)
        return cls(session, methods, current_snapshot(session))

    @classmethod
    def follow(cls, store: SessionStore, methods: Methods, session_ref: str) -> SessionInput:
        """For one entry after another: the journal folded, then followed."""
        desk = cls(store.open(session_ref), methods, None)
        desk._start_following()
        return desk

    @property
    def header(self) -> SessionHeader:
        return self.session.header

    def author_name(self, author: str | Author) -> str:
        """The name records are signed with in this session (UsageError when unsafe)."""
        return signature(author, self.header)

    # -- reading -----------------------------------------------------------------------------

    def _start_following(self) -> None:
        self._folder = SessionFolder()
        self._reader = self.session.follow()
        self._snapshot = None
        self.refresh()

    def refresh(self) -> bool:
        """Fold in what the journal gained since (followed only); True if anything did."""
        if self._reader is None or self._folder is None:
            return False
        batch = self._reader.poll()
        if batch is None:
            return False
        if batch.restarted:
            self._folder, self._places = SessionFolder(), Counter()
        for record in batch.records:
            self._apply(record)
        self.warnings += batch.warnings
        if batch.records or batch.restarted:
            self._state = self._runs = None
            self.version += 1
            return True
        return False

    def _apply(self, record: Recorded) -> None:
        """Fold one record in, keeping the count of live entries at each step."""
        folder, event = self._folder, record.event
        assert folder is not None
        if isinstance(event, EntryDeleted) and (gone := folder.entries.get(event.entry_id)):
            self._places[_place(gone)] -= 1
        known = isinstance(event, EntryAdded) and (
            event.entry_id in folder.entries or event.entry_id in folder.deleted
        )
        folder.apply(record)
        if isinstance(event, EntryAdded) and not known:
            self._places[_place(folder.entries[event.entry_id])] += 1

    def state(self) -> SessionState:
        """The session's state: as followed, else folded once (the whole journal)."""
        if self._state is None:
            if self._folder is not None:
                self._state = self._folder.state(self.header)
            else:
                self._state = self.session.state()
                self.warnings = list(self.session.warnings)
        return self._state

    @property
    def runs(self) -> tuple[Run, ...]:
        """The session's runs (from the summary, the fold followed, or the whole journal)."""
        if self._folder is not None:
            if self._runs is None:
                self._runs = tuple(run.result() for run in self._folder.runs)
            return self._runs
        if self._state is None and self._snapshot is not None:
            return self._snapshot.digest.runs
        return self.state().runs

    def entry(self, entry_id: str) -> Entry | None:
        """The live entry ``entry_id``, if there is one."""
        if self._folder is not None:
            return self._folder.entries.get(entry_id)
        return self.state().entry(entry_id)

    def count_at(self, target: StepTarget) -> int:
        """How many live entries the step ``target`` holds, from every writer (followed: kept
        as the journal is read, not counted again)."""
        place = (target.run_id, target.step, target.round)
        if self._folder is not None:
            return self._places[place]
        return sum(1 for e in self.state().entries if _place(e) == place)

    def targets(self) -> Targets:
        """The session's runs and steps as entries see them (kept while the runs stay)."""
        runs = self.runs
        if self._targets is None or self._targets[0] is not runs:
            self._targets = (runs, Targets(self.header, runs, self.methods, plans=self._plans))
        return self._targets[1]

    def target(
        self, step: str | None = None, run: str | None = None, kind: str | None = None
    ) -> StepTarget:
        """Where an entry (of ``kind``) goes (see :mod:`facilitate.app.input_targets`)."""
        return self.targets().find(step, run, kind)

    # -- writing -----------------------------------------------------------------------------

    def prepare(
        self, draft: EntryDraft, target: StepTarget, *, new_id: Callable[[], str] = new_entry_id
    ) -> PreparedEntry:
        """``draft`` checked for ``target`` (the entries are read if its kind needs them)."""
        kind = entry_kind(draft.kind, target, draft.value)
        needs = kind in KINDS_CHECKED_AGAINST_RECORDED
        recorded = self.state().entries if needs else ()
        return prepare_entry(target, replace(draft, kind=kind), recorded, new_id=new_id)

    def record(self, prepared: PreparedEntry, *, author: str | Author) -> SavedEntry:
        """Append ``prepared``; on disk (fsync'd) when this returns."""
        record = self._append(prepared.event, author)
        if self._snapshot is not None:  # count it on in summary.json (a later note reads it)
            summary_after_entry(self.session, self._snapshot, record)
            self._snapshot = None
        return SavedEntry(
            self.session.id, prepared.entry_id, record, prepared.target, self._drain_warnings()
        )

    def edit_text(self, entry_id: str, text: str, *, author: str | Author) -> SavedEntry:
        """Replace the text of entry ``entry_id`` (checked as the entry's kind needs)."""
        entry = self._live(entry_id)
        problems = text_problems(text, kind=entry.kind)
        if problems:
            raise EntryRefused(problems)
        if entry.kind in TEXT_KINDS and not text.strip():
            try:
                refuse("text", "text_empty", kind=entry.kind)
            except InputError as error:
                raise EntryRefused(error.problems) from None
        record = self._append(EntryEdited(entry_id=entry_id, text=text.strip()), author)
        return SavedEntry(self.session.id, entry_id, record, None, self._drain_warnings(), entry)

    def withdraw(
        self, entry_id: str, *, author: str | Author, reason: str | None = None
    ) -> SavedEntry:
        """Delete entry ``entry_id`` from results (the journal keeps that it was)."""
        entry = self._live(entry_id)
        reason = (checked_optional(reason, "reason") or "").strip() or None
        record = self._append(EntryDeleted(entry_id=entry_id, reason=reason), author)
        return SavedEntry(self.session.id, entry_id, record, None, self._drain_warnings(), entry)

    def _live(self, entry_id: str) -> Entry:
        self.refresh()
        entry = self.entry(entry_id)
        if entry is None:
            raise NotFoundError(
                message("sessions.err.no_entry", entry=entry_id, id=self.session.id)
            )
        return entry

    def _append(self, event: Event, author: str | Author) -> Recorded:
        return self.session.append(event, author=signature(author, self.header), role=NOTE_ROLE)

    def _drain_warnings(self) -> tuple[Message, ...]:
        found = tuple(dict.fromkeys([*self.warnings, *self.session.warnings]))
        self.warnings, self.session.warnings = [], []
        return found


def _place(entry: Entry) -> tuple[str | None, str | None, int | None]:
    return entry.run_id, entry.step, entry.round
