"""`facilitate results SESSION`: rankings, tallies, themes and structured entries; --watch
shows them full-screen as entries arrive."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import AppContext, app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import json_flag, print_json, session_id, warn
from facilitate.errors import UsageError, in_words
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.results import ResultsQuery


def results_command(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    step: Annotated[
        str | None, typer.Option("--step", help=t("results.opt.step"), metavar="STEP")
    ] = None,
    run: Annotated[
        int | None, typer.Option("--run", help=t("results.opt.run"), metavar="N", min=1)
    ] = None,
    top: Annotated[
        int | None, typer.Option("--top", help=t("results.opt.top"), metavar="N", min=1)
    ] = None,
    as_json: Annotated[bool, json_flag()] = False,
    watch: Annotated[bool, typer.Option("--watch", help=t("results.opt.watch"))] = False,
) -> None:
    from facilitate.app.results import ResultsQuery

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)
    query = ResultsQuery(run=run, step=step, top=top)
    if watch:
        _watch(app_ctx, session, query)
        return
    from facilitate.app.results import read_results

    read = read_results(app_ctx.store(), app_ctx.methods(), session, query)
    warn(read.warnings)
    if as_json:
        print_json({"session": read.session_id, **read.results.to_data()})
        return
    from facilitate.ui.results_view import results_view

    console = out()
    for part in results_view(read.results, app_ctx.lang):
        console.print(part)


def _watch(app_ctx: AppContext, session: str, query: ResultsQuery) -> None:
    """Full screen until q: the results followed from the journal."""
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise UsageError(t("results.err.watch_terminal"))
    from facilitate.app.results import open_feed
    from facilitate.ui.keys import TerminalKeys
    from facilitate.ui.results_watch import LiveScreen, watch
    from facilitate.ui.safe_text import SafeConsole
    from facilitate.ui.signals import StopRequested, StopSignals

    feed = open_feed(app_ctx.store(), app_ctx.methods(), session, query)
    first = feed.poll() or feed.results()
    console = SafeConsole(highlight=False)
    try:
        with (
            StopSignals() as stops,
            TerminalKeys.for_stdin(stops=stops) as keys,
            LiveScreen(console) as screen,
        ):
            problem = lambda: in_words(feed.problem, app_ctx.translate)  # noqa: E731
            watch(first, feed.poll, keys, screen, app_ctx.lang, problem=problem)
    except StopRequested:
        pass  # Ctrl-C, a closed window: the watch simply ends


def register(app: typer.Typer) -> None:
    """Add the `results` command to the root app."""
    app.command("results", help=t("results.help"), epilog=t("results.example"))(results_command)
