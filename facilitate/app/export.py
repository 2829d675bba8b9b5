"""Export sessions as documentation: read them, build one document, render it, write it.

Sessions are read without taking their lock, so an export never waits for a note-taker
and never makes one wait, even while a run goes on: the journal is read as it stands and
only its complete lines count (a line being written is not yet acknowledged, so nothing
acknowledged is left out). A session still running says so, with the time it was read.
"""

from __future__ import annotations

import contextlib
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from datetime import datetime
from pathlib import Path

from facilitate.app.methods import MethodSource, methods_of
from facilitate.clock import local_now
from facilitate.errors import UsageError
from facilitate.export.build import DOCUMENT_LANGUAGES, ExportOptions, build_document
from facilitate.export.document import Document
from facilitate.export.record import SessionRecord, session_record
from facilitate.i18n.messages import Message, message
from facilitate.model.method import Method
from facilitate.model.session import SessionState, fold
from facilitate.records import Record
from facilitate.store.durable import write_atomic
from facilitate.store.journal import Session, SessionStore

FORMATS = ("md", "html", "docx", "csv", "json")


class ExportRequest(Record):
    """What to export and how (checked by :meth:`check`)."""

    sessions: Sequence[str]
    format: str
    lang: str | None = None
    authors: bool = False
    excel: bool = False
    templates: Path | None = None
    participants: int | None = None
    compiled: Path | None = None
    """Where compiled templates are kept (:func:`compiled_templates`; None: compiled each time)."""

    def check(self) -> None:
        """UsageError for a request that cannot be carried out."""
        if not self.sessions:
            raise UsageError(message("export.err.no_sessions"))
        if self.format not in FORMATS:
            raise UsageError(message("export.err.bad_format", format=self.format))
        if self.lang is not None and self.lang not in DOCUMENT_LANGUAGES:
            raise UsageError(message("export.err.bad_lang", lang=self.lang))
        if self.excel and self.format != "csv":
            raise UsageError(message("export.err.excel_not_csv"))
        if self.participants is not None and self.participants < 1:
            raise UsageError(message("export.err.participants", value=self.participants))
        if self.templates is not None and not self.templates.is_dir():
            raise UsageError(message("export.err.templates_missing", path=self.templates))


class Exported(Record):
    """The rendered document, what it holds, and warnings from reading the journals."""

    data: bytes
    document: Document
    warnings: list[Message] = field(default_factory=list)

    @property
    def entries(self) -> int:
        return sum(session.entry_count for session in self.document.sessions)


def read_unlocked(session: Session) -> tuple[SessionState, list[Message]]:
    """The session's state from its journal as it stands, without its lock.

    Only complete lines are read: a line being written has not been acknowledged yet.
    """
    batch = session.read_after()
    return fold(batch.records, session.header), list(batch.warnings)


def read_records(
    store: SessionStore, methods: MethodSource, session_ids: Sequence[str]
) -> tuple[list[SessionRecord], dict[str, Method], list[Message]]:
    """The sessions as records, the methods they ran, and reading warnings."""
    records: list[SessionRecord] = []
    found: dict[str, Method] = {}
    warnings: list[Message] = []
    seen: set[str] = set()
    for ref in session_ids:
        session = store.open(ref)
        if session.id in seen:
            raise UsageError(message("export.err.twice", id=session.id))
        seen.add(session.id)
        state, read_warnings = read_unlocked(session)
        found.update(methods_of(session.header, state, methods))
        records.append(session_record(session.id, state))
        warnings += read_warnings
    return records, found, warnings


def export_sessions(
    store: SessionStore,
    methods: MethodSource,
    request: ExportRequest,
    now: Callable[[], datetime] = local_now,
) -> Exported:
    """Read, build and render ``request``'s sessions into one document."""
    request.check()
    records, found, warnings = read_records(store, methods, request.sessions)
    options = ExportOptions(
        lang=request.lang,
        authors=request.authors,
        participants=request.participants,
        as_of=now().strftime("%H:%M"),
        rows=request.format in ("csv", "json") or request.templates is not None,
    )
    document = build_document(records, found, options)
    return Exported(render(document, request), document, warnings)


def render(document: Document, request: ExportRequest) -> bytes:
    """The document in the request's format (the renderers are imported only when used)."""
    if request.format in ("md", "html"):
        from facilitate.export.templating import render as from_template

        text = from_template(document, request.format, request.templates, request.compiled)
        return text.encode("utf-8")
    if request.format == "docx":
        from facilitate.export.docx_writer import render_docx

        return render_docx(document)
    from facilitate.export.tables import render_csv, render_json

    if request.format == "csv":
        return render_csv(document, excel=request.excel)
    return render_json(document)


def compiled_templates(env: Mapping[str, str]) -> Path | None:
    """The folder of the user's cache where compiled export templates are kept (None: none,
    or not a folder of the user's own)."""
    from facilitate.library.user_cache import cache_root, own_folder

    root = cache_root(env)
    return own_folder(root / "templates") if root is not None else None


def write_export(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file or the new, never half.

    Only a regular file (or a link, which is replaced, never followed) is replaced: a device
    or a named pipe at ``path`` is refused, so ``--out /dev/null`` never replaces the device.
    """
    if path.is_dir():
        raise UsageError(message("export.err.out_folder", path=path))
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(path.stat().st_mode) and not path.is_symlink():
            raise UsageError(message("export.err.out_special", path=path))
    if not path.parent.is_dir():
        raise UsageError(message("export.err.out_parent", path=path, folder=path.parent))
    try:
        write_atomic(path.parent, path.name, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise UsageError(message("export.err.out_write", path=path, reason=reason)) from None


def export_schema() -> str:
    """The JSON Schema of the JSON export."""
    from facilitate.export.tables import json_schema

    return json_schema()
