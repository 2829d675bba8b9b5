"""The archive's schema: plain SQL files ``migrations/NNNN_name.sql``, applied in order.

They are applied under a session-level advisory lock (several laptops pushing to a new
archive at once apply each file once), each file in its own transaction with its row in
``facilitate.schema_migrations``. An archive whose schema is newer than this version knows
is refused rather than written to.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from facilitate.archive.connection import ArchiveError
from facilitate.i18n.messages import message
from facilitate.records import Record

if TYPE_CHECKING:
    import psycopg

SCHEMA = "facilitate"
MIGRATION_LOCK = 0x66616369_6C697461  # "facilita": one lock for the schema, any database
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


class Migration(Record):
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The migration files shipped with this version, in order."""
    folder = resources.files("facilitate.archive").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        matched = _NAME.match(entry.name)
        if matched:
            version, name = int(matched.group(1)), matched.group(2)
            found.append(Migration(version, name, entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def applied_versions(conn: psycopg.Connection) -> set[int]:
    """The versions the archive has applied (none for an empty database)."""
    exists = conn.execute("SELECT to_regclass('facilitate.schema_migrations')").fetchone()
    if exists is None or exists[0] is None:
        return set()
    rows = conn.execute("SELECT version FROM facilitate.schema_migrations").fetchall()
    return {row[0] for row in rows}


def migrate(conn: psycopg.Connection) -> list[int]:
    """Bring the archive's schema up to this version's; the versions applied now."""
    known = migrations()
    if _up_to_date(applied_versions(conn), known):
        return []
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    try:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS facilitate.schema_migrations ("
            " version integer PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = applied_versions(conn)
        _up_to_date(done, known)
        applied = []
        for migration in known:
            if migration.version in done:
                continue
            with conn.transaction():
                conn.execute(migration.sql.encode("utf-8"))
                conn.execute(
                    "INSERT INTO facilitate.schema_migrations (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )
            applied.append(migration.version)
        return applied
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))


def _up_to_date(done: set[int], known: list[Migration]) -> bool:
    """True if every known migration is applied; ArchiveError if the archive is newer."""
    newest = max((m.version for m in known), default=0)
    newer = [v for v in done if v > newest]
    if newer:
        raise ArchiveError(message("archive.err.schema_newer", version=max(newer), known=newest))
    return {m.version for m in known} <= done
