"""The session store: the folder that holds one folder per session.

Layout: ``<store>/<id>/session.json`` (the header, replaced atomically),
``<store>/<id>/journal.jsonl`` (one recorded event per line), ``journal.torn`` (unfinished
lines moved aside), ``summary.json`` (the digest of the journal, see ``summary.py``) and the
lock files ``session.lock`` and ``run.lock``; ``<store>/.listing.json`` keeps what a listing
shows of every session (see ``listing_index.py``).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import replace
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

from facilitate.clock import local_now
from facilitate.errors import (
    InvalidFileError,
    JournalError,
    MessageLike,
    NotFoundError,
    UsageError,
)
from facilitate.i18n.messages import Joined, Message, message, plain
from facilitate.model.session_header import HeaderError, SessionHeader
from facilitate.records import Record
from facilitate.store.durable import create_empty, fsync_dir
from facilitate.store.files import (
    HEADER_FILE,
    JOURNAL_FILE,
    RUN_LOCK_FILE,
    check_folder,
    disk_errors,
    is_present,
)
from facilitate.store.headers import header_message, new_uuid, read_header, write_header
from facilitate.store.ids import (
    ID_RE,
    MIN_PREFIX,
    check_session_id,
    could_be_uuid,
    numbered,
    session_candidates,
    session_id_for,
    session_ref,
)
from facilitate.store.locks import folder_locked, run_lock_held, run_locked

if TYPE_CHECKING:  # (imported where a session is opened: a listing from the index opens none)
    from facilitate.model.session_listing import ListedSession
    from facilitate.store.session import Clock, Session

MAX_SAME_ID = 999
SHOWN_MATCHES = 5


class DamagedSession(Record):
    """A session folder whose header or journal cannot be read; it can still be deleted.

    ``problem`` is what is wrong, on one line (a message, rendered where it is shown).
    """

    id: str
    path: Path
    problem: MessageLike


class SessionStore:
    """The folder that holds the sessions (``./sessions`` unless told otherwise)."""

    def __init__(self, root: Path, *, now: Clock = local_now) -> None:
        self.root = Path(root)
        self.warnings: list[Message] = []
        self.damaged: list[DamagedSession] = []
        self._now = now

    def check_root(self) -> None:
        """The store must be a folder (or not exist yet): a file there is a usage error."""
        if self.root.exists() and not self.root.is_dir():
            raise UsageError(message("sessions.err.root_not_folder", root=str(self.root)))

    # -- creating --------------------------------------------------------------------------

    def create(
        self,
        *,
        title: str,
        date: str | None = None,
        place: str = "",
        language: str = "sv",
        method: str | None = None,
        plan: str | None = None,
        facilitators: Sequence[str] = (),
    ) -> Session:
        """Create a new session with a fresh UUID; its id is the date and the title as a slug."""
        now = self._now()
        if method and plan:
            raise UsageError(message("sessions.err.method_and_plan"))
        try:
            header = SessionHeader(
                id="pending",
                title=title.strip(),
                date=date or now.date().isoformat(),
                place=place.strip(),
                language=language,
                method=method or None,
                plan=plan or None,
                facilitators=[name.strip() for name in facilitators if name.strip()],
                created_at=now.isoformat(timespec="seconds"),
                uuid=new_uuid(),
            )
        except HeaderError as error:
            raise UsageError(header_message(error)) from None
        self.check_root()
        with disk_errors(self.root):
            self.root.mkdir(parents=True, exist_ok=True)
            folder = self._new_folder(session_id_for(header.date, header.title))
            try:
                header = write_header(folder, replace(header, id=folder.name))
                create_empty(folder, JOURNAL_FILE)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            fsync_dir(self.root)
        from facilitate.store.session import Session

        return Session(folder, header, now=self._now)

    def _new_folder(self, base: str) -> Path:
        for number in range(1, MAX_SAME_ID + 1):
            candidate = check_session_id(base if number == 1 else numbered(base, number))
            try:
                (self.root / candidate).mkdir()
            except FileExistsError:
                continue
            return self.root / candidate
        raise UsageError(message("sessions.err.too_many", id=base))

    # -- finding ---------------------------------------------------------------------------

    def resolve(self, ref: str) -> str:
        """The id of the session ``ref`` names: its id or UUID, or a unique start of either.

        A start must be at least MIN_PREFIX characters. UsageError (listing the candidates)
        when it fits several sessions; NotFoundError (with a hint at other stores) when none.
        """
        self.check_root()
        ref = session_ref(ref)
        if ID_RE.match(ref) and self._has_session(ref):
            return ref
        matches = self._matching(ref) if len(ref) >= MIN_PREFIX else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            shown = plain(", ".join(matches[:SHOWN_MATCHES]))
            more = len(matches) - SHOWN_MATCHES
            if more > 0:
                shown = shown.then(message("store.err.and_more", count=more))
            raise UsageError(message("store.err.ambiguous", ref=ref, matches=shown))
        raise NotFoundError(self._not_found(ref))

    def _has_session(self, session_id: str) -> bool:
        folder = self.root / session_id
        return any(is_present(folder, name) for name in (HEADER_FILE, JOURNAL_FILE))

    def _matching(self, ref: str) -> list[str]:
        """The sessions whose id, or UUID, starts with ``ref``."""
        ids = self.ids()
        matches = [session_id for session_id in ids if session_id.startswith(ref)]
        if could_be_uuid(ref):
            matches += [
                session_id
                for session_id in ids
                if session_id not in matches and self._uuid_of(session_id).startswith(ref)
            ]
        return sorted(matches)

    def _uuid_of(self, session_id: str) -> str:
        """The UUID in a session's header ("" if it has none or cannot be read)."""
        try:
            return read_header(self.root / session_id).uuid or ""
        except (OSError, UsageError, JournalError):
            return ""

    def _not_found(self, ref: str) -> Message:
        close = get_close_matches(ref, self.ids(), n=1, cutoff=0.6)
        said = message("sessions.err.not_found", id=ref, root=str(self.root))
        if close:
            said = said.then(message("sessions.err.did_you_mean", id=close[0]))
        elif len(ref) < MIN_PREFIX:
            said = said.then(message("store.err.ref_short", count=MIN_PREFIX))
        return said.then(message("store.err.elsewhere"))

    def ids(self) -> list[str]:
        """The ids of the sessions in the store (folders with a header or a journal), sorted.

        A session folder that is a symbolic link is listed too (and refused when opened).
        """
        self.check_root()
        if not self.root.is_dir():
            return []
        found = session_candidates(self.root)
        return sorted(name for name, _ in found if self._has_session(name))

    def open(self, ref: str) -> Session:
        """The session ``ref`` names (see :meth:`resolve`).

        NotFoundError if there is none, UsageError for a bad reference, InvalidFileError for
        a damaged header or a session folder that is not a folder.
        """
        return self._open_id(self.resolve(ref))

    def _open_id(self, session_id: str) -> Session:
        """The session of the folder ``session_id`` (an id :meth:`ids` listed)."""
        folder = self.root / session_id
        try:
            with disk_errors(folder):
                check_folder(folder)
        except JournalError:
            if not os.path.lexists(folder):  # deleted since it was listed
                raise NotFoundError(self._not_found(session_id)) from None
            raise
        header = read_header(folder)
        if header.id != session_id:  # the folder was renamed: the folder name is the id
            header = replace(header, id=session_id)
        from facilitate.store.session import Session

        return Session(folder, header, now=self._now)

    # -- listing, archiving, deleting ----------------------------------------------------

    def list(self) -> list[ListedSession]:
        """All readable sessions as listed, newest date first; the others are kept in
        ``damaged``, and what reading them warned in ``warnings``.

        Looks at each session's journal and header in the store's listing index
        (``listing_index.py``); only a session whose files changed since is read again
        (its header and summary, and what its journal gained), and the index written anew.
        """
        self.warnings = []
        self.damaged = []
        self.check_root()
        if not self.root.is_dir():
            return []
        now_ns = int(self._now().timestamp() * 1e9)  # before any file is looked at
        from facilitate.store.listing_index import indexed_listing  # (a listing's own)

        listed = indexed_listing(self.root, now_ns, self._read_listed, self._has_session)
        listed.sort(key=lambda s: (s.header.date, s.header.created_at, s.header.id), reverse=True)
        return listed

    def _read_listed(self, session_id: str) -> tuple[ListedSession, bool] | None:
        """Session ``session_id`` as listed (from its header and summary) and whether reading
        it warned; None if it is gone, or damaged (then kept in ``damaged``)."""
        from facilitate.model.session_listing import ListedSession
        from facilitate.store.summary import current_digest

        try:
            session = self._open_id(session_id)
            digest = current_digest(session)
        except NotFoundError:  # deleted while we were listing
            return None
        except (JournalError, InvalidFileError) as error:
            self.damaged.append(
                DamagedSession(session_id, self.root / session_id, _one_line(error))
            )
            return None
        self.warnings += session.warnings
        return ListedSession.of(digest, session.header), bool(session.warnings)

    def is_live(self, session_id: str) -> bool:
        """True while a live run holds the run lock of session ``session_id`` (a probe that
        never waits; see :meth:`Session.is_live`). A session never run live has no run lock
        file at all: that is seen without opening anything."""
        lock = os.path.join(self.root, session_id, RUN_LOCK_FILE)
        return os.path.lexists(lock) and run_lock_held(self.root / session_id)

    def archive(self, ref: str) -> bool:
        """Mark a session archived (hidden from listings); False if it already was."""
        session = self.open(ref)
        with session.locked():
            header = read_header(session.path)
            if header.status == "archived":
                return False
            session.header = write_header(session.path, replace(header, status="archived"))
        return True

    def delete(self, ref: str) -> None:
        """Remove a session and its journal for good (also one whose header is damaged)."""
        session_id = self.resolve(ref)
        folder = self.root / session_id
        trash = self.root / f".deleted-{session_id}-{os.getpid()}-{secrets.token_hex(3)}"
        busy = message("sessions.err.delete_running", id=session_id)
        with (
            run_locked(folder, session_id, busy),
            folder_locked(folder, session_id),
            disk_errors(folder),
        ):
            os.replace(folder, trash)
        fsync_dir(self.root)
        shutil.rmtree(trash, ignore_errors=True)


def _one_line(error: JournalError | InvalidFileError) -> MessageLike:
    """What is wrong with a damaged session, on one line."""
    if isinstance(error, InvalidFileError):
        return Joined(tuple(error.problems))
    return error.message
