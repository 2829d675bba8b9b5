"""The facilitator's console: a session followed live, and its run's keys sent to it.

:class:`ConsoleFeed` follows the session's journal incrementally (only what is new, one
``stat`` when nothing changed) and gives a pure :class:`ConsoleSnapshot` at any wall time:
the step the run is at and its time left (from the run's last timer mark, as the projector
counts), the planned day's outlook, the latest entries. Keys go to the live run through its
control channel (:func:`send_control`); the run, the only writer of timer events, records
them. Nothing here prints or reads keys.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from facilitate.app.console_plan import PlanLookup
from facilitate.app.control import COMMANDS, send_control
from facilitate.app.methods import Methods
from facilitate.app.plans import Plans
from facilitate.errors import FacilitateError, MessageLike
from facilitate.model.console import (
    ConsoleEntry,
    ConsoleSnapshot,
    ConsoleStep,
    PlanOutlook,
)
from facilitate.model.expand import build_timeline
from facilitate.model.params import ParameterError, params_from_json
from facilitate.model.plan.day import PLAN_KEY
from facilitate.model.session import Entry, Run, SessionFolder, SessionState, time_left
from facilitate.model.timeline import Segment
from facilitate.store.control import send_line
from facilitate.store.follow import FollowedFold
from facilitate.store.journal import Session, SessionStore

__all__ = [
    "COMMANDS",
    "ConsoleEntry",
    "ConsoleFeed",
    "ConsoleSnapshot",
    "ConsoleStep",
    "PlanOutlook",
    "open_console",
    "send_control",
]

RECENT = 40
"""How many of the latest entries a snapshot holds (the view shows as many as fit)."""


class ConsoleFeed:
    """Session ``session`` followed from its journal for the console (see the module text)."""

    def __init__(
        self,
        session: Session,
        methods: Methods | None = None,
        plans: Plans | None = None,
        *,
        recent: int = RECENT,
    ) -> None:
        self.session = session
        self.methods = methods
        self.recent = recent
        self._fold = FollowedFold(session.follow())
        self._plans = PlanLookup(plans)
        self._segments: dict[str, list[Segment] | None] = {}
        self._state: SessionState | None = None
        self.live = False

    def update(self) -> bool:
        """Read what the journal gained, then whether a run is live; True if anything changed.

        The journal is read first: a run takes the run lock before it writes, so a run seen
        running is never taken for one that crashed."""
        changed = self._read()
        live = self.session.is_live()
        changed, self.live = changed or live != self.live, live
        return changed

    @property
    def problem(self) -> MessageLike:
        """Why the journal cannot be read just now ("" when it can)."""
        return self._fold.problem

    @property
    def _folder(self) -> SessionFolder:
        return self._fold.folder

    def _read(self) -> bool:
        changed = self._fold.poll()
        if changed:
            self._state = None
        return changed is not False  # a problem is shown, so it changes the screen

    def send(self, command: str) -> bool:
        """Give ``command`` to the live run; True if a run took it."""
        return send_line(self.session.path, command)

    def state(self) -> SessionState:
        """The runs as folded so far (entries are read from the fold itself)."""
        if self._state is None:
            runs = tuple(run.result() for run in self._folder.runs)
            self._state = SessionState(header=self.session.header, runs=runs)
        return self._state

    def snapshot(self, wall: float, utc_offset: float) -> ConsoleSnapshot:
        """The console's view at ``wall`` (epoch seconds) in a zone ``utc_offset`` ahead."""
        state = self.state()
        run = state.last_run
        header = self.session.header
        plan = self._plans.outlook(self.session, state, wall, utc_offset) if run else None
        return ConsoleSnapshot(
            session_id=self.session.id,
            title=header.title,
            language=header.language,
            live=self.live,
            progress=self._progress(run),
            method=run.method if run is not None else "",
            step=self._step(run, wall) if run is not None else None,
            entries=self._entries(),
            entry_count=len(self._folder.entries),
            plan=plan,
            wall=wall,
            utc_offset=utc_offset,
        )

    def _progress(self, run: Run | None) -> str:
        """The last run's progress; one still "running" with no run live has stopped."""
        if run is None:
            return "none"
        return "stopped" if run.progress == "running" and not self.live else run.progress

    def _entries(self) -> tuple[ConsoleEntry, ...]:
        latest = islice(reversed(self._folder.entries.values()), self.recent)
        return tuple(_console_entry(entry) for entry in latest)

    def _step(self, run: Run, wall: float) -> ConsoleStep | None:
        index = run.current_index
        if index is None:
            return None
        row = run.current_step_run
        segments = self._run_segments(run)
        segment = segments[index] if segments and index < len(segments) else None
        following = segments[index + 1] if segments and index + 1 < len(segments) else None
        point = run.resume_point
        if self.live:
            left = time_left(run, wall)
        else:  # as the run was left (a run that crashed counts down no more)
            left = point.remaining_seconds if point is not None else None
        mark = run.timer_mark
        paused = bool(mark and mark.paused and mark.index == index and left is not None)
        total = None
        if row is not None and row.planned_seconds is not None:
            total = row.planned_seconds + row.adjusted_seconds
        title = row.name if row is not None else (segment.label if segment else f"#{index + 1}")
        round_ = row.round if row is not None else (segment.round if segment else None)
        return ConsoleStep(
            index, run.segments, title, round_, left, total, paused, run.speed, segment, following
        )

    def _run_segments(self, run: Run) -> list[Segment] | None:
        """The run's timeline from its method and recorded values (once per run)."""
        if run.run_id not in self._segments:
            self._segments[run.run_id] = _timeline(self.methods, run)
        return self._segments[run.run_id]


def _timeline(methods: Methods | None, run: Run) -> list[Segment] | None:
    if methods is None or run.is_timer:
        return None
    method = methods.get(run.method)
    if method is None:
        return None
    values: dict[str, Any] = {k: v for k, v in run.params.items() if k != PLAN_KEY}
    try:
        segments = build_timeline(method, params_from_json(method, values))
    except (ParameterError, FacilitateError, ValueError):
        return None
    return segments if len(segments) == run.segments else None


def _console_entry(entry: Entry) -> ConsoleEntry:
    step = entry.step
    if step is not None and entry.round:
        step = f"{step}#{entry.round}"
    dims = tuple(sorted(entry.dims.items()))
    return ConsoleEntry(entry.added_seq, entry.kind, step, dims, entry.author, entry.text)


def open_console(
    store: SessionStore,
    session_ref: str,
    *,
    methods: Methods | None = None,
    plans: Plans | None = None,
) -> ConsoleFeed:
    """The console's feed of session ``session_ref`` (NotFoundError for an unknown one),
    read up to now."""
    feed = ConsoleFeed(store.open(session_ref), methods, plans)
    feed.update()
    return feed
