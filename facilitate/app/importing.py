"""Importing a file into a session: every row checked, then all of it recorded, or nothing.

:func:`import_file` reads the file (:mod:`facilitate.library.import_files`), plans the entries
at the step (:func:`facilitate.model.import_plan.plan_import`), and, unless it is a dry run,
appends them in one batch (:meth:`~facilitate.store.session.Session.append_many`: one lock,
one fsync). A file with any bad row imports nothing: the problems come back as an
:class:`~facilitate.errors.InvalidFileError`, one line each naming file, line, column and
problem. Entry ids are made from the rows, so a file imported again adds nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import Any

from facilitate.app.authors import Author, signature
from facilitate.app.import_rows import file_problems, recorded_input
from facilitate.app.input_targets import Targets
from facilitate.app.methods import Methods
from facilitate.errors import InvalidFileError, MessageLike, NotFoundError, Problem, UsageError
from facilitate.i18n.messages import message
from facilitate.i18n.record_text import ProblemNote
from facilitate.library.import_files import ImportFile, read_import_file
from facilitate.model.entries import EntryKind
from facilitate.model.entry_check import EntryDraft, check_entry, check_kind
from facilitate.model.entry_rules import StepRules, step_rules
from facilitate.model.events import EntryAdded, Recorded
from facilitate.model.import_columns import Layout, LayoutError, layout_for, text_layout
from facilitate.model.import_plan import plan_import
from facilitate.model.import_types import (
    ImportPlan,
    ImportTarget,
    Planned,
)
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.method import Method
from facilitate.model.scoring import scoring_rules
from facilitate.model.scoring_types import (
    CardRules,
    PairSplitRules,
    RatingRules,
)
from facilitate.model.session import Run, SessionHeader, SessionState
from facilitate.records import Record
from facilitate.store.store import SessionStore

IMPORT_ROLE = "importer"


class ImportRequest(Record):
    """What to import where: the file, the step (``round#2``), the run's number, dimension
    values for every row (``dim=value``), the kind and the format when not the file's own."""

    path: Path
    step: str
    run: int | None = None
    dims: Sequence[str] = ()
    kind: str | None = None
    format: str | None = None
    dry_run: bool = False


class ImportPlace(Record):
    """The step rows go to, with what they are checked against: the run (None: the
    session's method, not run yet), the round named, its method, values and rules."""

    run: Run | None
    step: str
    round: int | None
    rounds: int | None
    method: Method
    values: Mapping[str, Any]
    rules: StepRules

    @property
    def run_id(self) -> str | None:
        return self.run.run_id if self.run is not None else None


class ImportOutcome(Record):
    """What an import did (or, dry, would do): the new entries, how many rows were imported
    before, the records written, and where (session, run, step, the step's rules)."""

    session_id: str
    file: ImportFile
    target: ImportPlace
    plan: ImportPlan
    records: list[Recorded] = field(default_factory=list)
    warnings: list[MessageLike] = field(default_factory=list)

    @property
    def dry_run(self) -> bool:
        return not self.records

    def counts(self) -> dict[str, dict[str, int]]:
        """The new entries counted along each dimension (``round`` too), in order of first use."""
        return dimension_counts(self.plan.new)


def dimension_counts(planned: Sequence[Planned]) -> dict[str, dict[str, int]]:
    """How many of ``planned`` have each value of each dimension (and of ``round``)."""
    counts: dict[str, dict[str, int]] = {}
    for item in planned:
        values = dict(item.entry.dims)
        if item.round is not None:
            values["round"] = str(item.round)
        for dim, value in values.items():
            by_value = counts.setdefault(dim, {})
            by_value[value] = by_value.get(value, 0) + 1
    return counts


def import_file(
    store: SessionStore,
    methods: Methods,
    session_ref: str,
    request: ImportRequest,
    *,
    author: str | Author,
) -> ImportOutcome:
    """Check every row of the file and record the new entries in one batch (see the module)."""
    session = store.open(session_ref)
    name = signature(author, session.header)
    state = session.state()
    kind = _kind(request.kind)
    where = import_target(session.header, state, methods, request, kind)
    source = read_import_file(request.path, str(request.path), request.format)
    layout = _layout(source, where, kind)
    target = ImportTarget(
        where.rules,
        where.run_id,
        where.round,
        where.rounds,
        card_rules(where),
        _dims(request.dims, where),
    )
    plan = plan_import(layout, source.rows, target, recorded_input(state, where.run_id))
    if plan.problems:
        raise InvalidFileError(file_problems(source, plan.problems))
    outcome = ImportOutcome(session.id, source, where, plan, warnings=list(session.warnings))
    if request.dry_run or not plan.new:
        return outcome
    events = [_event(item, where) for item in plan.new]
    records = session.append_many(events, author=name, role=IMPORT_ROLE)
    return ImportOutcome(session.id, source, where, plan, records, list(session.warnings))


def import_target(
    header: SessionHeader,
    state: SessionState,
    methods: Methods,
    request: ImportRequest,
    kind: EntryKind | None,
) -> ImportPlace:
    """The step (``round#2``) of run ``request.run``, else of the latest run that has it,
    with its method's rules: rows are checked against those."""
    run = str(request.run) if request.run is not None else None
    where = Targets(header, state.runs, methods).find(request.step, run, kind)
    if where.method is None and where.run is not None:
        raise NotFoundError(message("harvest.err.method_gone", method=where.run.method))
    if where.method is None:
        raise UsageError(message("harvest.err.no_method", id=header.id))
    if where.rules is None:  # recorded by an older version of the method file
        steps = ", ".join(s.id for s in where.method.steps)
        said = message("sessions.err.unknown_step", step=where.step, hint="", steps=steps)
        raise UsageError(said)
    assert where.step is not None and where.values is not None  # a step was named
    rounds = where.rounds
    return ImportPlace(
        where.run, where.step, where.round, rounds, where.method, where.values, where.rules
    )


def card_rules(where: ImportPlace) -> CardRules | None:
    """The rules by which the step's method scores its cards (its pair split or rating)."""
    for step in where.method.steps:
        for collect in step.collect:
            if collect.kind in ("pair_split", "rating"):
                rules = scoring_rules(where.method, collect, where.values)
                if isinstance(rules, PairSplitRules | RatingRules):
                    return rules
    return None


def _kind(given: str | None) -> EntryKind | None:
    if given is None:
        return None
    try:
        return check_kind(given)
    except InputError as error:
        raise UsageError(ProblemNote(error.problems[:1])) from None


def _event(item: Planned, where: ImportPlace) -> EntryAdded:
    entry = item.entry
    return EntryAdded(
        entry_id=item.entry_id,
        kind=entry.kind,
        text=entry.text,
        step=where.step,
        round=item.round,
        dims=dict(entry.dims),
        value=entry.value,
        run_id=where.run_id,
    )


def _layout(source: ImportFile, where: ImportPlace, kind: EntryKind | None) -> Layout:
    """The header read at the step; when it does not fit, the problems, and a step it fits."""
    if source.format == "text":
        return text_layout(where.rules, kind)
    try:
        return layout_for(source.header, where.rules, kind, aliases=source.format == "yaml")
    except LayoutError as error:
        problems = [_header_problem(source, p) for p in error.problems]
        other = _fitting_step(source, where, kind)
        if other:
            problems.append(
                Problem(source.name, None, None, "", message("import.err.fits", step=other))
            )
        raise InvalidFileError(problems) from None


def _header_problem(source: ImportFile, problem: InputProblem) -> Problem:
    column = problem.row + 1 if problem.row is not None else None
    name = problem.field if column is not None else ""
    return Problem(source.name, source.header_line, column, name, ProblemNote((problem,)))


def _fitting_step(source: ImportFile, where: ImportPlace, kind: EntryKind | None) -> str | None:
    """Another step of the method whose entries these columns make, if one does."""
    method = where.method
    for step in method.steps:
        if step.id == where.step or not step.collect:
            continue
        try:
            rules = step_rules(method, step.id, where.values)
            layout = layout_for(source.header, rules, kind)
        except LayoutError:
            continue
        if layout.kind != "note" or any(c.kind == "note" for c in step.collect):
            return step.id
    return None


def _dims(given: Sequence[str], where: ImportPlace) -> dict[str, str]:
    """``dim=value`` options, each checked against the step (UsageError naming the option)."""
    dims: dict[str, str] = {}
    for option in given:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise UsageError(message("import.err.dim_syntax", option=option))
        dims[name.strip()] = value
    if not dims:
        return dims
    try:
        checked = check_entry(EntryDraft("note", "-", dims), where.rules)
    except InputError as error:
        problem = error.problems[0]
        name = problem.field.removeprefix("dims.")
        raise UsageError(ProblemNote((problem,), f"-d {name}: ")) from None
    return checked.dims
