"""Live runs: start a method or a timer, resume a stopped run, refuse to bury one.

Each use case is a context manager that holds the session's run lock for the whole run and
yields a :class:`LiveRun`: the run controller, wired to the session's journal, ready for a
terminal (or a web page) to drive. Nothing here prints, reads keys or draws.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from facilitate.app.authors import Author, signature
from facilitate.app.journal_sink import JournalSink
from facilitate.app.methods import Methods, ParamOverrides, resolve_values
from facilitate.app.run_options import RunOptions
from facilitate.app.run_rules import recording_language, refuse_stopped_run
from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n import Translator
from facilitate.i18n.messages import Message, message
from facilitate.library.user_text import checked_optional
from facilitate.model.events import Event
from facilitate.model.expand import build_timeline
from facilitate.model.method import MAX_STEP_MINUTES
from facilitate.model.params import ParameterError, params_from_json, params_to_json
from facilitate.model.resume import resume_problem
from facilitate.model.run import RunController, standalone_segment
from facilitate.model.session import TIMER_METHOD, ResumePoint, SessionState, StepRun
from facilitate.model.timeline import Segment
from facilitate.model.timer import parse_clock, parse_duration, until_epoch
from facilitate.store.journal import Session, SessionStore, new_entry_id

DEFAULT_TIMER_WARNINGS = (120.0, 30.0)


class WallClock(Protocol):
    """The wall clock a run reads: the time, and the local UTC offset at a time."""

    def time(self) -> float: ...

    def utc_offset(self, wall: float) -> float: ...


@dataclass
class LiveRun:
    """A run ready to be driven: its controller, the session it records to, what to show.

    ``start`` is None for a fresh run, else where a resumed run continues (the live loop's
    ``start``: actual seconds per step, index, remaining seconds, paused).
    """

    controller: RunController
    sink: JournalSink
    session: Session | None
    heading: str
    start: dict[str, Any] | None = None
    new_id: Callable[[], str] = new_entry_id

    def finished_steps(self) -> list[StepRun]:
        """The steps this session has timed so far (for the summary after a run)."""
        if self.session is None:
            return []
        return [s for s in self.session.state().steps if s.elapsed_seconds is not None]


@contextlib.contextmanager
def start_method_run(
    store: SessionStore,
    methods: Methods,
    method_id: str,
    *,
    params: ParamOverrides,
    session_id: str | None,
    lang: str,
    author: str | Author,
    options: RunOptions,
    clock: WallClock,
) -> Iterator[LiveRun]:
    """Run method ``method_id`` in session ``session_id`` (a new session when None).

    ``lang`` is the language shown (the heading); a new session is held in it. The step
    titles are recorded in the session's language. The resolved parameter values are
    recorded, so a resume runs with exactly these.
    """
    method = methods.find(method_id).method
    values = resolve_values(method, params)
    segments = build_timeline(method, values)
    if session_id:
        session = store.open(session_id)
    else:
        session = store.create(title=method.name.get(lang), method=method.id, language=lang)
    with session.run_lock():
        if session_id:
            refuse_stopped_run(session)
        sink = JournalSink(session, signature(author, session.header))
        values_json = params_to_json(values)
        controller = make_controller(
            segments,
            sink,
            method.id,
            values_json,
            options,
            lang=recording_language(session, lang),
            clock=clock,
            run_id=new_run_id(),
        )
        yield LiveRun(controller, sink, session, method.name.get(lang))


@contextlib.contextmanager
def start_timer_run(
    store: SessionStore,
    duration: str | None,
    *,
    title: str | None,
    until: str | None,
    session_id: str | None,
    author: str | Author,
    options: RunOptions,
    clock: WallClock,
    lang: str,
) -> Iterator[LiveRun]:
    """One countdown (``duration`` like "5m", or ``until`` "HH:MM"), recorded only in a session."""
    title = checked_optional(title, "title")  # no control characters, not invisible
    if duration is None and until is None:
        raise UsageError(message("timer.err.timer_needs_time"))
    if duration is not None and until is not None:
        raise UsageError(message("timer.err.timer_both"))
    seconds = None if duration is None else countdown_seconds(duration)
    if until is not None:
        check_until(until, clock)
    params: dict[str, Any] = {"seconds": seconds, "until": until, "title": title}
    if options.warnings is not None:
        params["warnings"] = list(options.warnings)
    session = store.open(session_id) if session_id else None
    with session.run_lock() if session else contextlib.nullcontext():
        if session is not None:
            refuse_stopped_run(session)
        sink = JournalSink(session, signature(author, session.header if session else None))
        record_lang = recording_language(session, lang)
        segment = timer_segment(params, record_lang)
        controller = make_controller(
            [segment],
            sink,
            TIMER_METHOD,
            params,
            options,
            lang=record_lang,
            clock=clock,
            run_id=new_run_id(),
        )
        yield LiveRun(controller, sink, session, "")


@contextlib.contextmanager
def resume_run(
    store: SessionStore,
    methods: Methods,
    session_id: str,
    *,
    lang: str,
    author: str | Author,
    options: RunOptions,
    clock: WallClock,
) -> Iterator[LiveRun]:
    """Continue the session's stopped run with its remaining time (UsageError if none).

    ``lang`` is the language shown; step titles are recorded in the session's language.
    """
    session = store.open(session_id)
    with session.run_lock():
        state = session.state()
        record_lang = recording_language(session, lang)
        segments, heading, start = _resumable(
            methods, session.id, state, lang, record_lang=record_lang
        )
        sink = JournalSink(session, signature(author, session.header))
        run_id = state.last_run.run_id if state.last_run else None  # a resumed run keeps its id
        method_id, params = state.method or "", dict(state.params)
        controller = make_controller(
            segments, sink, method_id, params, options, lang=record_lang, clock=clock, run_id=run_id
        )
        yield LiveRun(controller, sink, session, heading, start)


def _resumable(
    methods: Methods, session_id: str, state: SessionState, lang: str, *, record_lang: str
) -> tuple[list[Segment], str, dict[str, Any]]:
    """The stopped run's timeline, its heading (in ``lang``) and where it continues
    (UsageError if none); an untitled timer is called "Timer" in ``record_lang``."""
    if state.method is None:
        raise UsageError(message("timer.err.nothing_to_resume", id=session_id))
    point = state.resume_point
    if point is None:
        raise UsageError(message("timer.err.resume_finished", id=session_id))
    heading = ""
    if state.method == TIMER_METHOD:
        segments = [timer_segment(state.params, record_lang)]
    else:
        segments, heading = _method_segments(methods, session_id, state, lang)
    check_resume_point(session_id, state.method, point, segments)
    start = {
        "actual": actual_seconds(state.steps),
        "index": point.index,
        "remaining": point.remaining_seconds,
        "paused": point.paused,
        "fresh": False,
    }
    return segments, heading, start


def check_resume_point(
    session_id: str, method: str, point: ResumePoint, segments: list[Segment]
) -> None:
    """UsageError naming the step when the method no longer has it where the run stopped."""
    problem = resume_problem(point, segments)
    if problem is None:
        return
    moved: Message | str = ""
    if problem.moved_to is not None:
        moved = message("resume.moved", step=problem.step, number=problem.moved_to)
    raise UsageError(
        message(
            f"resume.err.{problem.code}",
            id=session_id,
            method=method,
            step=problem.step or f"#{problem.number}",
            moved=moved,
            number=problem.number,
            total=problem.total,
            found=problem.found,
        )
    )


def countdown_seconds(duration: str) -> float:
    """The seconds of a timer's DURATION, at most as long as a method step may be."""
    try:
        seconds = parse_duration(duration)
    except ValueError:
        raise UsageError(message("timer.err.bad_duration", value=duration)) from None
    if seconds > MAX_STEP_MINUTES * 60:
        raise UsageError(message("timer.err.too_long", value=duration))
    return seconds


def check_until(until: str, clock: WallClock) -> None:
    """``until`` must be a clock time still ahead (within 12 h), not one that has passed."""
    try:
        parse_clock(until)
    except ValueError:
        raise UsageError(message("timer.err.bad_until", value=until)) from None
    wall = clock.time()
    offset = clock.utc_offset(wall)
    if until_epoch(until, wall, offset) <= wall:
        local = int(wall + offset)
        now = f"{local // 3600 % 24:02d}:{local // 60 % 60:02d}"
        raise UsageError(message("timer.err.until_past", clock=until, now=now))


def timer_segment(params: dict[str, Any], lang: str) -> Segment:
    """The one segment of a standalone timer, from its recorded parameters; untitled, it is
    called "Timer" in ``lang``."""
    warnings = params.get("warnings")
    return standalone_segment(
        params.get("seconds"),
        params.get("title") or Translator(lang)("timer.default_title"),
        until=params.get("until"),
        warnings=tuple(warnings) if warnings is not None else DEFAULT_TIMER_WARNINGS,
    )


def _method_segments(
    methods: Methods, session_id: str, state: SessionState, lang: str
) -> tuple[list[Segment], str]:
    """The timeline a stopped method run resumes on (its recorded values), and its name."""
    method_id = state.method or ""
    try:
        method = methods.find(method_id).method
    except NotFoundError:
        raise NotFoundError(
            message("timer.err.resume_gone", id=session_id, method=method_id)
        ) from None
    try:
        values = params_from_json(method, state.params)
    except ParameterError as error:
        raise UsageError(Message(error.key, dict(error.params))) from None
    return build_timeline(method, values), method.name.get(lang)


def actual_seconds(steps: tuple[StepRun, ...]) -> dict[int, float]:
    actual: dict[int, float] = {}
    for step in steps:
        if step.elapsed_seconds is not None:
            actual[step.index] = actual.get(step.index, 0.0) + step.elapsed_seconds
    return actual


def make_controller(
    segments: list[Segment],
    emit: Callable[[Event], None],
    method_id: str,
    params: dict[str, Any],
    options: RunOptions,
    *,
    lang: str,
    clock: WallClock,
    run_id: str | None,
) -> RunController:
    """The run's controller; ``lang`` is the language of the step titles it records, and
    ``run_id`` the run's identity, on every event it records."""
    return RunController(
        segments,
        emit,
        method_id=method_id,
        params=params,
        speed=options.speed,
        warnings=options.warnings,
        auto_advance=options.auto_advance,
        utc_offset=clock.utc_offset(clock.time()),
        lang=lang,
        run_id=run_id,
    )


def new_run_id() -> str:
    """A new run's id: unique across laptops without coordination."""
    return uuid.uuid4().hex
