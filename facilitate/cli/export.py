"""`facilitate export SESSION... --format md|html|docx|csv|json`: documentation of sessions.

The command parses its options and calls :mod:`facilitate.app.export`; the document goes to
``--out`` (written atomically) or to standard output. On a terminal, text output has any
control character a journal holds made visible; a Word document is refused there.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.errors import UsageError
from facilitate.i18n import t
from facilitate.i18n.messages import message

if TYPE_CHECKING:
    from facilitate.app.export import ExportRequest
    from facilitate.app.sessions import SessionStore
    from facilitate.cli.context import AppContext


def export(
    ctx: typer.Context,
    sessions: Annotated[
        list[str] | None,
        typer.Argument(metavar="SESSION", help=t("export.arg.sessions"), show_default=False),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=t("export.opt.format"), metavar="md|html|docx|csv|json"
        ),
    ] = "md",
    out_path: Annotated[
        Path | None, typer.Option("--out", "-o", help=t("export.opt.out"), metavar="PATH")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help=t("export.opt.lang"), metavar="sv|en")
    ] = None,
    authors: Annotated[bool, typer.Option("--authors", help=t("export.opt.authors"))] = False,
    excel: Annotated[bool, typer.Option("--excel", help=t("export.opt.excel"))] = False,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help=t("export.opt.templates"), metavar="DIR"),
    ] = None,
    participants: Annotated[
        int | None,
        typer.Option("--participants", help=t("export.opt.participants"), metavar="N"),
    ] = None,
    schema: Annotated[bool, typer.Option("--schema", help=t("export.opt.schema"))] = False,
    archive: Annotated[
        str | None, typer.Option("--archive", help=t("export.opt.archive"), metavar="URL")
    ] = None,
) -> None:
    from facilitate.app.export import ExportRequest, export_schema

    if schema:
        typer.echo(export_schema(), nl=False)
        return
    app_ctx = app_context(ctx)
    request = ExportRequest(
        sessions=list(sessions or []),
        format=fmt.strip().lower(),
        lang=lang,
        authors=authors,
        excel=excel,
        templates=_absolute(templates, app_ctx.cwd),
        participants=participants,
    )
    if archive is None:
        _export(app_ctx, request, out_path)
        return
    from facilitate.app.archive import archived_store

    request.check()
    with archived_store(archive, request.sessions) as (store, ids):
        _export(app_ctx, replace(request, sessions=ids), out_path, store)


def _export(
    app_ctx: AppContext,
    request: ExportRequest,
    out_path: Path | None,
    store: SessionStore | None = None,
) -> None:
    """Carry out ``request`` and write the document to ``out_path`` (None: standard output);
    the sessions are read from ``store`` (default: the local one)."""
    from facilitate.app.export import compiled_templates, export_sessions, write_export
    from facilitate.app.sessions import session_language
    from facilitate.cli.sessions.options import warn

    request.check()
    if out_path is None and request.format == "docx" and sys.stdout.isatty():
        raise UsageError(message("export.err.binary_terminal", name="export.docx"))
    store = store or app_ctx.store()
    # speak the (first) session's language
    app_ctx.speak_session_language(session_language(store, request.sessions[0]))
    compiled = compiled_templates(app_ctx.env) if request.format in ("md", "html") else None
    exported = export_sessions(store, app_ctx.methods(), replace(request, compiled=compiled))
    warn(exported.warnings, app_ctx.translate)
    if out_path is None:
        _to_stdout(exported.data, request.format)
        return
    write_export(app_ctx.cwd / out_path, exported.data)  # an absolute out_path stays itself
    sessions = len(exported.document.sessions)
    written = t(
        "export.written",
        path=out_path,
        format=request.format,
        sessions=sessions,
        entries=exported.entries,
    )
    out().print(written, markup=False, highlight=False)


def _absolute(path: Path | None, cwd: Path) -> Path | None:
    return None if path is None else (path if path.is_absolute() else cwd / path)


def _to_stdout(data: bytes, fmt: str) -> None:
    """The document on standard output, exactly (on a terminal, control characters shown)."""
    if fmt != "docx" and sys.stdout.isatty():
        from facilitate.ui.safe_text import safe_text

        data = safe_text(data.decode("utf-8")).encode("utf-8")
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (tests): the text as it is
        sys.stdout.write(data.decode("utf-8", errors="replace"))
        return
    stream.write(data)
    stream.flush()


def register(app: typer.Typer) -> None:
    """Add `facilitate export` to the app."""
    app.command("export", help=t("export.help"), epilog=t("export.example"), no_args_is_help=True)(
        export
    )
