"""Rendering the session record's problems (data from the model) as messages.

The model describes what is wrong with an entry as a field, a code and values; a value may
be a text in both languages (``{"sv": ..., "en": ...}``), and ``suggestion`` is rendered as
"did you mean". Nothing here imports the model: a problem is anything with ``key`` and
``values``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from facilitate.i18n import get_language, t


class ProblemLike(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def values(self) -> Mapping[str, object]: ...


def problem_message(problem: ProblemLike) -> str:
    """The message of ``problem`` in the interface language."""
    lang = get_language()
    values = {
        name: value.get(lang, "") if isinstance(value, dict) else value
        for name, value in problem.values.items()
    }
    suggestion = values.pop("suggestion", "")
    hint = t("entry.problem.did_you_mean", suggestion=suggestion) if suggestion else ""
    return t(problem.key, hint=hint, **values)
