"""Read the files people name (method files, later plans) without ever blocking or hanging.

Only regular files are read: a named pipe called ``x.yaml`` would block forever, a device such
as ``/dev/zero`` never ends, and a symbolic link loop never resolves; each is one problem line.
A file is read only up to :data:`MAX_FILE_BYTES`, a limit that names itself when it is hit.
Bytes that are not UTF-8 are reported with their line and column.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from facilitate.errors import InvalidFileError, NotFoundError, Problem
from facilitate.i18n.messages import Message, message

MAX_FILE_BYTES = 1_000_000
"""The largest method file read (1 MB; the largest bundled method is 25 kB)."""
MAX_FILE_TEXT = "1 MB"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _problem(
    name: str, said: Message, line: int | None = None, column: int | None = None
) -> InvalidFileError:
    return InvalidFileError([Problem(name, line, column, "", said)])


def file_kind(mode: int) -> str:
    """What a non-regular file is, for the message: fifo, device, socket, folder, other."""
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "folder"
    return "other"


def _refuse_special(mode: int, name: str) -> None:
    if not stat.S_ISREG(mode):
        kind = message(f"lib.kind.{file_kind(mode)}")
        raise _problem(name, message("lib.not_regular", kind=kind))


def _os_problem(error: OSError, name: str) -> InvalidFileError | NotFoundError:
    if isinstance(error, FileNotFoundError):
        return NotFoundError(message("lib.no_such_file", path=name))
    if error.errno == errno.ELOOP:
        return _problem(name, message("lib.symlink_loop"))
    return _problem(name, message("lib.unreadable", error=error.strerror or str(error)))


def read_file_bytes(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path`` (``name`` is how messages call it).

    NotFoundError when it does not exist; InvalidFileError when it is not a regular file,
    is a symbolic link loop, cannot be read, or holds more than ``limit`` bytes.
    """
    try:
        _refuse_special(os.stat(path).st_mode, name)  # never open a device or a pipe
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_problem(error, name) from None
    try:
        info = os.fstat(fd)
        _refuse_special(info.st_mode, name)  # it may have been swapped since the stat
        if info.st_size > limit:
            raise _problem(name, message("lib.too_large", limit=MAX_FILE_TEXT))
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := os.read(fd, 65536)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise _os_problem(error, name) from None
    finally:
        os.close(fd)
    if size > limit:
        raise _problem(name, message("lib.too_large", limit=MAX_FILE_TEXT))
    return b"".join(chunks)


def decode_text(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text; InvalidFileError naming the line and column of a bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        said = message("lib.not_utf8", byte=data[start], line=line, column=column)
        raise _problem(name, said, line, column) from None


def read_text_file(path: Path, name: str, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of the regular file ``path``; see :func:`read_file_bytes`."""
    return decode_text(read_file_bytes(path, name, limit), name)
