"""Key input for the live view: a protocol, and a cbreak reader that blocks in ``select``.

The reader never polls: :meth:`TerminalKeys.next_key` sleeps in one ``select()`` until a
key arrives, the window is resized or the timeout (the next tick) passes. The terminal is
put in cbreak mode, not raw mode (raw mode turns off output processing and garbles Rich's
Live view), and its settings are restored on every way out.

With a :class:`~facilitate.ui.signals.StopSignals` the reader is where a stop arrives: a
signal wakes the ``select()`` and :meth:`TerminalKeys.next_key` raises
:class:`~facilitate.ui.signals.StopRequested`; EOF or an I/O error on the terminal raises
:class:`~facilitate.ui.signals.TerminalLost` (a hang-up).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import select
import signal
import sys
import time
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any, Protocol

from facilitate.ui.signals import StopRequested, StopSignals, TerminalLost

try:
    import termios
    import tty
except ImportError:  # Windows: no terminal modes; the view runs, keys are not read
    termios = tty = None  # type: ignore[assignment]

RESIZE = "<resize>"
"""Returned by :meth:`KeySource.next_key` when the terminal changed size (or came back)."""
ENTER = "<enter>"
ESCAPE = "<escape>"
TAB = "<tab>"
BACKTAB = "<backtab>"
BACKSPACE = "<backspace>"
DELETE = "<delete>"
KILL_LINE = "<kill-line>"
LEFT = "<left>"
RIGHT = "<right>"
UP = "<up>"
DOWN = "<down>"
HOME = "<home>"
END = "<end>"
COMMAND_PREFIX = "<command:"
"""A key that came from the run's control channel (the console), not from this terminal."""


def command_key(name: str) -> str:
    """The key :meth:`TerminalKeys.next_key` returns for control command ``name``."""
    return f"{COMMAND_PREFIX}{name}>"


def command_of(key: str) -> str | None:
    """The control command a key stands for, or None for a key typed here."""
    if key.startswith(COMMAND_PREFIX) and key.endswith(">"):
        return key[len(COMMAND_PREFIX) : -1]
    return None


class CommandSource(Protocol):
    """Commands for the run from elsewhere (a control channel): a descriptor to wait on,
    and what arrived once it is readable (see :mod:`facilitate.model.control`)."""

    def fileno(self) -> int: ...

    def read_commands(self) -> list[str]: ...


class KeySource(Protocol):
    """Where keys come from: the terminal, or a script in tests."""

    def next_key(self, timeout: float | None) -> str | None:
        """Wait up to ``timeout`` seconds (None: forever); a key, :data:`RESIZE` or None."""
        ...

    def pause(self) -> None:
        """Give the terminal back in its normal mode (before a prompt)."""
        ...

    def resume(self) -> None:
        """Take the terminal again after :meth:`pause`."""
        ...


CSI_KEYS = {
    "A": UP, "B": DOWN, "C": RIGHT, "D": LEFT, "H": HOME, "F": END, "Z": BACKTAB,
    "1~": HOME, "7~": HOME, "4~": END, "8~": END, "3~": DELETE,
}  # fmt: skip
"""Escape sequences (after ESC [ or ESC O) that name a key the note line uses."""
CONTROL_KEYS = {"\r": ENTER, "\n": ENTER, "\t": TAB, "\x7f": BACKSPACE, "\x08": BACKSPACE}
CONTROL_KEYS["\x15"] = KILL_LINE  # Ctrl-U


def decode_keys(data: bytes) -> list[str]:
    """Keys in a chunk read from the terminal (see :func:`keys_in`)."""
    return keys_in(data.decode("utf-8", errors="ignore"))


def keys_in(text: str) -> list[str]:
    """Keys in text read from the terminal: characters, and names for Enter, Esc, Tab,
    Backspace, Ctrl-U and the arrows, Home, End, Delete; other escape sequences (F-keys)
    and control characters are dropped whole."""
    keys: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\x1b":
            if i + 1 < len(text) and text[i + 1] in "[O":
                j = i + 2
                while j < len(text) and not ("@" <= text[j] <= "~"):
                    j += 1
                body = text[i + 2 : j + 1]  # e.g. "C", "1;5C" (with Ctrl), "3~"
                named = CSI_KEYS.get(body if body.endswith("~") else body.lstrip("0123456789;"))
                if named is not None:
                    keys.append(named)
                i = j + 1
                continue
            keys.append(ESCAPE)
        elif char in CONTROL_KEYS:
            keys.append(CONTROL_KEYS[char])
        elif char.isprintable():
            keys.append(char)
        i += 1
    return keys


class TerminalKeys:
    """Keys from a terminal in cbreak mode; use as a context manager.

    With ``fd`` None (standard input is not a terminal) it reads no keys and only waits,
    still waking up on a resize. ``on_stop``/``on_continue`` are called around Ctrl-Z so the
    caller can leave and re-enter its full-screen view. ``stops`` makes it raise when the
    run is asked to stop (see the module text). ``commands`` is waited on in the same
    ``select()``; each command it gives is returned as :func:`command_key`.
    """

    def __init__(
        self,
        fd: int | None = None,
        *,
        on_stop: Callable[[], None] | None = None,
        on_continue: Callable[[], None] | None = None,
        stops: StopSignals | None = None,
        commands: CommandSource | None = None,
    ) -> None:
        self.fd = fd
        self.commands = commands
        self.on_stop = on_stop
        self.on_continue = on_continue
        self.stops = stops
        self._saved: list[Any] | None = None
        self._pending: list[str] = []
        self._wake_r = self._wake_w = -1
        self._old_handlers: dict[int, object] = {}
        self._eof = False
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="ignore")

    @classmethod
    def for_stdin(cls, **kwargs: Any) -> TerminalKeys:
        """Keys from standard input when it is a terminal, else a reader that only waits."""
        tty_in = termios is not None and sys.stdin is not None and sys.stdin.isatty()
        return cls(sys.stdin.fileno() if tty_in else None, **kwargs)

    def __enter__(self) -> TerminalKeys:
        if termios is None:
            return self
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._handle(signal.SIGWINCH, self._on_winch)
        if self.stops is not None:
            self.stops.add_waker(self._wake)
        if self.fd is not None:
            self._saved = termios.tcgetattr(self.fd)
            self.resume()
            self._handle(signal.SIGTSTP, self._on_tstp)
            self._handle(signal.SIGCONT, self._on_cont)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Restore the terminal's settings and the signal handlers; safe to call twice."""
        self._restore_mode()
        if self.stops is not None:
            self.stops.interruptible = False
        for signum, handler in self._old_handlers.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(signum, handler)  # type: ignore[arg-type]
        self._old_handlers.clear()
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._wake_r = self._wake_w = -1

    def pause(self) -> None:
        """Normal mode for a prompt; a stop signal now cancels the prompt at once."""
        self._restore_mode()
        if self.stops is not None:
            self.stops.interruptible = True

    def _restore_mode(self) -> None:
        if self.fd is not None and self._saved is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def resume(self) -> None:
        if self.stops is not None:
            self.stops.interruptible = False
        if self.fd is not None:
            with contextlib.suppress(termios.error, OSError):
                tty.setcbreak(self.fd, termios.TCSANOW)

    def _check_stop(self) -> None:
        if self.stops is not None and self.stops.received is not None:
            raise StopRequested

    def _lost(self) -> None:
        """EOF or an I/O error on the terminal: it is gone, which is a hang-up."""
        self._eof = True
        if self.stops is not None:
            self.stops.hang_up()
        raise TerminalLost

    def next_key(self, timeout: float | None) -> str | None:
        self._check_stop()
        if self._pending:
            return self._pending.pop(0)
        if self._wake_r < 0:  # no terminal support at all: only wait
            time.sleep(1.0 if timeout is None else max(0.0, timeout))
            return None
        watch = [self._wake_r]
        if self.fd is not None and not self._eof:
            watch.append(self.fd)
        if self.commands is not None:
            watch.append(self.commands.fileno())
        readable, _, _ = select.select(watch, [], [], None if timeout is None else max(0, timeout))
        self._check_stop()
        if self._wake_r in readable:
            with contextlib.suppress(BlockingIOError):
                os.read(self._wake_r, 64)
            return RESIZE
        if self.commands is not None and self.commands.fileno() in readable:
            self._pending.extend(command_key(name) for name in self.commands.read_commands())
            if self._pending:
                return self._pending.pop(0)
        if self.fd is not None and self.fd in readable:
            try:
                data = os.read(self.fd, 64)
            except OSError:  # EIO: the terminal was hung up
                data = b""
            if not data:
                self._lost()
            self._pending.extend(keys_in(self._decoder.decode(data)))
            return self._pending.pop(0) if self._pending else None
        return None

    # -- signals -------------------------------------------------------------------------

    def _handle(self, signum: int, handler: Callable[[int, FrameType | None], None]) -> None:
        self._old_handlers[signum] = signal.signal(signum, handler)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"w")

    def _on_winch(self, signum: int, frame: FrameType | None) -> None:
        self._wake()

    def _stopping(self) -> bool:
        return self.stops is not None and self.stops.received is not None

    def _on_tstp(self, signum: int, frame: FrameType | None) -> None:
        if self.on_stop is not None:
            with contextlib.suppress(OSError):
                self.on_stop()
        self._restore_mode()
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)

    def _on_cont(self, signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTSTP, self._on_tstp)
        if self._stopping():  # a closed window sends SIGCONT after SIGHUP: leave it alone
            return
        self.resume()
        if self.on_continue is not None:
            with contextlib.suppress(OSError):  # the terminal may be gone
                self.on_continue()
        self._wake()
