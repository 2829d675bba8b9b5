"""``summary.json``: what a listing shows of a session, kept beside its journal.

A list of a thousand sessions should not read and fold a thousand journals. So the digest of
each session's state (counts, the last run's status, the methods run) is kept in
``summary.json``, with the journal's length, inode and a hash of the bytes just before that
length. It is a cache, never trusted blindly: a summary that is missing, damaged, from
another version, or that no longer matches its journal (appended to, cut short, replaced)
is discarded silently, rebuilt from the journal, and written again atomically (when the
store can be written). A writer that appends one entry to a journal its summary matched
counts it on (:func:`summary_after_entry`), so the next note starts from the summary too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from facilitate.errors import FacilitateError
from facilitate.i18n.messages import Message
from facilitate.model.events import Recorded
from facilitate.model.session import SessionHeader, SessionState, fold
from facilitate.model.session_digest import SessionDigest, digest_of
from facilitate.store.durable import write_atomic
from facilitate.store.files import JOURNAL_FILE, open_file, read_file, read_from
from facilitate.store.reader import JournalPosition, read_after
from facilitate.store.session import Session

SUMMARY_FILE = "summary.json"
SUMMARY_VERSION = 2  # 2: warnings are messages (key and values), rendered when shown


@dataclass
class _Stored:
    """A summary as read from disk, before it is checked against the journal."""

    digest: SessionDigest
    inode: int
    device: int
    tail_sha256: str
    tail_length: int


def _tail_hash(check: bytes) -> str:
    return hashlib.sha256(check).hexdigest()


def summary_bytes(digest: SessionDigest, position: JournalPosition) -> bytes:
    """The content of ``summary.json`` for a digest of the journal up to ``position``."""
    digest_data = digest.to_data()
    digest_data["warnings"] = [warning.to_data() for warning in digest.warnings]
    data = {
        "v": SUMMARY_VERSION,
        "journal": {
            "offset": position.offset,
            "inode": position.inode,
            "device": position.device,
            "tail_sha256": _tail_hash(position.check),
            "tail_length": len(position.check),
        },
        "digest": digest_data,
    }
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _read_stored(folder: Path, header: SessionHeader) -> _Stored | None:
    """The summary on disk, or None if there is none or it is not a summary of this version."""
    try:
        data = json.loads(read_file(folder, SUMMARY_FILE))
        if data.get("v") != SUMMARY_VERSION:
            return None
        journal = data["journal"]
        digest = SessionDigest.from_data(data["digest"], header)
        warnings = tuple(Message.from_data(warning) for warning in digest.warnings)
        digest = replace(digest, warnings=warnings)
        if digest.offset != journal["offset"]:
            return None
        return _Stored(
            digest,
            int(journal["inode"]),
            int(journal["device"]),
            str(journal["tail_sha256"]),
            int(journal["tail_length"]),
        )
    except (OSError, FacilitateError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _matching_position(folder: Path, stored: _Stored) -> JournalPosition | None:
    """Where the journal ends if it is still exactly what the summary was made from, else None."""
    offset = stored.digest.offset
    try:
        fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    except (OSError, FacilitateError):
        return None
    try:
        info = os.fstat(fd)
        if (info.st_ino, info.st_dev) != (stored.inode, stored.device):
            return None
        if info.st_size != offset or stored.tail_length > offset:
            return None  # appended to (or a line being written), or cut short
        tail = read_from(fd, offset - stored.tail_length, offset)
    finally:
        os.close(fd)
    if _tail_hash(tail) != stored.tail_sha256:
        return None
    last_seq = stored.digest.last_seq
    return JournalPosition(offset, 0, last_seq, stored.inode, stored.device, tail)


@dataclass(frozen=True)
class Snapshot:
    """A session's digest and the journal position it covers; ``state`` is the whole fold
    when the journal had to be read for it (no summary matched), else None."""

    digest: SessionDigest
    position: JournalPosition
    state: SessionState | None = None


def current_snapshot(session: Session) -> Snapshot:
    """The digest of the session's journal as it is now: the summary on disk if it matches
    the journal, else rebuilt from the journal (and the summary written again)."""
    stored = _read_stored(session.path, session.header)
    position = _matching_position(session.path, stored) if stored is not None else None
    if stored is not None and position is not None:
        session.warnings = list(stored.digest.warnings)
        return Snapshot(stored.digest, position)
    batch = session.read_all()
    state = fold(batch.records, session.header)
    digest = digest_of(state, batch.warnings, batch.position.offset)
    if not batch.unfinished:  # (a line being written: the next look folds it in)
        with contextlib.suppress(OSError, FacilitateError):  # a read-only store: no cache
            write_atomic(session.path, SUMMARY_FILE, summary_bytes(digest, batch.position))
    return Snapshot(digest, batch.position, state)


def current_digest(session: Session) -> SessionDigest:
    """The digest of the session's journal as it is now (see :func:`current_snapshot`)."""
    return current_snapshot(session).digest


def summary_after_entry(session: Session, before: Snapshot, record: Recorded) -> bool:
    """Keep ``summary.json`` up to date after appending the new entry ``record``.

    Only when the journal is exactly ``before`` plus that one record (nobody else wrote in
    between, nothing was skipped) is the digest counted on; otherwise the summary is left to
    be rebuilt by its next reader. True if the summary was written. Never raises.
    """
    try:
        batch = read_after(session.path, before.position)
    except (OSError, FacilitateError):
        return False
    records = batch.records
    if batch.restarted or batch.warnings or batch.unfinished or len(records) != 1:
        return False
    if records[0].seq != record.seq or records[0].event != record.event:
        return False
    old = before.digest
    digest = replace(
        old,
        entries=old.entries + 1,
        events=old.events + 1,
        last_seq=record.seq,
        first_at=old.first_at or record.at,
        last_at=record.at,
        offset=batch.position.offset,
    )
    try:
        write_atomic(session.path, SUMMARY_FILE, summary_bytes(digest, batch.position))
    except (OSError, FacilitateError):
        return False
    return True
