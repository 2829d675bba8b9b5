"""Running a workshop plan: the day block by block, in one session, each block a run.

:func:`open_day` holds the session's run lock for the whole day and yields a
:class:`PlanDay`, read back from the session's journal (the plan stamps of its runs, see
:mod:`facilitate.model.plan.day`): which blocks are done, which one stopped, the lengths
accepted so far. A terminal asks it for the day as it now looks (:meth:`PlanDay.replan`),
accepts proposals, and starts each block's run (:meth:`PlanDay.block_run`), a
:class:`~facilitate.app.runs.LiveRun` like any other. Nothing here prints or reads keys.

The day's clock: at real speed the local wall clock; in a rehearsal (``--speed N``) the
plan's own clock, which starts at the plan's start and runs only while blocks run
(:func:`facilitate.model.plan.day.rehearsal_actuals`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitate.app.authors import Author, signature
from facilitate.app.journal_sink import JournalSink
from facilitate.app.methods import Methods
from facilitate.app.plans import LoadedPlan, Plans
from facilitate.app.run_options import RunOptions
from facilitate.app.run_rules import recording_language, refuse_stopped_run
from facilitate.app.runs import (
    LiveRun,
    WallClock,
    actual_seconds,
    check_resume_point,
    make_controller,
    new_run_id,
    timer_segment,
)
from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n.messages import message
from facilitate.library.files import read_text_file
from facilitate.model.params import params_to_json
from facilitate.model.plan import Actual, PlannedBlock, Programme, Proposal, Replan, accept
from facilitate.model.plan import replan as replan_day
from facilitate.model.plan.day import (
    PLAN_KEY,
    block_segments,
    read_stamp,
    rehearsal_actuals,
    stamp_data,
)
from facilitate.model.session import TIMER_METHOD, Run, SessionState
from facilitate.model.timeline import Segment
from facilitate.store.journal import Session, SessionStore

DAY = 24 * 3600.0
_PLAN_TEXT = re.compile(r"^blocks\s*:", re.MULTILINE)


def is_plan(ref: str, methods: Methods, plans: Plans) -> bool:
    """Does ``facilitate run REF`` mean a plan? A method id (or file) wins, as it always
    has; a file with a top-level ``blocks:`` is a plan, and so is an id no method has."""
    path = plans.cwd / ref
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return bool(_PLAN_TEXT.search(read_text_file(path, ref)))
    if methods.get(ref) is not None:
        return False
    try:
        plans.find(ref)
    except NotFoundError:
        return False  # the method's "unknown method" error says it best
    return True


def plan_of_session(store: SessionStore, session_id: str) -> str | None:
    """The plan (its file if it still exists, else its id) whose block the session's last
    run was, or None when the last run is no plan's block."""
    run = store.open(session_id).state().last_run
    stamp = read_stamp(run.params) if run is not None else None
    if stamp is None:
        return None
    if stamp.file and Path(stamp.file).is_file():
        return stamp.file
    return stamp.plan


@dataclass
class PlanDay:
    """A planned day in a session: what is done, what stopped, what comes."""

    loaded: LoadedPlan
    session: Session
    speed: float
    lengths: dict[str, float] = field(default_factory=dict)
    done: list[tuple[str, Run]] = field(default_factory=list)
    stopped: Run | None = None

    @property
    def programme(self) -> Programme:
        return self.loaded.programme

    @property
    def position(self) -> int:
        """The index of the block that runs next (or continues)."""
        return len(self.done)

    @property
    def complete(self) -> bool:
        return self.position >= len(self.programme.blocks)

    @property
    def block(self) -> PlannedBlock:
        return self.programme.blocks[self.position]

    def actuals(self, wall: float, utc_offset: float) -> tuple[list[Actual], float]:
        """The done blocks' actual times on the day's clock, and the day's clock now."""
        if self.speed > 1:
            lengths = [(key, _run_seconds(run)) for key, run in self.done]
            return rehearsal_actuals(self.programme, lengths)
        actuals = [Actual(key, *_run_times(run)) for key, run in self.done]
        return actuals, (wall + utc_offset) % DAY

    def replan(self, wall: float, utc_offset: float) -> Replan:
        """The day as it now looks (the next block not yet started) and what to shorten."""
        actuals, now = self.actuals(wall, utc_offset)
        return replan_day(self.programme, actuals, now, self.lengths)

    def accept(self, proposal: Proposal) -> None:
        """Take the proposal's lengths; the next block's run records them."""
        self.lengths = accept(self.lengths, proposal)

    def block_run(
        self,
        *,
        heading: str,
        lang: str,
        author: str | Author,
        options: RunOptions,
        clock: WallClock,
    ) -> LiveRun:
        """The next block's run: the stopped one continued, else a new run of the block.

        ``heading`` names the block in the live view; ``lang`` is the language shown."""
        record_lang = recording_language(self.session, lang)
        sink = JournalSink(self.session, signature(author, self.session.header))
        block = self.block
        if self.stopped is not None:
            run = self.stopped
            stamp = read_stamp(run.params)
            seconds = stamp.seconds if stamp else block.seconds
            segments = self._segments(block, seconds, run.params, record_lang)
            point = run.resume_point
            if point is None:  # never happens for a stopped run; the fold guarantees it
                raise UsageError(message("timer.err.resume_finished", id=self.session.id))
            check_resume_point(self.session.id, run.method, point, segments)
            start: dict[str, Any] | None = {
                "actual": actual_seconds(run.steps),
                "index": point.index,
                "remaining": point.remaining_seconds,
                "paused": point.paused,
                "fresh": False,
            }
            method_id, params, run_id = run.method, dict(run.params), run.run_id
        else:
            seconds = self.lengths.get(block.key, block.seconds)
            params = self._params(block, seconds, clock, record_lang)
            segments = self._segments(block, seconds, params, record_lang)
            method_id = (block.method_id if block.kind == "method" else None) or TIMER_METHOD
            start, run_id = None, new_run_id()
        controller = make_controller(
            segments,
            sink,
            method_id,
            params,
            options,
            lang=record_lang,
            clock=clock,
            run_id=run_id,
        )
        return LiveRun(controller, sink, self.session, heading, start)

    def _params(
        self, block: PlannedBlock, seconds: float, clock: WallClock, record_lang: str
    ) -> dict[str, Any]:
        wall = clock.time()
        projection = self.replan(wall, clock.utc_offset(wall)).projection
        start = next(b.start for b in projection.blocks if b.key == block.key)
        file = str(self.loaded.path.resolve())
        stamp = stamp_data(
            self.programme, block, seconds=seconds, start=start, lengths=self.lengths, file=file
        )
        if block.kind == "method":
            return {**params_to_json(dict(block.values)), PLAN_KEY: stamp}
        title = block.title.get(record_lang)
        return {"seconds": seconds, "until": None, "title": title, PLAN_KEY: stamp}

    def _segments(
        self, block: PlannedBlock, seconds: float, params: dict[str, Any], record_lang: str
    ) -> list[Segment]:
        if block.kind == "method":
            return block_segments(block, seconds)
        return [timer_segment(params, record_lang)]

    def finished_block(self, run: Run) -> None:
        """Note that the block just run has finished (its run as the journal now has it)."""
        self.done.append((self.block.key, run))
        self.stopped = None


@contextlib.contextmanager
def open_day(
    store: SessionStore,
    plans: Plans,
    ref: str,
    *,
    session_id: str | None,
    lang: str,
    speed: float,
) -> Iterator[PlanDay]:
    """The day of plan ``ref`` in session ``session_id`` (a new session when None), with the
    session's run lock held until the day stops. UsageError when the day is complete."""
    loaded = plans.find(ref)
    programme = loaded.programme
    if session_id:
        session = store.open(session_id)
    else:
        title = programme.title.get(lang)
        session = store.create(
            title=title, language=lang, plan=programme.id, place=programme.place or ""
        )
    with session.run_lock():
        day = read_day(loaded, session, session.state(), speed)
        if day.complete:
            raise UsageError(message("plan_run.err.complete", id=session.id, plan=programme.id))
        if day.stopped is None:
            refuse_stopped_run(session)
        yield day


def read_day(loaded: LoadedPlan, session: Session, state: SessionState, speed: float) -> PlanDay:
    """The day so far from the session's runs of this plan: the blocks finished in order,
    and the block whose run stopped (continued by the next run)."""
    programme = loaded.programme
    latest: dict[str, Run] = {}
    lengths: dict[str, float] = {}
    for run in state.runs:
        stamp = read_stamp(run.params)
        if stamp is not None and stamp.plan == programme.id:
            latest[stamp.block] = run
            lengths = stamp.lengths
    day = PlanDay(loaded, session, speed, dict(lengths))
    for block in programme.blocks:
        found = latest.get(block.key)
        if found is None:
            break
        if found.progress == "finished":
            day.done.append((block.key, found))
            continue
        if found.resume_point is not None:  # stopped (a quit timer too): it continues
            day.stopped = found
        break
    return day


def _run_seconds(run: Run) -> float:
    """The time a finished block's steps took (method seconds, so rehearsal time)."""
    return sum(step.elapsed_seconds or 0.0 for step in run.steps)


def _run_times(run: Run) -> tuple[float, float]:
    """A finished block's start and end on the local clock, from its journal times."""
    start = _clock_seconds(run.steps[0].started_at if run.steps else run.started_at)
    ended = next((s.ended_at for s in reversed(run.steps) if s.ended_at), None)
    end = _clock_seconds(ended) if ended else start + _run_seconds(run)
    return start, max(start, end)


def _clock_seconds(at: str) -> float:
    """A journal time (local, with its offset) as seconds since that day's midnight."""
    moment = dt.datetime.fromisoformat(at)
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
