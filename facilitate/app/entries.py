"""Entries: add a note (or another kind) to a session, edit one, delete one.

Every entry is appended to the journal, and on disk, before these return.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field

from facilitate.app.authors import Author, signature
from facilitate.app.methods import Methods, check_step
from facilitate.app.run_rules import unfinished_run
from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n.messages import Message, message
from facilitate.library.user_text import checked_optional, checked_text
from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Recorded
from facilitate.model.session import Entry, SessionState
from facilitate.records import Record
from facilitate.store.journal import SessionStore, new_entry_id

NOTE_ROLE = "note-taker"
MIN_ENTRY_PREFIX = 4
"""The fewest characters of an entry's id that may name it (its full id always does)."""
KIND_RE = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")


class Saved(Record):
    """What was recorded: the session, the entry, the record (its ``seq``), and warnings."""

    session_id: str
    entry_id: str
    record: Recorded
    warnings: list[Message] = field(default_factory=list)
    before: Entry | None = None  # an edited or deleted entry as it was


def find_entry(session_id: str, state: SessionState, ref: str) -> Entry:
    """The live entry whose id is ``ref``, or the only one whose id starts with ``ref``.

    A prefix must have at least :data:`MIN_ENTRY_PREFIX` characters, so that a slip ("9")
    never picks an entry by chance (UsageError); NotFoundError when nothing matches.
    """
    given = ref.strip()
    exact = state.entry(given) or state.entry(given.lower())
    if exact is not None:
        return exact
    prefix = given.lower()
    if len(prefix) < MIN_ENTRY_PREFIX:
        raise UsageError(
            message("records.err.entry_ref_short", entry=given, id=session_id, min=MIN_ENTRY_PREFIX)
        )
    matches = [e for e in state.entries if e.entry_id.lower().startswith(prefix)]
    if not matches:
        raise NotFoundError(message("sessions.err.no_entry", entry=given, id=session_id))
    if len(matches) > 1:
        ids = ", ".join(e.entry_id for e in matches[:5])
        raise UsageError(message("sessions.err.ambiguous_entry", entry=given, matches=ids))
    return matches[0]


def add_entry(
    store: SessionStore,
    methods: Methods,
    session_id: str,
    text: str,
    *,
    author: str | Author,
    kind: str = "note",
    step: str | None = None,
    new_id: Callable[[], str] = new_entry_id,
) -> Saved:
    """Add an entry to a session, at ``step`` (``harvest`` or ``round#2``) or at the step
    the session's run is on (or a method run stopped at; a timer that was quit has ended);
    the step must be one of the session's methods. ``author`` signs it (see :mod:`.authors`).
    """
    if not text.strip():
        raise UsageError(message("sessions.err.empty_text"))
    text = checked_text(text, "note", multiline=True)  # no control characters, not invisible
    if not KIND_RE.match(kind):
        raise UsageError(message("sessions.err.bad_kind", kind=kind))
    session = store.open(session_id)
    state = session.state()
    round_ = None
    if step is not None:
        step, round_ = check_step(step, session.header, state, methods)
    elif _run_goes_on(state) and state.current_step_run is not None:
        step, round_ = state.current_step_run.step, state.current_step_run.round
    event = EntryAdded(entry_id=new_id(), kind=kind, text=text.strip(), step=step, round=round_)
    record = session.append(event, author=signature(author, session.header), role=NOTE_ROLE)
    return Saved(session.id, event.entry_id, record, list(session.warnings))


def edit_entry(
    store: SessionStore, session_id: str, entry: str, text: str, *, author: str | Author
) -> Saved:
    """Replace the text of the entry ``entry`` (its id or a prefix of it)."""
    if not text.strip():
        raise UsageError(message("sessions.err.empty_text"))
    text = checked_text(text, "text", multiline=True)
    session = store.open(session_id)
    found = find_entry(session.id, session.state(), entry)
    event = EntryEdited(entry_id=found.entry_id, text=text.strip())
    record = session.append(event, author=signature(author, session.header), role=NOTE_ROLE)
    return Saved(session.id, found.entry_id, record, list(session.warnings), found)


def delete_entry(
    store: SessionStore,
    session_id: str,
    entry: str,
    *,
    author: str | Author,
    reason: str | None = None,
) -> Saved:
    """Delete the entry ``entry`` (its id or a prefix); the journal keeps that it was."""
    reason = checked_optional(reason, "reason")
    session = store.open(session_id)
    found = find_entry(session.id, session.state(), entry)
    event = EntryDeleted(entry_id=found.entry_id, reason=(reason or "").strip() or None)
    record = session.append(event, author=signature(author, session.header), role=NOTE_ROLE)
    return Saved(session.id, found.entry_id, record, list(session.warnings), found)


def _run_goes_on(state: SessionState) -> bool:
    """True while the last run goes on: running (a timer too), or a method run not ended."""
    return state.progress == "running" or unfinished_run(state) is not None
