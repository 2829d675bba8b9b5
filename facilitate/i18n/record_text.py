"""Rendering a problem with an entry (data from the model) as a message.

A problem is anything with a ``code`` (a catalogue key) and ``values``; a value may be a text
in both languages (``{"sv": ..., "en": ...}``, e.g. a list of labels), which is shown in the
interface language. Nothing here imports the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from facilitate.i18n import get_language, t


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
