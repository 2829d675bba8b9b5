"""Themes: named groups that link items (notes, reflections, cards) by id, across runs.

A theme links items rather than copying them, so each item keeps its own table, round and
story. An item sits under at most one theme, as a sticky note on a wall does: assigning it
elsewhere moves it. Every operation returns a new board or raises :class:`InputError` with
problems naming what is wrong; the board is never half changed. Theme ids are made by the
caller (like entry ids), so the model stays free of randomness.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from facilitate.model.input_problems import InputError, InputProblem, unknown_name
from facilitate.records import Record

MAX_THEME_NAME = 120


class Theme(Record):
    """A named group of item ids, in the order they were put there."""

    id: str
    name: str
    items: tuple[str, ...] = ()


class ThemeBoard(Record):
    """All themes of a session, in the order they were made."""

    themes: tuple[Theme, ...] = ()

    def get(self, theme_id: str) -> Theme | None:
        """The theme with id ``theme_id``."""
        return next((t for t in self.themes if t.id == theme_id), None)

    def find(self, ref: str) -> Theme | None:
        """The theme whose id is ``ref``, else whose name is ``ref`` (case-insensitive)."""
        key = _name_key(ref)
        return self.get(ref) or next((t for t in self.themes if _name_key(t.name) == key), None)

    def theme_of(self, item: str) -> Theme | None:
        """The theme ``item`` is under, if any."""
        return next((t for t in self.themes if item in t.items), None)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def name_problems(name: object, board: ThemeBoard, own_id: str | None = None) -> list[InputProblem]:
    """What is wrong with ``name`` for a theme (``own_id``: the theme being renamed)."""
    if not isinstance(name, str) or all(_invisible(ch) for ch in name):
        return [InputProblem("theme.name_empty", "name", {})]
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return [InputProblem("theme.name_control", "name", {})]
    if len(name.strip()) > MAX_THEME_NAME:
        values = {"length": len(name.strip()), "limit": MAX_THEME_NAME}
        return [InputProblem("theme.name_too_long", "name", values)]
    key = _name_key(name)
    taken = next((t for t in board.themes if _name_key(t.name) == key and t.id != own_id), None)
    if taken is not None:
        return [InputProblem("theme.name_taken", "name", {"name": taken.name})]
    return []


def _theme(board: ThemeBoard, ref: str, fld: str = "theme") -> Theme:
    found = board.find(ref)
    if found is None:
        names = [t.name for t in board.themes] + [t.id for t in board.themes]
        raise InputError([unknown_name("theme.unknown_theme", fld, ref, names)])
    return found


def _item_problems(items: Sequence[str], known: Collection[str] | None) -> list[InputProblem]:
    if known is None:
        return []
    return [unknown_name("theme.unknown_item", "items", i, known) for i in items if i not in known]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _refuse(problems: list[InputProblem]) -> None:
    if problems:
        raise InputError(problems)


def _moved(
    board: ThemeBoard, items: Collection[str], into: Theme | None = None
) -> tuple[Theme, ...]:
    """The board's themes with ``items`` taken out of each, and ``into`` in its place."""
    themes = []
    for theme in board.themes:
        if into is not None and theme.id == into.id:
            themes.append(into)
            continue
        kept = tuple(i for i in theme.items if i not in items)
        themes.append(replace(theme, items=kept) if len(kept) != len(theme.items) else theme)
    return tuple(themes)


def create_theme(
    board: ThemeBoard,
    theme_id: str,
    name: str,
    items: Sequence[str] = (),
    known: Collection[str] | None = None,
) -> ThemeBoard:
    """A new theme ``name`` (id ``theme_id``) holding ``items``, moved from where they were."""
    problems = name_problems(name, board)
    if board.get(theme_id) is not None:
        problems.append(InputProblem("theme.id_taken", "id", {"id": theme_id}))
    problems += _item_problems(items, known)
    _refuse(problems)
    new = Theme(theme_id, name.strip(), _unique(items))
    return ThemeBoard((*_moved(board, set(new.items)), new))


def rename_theme(board: ThemeBoard, ref: str, name: str) -> ThemeBoard:
    """The board with theme ``ref`` (id or name) renamed to ``name``."""
    theme = _theme(board, ref)
    _refuse(name_problems(name, board, own_id=theme.id))
    renamed = replace(theme, name=name.strip())
    return ThemeBoard(tuple(renamed if t.id == theme.id else t for t in board.themes))


def assign_items(
    board: ThemeBoard, ref: str, items: Sequence[str], known: Collection[str] | None = None
) -> ThemeBoard:
    """The board with ``items`` under theme ``ref``, moved from any other theme."""
    theme = _theme(board, ref)
    _refuse(_item_problems(items, known))
    added = tuple(i for i in _unique(items) if i not in theme.items)
    return ThemeBoard(_moved(board, set(added), replace(theme, items=theme.items + added)))


def unassign_items(board: ThemeBoard, items: Sequence[str]) -> ThemeBoard:
    """The board with ``items`` under no theme; each must be under one now."""
    loose = [i for i in items if board.theme_of(i) is None]
    _refuse([InputProblem("theme.item_not_assigned", "items", {"item": i}) for i in loose])
    return ThemeBoard(_moved(board, set(items)))


def remove_theme(board: ThemeBoard, ref: str) -> ThemeBoard:
    """The board without theme ``ref``; its items become unassigned."""
    theme = _theme(board, ref)
    return ThemeBoard(tuple(t for t in board.themes if t.id != theme.id))


def merge_themes(
    board: ThemeBoard, into: str, others: Sequence[str], name: str | None = None
) -> ThemeBoard:
    """Theme ``into`` with the items of ``others`` appended (those themes go).

    With ``name``, the merged theme is renamed (it may take the name of a theme merged in).
    """
    target = _theme(board, into, "into")
    merged = list({t.id: t for t in (_theme(board, ref, "themes") for ref in others)}.values())
    if not merged:
        raise InputError([InputProblem("theme.nothing_to_merge", "themes", {})])
    if any(t.id == target.id for t in merged):
        raise InputError([InputProblem("theme.merge_self", "themes", {"theme": target.name})])
    merged_ids = {t.id for t in merged}
    rest = ThemeBoard(tuple(t for t in board.themes if t.id not in merged_ids))
    if name is not None:
        _refuse(name_problems(name, rest, own_id=target.id))
    items = _unique(target.items + tuple(i for t in merged for i in t.items))
    result = replace(target, items=items, name=name.strip() if name else target.name)
    return ThemeBoard(tuple(result if t.id == target.id else t for t in rest.themes))


def split_theme(
    board: ThemeBoard, ref: str, new_id: str, new_name: str, items: Sequence[str]
) -> ThemeBoard:
    """Theme ``ref`` with ``items`` moved out into a new theme just after it."""
    theme = _theme(board, ref)
    problems = name_problems(new_name, board)
    if board.get(new_id) is not None:
        problems.append(InputProblem("theme.id_taken", "id", {"id": new_id}))
    if not items:
        problems.append(InputProblem("theme.nothing_to_split", "items", {"theme": theme.name}))
    stray = [i for i in items if i not in theme.items]
    problems += [
        InputProblem("theme.item_not_in_theme", "items", {"item": i, "theme": theme.name})
        for i in stray
    ]
    _refuse(problems)
    moved = set(items)
    kept = replace(theme, items=tuple(i for i in theme.items if i not in moved))
    new = Theme(new_id, new_name.strip(), tuple(i for i in theme.items if i in moved))
    themes: list[Theme] = []
    for t in board.themes:
        themes += [kept, new] if t.id == theme.id else [t]
    return ThemeBoard(tuple(themes))


def unassigned(board: ThemeBoard, items: Iterable[str]) -> tuple[str, ...]:
    """Those of ``items`` under no theme, in their order."""
    assigned = {i for t in board.themes for i in t.items}
    return tuple(i for i in items if i not in assigned)


def resolve_items(refs: Sequence[str], items: Mapping[str, str]) -> tuple[str, ...]:
    """Item ids for ``refs``: each an item's id, or its exact text (``items``: id -> text).

    Spacing at the ends and between words does not count; letter case does.
    """
    by_text: dict[str, list[str]] = {}
    for item_id, text in items.items():
        by_text.setdefault(" ".join(text.split()), []).append(item_id)
    found: list[str] = []
    problems: list[InputProblem] = []
    for row, ref in enumerate(refs):
        matches = [ref] if ref in items else by_text.get(" ".join(ref.split()), [])
        if len(matches) == 1:
            found.append(matches[0])
        elif matches:
            values = {"text": ref, "count": len(matches)}
            problems.append(InputProblem("theme.ambiguous_text", "items", values, row))
        else:
            known = [*items, *by_text]
            problems.append(unknown_name("theme.unknown_item", "items", ref, known).at(row))
    _refuse(problems)
    return _unique(found)
