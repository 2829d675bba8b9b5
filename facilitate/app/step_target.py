"""Which run and which step of it a command means: ``--step round#2`` and ``--run 2``.

A session may run several methods (a plan's day), so a step is looked for in the runs, the
latest first; ``--run N`` names a run by its number. A session whose method has not been run
yet (the cards of a 35:an typed in afterwards) takes the header's method, with no run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from facilitate.app.input_targets import split_step
from facilitate.app.methods import Methods
from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n.messages import message
from facilitate.model.entry_rules import StepRules, step_rules
from facilitate.model.expand import step_rounds
from facilitate.model.method import Method
from facilitate.model.method_checks import did_you_mean
from facilitate.model.params import ParameterError, params_from_json, resolve_params
from facilitate.model.scoring import scoring_rules
from facilitate.model.scoring_types import CardRules, PairSplitRules, RatingRules
from facilitate.model.session import Run, SessionHeader, SessionState


@dataclass(frozen=True)
class RunTarget:
    """A run (None: the header's method, not run yet), its method and parameter values."""

    run: Run | None
    method: Method
    values: Mapping[str, Any]

    @property
    def run_id(self) -> str | None:
        return self.run.run_id if self.run is not None else None

    @property
    def number(self) -> int | None:
        return self.run.number if self.run is not None else None

    def card_rules(self) -> CardRules | None:
        """The rules by which the method scores its cards (its pair split or rating), if any."""
        for step in self.method.steps:
            for collect in step.collect:
                if collect.kind in ("pair_split", "rating"):
                    rules = scoring_rules(self.method, collect, self.values)
                    if isinstance(rules, PairSplitRules | RatingRules):
                        return rules
        return None


@dataclass(frozen=True)
class StepTarget:
    """A step of a run: its id, the round ``#N`` named, its rules and number of rounds."""

    target: RunTarget
    step: str
    round: int | None
    rules: StepRules
    rounds: int | None


def method_runs(state: SessionState) -> list[Run]:
    """The session's runs of methods (standalone timers left out), in order."""
    return [run for run in state.runs if not run.is_timer]


def run_target(
    header: SessionHeader, state: SessionState, methods: Methods, number: int
) -> RunTarget:
    """Run ``number`` of the session (UsageError when there is no such method run)."""
    runs = {run.number: run for run in method_runs(state)}
    run = runs.get(number)
    if run is None:
        numbers = ", ".join(str(n) for n in runs) or "-"
        raise UsageError(message("harvest.err.no_run", number=number, id=header.id, runs=numbers))
    return _with_method(run, run.method, methods)


def _with_method(run: Run | None, method_id: str, methods: Methods) -> RunTarget:
    method = methods.get(method_id)
    if method is None:
        raise NotFoundError(message("harvest.err.method_gone", method=method_id))
    try:
        values = params_from_json(method, run.params) if run is not None else resolve_params(method)
    except ParameterError as error:
        raise UsageError(message(error.key, **error.params)) from None
    return RunTarget(run, method, values)


def session_targets(
    header: SessionHeader, state: SessionState, methods: Methods
) -> list[RunTarget]:
    """Every method run of the session whose method the library has, else the header's method."""
    targets = []
    for run in method_runs(state):
        if methods.get(run.method) is not None:
            targets.append(_with_method(run, run.method, methods))
    if not targets and header.method and methods.get(header.method) is not None:
        targets.append(_with_method(None, header.method, methods))
    return targets


def step_target(
    header: SessionHeader,
    state: SessionState,
    methods: Methods,
    given: str,
    number: int | None = None,
) -> StepTarget:
    """The step ``given`` (``round#2``) in run ``number``, else in the latest run that has it."""
    step_id, round_ = split_step(given)
    if number is not None:
        candidates = [run_target(header, state, methods, number)]
    else:
        candidates = list(reversed(session_targets(header, state, methods)))
    for target in candidates:
        step = next((s for s in target.method.steps if s.id == step_id), None)
        if step is not None:
            rules = step_rules(target.method, step_id, target.values)
            rounds = step_rounds(step, dict(target.values))
            if round_ is not None and (rounds is None or round_ > rounds):
                raise UsageError(
                    message(
                        "harvest.err.no_such_round", step=step_id, round=round_, rounds=rounds or 0
                    )
                )
            return StepTarget(target, step_id, round_, rules, rounds)
    known = list(dict.fromkeys(s.id for c in candidates for s in c.method.steps))
    if not candidates:
        raise UsageError(message("harvest.err.no_method", id=header.id))
    close = did_you_mean(step_id, known)
    hint = message("sessions.err.did_you_mean", id=close) if close else ""
    raise UsageError(
        message("sessions.err.unknown_step", step=step_id, hint=hint, steps=", ".join(known))
    )
