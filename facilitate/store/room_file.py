"""The web room's own file in a session folder: its join code, tokens and controls.

``room.json`` is private to the facilitator's account (mode 0600: it holds the tokens that
let phones post), replaced atomically, and never read as part of the session's record.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from facilitate.store.durable import fsync_dir, write_atomic
from facilitate.store.files import disk_errors, read_file

ROOM_FILE = "room.json"
DAMAGED = "room.json.damaged"
PRIVATE = 0o600


class RoomFileDamaged(Exception):
    """A ``room.json`` that is not a JSON object."""


def read_room_file(folder: Path) -> dict[str, Any] | None:
    """What ``room.json`` holds; None when it is missing (RoomFileDamaged: not a JSON object)."""
    try:
        data = json.loads(read_file(folder, ROOM_FILE))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError):
        raise RoomFileDamaged from None
    if not isinstance(data, dict):
        raise RoomFileDamaged
    return data


def keep_damaged_room_file(folder: Path) -> Path:
    """Move ``room.json`` aside (``room.json.damaged``, then ``.1``, ``.2`` ... if taken) before
    a new one is written; the path it is kept at."""
    kept, n = folder / DAMAGED, 0
    while os.path.lexists(kept):
        n += 1
        kept = folder / f"{DAMAGED}.{n}"
    with disk_errors(folder / ROOM_FILE):
        os.rename(folder / ROOM_FILE, kept)
        fsync_dir(folder)
    return kept


def write_room_file(folder: Path, data: dict[str, object]) -> None:
    """Replace ``room.json`` with ``data`` (mode 0600, fsync'd, renamed into place)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    with disk_errors(folder / ROOM_FILE):
        write_atomic(folder, ROOM_FILE, text, PRIVATE)
