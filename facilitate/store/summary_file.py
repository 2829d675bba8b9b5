"""The format of ``summary.json``, and whether a summary still fits its journal.

A JSON line, then the entry index. The line is what a listing reads: the version, where
the journal stood (length, lines read, highest sequence number, inode and device, a hash of
the bytes just before that length), the session's digest, and what folding on needs
besides (:meth:`~facilitate.model.digest_fold.DigestFolder.to_data`, and the index's length
and hash). The index (:class:`~facilitate.model.entry_index.EntryIndex`: a line per entry
added or deleted) is searched as bytes, never parsed as a whole; its hash is checked before
it is used.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitate.errors import FacilitateError
from facilitate.i18n.messages import Message
from facilitate.model.session_digest import SessionDigest
from facilitate.model.session_header import SessionHeader
from facilitate.records import Record
from facilitate.store.files import JOURNAL_FILE, open_file, read_file, read_from

if TYPE_CHECKING:  # (a listing reads no journal)
    from facilitate.store.reader import JournalPosition

SUMMARY_FILE = "summary.json"
SUMMARY_VERSION = 3  # 3: counts by place, and the ids to fold on with (a second line)
BROKEN = (OSError, FacilitateError, ValueError, TypeError, KeyError, AttributeError)
"""What reading a damaged summary may raise (the summary is then made again)."""


class Stored(Record):
    """A summary as read from disk; ``index`` the entry index's bytes (checked when used)."""

    digest: SessionDigest
    fold: dict[str, Any]
    line: int
    max_seq: int
    inode: int
    device: int
    tail_sha256: str
    tail_length: int
    index: bytes


def tail_hash(check: bytes) -> str:
    return hashlib.sha256(check).hexdigest()


def summary_bytes(
    digest: SessionDigest, fold: dict[str, Any], index: bytes, position: JournalPosition
) -> bytes:
    """The content of ``summary.json`` for a digest of the journal up to ``position``
    (``fold`` and ``index`` what the digest's folder keeps)."""
    digest_data = digest.to_data()
    digest_data["warnings"] = [warning.to_data() for warning in digest.warnings]
    head = {
        "v": SUMMARY_VERSION,
        "journal": {
            "offset": position.offset,
            "line": position.line,
            "max_seq": position.last_seq,
            "inode": position.inode,
            "device": position.device,
            "tail_sha256": tail_hash(position.check),
            "tail_length": len(position.check),
        },
        "digest": digest_data,
        "fold": {**fold, "index_length": len(index), "index_sha256": tail_hash(index)},
    }
    line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return line + b"\n" + index


def checked_index(stored: Stored) -> bytes | None:
    """The stored entry index if it is the one the summary's line describes, else None."""
    fold, index = stored.fold, stored.index
    if fold.get("index_length") != len(index) or fold.get("index_sha256") != tail_hash(index):
        return None
    return index


def read_stored(folder: Path, header: SessionHeader) -> Stored | None:
    """The summary on disk, or None if there is none or it is not a summary of this version."""
    try:
        head, _, index = read_file(folder, SUMMARY_FILE).partition(b"\n")
        data = json.loads(head)
        if data.get("v") != SUMMARY_VERSION:
            return None
        journal = data["journal"]
        digest = SessionDigest.from_data(data["digest"], header)
        warnings = tuple(Message.from_data(warning) for warning in digest.warnings)
        digest = replace(digest, warnings=warnings)
        numbers = ("offset", "line", "max_seq", "inode", "device", "tail_length")
        if not all(type(journal[name]) is int for name in numbers):
            return None
        if digest.offset != journal["offset"] or journal["tail_length"] > digest.offset:
            return None
        if not isinstance(data["fold"], dict):
            return None
        return Stored(
            digest,
            data["fold"],
            journal["line"],
            journal["max_seq"],
            journal["inode"],
            journal["device"],
            str(journal["tail_sha256"]),
            journal["tail_length"],
            index,
        )
    except BROKEN:
        return None


class Fit(Record):
    """How the journal stands against its summary: ``position`` where the summary ends (a
    prefix of the journal as it is now), ``exact`` when nothing was added after it."""

    position: JournalPosition
    exact: bool


def fit(folder: Path, stored: Stored) -> Fit | None:
    """The summary's position if the journal still begins with what it was made from (the
    same file, at least as long, the same bytes before that length), else None."""
    offset = stored.digest.offset
    try:
        fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    except (OSError, FacilitateError):
        return None
    try:
        info = os.fstat(fd)
        if (info.st_ino, info.st_dev) != (stored.inode, stored.device):
            return None
        if info.st_size < offset:
            return None  # cut short
        tail = read_from(fd, offset - stored.tail_length, offset)
    finally:
        os.close(fd)
    if tail_hash(tail) != stored.tail_sha256:
        return None
    from facilitate.store.reader import JournalPosition

    position = JournalPosition(
        offset, stored.line, stored.max_seq, stored.inode, stored.device, tail
    )
    return Fit(position, info.st_size == offset)
