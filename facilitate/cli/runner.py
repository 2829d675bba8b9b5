"""Composition of a live run: method or timer, session journal, terminal, loop, exit code.

Imported only by the `run`, `timer` and `sessions resume` commands (it pulls in pydantic,
the journal and Rich Live).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import typer

from facilitate.cli.context import AppContext
from facilitate.cli.output import err, out
from facilitate.errors import ExitCode, FacilitateError, JournalError, UsageError
from facilitate.i18n import t
from facilitate.model.events import Event, StopReason
from facilitate.model.run import RunController, standalone_segment
from facilitate.model.session import TIMER_METHOD
from facilitate.model.timeline import Segment
from facilitate.model.timer import parse_clock, parse_duration, parse_warnings
from facilitate.store.journal import Session, SessionStore, new_entry_id

ROLE = "facilitator"
TRACE_ENV = "FACILITATE_TRACE"


@dataclass(frozen=True)
class RunOptions:
    """Options shared by `run`, `timer` and `sessions resume`, checked."""

    warnings: tuple[float, ...] | None = None
    quiet: bool = False
    auto_advance: bool = False
    speed: float = 1.0

    @classmethod
    def parse(
        cls, *, warn: str | None, quiet: bool, auto_advance: bool, speed: float
    ) -> RunOptions:
        if not speed > 0 or speed != speed or speed == float("inf"):
            raise UsageError(t("timer.err.bad_speed", value=speed))
        warnings = None
        if warn is not None:
            try:
                warnings = parse_warnings(warn)
            except ValueError:
                raise UsageError(t("timer.err.bad_warn", value=warn)) from None
        # A rehearsal runs the whole method through; at real speed only --auto-advance does.
        return cls(warnings, quiet, auto_advance or speed > 1, float(speed))


class JournalSink:
    """The run's ``emit``: appends each event to the session, keeping it if the disk fails.

    A failed write does not stop the round: the event waits, the view shows the problem,
    and the next event (or :meth:`close`) tries again, in order.
    """

    def __init__(self, session: Session | None, author: str) -> None:
        self.session = session
        self.author = author
        self.pending: list[Event] = []
        self.problem = ""

    def __call__(self, event: Event) -> None:
        if self.session is None:
            return
        self.pending.append(event)
        self.flush()

    def flush(self) -> bool:
        """Write the waiting events in order; False (and ``problem`` set) if one fails."""
        while self.pending and self.session is not None:
            try:
                self.session.append(self.pending[0], author=self.author, role=ROLE)
            except (FacilitateError, OSError) as error:
                self.problem = t("timer.run.journal_problem", detail=str(error).splitlines()[0])
                return False
            self.pending.pop(0)
        self.problem = ""
        return True

    def close(self) -> None:
        """Write what is still pending; JournalError if that is still impossible."""
        if not self.flush():
            raise JournalError(self.problem)


# -- the three entry points ------------------------------------------------------------------


def run_method(
    app_ctx: AppContext,
    method_id: str,
    *,
    session_id: str | None,
    params: list[str],
    options: RunOptions,
) -> None:
    """`facilitate run`: load, resolve and expand the method, then run it in a session.

    The resolved parameter values are recorded, so a resume runs with exactly these.
    """
    from facilitate.cli.methods import resolve_or_fail
    from facilitate.library.methods import find_method
    from facilitate.model.expand import build_timeline
    from facilitate.model.params import params_to_json

    method = find_method(method_id, cwd=app_ctx.cwd, env=app_ctx.env).method
    values = resolve_or_fail(method, params)
    segments = build_timeline(method, values)
    store = SessionStore(app_ctx.sessions_dir)
    if session_id:
        session = store.open(session_id)
    else:
        session = store.create(
            title=method.name.get(app_ctx.lang), method=method.id, language=app_ctx.lang
        )
    with session.run_lock():
        if session_id:
            refuse_stopped_run(session)
        controller = _controller(
            segments, session, app_ctx, method.id, params_to_json(values), options
        )
        heading = method.name.get(app_ctx.lang)
        _drive(app_ctx, controller, session, heading=heading, options=options)


def run_timer(
    app_ctx: AppContext,
    duration: str | None,
    *,
    title: str | None,
    until: str | None,
    session_id: str | None,
    options: RunOptions,
) -> None:
    """`facilitate timer`: one countdown, recorded only in a session given with --session."""
    if duration is None and until is None:
        raise UsageError(t("timer.err.timer_needs_time"))
    if duration is not None and until is not None:
        raise UsageError(t("timer.err.timer_both"))
    seconds = None if duration is None else _countdown_seconds(duration)
    if until is not None:
        _check_until(until)
    params: dict[str, Any] = {"seconds": seconds, "until": until, "title": title}
    if options.warnings is not None:
        params["warnings"] = list(options.warnings)
    segment = _timer_segment(params)
    session = SessionStore(app_ctx.sessions_dir).open(session_id) if session_id else None
    with session.run_lock() if session else contextlib.nullcontext():
        if session is not None:
            refuse_stopped_run(session)
        controller = _controller([segment], session, app_ctx, TIMER_METHOD, params, options)
        _drive(app_ctx, controller, session, heading="", options=options)


def resume_session(app_ctx: AppContext, session_id: str, *, options: RunOptions) -> None:
    """`facilitate sessions resume`: continue the session's run with its remaining time."""
    session = SessionStore(app_ctx.sessions_dir).open(session_id)
    with session.run_lock():
        _resume(app_ctx, session, options)


def _resume(app_ctx: AppContext, session: Session, options: RunOptions) -> None:
    session_id = session.id
    state = session.state()
    if state.method is None:
        raise UsageError(t("timer.err.nothing_to_resume", id=session_id))
    point = state.resume_point
    if point is None:
        raise UsageError(t("timer.err.resume_finished", id=session_id))
    heading = ""
    if state.method == TIMER_METHOD:
        segments = [_timer_segment(state.params)]
    else:
        segments, heading = _method_segments(app_ctx, session_id, state.method, state.params)
    params = dict(state.params)
    if point.index >= len(segments):
        raise UsageError(
            t(
                "timer.err.resume_changed",
                id=session_id,
                index=point.index + 1,
                method=state.method,
                total=len(segments),
            )
        )
    controller = _controller(segments, session, app_ctx, state.method, params, options)
    actual: dict[int, float] = {}
    for step in state.steps:
        if step.elapsed_seconds is not None:
            actual[step.index] = actual.get(step.index, 0.0) + step.elapsed_seconds
    start = {
        "actual": actual,
        "index": point.index,
        "remaining": point.remaining_seconds,
        "paused": point.paused,
        "fresh": False,
    }
    _drive(app_ctx, controller, session, heading=heading, options=options, start=start)


# -- pieces ----------------------------------------------------------------------------------


def refuse_stopped_run(session: Session) -> None:
    """A new run must not bury one that can still be resumed: UsageError naming the way on."""
    state = session.state()
    point = state.resume_point
    if state.method is None or point is None:
        return
    if state.method == TIMER_METHOD:
        name = state.params.get("title") or t("timer.default_title")
    else:
        name = state.method
    raise UsageError(
        t(
            "timer.err.stopped_run",
            id=session.id,
            method=name,
            index=point.index + 1,
            total=max(state.segments, point.index + 1),
        )
    )


def _countdown_seconds(duration: str) -> float:
    """The seconds of a timer's DURATION, at most as long as a method step may be."""
    from facilitate.model.method import MAX_STEP_MINUTES

    try:
        seconds = parse_duration(duration)
    except ValueError:
        raise UsageError(t("timer.err.bad_duration", value=duration)) from None
    if seconds > MAX_STEP_MINUTES * 60:
        raise UsageError(t("timer.err.too_long", value=duration))
    return seconds


def _check_until(until: str) -> None:
    """--until must be a clock time still ahead (within 12 h), not one that has passed."""
    from facilitate.clock import SystemClock
    from facilitate.model.timer import until_epoch
    from facilitate.ui.views import local_hhmm

    try:
        parse_clock(until)
    except ValueError:
        raise UsageError(t("timer.err.bad_until", value=until)) from None
    clock = SystemClock()
    wall = clock.time()
    offset = clock.utc_offset(wall)
    if until_epoch(until, wall, offset) <= wall:
        raise UsageError(t("timer.err.until_past", clock=until, now=local_hhmm(wall, offset)))


def _timer_segment(params: dict[str, Any]) -> Segment:
    warnings = params.get("warnings")
    return standalone_segment(
        params.get("seconds"),
        params.get("title") or t("timer.default_title"),
        until=params.get("until"),
        warnings=tuple(warnings) if warnings is not None else (120.0, 30.0),
    )


def _method_segments(
    app_ctx: AppContext, session_id: str, method_id: str, params: dict[str, Any]
) -> tuple[list[Segment], str]:
    from facilitate.errors import NotFoundError
    from facilitate.library.methods import find_method
    from facilitate.model.expand import build_timeline
    from facilitate.model.params import ParameterError, params_from_json

    try:
        method = find_method(method_id, cwd=app_ctx.cwd, env=app_ctx.env).method
    except NotFoundError:
        raise NotFoundError(t("timer.err.resume_gone", id=session_id, method=method_id)) from None
    try:
        values = params_from_json(method, params)
    except ParameterError as error:
        raise UsageError(t(error.key, **error.params)) from None
    return build_timeline(method, values), method.name.get(app_ctx.lang)


def _controller(
    segments: list[Segment],
    session: Session | None,
    app_ctx: AppContext,
    method_id: str,
    params: dict[str, Any],
    options: RunOptions,
) -> RunController:
    from facilitate.clock import SystemClock

    clock = SystemClock()
    sink = JournalSink(session, app_ctx.author)
    return RunController(
        segments,
        sink,
        method_id=method_id,
        params=params,
        speed=options.speed,
        warnings=options.warnings,
        auto_advance=options.auto_advance,
        utc_offset=clock.utc_offset(clock.time()),
        lang=app_ctx.lang,
    )


@contextlib.contextmanager
def _trace(env: dict[str, str]) -> Iterator[IO[str] | None]:
    path = env.get(TRACE_ENV)
    if not path:
        yield None
        return
    with open(path, "a", encoding="utf-8", buffering=1) as file:
        yield file


def _drive(
    app_ctx: AppContext,
    controller: RunController,
    session: Session | None,
    *,
    heading: str,
    options: RunOptions,
    start: dict[str, Any] | None = None,
) -> None:
    """Run the loop on this terminal (or as plain lines), then report and exit."""
    from facilitate.clock import SystemClock
    from facilitate.ui.keys import TerminalKeys
    from facilitate.ui.live import LoopSettings, run_loop
    from facilitate.ui.prompts import LinePrompter, Prompter, QuestionaryPrompter
    from facilitate.ui.screens import LiveDisplay, PlainDisplay

    sink = controller.emit
    assert isinstance(sink, JournalSink)
    stdin_tty = sys.stdin is not None and sys.stdin.isatty()
    stdout_tty = sys.stdout.isatty()
    if not stdin_tty:  # nobody can press a key: no pause to wait out, no n to press
        controller.auto_advance = True
        if start is not None:
            start = {**start, "paused": False}
    if stdout_tty:
        from rich.console import Console

        display: Any = LiveDisplay(Console(highlight=False), app_ctx.lang)
        hooks = {"on_stop": display.leave, "on_continue": display.enter}
    else:
        display = PlainDisplay(sys.stdout, controller.segments, app_ctx.lang, title=heading)
        hooks = {}
    prompter: Prompter | None = None
    if stdin_tty and stdout_tty:
        prompter = QuestionaryPrompter()
    elif stdin_tty:  # output to a pipe or a file: ask on plain lines, where the person sees it
        prompter = LinePrompter(sys.stdin, sys.stderr if sys.stderr.isatty() else sys.stdout)
    with _trace(app_ctx.env) as trace, TerminalKeys.for_stdin(**hooks) as keys:
        settings = LoopSettings(
            lang=app_ctx.lang,
            session_id=session.id if session is not None else None,
            quiet=options.quiet,
            heading=heading,
            min_redraw=0.1 if options.speed > 1 else 0.0,
            new_id=new_entry_id,
            problem=lambda: sink.problem,
            trace=trace,
        )
        with _stop_signals():
            reason = run_loop(
                controller,
                clock=SystemClock(),
                keys=keys,
                display=display,
                prompter=prompter,
                settings=settings,
                start=start,
            )
    sink.close()
    _report(reason, session, controller, app_ctx.lang)


@contextlib.contextmanager
def _stop_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP (terminal closed) stop the run like Ctrl-C, so it is saved."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _report(
    reason: StopReason, session: Session | None, controller: RunController, lang: str
) -> None:
    if reason == "interrupted":
        if session is not None:
            err().print(
                t("timer.run.interrupted", id=session.id),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        else:
            err().print(
                t("timer.run.interrupted_plain"), markup=False, highlight=False, soft_wrap=True
            )
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    if session is None:
        return
    if reason == "quit":
        out().print(
            t("timer.run.saved", id=session.id), markup=False, highlight=False, soft_wrap=True
        )
        return
    _summary(session, controller, lang)
    out().print(
        t("timer.run.finished", id=session.id), markup=False, highlight=False, soft_wrap=True
    )


def _summary(session: Session, controller: RunController, lang: str) -> None:
    """Planned and actual time per step of this run, from the journal."""
    from facilitate.ui.run_summary import summary_table

    steps = [s for s in session.state().steps if s.elapsed_seconds is not None]
    if steps:
        out().print(summary_table(steps, controller.segments, lang))
