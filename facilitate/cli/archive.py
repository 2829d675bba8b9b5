"""`facilitate archive push|status|pull|report`: the organisation's archive on PostgreSQL.

The URL comes from ``--db`` or FACILITATE_ARCHIVE_URL and is never printed with its
password. A push says each session's standing as soon as it is pushed; a diverged session
makes ``push`` and ``status`` end with exit 1 after the others are done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import AppContext, add_group, app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import print_json, warn
from facilitate.errors import FacilitateError, MessageLike, UsageError
from facilitate.i18n import t
from facilitate.i18n.messages import message

if TYPE_CHECKING:
    from facilitate.app.archive import SessionStanding
    from facilitate.model.programme_report import ProgrammeReport


def _db() -> Any:
    return typer.Option("--db", help=t("archive.opt.db"), metavar="URL", show_default=False)


def _sessions_arg() -> Any:
    return typer.Argument(metavar="SESSION", help=t("archive.arg.sessions"), show_default=False)


def _url(app_ctx: AppContext, given: str | None) -> str:
    from facilitate.app.archive import URL_VARIABLE

    url = given if given is not None else app_ctx.env.get(URL_VARIABLE, "")
    if not url.strip():
        raise UsageError(message("archive.err.no_url"))
    return url


def _say(line: str) -> None:
    out().print(line, markup=False, highlight=False)


def _standing_line(row: SessionStanding, prefix: str) -> str:
    found = row.comparison
    return t(
        f"{prefix}.{found.standing}",
        id=row.session_id,
        added=row.added,
        records=len(found.new_seqs),
        missing=found.missing,
        seq=found.diverged_at,
    )


def _refuse_diverged(rows: list[SessionStanding]) -> None:
    diverged = sum(row.diverged for row in rows)
    if diverged:
        raise _Diverged(message("archive.err.diverged", count=diverged))


class _Diverged(FacilitateError):
    """Some sessions diverged (exit 1, after every session was dealt with)."""


def push(
    ctx: typer.Context,
    sessions: Annotated[list[str] | None, _sessions_arg()] = None,
    db: Annotated[str | None, _db()] = None,
    programme: Annotated[
        str | None,
        typer.Option("--programme", help=t("archive.opt.programme"), metavar="NAME"),
    ] = None,
) -> None:
    from facilitate.app.archive import push_sessions

    app_ctx = app_context(ctx)

    def said(row: SessionStanding) -> None:
        warn(row.warnings, app_ctx.translate)
        _say(_standing_line(row, "archive.standing"))

    skipped: list[MessageLike] = []
    url = _url(app_ctx, db)
    rows = push_sessions(
        app_ctx.store(), url, sessions or [], programme=programme, on_pushed=said, skipped=skipped
    )
    warn(skipped, app_ctx.translate)
    _say(t("archive.pushed.total", added=sum(r.added for r in rows), sessions=len(rows)))
    _refuse_diverged(rows)


def status(
    ctx: typer.Context,
    sessions: Annotated[list[str] | None, _sessions_arg()] = None,
    db: Annotated[str | None, _db()] = None,
    as_json: Annotated[bool, typer.Option("--json", help=t("archive.opt.json"))] = False,
) -> None:
    from facilitate.app.archive import archive_status

    app_ctx = app_context(ctx)
    skipped: list[MessageLike] = []
    found = archive_status(app_ctx.store(), _url(app_ctx, db), sessions or [], skipped)
    warn(skipped, app_ctx.translate)
    if as_json:
        print_json(
            {
                "archived_sessions": found.archived_sessions,
                "archived_records": found.archived_records,
                "sessions": [_row_data(row) for row in found.sessions],
            }
        )
    else:
        for row in found.sessions:
            warn(row.warnings, app_ctx.translate)
            _say(_standing_line(row, "archive.status"))
        _say(
            t(
                "archive.status.total",
                sessions=found.archived_sessions,
                records=found.archived_records,
            )
        )
    _refuse_diverged(found.sessions)


def _row_data(row: SessionStanding) -> dict[str, Any]:
    found = row.comparison
    return {
        "id": row.session_id,
        "uuid": row.uuid,
        "standing": found.standing,
        "to_push": len(found.new_seqs),
        "missing": found.missing,
        "diverged_at": found.diverged_at,
    }


def pull(
    ctx: typer.Context,
    session: Annotated[str, typer.Argument(metavar="SESSION", help=t("archive.arg.session"))],
    db: Annotated[str | None, _db()] = None,
    writable: Annotated[bool, typer.Option("--writable", help=t("archive.opt.writable"))] = False,
) -> None:
    from facilitate.app.archive import pull_session

    app_ctx = app_context(ctx)
    pulled = pull_session(app_ctx.store(), _url(app_ctx, db), session, writable=writable)
    mode = t("archive.pulled.writable" if pulled.writable else "archive.pulled.read_only")
    _say(
        t(
            "archive.pulled",
            id=pulled.session_id,
            path=pulled.path,
            records=pulled.records,
            mode=mode,
        )
    )


def report(
    ctx: typer.Context,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=t("archive.opt.format"), metavar="md|csv|json")
    ] = "md",
    programme: Annotated[
        str | None,
        typer.Option("--programme", help=t("archive.opt.report_programme"), metavar="NAME"),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help=t("archive.opt.since"), metavar="YYYY-MM-DD")
    ] = None,
    top: Annotated[int, typer.Option("--top", help=t("archive.opt.top"), metavar="N")] = 3,
    db: Annotated[str | None, _db()] = None,
    local: Annotated[bool, typer.Option("--local", help=t("archive.opt.local"))] = False,
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help=t("archive.opt.out"), metavar="PATH")
    ] = None,
) -> None:
    from facilitate.app.archive_report import check_report_options, report_text

    app_ctx = app_context(ctx)
    fmt = fmt.strip().lower()
    check_report_options(fmt, top, since)
    where = None if local else _url(app_ctx, db)
    made = _report(app_ctx, where, programme=programme, since=since, top=top)
    text = report_text(made, fmt, app_ctx.lang)
    if out_path is None:
        typer.echo(text, nl=False)
        return
    _write_report(app_ctx, out_path, text, fmt, len(made.sessions))


def _report(
    app_ctx: AppContext, url: str | None, *, programme: str | None, since: str | None, top: int
) -> ProgrammeReport:
    """The report over the archive at ``url``, or over the local store when it is None."""
    from facilitate.app.archive_report import archive_report, local_report

    if url is None:
        return local_report(
            app_ctx.store(), app_ctx.methods(), programme=programme, since=since, top=top
        )
    return archive_report(url, app_ctx.methods(), programme=programme, since=since, top=top)


def _write_report(app_ctx: AppContext, out_path: Path, text: str, fmt: str, sessions: int) -> None:
    from facilitate.app.export import write_export

    write_export(app_ctx.cwd / out_path, text.encode("utf-8"))
    _say(t("archive.written", path=out_path, format=fmt, sessions=sessions))


def register(app: typer.Typer) -> None:
    """Add the `archive` command group."""
    group = add_group(app, "archive", help=t("archive.help"), epilog=t("archive.example"))
    for name, command in (("push", push), ("status", status), ("pull", pull), ("report", report)):
        group.command(name, help=t(f"archive.{name}.help"), epilog=t(f"archive.{name}.example"))(
            command
        )
