"""Durable file operations: atomic replace, fsync'd appends, and the end of an append-only file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from facilitate.store.files import create_file, open_file

_BLOCK = 8192


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (new, renamed or removed files) durable."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms that cannot open folders
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    folder: Path, name: str, data: bytes, mode: int | None = None, *, durable: bool = True
) -> None:
    """Replace ``folder/name`` with ``data``: write a new file, fsync, rename, fsync the folder.

    Readers see either the old content or the new one, never a mix, even after a power cut.
    The new file is created afresh (never through a link), and the rename replaces the entry
    ``name`` itself: a symbolic link there is replaced, its target never touched. ``mode``
    (e.g. 0o600 for a private file) is set whatever the umask. ``durable=False`` skips both
    fsyncs, for a file that is checked whenever it is read and made again when it does not
    hold (a cache): readers still see the old content or the new one, but after a power cut
    it may be either, or empty.
    """
    tmp = f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = create_file(folder, tmp, 0o644 if mode is None else mode)
    if fd is None:  # pragma: no cover - 32 random bits taken
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder / tmp))
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            write_all(fd, data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(folder / tmp, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            (folder / tmp).unlink()
        raise
    if durable:
        fsync_dir(folder)


def create_empty(folder: Path, name: str) -> None:
    """Create ``folder/name`` as an empty file (it must not exist) and make it durable."""
    fd = create_file(folder, name)
    if fd is None:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder / name))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(folder)


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def append_durably(folder: Path, name: str, data: bytes) -> None:
    """Append ``data`` to ``folder/name`` and fsync it; a new file's folder entry too."""
    created = True
    fd = create_file(folder, name)
    if fd is None:
        created = False
        fd = open_file(folder, name, os.O_WRONLY | os.O_APPEND)
    try:
        write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(folder)


def split_tail(fd: int, size: int) -> tuple[bytes, bytes]:
    """Read the end of an open file of ``size`` bytes: (last complete line, unfinished tail).

    The last complete line is returned without its newline (empty if there is none); the
    unfinished tail is whatever follows the last newline (empty if the file ends with one).
    Only the end of the file is read, however long the file is.
    """
    buffer = b""
    position = size
    while position > 0:
        start = max(0, position - _BLOCK)
        buffer = os.pread(fd, position - start, start) + buffer
        position = start
        last_newline = buffer.rfind(b"\n")
        if last_newline >= 0 and (position == 0 or buffer.rfind(b"\n", 0, last_newline) >= 0):
            break
    last_newline = buffer.rfind(b"\n")
    if last_newline < 0:
        return b"", buffer
    tail = buffer[last_newline + 1 :]
    line_start = buffer.rfind(b"\n", 0, last_newline) + 1
    return buffer[line_start:last_newline], tail
