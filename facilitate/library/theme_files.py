"""Read a themes file: a YAML mapping of theme names to the items each holds.

::

    Mötesplatser:
      - 3f2a9c1b0d4e                        # an item's id (or the start of it)
      - Fler mötesplatser mellan föreningar  # an item's exact text
      - 12                                  # an item's number (as `themes list` shows it)
    Tillit: [1, 4]

Every name and item keeps its line and column, so a problem names where it is.
"""

from __future__ import annotations

from pathlib import Path

from facilitate.errors import InvalidFileError, MessageLike, Problem
from facilitate.i18n.messages import message
from facilitate.library.files import read_text_file
from facilitate.library.yaml_source import YamlDocument, YamlSyntaxError, parse_yaml
from facilitate.records import Record


class Placed(Record):
    """A value from the file and where it is (line and column, 1-based)."""

    value: str
    line: int | None
    column: int | None


class ThemeSpec(Record):
    """A theme the file names, and the items it lists."""

    name: Placed
    items: tuple[Placed, ...]


def _placed(doc: YamlDocument, path: tuple[str | int, ...], value: object, key: bool) -> Placed:
    where = doc.position(path, key=key)
    return Placed(str(value), where.line if where else None, where.column if where else None)


def _problem(name: str, placed: Placed | None, text: MessageLike) -> Problem:
    line, column = (placed.line, placed.column) if placed else (None, None)
    return Problem(name, line, column, "", text)


def read_theme_file(path: Path, name: str) -> list[ThemeSpec]:
    """The themes file at ``path`` (``name``: how messages call it), or InvalidFileError."""
    text = read_text_file(path, name)
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as error:
        from facilitate.library.yaml_problems import unreadable  # (the error path only)

        raise unreadable(name, error, text, "themes.err.yaml") from None
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise InvalidFileError(
            [_problem(name, _placed(doc, (), "", False), message("themes.err.mapping"))]
        )
    specs: list[ThemeSpec] = []
    problems: list[Problem] = []
    for key, value in data.items():
        theme = _placed(doc, (str(key),), key, True)
        values = [] if value is None else value if isinstance(value, list) else [value]
        items = []
        for index, item in enumerate(values):
            spot = _placed(
                doc, (str(key), index) if isinstance(value, list) else (str(key),), item, False
            )
            if isinstance(item, bool) or not isinstance(item, str | int):
                problems.append(_problem(name, spot, message("themes.err.item")))
                continue
            items.append(spot)
        specs.append(ThemeSpec(theme, tuple(items)))
    if problems:
        raise InvalidFileError(problems)
    return specs
