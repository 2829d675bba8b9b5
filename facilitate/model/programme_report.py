"""A programme's report across sessions: a pure function over folded session states.

:func:`programme_report` is what ``facilitate archive report`` prints, for sessions read back
from the archive or for local ones alike (the same states give the same figures): the
themes and their items across sessions (a theme recurs when sessions give it the same name,
case and spacing aside), the top of each ranking (a 35:an's cards), and per method the time
planned against the time its steps took.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from facilitate.model.method import Method
from facilitate.model.results import session_results
from facilitate.model.session import SessionState
from facilitate.records import Record


class ReportInput(Record):
    """One session for the report: its folded state, the methods it ran, its programme."""

    state: SessionState
    methods: Mapping[str, Method]
    programme: str | None = None


class ReportSession(Record):
    """A session the report covers."""

    uuid: str | None
    id: str
    title: str
    date: str
    place: str
    programme: str | None


class ThemeItem(Record):
    """An item under a theme, with the session it comes from."""

    session: str
    text: str


class ThemeAcross(Record):
    """A theme as named in one or more sessions, with all the items put under it."""

    name: str
    sessions: tuple[str, ...]
    items: tuple[ThemeItem, ...]


class TopRow(Record):
    """A card at the top of a ranking: its rank (shared on a tie), text and total."""

    rank: int
    text: str
    total: int


class TopList(Record):
    """The top of one ranking (a 35:an's count-down) in one run of one session."""

    session: str
    run: int | None
    method: str
    step: str
    basis: str
    rows: tuple[TopRow, ...]


class MethodTime(Record):
    """A method's steps, planned against actual, over every run of it the report covers.

    Only steps that ended count (a step still running or stopped has no actual time yet).
    """

    method: str
    runs: int
    steps: int
    planned_seconds: float
    actual_seconds: float

    @property
    def difference_seconds(self) -> float:
        return self.actual_seconds - self.planned_seconds


class ProgrammeReport(Record):
    """What the report holds (see the module text)."""

    sessions: tuple[ReportSession, ...] = ()
    themes: tuple[ThemeAcross, ...] = ()
    top: tuple[TopList, ...] = ()
    times: tuple[MethodTime, ...] = ()
    top_n: int = 3

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data."""
        data = asdict(self)
        data["times"] = [
            {**asdict(t), "difference_seconds": t.difference_seconds} for t in self.times
        ]
        return data


@dataclass
class _ThemeGroup:
    name: str
    sessions: list[str] = field(default_factory=list)
    items: list[ThemeItem] = field(default_factory=list)


def programme_report(inputs: Sequence[ReportInput], top: int = 3) -> ProgrammeReport:
    """The report over ``inputs`` (in their order), with the top ``top`` of each ranking."""
    sessions = tuple(_session(i) for i in inputs)
    themes: dict[str, _ThemeGroup] = {}
    tops: list[TopList] = []
    for given, session in zip(inputs, sessions, strict=True):
        results = session_results(given.state, given.methods)
        for theme in results.themes:
            group = themes.setdefault(_theme_key(theme.name), _ThemeGroup(theme.name.strip()))
            if session.id not in group.sessions:
                group.sessions.append(session.id)
            group.items += [ThemeItem(session.id, item.text) for item in theme.items]
        for run in results.runs:
            for ranking in run.rankings:
                rows = tuple(TopRow(r.rank, r.text, r.total) for r in ranking.rows if r.rank <= top)
                tops.append(TopList(session.id, run.number, run.method, ranking.step,
                                    ranking.basis, rows))  # fmt: skip
    ordered = sorted(themes.values(), key=lambda g: (-len(g.sessions), g.name.casefold()))
    return ProgrammeReport(
        sessions,
        tuple(ThemeAcross(g.name, tuple(g.sessions), tuple(g.items)) for g in ordered),
        tuple(tops),
        _times(inputs),
        top,
    )


def _session(given: ReportInput) -> ReportSession:
    header = given.state.header
    if header is None:
        return ReportSession(None, "", "", "", "", given.programme)
    return ReportSession(
        header.uuid, header.id, header.title, header.date, header.place, given.programme
    )


def _theme_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _times(inputs: Sequence[ReportInput]) -> tuple[MethodTime, ...]:
    """Per method (in the order first run), its runs and its ended steps' planned and actual."""
    totals: dict[str, list[float]] = {}
    for given in inputs:
        for run in given.state.runs:
            if run.is_timer:
                continue
            total = totals.setdefault(run.method, [0, 0, 0.0, 0.0])
            total[0] += 1
            for step in run.steps:
                if step.planned_seconds is None or step.elapsed_seconds is None:
                    continue
                total[1] += 1
                total[2] += step.planned_seconds
                total[3] += step.elapsed_seconds
    return tuple(
        MethodTime(method, int(t[0]), int(t[1]), round(t[2], 3), round(t[3], 3))
        for method, t in totals.items()
    )
