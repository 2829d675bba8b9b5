"""Participants' phones in the room: the join code, the room's controls, and their entries.

The room's access and controls are :mod:`facilitate.app.room_settings`'s.

Phones' entries go through the same checks as every other entry
(:func:`~facilitate.app.input.prepare_entry`) and are written by one :class:`EntryWriter`
thread: whatever arrived while it wrote is appended next, in one batch (one lock, one
fsync). Each phone makes its entry's id and reuses it on retry; an id the journal (or the
batch being written) already holds is confirmed again, never written twice, when the entry
sent is the one recorded (the same kind, text, dimensions, payload and step once checked);
an id reused for another entry is refused (:class:`EntryIdReused`) and nothing is written.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace

from facilitate.app.authors import Author
from facilitate.app.input import PreparedEntry, SessionInput, prepare_entry
from facilitate.app.input_checks import entry_kind
from facilitate.app.input_targets import StepTarget
from facilitate.app.methods import Methods
from facilitate.app.room_settings import RoomSettings, place_of, split_place
from facilitate.errors import FacilitateError, UsageError
from facilitate.i18n.messages import message
from facilitate.model.entry_check import EntryDraft
from facilitate.model.entry_context import KINDS_CHECKED_AGAINST_RECORDED, EntryLike
from facilitate.model.events import EntryAdded, EntryDeleted
from facilitate.model.session_state import Entry
from facilitate.records import Record, make_all
from facilitate.store.store import SessionStore

PARTICIPANT = "participant"
"""Who signs a phone's entry (participants are anonymous) and the role it is recorded with."""
FACILITATOR = "facilitator"
MAX_BATCH = 1000
ENTRY_ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class InputClosed(UsageError):
    """An entry for a step whose input is closed (or that is not running any more)."""


class EntryIdReused(UsageError):
    """An entry whose id the journal already holds for an entry with other contents."""


class PhoneEntry(Record):
    """An entry as a phone sent it: its own id, the place it was written for, the draft."""

    entry_id: str
    place: str
    draft: EntryDraft

    def __post_init__(self) -> None:
        if not ENTRY_ID_RE.match(self.entry_id):
            raise UsageError(message("web.err.entry_id"))


class Confirmation(Record):
    """An entry that is in the journal: its id, its record's seq (None: it was already)."""

    entry_id: str
    seq: int | None
    duplicate: bool = False


@dataclass
class _Batch:
    """Entries being prepared for one append, and who waits for each."""

    prepared: list[PreparedEntry] = field(default_factory=list)
    waiting: dict[str, list[Future[Confirmation]]] = field(default_factory=dict)
    sent: dict[str, PhoneEntry] = field(default_factory=dict)
    """What each phone sent, by entry id (a retry in the same batch is compared with it)."""


class EntryWriter:
    """One thread that appends phones' entries in batches; :meth:`submit` gives a future
    that holds the :class:`Confirmation` once the entry is on disk, or the refusal."""

    def __init__(
        self,
        store: SessionStore,
        methods: Methods,
        session_ref: str,
        settings: RoomSettings,
        *,
        on_written: Callable[[], None] | None = None,
    ) -> None:
        self.desk = SessionInput.follow(store, methods, session_ref)
        self.settings = settings
        self.on_written = on_written
        self.batches: list[int] = []
        """The size of each batch written (for a benchmark to report)."""
        self._queue: queue.SimpleQueue[tuple[PhoneEntry, Future[Confirmation]] | None]
        self._queue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="entry-writer", daemon=True)

    def start(self) -> None:
        make_all()  # records are made before a second thread can first use one
        self._thread.start()

    def close(self) -> None:
        """Write what was submitted, then stop the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def submit(self, entry: PhoneEntry) -> Future[Confirmation]:
        future: Future[Confirmation] = Future()
        self._queue.put((entry, future))
        return future

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            items = [item]
            while len(items) < MAX_BATCH:
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    self._write(items)
                    return
                items.append(more)
            self._write(items)

    def _write(self, items: Sequence[tuple[PhoneEntry, Future[Confirmation]]]) -> None:
        # A request that gave up waiting cancelled its future: its phone sends it again.
        items = [
            (entry, future) for entry, future in items if future.set_running_or_notify_cancel()
        ]
        try:
            batch = self._prepare(items)
            records = self.desk.session.append_many(
                [p.event for p in batch.prepared], author=PARTICIPANT, role=PARTICIPANT
            )
        except Exception as error:  # every waiting phone hears of it; the thread goes on
            for _, future in items:
                if not future.done():
                    future.set_exception(error)
            return
        for prepared, record in zip(batch.prepared, records, strict=True):
            first, *retries = batch.waiting[prepared.entry_id]
            first.set_result(Confirmation(prepared.entry_id, record.seq))
            for future in retries:
                future.set_result(Confirmation(prepared.entry_id, record.seq, duplicate=True))
        self.batches.append(len(records))
        if self.on_written is not None and records:
            self.on_written()

    def _prepare(self, items: Sequence[tuple[PhoneEntry, Future[Confirmation]]]) -> _Batch:
        """Check each entry against the journal as followed and the entries before it."""
        self.desk.refresh()
        state = self.desk.state()
        known = {e.entry_id: e for e in (*state.entries, *state.deleted)}
        current = place_of(self.desk.target())
        recorded: list[EntryLike] = list(state.entries)
        batch = _Batch()
        for entry, future in items:
            if entry.entry_id in known:
                self._confirm_again(entry, known[entry.entry_id], recorded, future)
            elif entry.entry_id in batch.waiting:  # a retry while the first is being written
                if entry == batch.sent[entry.entry_id]:
                    batch.waiting[entry.entry_id].append(future)
                else:
                    future.set_exception(EntryIdReused(message("web.err.id_reused")))
            else:
                try:
                    prepared = self._prepared(entry, current, [*recorded, *batch.prepared])
                except FacilitateError as error:
                    future.set_exception(error)
                    continue
                batch.prepared.append(prepared)
                batch.waiting[entry.entry_id] = [future]
                batch.sent[entry.entry_id] = entry
        return batch

    def _confirm_again(
        self,
        entry: PhoneEntry,
        original: Entry,
        recorded: Sequence[EntryLike],
        future: Future[Confirmation],
    ) -> None:
        """A retry of an entry already recorded: confirmed if it is the same entry."""
        if self._same_entry(entry, original, recorded):
            future.set_result(Confirmation(entry.entry_id, None, duplicate=True))
        else:
            future.set_exception(EntryIdReused(message("web.err.id_reused")))

    def _same_entry(
        self, entry: PhoneEntry, original: Entry, recorded: Sequence[EntryLike]
    ) -> bool:
        """True if ``entry``, checked as it was when first written (the journal without it,
        its card number the one it got), is the ``original`` recorded."""
        others = [e for e in recorded if e.entry_id != original.entry_id]
        draft = entry.draft
        card = (original.value or {}).get("card") if isinstance(original.value, dict) else None
        if original.kind == "card" and card and not str((draft.value or {}).get("card") or ""):
            draft = replace(draft, value={**(draft.value or {}), "card": card})
        try:
            again = self._prepared(replace(entry, draft=draft), None, others)
        except FacilitateError:
            return False
        return _checked(again.event) == _checked(original)

    def _prepared(
        self, entry: PhoneEntry, current: str | None, recorded: Sequence[EntryLike]
    ) -> PreparedEntry:
        """``entry`` checked for its step; ``current`` None: whether input is open aside."""
        if current is not None and not self.settings.controls.is_open(entry.place, current):
            raise InputClosed(message("web.err.closed"))
        run_id, label = split_place(entry.place)
        target = self.desk.target(label, run_id)
        kind = entry_kind(entry.draft.kind, target, entry.draft.value)
        draft = numbered_card(replace(entry.draft, kind=kind), target, recorded)
        needs = kind in KINDS_CHECKED_AGAINST_RECORDED
        return prepare_entry(
            target, draft, recorded if needs else (), new_id=lambda: entry.entry_id
        )


def _checked(entry: EntryAdded | Entry) -> tuple[object, ...]:
    """What makes two entries the same entry: all but who wrote it and when."""
    return (entry.kind, entry.text, entry.step, entry.round, entry.dims, entry.value, entry.run_id)


def numbered_card(
    draft: EntryDraft, target: StepTarget, recorded: Sequence[EntryLike]
) -> EntryDraft:
    """A card written on a phone gets the next free number of its run (``1``, ``2`` ...)."""
    value = dict(draft.value or {})
    if draft.kind != "card" or str(value.get("card") or "").strip():
        return draft
    taken = [
        int(card)
        for e in recorded
        if e.kind == "card"
        and e.run_id == target.run_id
        and (card := getattr(e.payload, "card", "")).isdigit()
    ]
    return replace(draft, value={**value, "card": str(max(taken, default=0) + 1)})


def hide_entry(
    store: SessionStore,
    methods: Methods,
    session_ref: str,
    entry_id: str,
    *,
    reason: str,
    author: str | Author = FACILITATOR,
) -> int:
    """Withdraw an entry from the pages and the results (an EntryDeleted with ``reason``);
    the record's seq. NotFoundError when there is no such live entry."""
    desk = SessionInput.follow(store, methods, session_ref)
    saved = desk.withdraw(entry_id, author=author, reason=reason or None)
    assert isinstance(saved.record.event, EntryDeleted)
    return saved.record.seq
