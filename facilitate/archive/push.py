"""Pushing one session: its new records, its header, and the rows folded from them.

Each session is pushed in its own transaction, under a transaction-level advisory lock on
its UUID: two laptops pushing the same session at once push it one after the other (the
second finds it up to date), and a push killed half-way leaves every session whole, either
as it was before or with all its new records. Records are only ever added: a diverged copy
changes nothing.
"""

from __future__ import annotations

import uuid as uuids
from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitate.archive.copies import Comparison, LocalCopy, compare, header_text
from facilitate.archive.folded_rows import replace_folded
from facilitate.model.session import SessionState
from facilitate.records import Record

if TYPE_CHECKING:
    import psycopg


class Pushed(Record):
    """What pushing one session did: how it stood, and how many records it added."""

    comparison: Comparison
    added: int = 0
    header_changed: bool = False


def lock_key(session_uuid: str) -> int:
    """The advisory lock key of a session (its UUID's first 64 bits, signed)."""
    return int.from_bytes(uuids.UUID(session_uuid).bytes[:8], "big", signed=True)


def standing(conn: psycopg.Connection, copy: LocalCopy) -> Comparison:
    """How ``copy`` stands against the archive (nothing written)."""
    row = _session_row(conn, copy.uuid)
    if row is not None and _same(row, copy):
        return Comparison("up_to_date")
    return compare(copy.hashes, None if row is None else _archived_hashes(conn, copy.uuid))


def push_copy(
    conn: psycopg.Connection,
    copy: LocalCopy,
    state: Callable[[], SessionState],
    programme: str | None = None,
) -> Pushed:
    """Add ``copy``'s records the archive lacks (``state`` folds the session, when needed).

    A copy whose journal is byte for byte the one last pushed costs one query.
    """
    row = _session_row(conn, copy.uuid)
    if row is not None and row[4] == copy.journal_digest and not _changed(row, copy, programme):
        return Pushed(Comparison("up_to_date"))
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (lock_key(copy.uuid),))
        row = _session_row(conn, copy.uuid)
        if row is not None and _same(row, copy):
            changed = _changed(row, copy, programme)
            if changed or row[4] != copy.journal_digest:
                _write_session(conn, copy, programme, row[3])
            return Pushed(Comparison("up_to_date"), 0, changed)
        found = compare(copy.hashes, None if row is None else _archived_hashes(conn, copy.uuid))
        if found.standing not in ("new", "ahead"):
            return Pushed(found)
        _write_session(conn, copy, programme, None if row is None else row[3])
        added = _copy_records(conn, copy, set(found.new_seqs))
        replace_folded(conn, copy.uuid, state())
        return Pushed(found, added, row is None or _changed(row, copy, programme))


def _same(row: tuple, copy: LocalCopy) -> bool:
    """True if the archive holds exactly the copy's records (its journal's bytes, or its
    records' last seq and digest)."""
    return row[4] == copy.journal_digest or (row[0], row[1]) == (copy.last_seq, copy.digest)


def _changed(row: tuple, copy: LocalCopy, programme: str | None) -> bool:
    """True if the header, or the programme asked for, is not the archived one."""
    return row[2] != copy.header_hash or (programme is not None and row[3] != programme)


def _session_row(conn: psycopg.Connection, session_uuid: str) -> tuple | None:
    return conn.execute(
        "SELECT last_seq, digest, header_hash, programme, journal_digest"
        " FROM facilitate.sessions WHERE uuid = %s",
        (session_uuid,),
    ).fetchone()


def _archived_hashes(conn: psycopg.Connection, session_uuid: str) -> dict[int, str]:
    rows = conn.execute(
        "SELECT seq, hash FROM facilitate.events WHERE session_uuid = %s", (session_uuid,)
    ).fetchall()
    return dict(rows)


def _write_session(
    conn: psycopg.Connection, copy: LocalCopy, programme: str | None, kept: str | None
) -> None:
    """Insert or update the session's row (its digest becomes the local copy's)."""
    header = copy.header
    conn.execute(
        "INSERT INTO facilitate.sessions (uuid, id, title, date, place, language, method, plan,"
        " programme, header, header_hash, events, last_seq, digest, journal_digest)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s, %s, %s, %s, %s)"
        " ON CONFLICT (uuid) DO UPDATE SET id = excluded.id, title = excluded.title,"
        " date = excluded.date, place = excluded.place, language = excluded.language,"
        " method = excluded.method, plan = excluded.plan, programme = excluded.programme,"
        " header = excluded.header, header_hash = excluded.header_hash,"
        " events = excluded.events, last_seq = excluded.last_seq, digest = excluded.digest,"
        " journal_digest = excluded.journal_digest,"
        " pushed_at = now()",
        (
            copy.uuid,
            header.id,
            header.title,
            header.date,
            header.place,
            header.language,
            header.method,
            header.plan,
            programme if programme is not None else kept,
            header_text(header),
            copy.header_hash,
            len(copy.hashes),
            copy.last_seq,
            copy.digest,
            copy.journal_digest,
        ),
    )


def _copy_records(conn: psycopg.Connection, copy: LocalCopy, seqs: set[int]) -> int:
    """COPY the lines numbered ``seqs`` into the events table; how many."""
    added = 0
    columns = "session_uuid, seq, hash, type, at, author, role, line"
    with (
        conn.cursor() as cursor,
        cursor.copy(f"COPY facilitate.events ({columns}) FROM STDIN") as out,
    ):
        for line, (seq, hashed) in zip(copy.lines, copy.hashes, strict=True):
            if seq not in seqs:
                continue
            record = line.record
            out.write_row(
                (copy.uuid, seq, hashed, _text(record.get("type")), _text(record.get("at")),
                 _text(record.get("author")), _text(record.get("role")), line.line)
            )  # fmt: skip
            added += 1
    return added


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
