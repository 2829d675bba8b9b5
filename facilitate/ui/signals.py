"""Stopping a live run from outside: Ctrl-C, SIGTERM, and a terminal that went away.

The first SIGHUP, SIGTERM or SIGINT asks the run to stop; it is saved (``run_stopped``
recorded) and the process exits 129 for a hang-up, 130 for an interrupt, 143 for SIGTERM.
Signals that follow (a closed window sends SIGHUP, often twice, then SIGCONT) are ignored,
so they cannot break the save. A terminal that is gone without a signal (EOF or an I/O
error when reading it) counts as a hang-up.

The stop is not raised from inside the signal handler, where it could cut a journal write
in two: the handler only takes note and wakes the key reader, and
:meth:`~facilitate.ui.keys.TerminalKeys.next_key` raises :class:`StopRequested` at its next
wait. Only while a prompt has the terminal (the reader is paused) does the handler raise at
once, which cancels the prompt. Once the terminal is gone, the standard streams that were a
terminal are pointed at ``/dev/null``, so nothing is written to it (and Python's last flush
cannot fail).
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from types import FrameType, TracebackType

try:
    import termios
except ImportError:  # Windows
    termios = None  # type: ignore[assignment]

HANGUP = "hangup"
INTERRUPT = "interrupt"
TERMINATE = "terminate"
EXIT_STATUS = {HANGUP: 129, INTERRUPT: 130, TERMINATE: 143}
"""128 + the signal's number, as shells report a process ended by it."""
_SIGNALS = (("SIGHUP", HANGUP), ("SIGTERM", TERMINATE), ("SIGINT", INTERRUPT))
STANDARD_FDS = (0, 1, 2)


class StopRequested(KeyboardInterrupt):
    """A signal asked the run to stop: handled wherever Ctrl-C is (the run is saved)."""


class TerminalLost(StopRequested):
    """The terminal went away (EOF or an I/O error on it): a hang-up."""


def _terminal_gone(fd: int) -> bool:
    """True when ``fd`` was a terminal that has been hung up (its settings can't be read)."""
    if termios is None:
        return False
    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError):
        return True
    return False


class StopSignals:
    """Catches SIGHUP, SIGTERM and SIGINT for a run; use as a context manager.

    ``received`` is the first one's kind (hangup, terminate, interrupt) or None.
    ``interruptible`` is set by the key reader while a prompt has the terminal.
    """

    def __init__(self, fds: tuple[int, ...] = STANDARD_FDS) -> None:
        self.received: str | None = None
        self.interruptible = False
        self._wakers: list[Callable[[], None]] = []
        self._previous: dict[int, object] = {}
        self._ttys = [fd for fd in fds if _isatty(fd)]
        self.silenced = False

    def __enter__(self) -> StopSignals:
        for name, kind in _SIGNALS:
            signum = getattr(signal, name, None)
            if signum is not None:
                self._previous[signum] = signal.signal(signum, self._handler(kind))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for signum, handler in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def add_waker(self, wake: Callable[[], None]) -> None:
        """Call ``wake`` when the first signal arrives (the key reader's wake-up pipe)."""
        self._wakers.append(wake)

    def _handler(self, kind: str) -> Callable[[int, FrameType | None], None]:
        def handle(signum: int, frame: FrameType | None) -> None:
            if self.received is not None:
                return  # the run is already stopping: let the save finish
            self.received = kind
            for wake in self._wakers:
                wake()
            if self.interruptible:
                raise StopRequested

        return handle

    def hang_up(self) -> None:
        """The terminal is gone: a hang-up, unless another signal came first."""
        if self.received is None:
            self.received = HANGUP

    @property
    def exit_code(self) -> int:
        """The exit status for the run's stop: 129, 130 or 143 (130 without any signal)."""
        return EXIT_STATUS[self.received or INTERRUPT]

    def settle(self) -> None:
        """After the run: if a terminal it had is gone, say hang-up and stop writing to it."""
        if any(_terminal_gone(fd) for fd in self._ttys):
            self.hang_up()
            self.silence()

    def silence(self) -> None:
        """Point the standard streams that were a terminal at /dev/null."""
        if self.silenced:
            return
        self.silenced = True
        with contextlib.suppress(OSError):
            null = os.open(os.devnull, os.O_RDWR)
            for fd in self._ttys:
                with contextlib.suppress(OSError):
                    os.dup2(null, fd)
            os.close(null)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False
