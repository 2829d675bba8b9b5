"""``session.json``: reading a session's header, and writing it atomically with its UUID.

Reading never writes. A header written by facilitate 0.1.0 has no ``uuid``; it is given one
the first time the header is written again (an append to the session, or an archive), under
the session's lock, so that two writers never give one session two identities.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path

from facilitate.errors import InvalidFileError, NotFoundError, Problem
from facilitate.i18n.messages import Message, message
from facilitate.model.session_header import SESSION_SCHEMA_VERSION, HeaderError, SessionHeader
from facilitate.store.durable import write_atomic
from facilitate.store.files import HEADER_FILE, disk_error, disk_errors, read_file


def new_uuid() -> str:
    """A fresh session identity (random, 122 bits)."""
    return str(uuid.uuid4())


def header_bytes(header: SessionHeader) -> bytes:
    """The content of ``session.json``."""
    return (json.dumps(header.to_data(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_header(folder: Path) -> SessionHeader:
    """Read the folder's ``session.json``; InvalidFileError naming file, line and field."""
    path = folder / HEADER_FILE
    source = str(path)
    try:
        data = json.loads(read_file(folder, HEADER_FILE))
    except FileNotFoundError:
        if not folder.is_dir():
            raise NotFoundError(message("sessions.err.gone", id=folder.name)) from None
        problem = Problem(source, None, None, "", message("sessions.header.no_file"))
        raise InvalidFileError([problem]) from None
    except OSError as error:
        raise disk_error(path, error) from None
    except ValueError as error:
        line = getattr(error, "lineno", None)
        raise InvalidFileError(
            [Problem(source, line, None, "", message("sessions.header.not_json"))]
        ) from None
    if isinstance(data, dict):
        version = data.get("schema_version")
        if isinstance(version, int) and version > SESSION_SCHEMA_VERSION:
            from facilitate.store.line_format import newer_version_error

            raise newer_version_error(source, version)
    try:
        return SessionHeader.from_data(data)
    except HeaderError as error:
        raise InvalidFileError(
            [Problem(source, None, None, error.field, header_problem(error))]
        ) from None


def write_header(folder: Path, header: SessionHeader) -> SessionHeader:
    """Replace the folder's ``session.json`` atomically; the header as written.

    A header without a UUID (written by 0.1.0) is given one, and the current schema version.
    The caller holds the session's lock (or has just created the folder).
    """
    if header.uuid is None or header.schema_version < SESSION_SCHEMA_VERSION:
        header = replace(
            header, uuid=header.uuid or new_uuid(), schema_version=SESSION_SCHEMA_VERSION
        )
    with disk_errors(folder / HEADER_FILE):
        write_atomic(folder, HEADER_FILE, header_bytes(header))
    return header


def ensure_uuid(folder: Path) -> SessionHeader:
    """The folder's header, given a UUID now if it has none (the session's lock is held)."""
    header = read_header(folder)
    return header if header.uuid is not None else write_header(folder, header)


def header_problem(error: HeaderError) -> Message:
    """What is wrong with a header field."""
    return message(f"sessions.header.{error.code}", **error.values)


def header_message(error: HeaderError) -> Message:
    """A header problem as one line naming its field (for command-line input)."""
    if not error.field:
        return header_problem(error)
    return message(
        "store.field_problem",
        field=message(f"sessions.field.{error.field}"),
        problem=header_problem(error),
    )
