"""``.listing.json``: what ``sessions list`` shows of every session, kept at the store's root.

A list of a thousand sessions should not open four thousand files. So the store keeps, for
each session, what the listing shows (:class:`~facilitate.model.session_listing.ListedSession`
and the header) with what it was made from: the ``lstat`` of the session's journal and of its
header (size, modification and change times in nanoseconds, inode, device, kind). A listing
scans the store's folder, looks at those two files of each session (no file is opened), and
reads a session again (its header and summary, see ``summary.py``) only when they differ.

It is a cache, never trusted blindly. Any write to a file changes its change time (which
no program can set back) and any replacement its inode; a file changed within
:data:`SETTLE_NS` of being looked at is not kept, since a timestamp's resolution (two seconds
on FAT) could hide a change made in the same tick. An index that is damaged, of another
version, or that fails its hash is discarded silently and made again; a row that cannot be
read is read again from its session. It is written atomically, only when something changed,
and only when the store can be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitate.errors import FacilitateError
from facilitate.model.session_header import SessionHeader
from facilitate.model.session_listing import ListedSession
from facilitate.store.durable import write_atomic
from facilitate.store.files import HEADER_FILE, JOURNAL_FILE, read_file
from facilitate.store.summary_file import BROKEN, SUMMARY_VERSION

INDEX_FILE = ".listing.json"
INDEX_VERSION = 1
SETTLE_NS = 3_000_000_000
"""A file must be unchanged this long (by the clock) before its row is kept (3 s)."""

Signature = tuple[int, ...]
"""What ``lstat`` says of a file: size, mtime_ns, ctime_ns, inode, device, kind."""


def signature(path: str) -> Signature | None:
    """The ``lstat`` signature of ``path``, or None if it is missing or not a regular file."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (
        info.st_size,
        info.st_mtime_ns,
        info.st_ctime_ns,
        info.st_ino,
        info.st_dev,
        stat.S_IFMT(info.st_mode),
    )


def settled(sig: Signature, now_ns: int) -> bool:
    """True if the file was last changed at least :data:`SETTLE_NS` before ``now_ns``."""
    return now_ns - max(sig[1], sig[2]) >= SETTLE_NS


@dataclass(frozen=True)
class Row:
    """One session in the index: the signatures it was made from, and what it shows."""

    journal: Signature
    header: Signature
    data: dict[str, Any]

    def fits(self, journal: Signature, header: Signature | None) -> bool:
        """True if the session's journal and header are still the files the row was made of."""
        return self.journal == journal and self.header == header

    def listed(self) -> ListedSession | None:
        """The session as listed, or None if the row cannot be read (it is made again)."""
        try:
            header = SessionHeader(**self.data["session"])
            return ListedSession.from_data(self.data["listing"], header)
        except (*BROKEN, AttributeError):
            return None


def row_of(journal: Signature, header: Signature, listed: ListedSession) -> Row:
    data = {"session": listed.header.to_data(), "listing": listed.to_data()}
    return Row(journal, header, data)


def _head(body: bytes) -> dict[str, Any]:
    return {
        "v": INDEX_VERSION,
        "summary_v": SUMMARY_VERSION,
        "sha256": hashlib.sha256(body).hexdigest(),
    }


def read_index(root: Path) -> dict[str, Row]:
    """The rows of the store's index by session id ({} if there is none or it is damaged)."""
    try:
        head_line, _, body = read_file(root, INDEX_FILE).partition(b"\n")
        if json.loads(head_line) != _head(body):
            return {}
        rows = json.loads(body)
        return {
            session_id: Row(tuple(row["journal"]), tuple(row["header"]), row)
            for session_id, row in rows.items()
            if isinstance(row, dict)
        }
    except (*BROKEN, AttributeError):
        return {}


def write_index(root: Path, rows: dict[str, Row]) -> bool:
    """Replace the store's index with ``rows`` atomically; False if it cannot be written."""
    body = json.dumps(
        {
            session_id: {**row.data, "journal": row.journal, "header": row.header}
            for session_id, row in sorted(rows.items())
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    head = json.dumps(_head(body), separators=(",", ":")).encode("utf-8")
    try:
        write_atomic(root, INDEX_FILE, head + b"\n" + body)
    except (OSError, FacilitateError):  # a read-only store: no index
        return False
    return True


def session_files(root: Path, session_id: str) -> tuple[Signature | None, Signature | None]:
    """The signatures of a session's journal and header (None where not a regular file)."""
    folder = f"{root}{os.sep}{session_id}{os.sep}"
    return signature(folder + JOURNAL_FILE), signature(folder + HEADER_FILE)
