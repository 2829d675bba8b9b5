"""The last records of a journal, read from its end backwards: what costs is what is shown.

:func:`read_tail` reads the complete lines in ``[start, end)`` of a journal (the first,
partial line dropped when ``start`` is not the journal's beginning), so a view can show
the last entries of 50,000 without reading the others (no warnings: the reader that made
the session's digest has warned about every line). :func:`iter_records` reads a whole
journal a chunk at a time, for a view that prints every entry.
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
    source = str(folder / JOURNAL_FILE)
    fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    try:
        size, offset, number, last_seq, rest = os.fstat(fd).st_size, 0, 0, 0, b""
        while offset < size:
            read = read_from(fd, offset, min(size, offset + CHUNK_BYTES))
            if not read:
                break  # cut short meanwhile
            chunk, offset = rest + read, offset + len(read)
            end = chunk.rfind(b"\n") + 1
            rest = chunk[end:]
            for line in chunk[:end].decode("utf-8", errors="replace").split("\n")[:-1]:
                number += 1
                record = parse_line(line, source, number, warnings) if line.strip() else None
                if record is not None:
                    if record.seq <= last_seq:
                        warnings.append(seq_warning(source, number, record.seq))
                    last_seq = max(last_seq, record.seq)
                    yield record
    finally:
        os.close(fd)
    if rest:
        warnings.append(message("journal.warn.torn", file=source, line=number + 1))
