"""The files of a session folder, opened safely: never through a symbolic link, only regular files.

A session store may be a shared folder (a USB stick, a folder synced from a colleague). A
``journal.jsonl`` there that is a symbolic link, a FIFO or a device must never make facilitate
write to another file, or wait forever. So every file of a session is opened here: relative
to the session folder's own descriptor (the folder itself not a link), with ``O_NOFOLLOW``
and ``O_NONBLOCK``, after an ``lstat`` (a FIFO or a device is never opened at all) and
checked again with ``fstat`` once open. Anything else is refused in one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from facilitate.errors import InvalidFileError, JournalError, Problem
from facilitate.i18n.messages import Message, message

HEADER_FILE = "session.json"
JOURNAL_FILE = "journal.jsonl"
TORN_FILE = "journal.torn"
LOCK_FILE = "session.lock"
RUN_LOCK_FILE = "run.lock"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_SAFE_FLAGS = _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_SAFE_FLAGS |= getattr(os, "O_CLOEXEC", 0)
_FOLDER_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_DIRECTORY", 0)
_FOLDER_FLAGS |= getattr(os, "O_CLOEXEC", 0)
_DIR_FD = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd
_LINK_ERRNOS = {errno.ELOOP, errno.EMLINK}  # what O_NOFOLLOW gives for a link (Linux, BSD)
_READ_BLOCK = 1 << 20


class UnsafeFileError(InvalidFileError):
    """A session file that is not a regular file in its folder: refused, never written."""

    def __init__(self, path: Path, what: Message) -> None:
        refusal = message("store.err.not_regular", what=what)
        super().__init__([Problem(str(path), None, None, "", refusal)])
        self.path = path


def disk_error(path: Path, error: OSError) -> JournalError:
    """An operating-system error (permissions, a full disk) as one clear line."""
    detail = error.strerror or str(error)
    return JournalError(
        message("journal.err.disk", file=str(error.filename or path), detail=detail)
    )


@contextlib.contextmanager
def disk_errors(path: Path) -> Iterator[None]:
    """Turn an operating-system error into one clear line (:func:`disk_error`)."""
    try:
        yield
    except OSError as error:
        raise disk_error(path, error) from None


def _what(mode: int) -> Message:
    """What a file of this mode is, in words ("a symbolic link", "a FIFO" ...)."""
    if stat.S_ISLNK(mode):
        return message("store.kind.link")
    if stat.S_ISDIR(mode):
        return message("store.kind.folder")
    if stat.S_ISFIFO(mode):
        return message("store.kind.fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return message("store.kind.device")
    return message("store.kind.special")


def check_folder(path: Path) -> None:
    """Refuse a session folder that is a symbolic link or not a folder (a missing one raises
    FileNotFoundError)."""
    mode = os.lstat(path).st_mode
    if not stat.S_ISDIR(mode):
        raise UnsafeFileError(path, _what(mode))


@contextlib.contextmanager
def _folder_fd(folder: Path) -> Iterator[int | None]:
    """The session folder's descriptor (None where the platform cannot open relative to one)."""
    if not _DIR_FD:
        check_folder(folder)
        yield None
        return
    try:
        fd = os.open(folder, _FOLDER_FLAGS)
    except OSError as error:
        if error.errno in _LINK_ERRNOS or error.errno == errno.ENOTDIR:
            check_folder(folder)  # says what it is instead
        raise
    try:
        yield fd
    finally:
        os.close(fd)


def open_file(folder: Path, name: str, flags: int, mode: int = 0o644) -> int:
    """Open the regular file ``name`` of the session folder ``folder``; its descriptor.

    Raises :class:`UnsafeFileError` for a symbolic link, a FIFO, a device or a folder (in
    place of the file or of the session folder), and ``OSError`` as usual otherwise
    (``FileNotFoundError`` when it is missing and ``flags`` do not create it).
    """
    path = folder / name
    with _folder_fd(folder) as dir_fd:
        where = name if dir_fd is not None else str(path)
        try:
            found = os.stat(where, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            if not flags & os.O_CREAT:
                raise
        else:
            if not stat.S_ISREG(found.st_mode):
                raise UnsafeFileError(path, _what(found.st_mode))
        try:
            fd = os.open(where, flags | _SAFE_FLAGS, mode, dir_fd=dir_fd)
        except OSError as error:
            if error.errno in _LINK_ERRNOS or error.errno == errno.ENXIO:
                raise UnsafeFileError(path, _what(os.lstat(path).st_mode)) from None
            raise
    opened = os.fstat(fd).st_mode
    if not stat.S_ISREG(opened):  # replaced between the two looks
        os.close(fd)
        raise UnsafeFileError(path, _what(opened))
    return fd


def create_file(folder: Path, name: str, mode: int = 0o644) -> int | None:
    """Create ``name`` in ``folder`` (never through a link); None if it already exists."""
    try:
        return open_file(folder, name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return None


def read_from(fd: int, offset: int, size: int) -> bytes:
    """The bytes of the open file ``fd`` from ``offset`` up to ``size`` (or its end if sooner)."""
    parts = []
    while offset < size:
        chunk = os.pread(fd, min(_READ_BLOCK, size - offset), offset)
        if not chunk:
            break
        parts.append(chunk)
        offset += len(chunk)
    return b"".join(parts)


def read_file(folder: Path, name: str) -> bytes:
    """All bytes of the regular file ``name`` of ``folder``."""
    fd = open_file(folder, name, os.O_RDONLY)
    try:
        return read_from(fd, 0, os.fstat(fd).st_size)
    finally:
        os.close(fd)


def is_present(folder: Path, name: str) -> bool:
    """True if ``folder`` has an entry ``name`` (of any kind, a dangling link too)."""
    return os.path.lexists(folder / name)
