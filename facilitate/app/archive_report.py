"""The report across sessions: from the archive's records, or from the local store's sessions.

Both fold each session's records as ``sessions show`` does, so the two reports of the same
sessions are the same (:mod:`facilitate.model.programme_report`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date

from facilitate.app.archive import archived_header, sessions_named
from facilitate.app.export import read_unlocked
from facilitate.app.methods import MethodSource, methods_of
from facilitate.archive.connection import connected
from facilitate.errors import UsageError
from facilitate.i18n.messages import message
from facilitate.model.programme_report import ProgrammeReport, ReportInput, programme_report
from facilitate.model.session import fold
from facilitate.store.line_format import parse_journal
from facilitate.store.store import SessionStore


def check_since(since: str | None) -> str | None:
    """``--since`` as a date (UsageError naming the value otherwise)."""
    if since is None:
        return None
    try:
        return Date.fromisoformat(since.strip()).isoformat()
    except ValueError:
        raise UsageError(message("archive.err.bad_since", value=since)) from None


def check_report_options(fmt: str, top: int, since: str | None) -> None:
    """UsageError for a report format, ``--top`` or ``--since`` that cannot be used."""
    from facilitate.export.programme_report import REPORT_FORMATS

    if fmt not in REPORT_FORMATS:
        raise UsageError(message("archive.err.bad_format", format=fmt))
    if top < 1:
        raise UsageError(message("archive.err.bad_top", top=top))
    check_since(since)


def report_text(report: ProgrammeReport, fmt: str, lang: str) -> str:
    """The report rendered in ``fmt`` (md, csv, json); Markdown's words in ``lang``."""
    from facilitate.export.programme_report import render_report

    return render_report(report, fmt, lang)


def archive_report(
    url: str,
    methods: MethodSource,
    *,
    programme: str | None = None,
    since: str | None = None,
    top: int = 3,
) -> ProgrammeReport:
    """The report over the archived sessions (of ``programme``, from ``since`` on)."""
    from facilitate.archive.reading import archived_lines, archived_sessions
    from facilitate.archive.schema import applied_versions

    since = check_since(since)
    inputs = []
    with connected(url) as conn:
        found = archived_sessions(conn, programme, since) if applied_versions(conn) else []
        for archived in found:
            header = archived_header(archived.header, archived.id, archived.uuid)
            raw = "".join(line + "\n" for line in archived_lines(conn, archived.uuid))
            replay = parse_journal(raw.encode("utf-8", "surrogatepass"), f"archive:{header.id}")
            state = fold(replay.records, header)
            inputs.append(
                ReportInput(state, methods_of(header, state, methods), archived.programme)
            )
    return programme_report(inputs, top)


def local_report(
    store: SessionStore,
    methods: MethodSource,
    refs: Sequence[str] = (),
    *,
    programme: str | None = None,
    since: str | None = None,
    top: int = 3,
) -> ProgrammeReport:
    """The same report over local sessions (``programme``: those of that plan)."""
    since = check_since(since)
    inputs = []
    for session in sessions_named(store, refs):
        header = session.header
        if programme is not None and header.plan != programme:
            continue
        if since is not None and header.date < since:
            continue
        state = read_unlocked(session)[0]
        inputs.append(ReportInput(state, methods_of(header, state, methods)))
    inputs.sort(key=_report_order)
    return programme_report(inputs, top)


def _report_order(given: ReportInput) -> tuple[str, str, str]:
    """The archive's order: by date, id and UUID."""
    header = given.state.header
    return (header.date, header.id, header.uuid or "") if header else ("", "", "")
