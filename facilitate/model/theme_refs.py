"""How people name themes and items while they group: letters, numbers, ids, exact texts.

Themes are shown with a letter (A, B, … Z, AA …) in the board's order and may be named by
it, by name (any case) or by id. Items are shown with their number (stable in the session:
:func:`facilitate.model.theme_record.session_items`) and may be named by it, by a range
(``3-7``), by id or the start of one (four characters or more), or by their exact text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from string import ascii_uppercase

from facilitate.model.input_problems import InputError, InputProblem, unknown_name
from facilitate.model.theme_record import Item
from facilitate.model.themes import Theme, ThemeBoard, resolve_items

MIN_PREFIX = 4
_NUMBER = re.compile(r"^#?(\d{1,6})$")
_RANGE = re.compile(r"^#?(\d{1,6})-(\d{1,6})$")
_LETTERS = re.compile(r"^[A-Za-z]{1,2}$")


def theme_letter(index: int) -> str:
    """The letter shown for the theme at ``index`` (0: A, 25: Z, 26: AA)."""
    if index < len(ascii_uppercase):
        return ascii_uppercase[index]
    first, second = divmod(index, len(ascii_uppercase))
    return ascii_uppercase[first - 1] + ascii_uppercase[second]


def _letter_index(ref: str) -> int | None:
    if not _LETTERS.match(ref):
        return None
    letters = ref.upper()
    if len(letters) == 1:
        return ascii_uppercase.index(letters)
    return (ascii_uppercase.index(letters[0]) + 1) * 26 + ascii_uppercase.index(letters[1])


def find_theme(board: ThemeBoard, ref: str, field: str = "theme") -> Theme:
    """The theme ``ref`` names: its id, its name (any case), or its letter."""
    ref = ref.strip()
    found = board.find(ref)
    if found is not None:
        return found
    index = _letter_index(ref)
    if index is not None and index < len(board.themes):
        return board.themes[index]
    names = [t.name for t in board.themes]
    raise InputError([unknown_name("theme.unknown_theme", field, ref, names)])


def split_refs(text: str) -> list[str]:
    """``"3, 5 8"`` -> ``["3", "5", "8"]`` (commas and spaces separate)."""
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def resolve_refs(refs: Sequence[str], items: Sequence[Item]) -> tuple[str, ...]:
    """The item ids ``refs`` name (see the module text), in order, each once.

    Raises :class:`InputError` with a problem for each ref that names nothing (or several).
    """
    by_number = {item.number: item.id for item in items}
    ids = [item.id for item in items]
    found: list[str] = []
    problems: list[InputProblem] = []
    texts: list[tuple[int, str]] = []
    for row, ref in enumerate(refs):
        ref = ref.strip() if isinstance(ref, str) else str(ref)
        numbers = _numbers(ref)
        if numbers is not None:
            missing = [n for n in numbers if n not in by_number]
            problems += [
                InputProblem("theme.unknown_number", "items", {"number": n}, row) for n in missing
            ]
            found += [by_number[n] for n in numbers if n in by_number]
            continue
        matches = [ref] if ref in by_number.values() else _prefixed(ref, ids)
        if len(matches) == 1:
            found.append(matches[0])
        elif len(matches) > 1:
            values = {"ref": ref, "count": len(matches)}
            problems.append(InputProblem("theme.ambiguous_ref", "items", values, row))
        else:
            texts.append((row, ref))
    if texts:
        by_text = {item.id: item.text for item in items}
        try:
            found += resolve_items([ref for _, ref in texts], by_text)
        except InputError as error:
            problems += [
                p.at(texts[p.row][0] if p.row is not None else None) for p in error.problems
            ]
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.row or 0))
    return tuple(dict.fromkeys(found))


def _numbers(ref: str) -> list[int] | None:
    if match := _NUMBER.match(ref):
        return [int(match[1])]
    if match := _RANGE.match(ref):
        low, high = sorted((int(match[1]), int(match[2])))
        return list(range(low, high + 1)) if high - low < 10_000 else None
    return None


def _prefixed(ref: str, ids: Sequence[str]) -> list[str]:
    if len(ref) < MIN_PREFIX:
        return []
    key = ref.lower()
    return [i for i in ids if i.startswith(key)]
