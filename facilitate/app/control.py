"""The control channel of a live run: opened by the run, written to by a console (or a web
page) in another process. See :mod:`facilitate.store.control` for how it works."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from facilitate.errors import UsageError
from facilitate.i18n.messages import message
from facilitate.model.control import COMMANDS, is_command
from facilitate.store.control import ControlChannel, send_line
from facilitate.store.journal import Session, SessionStore

__all__ = ["COMMANDS", "ControlChannel", "control_channel", "send_control"]


@contextlib.contextmanager
def control_channel(session: Session | None) -> Iterator[ControlChannel | None]:
    """The run's channel in ``session``'s folder while the block runs (None: the run is not
    recorded, or no channel could be made; the run goes on without one)."""
    channel = ControlChannel.open(session.path) if session is not None else None
    try:
        yield channel
    finally:
        if channel is not None:
            channel.close()


def send_control(store: SessionStore, session_ref: str, command: str) -> bool:
    """Give ``command`` (``pause``, ``extend``, ``shorten``, ``next``) to the live run of
    session ``session_ref``; True if a live run took it, False when none is reading.

    UsageError for a command that is none; NotFoundError for an unknown session.
    """
    if not is_command(command):
        raise UsageError(message("console.err.command", command=command, commands=COMMANDS))
    session = store.open(session_ref)
    return send_line(session.path, command)
