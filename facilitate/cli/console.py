"""`facilitate console SESSION`: the facilitator's own screen beside the room view.

It follows the session's journal (so the time left agrees with the projector), lists the
entries as note-takers add them, and sends the keys space, + / - and n to the live run
through its control channel; the run records what they do. `q` twice quits the console,
never the run.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import AppContext, app_context
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.console import ConsoleFeed
    from facilitate.model.console import ConsoleSnapshot


def console(
    ctx: typer.Context,
    session: Annotated[
        str, typer.Argument(metavar="SESSION", help=t("sessions.arg.id"), show_default=False)
    ],
    plain: Annotated[
        bool, typer.Option("--plain", help=t("console.opt.plain"), metavar="")
    ] = False,
) -> None:
    from facilitate.app.console import open_console
    from facilitate.app.plans import Plans

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)  # the session's language (unless --lang)
    feed = open_console(
        app_ctx.store(),
        session,
        methods=app_ctx.methods(),
        plans=Plans(app_ctx.cwd, app_ctx.env),
    )
    show_console(app_ctx, feed, plain=plain or not sys.stdout.isatty())


class _Rendered:
    """The feed with its reading problem put into words (the app layer keeps a message)."""

    def __init__(self, feed: ConsoleFeed, app_ctx: AppContext) -> None:
        self.feed = feed
        self.translate = app_ctx.translate

    def update(self) -> bool:
        return self.feed.update()

    def snapshot(self, wall: float, utc_offset: float) -> ConsoleSnapshot:
        from facilitate.i18n.messages import render

        snap = self.feed.snapshot(wall, utc_offset)
        problem = self.feed.problem
        return replace(snap, problem=render(problem, self.translate)) if problem else snap


def show_console(app_ctx: AppContext, feed: ConsoleFeed, *, plain: bool) -> None:
    """Run the console on this terminal until q twice, Ctrl-C or a hang-up."""
    from facilitate.clock import SystemClock
    from facilitate.ui.console_loop import run_console
    from facilitate.ui.keys import TerminalKeys
    from facilitate.ui.signals import StopRequested, StopSignals

    display, hooks = _display(app_ctx, plain)
    with StopSignals() as stops:
        try:
            with TerminalKeys.for_stdin(stops=stops, **hooks) as keys:
                run_console(
                    _Rendered(feed, app_ctx),
                    feed.send,
                    clock=SystemClock(),
                    keys=keys,
                    display=display,
                )
        except StopRequested:
            stops.settle()
            raise typer.Exit(stops.exit_code) from None


def _display(app_ctx: AppContext, plain: bool) -> tuple[Any, dict[str, Any]]:
    from facilitate.ui.console_screens import ConsolePlain, ConsoleScreen

    if plain:
        return ConsolePlain(sys.stdout), {}
    from facilitate.ui.safe_text import SafeConsole

    screen = ConsoleScreen(SafeConsole(highlight=False), app_ctx.lang)
    return screen, {"on_stop": screen.leave, "on_continue": screen.enter}


def register(app: typer.Typer) -> None:
    """Add `facilitate console`."""
    app.command("console", help=t("console.help"), epilog=t("console.example"))(console)
