"""A served session's ``room.json``: who may join and post, and the facilitator's choices.

The join code, the phones' token and the facilitator's key are made once and kept beside the
journal (mode 0600, :mod:`facilitate.store.room_file`), so a restarted server takes the same
code and the phones that joined stay joined. A damaged ``room.json`` is kept aside
(``room.json.damaged``) and new ones are made, with a warning: phones must join again.
The step running now takes entries unless the facilitator closed it; another step only
when it was opened.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import replace

from facilitate.app.input_targets import StepTarget
from facilitate.i18n.messages import Message, message
from facilitate.records import Record
from facilitate.store.room_file import (
    ROOM_FILE,
    RoomFileDamaged,
    keep_damaged_room_file,
    read_room_file,
    write_room_file,
)
from facilitate.store.store import SessionStore

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class RoomAccess(Record):
    """What lets people in: the join code (typed or scanned), the token a joined phone
    carries, and the facilitator's key to the controls."""

    code: str
    token: str
    admin: str

    def code_matches(self, given: str) -> bool:
        cleaned = given.strip().upper().replace(" ", "").replace("-", "")
        return secrets.compare_digest(cleaned.encode(), self.code.encode())

    def token_matches(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    def admin_matches(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.admin.encode())


class RoomControls(Record):
    """The facilitator's choices: steps (places) closed or opened, results hidden."""

    closed: frozenset[str] = frozenset()
    opened: frozenset[str] = frozenset()
    results_hidden: bool = False

    def is_open(self, place: str, current: str | None) -> bool:
        """True if phones may post to ``place`` while ``current`` is the step running now."""
        if place in self.closed:
            return False
        return place in self.opened or (place != "" and place == current)


def place_of(target: StepTarget) -> str:
    """A step's place as phones name it: ``run id/step#round`` ("" for no step)."""
    if target.step is None:
        return ""
    return f"{target.run_id or ''}/{target.label}"


def split_place(place: str) -> tuple[str | None, str]:
    run_id, _, label = place.partition("/")
    return run_id or None, label


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class RoomSettings:
    """A session's ``room.json``: access (made once, kept) and controls (changed live)."""

    def __init__(self, store: SessionStore, session_ref: str) -> None:
        self.session = store.open(session_ref)
        self._lock = threading.Lock()
        self.warnings: list[Message] = []
        """What the facilitator should hear (a damaged ``room.json`` replaced)."""
        data = self._read()
        code, token, admin = (data.get(k) for k in ("code", "token", "admin"))
        if not all(isinstance(v, str) and v for v in (code, token, admin)):
            if data:  # a room.json without its access
                self._keep_damaged()
            code, token, admin = _new_code(), secrets.token_urlsafe(18), secrets.token_urlsafe(18)
        self.access = RoomAccess(str(code), str(token), str(admin))
        self.controls = RoomControls(
            frozenset(_strings(data.get("closed"))),
            frozenset(_strings(data.get("opened"))),
            data.get("results_hidden") is True,
        )
        self.version = 0
        self._save()

    def _read(self) -> dict[str, object]:
        try:
            return read_room_file(self.session.path) or {}
        except RoomFileDamaged:
            self._keep_damaged()
            return {}

    def _keep_damaged(self) -> None:
        kept = keep_damaged_room_file(self.session.path)
        where = str(self.session.path / ROOM_FILE)
        self.warnings.append(message("serve.warn.room_damaged", file=where, kept=str(kept)))

    def set_input(self, place: str, is_open: bool) -> RoomControls:
        """Open or close input for ``place`` (see :func:`place_of`); saved at once."""
        with self._lock:
            closed, opened = set(self.controls.closed), set(self.controls.opened)
            (opened if is_open else closed).add(place)
            (closed if is_open else opened).discard(place)
            self.controls = replace(
                self.controls, closed=frozenset(closed), opened=frozenset(opened)
            )
            self._save()
        return self.controls

    def set_results(self, shown: bool) -> RoomControls:
        """Show or hide the results on the pages; saved at once."""
        with self._lock:
            self.controls = replace(self.controls, results_hidden=not shown)
            self._save()
        return self.controls

    def _save(self) -> None:
        access, controls = self.access, self.controls
        data: dict[str, object] = {"code": access.code, "token": access.token}
        data |= {"admin": access.admin, "results_hidden": controls.results_hidden}
        data |= {"closed": sorted(controls.closed), "opened": sorted(controls.opened)}
        write_room_file(self.session.path, data)
        self.version += 1


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
