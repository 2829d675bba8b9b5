"""Problems with an entry, as the scoring engine states them: :class:`InputProblem` data.

An entry's own problems have codes ``entry.<...>`` (the scores' come from the scoring engine,
``score.<...>``, and themes' ``theme.<...>``): each code is a key in the interface catalogue,
``field`` says where (``kind``, ``text``, ``dims.<dimension>``, a payload field such as
``points_a``), and ``values`` what the message needs. A code ending in ``_hint`` offers a
close match (``hint``). A value may be a text in both languages (``{"sv": ..., "en": ...}``,
for lists of labels): the interface renders it in its language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NoReturn

from facilitate.model.entry_rules import Named, closest_name
from facilitate.model.input_problems import InputError, InputProblem

ENTRY_CODES = (
    "entry.unknown_kind",
    "entry.unknown_kind_hint",
    "entry.kind_not_collected",
    "entry.text_empty",
    "entry.entry_empty",
    "entry.unknown_dimension",
    "entry.unknown_dimension_hint",
    "entry.unknown_value",
    "entry.unknown_value_hint",
    "entry.empty_value",
    "entry.missing",
    "entry.unexpected",
    "entry.not_text",
    "entry.card_exists",
    "entry.unknown_field",
    "entry.unknown_field_hint",
)
"""Every code of an entry's own problems (each has a message in the catalogue)."""


def refuse(field: str, code: str, **values: object) -> NoReturn:
    """Raise the one problem ``entry.<code>`` at ``field``."""
    raise InputError([InputProblem(f"entry.{code}", field, values)])


def refuse_unknown(
    field: str,
    code: str,
    name: str,
    options: Iterable[Named],
    hint: str | None = None,
    **values: object,
) -> NoReturn:
    """Raise ``entry.<code>`` for an unknown ``name``, or ``entry.<code>_hint`` with ``hint``
    (by default the closest of ``options``, by id or label)."""
    hint = hint or closest_name(name, options)
    values = {"name": name, **values}
    if hint:
        raise InputError([InputProblem(f"entry.{code}_hint", field, {**values, "hint": hint})])
    raise InputError([InputProblem(f"entry.{code}", field, values)])


def choices_text(options: Iterable[Named]) -> dict[str, str]:
    """The options as a list to read, in both languages: ``mod (Courage), ...``."""
    listed = list(options)
    return {lang: ", ".join(o.shown(lang) for o in listed) or "-" for lang in ("sv", "en")}
