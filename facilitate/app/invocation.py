"""What a command is given from outside, checked before anything else: its arguments and
the ``FACILITATE_*`` settings. Bytes that are not UTF-8 would break every line that shows
them; an author with a control character would be written into every record."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from facilitate.errors import MessageLike, UsageError
from facilitate.i18n.messages import Message, message
from facilitate.library.user_text import checked_text


def _undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not UTF-8 (kept as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def argument_problem(args: Sequence[str]) -> Message | None:
    """Why the command line cannot be read (an argument that is not UTF-8), or None."""
    for number, arg in enumerate(args, start=1):
        if _undecodable(arg):
            shown = repr(os.fsencode(arg))[1:]  # b'\xff' -> '\xff'
            return message("arg.not_utf8", number=number, shown=shown)
    return None


def environment_problem(env: Mapping[str, str]) -> MessageLike | None:
    """Why the FACILITATE_* settings cannot be used (not UTF-8; an author with a control
    character), or None."""
    for name in sorted(env):
        if name.startswith("FACILITATE_") and _undecodable(env[name]):
            return message("env.not_utf8", name=name)
    author = env.get("FACILITATE_AUTHOR", "")
    if author.strip():
        try:
            checked_text(author, "FACILITATE_AUTHOR")
        except UsageError as error:
            return error.message
    return None
