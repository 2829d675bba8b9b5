"""`facilitate import SESSION FILE --step STEP`: entries from a CSV, text or YAML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import author_option, session_id, warn
from facilitate.i18n import get_language, t


def import_command(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    file: Annotated[Path, typer.Argument(metavar="FILE", help=t("import.arg.file"))],
    step: Annotated[str, typer.Option("--step", help=t("import.opt.step"), metavar="STEP")],
    run: Annotated[
        int | None, typer.Option("--run", help=t("harvest.opt.run"), metavar="N", min=1)
    ] = None,
    dims: Annotated[
        list[str] | None,
        typer.Option("-d", "--dim", help=t("import.opt.dim"), metavar="DIM=VALUE"),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help=t("import.opt.kind"), metavar="KIND")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help=t("import.opt.format"), metavar="csv|text|yaml")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("import.opt.dry_run"))] = False,
    author: Annotated[str | None, author_option()] = None,
) -> None:
    from facilitate.app.importing import ImportRequest, import_file
    from facilitate.ui.import_view import ImportHeading, saved_line, summary_lines

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)
    request = ImportRequest(file, step, run, dims or (), kind, fmt, dry_run)
    outcome = import_file(
        app_ctx.store(),
        app_ctx.methods(),
        session,
        request,
        author=app_ctx.author_or(author),
    )
    warn(outcome.warnings)
    where = outcome.target
    method = where.method
    step_def = next(s for s in method.steps if s.id == where.step)
    heading = ImportHeading(
        outcome.file.name,
        outcome.session_id,
        where.step,
        step_def.title.get(get_language()),
        where.run.number if where.run is not None else None,
        method.name.get(get_language()),
    )
    console = out()
    for line in summary_lines(heading, outcome.plan, where.rules, outcome.counts()):
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    if dry_run:
        console.print(t("import.dry_run"), markup=False, highlight=False)
    elif outcome.plan.new:
        seqs = [r.seq for r in outcome.records]
        console.print(saved_line(len(seqs), seqs), markup=False, highlight=False)
    elif outcome.plan.already:
        console.print(t("import.all_already"), markup=False, highlight=False)
    else:
        console.print(t("import.nothing_new"), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add the `import` command to the root app."""
    app.command("import", help=t("import.help"), epilog=t("import.example"))(import_command)
