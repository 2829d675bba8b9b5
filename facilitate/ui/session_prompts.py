"""The questions `sessions new` asks in a terminal when --title is not given (questionary).

Every answer is checked in the prompt itself, so a typo is corrected there and loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from typing import Any

from facilitate.errors import UsageError
from facilitate.i18n import t
from facilitate.library.user_text import checked_text
from facilitate.model.session import SESSION_LANGUAGES

MethodCheck = Callable[[str], str | None]
"""Says what is wrong with a method id (``unknown method ..., did you mean ...``), or None."""


def _answer(question: Any) -> str:
    """Ask; Ctrl-C (questionary answers None) interrupts the command."""
    answer = question.ask()
    if answer is None:
        raise KeyboardInterrupt
    return str(answer).strip()


def _text_ok(field: str, *, required: bool = False) -> Callable[[str], bool | str]:
    """A check for a typed text: no control characters, and something visible if required."""

    def validate(text: str) -> bool | str:
        if not text.strip():
            return t("sessions.ask.required") if required else True
        parts = text.split(",") if field == "facilitator" else [text]
        try:
            for part in (p for p in parts if p.strip()):
                checked_text(part, field)
        except UsageError as error:
            return error.lines(t)[0]
        return True

    return validate


def _date_ok(text: str) -> bool | str:
    text = text.strip()
    try:
        ok = len(text) == 10 and Date.fromisoformat(text) is not None
    except ValueError:
        ok = False
    return ok or t("sessions.header.date", got=text)


def _language_ok(text: str) -> bool | str:
    return text.strip() in SESSION_LANGUAGES or t("sessions.err.bad_language", got=text.strip())


def _method_ok(check: MethodCheck) -> Callable[[str], bool | str]:
    def validate(text: str) -> bool | str:
        problem = check(text.strip()) if text.strip() else None  # no method is fine
        return problem or True

    return validate


def ask_session_fields(given: dict[str, Any], check_method: MethodCheck) -> dict[str, Any]:
    """Ask for every field not already ``given`` (None or empty); return all fields."""
    import questionary

    fields = dict(given)
    fields["title"] = _answer(
        questionary.text(t("sessions.ask.title"), validate=_text_ok("title", required=True))
    )
    if not given.get("date_given"):
        fields["date"] = _answer(
            questionary.text(t("sessions.ask.date"), default=given["date"], validate=_date_ok)
        )
    if not given.get("place"):
        fields["place"] = _answer(
            questionary.text(t("sessions.ask.place"), validate=_text_ok("place"))
        )
    if not given.get("language_given"):
        fields["language"] = _answer(
            questionary.text(
                t("sessions.ask.language"), default=given["language"], validate=_language_ok
            )
        )
    if not given.get("method") and not given.get("plan"):
        fields["method"] = (
            _answer(questionary.text(t("sessions.ask.method"), validate=_method_ok(check_method)))
            or None
        )
    if not given.get("facilitators"):
        names = _answer(
            questionary.text(t("sessions.ask.facilitators"), validate=_text_ok("facilitator"))
        )
        fields["facilitators"] = [name.strip() for name in names.split(",") if name.strip()]
    return fields
