"""Text made safe for a terminal, and a console that never lets a raw control character out.

Everything people typed or files hold (notes, titles, authors, method texts, file names) is
passed through :func:`safe_text` before it is printed: a control character is shown, not
obeyed. C0 characters and DEL are shown in caret notation as ``cat -v`` does (ESC as ``^[``),
C1 characters, bidirectional overrides and isolates and line separators as ``\\u009b``, and
bytes that were not UTF-8 (lone surrogates) as ``\\xff``. The ``\\u`` form is a JSON escape
of the same character, so JSON printed through a :class:`SafeConsole` stays valid and equal.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from facilitate.model.text_rules import is_control

KEEP = frozenset("\n\t")


def _shown(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def safe_text(text: str, *, keep: frozenset[str] = KEEP) -> str:
    """``text`` with every control character made visible (``keep`` ones stay as they are).

    Line breaks and tabs are kept by default; pass ``keep=frozenset()`` for one line.
    """
    if text.isprintable() or not any(is_control(char) for char in text):
        return text  # (every control character is unprintable: the first test is the fast one)
    return "".join(_shown(c) if is_control(c) and c not in keep else c for c in text)


def safe_line(text: str) -> str:
    """``text`` as one line: line breaks and tabs shown too."""
    return safe_text(text, keep=frozenset())


class SafeConsole(Console):
    """A Rich console whose output text can hold no control character from the data shown.

    Rich's own escape codes (styles, cursor movement) travel in styles and control segments
    and are left alone; the text of every other segment goes through :func:`safe_text`.
    The views call :func:`safe_text` themselves, so that widths are measured on what is
    shown; this is the net under them.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            text = segment.text
            # isprintable() is False for every control character (Cc, Cf, Zl, Zp, Cs)
            if (
                segment.control
                or text.isprintable()
                or text.replace("\n", "").isprintable()  # (lines of plain text, in one segment)
                or not any(is_control(c) for c in text if c not in KEEP)
            ):
                yield segment
            else:
                yield Segment(safe_text(segment.text), segment.style)
