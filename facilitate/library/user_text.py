"""The text rules of :mod:`facilitate.model.text_rules` with their messages, for every adapter.

The command line, the terminal prompts and the application layer call :func:`checked_text`
where text is taken; a refusal is a :class:`~facilitate.errors.UsageError` (one line, exit 2).
"""

from __future__ import annotations

from facilitate.errors import UsageError
from facilitate.i18n import has_message
from facilitate.i18n.messages import Message, message
from facilitate.model.text_rules import UserTextError, check_user_text


def text_error_message(error: UserTextError) -> Message:
    """The refusal, naming the field ("the note", "the title")."""
    field = str(error.params.get("field", ""))
    key = f"text.field.{field}"
    params = {**error.params, "field": message(key) if has_message(key) else field}
    return message(error.key, **params)


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
