"""One session at a glance, at any size: its digest and its last entries.

:func:`read_overview` is what ``sessions show`` shows by default: the session's digest
(from ``summary.json``, carried on with what was appended since) and the last ``last`` live
entries, read from the journal's end backwards. Nothing else of the journal is read, so a
session of 50,000 events shows as fast as one of 50. An entry is shown as the whole fold
would give it: it counts only if the digest says it is live and was added by that very
record, and its edits (which follow it in the journal) are applied. :func:`method_texts`
names the session's methods and labels their parameters from each method's own file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from facilitate.app.methods import session_methods
from facilitate.app.sessions import Wall, live_now
from facilitate.clock import SystemClock
from facilitate.i18n.messages import Message
from facilitate.library.method_labels import MethodLabels, labels_of, read_method_labels
from facilitate.model.digest_fold import DigestFolder
from facilitate.model.session import Entry, LiveStatus, SessionFolder, SessionHeader, is_name
from facilitate.model.session_digest import SessionDigest
from facilitate.records import Record
from facilitate.store.session import Session
from facilitate.store.store import SessionStore
from facilitate.store.summary import current_snapshot, rebuilt_snapshot
from facilitate.store.tail import read_tail

if TYPE_CHECKING:
    from facilitate.app.methods import Methods

TAIL_BYTES = 64 * 1024
"""How much of the journal's end is read first (four times more each time it is too little)."""


class SessionOverview(Record):
    """A session's digest, its last live entries (oldest first), the reading's warnings,
    and how its run stands when it is being run live now."""

    session: Session
    digest: SessionDigest
    recent: tuple[Entry, ...]
    warnings: list[Message]
    live: LiveStatus | None = None


def read_overview(
    store: SessionStore, session_id: str, *, last: int = 20, clock: Wall | None = None
) -> SessionOverview:
    """The digest of session ``session_id`` and its last ``last`` live entries, and its
    live run's time left at the time of ``clock`` (the real one unless given)."""
    session = store.open(session_id)
    snapshot = current_snapshot(session)
    folder = snapshot.folder()
    if folder is None:  # what the summary keeps to fold on is damaged: made again
        snapshot = rebuilt_snapshot(session)
        folder = snapshot.folder()
        assert folder is not None  # (a snapshot made from the journal has its folder)
    digest = snapshot.digest
    recent = last_entries(session, folder, snapshot.position.offset, min(last, digest.entries))
    live = live_now(session, digest, (clock or SystemClock()).time())
    return SessionOverview(session, digest, recent, list(session.warnings), live)


def last_entries(session: Session, folder: DigestFolder, end: int, count: int) -> tuple[Entry, ...]:
    """The last ``count`` live entries of the journal's first ``end`` bytes (``folder``:
    the digest of those bytes), read from ``end`` backwards."""
    if count <= 0:
        return ()
    size = TAIL_BYTES
    while True:
        start = max(0, end - size)
        found = _live_in(session, folder, start, end)
        if len(found) >= count or start == 0:
            return tuple(found[-count:])
        size *= 4


def _live_in(session: Session, folder: DigestFolder, start: int, end: int) -> list[Entry]:
    """The entries added in bytes ``[start, end)`` that are live at ``end``, as they are."""
    region = SessionFolder()
    for record in read_tail(session.path, start, end):
        region.apply(record)
    found = []
    for entry in region.entries.values():
        live = folder.index.live(entry.entry_id)
        if live is not None and live[1] == entry.added_seq:
            found.append(replace(entry, run_id=folder.places[live[0]][0]))
    return found


def method_texts(
    methods: Methods, header: SessionHeader, digest: SessionDigest, lang: str
) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """What :func:`~facilitate.app.sessions.method_names` and
    :func:`~facilitate.app.sessions.parameter_labels` give: method id -> its name in
    ``lang``, and method id -> parameter key -> its label, for the methods the session
    names; each read from the method's own file (:func:`read_method_labels`), the library
    asked only for a method that file does not plainly give."""
    found: dict[str, MethodLabels | None] = {}

    def texts(method_id: str) -> MethodLabels | None:
        if method_id not in found:
            found[method_id] = _method_labels(methods, method_id)
        return found[method_id]

    names = {}
    for method_id in session_methods(header, digest):
        method = texts(method_id) if method_id and is_name(method_id) else None
        if method is not None:
            names[method_id] = method.name.get(lang)
    labels: dict[str, dict[str, str]] = {}
    for run in digest.runs:
        method = None if run.is_timer or run.method in labels else texts(run.method)
        if method is not None:
            labels[run.method] = {key: label.get(lang) for key, label in method.parameters.items()}
    return names, labels


def _method_labels(methods: Methods, method_id: str) -> MethodLabels | None:
    if is_name(method_id):
        labels = read_method_labels(method_id, methods.cwd, methods.env)
        if labels is not None:
            return labels
    method = methods.get(method_id)  # (validated whole; None: not there, or broken)
    return labels_of(method) if method is not None else None
