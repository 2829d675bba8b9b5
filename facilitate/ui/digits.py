"""Block digits for the countdown, scaled to fit the space the terminal gives them."""

from __future__ import annotations

from facilitate.records import Record

GLYPH_ROWS = 5
_ON = "#"
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("  ",) * GLYPH_ROWS,
}


class Scale(Record):
    """How many terminal columns and rows one pixel of the font takes."""

    cols: int
    rows: int


def pixel_width(text: str) -> int:
    """Width of ``text`` in font pixels, one pixel of space between glyphs."""
    return sum(len(FONT[c][0]) for c in text) + max(0, len(text) - 1)


def best_scale(text: str, width: int, height: int) -> Scale | None:
    """The largest scale at which ``text`` fits in ``width`` x ``height`` cells (None: none).

    Pixels are kept between square on screen (2 columns per row) and twice as tall as wide.
    """
    pixels = pixel_width(text)
    for rows in range(height // GLYPH_ROWS, 0, -1):
        for cols in range(2 * rows, rows - 1, -1):
            if pixels * cols <= width:
                return Scale(cols, rows)
    return None


def render_digits(text: str, scale: Scale) -> list[str]:
    """The lines that draw ``text`` in block digits at ``scale``."""
    lines: list[str] = []
    for row in range(GLYPH_ROWS):
        pixels = " ".join(FONT[c][row] for c in text)
        line = "".join(("█" if p == _ON else " ") * scale.cols for p in pixels)
        lines.extend([line] * scale.rows)
    return lines
