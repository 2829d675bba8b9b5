"""The journal's line format: one JSON object per line, one recorded event per object.

``{"v": 1, "seq": 7, "at": "2026-11-22T10:15:03.120+01:00", "author": "Anna",
"role": "facilitator", "type": "entry_added", "data": {...}}``

Reading is checked and tolerant: every field is checked by the model's
:func:`~facilitate.model.decode.decode_event` (plain type tests, no validation library per
record, so a 10,000-event session replays in a small fraction of a second). A line that is
not a record, a record with a field that does not fit and a record of an unknown type are
damage: each is skipped with a warning naming file, line and field, and the rest still
counts. Only a record written by a newer version of the journal format refuses the journal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from facilitate.errors import JournalError
from facilitate.i18n.messages import Message, message
from facilitate.model.decode import EventDataError, decode_event
from facilitate.model.events import JOURNAL_SCHEMA_VERSION, Event, Recorded


def _no_constant(name: str) -> float:
    raise ValueError(name)  # NaN and Infinity are not JSON: such a line is not a record


def _finite(text: str) -> float:
    value = float(text)
    if value - value != 0:  # 1e999 reads as infinity: not a number a record may hold
        raise ValueError(text)
    return value


decode_json = json.JSONDecoder(parse_constant=_no_constant, parse_float=_finite).decode
"""JSON as a journal line may hold it: no NaN, no Infinity, no number too large for a float."""


@dataclass
class Replay:
    """The records of a journal, and warnings about lines that were skipped."""

    records: list[Recorded] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def encode_record(seq: int, at: str, author: str, role: str, event: Event) -> bytes:
    """One journal line (with its newline) for ``event``; raises JournalError if not JSON-able."""
    obj = {
        "v": JOURNAL_SCHEMA_VERSION,
        "seq": seq,
        "at": at,
        "author": author,
        "role": role,
        "type": event.TYPE,
        "data": event.to_data(),
    }
    try:
        text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise JournalError(
            message("journal.err.not_json", type=event.TYPE, detail=str(error))
        ) from None
    return text.encode("utf-8") + b"\n"


def newer_version_error(source: str, version: object) -> JournalError:
    """The error for a journal written by a newer version of facilitate."""
    return JournalError(message("journal.err.newer", file=source, version=version))


def parse_journal(raw: bytes, source: str) -> Replay:
    """All records in ``raw`` (a journal file's bytes).

    A last line without its newline was never acknowledged (a write cut short): it is skipped
    with a warning. Unreadable lines elsewhere are skipped with a warning too, so one damaged
    line never hides the rest. A record from a newer version raises :class:`JournalError`.
    """
    replay = Replay()
    try:
        lines = raw.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        lines = [line.decode("utf-8", errors="replace") for line in raw.split(b"\n")]
    tail = lines.pop()
    records = replay.records
    warnings = replay.warnings
    last_seq = 0
    for number, line in enumerate(lines, 1):
        if not line or line.isspace():
            continue
        record = parse_line(line, source, number, warnings)
        if record is None:
            continue
        if record.seq <= last_seq:
            warnings.append(seq_warning(source, number, record.seq))
        last_seq = max(last_seq, record.seq)
        records.append(record)
    if tail:
        warnings.append(message("journal.warn.torn", file=source, line=len(lines) + 1))
    return replay


def parse_line(line: str, source: str, number: int, warnings: list[Message]) -> Recorded | None:
    """One record, or None (with a warning) for a line that is not a readable record."""
    try:
        obj = decode_json(line)
    except ValueError:
        warnings.append(message("journal.warn.bad_line", file=source, line=number))
        return None
    if type(obj) is not dict:
        warnings.append(message("journal.warn.bad_line", file=source, line=number))
        return None
    return record_of(obj, source, number, warnings)


def record_of(
    obj: dict[str, Any], source: str, number: int, warnings: list[Message]
) -> Recorded | None:
    """The record a line's decoded object holds, or None (with a warning) if it is not one."""
    version = obj.get("v")
    if type(version) is not int:
        warnings.append(message("journal.warn.bad_field", file=source, line=number, field="v"))
        return None
    if version > JOURNAL_SCHEMA_VERSION:
        raise newer_version_error(f"{source}:{number}", version)
    seq, at, author, role, type_, data = (
        obj.get("seq"),
        obj.get("at"),
        obj.get("author"),
        obj.get("role"),
        obj.get("type"),
        obj.get("data"),
    )
    if not (
        type(seq) is int
        and type(at) is str
        and type(author) is str
        and type(role) is str
        and type(type_) is str
        and type(data) is dict
    ):
        warnings.append(
            message("journal.warn.bad_field", file=source, line=number, field=_bad(obj))
        )
        return None
    try:
        event = decode_event(type_, data)
    except EventDataError as error:
        warnings.append(_data_warning(error, source, number))
        return None
    return Recorded(seq=seq, at=at, author=author, role=role, event=event)


def seq_warning(source: str, number: int, seq: int) -> Message:
    """The warning for a record whose sequence number is not after the one before it."""
    return message("journal.warn.seq_order", file=source, line=number, seq=seq)


def _data_warning(error: EventDataError, source: str, number: int) -> Message:
    """The warning for a record whose data does not make its event."""
    if error.problem == "unknown_type":
        return message("journal.warn.unknown_type", file=source, line=number, type=error.type_name)
    key = "journal.warn.missing_data" if error.problem == "missing" else "journal.warn.bad_data"
    return message(key, file=source, line=number, type=error.type_name, field=error.field)


def _bad(obj: dict[str, Any]) -> str:
    """The first envelope field of ``obj`` that is missing or of the wrong type."""
    expected = (
        ("seq", int),
        ("at", str),
        ("author", str),
        ("role", str),
        ("type", str),
        ("data", dict),
    )
    return next((name for name, kind in expected if type(obj.get(name)) is not kind), "")


def last_seq_of(line: bytes, source: str) -> int | None:
    """The ``seq`` of one complete line, or None if it is not a readable record.

    Raises :class:`JournalError` if the line was written by a newer version.
    """
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    if not isinstance(obj, dict):
        return None
    version = obj.get("v")
    if type(version) is int and version > JOURNAL_SCHEMA_VERSION:
        raise newer_version_error(source, version)
    seq = obj.get("seq")
    return seq if type(seq) is int else None
