"""``summary.json``: a session's digest kept beside its journal, so reading costs what is new.

A list of a thousand sessions should not read and fold a thousand journals, and a note in
a session of 50,000 events should not replay them. So the digest of each session's state
(counts, the runs, where entries count) is kept in ``summary.json`` with the journal's
length, inode and a hash of the bytes just before that length (``summary_file.py``).

It is a cache, never trusted blindly. A summary whose journal is exactly as long is used as
it is; one whose journal grew after the same bytes (another writer appended) is carried on:
only the records after it are read and folded on (:class:`DigestFolder`), and it is written
again. Any other summary (missing, damaged, of another version, or whose journal was cut
short, replaced or rewritten) is discarded silently and made again from the whole journal.
A summary is written atomically, and only when the store can be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitate.errors import FacilitateError
from facilitate.i18n.messages import Message
from facilitate.model.digest_fold import DigestFolder, EntryIndex
from facilitate.model.events import Recorded
from facilitate.model.session import SessionState
from facilitate.model.session_digest import SessionDigest
from facilitate.store.durable import write_atomic
from facilitate.store.reader import JournalBatch, JournalPosition, read_after
from facilitate.store.session import Session
from facilitate.store.summary_file import (
    BROKEN,
    SUMMARY_FILE,
    SUMMARY_VERSION,
    Stored,
    checked_index,
    fit,
    read_stored,
    summary_bytes,
)

__all__ = [
    "SUMMARY_FILE",
    "SUMMARY_VERSION",
    "Snapshot",
    "current_digest",
    "current_snapshot",
    "rebuilt_snapshot",
    "refresh_snapshot",
    "summary_after_entry",
]


@dataclass
class Snapshot:
    """A session's digest and the journal position it covers.

    ``state`` is always None (kept for callers that took the whole fold from here).
    :meth:`folder` gives the fold to carry on from (read from the summary when first asked).
    """

    digest: SessionDigest
    position: JournalPosition
    state: SessionState | None = None
    _folder: DigestFolder | None = field(default=None, repr=False)
    _stored: Stored | None = field(default=None, repr=False)

    def folder(self) -> DigestFolder | None:
        """The fold the digest came from (None if what the summary keeps for it is damaged)."""
        if self._folder is None and self._stored is not None:
            index = checked_index(self._stored)
            if index is None:
                return None
            try:
                self._folder = DigestFolder.from_data(
                    self.digest, self._stored.fold, EntryIndex(index)
                )
            except BROKEN:
                return None
        return self._folder


def current_snapshot(session: Session) -> Snapshot:
    """The digest of the session's journal as it is now: the summary on disk if it matches
    the journal, carried on if the journal grew after it, else made from the whole journal
    (the summary written again in the two last cases)."""
    stored = read_stored(session.path, session.header)
    fits = fit(session.path, stored) if stored is not None else None
    if stored is not None and fits is not None:
        snapshot = Snapshot(stored.digest, fits.position, _stored=stored)
        if fits.exact:
            session.warnings = list(stored.digest.warnings)
            return snapshot
        carried = _carried_on(session, stored, snapshot)
        if carried is not None:
            return carried
    return _rebuilt(session)


def _carried_on(session: Session, stored: Stored, before: Snapshot) -> Snapshot | None:
    """``before`` with what was appended after it folded on, or None to rebuild instead."""
    try:
        batch = read_after(session.path, before.position)
    except (OSError, FacilitateError):
        return None
    if batch.restarted or batch.unfinished:
        return None  # replaced meanwhile, or a line being written: the whole journal decides
    folder = before.folder()
    if folder is None:
        return None
    snapshot = _folded_on(session, folder, stored.digest.warnings, batch)
    session.warnings = list(snapshot.digest.warnings)
    return snapshot


def _folded_on(
    session: Session, folder: DigestFolder, warnings: tuple[Message, ...], batch: JournalBatch
) -> Snapshot:
    """``batch`` folded onto ``folder``; the summary written (never raises for that)."""
    folder.apply_all(batch.records)
    all_warnings = (*warnings, *batch.warnings)
    digest = folder.digest(session.header, all_warnings, batch.position.offset)
    _write(session, digest, folder, batch.position)
    return Snapshot(digest, batch.position, _folder=folder)


def rebuilt_snapshot(session: Session) -> Snapshot:
    """The digest folded from the whole journal, whatever the summary says (the summary
    written again when the journal's last line is whole)."""
    return _rebuilt(session)


def _rebuilt(session: Session) -> Snapshot:
    """The digest folded from the whole journal (the summary written when it is whole)."""
    batch = session.read_all()
    folder = DigestFolder().apply_all(batch.records)
    digest = folder.digest(session.header, batch.warnings, batch.position.offset)
    if not batch.unfinished:  # (a line being written: the next look folds it in)
        _write(session, digest, folder, batch.position)
    return Snapshot(digest, batch.position, _folder=folder)


def _write(
    session: Session, digest: SessionDigest, folder: DigestFolder, position: JournalPosition
) -> bool:
    data = summary_bytes(digest, folder.to_data(), folder.index.to_bytes(), position)
    try:
        # (checked against the journal whenever it is read: no fsync, a lost one is made again)
        write_atomic(session.path, SUMMARY_FILE, data, durable=False)
    except (OSError, FacilitateError):  # a read-only store: no cache
        return False
    return True


def current_digest(session: Session) -> SessionDigest:
    """The digest of the session's journal as it is now (see :func:`current_snapshot`)."""
    return current_snapshot(session).digest


def refresh_snapshot(session: Session, before: Snapshot) -> Snapshot | None:
    """``before`` with whatever was appended since folded on, and ``summary.json`` written;
    None when the journal is no longer what ``before`` was read from (or a line is being
    written), so the next reader makes the summary again. Never raises."""
    try:
        batch = read_after(session.path, before.position)
    except (OSError, FacilitateError):
        return None
    folder = before.folder()
    if batch.restarted or batch.unfinished or folder is None:
        return None
    return _folded_on(session, folder, before.digest.warnings, batch)


def summary_after_entry(session: Session, before: Snapshot, record: Recorded) -> bool:
    """Keep ``summary.json`` up to date after appending ``record`` to the journal ``before``
    was read from: what was appended since (the record, and anything another writer added)
    is folded on. True if the summary was written. Never raises."""
    after = refresh_snapshot(session, before)
    return after is not None and after.digest.last_seq >= record.seq
