"""A session's results for people to read, once or followed live as entries arrive.

The computation is the model's pure :func:`facilitate.model.results.session_results`; here
the session is read (or followed: :class:`ResultsFeed` folds only what its journal gained),
its methods are looked up, and ``--run`` and ``--step`` are checked.
"""

from __future__ import annotations

from dataclasses import field

from facilitate.app.input_targets import Targets
from facilitate.app.methods import Methods, methods_of, session_methods
from facilitate.errors import MessageLike, UsageError
from facilitate.i18n.messages import message
from facilitate.model.close_names import did_you_mean
from facilitate.model.method import Method
from facilitate.model.results import session_results
from facilitate.model.results_types import SessionResults
from facilitate.model.session import SessionHeader, SessionState
from facilitate.records import Record
from facilitate.store.follow import FollowedFold
from facilitate.store.session import Session
from facilitate.store.store import SessionStore


class ResultsQuery(Record):
    """Which results: run number ``run``, step ``step``, the top ``top`` of each ranking."""

    run: int | None = None
    step: str | None = None
    top: int | None = None


class ResultsRead(Record):
    """A session's results, with its header, state, methods and the warnings reading gave."""

    session_id: str
    header: SessionHeader
    state: SessionState
    methods: dict[str, Method]
    results: SessionResults
    warnings: list[MessageLike] = field(default_factory=list)


def check_query(
    header: SessionHeader, state: SessionState, methods: Methods, query: ResultsQuery
) -> None:
    """UsageError for a run the session does not have, or a step none of its methods has."""
    if query.top is not None and query.top < 1:
        raise UsageError(message("results.err.top", top=query.top))
    if query.run is not None:
        Targets(header, state.runs, methods).run_named(str(query.run))
    if query.step is None:
        return
    steps = list(
        dict.fromkeys(s.id for m in methods_of(header, state, methods).values() for s in m.steps)
    )
    if query.step not in steps:
        close = did_you_mean(query.step, steps)
        hint = message("sessions.err.did_you_mean", id=close) if close else ""
        raise UsageError(
            message("sessions.err.unknown_step", step=query.step, hint=hint, steps=", ".join(steps))
        )


def read_results(
    store: SessionStore, methods: Methods, session_ref: str, query: ResultsQuery
) -> ResultsRead:
    """The results of session ``session_ref`` (see :class:`ResultsQuery`)."""
    session = store.open(session_ref)
    state = session.state()
    check_query(session.header, state, methods, query)
    found = methods_of(session.header, state, methods)
    results = session_results(state, found, run=query.run, step=query.step, top=query.top)
    return ResultsRead(session.id, session.header, state, found, results, list(session.warnings))


class ResultsFeed:
    """A session's results kept up to date from its journal: :meth:`poll` folds only what
    is new (one ``stat`` when nothing is) and gives the new results, or None if unchanged.

    A journal that cannot be read for a moment keeps the last results (``problem`` says why).
    """

    def __init__(self, session: Session, methods: Methods, query: ResultsQuery) -> None:
        self.session = session
        self.methods = methods
        self.query = query
        self._fold = FollowedFold(session.follow())
        self._known: dict[str, Method] = {}

    @property
    def problem(self) -> MessageLike:
        """Why the journal cannot be read just now ("" when it can)."""
        return self._fold.problem

    def poll(self) -> SessionResults | None:
        """The results if the journal gained anything since the last poll, else None."""
        return self.results() if self._fold.poll() else None

    def state(self) -> SessionState:
        return self._fold.folder.state(self.session.header)

    def results(self) -> SessionResults:
        """The results as folded so far."""
        state = self.state()
        if len(self._known) < len(session_methods(self.session.header, state)):
            self._known = methods_of(self.session.header, state, self.methods)
        query = self.query
        return session_results(state, self._known, run=query.run, step=query.step, top=query.top)


def open_feed(
    store: SessionStore, methods: Methods, session_ref: str, query: ResultsQuery
) -> ResultsFeed:
    """A feed of session ``session_ref``'s results, its query checked once."""
    session = store.open(session_ref)
    check_query(session.header, session.state(), methods, query)
    return ResultsFeed(session, methods, query)
