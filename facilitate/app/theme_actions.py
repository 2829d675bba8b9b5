"""The changes people make to themes, as :data:`~facilitate.app.themes.Change` functions.

Each takes what was typed (a theme by letter, name or id; items by number, range, id or
text) and gives the operation on the board; :func:`facilitate.app.themes.change_themes`
applies and saves it. The interactive prompts and the one-line commands use the same ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from facilitate.app.themes import Change, new_theme_id
from facilitate.model.theme_record import Item
from facilitate.model.theme_refs import find_theme, resolve_refs
from facilitate.model.themes import (
    ThemeBoard,
    assign_items,
    create_theme,
    merge_themes,
    remove_theme,
    rename_theme,
    split_theme,
    unassign_items,
)

NewId = Callable[[], str]


def _known(items: Sequence[Item]) -> set[str]:
    return {item.id for item in items}


def create(name: str, refs: Sequence[str] = (), new_id: NewId = new_theme_id) -> Change:
    """A new theme ``name`` holding the items ``refs`` name (moved from other themes)."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        chosen = resolve_refs(refs, items)
        return create_theme(board, new_id(), name, chosen, _known(items))

    return change


def rename(theme: str, name: str) -> Change:
    """Theme ``theme`` called ``name``."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        return rename_theme(board, find_theme(board, theme).id, name)

    return change


def assign(theme: str, refs: Sequence[str]) -> Change:
    """The items ``refs`` name under theme ``theme`` (moved from any other)."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        target = find_theme(board, theme)
        return assign_items(board, target.id, resolve_refs(refs, items), _known(items))

    return change


def unassign(refs: Sequence[str]) -> Change:
    """The items ``refs`` name under no theme."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        return unassign_items(board, resolve_refs(refs, items))

    return change


def merge(into: str, others: Sequence[str], name: str | None = None) -> Change:
    """Themes ``others`` merged into ``into`` (renamed ``name`` if given)."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        target = find_theme(board, into, "into")
        merged = [find_theme(board, ref, "themes").id for ref in others]
        return merge_themes(board, target.id, merged, name)

    return change


def split(theme: str, refs: Sequence[str], name: str, new_id: NewId = new_theme_id) -> Change:
    """The items ``refs`` name moved out of ``theme`` into a new theme ``name``."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        source = find_theme(board, theme)
        return split_theme(board, source.id, new_id(), name, resolve_refs(refs, items))

    return change


def remove(theme: str) -> Change:
    """Theme ``theme`` gone; its items under no theme."""

    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        return remove_theme(board, find_theme(board, theme).id)

    return change
