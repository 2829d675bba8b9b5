"""Screen lines for the live view: styled parts fitted to a width, and a frame of them."""

from __future__ import annotations

import textwrap

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment as RichSegment

from facilitate.records import Record
from facilitate.ui.safe_text import safe_line

Part = tuple[str, str]
"""A piece of text and its Rich style ("" for none)."""


class Line(Record):
    """One screen line, already fitted to the width: styled parts side by side."""

    parts: tuple[Part, ...] = ()

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)


BLANK = Line()


class Frame:
    """A whole screen of :class:`Line` objects; renders straight to segments (cheap)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = RichSegment.line()
        for line in self.lines:
            for text, style in line.parts:
                yield RichSegment(text, console.get_style(style) if style else None)
            yield newline


def fit(text: str, width: int) -> str:
    """``text`` as one safe line of at most ``width`` cells (cut with "…")."""
    text = safe_line(text)
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(0, width - 1)) + "…" if width > 1 else text[:width]


def line(text: str, width: int, style: str = "", *, center: bool = False) -> Line:
    """One line of ``text`` in ``style``, cut to ``width`` or centred in it."""
    text = fit(text, width)
    if center:
        text = " " * ((width - cell_len(text)) // 2) + text
    return Line(((text, style),))


def parts_line(parts: list[Part], width: int, *, center: bool = False) -> Line:
    """Styled parts side by side, the last ones cut when they do not fit."""
    kept: list[Part] = []
    room = width
    for text, style in parts:
        text = safe_line(text)
        if room <= 0:
            break
        if cell_len(text) > room:
            text = fit(text, room)
        kept.append((text, style))
        room -= cell_len(text)
    if center and room > 0:
        kept.insert(0, (" " * (room // 2), ""))
    return Line(tuple(kept))


def spread(left: str, right: str, width: int, style: str = "") -> Line:
    """``left`` and ``right`` at the two edges (only ``left`` when both do not fit)."""
    room = width - cell_len(left) - cell_len(right)
    if room < 2:
        return line(left, width, style)
    return line(left + " " * room + right, width, style)


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width``, its paragraphs kept."""
    lines: list[str] = []
    for paragraph in text.strip().splitlines():
        lines.extend(textwrap.wrap(paragraph, max(width, 8)) or [""])
    return lines


def clip(lines: list[str], limit: int) -> list[str]:
    """At most ``limit`` lines; the last one kept ends with " …" when some are left out."""
    if len(lines) <= limit:
        return lines
    if limit <= 0:
        return []
    return [*lines[: limit - 1], lines[limit - 1].rstrip() + " …"]
