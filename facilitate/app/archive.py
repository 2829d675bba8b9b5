"""The organisation's archive: push local sessions, see how they stand, pull one.

The local store stays where sessions are made; the archive (:mod:`facilitate.archive`, on
PostgreSQL) is a copy that a push catches up whenever there is a network. Each use case
connects to the URL it is given and returns data or raises (never prints); a push reports
each session as it is done (``on_pushed``), so a command can say so at once.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import field, replace
from pathlib import Path

from facilitate.archive.connection import connected
from facilitate.archive.copies import Comparison, LocalCopy, compare
from facilitate.errors import InvalidFileError, JournalError, MessageLike, UsageError, first_message
from facilitate.i18n.messages import Message, message
from facilitate.model.session import SessionHeader, SessionState, fold
from facilitate.records import Record
from facilitate.store.copy_in import write_session_copy
from facilitate.store.headers import ensure_uuid
from facilitate.store.ids import ID_RE
from facilitate.store.raw_journal import RawLine, read_raw_journal, recorded
from facilitate.store.session import Session
from facilitate.store.store import SessionStore

URL_VARIABLE = "FACILITATE_ARCHIVE_URL"


class SessionStanding(Record):
    """One local session against the archive: how it stands, and what a push added."""

    session_id: str
    uuid: str
    comparison: Comparison
    added: int = 0
    warnings: list[Message] = field(default_factory=list)

    @property
    def diverged(self) -> bool:
        return self.comparison.standing == "diverged"


class ArchiveStatus(Record):
    """The local sessions' standings, and what the archive holds in all."""

    sessions: list[SessionStanding]
    archived_sessions: int
    archived_records: int


class Pulled(Record):
    """A session copied from the archive into the store."""

    session_id: str
    uuid: str
    path: Path
    records: int
    writable: bool


def local_copy(session: Session) -> tuple[LocalCopy, list[Message]]:
    """The session's header (given its UUID now if it has none) and its journal, whose lines
    are parsed only when needed; the warnings about lines left out then go to the list."""
    copy, warnings, _ = _read_copy(session)
    return copy, warnings


def _read_copy(
    session: Session,
) -> tuple[LocalCopy, list[Message], Callable[[], SessionState]]:
    """:func:`local_copy`, and the session's state folded from the very lines it pushes (so
    the folded tables never hold a record that a run appended after the journal was read)."""
    header = session.header
    if header.uuid is None:
        with session.locked():
            header = replace(header, uuid=ensure_uuid(session.path).uuid)
        session.header = header
    raw = read_raw_journal(session.path)
    warnings: list[Message] = []
    parsed: list[list[RawLine]] = []

    def lines() -> list[RawLine]:
        if not parsed:
            found, skipped = raw.lines()
            warnings.extend(skipped)
            parsed.append(found)
        return parsed[0]

    def state() -> SessionState:
        return fold(recorded(lines(), raw.source, warnings), header)

    return LocalCopy(header, raw.digest, lines), warnings, state


def sessions_named(
    store: SessionStore, refs: Sequence[str], skipped: list[MessageLike] | None = None
) -> list[Session]:
    """The sessions named (each once), or every session in the store when none is; then a
    damaged session is left out and said in ``skipped`` (a named one raises)."""
    if refs:
        return list({s.id: s for s in (store.open(ref) for ref in refs)}.values())
    found = []
    for session_id in store.ids():
        try:
            found.append(store.open(session_id))
        except (InvalidFileError, JournalError) as error:
            if skipped is None:
                raise
            skipped.append(first_message(error))
    return found


def push_sessions(
    store: SessionStore,
    url: str,
    refs: Sequence[str] = (),
    *,
    programme: str | None = None,
    on_pushed: Callable[[SessionStanding], None] = lambda _: None,
    skipped: list[MessageLike] | None = None,
) -> list[SessionStanding]:
    """Push the sessions ``refs`` names (all when none): each in its own transaction.

    With ``skipped``, a damaged session (when all are pushed) is said there and left out.
    """
    from facilitate.archive.push import push_copy
    from facilitate.archive.schema import migrate

    sessions = sessions_named(store, refs, skipped)
    done = []
    with connected(url) as conn:
        migrate(conn)
        for session in sessions:
            copy, warnings, state = _read_copy(session)
            pushed = push_copy(conn, copy, state, programme)
            standing = SessionStanding(
                session.id, copy.uuid, pushed.comparison, pushed.added, warnings
            )
            on_pushed(standing)
            done.append(standing)
    return done


def archive_status(
    store: SessionStore,
    url: str,
    refs: Sequence[str] = (),
    skipped: list[MessageLike] | None = None,
) -> ArchiveStatus:
    """How the sessions ``refs`` names (all when none) stand against the archive."""
    from facilitate.archive.push import standing
    from facilitate.archive.reading import archived_count
    from facilitate.archive.schema import applied_versions

    sessions = sessions_named(store, refs, skipped)
    rows = []
    with connected(url) as conn:
        empty = not applied_versions(conn)
        for session in sessions:
            copy, warnings = local_copy(session)
            found = standing(conn, copy) if not empty else compare(copy.hashes, None)
            rows.append(SessionStanding(session.id, copy.uuid, found, 0, warnings))
        counts = (0, 0) if empty else archived_count(conn)
    return ArchiveStatus(rows, *counts)


def pull_session(store: SessionStore, url: str, ref: str, *, writable: bool = False) -> Pulled:
    """Copy the archived session ``ref`` (id, UUID or its start) into ``store``."""
    from facilitate.archive.reading import archived_lines, find_archived
    from facilitate.archive.schema import applied_versions

    with connected(url) as conn:
        if not applied_versions(conn):
            raise UsageError(message("archive.err.not_archived", ref=ref))
        found = find_archived(conn, ref)
        lines = archived_lines(conn, found.uuid)
    header = archived_header(found.header, found.id, found.uuid)
    path = write_session_copy(store.root, header, lines, writable=writable)
    return Pulled(header.id, found.uuid, path, len(lines), writable)


def archived_header(data: object, archived_id: str, session_uuid: str) -> SessionHeader:
    """The archived header, checked: its id must be a safe folder name, since a pull makes
    the folder of that name (anyone who may push could have written any id)."""
    from facilitate.model.session_header import HeaderError

    try:
        header = SessionHeader.from_data(data)
    except HeaderError as error:
        raise UsageError(
            message("archive.err.bad_header", id=archived_id, field=error.field)
        ) from None
    if not ID_RE.match(header.id):
        raise UsageError(message("archive.err.bad_id", uuid=session_uuid, id=header.id))
    return header


@contextlib.contextmanager
def archived_store(url: str, refs: Sequence[str]) -> Iterator[tuple[SessionStore, list[str]]]:
    """A temporary store holding copies of the archived sessions ``refs``, and their ids
    there (for an export)."""
    with tempfile.TemporaryDirectory(prefix="facilitate-archive-") as folder:
        store = SessionStore(Path(folder))
        ids = [pull_session(store, url, ref, writable=True).session_id for ref in refs]
        yield store, ids
