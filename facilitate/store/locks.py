"""The two locks of a session folder: the folder lock (held for each append, well under a
millisecond) and the run lock (held for a whole live run, so a second run is refused at once).

Both are advisory ``flock`` locks on files of the session folder, opened like every session
file (:func:`facilitate.store.files.open_file`: never through a link, never truncated). The
operating system releases them when the holding process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from facilitate.errors import FacilitateError, JournalError, NotFoundError, UsageError
from facilitate.i18n.messages import Message, message
from facilitate.store.files import LOCK_FILE, RUN_LOCK_FILE, disk_error, open_file

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT_SECONDS = 30.0
RUN_LOCK_GRACE_SECONDS = 0.05  # a run waits this long for a probe (run_lock_held) to let go
LOCK_POLL_SECONDS = 0.001  # a waiting writer retries this often (an append holds it < 1 ms)
_BUSY_ERRNOS = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK}


class SessionBusyError(UsageError):
    """The session is being run live in another terminal (notes can still be added)."""


class _Taken(Exception):
    """The lock is held by someone else (for longer than we wait)."""


def _try_lock(fd: int, *, shared: bool = False) -> bool:
    """Take the lock on ``fd`` if it is free (``shared``: if nobody holds it exclusively);
    False if another holder has it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as error:
        if error.errno in _BUSY_ERRNOS:
            return False
        raise
    return True


def _acquire(folder: Path, name: str, timeout: float) -> int:
    """Take the lock file ``name`` of ``folder``, waiting up to ``timeout``; its descriptor."""
    fd = open_file(folder, name, os.O_RDWR | os.O_CREAT)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise _Taken
            time.sleep(LOCK_POLL_SECONDS)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextlib.contextmanager
def _holding(
    folder: Path, session_id: str, name: str, timeout: float, busy: Callable[[], FacilitateError]
) -> Iterator[None]:
    """Hold the lock ``name`` of the session folder; raise ``busy()`` when it stays taken."""
    if not folder.is_dir():
        raise NotFoundError(message("sessions.err.gone", id=session_id))
    try:
        fd = _acquire(folder, name, timeout)
    except _Taken:
        raise busy() from None
    except FileNotFoundError:
        raise NotFoundError(message("sessions.err.gone", id=session_id)) from None
    except OSError as error:
        raise disk_error(folder / name, error) from None
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def run_locked(
    folder: Path, session_id: str, busy_message: Message
) -> contextlib.AbstractContextManager[None]:
    """Hold the run lock of the session folder; SessionBusyError at once while a run holds it
    (after waiting out a probe's instant, :data:`RUN_LOCK_GRACE_SECONDS`)."""
    return _holding(
        folder,
        session_id,
        RUN_LOCK_FILE,
        RUN_LOCK_GRACE_SECONDS,
        lambda: SessionBusyError(busy_message),
    )


def run_lock_held(folder: Path) -> bool:
    """True if a live run holds the run lock of the session folder now.

    A probe that never waits and never disturbs the run: it takes the lock shared, at once or
    not at all, and lets it go again (a run starting in that instant would be refused as if
    another run held it; two probes never refuse each other). A folder without a run lock
    file, or one that cannot be opened, has no live run.
    """
    try:
        fd = open_file(folder, RUN_LOCK_FILE, os.O_RDONLY)
    except (OSError, FacilitateError):
        return False
    try:
        return not _try_lock(fd, shared=True)
    except OSError:
        return False
    finally:
        os.close(fd)  # closing the descriptor releases the probe's lock


def folder_locked(folder: Path, session_id: str) -> contextlib.AbstractContextManager[None]:
    """Hold the exclusive lock of the session folder (even if its header is damaged)."""
    return _holding(
        folder,
        session_id,
        LOCK_FILE,
        LOCK_TIMEOUT_SECONDS,
        lambda: JournalError(message("journal.err.locked", id=session_id)),
    )
