"""A full-screen writer that sends the terminal only the cells that changed.

Rich renders each frame to lines of segments; the writer turns them into cells (a
character and its style; a wide character takes two), compares them with the frame it
sent before, and writes cursor moves and the changed spans only. A countdown that changes
one digit a second sends a few hundred bytes, not the whole screen. A new size, or a
screen that something else may have written to (:meth:`ScreenWriter.invalidate`), is
cleared and drawn whole. :meth:`ScreenWriter.leave` clears the screen before it gives the
normal one back, so nothing of the view is left on a terminal without an alternate screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import IO

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from rich.console import COLOR_SYSTEMS, Console, RenderableType
from rich.segment import Segment
from rich.style import Style

ALT_SCREEN_ON = "\x1b[?1049h"
ALT_SCREEN_OFF = "\x1b[?1049l"
HIDE_CURSOR = "\x1b[?25l"
SHOW_CURSOR = "\x1b[?25h"
RESET = "\x1b[0m"
CLEAR = "\x1b[H\x1b[2J"
BELL = "\a"
GAP = 4
"""Unchanged cells between two changed spans of a row that are sent again rather than
jumped over (a cursor move costs about as much)."""

Cell = tuple[str, Style | None]
"""One screen cell: its text ("" for the right half of a wide character) and style."""
Row = tuple[Cell, ...]
BLANK: Cell = (" ", None)


class ScreenWriter:
    """Draws frames on the alternate screen of ``console``'s terminal, sending differences."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._rows: list[Row] | None = None
        self._lines: list[tuple[Segment, ...]] = []
        self._size: tuple[int, int] | None = None
        self._codes: dict[Style | None, str] = {}
        self._blank_style: dict[Style | None, Style | None] = {}
        self._widths: dict[str, int] = {}
        self._generation = 0
        self.sent = 0
        """Characters written so far (for tests and benchmarks)."""

    @property
    def file(self) -> IO[str]:
        return self.console.file

    def enter(self) -> None:
        """Take the alternate screen, hide the cursor; the next frame is drawn whole."""
        self._write(ALT_SCREEN_ON + HIDE_CURSOR + RESET + CLEAR)
        self.invalidate()

    def leave(self) -> None:
        """Clear the view away and give the normal screen (and the cursor) back."""
        self._write(RESET + CLEAR + ALT_SCREEN_OFF + SHOW_CURSOR)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget what the screen holds: the next frame clears it and is drawn whole.

        Safe from a signal handler (``fg`` after Ctrl-Z) in the middle of :meth:`draw`:
        that frame is then not taken as what the screen holds.
        """
        self._rows = None
        self._lines = []
        self._generation += 1

    def bell(self) -> None:
        self._write(BELL)

    def draw(self, renderable: RenderableType, size: tuple[int, int]) -> None:
        """Show ``renderable`` on a screen of ``size`` (columns, rows)."""
        width, height = size
        generation = self._generation
        options = self.console.options.update_dimensions(width, height)
        rendered = self.console.render_lines(renderable, options, pad=True, new_lines=False)
        lines: list[tuple[Segment, ...]] = [tuple(line) for line in rendered[:height]]
        lines += [()] * (height - len(lines))
        out: list[str] = []
        if self._rows is None or self._size != size:
            out.append(RESET + CLEAR)
            old_rows = [(BLANK,) * width] * height
            old_lines: Sequence[tuple[Segment, ...] | None] = [None] * height
        else:
            old_rows, old_lines = self._rows, self._lines
        rows: list[Row] = []
        painter = _Painter(self._sgr, self._for_blank)
        for y, line in enumerate(lines):
            if line == old_lines[y]:
                rows.append(old_rows[y])
                continue
            row = self._cells(line, width)
            rows.append(row)
            if row != old_rows[y]:
                painter.row(y, row, old_rows[y])
        out.append(painter.finish())
        self._write("".join(out))
        if generation == self._generation:
            self._rows, self._lines, self._size = rows, lines, size

    # -- cells -----------------------------------------------------------------------------

    def _cells(self, line: Sequence[Segment], width: int) -> Row:
        cells: list[Cell] = []
        for text, style, control in line:
            if control:
                continue
            if text.isascii() or self._single_cells(text):
                blank = (" ", self._for_blank(style))
                cells.extend(blank if ch == " " else (ch, style) for ch in text)
                continue
            for ch in text:
                self._add(cells, ch, style)
        if len(cells) > width:
            cells = cells[:width]
            if cells and cells[-1][0] and get_character_cell_size(cells[-1][0][0]) == 2:
                cells[-1] = BLANK  # a wide character cut in half at the edge
        cells.extend([BLANK] * (width - len(cells)))
        return tuple(cells)

    def _single_cells(self, text: str) -> bool:
        """True when every character of ``text`` takes exactly one cell (block digits)."""
        widths = self._widths
        for ch in set(text):
            if ch not in widths:
                widths[ch] = get_character_cell_size(ch)
            if widths[ch] != 1:
                return False
        return True

    def _add(self, cells: list[Cell], ch: str, style: Style | None) -> None:
        size = get_character_cell_size(ch)
        if size == 0:  # a combining mark joins the character before it (composed if it can be)
            at = len(cells) - 1
            while at >= 0 and cells[at][0] == "":
                at -= 1
            if at >= 0:
                cells[at] = (unicodedata.normalize("NFC", cells[at][0] + ch), cells[at][1])
            return
        if ch == " ":
            cells.append((" ", self._for_blank(style)))
            return
        cells.append((ch, style))
        if size == 2:
            cells.append(("", style))

    def _for_blank(self, style: Style | None) -> Style | None:
        """The style a space needs: None unless it shows on a space (a background, reverse …)."""
        if style not in self._blank_style:
            visible = style is not None and bool(
                style.bgcolor
                or style.reverse
                or style.underline
                or style.strike
                or style.overline
                or style.underline2
                or style.frame
                or style.encircle
            )
            self._blank_style[style] = style if visible else None
        return self._blank_style[style]

    def _sgr(self, style: Style | None) -> str:
        """The escape code that sets ``style`` after a reset (cached)."""
        if style not in self._codes:
            self._codes[style] = RESET if style is None else self._style_code(style)
        return self._codes[style]

    def _style_code(self, style: Style) -> str:
        name = self.console.color_system
        system: ColorSystem | None = COLOR_SYSTEMS.get(name) if name else None
        marked = style.render("\x00", color_system=system, legacy_windows=False)
        start = marked.find("\x1b[")
        end = marked.find("m\x00")
        if start < 0 or end < 0:
            return RESET
        return f"\x1b[0;{marked[start + 2 : end]}m"

    def _write(self, text: str) -> None:
        if text:
            self.file.write(text)
            self.file.flush()
            self.sent += len(text)


class _Painter:
    """Writes the changed spans of rows, keeping track of the cursor and the style."""

    def __init__(
        self,
        sgr: Callable[[Style | None], str],
        for_blank: Callable[[Style | None], Style | None],
    ) -> None:
        self.sgr = sgr
        self.for_blank = for_blank
        self.out: list[str] = []
        self.style: Style | None = None
        self.at: tuple[int, int] | None = None

    def row(self, y: int, new: Row, old: Row) -> None:
        for start, end in _spans(new, old):
            if self.at != (y, start):
                self.out.append(f"\x1b[{y + 1};{start + 1}H")
            for text, style in new[start:end]:
                if not text:
                    continue
                if style is None and text == " " and self.for_blank(self.style) is None:
                    pass  # a space looks the same in a style without background
                elif style != self.style:
                    self.out.append(self.sgr(style))
                    self.style = style
                self.out.append(text)
            self.at = (y, end)

    def finish(self) -> str:
        if self.style is not None:
            self.out.append(RESET)
        return "".join(self.out)


def _spans(new: Row, old: Row) -> list[tuple[int, int]]:
    """The [start, end) column spans where ``new`` differs from ``old``, close ones merged,
    widened so that no wide character is cut in half."""
    spans: list[list[int]] = []
    changed = [x for x, (a, b) in enumerate(zip(new, old, strict=True)) if a != b]
    for x in changed:
        if spans and x - spans[-1][1] <= GAP:
            spans[-1][1] = x + 1
        else:
            spans.append([x, x + 1])
    for span in spans:
        if span[0] > 0 and new[span[0]][0] == "":
            span[0] -= 1
        if span[1] < len(new) and new[span[1]][0] == "":
            span[1] += 1
    return [(start, end) for start, end in spans]
