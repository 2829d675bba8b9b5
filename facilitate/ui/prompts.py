"""Questions to the facilitator during a run: a protocol, questionary, a scripted one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Prompter(Protocol):
    """Asks for a line of text; None when the person cancels or gives nothing."""

    def ask_text(self, message: str) -> str | None: ...


class QuestionaryPrompter:
    """Asks with questionary (imported only when a question is actually asked)."""

    def ask_text(self, message: str) -> str | None:
        import questionary

        try:
            answer = questionary.text(message).unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            return None
        return answer.strip() or None if isinstance(answer, str) else None


class ScriptedPrompter:
    """Answers from a list, in order, and remembers what it was asked (for tests)."""

    def __init__(self, answers: Iterable[str | None] = ()) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def ask_text(self, message: str) -> str | None:
        self.asked.append(message)
        return self.answers.pop(0) if self.answers else None
