"""`facilitate run METHOD` and `facilitate timer DURATION`: live timed rounds in the terminal.

The commands only parse their options; the work is in :mod:`facilitate.cli.runner` (the
terminal) and :mod:`facilitate.app.runs` (the run), imported inside each command so that
``facilitate --help`` stays light. The options are made when the app is built
(``Annotated[..., warn_option()]`` is read then), so their help is in its language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import app_context
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.cli.context import AppContext


def session_option(*, timer: bool = False) -> Any:
    """--session: a timer has one countdown, so its --session has help of its own."""
    help_key = "timer.opt.session_timer" if timer else "timer.opt.session"
    return typer.Option("--session", help=t(help_key), metavar="ID")


def auto_advance_option(*, timer: bool = False) -> Any:
    help_key = "timer.opt.auto_advance_timer" if timer else "timer.opt.auto_advance"
    return typer.Option("--auto-advance", help=t(help_key), metavar="")


def warn_option() -> Any:
    return typer.Option("--warn", help=t("timer.opt.warn"), metavar="TIMES")


def quiet_option() -> Any:
    return typer.Option("--quiet", help=t("timer.opt.quiet"), metavar="")


def speed_option() -> Any:
    return typer.Option("--speed", help=t("timer.opt.speed"), metavar="N")


def author_option() -> Any:
    """--author: who signs what the run records (the notes typed with ``a``)."""
    return typer.Option("--author", help=t("records.opt.author_run"), metavar="NAME")


def plain_option() -> Any:
    """--plain: text lines instead of the full-screen view, on a terminal too."""
    return typer.Option("--plain", help=t("room.opt.plain"), metavar="")


def run(
    ctx: typer.Context,
    method: Annotated[str, typer.Argument(help=t("timer.opt.method"), metavar="METHOD")],
    session: Annotated[str | None, session_option()] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help=t("timer.opt.param"), metavar="KEY=VALUE"),
    ] = None,
    warn: Annotated[str | None, warn_option()] = None,
    quiet: Annotated[bool, quiet_option()] = False,
    auto_advance: Annotated[bool, auto_advance_option()] = False,
    speed: Annotated[float, speed_option()] = 1.0,
    author: Annotated[str | None, author_option()] = None,
    plan: Annotated[bool, typer.Option("--plan", help=t("plan_run.opt.plan"), metavar="")] = False,
    plain: Annotated[bool, plain_option()] = False,
) -> None:
    from facilitate.app.run_options import RunOptions
    from facilitate.cli.runner import run_method

    options = RunOptions.parse(warn=warn, quiet=quiet, auto_advance=auto_advance, speed=speed)
    app_ctx = app_context(ctx)
    from facilitate.cli.plan_runner import plan_wanted, run_plan

    if plan_wanted(app_ctx, method, forced=plan, params=param or []):
        run_plan(app_ctx, method, session_id=session, options=options, author=author, plain=plain)
        return
    run_method(
        app_ctx,
        method,
        session_id=session,
        params=param or [],
        options=options,
        author=author,
        plain=plain,
    )


def timer(
    ctx: typer.Context,
    duration: Annotated[
        str | None, typer.Argument(help=t("timer.opt.duration"), metavar="DURATION")
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help=t("timer.opt.title"), metavar="TEXT")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help=t("timer.opt.until"), metavar="HH:MM")
    ] = None,
    session: Annotated[str | None, session_option(timer=True)] = None,
    warn: Annotated[str | None, warn_option()] = None,
    quiet: Annotated[bool, quiet_option()] = False,
    auto_advance: Annotated[bool, auto_advance_option(timer=True)] = False,
    speed: Annotated[float, speed_option()] = 1.0,
    author: Annotated[str | None, author_option()] = None,
    plain: Annotated[bool, plain_option()] = False,
) -> None:
    from facilitate.app.run_options import RunOptions
    from facilitate.cli.runner import run_timer

    options = RunOptions.parse(warn=warn, quiet=quiet, auto_advance=auto_advance, speed=speed)
    app_ctx = app_context(ctx)
    run_timer(
        app_ctx,
        duration,
        title=title,
        until=until,
        session_id=session,
        options=options,
        author=author,
        plain=plain,
    )


def register(app: typer.Typer) -> None:
    """Add the `run` and `timer` commands to the root app."""
    app.command("run", help=t("timer.run.help"))(run)
    app.command("timer", help=t("timer.help"))(timer)


def resume_run(
    app_ctx: AppContext,
    session_id: str,
    *,
    quiet: bool = False,
    auto_advance: bool = False,
    speed: float = 1.0,
    warn: str | None = None,
    author: str | None = None,
    plain: bool = False,
) -> None:
    """Continue the run of session ``session_id`` where it stopped (``sessions resume``).

    ``warn`` ("2m,30s" or "none") replaces the steps' own warning times, as in `run --warn`.
    """
    from facilitate.app.run_options import RunOptions
    from facilitate.cli.runner import resume_session

    options = RunOptions.parse(warn=warn, quiet=quiet, auto_advance=auto_advance, speed=speed)
    resume_session(app_ctx, session_id, options=options, author=author, plain=plain)
