"""``.listing.json``: what ``sessions list`` shows of every session, kept at the store's root.

A list of a thousand sessions should not open four thousand files. So the store keeps, for
each session, what the listing shows (:class:`~facilitate.model.session_listing.ListedSession`
and the header) with what it was made from: the ``lstat`` of the session's journal and of its
header (size, modification and change times in nanoseconds, inode, device, kind). A listing
scans the store's folder, looks at those two files of each session (no file is opened), and
reads a session again (its header and summary, see ``summary.py``) only when they differ.

It is a cache, never trusted blindly. On the file systems Linux and macOS use for a home
folder, any write to a file changes its change time (which no program can set back) and any
replacement its inode; where a change time can be set (FAT, Windows' creation time) a
same-size rewrite that restores the modification time could go unseen. A file changed within
:data:`SETTLE_NS` of being looked at is not kept, since a timestamp's resolution (two seconds
on FAT) could hide a change made in the same tick. An index that is damaged, of another
version, or that fails its hash is discarded silently and made again; a row that cannot be
read is read again from its session. It is written atomically (not fsync'd: one lost to a
power cut is made again), only when something changed, and only when the store can be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitate.errors import FacilitateError
from facilitate.model.session_header import SessionHeader
from facilitate.model.session_listing import ListedSession
from facilitate.records import Record
from facilitate.store.durable import write_atomic
from facilitate.store.files import HEADER_FILE, JOURNAL_FILE, read_file
from facilitate.store.ids import session_candidates
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


def settled(sig: Signature, now_ns: int, *more: Signature) -> bool:
    """True if the files were last changed at least :data:`SETTLE_NS` before ``now_ns``."""
    return all(now_ns - max(s[1], s[2]) >= SETTLE_NS for s in (sig, *more))


class Row(Record):
    """One session in the index: the signatures it was made from, and what it shows."""

    journal: Signature
    header: Signature
    data: dict[str, Any]

    def fits(self, journal: Signature | None, header: Signature | None) -> bool:
        """True if the session's journal and header are still the files the row was made of."""
        return journal is not None and self.journal == journal and self.header == header

    def listed(self) -> ListedSession | None:
        """The session as listed, or None if the row cannot be read (it is made again)."""
        try:
            header = SessionHeader(**self.data["session"])
            return ListedSession.from_data(self.data["listing"], header)
        except (*BROKEN, AttributeError):
            return None


def row_of(journal: Signature, header: Signature, listed: ListedSession) -> Row:
    """The index row of a session ``listed`` from a journal and header with these signatures."""
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
        separators=(",", ":"),
    ).encode("ascii")  # (escaped: a header's lone surrogate is written as it was read)
    head = json.dumps(_head(body), separators=(",", ":")).encode("utf-8")
    try:  # (checked whenever it is read: no fsync, a lost one is made again)
        write_atomic(root, INDEX_FILE, head + b"\n" + body, durable=False)
    except (OSError, FacilitateError):  # a read-only store: no index
        return False
    return True


def session_files(root: Path, session_id: str) -> tuple[Signature | None, Signature | None]:
    """The signatures of a session's journal and header (None where not a regular file)."""
    folder = f"{root}{os.sep}{session_id}{os.sep}"
    return signature(folder + JOURNAL_FILE), signature(folder + HEADER_FILE)


ReadAgain = Callable[[str], "tuple[ListedSession, bool] | None"]
"""Reads a session as listed (from its header and summary) and says whether reading warned;
None when it is gone or damaged."""


def indexed_listing(
    root: Path, now_ns: int, read_again: ReadAgain, is_session: Callable[[str], bool]
) -> list[ListedSession]:
    """Every readable session of the store at ``root``: from its index row while its journal
    and header are the files the row was made of, else by ``read_again``; the index written
    again when a row changed. ``now_ns`` is the clock before any file was looked at."""
    index = read_index(root)
    rows: dict[str, Row] = {}
    listed = []
    for session_id, folder in session_candidates(root):
        journal, header = session_files(root, session_id) if folder else (None, None)
        row = index.get(session_id)
        shown = row.listed() if row is not None and row.fits(journal, header) else None
        if row is not None and shown is not None:
            rows[session_id] = row
            listed.append(shown)
            continue
        if journal is None and header is None and not is_session(session_id):
            continue
        read = read_again(session_id)
        if read is None:
            continue
        shown, warned = read
        listed.append(shown)
        unchanged = session_files(root, session_id) == (journal, header)  # (while read)
        if journal and header and not warned and unchanged and settled(journal, now_ns, header):
            rows[session_id] = row_of(journal, header, shown)
    if rows.keys() != index.keys() or any(rows[i] is not index[i] for i in rows):
        write_index(root, rows)
    return listed
