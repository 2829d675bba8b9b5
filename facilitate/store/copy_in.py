"""A session folder made whole from a copy elsewhere (an archive): its header and its lines.

The folder is written under a temporary name, fsync'd and renamed into place, so the store
never shows half a session. Unless it is to be written to, its files are read-only (mode
0444): a copy of an archived session is for reading, and an append is refused.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path

from facilitate.errors import FacilitateError, UsageError
from facilitate.i18n.messages import Message, message
from facilitate.model.session_header import SessionHeader
from facilitate.store.durable import fsync_dir, write_atomic
from facilitate.store.files import HEADER_FILE, JOURNAL_FILE, disk_errors
from facilitate.store.headers import header_bytes, read_header
from facilitate.store.ids import check_session_id

READ_ONLY = 0o444


def write_session_copy(
    root: Path, header: SessionHeader, lines: Sequence[str], *, writable: bool = False
) -> Path:
    """Write the session folder ``root/<header.id>``; its path.

    UsageError if the store already has a folder of that id (the same session, or another),
    or if the id is not a safe folder name (the folder must sit directly under ``root``).
    """
    target = root / check_session_id(header.id)
    if target.parent != root or target.name != header.id:
        raise UsageError(message("sessions.err.bad_id", id=header.id))
    if target.exists() or target.is_symlink():
        raise UsageError(_taken(target, header))
    temporary = root / f".copy-{header.id}-{os.getpid()}-{secrets.token_hex(3)}"
    with disk_errors(root):
        root.mkdir(parents=True, exist_ok=True)
        temporary.mkdir()
        try:
            write_atomic(temporary, HEADER_FILE, header_bytes(header))
            journal = "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
            write_atomic(temporary, JOURNAL_FILE, journal)
            if not writable:
                for name in (HEADER_FILE, JOURNAL_FILE):
                    os.chmod(temporary / name, READ_ONLY)
            os.rename(temporary, target)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        fsync_dir(root)
    return target


def _taken(target: Path, header: SessionHeader) -> Message:
    """Why the copy cannot go to ``target``: it is that session already, or another one."""
    try:
        here = read_header(target).uuid
    except (FacilitateError, OSError):  # a damaged folder is still not ours to replace
        here = None
    key = "store.err.copy_same" if here == header.uuid else "store.err.copy_taken"
    return message(key, id=header.id, path=str(target))
