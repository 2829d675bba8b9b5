"""How themes look in the terminal: the board (each theme with its letter and items, then what
is under no theme), what a change did, and the offline suggestions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from rich.console import Group, RenderableType
from rich.text import Text as RichText

from facilitate.i18n import t
from facilitate.model.theme_record import Item
from facilitate.model.theme_refs import theme_letter
from facilitate.model.themes import ThemeBoard
from facilitate.ui.results_view import Labels, dimension_value
from facilitate.ui.safe_text import safe_line, safe_text


class SuggestionLike(Protocol):
    """A suggestion as the application layer gives it."""

    @property
    def kind(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def items(self) -> tuple[str, ...]: ...

    @property
    def words(self) -> tuple[str, ...]: ...

    @property
    def similarity(self) -> int | None: ...


def item_line(item: Item, labels: Labels, lang: str) -> RichText:
    """``   12  Table 3 · round 2   Fler mötesplatser`` (the number, where from, the text)."""
    line = RichText(f"{item.number:>5}  ", style="bold")
    entry = item.entry
    where = [dimension_value(d, v, labels, lang) for d, v in entry.dims.items()]
    if entry.round is not None:
        where.append(t("results.round", round=entry.round))
    if where:
        line.append(safe_line(" · ".join(where)) + "   ", style="cyan")
    line.append(safe_text(item.text))
    return line


def board_view(
    board: ThemeBoard, items: Sequence[Item], labels: Labels, lang: str
) -> list[RenderableType]:
    """Every theme (letter, name, its items), then the items under no theme."""
    by_id = {item.id: item for item in items}
    parts: list[RenderableType] = []
    for index, theme in enumerate(board.themes):
        held = [by_id[i] for i in theme.items if i in by_id]
        heading = RichText(f"{theme_letter(index):>3}  ", style="bold magenta")
        heading.append(safe_line(theme.name), style="bold")
        heading.append(f"  ({len(held)})", style="dim")
        parts.append(Group(heading, *(item_line(i, labels, lang) for i in held)))
    assigned = {i for theme in board.themes for i in theme.items}
    loose = [item for item in items if item.id not in assigned]
    heading = RichText(t("themes.unassigned", count=len(loose), total=len(items)), style="bold")
    parts.append(Group(heading, *(item_line(i, labels, lang) for i in loose)))
    return parts


def change_lines(before: ThemeBoard, after: ThemeBoard) -> list[str]:
    """What a change did, a line per theme it touched (by the letters of ``after``)."""
    old = {theme.id: theme for theme in before.themes}
    new_ids = {theme.id for theme in after.themes}
    lines = []
    for index, theme in enumerate(after.themes):
        letter, was = theme_letter(index), old.get(theme.id)
        if was is None:
            lines.append(
                t("themes.changed.new", letter=letter, name=theme.name, count=len(theme.items))
            )
            continue
        if was.name != theme.name:
            lines.append(t("themes.changed.renamed", letter=letter, old=was.name, name=theme.name))
        if was.items != theme.items:
            values = {
                "letter": letter,
                "name": theme.name,
                "old": len(was.items),
                "count": len(theme.items),
            }
            lines.append(t("themes.changed.items", **values))
    lines += [
        t("themes.changed.gone", name=th.name) for th in before.themes if th.id not in new_ids
    ]
    return [safe_line(line) for line in lines] or [t("themes.changed.nothing")]


def suggestion_lines(
    suggestions: Sequence[SuggestionLike], numbers: Mapping[str, int]
) -> list[str]:
    """Each suggestion numbered, with why and the items' numbers."""
    lines = []
    for index, found in enumerate(suggestions, start=1):
        shown = ", ".join(str(numbers[i]) for i in found.items if i in numbers)
        if found.kind == "near_duplicate":
            why = t("suggest.near_duplicate", score=found.similarity, count=len(found.items))
        else:
            word = found.words[0] if found.words else found.name
            why = t("suggest.shared_stem", word=word, count=len(found.items))
        lines.append(safe_line(f"{index:>3}. {found.name} — {why}: {shown}"))
    return lines or [t("themes.suggest.none")]


def _item_data(item: Item) -> dict[str, object]:
    entry = item.entry
    return {
        "number": item.number,
        "entry_id": entry.entry_id,
        "kind": entry.kind,
        "text": entry.text,
        "run_id": entry.run_id,
        "step": entry.step,
        "round": entry.round,
        "dims": dict(entry.dims),
    }


def board_data(board: ThemeBoard, items: Sequence[Item]) -> dict[str, object]:
    """The board as JSON-ready data: the themes (letter, id, name, items), the items under none."""
    by_id = {item.id: item for item in items}
    assigned = {i for theme in board.themes for i in theme.items}
    return {
        "themes": [
            {
                "letter": theme_letter(index),
                "theme_id": theme.id,
                "name": theme.name,
                "items": [_item_data(by_id[i]) for i in theme.items if i in by_id],
            }
            for index, theme in enumerate(board.themes)
        ],
        "unassigned": [_item_data(item) for item in items if item.id not in assigned],
    }
