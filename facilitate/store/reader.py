"""Reading a journal from where the last read stopped: what costs is what is new.

:func:`read_after` returns the records after a :class:`JournalPosition` (never past an
unfinished last line: a writer may be half-way through it) and the position to go on from.
A journal that was cut short or replaced since (another inode, a smaller size, other bytes
just before the position) is noticed, and read again from the start (``restarted``).
:class:`JournalReader` follows one journal: :meth:`JournalReader.poll` costs one ``stat``
when nothing changed, so a live view can ask twice a second.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from facilitate.i18n.messages import Message, message
from facilitate.model.events import Recorded
from facilitate.records import Record
from facilitate.store.files import JOURNAL_FILE, open_file, read_from
from facilitate.store.line_format import parse_line, seq_warning

CHECK_BYTES = 512
"""How many bytes before a position are kept to notice a journal rewritten in place."""


class JournalPosition(Record):
    """Where a read stopped: just after the last complete line it read.

    ``line`` is the number of lines read (the next line is ``line + 1``), ``last_seq`` the
    highest sequence number read; ``inode``, ``device`` and ``check`` (the bytes just before
    ``offset``) tell whether the journal is still the one that was read.
    """

    offset: int = 0
    line: int = 0
    last_seq: int = 0
    inode: int = 0
    device: int = 0
    check: bytes = b""


START = JournalPosition()


@dataclass
class JournalBatch:
    """What one read found: new records, warnings, and the position to go on from.

    ``restarted``: the journal was cut short or replaced since the given position, so
    ``records`` are the whole journal again (a follower drops what it had). ``unfinished``:
    bytes of a last line without its newline, left unread (a write in progress, or cut short).
    """

    records: list[Recorded] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    position: JournalPosition = START
    restarted: bool = False
    unfinished: int = 0


def read_after(
    folder: Path, position: JournalPosition = START, *, source: str | None = None
) -> JournalBatch:
    """The records of ``folder``'s journal after ``position`` (all of them from START).

    Raises ``FileNotFoundError`` for a missing journal, :class:`UnsafeFileError` for one that
    is not a regular file, :class:`JournalError` for a record from a newer version.
    """
    source = source or str(folder / JOURNAL_FILE)
    fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    try:
        info = os.fstat(fd)
        restarted = position.offset > 0 and not _same_journal(fd, info, position)
        if restarted:
            position = START
        data = read_from(fd, position.offset, info.st_size)
    finally:
        os.close(fd)
    end = data.rfind(b"\n") + 1
    batch = JournalBatch(restarted=restarted, unfinished=len(data) - end)
    if restarted:
        batch.warnings.append(message("store.warn.journal_replaced", file=source))
    line, last_seq = _parse(data[:end], source, position, batch)
    batch.position = JournalPosition(
        offset=position.offset + end,
        line=line,
        last_seq=last_seq,
        inode=info.st_ino,
        device=info.st_dev,
        check=(position.check + data[max(0, end - CHECK_BYTES) : end])[-CHECK_BYTES:],
    )
    return batch


def _same_journal(fd: int, info: os.stat_result, position: JournalPosition) -> bool:
    """True if the open journal still holds, unchanged, what was read up to ``position``."""
    if (info.st_ino, info.st_dev) != (position.inode, position.device):
        return False
    if info.st_size < position.offset:
        return False
    start = position.offset - len(position.check)
    return read_from(fd, start, position.offset) == position.check


def _parse(
    complete: bytes, source: str, position: JournalPosition, batch: JournalBatch
) -> tuple[int, int]:
    """Parse complete lines (numbered on from ``position``) into ``batch``.

    Returns the number of lines read in all, and the highest sequence number.
    """
    try:
        lines = complete.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        lines = [line.decode("utf-8", errors="replace") for line in complete.split(b"\n")]
    lines.pop()  # what follows the last newline: nothing (the unfinished rest is not here)
    last_seq = position.last_seq
    records, warnings = batch.records, batch.warnings
    for number, line in enumerate(lines, position.line + 1):
        if not line or line.isspace():
            continue
        record = parse_line(line, source, number, warnings)
        if record is None:
            continue
        if record.seq <= last_seq:
            warnings.append(seq_warning(source, number, record.seq))
        last_seq = max(last_seq, record.seq)
        records.append(record)
    return position.line + len(lines), last_seq


class JournalReader:
    """Follows the journal of one session folder from a position on.

    :meth:`read` returns what was added since the last read; :meth:`poll` does the same but
    only if a ``stat`` of the journal shows a change (None otherwise).
    """

    def __init__(
        self, folder: Path, position: JournalPosition = START, *, source: str | None = None
    ) -> None:
        self.folder = folder
        self.position = position
        self.source = source or str(folder / JOURNAL_FILE)
        self._seen: tuple[int, ...] | None = None

    def _signature(self) -> tuple[int, ...]:
        info = os.stat(self.folder / JOURNAL_FILE, follow_symlinks=False)
        return (info.st_ino, info.st_dev, info.st_size, info.st_mtime_ns, info.st_mode)

    def changed(self) -> bool:
        """True if the journal may hold something not read yet (one ``stat``, nothing read)."""
        try:
            return self._signature() != self._seen
        except OSError:
            return True  # gone or unreadable: let read() say what is wrong

    def read(self) -> JournalBatch:
        """The records added since the last read (all of them after a restart)."""
        signature = self._signature()
        batch = read_after(self.folder, self.position, source=self.source)
        self.position = batch.position
        self._seen = signature  # a line being finished, or anything else, changes the size
        return batch

    def poll(self) -> JournalBatch | None:
        """Like :meth:`read`, but None (and nothing read) when the journal has not changed."""
        return self.read() if self.changed() else None
