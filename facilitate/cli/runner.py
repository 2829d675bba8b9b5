"""Composition of a live run on this terminal: display, keys, prompts, the loop, exit code.

The run itself (method or timer, session, journal) comes from :mod:`facilitate.app.runs`.
Imported only by the `run`, `timer` and `sessions resume` commands (it pulls in the run
controller, the journal and Rich Live).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

import typer

from facilitate.app.following import step_entry_count
from facilitate.app.run_options import RunOptions
from facilitate.app.runs import LiveRun, resume_run, start_method_run, start_timer_run
from facilitate.cli.context import AppContext
from facilitate.cli.output import err, out, print_error
from facilitate.clock import SystemClock
from facilitate.errors import ExitCode
from facilitate.i18n import t
from facilitate.model.events import StopReason

TRACE_ENV = "FACILITATE_TRACE"


# -- the three entry points ------------------------------------------------------------------


def run_method(
    app_ctx: AppContext,
    method_id: str,
    *,
    session_id: str | None,
    params: list[str],
    options: RunOptions,
    author: str | None = None,
    plain: bool = False,
) -> None:
    """`facilitate run`: run the method (with its --param values) in a session; ``plain``
    shows it as text lines on a terminal too (for screen readers).

    A run in an existing session speaks the session's language (unless ``--lang`` was given).
    """
    if session_id:
        app_ctx.enter_session(session_id)
    if any("," in value for value in params):
        _param_hints(app_ctx, method_id, params)
    with start_method_run(
        app_ctx.store(),
        app_ctx.methods(),
        method_id,
        params=params,
        session_id=session_id,
        lang=app_ctx.lang,
        author=app_ctx.author_or(author),
        options=options,
        clock=SystemClock(),
    ) as live:
        drive(app_ctx, live, options, plain=plain)


def _param_hints(app_ctx: AppContext, method_id: str, params: list[str]) -> None:
    """Say so when a list parameter was given one text with commas (``stories=A,B``)."""
    from facilitate.app.methods import param_hints
    from facilitate.errors import FacilitateError

    try:
        method = app_ctx.methods().find(method_id).method
    except FacilitateError:
        return  # the run itself reports it
    for hint in param_hints(method, params):
        print_error(hint.render(app_ctx.translate))


def run_timer(
    app_ctx: AppContext,
    duration: str | None,
    *,
    title: str | None,
    until: str | None,
    session_id: str | None,
    options: RunOptions,
    author: str | None = None,
    plain: bool = False,
) -> None:
    """`facilitate timer`: one countdown, recorded only in a session given with --session."""
    if session_id:
        app_ctx.enter_session(session_id)
    with start_timer_run(
        app_ctx.store(),
        duration,
        title=title,
        until=until,
        session_id=session_id,
        author=app_ctx.author_or(author),
        options=options,
        clock=SystemClock(),
        lang=app_ctx.lang,
    ) as live:
        drive(app_ctx, live, options, plain=plain)


def resume_session(
    app_ctx: AppContext,
    session_id: str,
    *,
    options: RunOptions,
    author: str | None = None,
    plain: bool = False,
) -> None:
    """`facilitate sessions resume`: continue the session's run with its remaining time
    (a planned day goes on at the block where it stopped)."""
    from facilitate.app.plan_runs import plan_of_session

    app_ctx.enter_session(session_id)
    plan = plan_of_session(app_ctx.store(), session_id)
    if plan is not None:
        from facilitate.cli.plan_runner import run_plan

        run_plan(app_ctx, plan, session_id=session_id, options=options, author=author, plain=plain)
        return
    with resume_run(
        app_ctx.store(),
        app_ctx.methods(),
        session_id,
        lang=app_ctx.lang,
        author=app_ctx.author_or(author),
        options=options,
        clock=SystemClock(),
    ) as live:
        drive(app_ctx, live, options, plain=plain)


# -- the terminal ----------------------------------------------------------------------------


@contextlib.contextmanager
def _trace(env: dict[str, str]) -> Iterator[IO[str] | None]:
    path = env.get(TRACE_ENV)
    if not path:
        yield None
        return
    with open(path, "a", encoding="utf-8", buffering=1) as file:
        yield file


def _display(
    app_ctx: AppContext, live: LiveRun, stdout_tty: bool, plain: bool
) -> tuple[Any, dict[str, Any]]:
    """The live screen on a terminal (with its key hooks), else plain lines (which ring the
    bell on a terminal: ``--plain``)."""
    from facilitate.ui.screens import LiveDisplay, PlainDisplay

    if stdout_tty and not plain:
        from facilitate.ui.safe_text import SafeConsole

        display: Any = LiveDisplay(SafeConsole(highlight=False), app_ctx.lang)
        return display, {"on_stop": display.leave, "on_continue": display.enter}
    segments = live.controller.segments
    lines = PlainDisplay(sys.stdout, segments, app_ctx.lang, title=live.heading, ring=stdout_tty)
    return lines, {}


def _prompter(stdin_tty: bool, stdout_tty: bool) -> Any:
    """Who asks for a note's text on plain lines (the full-screen view has its own note
    line): the terminal, or nobody when no one can type."""
    from facilitate.ui.prompts import LinePrompter

    if not stdin_tty:
        return None
    if stdout_tty:
        return LinePrompter(sys.stdin, sys.stdout)
    # output to a pipe or a file: ask on plain lines, where the person sees it
    return LinePrompter(sys.stdin, sys.stderr if sys.stderr.isatty() else sys.stdout)


Report = Callable[[StopReason, LiveRun, str, int], None]


def drive(
    app_ctx: AppContext,
    live: LiveRun,
    options: RunOptions,
    *,
    report: Report | None = None,
    plain: bool = False,
) -> StopReason:
    """Run the loop on this terminal (or as plain lines, also on a terminal with ``plain``),
    then ``report`` (what the run left, by default) and exit on a signal; returns why the
    run stopped."""
    from facilitate.app.control import control_channel
    from facilitate.ui.keys import TerminalKeys
    from facilitate.ui.live import LoopSettings, run_loop
    from facilitate.ui.signals import StopSignals

    controller, sink, start = live.controller, live.sink, live.start
    stdin_tty = sys.stdin is not None and sys.stdin.isatty()
    stdout_tty = sys.stdout.isatty()
    if not stdin_tty:  # nobody can press a key: no pause to wait out, no n to press
        controller.auto_advance = True
        if start is not None:
            start = {**start, "paused": False}
    display, hooks = _display(app_ctx, live, stdout_tty, plain)
    prompter = _prompter(stdin_tty, stdout_tty)
    # SIGHUP, SIGTERM and Ctrl-C stop the run, which is saved; more of them are ignored
    # until the save and the report are done (see facilitate/ui/signals.py).
    # The console (`facilitate console`) sends its keys through the control channel.
    with StopSignals() as stops:
        with (
            _trace(app_ctx.env) as trace,
            control_channel(live.session) as commands,
            TerminalKeys.for_stdin(stops=stops, commands=commands, **hooks) as keys,
        ):
            settings = LoopSettings(
                lang=app_ctx.lang,
                session_id=live.session.id if live.session is not None else None,
                quiet=options.quiet,
                heading=live.heading,
                min_redraw=0.1 if options.speed > 1 else 0.0,
                new_id=live.new_id,
                problem=lambda: sink.problem.render(app_ctx.translate) if sink.problem else "",
                trace=trace,
                step_entries=step_entry_count(live.session, controller.run_id)
                if live.session and stdout_tty
                else None,
            )
            reason = run_loop(
                controller,
                clock=SystemClock(),
                keys=keys,
                display=display,
                prompter=prompter,
                settings=settings,
                start=start,
            )
        stops.settle()  # a terminal that is gone is written to no more
        try:
            sink.close()
            (report or _report)(reason, live, app_ctx.lang, stops.exit_code)
        except OSError:  # the terminal went away while the report was printed
            stops.hang_up()
            stops.silence()
        if stops.received is not None:
            raise typer.Exit(stops.exit_code)
    return reason


def _say(console: Any, text: str) -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _report(
    reason: StopReason, live: LiveRun, lang: str, exit_code: int = int(ExitCode.INTERRUPTED)
) -> None:
    """What the run left: interrupted (exit 129, 130 or 143), saved to resume, or finished.

    A standalone timer that is quit or interrupted has ended (nothing waits to be resumed).
    """
    session = live.session
    ended_timer = _ended_timer(live) if reason in ("quit", "interrupted") else None
    if reason == "interrupted":
        if ended_timer is not None:
            _say(err(), t("records.timer.interrupted", **ended_timer))
        elif session is not None:
            _say(err(), t("timer.run.interrupted", id=session.id))
        else:
            _say(err(), t("timer.run.interrupted_plain"))
        raise typer.Exit(exit_code)
    if session is None:
        return
    if reason == "quit":
        if ended_timer is not None:
            _say(out(), t("records.timer.ended", **ended_timer))
        else:
            _say(out(), t("timer.run.saved", id=session.id))
        return
    _summary(live, lang)
    _say(out(), t("timer.run.finished", id=session.id))


def _ended_timer(live: LiveRun) -> dict[str, str] | None:
    """For a standalone timer recorded in a session: its id and the time it had left."""
    from facilitate.model.session import TIMER_METHOD
    from facilitate.ui.format import format_duration

    if live.session is None or live.controller.method_id != TIMER_METHOD:
        return None
    point = live.session.state().resume_point
    left = point.remaining_seconds if point is not None else None
    return {"id": live.session.id, "time": format_duration(left)}


def _summary(live: LiveRun, lang: str) -> None:
    """Planned and actual time per step of this run, from the journal."""
    from facilitate.ui.run_summary import summary_table

    steps = live.finished_steps()
    if steps:
        out().print(summary_table(steps, live.controller.segments, lang))
