"""The real program in a pseudo-terminal, its output read through a terminal emulator (pyte),
so that tests see the screen as a person would, and every byte it sent (the bell).

Waits are deadlines on what the screen shows, never sleeps.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte

WAIT = 10.0


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.update(
        FACILITATE_LANG="en",
        FACILITATE_SESSIONS=str(tmp_path / "sessions"),
        FACILITATE_CONFIG_DIR=str(tmp_path / "config"),
        FACILITATE_AUTHOR="Test Facilitator",
        TERM="xterm-256color",
        LANG="C.UTF-8",
    )
    return env


class PtyScreen:
    """``python -m facilitate ARGS`` in a ``cols`` x ``rows`` terminal."""

    def __init__(self, args: list[str], tmp_path: Path, size: tuple[int, int]) -> None:
        cols, rows = size
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "facilitate", *args],
            cwd=str(tmp_path),
            env=env_for(tmp_path),
            dimensions=(rows, cols),
            timeout=WAIT,
        )
        self.ended = False

    # -- reading -------------------------------------------------------------------------

    def pump(self, timeout: float = 0.05) -> None:
        """Feed the emulator everything the program has written (waiting up to ``timeout``)."""
        while not self.ended:
            try:
                data = self.child.read_nonblocking(65536, timeout=timeout)
            except pexpect.TIMEOUT:
                return
            except (pexpect.EOF, OSError):  # the program ended (EIO or a closed descriptor)
                self.ended = True
                return
            self.raw += data
            self.stream.feed(data)
            timeout = 0

    @property
    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, check: Callable[[PtyScreen], object], what: str = "") -> None:
        """Pump until ``check(self)`` is true; fail with the screen after :data:`WAIT` s."""
        deadline = time.monotonic() + WAIT
        while not check(self):
            if time.monotonic() > deadline or self.ended:
                raise AssertionError(f"never shown: {what}\n{self.text}")
            self.pump()

    def wait_text(self, text: str) -> None:
        self.wait_for(lambda s: text in s.text, repr(text))

    def sent_since(self, mark: int) -> bytes:
        """The bytes written after ``mark`` (a length of :attr:`raw` taken before)."""
        return bytes(self.raw[mark:])

    # -- acting --------------------------------------------------------------------------

    def send(self, keys: str | bytes) -> None:
        self.child.send(keys)

    def resize(self, cols: int, rows: int) -> None:
        self.pump()
        self.screen.resize(rows, cols)
        self.child.setwinsize(rows, cols)

    def finish(self) -> int:
        """Wait for the program to end; its exit status."""
        deadline = time.monotonic() + WAIT
        while not self.ended and time.monotonic() < deadline:
            self.pump(0.2)
        self.child.close()
        status = self.child.exitstatus
        return status if status is not None else 128 + (self.child.signalstatus or 0)
