"""`facilitate sessions resume | archive | delete`: continue, hide or remove a session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out, print_error
from facilitate.cli.sessions.options import author_option, session_id, warn
from facilitate.errors import UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.sessions import DeletionPreview


def resume(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    quiet: Annotated[bool, typer.Option("--quiet", help=t("sessions.opt.quiet"))] = False,
    auto_advance: Annotated[
        bool, typer.Option("--auto-advance", help=t("sessions.opt.auto_advance"))
    ] = False,
    speed: Annotated[float | None, typer.Option("--speed", help=t("sessions.opt.speed"))] = None,
    warn_at: Annotated[
        str | None, typer.Option("--warn", help=t("sessions.opt.warn"), metavar="TIMES")
    ] = None,
    author: Annotated[str | None, author_option(run=True)] = None,
    plain: Annotated[bool, typer.Option("--plain", help=t("room.opt.plain"))] = False,
) -> None:
    from facilitate.app.sessions import recorded_speed
    from facilitate.cli.run import resume_run

    app_ctx = app_context(ctx)
    if speed is not None and speed <= 0:
        raise UsageError(t("sessions.err.bad_speed"))
    app_ctx.enter_session(session)  # an unknown session fails here, before the runner
    if speed is None:
        speed, warnings = recorded_speed(app_ctx.store(), session)
        warn(warnings)
    options: dict[str, Any] = {"quiet": quiet, "auto_advance": auto_advance, "speed": speed}
    if plain:
        options["plain"] = True
    if warn_at is not None:
        options["warn"] = warn_at
    if author is not None:
        options["author"] = author
    resume_run(app_ctx, session, **options)


def archive(ctx: typer.Context, session: Annotated[str, session_id()]) -> None:
    from facilitate.app.sessions import archive_session

    app_ctx = app_context(ctx)
    store = app_ctx.store()
    session = store.resolve(session)  # a unique start of the id or UUID: say which session
    app_ctx.enter_session(session)
    changed = archive_session(store, session)
    key = "sessions.archived" if changed else "sessions.already_archived"
    out().print(t(key, id=session, path=store.root / session), markup=False)


def delete(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=t("sessions.opt.yes"))] = False,
) -> None:
    from facilitate.app.sessions import delete_session, deletion_preview

    app_ctx = app_context(ctx)
    store = app_ctx.store()
    session = store.resolve(session)  # a unique start of the id or UUID: say which session
    preview = deletion_preview(store, session)
    app_ctx.speak_session_language(preview.language)
    if not yes:
        question = _question(preview)
        if not app_ctx.interactive:
            raise UsageError(t("sessions.err.yes_needed"))
        if not typer.confirm(question, default=False):
            print_error(t("sessions.not_deleted"))
            raise typer.Exit(1)
    delete_session(store, session)
    out().print(t("sessions.deleted", id=session), markup=False)


def _question(preview: DeletionPreview) -> str:
    """What `sessions delete` asks: what would be lost (a damaged session: just its id)."""
    if preview.damaged:
        return t("sessions.delete.confirm_damaged", id=preview.session_id)
    return t(
        "sessions.delete.confirm",
        id=preview.session_id,
        title=preview.title,
        entries=preview.entries,
        events=preview.events,
    )
