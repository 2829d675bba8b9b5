"""One session on disk: its header, and its journal to append to, replay and follow.

Every append holds the session's lock and is fsync'd before it returns, so an acknowledged
event survives a crash or a power cut, and several programs (the facilitator's runner and
note-takers in other terminals) can write to one session at the same time.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from facilitate.clock import local_now
from facilitate.errors import (
    FacilitateError,
    InvalidFileError,
    JournalError,
    NotFoundError,
    Problem,
)
from facilitate.i18n.messages import Message, message
from facilitate.model.events import EVENT_TYPES, Event, Recorded
from facilitate.model.session import SessionHeader, SessionState, fold
from facilitate.store.durable import append_durably, split_tail, write_all
from facilitate.store.files import JOURNAL_FILE, TORN_FILE, disk_error, disk_errors, open_file
from facilitate.store.headers import ensure_uuid
from facilitate.store.line_format import Replay, encode_record, last_seq_of
from facilitate.store.locks import folder_locked, run_lock_held, run_locked
from facilitate.store.reader import START, JournalBatch, JournalPosition, JournalReader, read_after

Clock = Callable[[], datetime]


class JournalChanged(JournalError):
    """The journal gained records since it was read (``append_many(after_seq=...)``)."""


class Session:
    """One session on disk: its header, and its journal to append to, replay and follow."""

    def __init__(self, path: Path, header: SessionHeader, *, now: Clock = local_now) -> None:
        self.id = header.id
        self.path = path
        self.header = header
        self.warnings: list[Message] = []
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
        with run_locked(self.path, self.id, message("timer.err.session_busy", id=self.id)):
            yield

    def is_live(self) -> bool:
        """True while a live run (in this process or another) holds the run lock.

        Only probes the lock, at once (see :func:`~facilitate.store.locks.run_lock_held`): a
        run that crashed holds nothing, so its session is not live.
        """
        return run_lock_held(self.path)

    # -- writing ---------------------------------------------------------------------------

    def append(self, event: Event, *, author: str, role: str) -> Recorded:
        """Record ``event``; when this returns, it is on disk (locked, written, fsync'd).

        A session written by 0.1.0 is given its UUID first (its header rewritten atomically;
        if the header cannot be written, the event is still recorded).
        """
        return self.append_many([event], author=author, role=role)[0]

    def append_many(
        self,
        events: Sequence[Event],
        *,
        author: str,
        role: str,
        after_seq: int | None = None,
    ) -> list[Recorded]:
        """Record ``events`` in order, all or nothing: one lock, one write, one fsync.

        When this returns, every record is on disk. If writing fails, the journal is cut
        back to where it was, so no part of the batch stays behind (a crash in the middle of
        the write can leave the first records of the batch: each is whole and valid). With
        ``after_seq``, the batch is written only if the journal's last record still has that
        sequence number (:class:`JournalChanged` otherwise), for a change computed from what
        was read. An empty batch writes nothing.
        """
        for event in events:
            if EVENT_TYPES.get(event.TYPE) is not type(event):
                raise JournalError(message("journal.err.unregistered", type=type(event).__name__))
        if not events and after_seq is None:
            return []
        with self.locked():
            if self.header.uuid is None:
                with contextlib.suppress(FacilitateError, OSError):
                    self.header = replace(self.header, uuid=ensure_uuid(self.path).uuid)
            fd = self._open_journal(os.O_RDWR | os.O_APPEND)
            try:
                return self._append_locked(fd, events, author, role, after_seq)
            finally:
                os.close(fd)

    def _open_journal(self, flags: int) -> int:
        try:
            return open_file(self.path, JOURNAL_FILE, flags)
        except FileNotFoundError:
            raise self._missing_journal() from None
        except OSError as error:
            raise disk_error(self.journal_path, error) from None

    def _missing_journal(self) -> FacilitateError:
        """The error for a journal that is not there: the session is gone, or damaged."""
        if not self.path.is_dir():
            return NotFoundError(message("sessions.err.gone", id=self.id))
        problem = Problem(
            str(self.journal_path), None, None, "", message("sessions.header.no_file")
        )
        return InvalidFileError([problem])

    def _append_locked(
        self,
        fd: int,
        events: Sequence[Event],
        author: str,
        role: str,
        after_seq: int | None,
    ) -> list[Recorded]:
        """Number, write and fsync the records (the lock is held and the journal open)."""
        with disk_errors(self.journal_path):
            last = self._last_seq(fd)
            size = os.fstat(fd).st_size
        if after_seq is not None and last != after_seq:
            raise JournalChanged(message("journal.err.changed", file=str(self.journal_path)))
        if not events:
            return []
        at = self._now().isoformat(timespec="milliseconds")
        lines = [encode_record(last + n, at, author, role, e) for n, e in enumerate(events, 1)]
        try:
            write_all(fd, b"".join(lines))
            os.fsync(fd)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)  # leave no half record, and no part of the batch
                os.fsync(fd)
            detail = error.strerror or str(error)
            raise JournalError(
                message("journal.err.write", file=str(self.journal_path), detail=detail)
            ) from None
        return [
            Recorded(seq=last + n, at=at, author=author, role=role, event=event)
            for n, event in enumerate(events, 1)
        ]

    def _last_seq(self, fd: int) -> int:
        """The last sequence number; an unfinished tail is first moved aside (lock held)."""
        size = os.fstat(fd).st_size
        if size == 0:
            return 0
        line, tail = split_tail(fd, size)
        if tail:
            append_durably(self.path, TORN_FILE, tail + b"\n")
            os.ftruncate(fd, size - len(tail))
            os.fsync(fd)
            self.warnings.append(message("journal.warn.torn_moved", file=str(self.journal_path)))
        if not line:
            return 0 if size == len(tail) else self._max_seq()
        seq = last_seq_of(line, str(self.journal_path))
        return seq if seq is not None else self._max_seq()

    def _max_seq(self) -> int:
        """The highest readable sequence number (slow path: the last line was unreadable)."""
        return self._read_after(START).position.last_seq

    # -- reading ---------------------------------------------------------------------------

    def read_after(self, position: JournalPosition = START) -> JournalBatch:
        """The records after ``position`` (all from START), and where to go on from.

        Raises InvalidFileError when the journal is missing or not a regular file.
        """
        return self._read_after(position)

    def _read_after(self, position: JournalPosition) -> JournalBatch:
        try:
            return read_after(self.path, position)
        except FileNotFoundError:
            raise self._missing_journal() from None
        except OSError as error:
            raise disk_error(self.journal_path, error) from None

    def follow(self, position: JournalPosition = START) -> JournalReader:
        """A reader of this session's journal from ``position`` on (see :class:`JournalReader`)."""
        return JournalReader(self.path, position)

    def read_all(self) -> JournalBatch:
        """The whole journal, with warnings about skipped lines (also kept in ``warnings``).

        An unfinished last line is skipped with a warning.
        """
        batch = self._read_after(START)
        if batch.warnings or batch.unfinished:
            # A writer may be half-way through a line: look again once it is done (a store
            # on a read-only disk, or with a bad lock file, cannot be locked: the first look
            # stands).
            with contextlib.suppress(FacilitateError), self.locked():
                batch = self._read_after(START)
        if batch.unfinished:
            line = batch.position.line + 1
            batch.warnings.append(
                message("journal.warn.torn", file=str(self.journal_path), line=line)
            )
        self.warnings = list(batch.warnings)
        return batch

    def replay(self) -> Replay:
        """All readable records, and warnings about skipped lines (also kept in ``warnings``)."""
        batch = self.read_all()
        return Replay(batch.records, list(batch.warnings))

    def records(self) -> list[Recorded]:
        """The recorded events in order; an unfinished last line is skipped with a warning."""
        return self.replay().records

    def state(self) -> SessionState:
        """The session's state: a fold over its records."""
        return fold(self.records(), self.header)
