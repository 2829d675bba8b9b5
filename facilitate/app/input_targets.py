"""Where an entry goes: which run of a session, which step and round, and that step's rules.

A session may hold several runs (Storytelling, 35:an, a coffee timer, World Café). An entry
goes to the live run's current step unless a step is named (``harvest``, ``round#4``); a step
named is looked for in the runs, latest first, and the first run that has it (with that
round) takes the entry, unless a run is named too (``--run 2``, or its id). The entry is
stamped with that run's ``run_id``. A step of the session's method that no run has started
yet takes entries too (they belong to no run).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field, replace
from typing import TYPE_CHECKING, Any

from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n.messages import Message, Translate, message
from facilitate.model.entry_rules import StepRules, step_rules
from facilitate.model.session import Run, SessionHeader
from facilitate.model.timeline import Segment
from facilitate.records import Record

if TYPE_CHECKING:  # (a method, when a step needs one, is read then: a plain note reads none)
    from facilitate.app.methods import Methods
    from facilitate.model.method import Method

_STEP_ROUND_RE = re.compile(r"^(?P<step>.+)#(?P<round>[1-9][0-9]{0,3})$")
MIN_RUN_PREFIX = 4
"""The fewest characters of a run id that may name it (``--run 3`` names it by number)."""


def split_step(given: str) -> tuple[str, int | None]:
    """``"round#4"`` -> ``("round", 4)``; ``"harvest"`` -> ``("harvest", None)``."""
    given = given.strip()
    match = _STEP_ROUND_RE.match(given)
    return (match["step"], int(match["round"])) if match else (given, None)


class StepTarget(Record):
    """Where an entry goes. ``run`` None: no run (a session without runs, or a step of its
    method not started yet); ``step`` None: the session as a whole. ``rules`` None: no method
    is known for it (only an entry's shape is checked). ``followed``: the live run's step."""

    session_id: str
    run: Run | None = None
    step: str | None = None
    round: int | None = None
    rules: StepRules | None = None
    method: Method | None = None
    segment: Segment | None = None
    segments: int = 0
    followed: bool = False
    values: Mapping[str, Any] | None = None
    """The parameter values the run's method runs with (None: no method known)."""

    @property
    def run_id(self) -> str | None:
        return self.run.run_id if self.run is not None else None

    @property
    def rounds(self) -> int | None:
        """How many rounds the step has (None: it is not repeated, or it is not known)."""
        return self.segment.rounds if self.segment is not None else None

    @property
    def label(self) -> str | None:
        """``round#4``, ``harvest``, or None for the session as a whole."""
        if self.step is None:
            return None
        return f"{self.step}#{self.round}" if self.round else self.step

    def same_place(self, other: StepTarget) -> bool:
        """True if ``other`` files entries in the same run, step and round."""
        return (self.run_id, self.step, self.round) == (other.run_id, other.step, other.round)


class RunPlan(Record):
    """One run's method, parameter values and timeline (as far as the library knows them)."""

    method: Method | None
    values: dict[str, Any] | None
    segments: tuple[Segment, ...]
    rules: dict[str, StepRules | None] = field(default_factory=dict)


class Targets:
    """The runs of one session, and the steps entries can go to."""

    def __init__(
        self,
        header: SessionHeader,
        runs: Sequence[Run],
        methods: Methods,
        plans: dict[str, RunPlan] | None = None,
    ) -> None:
        self.header = header
        self.runs = tuple(runs)
        self.methods = methods
        self._plans = plans if plans is not None else {}

    # -- runs --------------------------------------------------------------------------------

    def run_name(self, run: Run) -> Message:
        """``run 2 (35:an)``: a run's number and its method's name."""
        return _run_name(run, self._plan(run).method)

    def live_run(self) -> Run | None:
        """The last run, while it runs, or a method run stopped part-way (its current step
        takes notes); a standalone timer that was quit has ended."""
        run = self.runs[-1] if self.runs else None
        if run is None or run.current_step_run is None:
            return None
        if run.progress == "running" or (run.progress == "stopped" and not run.is_timer):
            return run
        return None

    def run_named(self, ref: str) -> Run:
        """The run ``ref`` names: its number, its id, or a unique start of its id."""
        given = ref.strip()
        found = [r for r in self.runs if given in (str(r.number), r.run_id)]
        if not found and len(given) >= MIN_RUN_PREFIX:
            found = [r for r in self.runs if r.run_id.startswith(given)]
        if len(found) == 1:
            return found[0]
        runs = Listed(items=tuple(self.run_name(r) for r in self.runs))
        raise NotFoundError(message("note.err.no_run", run=given, id=self.header.id, runs=runs))

    # -- steps -------------------------------------------------------------------------------

    def find(
        self, step: str | None = None, run: str | None = None, kind: str | None = None
    ) -> StepTarget:
        """Where an entry for ``step`` (``harvest``, ``round#4``) in ``run`` goes (see above).

        Of the runs that have the step, one whose step collects ``kind`` (a card, a score)
        comes first; a note is welcome at any step."""
        chosen = self.run_named(run) if run is not None and run.strip() else None
        if step is None or not step.strip():
            return self._current(chosen)
        step_id, round_ = split_step(step)
        candidates = (chosen,) if chosen is not None else tuple(reversed(self.runs))
        found = [
            self._target(candidate, step_id, round_, segment)
            for candidate in candidates
            if not candidate.is_timer
            and (
                (segment := self._segment(candidate, step_id, round_)) is not None
                or self._recorded(candidate, step_id, round_)
            )
        ]
        if found:
            return next((f for f in found if _collects(f, kind)), found[0])
        if chosen is not None:
            raise self._not_in_run(chosen, step_id, round_)
        if round_ is not None and any(self._segment(r, step_id, None) for r in self.runs):
            raise UsageError(self._no_round(step_id, round_))
        return self._before_any_run(step_id, round_)

    def _current(self, chosen: Run | None) -> StepTarget:
        live = self.live_run()
        run = chosen or live
        if run is None:
            return StepTarget(self.header.id)
        row = run.current_step_run
        if row is None or run.progress not in ("running", "stopped"):
            raise UsageError(message("note.err.run_not_live", run=self.run_name(run)))
        segment = self._segment(run, row.step, row.round)
        target = self._target(run, row.step, row.round, segment)
        return replace(target, followed=run is live)

    def _target(
        self, run: Run, step: str, round_: int | None, segment: Segment | None
    ) -> StepTarget:
        if round_ is None:  # a repeated step named alone: the round it is at now
            row = run.current_step_run
            round_ = row.round if row is not None and row.step == step else None
        plan = self._plan(run)
        rules = plan.rules.get(step)
        if step not in plan.rules:  # (made once per run and step: the prompt asks often)
            rules = plan.rules[step] = self._rules(plan.method, step, plan.values)
        count = len(plan.segments)
        return StepTarget(
            self.header.id,
            run,
            step,
            round_,
            rules,
            plan.method,
            segment,
            count,
            values=plan.values,
        )

    def _before_any_run(self, step: str, round_: int | None) -> StepTarget:
        """A step of the session's own method that no run has (yet), or an error."""
        from facilitate.model.expand import build_timeline
        from facilitate.model.params import resolve_params

        method = self.methods.get(self.header.method) if self.header.method else None
        values = resolve_params(method) if method is not None else None
        timeline = build_timeline(method, values) if method is not None else []
        segment = _segment_of(timeline, step, round_)
        if segment is not None:
            rules = self._rules(method, step, values)
            count = len(timeline)
            return StepTarget(
                self.header.id, None, step, round_, rules, method, segment, count, values=values
            )
        known = self.step_ids()
        if not known and method is None:  # a session without any method takes any step
            return StepTarget(self.header.id, None, step, round_)
        if step in known:
            raise UsageError(self._no_round(step, round_ or 0))
        from facilitate.model.close_names import did_you_mean

        close = did_you_mean(step, known)
        hint = message("sessions.err.did_you_mean", id=close) if close else ""
        steps = ", ".join(known)
        raise UsageError(message("sessions.err.unknown_step", step=step, hint=hint, steps=steps))

    def _not_in_run(self, run: Run, step: str, round_: int | None) -> UsageError:
        known = list(dict.fromkeys(s.step_id for s in self._plan(run).segments))
        known += [r.step for r in run.steps if r.step not in known]
        if step in known:
            return UsageError(self._no_round(step, round_ or 0))
        from facilitate.model.close_names import did_you_mean

        close = did_you_mean(step, known)
        hint = message("sessions.err.did_you_mean", id=close) if close else ""
        name, steps = self.run_name(run), ", ".join(known) or "-"
        return UsageError(
            message("note.err.step_not_in_run", run=name, step=step, hint=hint, steps=steps)
        )

    def _no_round(self, step: str, round_: int) -> Message:
        found = []
        for run in self.runs:
            rounds = [s.round for s in self._plan(run).segments if s.step_id == step and s.round]
            if rounds:
                found.append(message("note.rounds", run=self.run_name(run), last=max(rounds)))
        listed = Listed(items=tuple(found), separator="; ")
        return message("note.err.no_round", step=step, round=round_, rounds=listed)

    def step_ids(self) -> list[str]:
        """Every step id of the session's methods and runs, in order of first appearance."""
        ids = [s.step_id for _, s in self.segments()]
        if self.header.method and (method := self.methods.get(self.header.method)):
            ids += [s.id for s in method.steps]
        ids += [row.step for run in self.runs if not run.is_timer for row in run.steps]
        return list(dict.fromkeys(ids))

    def segments(self) -> Iterator[tuple[Run, Segment]]:
        """Every run's segments (steps and rounds), run by run."""
        for run in self.runs:
            for segment in self._plan(run).segments:
                yield run, segment

    # -- one run's method --------------------------------------------------------------------

    def _plan(self, run: Run) -> RunPlan:
        plan = self._plans.get(run.run_id)
        if plan is None:
            from facilitate.model.expand import build_timeline
            from facilitate.model.params import ParameterError, params_from_json

            method = None if run.is_timer else self.methods.get(run.method)
            values = None
            if method is not None:
                try:
                    values = params_from_json(method, run.params)
                except ParameterError:
                    values = None
            segments: tuple[Segment, ...] = ()
            if method is not None and values is not None:
                segments = tuple(build_timeline(method, values))
            plan = self._plans[run.run_id] = RunPlan(method, values, segments)
        return plan

    def _segment(self, run: Run, step: str, round_: int | None) -> Segment | None:
        return _segment_of(self._plan(run).segments, step, round_)

    @staticmethod
    def _recorded(run: Run, step: str, round_: int | None) -> bool:
        return any(r.step == step and (round_ is None or r.round == round_) for r in run.steps)

    @staticmethod
    def _rules(method: Method | None, step: str, values: dict[str, Any] | None) -> StepRules | None:
        if method is None or values is None:
            return None
        try:
            return step_rules(method, step, values)
        except KeyError:  # a step recorded by an older version of the method file
            return None


def _collects(target: StepTarget, kind: str | None) -> bool:
    """True if ``target``'s step declares that it collects ``kind``."""
    rules = target.rules
    return kind is not None and rules is not None and any(c.kind == kind for c in rules.collects)


def run_label(target: StepTarget) -> Message | None:
    """``run 2 (35:an)`` for the run ``target`` is in (None when it is in none)."""
    if target.run is None:
        return None
    return _run_name(target.run, target.method)


def _run_name(run: Run, method: Method | None) -> Message:
    name = InLanguage(sv=method.name.sv, en=method.name.en) if method is not None else run.method
    return message("note.run", number=run.number, method=name)


class InLanguage(Message):
    """A method file's text in both languages (a method's name), shown in the edge's."""

    key: str = ""
    sv: str = ""
    en: str = ""

    def render(self, translate: Translate) -> str:
        return self.sv if getattr(translate, "lang", "") == "sv" else self.en


class Listed(Message):
    """Messages in a list: ``run 1 (35:an), run 2 (World Café)`` ("-" when there are none)."""

    key: str = ""
    items: tuple[Message, ...] = ()
    separator: str = ", "

    def render(self, translate: Translate) -> str:
        return self.separator.join(item.render(translate) for item in self.items) or "-"


def _segment_of(segments: Sequence[Segment], step: str, round_: int | None) -> Segment | None:
    """The segment of ``step`` (its round ``round_``, or its first when None)."""
    return next(
        (s for s in segments if s.step_id == step and (round_ is None or s.round == round_)),
        None,
    )
