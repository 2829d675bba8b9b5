"""Themes from a file (``themes SESSION --from FILE``), and offline theme suggestions.

A themes file maps names to items (:mod:`facilitate.library.theme_files`): a theme that exists
(by name, any case) gets the items, a new name makes a new theme; items not named stay where
they are, so applying the same file again changes nothing. Every item is found before
anything is saved; a problem names the file's line and column, and nothing is saved.

Suggestions (:mod:`facilitate.suggest.themes`, imported only when asked for) are shown for
the facilitator to accept or edit; nothing here applies one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from facilitate.app.authors import Author
from facilitate.app.methods import Methods
from facilitate.app.themes import Change, ThemesSaved, change_themes, new_theme_id, read_themes
from facilitate.errors import InvalidFileError, Problem
from facilitate.i18n.record_text import ProblemNote
from facilitate.library.theme_files import ThemeSpec, read_theme_file
from facilitate.model.input_problems import InputError
from facilitate.model.theme_record import Item
from facilitate.model.theme_refs import resolve_refs
from facilitate.model.themes import ThemeBoard, assign_items, create_theme, name_problems
from facilitate.records import Record
from facilitate.store.store import SessionStore


def _resolved(
    specs: Sequence[ThemeSpec], items: Sequence[Item], name: str
) -> list[tuple[str, tuple[str, ...]]]:
    """Each theme's name and item ids; InvalidFileError naming each item that names nothing."""
    found = []
    problems: list[Problem] = []
    for spec in specs:
        trouble = [
            p for p in name_problems(spec.name.value, ThemeBoard()) if p.code != "theme.name_taken"
        ]
        for problem in trouble:
            problems.append(
                Problem(name, spec.name.line, spec.name.column, "", ProblemNote((problem,)))
            )
        try:
            ids = resolve_refs([i.value for i in spec.items], items)
        except InputError as error:
            for problem in error.problems:
                spot = spec.items[problem.row] if problem.row is not None else spec.name
                problems.append(
                    Problem(name, spot.line, spot.column, spec.name.value, ProblemNote((problem,)))
                )
            continue
        found.append((spec.name.value, ids))
    if problems:
        raise InvalidFileError(problems)
    return found


def _apply(themes: Sequence[tuple[str, tuple[str, ...]]]) -> Change:
    def change(board: ThemeBoard, items: Sequence[Item]) -> ThemeBoard:
        known = {item.id for item in items}
        for theme_name, ids in themes:
            existing = board.find(theme_name)
            if existing is None:
                board = create_theme(board, new_theme_id(), theme_name, ids, known)
            else:
                board = assign_items(board, existing.id, ids, known)
        return board

    return change


def themes_from_file(
    store: SessionStore,
    session_ref: str,
    path: Path,
    *,
    author: str | Author,
    methods: Methods | None = None,
) -> ThemesSaved:
    """Apply the themes file at ``path`` (see the module text), in one batch."""
    specs = read_theme_file(path, str(path))
    read = read_themes(store, session_ref)
    themes = _resolved(specs, read.items, str(path))
    return change_themes(store, read.session_id, _apply(themes), author=author, methods=methods)


class Suggestion(Record):
    """A group the offline suggestions found: a name to start from, the items, and why
    (``near_duplicate`` with how alike, or ``shared_stem`` with the shared words)."""

    kind: str
    name: str
    items: tuple[str, ...]
    words: tuple[str, ...] = ()
    similarity: int | None = None


def suggest(
    board: ThemeBoard, items: Sequence[Item], language: str | None = None
) -> list[Suggestion]:
    """Suggestions for the items under no theme yet."""
    from facilitate.suggest.themes import suggest_themes  # ~0.2 s: only when asked for

    assigned = {i for theme in board.themes for i in theme.items}
    texts = {item.id: item.text for item in items if item.id not in assigned}
    found = suggest_themes(texts, language, board)
    return [Suggestion(s.kind, s.name, s.items, s.words, s.similarity) for s in found]
