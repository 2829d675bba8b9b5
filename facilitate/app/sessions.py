"""Sessions as a whole: create, list, read, archive and delete them.

The functions take the session store (and the method library, where names are wanted) as
parameters and return data for the command line or a web page to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from facilitate.clock import SystemClock
from facilitate.errors import InvalidFileError, JournalError, UsageError
from facilitate.i18n.messages import Message, message
from facilitate.library.user_text import checked_optional, checked_text
from facilitate.model.run_clock import LiveStatus, live_status
from facilitate.model.session_header import SESSION_LANGUAGES, SessionHeader
from facilitate.model.session_listing import ListedSession
from facilitate.model.session_state import Run, SessionState
from facilitate.records import Record
from facilitate.store.store import DamagedSession, SessionStore

if TYPE_CHECKING:  # (a listing needs none of these: it reads no journal)
    from facilitate.app.methods import Methods
    from facilitate.model.events import Recorded
    from facilitate.model.session_digest import SessionDigest
    from facilitate.store.session import Session

__all__ = [
    "DamagedSession",
    "DeletionPreview",
    "ListedSession",
    "LiveStatus",
    "Session",
    "SessionHistory",
    "SessionListing",
    "SessionRead",
    "SessionStore",
    "archive_session",
    "check_new_session",
    "create_session",
    "delete_session",
    "deletion_preview",
    "list_sessions",
    "live_now",
    "method_names",
    "parameter_labels",
    "read_history",
    "read_session",
    "recorded_speed",
    "session_language",
    "session_store",
]


class Wall(Protocol):
    """The wall clock (epoch seconds): :class:`~facilitate.clock.SystemClock`, or a fake."""

    def time(self) -> float: ...


def live_now(
    session: Session, state: SessionState | SessionDigest, wall: float
) -> LiveStatus | None:
    """How the session's run stands at ``wall`` if it is being run live now, else None.

    Live means a run holds the session's run lock (a probe that never waits or disturbs it);
    a run that crashed holds nothing and is shown as it was left.
    """
    return _live_run(state.last_run, session.is_live, wall)


def _live_run(run: Run | None, is_live: Callable[[], bool], wall: float) -> LiveStatus | None:
    """How ``run`` stands at ``wall`` if it is the session's run being run live now: only a
    run that has not ended in the journal can be, and only then is the lock probed."""
    if run is None or run.progress != "running" or not is_live():
        return None
    return live_status(run, wall)


def session_store(root: Path) -> SessionStore:
    """The session store in folder ``root`` (it need not exist yet)."""
    return SessionStore(root)


def session_language(store: SessionStore, session_id: str) -> str:
    """The language session ``session_id`` is held in (from its header; NotFoundError if none)."""
    return store.open(session_id).header.language


def check_new_session(*, language: str | None, method: str | None, plan: str | None) -> None:
    """What can be checked of a new session before asking for the rest (UsageError)."""
    if method and plan:
        raise UsageError(message("sessions.err.method_and_plan"))
    if language is not None and language not in SESSION_LANGUAGES:
        raise UsageError(message("sessions.err.bad_language", got=language))


def create_session(
    store: SessionStore,
    methods: Methods,
    *,
    title: str,
    date: str,
    language: str,
    place: str = "",
    method: str | None = None,
    plan: str | None = None,
    facilitators: Sequence[str] = (),
) -> Session:
    """A new session; its method must be one the library has (UsageError with a hint)."""
    check_new_session(language=language, method=method, plan=plan)
    title = checked_text(title, "title")  # no control characters, not invisible
    place = checked_optional(place, "place") or ""
    facilitators = [checked_text(name, "facilitator") for name in facilitators]
    if method and (problem := methods.problem(method)):
        raise UsageError(problem)
    return store.create(
        title=title,
        date=date,
        place=place,
        language=language,
        method=method,
        plan=plan,
        facilitators=facilitators,
    )


class SessionListing(Record):
    """The sessions of a store as listed: those shown, the damaged, how many archived hidden."""

    shown: list[ListedSession]
    damaged: list[DamagedSession]
    hidden: int
    warnings: list[Message] = field(default_factory=list)
    live: dict[str, LiveStatus] = field(default_factory=dict)
    """Session id -> how its run stands, for the sessions shown that are being run live."""


def list_sessions(
    store: SessionStore, *, include_archived: bool = False, clock: Wall | None = None
) -> SessionListing:
    """Every session, newest first; archived ones only with ``include_archived``; which are
    live now (by ``clock``, the real one unless given).

    Only a session whose last run has not ended in its journal can be live, so only its run
    lock is probed.
    """
    listed = store.list()
    shown = [s for s in listed if include_archived or s.header.status != "archived"]
    wall = (clock or SystemClock()).time()
    live = {
        s.header.id: now
        for s in shown
        if (now := _live_run(s.last_run, partial(store.is_live, s.header.id), wall))
    }
    hidden = len(listed) - len(shown)
    return SessionListing(shown, list(store.damaged), hidden, list(store.warnings), live)


class SessionRead(Record):
    """A session and its state, with the warnings reading its journal gave; ``live`` how its
    run stands when it is being run live now (else None)."""

    session: Session
    state: SessionState
    warnings: list[Message]
    live: LiveStatus | None = None


def read_session(store: SessionStore, session_id: str, *, clock: Wall | None = None) -> SessionRead:
    """The session ``session_id``, its folded state, and its live run's time left at the
    time of ``clock`` (the real one unless given)."""
    session = store.open(session_id)
    state = session.state()
    live = live_now(session, state, (clock or SystemClock()).time())
    return SessionRead(session, state, list(session.warnings), live)


class SessionHistory(Record):
    """A session's recorded events in order, with the warnings reading them gave."""

    session: Session
    records: list[Recorded]
    warnings: list[Message]

    def state(self) -> SessionState:
        from facilitate.model.session import fold

        return fold(self.records, self.session.header)


def read_history(store: SessionStore, session_id: str) -> SessionHistory:
    """Every record of session ``session_id``, in order."""
    session = store.open(session_id)
    records = session.records()
    return SessionHistory(session, records, list(session.warnings))


def method_names(
    methods: Methods, header: SessionHeader, state: SessionState | SessionDigest, lang: str
) -> dict[str, str]:
    """Method id -> name in ``lang``, for the methods the session names that the library has."""
    from facilitate.app.methods import session_methods

    return methods.names(session_methods(header, state), lang)


def parameter_labels(
    methods: Methods, state: SessionState | SessionDigest, lang: str
) -> dict[str, dict[str, str]]:
    """Method id -> parameter key -> its label in ``lang``, for the methods the session ran.

    A method the library no longer has gets none (its keys are shown as recorded).
    """
    labels: dict[str, dict[str, str]] = {}
    for run in state.runs:
        method = None if run.is_timer or run.method in labels else methods.get(run.method)
        if method is not None:
            labels[run.method] = {
                key: param.label.get(lang) for key, param in method.parameters.items()
            }
    return labels


def recorded_speed(store: SessionStore, session_id: str) -> tuple[float, list[Message]]:
    """The rehearsal speed the session's last run was started with, and reading warnings."""
    read = read_session(store, session_id)
    return read.state.speed, read.warnings


def archive_session(store: SessionStore, session_id: str) -> bool:
    """Hide a session from listings; False if it already was archived."""
    return store.archive(session_id)


class DeletionPreview(Record):
    """What deleting a session would lose (a damaged session: only its id is known)."""

    session_id: str
    damaged: bool
    title: str = ""
    entries: int = 0
    events: int = 0
    language: str | None = None


def deletion_preview(store: SessionStore, session_id: str) -> DeletionPreview:
    """What would be lost; NotFoundError for an unknown session."""
    try:
        session = store.open(session_id)
        state = session.state()
    except (InvalidFileError, JournalError):
        return DeletionPreview(session_id, damaged=True)
    header = session.header
    return DeletionPreview(
        session.id, False, header.title, len(state.entries), state.events, header.language
    )


def delete_session(store: SessionStore, session_id: str) -> None:
    """Remove a session for good (also a damaged one); refused while a run holds it."""
    store.delete(session_id)
