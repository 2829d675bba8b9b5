"""A small document for the terminal: headings, paragraphs and lists, rendered with Rich.

A view builds its document from :class:`Heading`, :class:`Paragraph` and :class:`Item`
blocks whose texts are Rich Texts it made itself, so no text from a file is ever read as
markup. (Rich's Markdown renderer would parse it, and load markdown-it and Pygments for a
few headings and lists.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitate.records import Record
from facilitate.ui.safe_text import safe_line, safe_text

HEADING_STYLES = {1: "bold underline", 2: "bold underline", 3: "bold"}


class Heading(Record):
    """A heading of ``level`` 1 to 3."""

    level: int
    text: str


class Paragraph(Record):
    """A paragraph; its line breaks are kept."""

    text: Text


class Item(Record):
    """An item of a list: ``marker`` ("•", "1." ...) before its text."""

    text: Text
    marker: str = "•"


Block = Heading | Paragraph | Item


def spans(*parts: str | tuple[str, str]) -> Text:
    """A Text of plain parts and (text, style) parts, every part made safe to show."""
    text = Text()
    for part in parts:
        if isinstance(part, tuple):
            text.append(safe_text(part[0]), style=part[1])
        else:
            text.append(safe_text(part))
    return text


def render_blocks(blocks: Sequence[Block]) -> RenderableType:
    """The blocks as Rich renderables: a blank line before each heading and paragraph and
    around each list; an item's text wraps under itself, not under its marker."""
    parts: list[RenderableType] = []
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, Item):
            items.append(block)
            continue
        if items:
            parts += [_item_grid(items), Text("")]
            items = []
        if parts and not _ends_blank(parts):
            parts.append(Text(""))
        if isinstance(block, Heading):
            parts.append(Text(safe_line(block.text), style=HEADING_STYLES[block.level]))
        else:
            parts.append(block.text)
    if items:
        parts.append(_item_grid(items))
    return Group(*parts)


def _ends_blank(parts: list[RenderableType]) -> bool:
    last = parts[-1]
    return isinstance(last, Text) and not last.plain


def _item_grid(items: Iterable[Item]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")  # (a long word, such as a web address, goes on, not "…")
    for item in items:
        grid.add_row(Text(f" {item.marker}"), item.text)
    return grid
