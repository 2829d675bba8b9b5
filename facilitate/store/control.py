"""A live run's control channel: a FIFO ``control`` in its session folder.

The run that holds the session's run lock makes it (:class:`ControlChannel`, mode 0600,
removed again when the run ends) and reads it without blocking; its key reader waits on
:meth:`ControlChannel.fileno` in the same ``select()`` as the terminal, so a command wakes
the run at once and nothing polls. The run also holds the FIFO's write end open itself, so
a console that closes its end never leaves the channel at end-of-file (which would make
``select()`` spin). Another process (the facilitator's console) sends one command line with
:func:`send_line`; with no run reading, opening fails with ENXIO and nothing is sent.

Only a FIFO owned by this user is ever opened, never through a symbolic link; anything
else named ``control`` in the folder is left alone and the run goes on without a channel.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from facilitate.model.control import CommandReader, encode_command

CONTROL_FILE = "control"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = _NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_READ_SIZE = 4096


def _own_fifo(mode: os.stat_result) -> bool:
    return stat.S_ISFIFO(mode.st_mode) and mode.st_uid == os.geteuid()


class ControlChannel:
    """The reading end of a session's control FIFO, for the run that holds its run lock.

    :meth:`open` returns None where no FIFO can be made (no ``mkfifo``, a read-only folder,
    something else in the way); the run then simply takes no commands.
    """

    def __init__(self, path: Path, read_fd: int, write_fd: int) -> None:
        self.path = path
        self._read_fd = read_fd
        self._write_fd = write_fd
        self.reader = CommandReader()

    @classmethod
    def open(cls, folder: Path) -> ControlChannel | None:
        """Make (or make again) the FIFO in ``folder`` and open both ends."""
        path = folder / CONTROL_FILE
        try:
            _remove_stale(path)
            os.mkfifo(path, 0o600)
            read_fd = os.open(path, os.O_RDONLY | _FLAGS)
        except (OSError, AttributeError, NotImplementedError):
            return None
        try:
            if not _own_fifo(os.fstat(read_fd)):
                raise OSError(errno.EPERM, "not our FIFO")
            write_fd = os.open(path, os.O_WRONLY | _FLAGS)
        except OSError:
            os.close(read_fd)
            return None
        return cls(path, read_fd, write_fd)

    def fileno(self) -> int:
        """The descriptor to wait on: readable when a command (or part of one) came."""
        return self._read_fd

    def read_commands(self) -> list[str]:
        """The commands that arrived (none when nothing did; never blocks or raises)."""
        data = b""
        with contextlib.suppress(OSError):  # nothing more now (EAGAIN), or the channel closed
            while chunk := os.read(self._read_fd, _READ_SIZE):
                data += chunk
                if len(chunk) < _READ_SIZE:
                    break
        return self.reader.feed(data) if data else []

    def close(self) -> None:
        """Remove the FIFO (a console then hears that no run is live) and close both ends."""
        with contextlib.suppress(OSError):
            if _own_fifo(os.lstat(self.path)):
                os.unlink(self.path)
        for fd in (self._read_fd, self._write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._read_fd = self._write_fd = -1

    def __enter__(self) -> ControlChannel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _remove_stale(path: Path) -> None:
    """A FIFO (or a link) left by a run that crashed goes; anything else stays in the way."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISFIFO(found.st_mode) or stat.S_ISLNK(found.st_mode):
        os.unlink(path)
    else:
        raise FileExistsError(errno.EEXIST, "in the way", str(path))


def send_line(folder: Path, command: str) -> bool:
    """Write ``command`` to the live run's channel in ``folder``; True if a run reads it.

    False when there is no channel, nobody reads it (ENXIO: no run), it is no FIFO of
    ours, or it is full. One line is far shorter than ``PIPE_BUF``, so it arrives whole.
    """
    line = encode_command(command)
    path = folder / CONTROL_FILE
    try:
        if not _own_fifo(os.lstat(path)):
            return False
        fd = os.open(path, os.O_WRONLY | _FLAGS)
    except OSError:
        return False
    try:
        if not _own_fifo(os.fstat(fd)):
            return False
        return os.write(fd, line) == len(line)
    except OSError:
        return False
    finally:
        os.close(fd)
