"""The last records of a journal, read from its end backwards: what costs is what is shown.

:func:`read_tail` reads the complete lines in ``[start, end)`` of a journal (the first,
partial line dropped when ``start`` is not the journal's beginning), so a view can show
the last entries of 50,000 without reading the others (no warnings: the reader that made
the session's digest has warned about every line). :func:`iter_records` reads a whole
journal a chunk at a time, for a view that prints every entry, and :class:`JournalSpan`
reads the same bytes of it more than once (a view that reads it twice).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from facilitate.i18n.messages import Message, message
from facilitate.model.events import Recorded
from facilitate.store.files import JOURNAL_FILE, open_file, read_from
from facilitate.store.line_format import parse_line, seq_warning


def read_tail(folder: Path, start: int, end: int) -> list[Recorded]:
    """The records whose lines lie wholly in bytes ``[start, end)`` of the journal."""
    fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    try:
        begin = max(0, start - 1)  # one byte before: is ``start`` a line's beginning?
        data = read_from(fd, begin, end)
    finally:
        os.close(fd)
    if start > 0:
        data = data[data.find(b"\n") + 1 :] if b"\n" in data else b""
    data = data[: data.rfind(b"\n") + 1]
    source = str(folder / JOURNAL_FILE)
    records = []
    for line in data.decode("utf-8", errors="replace").split("\n"):
        if line and not line.isspace():
            record = parse_line(line, source, 0, [])
            if record is not None:
                records.append(record)
    return records


CHUNK_BYTES = 1024 * 1024


def iter_records(folder: Path, warnings: list[Message]) -> Iterator[Recorded]:
    """Every record of the journal as it is when this starts, read a chunk at a time (so
    the records need never all be in memory); warnings about skipped lines and a last line
    without its end go to ``warnings``."""
    with JournalSpan(folder) as span:
        yield from span.records(warnings)


class JournalSpan:
    """A journal's bytes up to its length when opened, to be read more than once alike.

    The file stays open until :meth:`close` (or the end of a ``with``), so every read of
    :meth:`records` sees the same bytes even when another writer appends meanwhile or the
    journal is replaced. A read ends the span after the last complete line it found: a torn
    last line, which the next writer cuts off and writes over, is not read again.
    ``FileNotFoundError`` (or another ``OSError``, or :class:`UnsafeFileError`) when it
    cannot be opened.
    """

    def __init__(self, folder: Path) -> None:
        self.source = str(folder / JOURNAL_FILE)
        self._fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
        self.end = os.fstat(self._fd).st_size

    def __enter__(self) -> JournalSpan:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def records(self, warnings: list[Message]) -> Iterator[Recorded]:
        """Every record in the span, in order, read a chunk at a time; warnings about
        skipped lines and a last line without its end go to ``warnings``."""
        source, last_seq = self.source, 0
        for number, line in enumerate(self._lines(warnings), 1):
            record = parse_line(line, source, number, warnings) if line.strip() else None
            if record is not None:
                if record.seq <= last_seq:
                    warnings.append(seq_warning(source, number, record.seq))
                last_seq = max(last_seq, record.seq)
                yield record

    def _lines(self, warnings: list[Message]) -> Iterator[str]:
        """The span's complete lines (a torn last line is warned about, not given)."""
        offset, rest, count = 0, b"", 0
        while offset < self.end:
            read = read_from(self._fd, offset, min(self.end, offset + CHUNK_BYTES))
            if not read:
                break  # cut short meanwhile
            chunk, offset = rest + read, offset + len(read)
            end = chunk.rfind(b"\n") + 1
            rest = chunk[end:]
            lines = chunk[:end].decode("utf-8", errors="replace").split("\n")[:-1]
            count += len(lines)
            yield from lines
        if rest:
            warnings.append(message("journal.warn.torn", file=self.source, line=count + 1))
        self.end = offset - len(rest)  # (the next read stops where the complete lines do)
