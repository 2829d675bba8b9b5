"""Reading archived sessions back: which there are, and one session's header and lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n.messages import message
from facilitate.records import Record

if TYPE_CHECKING:
    import psycopg

_LIST = (
    "SELECT uuid::text, id, title, date, programme, events, last_seq, header"
    " FROM facilitate.sessions"
)


class Archived(Record):
    """An archived session: its UUID, id, title, date, programme, records and header data."""

    uuid: str
    id: str
    title: str
    date: str
    programme: str | None
    events: int
    last_seq: int
    header: dict[str, Any]


def archived_sessions(
    conn: psycopg.Connection, programme: str | None = None, since: str | None = None
) -> list[Archived]:
    """The archived sessions (of ``programme``, dated ``since`` or later), by date and id."""
    where, values = [], []
    if programme is not None:
        where.append("(programme = %s OR plan = %s)")
        values += [programme, programme]
    if since is not None:
        where.append("date >= %s")
        values.append(since)
    query = _LIST + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date, id, uuid"
    return [Archived(*row) for row in conn.execute(query.encode(), values).fetchall()]


def find_archived(conn: psycopg.Connection, ref: str) -> Archived:
    """The archived session ``ref`` names: its UUID, the start of its UUID, or its id.

    UsageError when several sessions fit (ids may repeat across laptops: name the UUID).
    """
    ref = ref.strip()
    query, values = _LIST + " WHERE id = %s", [ref]
    if _could_be_uuid(ref):
        query += " OR uuid::text LIKE %s"
        values.append(ref.lower() + "%")
    rows = conn.execute((query + " ORDER BY date, id, uuid").encode(), values).fetchall()
    if not rows:
        raise NotFoundError(message("archive.err.not_archived", ref=ref))
    if len(rows) > 1:
        choices = ", ".join(f"{row[1]} ({row[0]})" for row in rows[:5])
        raise UsageError(message("archive.err.ambiguous", ref=ref, matches=choices))
    return Archived(*rows[0])


def _could_be_uuid(ref: str) -> bool:
    """True for the start of a UUID (at least 4 characters; never a LIKE pattern)."""
    return len(ref) >= 4 and all(c in "0123456789abcdef-" for c in ref.lower())


def archived_lines(conn: psycopg.Connection, session_uuid: str) -> list[str]:
    """The session's record lines as they were pushed, in order of their seq."""
    rows = conn.execute(
        "SELECT line FROM facilitate.events WHERE session_uuid = %s ORDER BY seq",
        (session_uuid,),
    ).fetchall()
    return [row[0] for row in rows]


def archived_count(conn: psycopg.Connection) -> tuple[int, int]:
    """How many sessions and records the archive holds."""
    row = conn.execute(
        "SELECT count(*), coalesce(sum(events), 0) FROM facilitate.sessions"
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)
