"""Every entry of a session, in journal order, without holding them all: two reads.

``sessions show --all`` and ``--json`` print every live entry, and the runs before them.
A whole fold holds every entry until the end, because a later record may edit, delete or
repeat (a retried add, the same id) any of them. So the journal is read twice, both times
the same bytes (:class:`~facilitate.store.tail.JournalSpan`: one open file, up to its
length when opened):

1. :class:`_FirstPass` folds the runs and remembers only what a later record can change:
   every edit and delete (with where it stands in the journal), and the ids that may have
   been added more than once (a fixed-size filter of the ids seen: it can take an id for
   one seen before, never the other way round, so its memory does not grow with the
   entries).
2. :class:`_SecondPass` folds again and gives each entry as its add is read, in its final
   form: an entry no later record names is given as it was added; one that is named (an
   edit, a delete, maybe a repeat) is folded exactly, as a whole fold would, and given with
   the edits that follow it applied, unless a later record deletes it.

What is held is the runs, the edits and deletes, the entries they name and the deleted
entries, never the others: memory grows with the entries that are edited or deleted (usually
few; a session where every entry is edited holds about what a whole fold does), not with the
entries. The result is the whole fold's
(:class:`~facilitate.model.session.SessionFolder`): the same entries in the same order,
the same deleted entries, the same ignored records.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from facilitate.app.sessions import Wall, live_now
from facilitate.clock import SystemClock
from facilitate.i18n.messages import Message
from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Recorded
from facilitate.model.session import (
    Entry,
    LiveStatus,
    SessionFolder,
    SessionHeader,
    SessionState,
)
from facilitate.store.session import Session
from facilitate.store.store import SessionStore
from facilitate.store.tail import JournalSpan

FILTER_BITS = 1 << 23
"""The size of the filter of ids seen (1 MiB): at 50,000 entries about one id in 180,000 is
taken for a repeat it is not (and then folded exactly, which costs nothing more than memory
for it)."""


class SeenIds:
    """A Bloom filter of entry ids (three bits each): :meth:`add` says whether an id may
    have been added before. Never wrong for an id that was; rarely right for one that was
    not."""

    def __init__(self, bits: int = FILTER_BITS) -> None:
        if bits <= 0 or bits & (bits - 1):
            raise ValueError("the filter's size is a power of two")
        self._bits = bytearray(bits // 8 or 1)
        self._mask = bits - 1

    def add(self, entry_id: str) -> bool:
        """Note ``entry_id``; True if it may have been noted before."""
        code, mask, bits = hash(entry_id), self._mask, self._bits
        first, step = code & 0xFFFFFFFF, (code >> 32) | 1  # (three bits by double hashing)
        one, two, three = first & mask, (first + step) & mask, (first + 2 * step) & mask
        seen = bits[one >> 3] >> (one & 7) & bits[two >> 3] >> (two & 7)
        seen &= bits[three >> 3] >> (three & 7)
        bits[one >> 3] |= 1 << (one & 7)
        bits[two >> 3] |= 1 << (two & 7)
        bits[three >> 3] |= 1 << (three & 7)
        return bool(seen & 1)


class _FirstPass(SessionFolder):
    """The runs folded; of the entries, only what a later record may change (see module)."""

    def __init__(self, seen: SeenIds | None = None) -> None:
        super().__init__()
        self.seen = seen or SeenIds()
        self.repeated: set[str] = set()
        """Ids that may have been added more than once."""
        self.later: dict[str, list[tuple[int, Recorded]]] = {}
        """Entry id -> the edits and deletes naming it, with their number in the journal."""
        self.number = 0

    def apply(self, record: Recorded) -> None:
        self.number += 1
        super().apply(record)

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        if self.seen.add(event.entry_id):
            self.repeated.add(event.entry_id)

    def _entry_edited(self, record: Recorded, event: EntryEdited | EntryDeleted) -> None:
        self.later.setdefault(event.entry_id, []).append((self.number, record))

    _entry_deleted = _entry_edited  # (an edit or a delete: kept for the entry it names)

    def head(self, header: SessionHeader) -> SessionState:
        """The runs and the journal's counts (no entries; ``ignored`` is the second pass's)."""
        return replace(self.state(header), ignored=())


class _SecondPass(SessionFolder):
    """The fold again, giving each live entry in its final form as its add is read; only
    the entries the first pass found named later are kept (in ``entries`` and ``deleted``)."""

    def __init__(self, first: _FirstPass) -> None:
        super().__init__()
        self.first = first
        self.number = 0
        self.ready: list[Entry] = []
        self.kinds: dict[str, int] = {}

    def apply(self, record: Recorded) -> None:
        self.number += 1
        super().apply(record)

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        entry_id = event.entry_id
        named = entry_id in self.first.later or entry_id in self.first.repeated
        if not named:  # added once, never edited nor deleted: as it is
            super()._entry_added(record, event)
            self._give(self.entries.pop(entry_id))
            return
        if entry_id in self.entries or entry_id in self.deleted:
            self.ignored.append(record.seq)
            return
        super()._entry_added(record, event)
        final = self._final(self.entries[entry_id])
        if final is not None:
            self._give(final)

    def _final(self, entry: Entry) -> Entry | None:
        """``entry`` as the records after this one leave it (None: they delete it)."""
        rest = SessionFolder()
        rest.entries[entry.entry_id] = entry
        for number, record in self.first.later.get(entry.entry_id, ()):
            if number > self.number:
                rest.apply(record)
        return rest.entries.get(entry.entry_id)

    def _give(self, entry: Entry) -> None:
        self.ready.append(entry)
        self.kinds[entry.kind] = self.kinds.get(entry.kind, 0) + 1


@dataclass
class EveryEntry:
    """A session read for a view of every entry: its runs (``state``, without entries),
    the warnings of reading its journal and how its live run stands; iterate once for the
    live entries in journal order, then :attr:`deleted`, :attr:`entry_kinds` and
    :attr:`ignored` are the whole journal's."""

    session: Session
    state: SessionState
    warnings: list[Message]
    live: LiveStatus | None
    _span: JournalSpan = field(repr=False)
    _first: _FirstPass = field(repr=False)
    _second: _SecondPass | None = field(default=None, repr=False)

    def __iter__(self) -> Iterator[Entry]:
        if self._second is not None:
            raise RuntimeError("the entries are read once")
        second = self._second = _SecondPass(self._first)
        for record in self._span.records([]):  # (the first read warned)
            second.apply(record)
            if second.ready:
                yield from second.ready
                second.ready.clear()

    @property
    def deleted(self) -> tuple[Entry, ...]:
        """The deleted entries, in the order they were deleted."""
        return tuple(self._done().deleted.values())

    @property
    def entry_kinds(self) -> dict[str, int]:
        """How many live entries of each kind, kinds in the order of their first entry."""
        return dict(self._done().kinds)

    @property
    def ignored(self) -> tuple[int, ...]:
        """The sequence numbers of the records the fold ignored, in journal order."""
        return tuple(self._done().ignored)

    def _done(self) -> _SecondPass:
        if self._second is None:
            raise RuntimeError("the entries have not been read")
        return self._second


@contextmanager
def every_entry(
    store: SessionStore,
    session_id: str,
    *,
    clock: Wall | None = None,
    filter_bits: int = FILTER_BITS,
) -> Iterator[EveryEntry]:
    """Session ``session_id`` read for a view of every entry (see :class:`EveryEntry`);
    its journal stays open (the same bytes for both reads) until the ``with`` ends.
    ``filter_bits``: the size of the filter of ids seen (see :class:`SeenIds`)."""
    session = store.open(session_id)
    try:
        span = JournalSpan(session.path)
    except OSError:
        session.read_all()  # raises the error a missing or unreadable journal gives
        raise
    with span:
        warnings: list[Message] = []
        first = _FirstPass(SeenIds(filter_bits))
        for record in span.records(warnings):
            first.apply(record)
        session.warnings = warnings
        state = first.head(session.header)
        live = live_now(session, state, (clock or SystemClock()).time())
        yield EveryEntry(session, state, warnings, live, span, first)
