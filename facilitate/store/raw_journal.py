"""A journal's lines as they are on disk, each with its sequence number: what an archive copies.

Only complete lines count (a line being written is not acknowledged yet); a line that is
not a record, or whose sequence number is not after the one before it, is left out with a
warning, as the reader leaves it out of the session's state. The lines are kept byte for
byte, so a copy made from them reads back exactly as the original.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitate.i18n.messages import Message, message
from facilitate.model.events import JOURNAL_SCHEMA_VERSION
from facilitate.store.files import JOURNAL_FILE, open_file, read_from
from facilitate.store.line_format import newer_version_error, seq_warning


@dataclass(frozen=True)
class RawLine:
    """One record's line (without its newline), its sequence number and its envelope."""

    seq: int
    line: str
    record: dict[str, Any]


@dataclass
class RawJournal:
    """The record lines of a journal, and warnings about the lines left out."""

    lines: list[RawLine] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def read_raw_journal(folder: Path) -> RawJournal:
    """The complete record lines of ``folder``'s journal (see the module text).

    Raises ``FileNotFoundError`` for a missing journal, :class:`UnsafeFileError` for one
    that is not a regular file, :class:`JournalError` for a record from a newer version.
    """
    source = str(folder / JOURNAL_FILE)
    fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
    try:
        data = read_from(fd, 0, os.fstat(fd).st_size)
    finally:
        os.close(fd)
    complete = data[: data.rfind(b"\n") + 1].decode("utf-8", errors="replace")
    journal = RawJournal()
    last = 0
    for number, line in enumerate(complete.split("\n")[:-1], 1):
        if not line or line.isspace():
            continue
        record = _envelope(line, f"{source}:{number}")
        if record is None:
            journal.warnings.append(message("journal.warn.bad_line", file=source, line=number))
            continue
        seq = record["seq"]
        if seq <= last:
            journal.warnings.append(seq_warning(source, number, seq))
            continue
        last = seq
        journal.lines.append(RawLine(seq, line, record))
    return journal


def _envelope(line: str, where: str) -> dict[str, Any] | None:
    """The line's object if it is a record with an integer ``v`` and ``seq``, else None."""
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if type(obj) is not dict or type(obj.get("v")) is not int or type(obj.get("seq")) is not int:
        return None
    if obj["v"] > JOURNAL_SCHEMA_VERSION:
        raise newer_version_error(where, obj["v"])
    return obj
