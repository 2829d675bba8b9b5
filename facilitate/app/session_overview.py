"""One session at a glance, at any size: its digest and its last entries.

:func:`read_overview` is what ``sessions show`` shows by default: the session's digest
(from ``summary.json``, carried on with what was appended since) and the last ``last`` live
entries, read from the journal's end backwards. Nothing else of the journal is read, so a
session of 50,000 events shows as fast as one of 50. An entry is shown as the whole fold
would give it: it counts only if the digest says it is live and was added by that very
record, and its edits (which follow it in the journal) are applied.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from facilitate.app.sessions import SessionRead, Wall, live_now
from facilitate.clock import SystemClock
from facilitate.i18n.messages import Message
from facilitate.model.digest_fold import DigestFolder
from facilitate.model.session import Entry, LiveStatus, SessionFolder
from facilitate.model.session_digest import SessionDigest
from facilitate.store.session import Session
from facilitate.store.store import SessionStore
from facilitate.store.summary import current_snapshot, rebuilt_snapshot
from facilitate.store.tail import iter_records, read_tail

TAIL_BYTES = 64 * 1024
"""How much of the journal's end is read first (four times more each time it is too little)."""


@dataclass(frozen=True)
class SessionOverview:
    """A session's digest, its last live entries (oldest first), the reading's warnings,
    and how its run stands when it is being run live now."""

    session: Session
    digest: SessionDigest
    recent: tuple[Entry, ...]
    warnings: list[Message]
    live: LiveStatus | None = None


def read_overview(
    store: SessionStore, session_id: str, *, last: int = 20, clock: Wall | None = None
) -> SessionOverview:
    """The digest of session ``session_id`` and its last ``last`` live entries, and its
    live run's time left at the time of ``clock`` (the real one unless given)."""
    session = store.open(session_id)
    snapshot = current_snapshot(session)
    folder = snapshot.folder()
    if folder is None:  # what the summary keeps to fold on is damaged: made again
        snapshot = rebuilt_snapshot(session)
        folder = snapshot.folder()
        assert folder is not None  # (a snapshot made from the journal has its folder)
    digest = snapshot.digest
    recent = last_entries(session, folder, snapshot.position.offset, min(last, digest.entries))
    live = live_now(session, digest, (clock or SystemClock()).time())
    return SessionOverview(session, digest, recent, list(session.warnings), live)


def last_entries(session: Session, folder: DigestFolder, end: int, count: int) -> tuple[Entry, ...]:
    """The last ``count`` live entries of the journal's first ``end`` bytes (``folder``:
    the digest of those bytes), read from ``end`` backwards."""
    if count <= 0:
        return ()
    size = TAIL_BYTES
    while True:
        start = max(0, end - size)
        found = _live_in(session, folder, start, end)
        if len(found) >= count or start == 0:
            return tuple(found[-count:])
        size *= 4


def _live_in(session: Session, folder: DigestFolder, start: int, end: int) -> list[Entry]:
    """The entries added in bytes ``[start, end)`` that are live at ``end``, as they are."""
    region = SessionFolder()
    for record in read_tail(session.path, start, end):
        region.apply(record)
    found = []
    for entry in region.entries.values():
        live = folder.index.live(entry.entry_id)
        if live is not None and live[1] == entry.added_seq:
            found.append(replace(entry, run_id=folder.places[live[0]][0]))
    return found


def read_every_entry(
    store: SessionStore, session_id: str, *, clock: Wall | None = None
) -> SessionRead:
    """Session ``session_id`` folded from its journal read a chunk at a time (for a view
    that prints every entry: the records are never all in memory, only the entries)."""
    session = store.open(session_id)
    warnings: list[Message] = []
    folder = SessionFolder()
    try:
        for record in iter_records(session.path, warnings):
            folder.apply(record)
    except OSError:
        session.read_all()  # raises the error a missing or unreadable journal gives
        raise
    state = folder.state(session.header)
    session.warnings = warnings
    live = live_now(session, state, (clock or SystemClock()).time())
    return SessionRead(session, state, warnings, live)
