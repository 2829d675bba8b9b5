"""Importing a file into a session: every row checked, then all of it recorded, or nothing.

:func:`import_file` reads the file (:mod:`facilitate.library.import_files`), plans the entries
at the step (:func:`facilitate.model.import_plan.plan_import`), and, unless it is a dry run,
appends them in one batch (:meth:`~facilitate.store.session.Session.append_many`: one lock,
one fsync). A file with any bad row imports nothing: the problems come back as an
:class:`~facilitate.errors.InvalidFileError`, one line each naming file, line, column and
problem. Entry ids are made from the rows, so a file imported again adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from facilitate.app.authors import Author, signature
from facilitate.app.methods import Methods
from facilitate.app.step_target import StepTarget, step_target
from facilitate.errors import InvalidFileError, MessageLike, Problem, UsageError
from facilitate.i18n.messages import message
from facilitate.i18n.record_text import ProblemNote
from facilitate.library.import_files import ImportFile, read_import_file
from facilitate.model.entries import CardPayload, EntryKind, FieldsPayload
from facilitate.model.entry_check import EntryDraft, check_entry, check_kind
from facilitate.model.entry_rules import step_rules
from facilitate.model.events import EntryAdded, Recorded
from facilitate.model.import_checks import CARD_DIMENSION, TOTAL_FIELD
from facilitate.model.import_columns import Layout, LayoutError, layout_for, text_layout
from facilitate.model.import_plan import plan_import
from facilitate.model.import_types import (
    ImportPlan,
    ImportTarget,
    Located,
    Planned,
    RecordedInput,
)
from facilitate.model.input_problems import InputError, InputProblem
from facilitate.model.scoring_types import CardRound, CardTotal, DotPlacement, PairSplit, Rating
from facilitate.model.session import Entry, SessionState
from facilitate.store.store import SessionStore

IMPORT_ROLE = "importer"
MAX_SHOWN_PROBLEMS = 30
"""At most this many problems are listed (then how many more there are)."""


@dataclass(frozen=True)
class ImportRequest:
    """What to import where: the file, the step (``round#2``), the run's number, dimension
    values for every row (``dim=value``), the kind and the format when not the file's own."""

    path: Path
    step: str
    run: int | None = None
    dims: Sequence[str] = ()
    kind: str | None = None
    format: str | None = None
    dry_run: bool = False


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did (or, dry, would do): the new entries, how many rows were imported
    before, the records written, and where (session, run, step, the step's rules)."""

    session_id: str
    file: ImportFile
    target: StepTarget
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
    where = step_target(session.header, state, methods, request.step, request.run)
    source = read_import_file(request.path, str(request.path), request.format)
    kind = _kind(request.kind)
    layout = _layout(source, where, kind)
    target = ImportTarget(
        where.rules,
        where.target.run_id,
        where.round,
        where.rounds,
        where.target.card_rules(),
        _dims(request.dims, where),
    )
    plan = plan_import(layout, source.rows, target, recorded_input(state, where))
    if plan.problems:
        raise InvalidFileError(file_problems(source, plan.problems))
    outcome = ImportOutcome(session.id, source, where, plan, warnings=list(session.warnings))
    if request.dry_run or not plan.new:
        return outcome
    events = [_event(item, where) for item in plan.new]
    records = session.append_many(events, author=name, role=IMPORT_ROLE)
    return ImportOutcome(session.id, source, where, plan, records, list(session.warnings))


def _kind(given: str | None) -> EntryKind | None:
    if given is None:
        return None
    try:
        return check_kind(given)
    except InputError as error:
        raise UsageError(ProblemNote(error.problems[:1])) from None


def _event(item: Planned, where: StepTarget) -> EntryAdded:
    entry = item.entry
    return EntryAdded(
        entry_id=item.entry_id,
        kind=entry.kind,
        text=entry.text,
        step=where.step,
        round=item.round,
        dims=dict(entry.dims),
        value=entry.value,
        run_id=where.target.run_id,
    )


def _layout(source: ImportFile, where: StepTarget, kind: EntryKind | None) -> Layout:
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


def _fitting_step(source: ImportFile, where: StepTarget, kind: EntryKind | None) -> str | None:
    """Another step of the method whose entries these columns make, if one does."""
    method = where.target.method
    for step in method.steps:
        if step.id == where.step or not step.collect:
            continue
        try:
            rules = step_rules(method, step.id, where.target.values)
            layout = layout_for(source.header, rules, kind)
        except LayoutError:
            continue
        if layout.kind != "note" or any(c.kind == "note" for c in step.collect):
            return step.id
    return None


def _dims(given: Sequence[str], where: StepTarget) -> dict[str, str]:
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


def recorded_input(state: SessionState, where: StepTarget) -> RecordedInput:
    """What the run holds that rows are checked against (see :class:`RecordedInput`)."""
    run_id = where.target.run_id
    mine = [e for e in state.entries if e.run_id == run_id]
    cards = [e.payload for e in mine if isinstance(e.payload, CardPayload)]
    points = [
        CardRound(c.card, r, p)
        for c in cards
        for r, p in enumerate(c.points, start=1)
        if p is not None
    ]
    return RecordedInput(
        entry_ids=frozenset(e.entry_id for e in (*state.entries, *state.deleted)),
        cards=tuple(c.card for c in cards),
        splits=tuple(e.payload for e in mine if isinstance(e.payload, PairSplit)),
        ratings=tuple(e.payload for e in mine if isinstance(e.payload, Rating)),
        card_points=tuple(points),
        totals=tuple(_totals(mine)),
        dots=tuple(e.payload for e in mine if isinstance(e.payload, DotPlacement)),
    )


def _totals(entries: Sequence[Entry]) -> list[CardTotal]:
    totals = []
    for entry in entries:
        payload = entry.payload
        if isinstance(payload, FieldsPayload) and CARD_DIMENSION in entry.dims:
            total = payload.fields.get(TOTAL_FIELD, "")
            if total.isdigit():
                totals.append(CardTotal(entry.dims[CARD_DIMENSION], int(total)))
    return totals


def file_problems(source: ImportFile, located: Sequence[Located]) -> list[Problem]:
    """The problems as lines naming file, line, column and column name (at most a screenful)."""
    problems = [
        Problem(
            source.name,
            p.line,
            p.column,
            p.column_name or _option_name(p.problem),
            ProblemNote((p.problem,)),
        )
        for p in located[:MAX_SHOWN_PROBLEMS]
    ]
    if len(located) > MAX_SHOWN_PROBLEMS:
        more = message("import.err.more", count=len(located) - MAX_SHOWN_PROBLEMS)
        problems.append(Problem(source.name, None, None, "", more))
    return problems


def _option_name(problem: InputProblem) -> str:
    if problem.field.startswith("dims."):
        return f"-d {problem.field.removeprefix('dims.')}"
    return ""
