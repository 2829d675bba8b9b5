"""Rendering a problem with an entry (data from the model) as a message.

A problem is anything with a ``code`` (a catalogue key) and ``values``; a value may be a text
in both languages (``{"sv": ..., "en": ...}``, e.g. a list of labels), which is shown in the
interface language. Nothing here imports the model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from facilitate.i18n import get_language, t
from facilitate.records import Record


class ProblemLike(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def values(self) -> Mapping[str, object]: ...


def problem_message(problem: ProblemLike) -> str:
    """The message of ``problem`` in the interface language."""
    lang = get_language()
    values = {
        name: value.get(lang, "") if isinstance(value, dict) else value
        for name, value in problem.values.items()
    }
    return t(problem.code, **values)


def problem_text(problem: ProblemLike, translate: Callable[..., str]) -> str:
    """The message of ``problem`` rendered by ``translate`` (a Translator: its language picks
    the side of a value given in both languages)."""
    lang = getattr(translate, "lang", get_language())
    values = {
        name: value.get(lang, "") if isinstance(value, dict) else value
        for name, value in problem.values.items()
    }
    return translate(problem.code, **values)


class ProblemNote(Record):
    """Problems not yet put into words (an error's message): rendered at the edge, joined."""

    problems: tuple[ProblemLike, ...]
    prefix: str = ""

    def render(self, translate: Callable[..., str]) -> str:
        return self.prefix + "; ".join(problem_text(p, translate) for p in self.problems)

    def __str__(self) -> str:
        from facilitate.i18n import Translator

        return self.render(Translator("en"))
