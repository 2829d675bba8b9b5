"""Grouping a session's items into themes: read the board, change it, save the change.

Every change is an operation of :mod:`facilitate.model.themes` on the board folded from the
journal (:func:`~facilitate.model.theme_record.theme_board`); what it changed is appended as
one batch of entry events (:func:`~facilitate.model.theme_record.board_events`), and only if
nobody wrote to the session meanwhile (else the change is worked out again on the new board).
New themes are filed under the step that collects themes in the session's latest run that
has one (a World Café's harvest), else under no step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field

from facilitate.app.authors import Author, signature
from facilitate.app.methods import Methods
from facilitate.errors import MessageLike, UsageError
from facilitate.i18n.record_text import ProblemNote
from facilitate.model.events import Event, Recorded
from facilitate.model.input_problems import InputError
from facilitate.model.results import dimension_labels, run_values
from facilitate.model.session import SessionHeader, SessionState
from facilitate.model.text import Text
from facilitate.model.theme_record import (
    Item,
    board_events,
    in_record_order,
    session_items,
    theme_board,
)
from facilitate.model.themes import ThemeBoard
from facilitate.records import Record
from facilitate.store.ids import new_entry_id
from facilitate.store.session import JournalChanged, Session
from facilitate.store.store import SessionStore

THEME_ROLE = "facilitator"
RETRIES = 3

Labels = dict[str, tuple[Text, dict[str, Text]]]
Change = Callable[[ThemeBoard, Sequence[Item]], ThemeBoard]
"""An operation on the board, given the items it may hold (raises InputError)."""


class ThemesRead(Record):
    """A session's themes and items as folded from its journal."""

    session_id: str
    state: SessionState
    board: ThemeBoard
    items: tuple[Item, ...]
    warnings: list[MessageLike] = field(default_factory=list)
    labels: Labels = field(default_factory=dict)


class ThemesSaved(Record):
    """A change to the themes: the board before and after, and the records written."""

    session_id: str
    before: ThemeBoard
    after: ThemeBoard
    items: tuple[Item, ...]
    records: list[Recorded]
    warnings: list[MessageLike] = field(default_factory=list)


def read_themes(
    store: SessionStore, session_ref: str, methods: Methods | None = None
) -> ThemesRead:
    """The themes and items of session ``session_ref`` (with ``methods``: the labels of the
    dimensions the items are placed along)."""
    session = store.open(session_ref)
    state = session.state()
    items = session_items(state)
    labels = item_labels(session.header, state, methods) if methods is not None else {}
    board = theme_board(state)
    return ThemesRead(session.id, state, board, items, list(session.warnings), labels)


def item_labels(header: SessionHeader, state: SessionState, methods: Methods) -> Labels:
    """The labels of the dimensions of every method the session ran (or names)."""
    labels: Labels = {}
    runs = [(run.method, run) for run in state.runs if not run.is_timer]
    for method_id, run in [(header.method, None), *runs]:
        method = methods.get(method_id) if method_id else None
        if method is None:
            continue
        for dim, (label, values) in dimension_labels(method, run_values(method, run)).items():
            labels.setdefault(dim, (label, {}))[1].update(values)
    return labels


def refused(error: InputError) -> UsageError:
    """A refused change as one line per problem (the first is the message)."""
    return UsageError(ProblemNote(error.problems))


def _theme_step(state: SessionState, methods: Methods | None) -> tuple[str | None, str | None]:
    """The step (and run) new themes are filed under (see the module text)."""
    for run in reversed(state.runs):
        method = methods.get(run.method) if methods is not None and not run.is_timer else None
        for step in method.steps if method is not None else ():
            if any(c.kind == "theme" for c in step.collect):
                return step.id, run.run_id
    return None, None


def change_themes(
    store: SessionStore,
    session_ref: str,
    change: Change,
    *,
    author: str | Author,
    methods: Methods | None = None,
    reason: str | None = None,
) -> ThemesSaved:
    """Apply ``change`` to the session's board and save what changed (nothing if nothing did).

    A change the model refuses is a UsageError with its problems; a journal that gained
    records meanwhile is read again and the change worked out anew (up to three times).
    """
    session = store.open(session_ref)
    name = signature(author, session.header)
    for attempt in range(RETRIES):
        state = session.state()
        items = session_items(state)
        before = theme_board(state)
        try:
            after = change(before, items)
        except InputError as error:
            raise refused(error) from None
        step, run_id = _theme_step(state, methods)
        events = board_events(before, after, step=step, run_id=run_id, reason=reason)
        try:
            records = _save(session, events, name, state.last_seq)
        except JournalChanged:
            if attempt == RETRIES - 1:
                raise
            continue
        shown = in_record_order(before, after)
        return ThemesSaved(session.id, before, shown, items, records, list(session.warnings))
    raise AssertionError("unreachable")  # pragma: no cover


def _save(session: Session, events: list[Event], author: str, last_seq: int) -> list[Recorded]:
    if not events:
        return []
    return session.append_many(events, author=author, role=THEME_ROLE, after_seq=last_seq)


def new_theme_id() -> str:
    """An id for a new theme (an entry id)."""
    return new_entry_id()
