"""The text rules of :mod:`facilitate.model.text_rules` with their messages, for every adapter.

The command line, the terminal prompts and the application layer call :func:`checked_text`
where text is taken; a refusal is a :class:`~facilitate.errors.UsageError` (one line, exit 2).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from facilitate.errors import UsageError
from facilitate.i18n import t
from facilitate.model.text_rules import UserTextError, check_user_text


def text_error_message(error: UserTextError) -> str:
    """The refusal in the interface language, naming the field ("the note", "the title")."""
    field = str(error.params.get("field", ""))
    name = t(f"text.field.{field}")
    params = {**error.params, "field": name if name != f"text.field.{field}" else field}
    return t(error.key, **params)


def checked_text(text: str, field: str, *, multiline: bool = False) -> str:
    """``text`` stripped, or UsageError when it holds a control character or nothing visible.

    ``field`` is one of note, text, title, author, place, facilitator, reason (its name in the
    message); ``multiline`` allows line breaks and tabs.
    """
    try:
        return check_user_text(text, field, multiline=multiline)
    except UserTextError as error:
        raise UsageError(text_error_message(error)) from None


def checked_optional(text: str | None, field: str) -> str | None:
    """Like :func:`checked_text` for a field that may be left out (None or only spaces)."""
    if text is None or not text.strip():
        return text
    return checked_text(text, field)


def _undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not UTF-8 (kept as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def argument_problem(args: Sequence[str]) -> str | None:
    """Why the command line cannot be read (an argument that is not UTF-8), or None."""
    for number, arg in enumerate(args, start=1):
        if _undecodable(arg):
            shown = repr(os.fsencode(arg))[1:]  # b'\xff' -> '\xff'
            return t("arg.not_utf8", number=number, shown=shown)
    return None


def environment_problem(env: Mapping[str, str]) -> str | None:
    """Why the FACILITATE_* settings cannot be used (not UTF-8; an author with a control
    character), or None."""
    for name in sorted(env):
        if name.startswith("FACILITATE_") and _undecodable(env[name]):
            return t("env.not_utf8", name=name)
    author = env.get("FACILITATE_AUTHOR", "")
    if author.strip():
        try:
            checked_text(author, "FACILITATE_AUTHOR")
        except UsageError as error:
            return str(error)
    return None
