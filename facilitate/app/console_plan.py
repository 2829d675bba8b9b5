"""Where a planned day stands while one of its blocks runs, for the facilitator's console.

The session's runs say it all (each block's run records a plan stamp, see
:mod:`facilitate.model.plan.day`): the blocks finished so far, and the block running now,
which ends at the earliest when its planned length is over. Pure arithmetic on the model's
:func:`~facilitate.model.plan.forecast.project`; the plan file is read once per plan.
"""

from __future__ import annotations

import datetime as dt

from facilitate.app.plan_runs import read_day
from facilitate.app.plans import LoadedPlan, Plans
from facilitate.errors import FacilitateError
from facilitate.model.console import PlanOutlook
from facilitate.model.plan.day import read_stamp
from facilitate.model.plan.forecast import Actual, Projection, actuals_by_key, project
from facilitate.model.session import Run, SessionState
from facilitate.store.journal import Session


class PlanLookup:
    """The plans of a session's runs, each read once (None for one that cannot be read)."""

    def __init__(self, plans: Plans | None) -> None:
        self.plans = plans
        self._loaded: dict[tuple[str, str | None], LoadedPlan | None] = {}

    def outlook(
        self, session: Session, state: SessionState, wall: float, utc_offset: float
    ) -> PlanOutlook | None:
        """The day of the plan whose block the session's last run is (None: no plan)."""
        run = state.last_run
        stamp = read_stamp(run.params) if run is not None else None
        if run is None or stamp is None or self.plans is None:
            return None
        key = (stamp.plan, stamp.file)
        if key not in self._loaded:
            self._loaded[key] = self._load(stamp.file, stamp.plan)
        loaded = self._loaded[key]
        if loaded is None or loaded.programme.id != stamp.plan:
            return None
        try:
            projection = _projection(loaded, session, state, run, wall, utc_offset)
        except ValueError:  # the runs no longer fit the plan's blocks
            return None
        return PlanOutlook(stamp.number, stamp.blocks, projection)

    def _load(self, file: str | None, plan_id: str) -> LoadedPlan | None:
        assert self.plans is not None
        for ref in (file, plan_id):
            if ref:
                try:
                    return self.plans.find(ref)
                except (FacilitateError, OSError):
                    continue
        return None


def _projection(
    loaded: LoadedPlan,
    session: Session,
    state: SessionState,
    run: Run,
    wall: float,
    utc_offset: float,
) -> Projection:
    """The day from its finished blocks, with the running block (if any) started."""
    programme = loaded.programme
    day = read_day(loaded, session, state, run.speed)
    actuals, now = day.actuals(wall, utc_offset)
    lengths = dict(day.lengths)
    stamp = read_stamp(run.params)
    if run.progress == "running" and stamp and not day.complete and day.block.key == stamp.block:
        if run.speed > 1:  # a rehearsal's day clock runs with its blocks
            start, now = now, now + _method_seconds(run, wall)
        else:
            start = _clock_seconds(run.steps[0].started_at if run.steps else run.started_at)
        actuals.append(Actual(stamp.block, start, None))
        lengths[stamp.block] = stamp.seconds
    return project(programme, actuals_by_key(programme, actuals), now, lengths)


def _method_seconds(run: Run, wall: float) -> float:
    """Method seconds the run has taken so far (the steps ended, and the current one)."""
    from facilitate.model.session import time_left

    done = sum(step.elapsed_seconds or 0.0 for step in run.steps)
    current = run.current_step_run
    left = time_left(run, wall)
    if current is not None and current.elapsed_seconds is None and left is not None:
        total = (current.planned_seconds or 0.0) + current.adjusted_seconds
        done += max(0.0, total - left)
    return done


def _clock_seconds(at: str) -> float:
    """A journal time (local, with its offset) as seconds since that day's midnight."""
    moment = dt.datetime.fromisoformat(at)
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6
