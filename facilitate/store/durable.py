"""Durable file operations: atomic replace, fsync'd appends, and the end of an append-only file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: write a temporary file, fsync, rename, fsync the folder.

    Readers see either the old content or the new one, never a mix, even after a power cut.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def create_empty(path: Path) -> None:
    """Create ``path`` as an empty file (it must not exist) and make it durable."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(path.parent)


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def append_durably(path: Path, data: bytes) -> None:
    """Append ``data`` to ``path`` (created if missing) and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


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
