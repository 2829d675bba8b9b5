"""The names that ``facilitate.store.journal`` offered before the store was split up.

New code imports from the modules themselves: :mod:`facilitate.store.store` (the store),
:mod:`facilitate.store.session` (one session), :mod:`facilitate.store.reader` (reading from
an offset), :mod:`facilitate.store.locks`, :mod:`facilitate.store.headers` and
:mod:`facilitate.store.files`.
"""

from __future__ import annotations

from facilitate.store.files import (
    HEADER_FILE,
    JOURNAL_FILE,
    LOCK_FILE,
    RUN_LOCK_FILE,
    TORN_FILE,
    UnsafeFileError,
    disk_errors,
)
from facilitate.store.headers import header_bytes, header_message, header_problem, read_header
from facilitate.store.ids import new_entry_id
from facilitate.store.locks import SessionBusyError, folder_locked, run_locked
from facilitate.store.session import Session
from facilitate.store.store import DamagedSession, SessionStore

__all__ = [
    "HEADER_FILE",
    "JOURNAL_FILE",
    "LOCK_FILE",
    "RUN_LOCK_FILE",
    "TORN_FILE",
    "DamagedSession",
    "Session",
    "SessionBusyError",
    "SessionStore",
    "UnsafeFileError",
    "disk_errors",
    "folder_locked",
    "header_bytes",
    "header_message",
    "header_problem",
    "new_entry_id",
    "read_header",
    "run_locked",
]
