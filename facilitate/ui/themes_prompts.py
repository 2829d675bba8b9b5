"""`facilitate themes SESSION`: grouping items into themes at the terminal, one question at a time.

The board is shown (each theme with its letter and items, then what is under no theme, every
item with its number); an action is chosen by its letter, and the action asks for what it
needs: a name, a theme (letter or name), items (numbers such as ``3, 5, 8`` or ``3-7``). The
work is done by a :class:`ThemeDesk` (the command line gives it the application layer), so
every change is saved before the next question. Suggestions are shown on request and only
become a theme when accepted, with their name and items offered to be edited. Ctrl-D, Ctrl-C
or ``q`` ends it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from rich.console import Console

from facilitate.errors import FacilitateError
from facilitate.i18n import Translator, get_language, t
from facilitate.model.theme_record import Item
from facilitate.model.theme_refs import split_refs
from facilitate.model.themes import ThemeBoard
from facilitate.ui.results_view import Labels
from facilitate.ui.safe_text import safe_line
from facilitate.ui.themes_view import SuggestionLike, board_view, suggestion_lines

QUIT = frozenset({"q", "quit", "klar", "sluta", "exit"})


class Answers(Protocol):
    """Asks a question; the answer (``default`` for an empty one), or None to stop (Ctrl-D)."""

    def ask(self, message: str, default: str = "") -> str | None: ...


class LineAnswers:
    """Questions on plain lines (with the terminal's line editing when it is one)."""

    def __init__(self, read: Callable[[str], str] = input) -> None:
        self.read = read

    def ask(self, message: str, default: str = "") -> str | None:
        prompt = f"{message} [{default}]: " if default else f"{message}: "
        try:
            answer = self.read(safe_line(prompt))
        except (EOFError, KeyboardInterrupt):
            return None
        return answer.strip() or default


class ThemeDesk(Protocol):
    """The themes of one session: read them, change them (each change saved), suggest.

    Each change returns lines saying what it did; a refused one raises FacilitateError.
    """

    def read(self) -> tuple[ThemeBoard, Sequence[Item], Labels]: ...

    def create(self, name: str, refs: Sequence[str]) -> list[str]: ...

    def assign(self, theme: str, refs: Sequence[str]) -> list[str]: ...

    def unassign(self, refs: Sequence[str]) -> list[str]: ...

    def rename(self, theme: str, name: str) -> list[str]: ...

    def merge(self, into: str, others: Sequence[str]) -> list[str]: ...

    def split(self, theme: str, refs: Sequence[str], name: str) -> list[str]: ...

    def remove(self, theme: str) -> list[str]: ...

    def suggestions(self) -> Sequence[SuggestionLike]: ...


Action = Callable[[ThemeDesk, Answers, Console], list[str] | None]


def _create(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    name = answers.ask(t("themes.ask.name"))
    if not name:
        return None
    refs = answers.ask(t("themes.ask.items_optional"))
    return None if refs is None else desk.create(name, split_refs(refs))


def _assign(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    theme = answers.ask(t("themes.ask.theme"))
    refs = answers.ask(t("themes.ask.items")) if theme else None
    return desk.assign(theme, split_refs(refs)) if theme and refs else None


def _unassign(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    refs = answers.ask(t("themes.ask.items"))
    return desk.unassign(split_refs(refs)) if refs else None


def _rename(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    theme = answers.ask(t("themes.ask.theme"))
    name = answers.ask(t("themes.ask.new_name")) if theme else None
    return desk.rename(theme, name) if theme and name else None


def _merge(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    others = answers.ask(t("themes.ask.merge_which"))
    into = answers.ask(t("themes.ask.merge_into")) if others else None
    return desk.merge(into, split_refs(others)) if others and into else None


def _split(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    theme = answers.ask(t("themes.ask.theme"))
    refs = answers.ask(t("themes.ask.split_items")) if theme else None
    name = answers.ask(t("themes.ask.name")) if refs else None
    return desk.split(theme, split_refs(refs), name) if theme and refs and name else None


def _remove(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    theme = answers.ask(t("themes.ask.remove"))
    return desk.remove(theme) if theme else None


def _suggest(desk: ThemeDesk, answers: Answers, console: Console) -> list[str] | None:
    """Show the suggestions; one accepted becomes a theme, its name and items as edited."""
    _, items, _ = desk.read()
    numbers = {item.id: item.number for item in items}
    found = list(desk.suggestions())
    for line in suggestion_lines(found, numbers):
        console.print(line, markup=False, highlight=False)
    if not found:
        return None
    choice = answers.ask(t("themes.ask.accept"))
    if not choice or not choice.isdigit() or not 1 <= int(choice) <= len(found):
        return None
    chosen = found[int(choice) - 1]
    name = answers.ask(t("themes.ask.name"), chosen.name)
    shown = ", ".join(str(numbers[i]) for i in chosen.items if i in numbers)
    refs = answers.ask(t("themes.ask.items"), shown) if name else None
    return desk.create(name, split_refs(refs)) if name and refs else None


ACTIONS: dict[str, Action] = {
    "c": _create,
    "a": _assign,
    "u": _unassign,
    "r": _rename,
    "m": _merge,
    "s": _split,
    "d": _remove,
    "g": _suggest,
}


def show_board(desk: ThemeDesk, console: Console, lang: str) -> None:
    board, items, labels = desk.read()
    for part in board_view(board, items, labels, lang):
        console.print(part)


def run_desk(desk: ThemeDesk, answers: Answers, console: Console, lang: str) -> int:
    """Ask for actions until the person stops; returns how many changes were saved."""
    show_board(desk, console, lang)
    saved = 0
    while True:
        console.print(t("themes.actions"), markup=False, highlight=False, style="dim")
        choice = answers.ask(t("themes.ask.action"))
        if choice is None or choice.strip().lower() in QUIT:
            return saved
        key = choice.strip().lower()[:1]
        if key == "l":
            show_board(desk, console, lang)
            continue
        action = ACTIONS.get(key)
        if action is None:
            continue
        try:
            lines = action(desk, answers, console)
        except FacilitateError as error:
            for line in error.lines(Translator(get_language())):
                console.print(safe_line(line), markup=False, highlight=False, style="red")
            continue
        if lines is None:
            console.print(t("themes.cancelled"), markup=False, highlight=False, style="dim")
            continue
        saved += 1
        for line in lines:
            console.print(line, markup=False, highlight=False, style="green")
        show_board(desk, console, lang)
