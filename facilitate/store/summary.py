"""``summary.json``: what a listing shows of a session, kept beside its journal.

A list of a thousand sessions should not read and fold a thousand journals. So the digest of
each session's state (counts, the last run's status, the methods run) is kept in
``summary.json``, with the journal's length, inode and a hash of the bytes just before that
length. It is a cache, never trusted blindly: a summary that is missing, damaged, from
another version, or that no longer matches its journal (appended to, cut short, replaced)
is discarded silently, rebuilt from the journal, and written again atomically (when the
store can be written).
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
from facilitate.model.session import SessionHeader, fold
from facilitate.model.session_digest import SessionDigest, digest_of
from facilitate.store.durable import write_atomic
from facilitate.store.files import JOURNAL_FILE, open_file, read_file, read_from
from facilitate.store.reader import JournalPosition
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


def _matches(folder: Path, stored: _Stored) -> bool:
    """True if the journal is still exactly what the summary was made from."""
    offset = stored.digest.offset
    try:
        fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    except (OSError, FacilitateError):
        return False
    try:
        info = os.fstat(fd)
        if (info.st_ino, info.st_dev) != (stored.inode, stored.device):
            return False
        if info.st_size != offset or stored.tail_length > offset:
            return False  # appended to (or a line being written), or cut short
        tail = read_from(fd, offset - stored.tail_length, offset)
    finally:
        os.close(fd)
    return _tail_hash(tail) == stored.tail_sha256


def current_digest(session: Session) -> SessionDigest:
    """The digest of the session's journal as it is now: the summary on disk if it matches
    the journal, else rebuilt from the journal (and the summary written again)."""
    stored = _read_stored(session.path, session.header)
    if stored is not None and _matches(session.path, stored):
        session.warnings = list(stored.digest.warnings)
        return stored.digest
    batch = session.read_all()
    digest = digest_of(fold(batch.records, session.header), batch.warnings, batch.position.offset)
    if not batch.unfinished:  # (a line being written: the next look folds it in)
        with contextlib.suppress(OSError, FacilitateError):  # a read-only store: no cache
            write_atomic(session.path, SUMMARY_FILE, summary_bytes(digest, batch.position))
    return digest
