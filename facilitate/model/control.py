"""The commands a live run takes from its control channel, and how their lines are read.

The facilitator's console (another process) writes one command per line, e.g. ``pause``;
the run applies each as if its key had been pressed. Everything read is checked here
(pure): a known name on a line of at most :data:`MAX_LINE` bytes is a command, anything
else is counted as refused and dropped (never raised), and an unfinished line waits for its
end, but never grows past :data:`MAX_LINE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COMMAND_KEYS: dict[str, str] = {"pause": " ", "extend": "+", "shorten": "-", "next": "n"}
"""Each command and the live view's key it stands for (``pause`` pauses or resumes)."""
COMMANDS = tuple(COMMAND_KEYS)
MAX_LINE = 32
"""The longest line (bytes, without its newline) that may hold a command."""


def is_command(name: str) -> bool:
    """True for a command a live run takes."""
    return name in COMMAND_KEYS


def encode_command(name: str) -> bytes:
    """The line that carries ``name`` (ValueError for a name that is no command)."""
    if not is_command(name):
        raise ValueError(f"not a control command: {name!r}")
    return name.encode("ascii") + b"\n"


@dataclass
class CommandReader:
    """Splits the bytes read from a control channel into commands, line by line."""

    pending: bytes = b""
    refused: int = 0
    """Lines dropped so far: unknown, too long or not ASCII."""
    _overlong: bool = field(default=False, repr=False)

    def feed(self, data: bytes) -> list[str]:
        """The commands completed by ``data``, in order (refused lines are only counted)."""
        lines = (self.pending + data).split(b"\n")
        self.pending = lines.pop()
        commands: list[str] = []
        for raw in lines:
            if self._overlong:  # the end of a line already refused
                self._overlong = False
                continue
            name = _command_of(raw)
            if name is None:
                self.refused += 1
            else:
                commands.append(name)
        if len(self.pending) > MAX_LINE:
            if not self._overlong:
                self.refused += 1
            self.pending, self._overlong = b"", True
        return commands


def _command_of(raw: bytes) -> str | None:
    """The command on one line (spaces and a CR around it are allowed), or None."""
    if len(raw) > MAX_LINE:
        return None
    try:
        name = raw.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    return name if is_command(name) else None
