"""What an import's rows are checked against, and its problems as lines of the file."""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.errors import Problem
from facilitate.i18n.messages import message
from facilitate.i18n.record_text import ProblemNote
from facilitate.library.import_files import ImportFile
from facilitate.model.entries import CARD_DIMENSION, TOTAL_FIELD, CardPayload, FieldsPayload
from facilitate.model.import_types import Located, RecordedInput
from facilitate.model.input_problems import InputProblem
from facilitate.model.scoring_types import CardRound, CardTotal, DotPlacement, PairSplit, Rating
from facilitate.model.session import Entry, SessionState

MAX_SHOWN_PROBLEMS = 30
"""At most this many problems are listed (then how many more there are)."""


def recorded_input(state: SessionState, run_id: str | None) -> RecordedInput:
    """What run ``run_id`` holds that rows are checked against (see :class:`RecordedInput`)."""
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
