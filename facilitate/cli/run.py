"""`facilitate run METHOD` and `facilitate timer DURATION`: live timed rounds in the terminal.

The commands only parse their options; the work is in :mod:`facilitate.cli.runner`,
imported inside each command so that ``facilitate --help`` stays light.
"""

# No `from __future__ import annotations`: Typer reads the options from the annotations,
# and they refer to `opt`, a local of register().
from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.cli.context import AppContext


def _options(*, timer: bool = False) -> dict[str, object]:
    """The options `run` and `timer` share (built after the language is known).

    A timer has one countdown: its --session and --auto-advance have help of their own.
    """
    session_help = t("timer.opt.session_timer" if timer else "timer.opt.session")
    advance_help = t("timer.opt.auto_advance_timer" if timer else "timer.opt.auto_advance")
    return {
        "session": typer.Option("--session", help=session_help, metavar="ID"),
        "warn": typer.Option("--warn", help=t("timer.opt.warn"), metavar="TIMES"),
        "quiet": typer.Option("--quiet", help=t("timer.opt.quiet"), metavar=""),
        "auto_advance": typer.Option("--auto-advance", help=advance_help, metavar=""),
        "speed": typer.Option("--speed", help=t("timer.opt.speed"), metavar="N"),
    }


def register(app: typer.Typer) -> None:
    """Add the `run` and `timer` commands to the root app."""
    opt = _options()

    @app.command("run", help=t("timer.run.help"))
    def run(
        ctx: typer.Context,
        method: Annotated[str, typer.Argument(help=t("timer.opt.method"), metavar="METHOD")],
        session: Annotated[str | None, opt["session"]] = None,
        param: Annotated[
            list[str] | None,
            typer.Option("--param", help=t("timer.opt.param"), metavar="KEY=VALUE"),
        ] = None,
        warn: Annotated[str | None, opt["warn"]] = None,
        quiet: Annotated[bool, opt["quiet"]] = False,
        auto_advance: Annotated[bool, opt["auto_advance"]] = False,
        speed: Annotated[float, opt["speed"]] = 1.0,
    ) -> None:
        from facilitate.cli.runner import RunOptions, run_method

        options = RunOptions.parse(warn=warn, quiet=quiet, auto_advance=auto_advance, speed=speed)
        run_method(
            app_context(ctx), method, session_id=session, params=param or [], options=options
        )

    opt = _options(timer=True)

    @app.command("timer", help=t("timer.help"))
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
        session: Annotated[str | None, opt["session"]] = None,
        warn: Annotated[str | None, opt["warn"]] = None,
        quiet: Annotated[bool, opt["quiet"]] = False,
        auto_advance: Annotated[bool, opt["auto_advance"]] = False,
        speed: Annotated[float, opt["speed"]] = 1.0,
    ) -> None:
        from facilitate.cli.runner import RunOptions, run_timer

        options = RunOptions.parse(warn=warn, quiet=quiet, auto_advance=auto_advance, speed=speed)
        run_timer(
            app_context(ctx),
            duration,
            title=title,
            until=until,
            session_id=session,
            options=options,
        )


def resume_run(
    app_ctx: "AppContext",
    session_id: str,
    *,
    quiet: bool = False,
    auto_advance: bool = False,
    speed: float = 1.0,
    warn: str | None = None,
) -> None:
    """Continue the run of session ``session_id`` where it stopped (``sessions resume``).

    ``warn`` ("2m,30s" or "none") replaces the steps' own warning times, as in `run --warn`.
    """
    from facilitate.cli.runner import RunOptions, resume_session

    options = RunOptions.parse(warn=warn, quiet=quiet, auto_advance=auto_advance, speed=speed)
    resume_session(app_ctx, session_id, options=options)
