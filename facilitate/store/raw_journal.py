"""A journal's lines as they are on disk, each with its sequence number: what an archive copies.

Only complete lines count (a line being written is not acknowledged yet); a line that is
not a record, or whose sequence number is not after the one before it, is left out with a
warning, as the reader leaves it out of the session's state. The lines are kept byte for
byte, so a copy made from them reads back exactly as the original.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitate.errors import InvalidFileError, Problem
from facilitate.i18n.messages import Message, message
from facilitate.model.events import JOURNAL_SCHEMA_VERSION, Recorded
from facilitate.records import Record
from facilitate.store.files import JOURNAL_FILE, disk_error, open_file, read_from
from facilitate.store.line_format import decode_json, newer_version_error, record_of, seq_warning


class RawLine(Record):
    """One record's line (without its newline), its sequence number, its envelope and its
    line number in the journal."""

    seq: int
    line: str
    record: dict[str, Any]
    number: int = 0


@dataclass
class RawJournal:
    """A journal's complete lines as read (``data``) and their SHA-256 (``digest``), which
    tells at once whether two reads found the same bytes; :meth:`lines` parses them."""

    data: bytes
    source: str
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        self.digest = hashlib.sha256(self.data).hexdigest()

    def lines(self) -> tuple[list[RawLine], list[Message]]:
        """The record lines, and warnings about the lines left out (see the module text).

        Raises :class:`JournalError` for a record from a newer version.
        """
        source = self.source
        lines: list[RawLine] = []
        warnings: list[Message] = []
        last = 0
        text = self.data.decode("utf-8", errors="replace")
        for number, line in enumerate(text.split("\n")[:-1], 1):
            if not line or line.isspace():
                continue
            record = _envelope(line, f"{source}:{number}")
            if record is None:
                warnings.append(message("journal.warn.bad_line", file=source, line=number))
                continue
            seq = record["seq"]
            if seq <= last:
                warnings.append(seq_warning(source, number, seq))
                continue
            last = seq
            lines.append(RawLine(seq, line, record, number))
        return lines, warnings


def recorded(lines: Sequence[RawLine], source: str, warnings: list[Message]) -> list[Recorded]:
    """The records ``lines`` hold, each line decoded once (:meth:`RawJournal.lines` did);
    a line whose fields do not make a record is left out with a warning, as the reader does."""
    found = []
    for line in lines:
        record = record_of(line.record, source, line.number, warnings)
        if record is not None:
            found.append(record)
    return found


def read_raw_journal(folder: Path) -> RawJournal:
    """The complete lines of ``folder``'s journal (an unfinished last line is left out).

    InvalidFileError for a missing journal or one that is not a regular file, JournalError
    for one that cannot be read.
    """
    path = folder / JOURNAL_FILE
    try:
        fd = open_file(folder, JOURNAL_FILE, os.O_RDONLY)
        try:
            data = read_from(fd, 0, os.fstat(fd).st_size)
        finally:
            os.close(fd)
    except FileNotFoundError:
        problem = Problem(str(path), None, None, "", message("sessions.header.no_file"))
        raise InvalidFileError([problem]) from None
    except OSError as error:
        raise disk_error(path, error) from None
    return RawJournal(data[: data.rfind(b"\n") + 1], str(path))


def _envelope(line: str, where: str) -> dict[str, Any] | None:
    """The line's object if it is a record with an integer ``v`` and ``seq``, else None."""
    try:
        obj = decode_json(line)
    except ValueError:
        return None
    if type(obj) is not dict or type(obj.get("v")) is not int or type(obj.get("seq")) is not int:
        return None
    if obj["v"] > JOURNAL_SCHEMA_VERSION:
        raise newer_version_error(where, obj["v"])
    return obj
