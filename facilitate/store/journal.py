"""Sessions on disk: a header and an append-only journal per session, in a session store.

Layout: ``<store>/<id>/session.json`` (the header, replaced atomically),
``<store>/<id>/journal.jsonl`` (one recorded event per line) and ``<store>/<id>/session.lock``.

Every append holds the session's lock and is fsync'd before it returns, so an acknowledged
event survives a crash or a power cut, and several programs (the facilitator's runner and
note-takers in other terminals) can write to one session at the same time.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from difflib import get_close_matches
from pathlib import Path

from filelock import FileLock, Timeout

from facilitate.clock import local_now
from facilitate.errors import (
    FacilitateError,
    InvalidFileError,
    JournalError,
    NotFoundError,
    Problem,
    UsageError,
)
from facilitate.i18n import t
from facilitate.model.events import EVENT_TYPES, Event, Recorded
from facilitate.model.session import (
    SESSION_SCHEMA_VERSION,
    HeaderError,
    SessionHeader,
    SessionState,
    fold,
)
from facilitate.store.durable import (
    append_durably,
    create_empty,
    fsync_dir,
    split_tail,
    write_all,
    write_atomic,
)
from facilitate.store.ids import ID_RE, check_session_id, numbered, session_id_for
from facilitate.store.line_format import (
    Replay,
    encode_record,
    last_seq_of,
    newer_version_error,
    parse_journal,
)

HEADER_FILE = "session.json"
JOURNAL_FILE = "journal.jsonl"
TORN_FILE = "journal.torn"
LOCK_FILE = "session.lock"
RUN_LOCK_FILE = "run.lock"
LOCK_TIMEOUT_SECONDS = 30.0
LOCK_POLL_SECONDS = 0.001  # a waiting writer retries this often (an append holds it < 1 ms)
MAX_SAME_ID = 999

Clock = Callable[[], datetime]


def _disk_error(path: Path, error: OSError) -> JournalError:
    return JournalError(
        t("journal.err.disk", file=error.filename or path, detail=error.strerror or error)
    )


@contextlib.contextmanager
def disk_errors(path: Path) -> Iterator[None]:
    """Turn an operating-system error (permissions, a full disk) into one clear line."""
    try:
        yield
    except OSError as error:
        raise _disk_error(path, error) from None


class SessionBusyError(UsageError):
    """The session is being run live in another terminal (notes can still be added)."""


@contextlib.contextmanager
def _holding(
    path: Path, session_id: str, lock: FileLock, busy: Callable[[], FacilitateError]
) -> Iterator[None]:
    """Hold ``lock`` (a file in the session folder ``path``); raise ``busy()`` when it is taken."""
    if not path.is_dir():
        raise NotFoundError(t("sessions.err.gone", id=session_id))
    try:
        lock.acquire()
    except Timeout:
        raise busy() from None
    except FileNotFoundError:
        raise NotFoundError(t("sessions.err.gone", id=session_id)) from None
    except OSError as error:
        raise _disk_error(Path(lock.lock_file), error) from None
    try:
        yield
    finally:
        lock.release()


def run_locked(
    path: Path, session_id: str, busy_message: str
) -> contextlib.AbstractContextManager[None]:
    """Hold the run lock of the session folder ``path``; SessionBusyError while a run holds it."""
    lock = FileLock(path / RUN_LOCK_FILE, timeout=0)
    return _holding(path, session_id, lock, lambda: SessionBusyError(busy_message))


def folder_locked(path: Path, session_id: str) -> contextlib.AbstractContextManager[None]:
    """Hold the exclusive lock of the session folder ``path`` (even if its header is damaged)."""
    lock = FileLock(path / LOCK_FILE, timeout=LOCK_TIMEOUT_SECONDS, poll_interval=LOCK_POLL_SECONDS)
    return _holding(
        path, session_id, lock, lambda: JournalError(t("journal.err.locked", id=session_id))
    )


def new_entry_id() -> str:
    """A fresh entry id, unique across writers without coordination (48 random bits)."""
    return secrets.token_hex(6)


class Session:
    """One session on disk: its header, and its journal to append to and replay."""

    def __init__(self, path: Path, header: SessionHeader, *, now: Clock = local_now) -> None:
        self.id = header.id
        self.path = path
        self.header = header
        self.warnings: list[str] = []
        self._now = now

    def __repr__(self) -> str:
        return f"Session({self.id!r}, path={str(self.path)!r})"

    @property
    def journal_path(self) -> Path:
        return self.path / JOURNAL_FILE

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the session's exclusive lock (shared by all programs writing to it)."""
        with folder_locked(self.path, self.id):
            yield

    @contextlib.contextmanager
    def run_lock(self) -> Iterator[None]:
        """Hold the session's run lock for a whole live run; a second run is refused at once.

        The lock is a file of its own, so appends (``sessions note`` from another terminal)
        go on while it is held; :class:`SessionBusyError` if another run holds it.
        """
        with run_locked(self.path, self.id, t("timer.err.session_busy", id=self.id)):
            yield

    def append(self, event: Event, *, author: str, role: str) -> Recorded:
        """Record ``event``; when this returns, it is on disk (locked, written, fsync'd)."""
        if EVENT_TYPES.get(event.TYPE) is not type(event):
            raise JournalError(t("journal.err.unregistered", type=type(event).__name__))
        with self.locked():
            try:
                fd = os.open(self.journal_path, os.O_RDWR | os.O_APPEND)
            except FileNotFoundError:
                raise NotFoundError(t("sessions.err.gone", id=self.id)) from None
            except OSError as error:
                raise _disk_error(self.journal_path, error) from None
            try:
                return self._append_locked(fd, event, author, role)
            finally:
                os.close(fd)

    def _append_locked(self, fd: int, event: Event, author: str, role: str) -> Recorded:
        """Number, write and fsync one record (the lock is held and the journal open)."""
        with disk_errors(self.journal_path):
            seq = self._last_seq(fd) + 1
            size = os.fstat(fd).st_size
        at = self._now().isoformat(timespec="milliseconds")
        line = encode_record(seq, at, author, role, event)
        try:
            write_all(fd, line)
            os.fsync(fd)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)  # leave no half record behind
            raise JournalError(
                t("journal.err.write", file=self.journal_path, detail=error.strerror)
            ) from None
        return Recorded(seq=seq, at=at, author=author, role=role, event=event)

    def _last_seq(self, fd: int) -> int:
        """The last sequence number; an unfinished tail is first moved aside (lock held)."""
        size = os.fstat(fd).st_size
        if size == 0:
            return 0
        line, tail = split_tail(fd, size)
        if tail:
            append_durably(self.path / TORN_FILE, tail + b"\n")
            os.ftruncate(fd, size - len(tail))
            os.fsync(fd)
            self.warnings.append(t("journal.warn.torn_moved", file=self.journal_path))
        if not line:
            return 0 if size == len(tail) else self._max_seq()
        seq = last_seq_of(line, str(self.journal_path))
        return seq if seq is not None else self._max_seq()

    def _max_seq(self) -> int:
        """The highest readable sequence number (slow path: the last line was unreadable)."""
        replay = parse_journal(self.journal_path.read_bytes(), str(self.journal_path))
        return max((record.seq for record in replay.records), default=0)

    def replay(self) -> Replay:
        """All readable records, and warnings about skipped lines (also kept in ``warnings``)."""
        replay = self._read()
        if replay.warnings:
            # A writer may be half-way through a line: look again once it is done
            # (a store on a read-only disk cannot be locked: then the first look stands).
            with contextlib.suppress(JournalError), self.locked():
                replay = self._read()
        self.warnings = list(replay.warnings)
        return replay

    def _read(self) -> Replay:
        try:
            raw = self.journal_path.read_bytes()
        except FileNotFoundError:
            raise NotFoundError(t("sessions.err.gone", id=self.id)) from None
        except OSError as error:
            raise _disk_error(self.journal_path, error) from None
        return parse_journal(raw, str(self.journal_path))

    def records(self) -> list[Recorded]:
        """The recorded events in order; an unfinished last line is skipped with a warning."""
        return self.replay().records

    def state(self) -> SessionState:
        """The session's state: a fold over its records."""
        return fold(self.records(), self.header)


@dataclass(frozen=True)
class SessionSummary:
    """A session as listed: its header and folded state."""

    session: Session
    state: SessionState
    warnings: list[str] = field(default_factory=list)

    @property
    def header(self) -> SessionHeader:
        return self.session.header


@dataclass(frozen=True)
class DamagedSession:
    """A session folder whose header or journal cannot be read; it can still be deleted."""

    id: str
    path: Path
    problem: str


class SessionStore:
    """The folder that holds the sessions (``./sessions`` unless told otherwise)."""

    def __init__(self, root: Path, *, now: Clock = local_now) -> None:
        self.root = Path(root)
        self.warnings: list[str] = []
        self.damaged: list[DamagedSession] = []
        self._now = now

    def check_root(self) -> None:
        """The store must be a folder (or not exist yet): a file there is a usage error."""
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(t("sessions.err.root_not_folder", root=self.root))

    def create(
        self,
        *,
        title: str,
        date: str | None = None,
        place: str = "",
        language: str = "sv",
        method: str | None = None,
        plan: str | None = None,
        facilitators: Sequence[str] = (),
    ) -> Session:
        """Create a new session; its id is the date and the title as a slug, made unique."""
        now = self._now()
        date = date or now.date().isoformat()
        if method and plan:
            raise UsageError(t("sessions.err.method_and_plan"))
        try:
            header = SessionHeader(
                id="pending",
                title=title.strip(),
                date=date,
                place=place.strip(),
                language=language,
                method=method or None,
                plan=plan or None,
                facilitators=[name.strip() for name in facilitators if name.strip()],
                created_at=now.isoformat(timespec="seconds"),
            )
        except HeaderError as error:
            raise UsageError(header_message(error)) from None
        self.check_root()
        with disk_errors(self.root):
            self.root.mkdir(parents=True, exist_ok=True)
            folder = self._new_folder(session_id_for(header.date, header.title))
            header = replace(header, id=folder.name)
            try:
                write_atomic(folder / HEADER_FILE, header_bytes(header))
                create_empty(folder / JOURNAL_FILE)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            fsync_dir(self.root)
        return Session(folder, header, now=self._now)

    def _new_folder(self, base: str) -> Path:
        for number in range(1, MAX_SAME_ID + 1):
            candidate = check_session_id(base if number == 1 else numbered(base, number))
            try:
                (self.root / candidate).mkdir()
            except FileExistsError:
                continue
            return self.root / candidate
        raise UsageError(t("sessions.err.too_many", id=base))

    def open(self, session_id: str) -> Session:
        """The session ``session_id``; NotFoundError if there is none, UsageError for a bad id."""
        folder = self._folder(session_id)
        header_path = folder / HEADER_FILE
        if not header_path.is_file():
            problem = Problem(str(header_path), None, None, "", t("sessions.header.no_file"))
            raise InvalidFileError([problem])
        header = read_header(header_path)
        if header.id != session_id:  # the folder was renamed: the folder name is the id
            header = replace(header, id=session_id)
        return Session(folder, header, now=self._now)

    def _folder(self, session_id: str) -> Path:
        """The folder of an existing session (header or journal present, readable or not)."""
        self.check_root()
        check_session_id(session_id)
        folder = self.root / session_id
        if not (folder / HEADER_FILE).is_file() and not (folder / JOURNAL_FILE).is_file():
            raise NotFoundError(self._not_found(session_id))
        return folder

    def _not_found(self, session_id: str) -> str:
        close = get_close_matches(session_id, self.ids(), n=1, cutoff=0.6)
        message = t("sessions.err.not_found", id=session_id, root=self.root)
        return message + (t("sessions.err.did_you_mean", id=close[0]) if close else "")

    def ids(self) -> list[str]:
        """The ids of the sessions in the store (folders with a header or a journal), sorted."""
        self.check_root()
        if not self.root.is_dir():
            return []
        return sorted(
            entry.name
            for entry in os.scandir(self.root)
            if entry.is_dir()
            and ID_RE.match(entry.name)
            and any(
                os.path.isfile(os.path.join(entry.path, f)) for f in (HEADER_FILE, JOURNAL_FILE)
            )
        )

    def list(self) -> list[SessionSummary]:
        """All readable sessions, newest date first; the others are kept in ``damaged``."""
        self.warnings = []
        self.damaged = []
        summaries = []
        for session_id in self.ids():
            try:
                session = self.open(session_id)
                state = session.state()
            except NotFoundError:  # deleted while we were listing
                continue
            except (JournalError, InvalidFileError) as error:
                problem = "; ".join(error.lines())
                self.damaged.append(DamagedSession(session_id, self.root / session_id, problem))
                continue
            summaries.append(SessionSummary(session, state, list(session.warnings)))
        summaries.sort(
            key=lambda s: (s.header.date, s.header.created_at, s.header.id), reverse=True
        )
        return summaries

    def archive(self, session_id: str) -> bool:
        """Mark a session archived (hidden from listings); False if it already was."""
        session = self.open(session_id)
        with session.locked():
            header = read_header(session.path / HEADER_FILE)
            if header.status == "archived":
                return False
            with disk_errors(session.path / HEADER_FILE):
                write_atomic(
                    session.path / HEADER_FILE, header_bytes(replace(header, status="archived"))
                )
        return True

    def delete(self, session_id: str) -> None:
        """Remove a session and its journal for good (also one whose header is damaged)."""
        folder = self._folder(session_id)
        trash = self.root / f".deleted-{session_id}-{os.getpid()}-{secrets.token_hex(3)}"
        busy = t("sessions.err.delete_running", id=session_id)
        with (
            run_locked(folder, session_id, busy),
            folder_locked(folder, session_id),
            disk_errors(folder),
        ):
            os.replace(folder, trash)
        fsync_dir(self.root)
        shutil.rmtree(trash, ignore_errors=True)


def header_bytes(header: SessionHeader) -> bytes:
    """The content of ``session.json``."""
    return (json.dumps(header.to_data(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_header(path: Path) -> SessionHeader:
    """Read ``session.json``; InvalidFileError naming file, line and field for a bad one."""
    source = str(path)
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise NotFoundError(t("sessions.err.gone", id=path.parent.name)) from None
    except OSError as error:
        raise _disk_error(path, error) from None
    except ValueError as error:
        line = getattr(error, "lineno", None)
        raise InvalidFileError(
            [Problem(source, line, None, "", t("sessions.header.not_json"))]
        ) from None
    if isinstance(data, dict):
        version = data.get("schema_version")
        if isinstance(version, int) and version > SESSION_SCHEMA_VERSION:
            raise newer_version_error(source, version)
    try:
        return SessionHeader.from_data(data)
    except HeaderError as error:
        raise InvalidFileError(
            [Problem(source, None, None, error.field, header_problem(error))]
        ) from None


def header_problem(error: HeaderError) -> str:
    """What is wrong with a header field, in the interface language."""
    return t(f"sessions.header.{error.code}", **error.values)


def header_message(error: HeaderError) -> str:
    """A header problem as one line naming its field (for command-line input)."""
    if not error.field:
        return header_problem(error)
    return f"{t(f'sessions.field.{error.field}')}: {header_problem(error)}"
